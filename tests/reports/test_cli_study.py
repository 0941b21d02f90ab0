"""``craftwave report``: exactly one of --study/--data, and --study-file with an export."""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from craftwave.cli import main


def test_exactly_one_of_study_and_data(export_dir, tmp_path):
    runner = CliRunner()
    out = str(tmp_path / "out")
    neither = runner.invoke(main, ["report", "researcher", "--out", out])
    both = runner.invoke(main, ["report", "platform", "--study", "gigpanel", "--data",
                                str(export_dir), "--out", out])
    for res in (neither, both):
        assert res.exit_code == 2
        assert "exactly one of --study STUDY_ID" in res.output and "--data EXPORT_DIR" in res.output
    assert not (tmp_path / "out").exists()


def test_a_study_file_given_to_study_points_to_study_file(export_dir, tmp_path):
    res = CliRunner().invoke(main, ["report", "platform", "--study",
                                    str(export_dir / "study.yaml"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2
    assert "--study-file" in res.output and "study in the app's database" in res.output


def test_study_file_overrides_the_exports_study_yaml(export_dir, tmp_path):
    raw = yaml.safe_load((export_dir / "study.yaml").read_text(encoding="utf-8"))
    raw["title"] = {**raw["title"], "en": "Renamed for the study-file test"}
    study_file = tmp_path / "renamed.yaml"
    study_file.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["report", "platform", "--data", str(export_dir),
                                    "--study-file", str(study_file), "--out", str(out),
                                    "--format", "html", "--bootstrap", "0", "--quiet"])
    assert res.exit_code == 0, res.output
    html = (out / "platform-report.html").read_text(encoding="utf-8")
    assert "Renamed for the study-file test" in html
    original = yaml.safe_load((export_dir / "study.yaml").read_text(encoding="utf-8"))["title"]["en"]
    assert original != "Renamed for the study-file test"
