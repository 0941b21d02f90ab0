"""The panel commands: craftwave model / growth / attrition / power."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from craftwave.cli import main

REF = Path(__file__).resolve().parents[1] / "reference"


@pytest.fixture()
def runner():
    return CliRunner()


def test_model_prints_syntax(runner):
    out = runner.invoke(main, ["model", "riclpm", "--constructs", "icraft,resil",
                               "--waves", "1,2,3", "--stationary"])
    assert out.exit_code == 0, out.output
    assert "RI_icraft =~ 1*icraft_w1 + 1*icraft_w2 + 1*icraft_w3" in out.output
    assert "ar_icraft*W_icraft_w1" in out.output
    out = runner.invoke(main, ["model", "focal", "--json"])
    payload = json.loads(out.output)
    assert payload["missing"] == "fiml" and "imm := a3*b" in payload["syntax"]


def test_model_fit_uses_fiml_and_says_so(runner):
    data = str(REF / "data" / "panel_riclpm_missing.csv")
    out = runner.invoke(main, ["model", "clpm", "--constructs", "icraft,resil",
                               "--waves", "1,2,3,4", "--fit", data, "--json"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.output)
    ref = json.loads((REF / "panel_clpm_fiml.json").read_text())
    assert payload["missing"] == "fiml" and payload["n_obs"] == 500
    assert payload["fit"]["loglik"] == pytest.approx(ref["fit"]["logl"], abs=1e-3)
    text = runner.invoke(main, ["model", "clpm", "--constructs", "icraft,resil",
                                "--waves", "1,2,3,4", "--fit", data])
    assert "Fitted with FIML" in text.output


def test_model_errors(runner):
    out = runner.invoke(main, ["model", "riclpm", "--constructs", "icraft,resil", "--waves", "1,2"])
    assert out.exit_code == 2 and "at least 3 waves" in out.output
    out = runner.invoke(main, ["model", "clpm"])
    assert out.exit_code == 2 and "--constructs" in out.output


def test_growth_json(runner):
    out = runner.invoke(main, ["growth", str(REF / "data" / "panel_growth.csv"), "--id", "id",
                               "--time", "time", "--outcome", "y", "--random-slope",
                               "--time-coding", "raw", "--json"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.output)
    ref = json.loads((REF / "panel_growth.json").read_text())["random_slope"]
    assert payload["fixed"][1]["est"] == pytest.approx(ref["fixed"][1]["est"], abs=1e-3)
    assert payload["random_slope"] is True and payload["method"] == "REML"


def test_attrition_text_and_json(runner):
    data = str(REF / "data" / "panel_riclpm_missing.csv")
    out = runner.invoke(main, ["attrition", data, "--constructs", "icraft,resil",
                               "--waves", "1,2,3,4", "--json"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.output)
    assert payload["little_mcar"]["df"] > 0
    # dropout in the fixture data depends on wave-1 resilience (MAR)
    first = [r for r in payload["dropout"] if r["from_wave"] == 1 and r["variable"] == "resil_w1"]
    assert first[0]["cohens_d"] > 0
    text = runner.invoke(main, ["attrition", data, "--constructs", "icraft,resil",
                                "--waves", "1,2,3,4"])
    assert "Little's MCAR test" in text.output


def test_power_json_and_plot(runner, tmp_path):
    plot = tmp_path / "power.png"
    out = runner.invoke(main, ["power", "riclpm", "--n", "120", "--reps", "10", "--seed", "2",
                               "--attrition", "0.1", "--json", "--plot", str(plot)])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.output[out.output.index("{"):])
    assert payload["settings"]["missing"] == "fiml" and len(payload["power"]) == 4
    assert plot.exists()


def test_power_population_overrides(runner):
    out = runner.invoke(main, ["power", "focal", "--n", "150", "--reps", "4", "--set", "a3=-0.3",
                               "--json"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.output[out.output.index("{"):])
    assert payload["settings"]["population"]["a3"] == -0.3
    imm = [r for r in payload["power"] if r["parameter"] == "imm"][0]
    b = payload["settings"]["population"]["b"]  # imm = a3 * b in the population
    assert imm["true"] == pytest.approx(-0.3 * b)
    out = runner.invoke(main, ["power", "riclpm", "--reps", "4", "--set", "nope=1"])
    assert out.exit_code == 2 and "unknown population value" in out.output


def test_power_measurement_and_mar_flags_reach_the_simulation(runner):
    """--measurement items fits scale scores with measurement error and --attrition-mar makes
    dropout depend on resilience; both are recorded in the settings, and the item-level fit
    shows attenuation (its mean estimates of a1 and a3 are closer to zero than the latent
    fit's on the same seeds)."""
    args = ["power", "focal", "--n", "300", "--reps", "6", "--seed", "4", "--attrition", "0.2",
            "--json"]
    runs = {}
    for measurement in ("latent", "items"):
        out = runner.invoke(main, [*args, "--measurement", measurement, "--attrition-mar", "0.5"])
        assert out.exit_code == 0, out.output
        runs[measurement] = json.loads(out.output[out.output.index("{"):])
    for measurement, payload in runs.items():
        assert payload["settings"]["measurement"] == measurement
        assert payload["settings"]["attrition_mar"] == 0.5
    est = {m: {r["parameter"]: r for r in p["power"]} for m, p in runs.items()}
    assert est["items"]["a1"]["mean_est"] < est["latent"]["a1"]["mean_est"]
    assert abs(est["items"]["a3"]["mean_est"]) < abs(est["latent"]["a3"]["mean_est"])
    text = runner.invoke(main, ["power", "focal", "--n", "150", "--reps", "3",
                                "--attrition-mar", "0.3"])
    assert text.exit_code == 0 and "MAR 0.3" in text.output and "latent scores" in text.output
    bad = runner.invoke(main, ["power", "focal", "--measurement", "manifest"])
    assert bad.exit_code == 2
