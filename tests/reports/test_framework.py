"""The report framework without PDF: loader, placeholders, escaping, CLI, options."""

from __future__ import annotations

import shutil

import pytest
import yaml
from click.testing import CliRunner

from craftwave.cli import main
from craftwave.instruments.errors import CraftwaveError, DataError
from craftwave.reports import build_report, load_export
from craftwave.reports.render import environment, number_items
from craftwave.reports.sections import ReportContext, Section, run_section
from craftwave.reports.studyinfo import DEFAULT_K, study_info
from craftwave.reports.tables import Table, bounded, num, pval


@pytest.fixture(scope="module")
def platform_html(export_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("plat")
    res = build_report("platform", export_dir, out, "html", bootstrap=50, seed=1)
    return res


def test_loader_reads_and_verifies(export_dir, tmp_path):
    data = load_export(export_dir)
    assert data.waves == [1, 2, 3]
    assert len(data.participants) == 240
    assert data.status(2).eq("completed").sum() > 0
    bad = tmp_path / "export"
    shutil.copytree(export_dir, bad)
    with (bad / "scores.csv").open("a") as fh:
        fh.write("\n")
    with pytest.raises(DataError, match="scores.csv"):
        load_export(bad)
    assert len(load_export(bad, verify=False).scores) == 240  # verify=False is honoured
    (bad / "manifest.json").unlink()
    with pytest.raises(DataError, match="manifest"):
        load_export(bad)
    with pytest.raises(DataError):
        load_export(tmp_path / "nowhere")


def test_study_info_from_file_and_from_data(export_dir):
    info = study_info(export_dir / "study.yaml")
    assert info.k == 10 and info.arms == ("control", "forum") and info.randomised
    assert info.after_wave == 1 and info.waves == (1, 2, 3)
    guessed = study_info(None, data_waves=[1, 2], data_arms=["b", "a"])
    assert guessed.k == DEFAULT_K and guessed.arms == ("a", "b") and not guessed.randomised
    assert study_info(export_dir / "study.yaml", k=25).k == 25


def test_placeholders_say_why(export_dir):
    ctx = ReportContext(data=load_export(export_dir), study=study_info(None))

    def needs_missing_module(c):
        raise ImportError("no module", name="analysis.nothing_here")

    def fails_on_data(c):
        raise DataError("column 'x_w1' is constant")

    def breaks(c):
        raise ZeroDivisionError("division by zero")

    for fn, expected in [(needs_missing_module, "analysis.nothing_here"),
                         (fails_on_data, "column 'x_w1' is constant"),
                         (breaks, "ZeroDivisionError")]:
        s = run_section(fn, ctx, id="x", title="X")
        assert not s.available and s.reason.startswith("not available:") and expected in s.reason


def test_templates_escape_everything():
    env = environment()
    assert env.autoescape
    tpl = env.from_string('{% from "_macros.html" import section %}{{ section(s, refs, "svg") }}')
    s = Section(id="x", title="<script>alert(1)</script>", paragraphs=["a < b & <i>c</i>"],
                tables=[Table(id="t", title="T", columns=["<b>"], rows=[["<td>"]])])
    html = tpl.render(s=s, refs=number_items([s]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;i&gt;c&lt;/i&gt;" in html and "&lt;td&gt;" in html


def test_apa_formatting():
    assert bounded(0.354) == ".35" and bounded(-0.05) == "\u2212.05"
    assert pval(0.0004) == "< .001" and pval(0.0312) == ".031"
    assert num(-0.001) == "0.00" and num(None) == ""


def test_platform_without_intervention(export_dir, tmp_path):
    study = yaml.safe_load((export_dir / "study.yaml").read_text())
    study.pop("intervention")
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(study))
    res = build_report("platform", export_dir, tmp_path / "out", "html", study=path,
                       bootstrap=50)
    sec = res.section("decision")
    assert not sec.available and "no intervention arms" in sec.reason
    assert "Did the intervention help?" in res.html


def test_recommendations_point_to_their_evidence(platform_html):
    rec = platform_html.section("recommendations")
    assert rec.available and rec.items
    numbers = set(platform_html.refs.values())
    for item in rec.items:
        assert item["evidence"]
        assert set(item["refs"]) <= numbers
    assert any(item["refs"] for item in rec.items)
    html = platform_html.html
    assert "association" in html


def test_a_large_k_hides_everything_small(export_dir, tmp_path):
    k = 150
    res = build_report("platform", export_dir, tmp_path, "html", bootstrap=20, k=k)
    for t in (t for s in res.sections for t in s.tables if t.meta.get("kind") == "counts"):
        for row in t.rows:
            assert all(c == "–" or int(c) >= k for c in row[1:]), (t.id, row)
    dec = res.section("decision")
    assert not dec.available and f"fewer than {k} workers" in dec.reason
    assert not any("'forum'" in r["headline"] for r in res.section("recommendations").items)


def test_bad_options(export_dir, tmp_path):
    with pytest.raises(CraftwaveError, match="unknown report"):
        build_report("weekly", export_dir, tmp_path)
    with pytest.raises(CraftwaveError, match="format"):
        build_report("platform", export_dir, tmp_path, "docx")


def test_cli(export_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "cli"
    res = runner.invoke(main, ["report", "platform", "--data", str(export_dir), "--out",
                               str(out), "--format", "html", "--bootstrap", "20", "--quiet"])
    assert res.exit_code == 0, res.output
    assert (out / "platform-report.html").is_file()
    assert "html:" in res.output
    bad = runner.invoke(main, ["report", "platform", "--data", str(export_dir), "--out",
                               str(out), "--format", "docx"])
    assert bad.exit_code == 2 and "format" in bad.output
