"""``craftwave itt`` reproduces the reports' primary contrast and decision from an export."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.analysis.intervention.itt import itt_fiml
from craftwave.cli import main


def test_itt_command_gives_the_declared_contrast_on_every_randomised_participant(export_dir):
    result = CliRunner().invoke(main, ["itt", "--data", str(export_dir), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    part = pd.read_csv(export_dir / "participants.csv", dtype={"participant_id": str})
    scores = pd.read_csv(export_dir / "scores.csv", dtype={"participant_id": str})
    frame = part[part["arm"].notna()].merge(scores, on="participant_id", how="left")
    ref = itt_fiml(frame, outcome="resil", wave=3, baseline_wave=1).params.iloc[0]
    assert out["fiml"]["nobs"] == len(frame) and out["fiml"]["wave"] == 3
    assert out["fiml"]["params"][0]["est"] == pytest.approx(ref["est"], abs=1e-9)
    (dec,) = out["decisions"]
    assert dec["arm"] == "forum" and dec["label"] in (
        "scale", "promising: run longer or larger", "no effect detected", "inconclusive")


def test_itt_command_without_a_declaration_asks_for_one(export_dir, tmp_path):
    import shutil

    import yaml

    copy = tmp_path / "export"
    shutil.copytree(export_dir, copy)
    study = yaml.safe_load((copy / "study.yaml").read_text())
    study["intervention"].pop("primary")
    (copy / "study.yaml").write_text(yaml.safe_dump(study))
    result = CliRunner().invoke(main, ["itt", "--data", str(copy)])
    assert result.exit_code != 0 and "declares no intervention.primary" in result.output
