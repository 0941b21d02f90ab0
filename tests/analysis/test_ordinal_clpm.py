"""Panel models with several indicators per construct and wave against lavaan
(fixture tests/reference/r/ordinal_clpm.R): the ordinal CLPM and RI-CLPM (WLSMV, free and
stationary), defined indirect effects with delta-method SEs, the scaled difference test of
stationary against free (lavTestLRT's satorra.2000), and the continuous multiple-indicator CLPM
by FIML. Estimates, SEs, std.all and fit within 1e-4.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.errors import ModelError
from craftwave.analysis.panel import clpm
from craftwave.analysis.sem.categorical import fit_ordinal
from craftwave.analysis.sem.categorical.compare import compare_ordinal
from tests.analysis.ordinal_clpm_models import CONSTRUCTS, ITEMS, WAVES, models

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "ordinal_clpm.json").read_text())
DATA = pd.read_csv(REF / "data" / "ordinal_clpm.csv")
TOL = 1e-4
ORDINAL = ["ordinal_clpm", "ordinal_clpm_stationary", "ordinal_riclpm4",
           "ordinal_riclpm4_stationary"]


@pytest.fixture(scope="module")
def fits():
    specs = models()
    return {name: specs[name].fit(DATA) for name in ORDINAL}


def _check_params(params: pd.DataFrame, expected: list[dict]) -> None:
    exp = pd.DataFrame(expected).rename(columns={"std.all": "std_all"})
    ours = params.set_index(["group", "lhs", "op", "rhs"])
    assert len(ours) == len(exp)
    for row in exp.itertuples(index=False):
        got = ours.loc[(row.group, row.lhs, row.op, row.rhs)]
        key = (row.lhs, row.op, row.rhs)
        assert got["est"] == pytest.approx(row.est, abs=TOL), key
        assert got["se"] == pytest.approx(row.se, abs=TOL), key
        if row.std_all is not None and np.isfinite(row.std_all):
            assert got["std_all"] == pytest.approx(row.std_all, abs=TOL), key


def _check_defined(defined: pd.DataFrame, expected: list[dict]) -> None:
    assert list(defined["name"]) == [d["lhs"] for d in expected]
    for ours, ref in zip(defined.to_dict(orient="records"), expected, strict=True):
        for a, b in (("est", "est"), ("se", "se"), ("z", "z"), ("pvalue", "pvalue"),
                     ("ci_lower", "ci.lower"), ("ci_upper", "ci.upper"),
                     ("std_all", "std.all")):
            # a ratio magnifies lavaan's optimiser tolerance: 1e-4 relative above 1
            assert ours[a] == pytest.approx(ref[b], abs=TOL * max(1.0, abs(ref[b]))), (
                ours["name"], a)


def test_the_committed_models_are_what_the_builders_write():
    for name, spec in models().items():
        assert spec.syntax == (REF / "data" / f"{name}.lav").read_text(), name


@pytest.mark.parametrize("name", ORDINAL)
def test_ordinal_panel_models_agree_with_lavaan(fits, name):
    res, ref = fits[name], FIXTURE[name]
    assert res.nobs == ref["nobs"] and res.stats.missing == "pairwise"
    _check_params(res.params, ref["parameters"])
    fit = ref["fit"]
    assert res.fit["npar"] == fit["npar"] and res.fit["df"] == fit["df"]
    assert res.fit["chisq"] == pytest.approx(fit["chisq"], rel=1e-5)
    assert res.fit["chisq_scaled"] == pytest.approx(fit["chisq.scaled"], rel=1e-5)
    for key in ("chisq.scaling.factor", "cfi.scaled", "tli.scaled", "rmsea.scaled", "srmr"):
        assert res.fit[key.replace(".", "_")] == pytest.approx(fit[key], abs=TOL), key
    assert res.improper() == []
    if ref["defined"]:
        _check_defined(res.defined, ref["defined"])
    else:
        assert res.defined.empty and "defined" not in res.to_dict()


def test_defined_parameters_are_in_the_json_and_the_summary(fits):
    res = fits["ordinal_clpm_stationary"]
    records = res.to_dict()["defined"]
    assert [r["name"] for r in records] == ["ind_icraft_resil", "ind_resil_icraft", "ratio"]
    assert "Defined parameters (delta method)" in res.summary()
    assert [r["se"] for r in records] == pytest.approx(list(res.defined["se"]), rel=1e-12)


def test_a_linear_defined_parameter_has_the_se_of_its_combination():
    spec = clpm(CONSTRUCTS, WAVES, indicators=ITEMS, ordered=True, stationary=True)
    res = spec.extend("d := ar_icraft - ar_resil").fit(DATA)
    rows = res.model.rows
    k_a = next(r.free for r in rows if r.label == "ar_icraft")
    k_r = next(r.free for r in rows if r.label == "ar_resil")
    v = res.vcov
    se = math.sqrt(v[k_a, k_a] + v[k_r, k_r] - 2 * v[k_a, k_r])
    d = res.defined.iloc[0]
    assert d["est"] == pytest.approx(res.theta[k_a] - res.theta[k_r], abs=1e-10)
    assert d["se"] == pytest.approx(se, rel=1e-6)


def test_a_defined_parameter_with_an_unknown_label_is_refused_before_fitting():
    items = DATA[["icraft_a_w1", "icraft_b_w1", "icraft_c_w1"]]
    with pytest.raises(ModelError, match="not a label of the model"):
        fit_ordinal("f =~ icraft_a_w1 + b*icraft_b_w1 + icraft_c_w1\nx := b * nope", items)


@pytest.mark.parametrize("kind", ["clpm", "riclpm"])
def test_stationary_against_free_as_lavtestlrt(fits, kind):
    ref = FIXTURE[f"compare_{kind}"]
    assert "satorra.2000" in ref["method"]
    suffix = "clpm" if kind == "clpm" else "riclpm4"
    out = compare_ordinal(fits[f"ordinal_{suffix}_stationary"], fits[f"ordinal_{suffix}"])
    assert out["df_diff"] == ref["df_diff"]
    assert out["chisq_diff"] == pytest.approx(ref["chisq_diff"], abs=TOL)
    assert out["pvalue"] == pytest.approx(ref["pvalue"], abs=TOL)


def test_continuous_multiple_indicator_clpm_by_fiml_agrees_with_lavaan():
    res = models()["mi_clpm_stationary"].fit(DATA)
    ref = FIXTURE["mi_clpm_stationary"]
    assert res.missing.lower().startswith(("fiml", "ml"))
    _check_params(res.params, ref["parameters"])
    _check_defined(res.defined, ref["defined"])
    fm = res.fit_measures
    assert fm["chisq"] == pytest.approx(ref["fit"]["chisq"], rel=1e-5)
    assert fm["df"] == ref["fit"]["df"]
    assert fm["logl"] == pytest.approx(ref["fit"]["logl"], rel=1e-8)
    for key in ("cfi", "tli", "rmsea", "srmr"):
        assert fm[key] == pytest.approx(ref["fit"][key], abs=TOL), key


def test_the_multiple_indicator_clpm_holds_loadings_and_thresholds_equal_across_waves(fits):
    res = fits["ordinal_clpm"]
    p = res.params
    loads = p[(p["op"] == "=~") & p["rhs"].str.startswith("icraft_b_")]
    assert len(loads) == 4 and np.ptp(loads["est"]) < 1e-12
    th = p[(p["op"] == "|") & p["lhs"].str.startswith("resil_c_") & (p["rhs"] == "t2")]
    assert len(th) == 4 and np.ptp(th["est"]) < 1e-12
    # marker loading fixed, the first wave's latent-response scale fixed at 1
    assert set(p[(p["op"] == "=~") & p["rhs"].str.startswith("icraft_a_")]["est"]) == {1.0}


def test_builder_errors_name_the_problem():
    with pytest.raises(ModelError, match="none given for resil"):
        clpm(CONSTRUCTS, WAVES, indicators={"icraft": ["a", "b"]}, ordered=True)
    with pytest.raises(ModelError, match="at least two items"):
        clpm(CONSTRUCTS, WAVES, indicators={"icraft": ["a"]})
    with pytest.raises(ModelError, match="unknown construct"):
        clpm(CONSTRUCTS, WAVES, indicators={"other": ["a", "b"]})
    plain = clpm(CONSTRUCTS, WAVES, indicators=ITEMS, item_covariances=False)
    assert "residuals covary across waves" not in plain.syntax


def test_cli_fits_the_ordinal_clpm_and_compares_nested_ordinal_models(tmp_path):
    from click.testing import CliRunner

    from craftwave.cli import main

    csv = str(REF / "data" / "ordinal_clpm.csv")
    args = ["model", "clpm", "--constructs", "icraft,resil", "--waves", "1,2,3,4",
            "--indicators", "icraft:a,b,c", "--indicators", "resil:a,b,c", "--ordered",
            "--fit", csv, "--json"]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    ref = FIXTURE["ordinal_clpm"]["fit"]
    assert got["estimator"] == "WLSMV" and got["missing"] == "pairwise"
    assert got["fit"]["chisq_scaled"] == pytest.approx(ref["chisq.scaled"], rel=1e-5)
    assert "th_icraft_a_1*t1" in got["syntax"] and "F_resil_w4" in got["syntax"]
    stat = CliRunner().invoke(main, [*args[:-1], "--stationary", "--json"])
    assert stat.exit_code == 0, stat.output
    (tmp_path / "free.lav").write_text(got["syntax"])
    (tmp_path / "stationary.lav").write_text(json.loads(stat.output)["syntax"])
    cmp_args = ["compare", str(tmp_path / "stationary.lav"), str(tmp_path / "free.lav"), csv,
                "--ordered", "--missing", "pairwise"]
    res = CliRunner().invoke(main, [*cmp_args, "--json"])
    assert res.exit_code == 0, res.output
    table = json.loads(res.output)
    lrt = FIXTURE["compare_clpm"]
    assert table["method"] == "satorra.2000" and table["estimator"] == "WLSMV"
    assert [r["model"] for r in table["table"]] == ["free", "stationary"]   # sorted by df
    assert [r["df"] for r in table["table"]] == lrt["df"]
    assert [r["chisq"] for r in table["table"]] == pytest.approx(lrt["chisq"], rel=1e-5)
    row = table["table"][1]
    assert row["chisq_diff"] == pytest.approx(lrt["chisq_diff"], abs=TOL)
    assert row["df_diff"] == lrt["df_diff"] and row["aic"] is None
    assert row["pvalue"] == pytest.approx(lrt["pvalue"], abs=TOL)
    text = CliRunner().invoke(main, cmp_args)
    assert text.exit_code == 0 and "satorra.2000" in text.output
    bad = CliRunner().invoke(main, [*cmp_args, "--method", "satorra.bentler.2001"])
    assert bad.exit_code != 0 and "satorra.2000" in bad.output
    fiml = CliRunner().invoke(main, [*cmp_args[:-2], "--missing", "fiml"])
    assert fiml.exit_code != 0 and "pairwise" in fiml.output
