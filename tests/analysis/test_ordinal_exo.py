"""Ordered indicators with observed covariates (lavaan's conditional.x) against lavaan 0.6-14.

Fixtures from tests/reference/r/ordinal_exo.R: stage one (lavaan's WLS.obs and NACOV) and ten
fitted models (MIMIC, std.lv, DWLS, a direct effect, two factors, theta, two groups, theta in
two groups, listwise and pairwise missing answers). Tolerance: 1e-4 absolute on estimates, SEs,
std.all, std.nox and fit indices, 1e-5 relative on chi-square statistics; stage one within
1e-6. Both sides solve the same problems to convergence; the agreement is mostly far closer.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.errors import CraftwaveWarning, DataError, ModelError
from craftwave.analysis.sem.categorical import (
    conditional_stats,
    fit_ordinal,
    ordinal_reliability,
)
from craftwave.analysis.sem.categorical.invariance import ordinal_invariance

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "ordinal_exo.json").read_text())
DATA = {"full": pd.read_csv(REF / "data" / "ordinal_exo.csv"),
        "missing": pd.read_csv(REF / "data" / "ordinal_exo_missing.csv")}
CASES = {
    "mimic": ("full", {}),
    "mimic_stdlv": ("full", {"std_lv": True}),
    "mimic_dwls": ("full", {"estimator": "dwls"}),
    "dif": ("full", {}),
    "two_factor": ("full", {}),
    "dif_theta": ("full", {"parameterization": "theta"}),
    "groups": ("full", {"group": "grp"}),
    "groups_theta": ("full", {"group": "grp", "parameterization": "theta"}),
    "listwise": ("missing", {}),
    "pairwise": ("missing", {"missing": "pairwise"}),
}
STAGE1 = {"stage1": ("full", "listwise"), "stage1_three": ("full", "listwise"),
          "stage1_pairwise": ("missing", "pairwise")}
RELATIVE = {"chisq", "chisq.scaled", "baseline.chisq", "baseline.chisq.scaled"}
TOL = 1e-4


@pytest.fixture(scope="module")
def fits():
    return {case: fit_ordinal(FIXTURE[case]["model"], DATA[which],
                              ordered=FIXTURE[case]["ordered"], function="sem", **options)
            for case, (which, options) in CASES.items()}


@pytest.mark.parametrize("case", sorted(STAGE1))
def test_stage_one_is_lavaans_wls_obs_and_nacov(case):
    which, missing = STAGE1[case]
    ref = FIXTURE[case]
    st = conditional_stats(DATA[which], ref["items"], ref["covariates"], missing=missing)
    np.testing.assert_allclose(st.wls_obs, ref["wls_obs"], atol=1e-6, rtol=0)
    np.testing.assert_allclose(st.nacov, np.array(ref["nacov"]), atol=1e-6, rtol=0)
    assert st.n_uni == sum(len(t) for t in st.thresholds) + len(ref["items"]) * len(
        ref["covariates"])


@pytest.mark.parametrize("case", sorted(CASES))
def test_parameters_agree_with_lavaan(case, fits):
    ref, res = FIXTURE[case], fits[case]
    assert ref["conditional_x"] is True
    assert res.nobs == ref["nobs"]
    expected = pd.DataFrame(ref["parameters"]).rename(
        columns={"std.all": "std_all", "std.nox": "std_nox"})
    merged = expected.merge(res.params, on=["group", "lhs", "op", "rhs"], how="left",
                            suffixes=("_r", ""), indicator=True)
    missing = merged[merged["_merge"] != "both"]
    assert missing.empty, f"rows lavaan reports and craftwave does not:\n{missing}"
    assert len(res.params) == len(expected)
    for col in ("est", "se", "std_all", "std_nox"):
        diff = (merged[col + "_r"] - merged[col]).abs()
        worst = merged.loc[diff.idxmax()]
        assert diff.max() < TOL, (f"{case}: {col} of {worst.lhs} {worst.op} {worst.rhs} "
                                  f"(group {worst.group}): {worst[col]} vs {worst[col + '_r']}")


@pytest.mark.parametrize("case", sorted(CASES))
def test_fit_measures_agree_with_lavaan(case, fits):
    ref, res = FIXTURE[case], fits[case]
    for key, want in ref["fit"].items():
        got = res.fit[key.replace(".", "_")]
        if key in RELATIVE:
            assert got == pytest.approx(want, rel=1e-5), key
        else:
            assert got == pytest.approx(want, abs=TOL), key
    if case != "mimic_dwls":
        assert res.fit["df_scaled"] == ref["fit"]["df"]


def test_shifting_a_covariate_moves_only_the_thresholds():
    """The probit intercepts depend on where x is 0; nothing else does."""
    data = DATA["full"]
    model = FIXTURE["dif"]["model"]
    items = FIXTURE["dif"]["ordered"]
    base = fit_ordinal(model, data, ordered=items, function="sem")
    shifted = fit_ordinal(model, data.assign(x1=data["x1"] + 2.0), ordered=items,
                          function="sem")
    assert shifted.fit["chisq_scaled"] == pytest.approx(base.fit["chisq_scaled"], rel=1e-8)
    key = ["lhs", "op", "rhs"]
    both = base.params.merge(shifted.params, on=key + ["group"], suffixes=("", "_s"))
    fixed = both[~both["op"].isin(["|", "~1", "~~"])]
    np.testing.assert_allclose(fixed["est_s"], fixed["est"], atol=1e-7)
    th = both[both["op"] == "|"]
    assert (th["est_s"] - th["est"]).abs().max() > 0.1         # the thresholds did move


def test_probit_slopes_recover_simulated_truth():
    rng = np.random.default_rng(25)
    n = 4000
    x = rng.normal(size=(n, 2))
    z = rng.multivariate_normal([0, 0, 0], [[1, .5, .3], [.5, 1, .4], [.3, .4, 1]], size=n)
    beta = np.array([[0.6, -0.3], [0.0, 0.5], [0.4, 0.4]])
    ystar = x @ beta.T + z
    data = pd.DataFrame({f"y{j + 1}": np.digitize(ystar[:, j], [-0.7, 0.2, 1.0])
                         for j in range(3)}).assign(x1=x[:, 0], x2=x[:, 1])
    st = conditional_stats(data, ["y1", "y2", "y3"], ["x1", "x2"])
    se = np.sqrt(np.diag(st.nacov) / n)
    k = sum(len(t) for t in st.thresholds)
    np.testing.assert_array_less(np.abs(st.slopes.ravel(order="F") - beta.ravel(order="F")),
                                 4 * se[k:k + 6])
    np.testing.assert_array_less(np.abs(st.cor[[1, 2, 2], [0, 0, 1]] - [.5, .3, .4]),
                                 4 * se[k + 6:])


def test_rows_missing_a_covariate_are_left_out_with_a_warning():
    data = DATA["missing"].copy()
    data.loc[[2, 49, 76, 99, 199], "x1"] = np.nan
    items = ["y1", "y2", "y3", "y4"]
    with pytest.warns(CraftwaveWarning, match="5 row.*x1"):
        st = conditional_stats(data, items, ["x1", "x2"], missing="pairwise")
    assert st.n == 595                        # lavaan's nobs for these data (pairwise)
    with pytest.warns(CraftwaveWarning, match="x1"):
        listwise = conditional_stats(data, items, ["x1", "x2"])
    assert listwise.n == 487


def test_what_is_not_built_is_refused_by_name():
    data = DATA["full"]
    mimic = FIXTURE["mimic"]["model"]
    with pytest.raises(ModelError, match="ordered covariates.*x2"):
        fit_ordinal(mimic, data, ordered=["y1", "y2", "y3", "y4", "x2"], function="sem")
    with pytest.raises(ModelError, match="regressions on observed ordered variables.*y1"):
        fit_ordinal("f =~ y1 + y2 + y3\nf ~ x1\ny4 ~ y1 + x1", data, function="sem")
    with pytest.raises(ModelError, match="continuous and ordered.*y4"):
        fit_ordinal(mimic, data, ordered=["y1", "y2", "y3"], function="sem")
    with pytest.raises(ModelError, match="invariance with observed covariates.*x1"):
        ordinal_invariance("f =~ y1 + y2 + y3 + y4\nf ~ x1", data, group="grp")
    fit = fit_ordinal(mimic, data, ordered=True, function="sem")
    with pytest.raises(ModelError, match="reliability.*covariates"):
        ordinal_reliability(fit)
    with pytest.raises(DataError, match="numeric"):
        fit_ordinal(mimic, data.assign(x2=np.where(data["x2"] == 1, "yes", "no")),
                    ordered=True, function="sem")


def test_cli_fits_a_mimic_model_as_lavaan(tmp_path):
    from click.testing import CliRunner

    from craftwave.cli import main

    ref = FIXTURE["dif"]
    model = tmp_path / "dif.lav"
    model.write_text(ref["model"], encoding="utf-8")
    out = CliRunner().invoke(main, ["fit", str(model), str(REF / "data" / "ordinal_exo.csv"),
                                    "--ordered", "all", "--json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert got["ordered"] == ["y1", "y2", "y3", "y4"] and got["covariates"] == ["x1", "x2"]
    text = CliRunner().invoke(main, ["fit", str(model), str(REF / "data" / "ordinal_exo.csv"),
                                     "--ordered", "y1,y2,y3,y4"])
    assert text.exit_code == 0, text.output
    assert "Given the covariates x1, x2 (lavaan's conditional.x)" in text.output
    assert got["fit"]["chisq_scaled"] == pytest.approx(ref["fit"]["chisq.scaled"], rel=1e-5)
    row = next(p for p in got["parameters"] if p["lhs"] == "y1" and p["op"] == "~")
    want = next(p for p in ref["parameters"] if p["lhs"] == "y1" and p["op"] == "~")
    assert row["est"] == pytest.approx(want["est"], abs=TOL)
    assert row["std_nox"] == pytest.approx(want["std.nox"], abs=TOL)


@pytest.mark.parametrize("parameterization", ["delta", "theta"])
def test_analytic_jacobian_matches_central_differences(parameterization):
    """Two groups, a direct effect, equal thresholds and (delta) a free scale factor."""
    from craftwave.analysis.sem.categorical.conditional_fit import _prepare, _Problem
    from craftwave.analysis.sem.categorical.thresholds import split_ordinal_syntax
    from craftwave.analysis.sem.options import model_options
    from craftwave.analysis.sem.specification import compile_model

    model = (FIXTURE["dif"]["model"] + "\ny2 | c(a, a)*t1 + c(b, b)*t2"
             + ("\ny2 ~*~ c(1, NA)*y2" if parameterization == "delta" else ""))
    syntax, spec = split_ordinal_syntax(model)
    cm = compile_model(syntax, n_groups=2, meanstructure=True, options=model_options("sem"))
    items = FIXTURE["dif"]["ordered"]
    cm = _prepare(cm, items, parameterization)
    data = DATA["full"]
    stats = [conditional_stats(data[data["grp"] == g], items, ["x1", "x2"]) for g in "ab"]
    prob = _Problem(cm, stats, spec, parameterization, "wlsmv")
    x = prob.start() + np.random.default_rng(3).normal(0, 0.05, prob.npar)
    for g in range(2):
        np.testing.assert_allclose(prob.jacobian(x, g), prob.numeric_jacobian(x, g),
                                   atol=1e-7, rtol=0)


def test_dif_test_is_lavaans_scaled_difference_test(fits):
    """The direct effect y1 ~ x1 tested as lavTestLRT(mimic, dif) does for WLSMV."""
    from craftwave.analysis.sem.categorical.compare import compare_ordinal

    ref = FIXTURE["dif_test"]
    test = compare_ordinal(fits["mimic"], fits["dif"])
    assert test["df_diff"] == ref["df_diff"]
    assert test["chisq_diff"] == pytest.approx(ref["chisq_diff"], rel=1e-5)
    assert test["pvalue"] == pytest.approx(ref["pvalue"], rel=1e-4)
