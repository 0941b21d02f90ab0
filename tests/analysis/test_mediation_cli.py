"""``craftwave moderated-mediation`` on the reference CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from craftwave.analysis.mediation import moderated_mediation
from craftwave.cli import main

DATA = Path(__file__).resolve().parents[1] / "reference" / "data" / "mediation.csv"
BASE = ["moderated-mediation", str(DATA), "--x", "icraft_w1", "--m", "resil_w2",
        "--y", "ccommit_w3", "--covariates", "tenure"]


def test_json_matches_the_python_api(tmp_path):
    import pandas as pd

    result = CliRunner().invoke(
        main, [*BASE, "--w", "ccraft_w1", "--model", "8", "--bootstrap", "600", "--seed", "4",
               "--json", "--plots", str(tmp_path / "figs")])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out) >= {"paths", "index", "conditional_indirect", "johnson_neyman"}
    assert set(out["index"]) == {"est", "se", "ci_lower", "ci_upper"}
    res = moderated_mediation(pd.read_csv(DATA), x="icraft_w1", w="ccraft_w1", m="resil_w2",
                              y="ccommit_w3", covariates=["tenure"], model=8, bootstrap=600,
                              seed=4)
    assert out["index"]["ci_lower"] == pytest.approx(res.index.ci_lower[0], abs=1e-12)
    got = [r["ci_upper"] for r in out["conditional_indirect"]]
    assert got == pytest.approx(res.conditional_indirect.ci_upper.tolist(), abs=1e-12)
    assert out["bootstrap"] == {"n": 600, "n_failed": 0, "seed": 4, "ci": "percentile",
                                "level": 0.95}
    assert (tmp_path / "figs" / "conditional_indirect.png").exists()


def test_text_output_model14_with_values():
    result = CliRunner().invoke(
        main, [*BASE, "--v", "ccraft_w2", "--model", "14", "--bootstrap", "0",
               "--probe", "2,3,4"])
    assert result.exit_code == 0, result.output
    assert "PROCESS model 14" in result.output
    assert "ccraft_w2 =   3.0000" in result.output


def test_errors_exit_cleanly():
    result = CliRunner().invoke(main, [*BASE, "--w", "nope", "--bootstrap", "0"])
    assert result.exit_code == 2 and "nope" in result.output
    result = CliRunner().invoke(main, [*BASE, "--w", "ccraft_w1", "--probe", "low,high"])
    assert result.exit_code == 2 and "--probe" in result.output


def test_fiml_option():
    missing = DATA.parent / "mediation_missing.csv"
    args = ["moderated-mediation", str(missing), "--x", "icraft_w1", "--w", "ccraft_w1",
            "--m", "resil_w2", "--y", "ccommit_w3", "--covariates", "tenure", "--bootstrap", "0"]
    listwise = json.loads(CliRunner().invoke(main, [*args, "--json"]).stdout)
    fiml = json.loads(CliRunner().invoke(main, [*args, "--missing", "fiml", "--json"]).stdout)
    assert fiml["n"] > listwise["n"] and "FIML" in fiml["estimator"]
