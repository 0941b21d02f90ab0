"""``craftwave fit`` speaks lavaan: function modes and options, fit keys, bootstrap output.

The lavaan numbers come from the fixtures of tests/reference/r/sem_fixedx_modes.R; the
tolerance is the one of test_sem_fixedx_modes (1e-3 absolute, 1e-4 relative for chi-square).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.analysis.bootstrap import bootstrap
from craftwave.analysis.sem import fit
from craftwave.cli import main

ABS = 1e-3
REL = 1e-4


def _invoke(*args: str) -> dict:
    out = CliRunner().invoke(main, ["fit", *args, "--json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.output)


def _files(tmp_path, ref, reference_dir) -> tuple[str, str]:
    model = tmp_path / "model.lav"
    model.write_text(ref["model"], encoding="utf-8")
    return str(model), str(reference_dir / "data" / ref["data"])


@pytest.mark.parametrize(("name", "flags"), [
    ("sem_mode_riclpm_lavaan_listwise", ["--function", "lavaan", "--meanstructure",
                                         "--int-ov-free"]),
    ("sem_mode_riclpm_lavaan_fiml", ["--function", "lavaan", "--meanstructure",
                                     "--int-ov-free", "--missing", "fiml"]),
    ("sem_mode_cfa_std_lv", ["--function", "cfa", "--std-lv"]),
    ("sem_mode_cfa_orthogonal", ["--function", "cfa", "--orthogonal"]),
    ("sem_mode_growth_fiml", ["--function", "growth", "--missing", "fiml"]),
    ("sem_fixedx_clpm_cov_some_nofixedx", ["--no-fixed-x"]),
    ("sem_mode_lavaan_auto", ["--function", "lavaan", "--auto-var", "--auto-fix-first",
                              "--auto-cov-lv-x"]),
])
def test_cli_options_give_lavaans_numbers(tmp_path, reference, reference_dir, name, flags):
    ref = reference(name)
    out = _invoke(*_files(tmp_path, ref, reference_dir), *flags)
    assert out["nobs"] == sum(ref["nobs"])
    for key in ("npar", "df"):
        assert out["fit"][key] == ref["fit"][key]
    for key in ("chisq", "logl"):
        assert out["fit"][key] == pytest.approx(ref["fit"][key], rel=REL)
    for key in ("cfi", "tli", "rmsea", "srmr"):
        assert out["fit"][key] == pytest.approx(ref["fit"][key], abs=ABS)
    lav = {(p["lhs"], p["op"], p["rhs"]): p for p in ref["parameters"] if p["op"] != ":="}
    for p in out["parameters"]:
        if p["group"] != 1:
            continue
        q = lav[(p["lhs"], p["op"], p["rhs"])]
        assert p["est"] == pytest.approx(q["est"], abs=ABS)
        assert p["se"] == pytest.approx(q["se"] or 0.0, abs=ABS)
    assert out["function"] == ref["args"]["function"]


def test_without_the_options_the_lavaan_script_gives_other_numbers(tmp_path, reference,
                                                                   reference_dir):
    ref = reference("sem_mode_riclpm_lavaan_listwise")
    # under sem()'s defaults the random intercepts covary with the wave-1 factors: too many
    # parameters, as in lavaan's sem() on the same script
    out = CliRunner().invoke(main, ["fit", *_files(tmp_path, ref, reference_dir)])
    assert out.exit_code != 0
    assert "not identified" in out.output


def test_fit_keys_are_lavaans_fitmeasures_names(tmp_path, reference, reference_dir):
    ref = reference("sem_fixedx_clpm_cov_some_fiml_mlr")
    out = _invoke(*_files(tmp_path, ref, reference_dir), "--missing", "fiml",
                  "--estimator", "MLR")
    for key, value in ref["fit"].items():
        mine = out["fit"][key.replace(".", "_")]
        if key in ("chisq", "chisq.scaled", "logl", "unrestricted.logl", "baseline.chisq",
                   "baseline.chisq.scaled", "aic", "bic"):
            assert mine == pytest.approx(value, rel=REL), key
        else:
            assert mine == pytest.approx(value, abs=ABS), key
    # the older keys keep working, and the robust values never hide under plain names
    assert out["fit"]["loglik"] == out["fit"]["logl"]
    assert out["fit"]["cfi"] != pytest.approx(out["fit"]["cfi_robust"], abs=1e-6)
    assert out["test"] == "yuan.bentler.mplus"


MED = "M ~ a*X + W\nY ~ b*M + c*X\nind := a*b\n"


@pytest.fixture(scope="module")
def med_files(tmp_path_factory, reference_dir):
    tmp = tmp_path_factory.mktemp("med")
    model = tmp / "med.lav"
    model.write_text(MED, encoding="utf-8")
    return str(model), str(reference_dir / "data" / "sem_mediation.csv")


def test_bootstrap_se_and_intervals_are_the_main_columns(med_files):
    out = _invoke(*med_files, "--bootstrap", "200", "--seed", "3")
    data = pd.read_csv(med_files[1])
    res = fit(MED, data)
    boot = bootstrap(res, data, n=200, seed=3, progress=False)
    assert out["se"] == "bootstrap"
    assert out["bootstrap"]["bootstrap"]["nobs"] == out["nobs"] == len(data)
    by_key = {(p["lhs"], p["op"], p["rhs"]): p for p in out["parameters"]}
    for (_, b), (_, n) in zip(boot.params.iterrows(), res.params.iterrows(), strict=True):
        p = by_key[(b["lhs"], b["op"], b["rhs"])]
        assert p["se"] == pytest.approx(b["boot_se"])
        assert p["ci_lower"] == pytest.approx(b["ci_lower"])
        assert p["ci_upper"] == pytest.approx(b["ci_upper"])
        assert p["se_normal"] == pytest.approx(n["se"])
        assert p["ci_lower_normal"] == pytest.approx(n["ci_lower"])
    ind = out["defined"][0]
    assert ind["name"] == "ind" and ind["expression"] == "a*b"
    assert ind["se"] == pytest.approx(boot.defined["boot_se"].iloc[0])
    assert ind["se_normal"] == pytest.approx(res.defined["se"].iloc[0])
    assert ind["se"] != pytest.approx(ind["se_normal"], rel=1e-6)


def test_bootstrap_text_keeps_the_defined_expression(med_files):
    out = CliRunner().invoke(main, ["fit", *med_files, "--bootstrap", "50", "--seed", "1"])
    assert out.exit_code == 0, out.output
    boot_part = out.output.split("Nonparametric bootstrap", 1)[1]
    assert "ind := a*b" in boot_part


def test_text_output_states_function_and_n(tmp_path, reference, reference_dir):
    ref = reference("sem_fixedx_clpm_cov_some_listwise")
    out = CliRunner().invoke(main, ["fit", *_files(tmp_path, ref, reference_dir)])
    assert out.exit_code == 0, out.output
    assert f"Number of observations used: {sum(ref['nobs'])}" in out.output
    assert "lavaan function: sem()" in out.output
