"""`craftwave growth` as lmerTest and lavaan users call it (fixtures of r/growth_lmertest.R)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from craftwave.cli import main

REF = Path(__file__).resolve().parents[1] / "reference"
DATA = str(REF / "data" / "growth_covariates.csv")


@pytest.fixture()
def runner():
    return CliRunner()


def _json(out) -> dict:
    assert out.exit_code == 0, out.output
    return json.loads(out.output)


def _check_fixed(payload: dict, ref: dict) -> None:
    fixed = {r["term"]: r for r in payload["fixed"]}
    for row in ref["fixed"]:
        mine = fixed[row["term"]]
        assert mine["est"] == pytest.approx(row["est"], abs=1e-3)
        assert mine["se"] == pytest.approx(row["se"], abs=1e-3)
        assert mine["df"] == pytest.approx(row["df"], rel=1e-3)
        assert mine["t"] == pytest.approx(row["t"], rel=1e-4)
        assert mine["pvalue"] == pytest.approx(row["pvalue"], abs=1e-4)


def test_formula_with_contrast_matches_lmertest(runner):
    ref = json.loads((REF / "growth_lmertest_covariates.json").read_text())
    payload = _json(runner.invoke(main, [
        "growth", DATA, "--time", "time", "--formula", "resil ~ time * arm + age + (time | id)",
        "--contrast", "time + time:armcontrol", "--json"]))
    _check_fixed(payload, ref)
    assert payload["aic"] == pytest.approx(ref["aic"], rel=1e-6)
    assert payload["bic"] == pytest.approx(ref["bic"], rel=1e-6)
    assert payload["reml_criterion"] == pytest.approx(ref["reml_criterion"], rel=1e-6)
    anova = {r["term"]: r for r in payload["anova"]}
    for row in ref["anova"]:  # lmerTest's type III anova(m), time inside time:arm included
        assert anova[row["term"]]["F"] == pytest.approx(row["F"], rel=1e-4)
        assert anova[row["term"]]["ddf"] == pytest.approx(row["ddf"], rel=1e-3)
    con = payload["contrasts"][0]
    assert con["contrast"] == "time + time:armcontrol"
    assert con["df"] == pytest.approx(ref["contrasts"][0]["df"], rel=1e-3)
    assert con["est"] == pytest.approx(ref["contrasts"][0]["est"], abs=1e-3)


def test_ftest_option(runner):
    ref = json.loads((REF / "growth_lmertest_covariates.json").read_text())
    anova = {r["term"]: r for r in ref["anova"]}
    payload = _json(runner.invoke(main, [
        "growth", DATA, "--id", "id", "--time", "time", "--outcome", "resil",
        "--covariate", "age", "--time-interaction", "arm", "--random-slope",
        "--time-coding", "raw", "--ftest", "time:arm", "--json"]))
    ft = payload["ftests"][0]
    assert ft["coefficients"] == ["time:armcontrol"]
    assert ft["F"] == pytest.approx(anova["time:arm"]["F"], rel=1e-4)
    assert ft["ddf"] == pytest.approx(anova["time:arm"]["ddf"], rel=1e-3)
    text = runner.invoke(main, ["growth", DATA, "--id", "id", "--time", "time", "--outcome",
                                "resil", "--time-interaction", "arm", "--ftest", "time:arm"])
    assert "F-test time:arm (time:armcontrol): F(1, " in text.output


def test_covariate_options_with_ml_match_lmertest(runner):
    ref = json.loads((REF / "growth_lmertest_covariates_ml.json").read_text())
    payload = _json(runner.invoke(main, [
        "growth", DATA, "--id", "id", "--time", "time", "--outcome", "resil",
        "--covariate", "arm", "--covariate", "age", "--time-interaction", "arm",
        "--random-slope", "--time-coding", "raw", "--no-reml", "--json"]))
    assert payload["method"] == "ML" and payload["npar"] == ref["npar"]
    _check_fixed(payload, ref)
    assert payload["deviance"] == pytest.approx(ref["deviance"], rel=1e-6)


def test_text_output_names_satterthwaite_and_criteria(runner):
    out = runner.invoke(main, ["growth", DATA, "--id", "id", "--time", "time",
                               "--outcome", "resil", "--time-interaction", "arm",
                               "--contrast", "time + time:armcontrol"])
    assert out.exit_code == 0, out.output
    assert "Satterthwaite" in out.output and "AIC" in out.output and "BIC" in out.output
    assert "Type III analysis of variance" in out.output
    assert "time:armcontrol" in out.output
    assert "contrast time + time:armcontrol: estimate" in out.output


def test_latent_growth_function_matches_lavaan(runner):
    ref = json.loads((REF / "growth_lmertest_latent_covariates.json").read_text())
    payload = _json(runner.invoke(main, [
        "growth", DATA, "--id", "id", "--time", "time", "--outcome", "resil",
        "--covariate", "age", "--time-interaction", "arm", "--function", "growth", "--json"]))
    assert payload["function"] == "growth" and "s ~ armcontrol" in payload["syntax"]
    assert payload["fit"]["logl"] == pytest.approx(ref["fit"]["logl"], rel=1e-4)
    ests = {(p["lhs"], p["op"], p["rhs"]): p["est"] for p in payload["parameters"]}
    want = {(r["lhs"], r["op"], r["rhs"]): r["est"] for r in ref["parameters"]}
    assert ests[("s", "~", "armcontrol")] == pytest.approx(want[("s", "~", "arm_control")],
                                                          abs=1e-3)
    text = runner.invoke(main, ["growth", DATA, "--id", "id", "--time", "time",
                                "--outcome", "resil", "--function", "growth"])
    assert text.exit_code == 0 and "lavaan growth()" in text.output
    assert "full-information ML" in text.output


@pytest.mark.parametrize("args,message", [
    (["--id", "id", "--outcome", "resil", "--covariate", "agee"], "no column(s) agee"),
    (["--formula", "resil ~ time + wealth + (time | id)"], "no column 'wealth'"),
    (["--id", "id", "--outcome", "resil", "--contrast", "time + slope"],
     "no fixed effect named slope"),
    (["--id", "id", "--outcome", "resil", "--contrast", "x*time"], "cannot read"),
    (["--formula", "resil ~ time + (time | id)", "--function", "growth"], "no --formula"),
    (["--outcome", "resil", "--function", "growth"], "needs --id and --outcome"),
])
def test_clear_errors(runner, args, message):
    out = runner.invoke(main, ["growth", DATA, "--time", "time", *args])
    assert out.exit_code != 0
    assert message in out.output
