"""Continuous and ordered indicators in one model against lavaan 0.6-14 (fixtures from
tests/reference/r/ordinal_mixed.R).

Stage one (thresholds, means, variances, polychoric and polyserial correlations, NACOV) and
whole WLSMV fits: estimates, SEs, std.all, the scaled-and-shifted test and the scaled fit
indices within 1e-4 relative (values of size below 1e-3 within 1e-7 absolute).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.errors import DataError, ModelError
from craftwave.analysis.sem.categorical import fit_ordinal, ordinal_reliability
from craftwave.analysis.sem.categorical.polyserial import mixed_stats, polyserial

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "ordinal_mixed.json").read_text())
DATA = pd.read_csv(REF / "data" / "ordinal_mixed.csv")
MISSING = pd.read_csv(REF / "data" / "ordinal_mixed_missing.csv")
REL, ABS = 1e-4, 1e-7
OPTIONS = {"estimator": "estimator", "std.lv": "std_lv", "parameterization": "parameterization",
           "group": "group", "missing": "missing"}
CASES = ["one_factor", "cfa3", "cfa3_std_lv", "cfa3_theta", "cfa3_dwls", "cfa3_ulsmv",
         "sem_paths", "two_groups", "two_groups_equal", "one_factor_listwise",
         "one_factor_pairwise", "cfa3_pairwise"]
FIT_KEYS = ["npar", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled", "pvalue.scaled",
            "chisq.scaling.factor", "chisq.shift.parameter", "baseline.chisq", "baseline.df",
            "baseline.chisq.scaled", "cfi", "tli", "cfi.scaled", "tli.scaled", "rmsea",
            "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.scaled", "rmsea.ci.lower.scaled",
            "rmsea.ci.upper.scaled", "srmr", "fmin"]


def _close(got, want):
    return got == pytest.approx(want, rel=REL, abs=ABS)


def _fit(case):
    ref = FIXTURE[case]
    options = {OPTIONS[k]: (v.lower() if k == "estimator" else v)
               for k, v in ref["options"].items()}
    function = "sem" if case == "sem_paths" else "cfa"
    data = MISSING if case.endswith(("_listwise", "_pairwise")) else DATA
    return ref, fit_ordinal(ref["model"], data, ordered=ref["ordered"], function=function,
                            **options)


@pytest.mark.parametrize("case", ["stage_one", "stage_one_pairwise"])
def test_stage_one_matches_lavaan_thresholds_means_variances_correlations_and_gamma(case):
    ref = FIXTURE[case]
    data = MISSING if ref["missing"] == "pairwise" else DATA
    stats = mixed_stats(data, ref["names"], ref["ordered"], missing=ref["missing"])
    assert stats.n == ref["n"]
    assert stats.threshold_names == ref["wls_names"][:len(stats.threshold_names)]
    np.testing.assert_allclose(stats.wls_obs, ref["wls_obs"], rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(stats.cor, np.array(ref["cor"]), rtol=0, atol=1e-7)
    gamma = np.array(ref["gamma"])
    np.testing.assert_allclose(stats.nacov, gamma, rtol=0, atol=1e-8 * np.abs(gamma).max())
    assert stats.ordered_names == ref["ordered"]
    assert stats.continuous_names == [c for c in ref["names"] if c not in ref["ordered"]]


@pytest.mark.parametrize("case", CASES)
def test_mixed_wlsmv_agrees_with_lavaan(case):
    ref, result = _fit(case)
    want_n = ref["nobs"] if isinstance(ref["nobs"], int) else sum(ref["nobs"])
    assert result.nobs == want_n
    expected = pd.DataFrame(ref["parameters"]).rename(columns={"std.all": "std_all"})
    ours = result.params.set_index(["group", "lhs", "op", "rhs"])
    assert len(ours) == len(expected)
    for row in expected.itertuples(index=False):
        key = (row.group, row.lhs, row.op, row.rhs)
        assert key in ours.index, key
        got = ours.loc[key]
        assert _close(got["est"], row.est), (key, got["est"], row.est)
        assert _close(got["se"], row.se), (key, got["se"], row.se)
        if row.std_all is not None and np.isfinite(row.std_all):
            assert _close(got["std_all"], row.std_all), (key, got["std_all"], row.std_all)
    for r_name in FIT_KEYS:
        if r_name not in ref["fit"]:
            continue
        ours_name = r_name.replace(".", "_")
        assert ours_name in result.fit, r_name
        if ref["fit"][r_name] in (None, "NA"):    # lavaan gives none (the ULS statistic's p)
            assert not np.isfinite(result.fit[ours_name]), r_name
            continue
        assert _close(result.fit[ours_name], ref["fit"][r_name]), (
            r_name, result.fit[ours_name], ref["fit"][r_name])


def test_continuous_rows_are_parameters_and_ordered_rows_are_not():
    """A continuous indicator has a free intercept and residual variance and no threshold or
    scale factor; an ordered one the reverse (delta)."""
    _, res = _fit("cfa3")
    t = res.params
    assert not ((t["lhs"] == "c1") & t["op"].isin(["|", "~*~"])).any()
    assert t.query("lhs == 'c1' and op == '~1'")["se"].iloc[0] > 0
    assert t.query("lhs == 'c1' and op == '~~' and rhs == 'c1'")["se"].iloc[0] > 0
    assert t.query("lhs == 'o1' and op == '~~' and rhs == 'o1'")["se"].iloc[0] == 0
    assert len(t.query("lhs == 'o5' and op == '|'")) == 4
    assert res.to_dict()["ordered"] == ["o1", "o2", "o3", "o4", "o5"]
    assert "continuous: c1, c2, c3, c4" in res.summary()


def test_polyserial_recovers_a_known_correlation_and_is_pearson_like_in_scale():
    """Simulated truth: a cut normal against a normal with correlation .6; the estimate is
    close, does not depend on the continuous variable's scale, and flips sign with it."""
    rng = np.random.default_rng(7)
    n = 20000
    z = rng.multivariate_normal([0, 0], [[1, 0.6], [0.6, 1]], size=n)
    y = np.searchsorted([-0.7, 0.1, 1.0], z[:, 1])
    r = polyserial(z[:, 0], y)
    assert abs(r - 0.6) < 0.02
    assert polyserial(50 + 15 * z[:, 0], y) == pytest.approx(r, abs=1e-9)
    assert polyserial(-z[:, 0], y) == pytest.approx(-r, abs=1e-9)


def test_mixed_model_recovers_simulated_loadings():
    """Simulated truth: std.all loadings of cut and continuous indicators near the truth."""
    rng = np.random.default_rng(11)
    lam = np.array([0.8, 0.7, 0.6, 0.75, 0.5])
    n = 3000
    f = rng.standard_normal(n)
    y = f[:, None] * lam + rng.standard_normal((n, 5)) * np.sqrt(1 - lam**2)
    data = pd.DataFrame({"a": np.searchsorted([-1.0, 0.0, 1.0], y[:, 0]),
                         "b": np.searchsorted([0.3], y[:, 1]),
                         "c": 10 + 3 * y[:, 2], "d": y[:, 3],
                         "e": np.searchsorted([-0.5, 0.5], y[:, 4])})
    res = fit_ordinal("g =~ a + b + c + d + e", data, ordered=["a", "b", "e"])
    std = res.params.query("op == '=~'")["std_all"].to_numpy()
    assert np.all(np.abs(std - lam) < 0.05)
    assert res.fit["pvalue_scaled"] > 0.001


def test_reliability_skips_factors_with_continuous_indicators():
    res = fit_ordinal("f1 =~ o1 + o2 + o5\nf2 =~ c1 + c2 + o3 + c3", DATA,
                      ordered=["o1", "o2", "o3", "o5"])
    table = ordinal_reliability(res)
    assert set(table["factor"]) == {"f1"}
    assert table["value"].between(0, 1).all()


def test_pairwise_uses_more_rows_than_listwise_and_differs_from_it():
    """With missing answers, pairwise keeps every row with an answer (N) while listwise keeps
    complete rows; a continuous pair's two-step correlation is then not Pearson's on the rows
    answering both (the means and variances come from each variable's own answers)."""
    names = ["c1", "c2", "o1"]
    pair = mixed_stats(MISSING, names, ["o1"], missing="pairwise")
    lw = mixed_stats(MISSING, names, ["o1"])
    assert pair.n == len(MISSING.dropna(how="all", subset=names))
    assert lw.n == len(MISSING[names].dropna()) < pair.n
    both = MISSING[["c1", "c2"]].dropna()
    assert pair.cor[0, 1] != pytest.approx(both.corr().iloc[0, 1], abs=1e-6)
    assert pair.cor[0, 1] == pytest.approx(both.corr().iloc[0, 1], abs=0.02)


def test_what_mixed_fits_refuse_is_named():
    with pytest.raises(DataError, match="missing must be listwise or pairwise"):
        mixed_stats(DATA, ["o1", "c1"], ["o1"], missing="fiml")
    with pytest.raises(ModelError, match="not ordered indicators"):
        fit_ordinal("g =~ o1 + o2 + c1\nc1 | t1", DATA, ordered=["o1", "o2"])
    with pytest.raises(ModelError, match="no ordered indicators"):
        fit_ordinal("g =~ c1 + c2 + c3", DATA, ordered=["o1"])
    bad = DATA.assign(c1=DATA["c1"].astype(str).where(DATA.index > 0, "high"))
    with pytest.raises(DataError, match="c1: a continuous variable needs numbers"):
        fit_ordinal("g =~ o1 + o2 + c1", bad, ordered=["o1", "o2"])
    with pytest.raises(ModelError, match=r"regressions among observed variables.*c1 \(continuous\)"):
        fit_ordinal("g =~ o1 + o2 + c1\no3 ~ c1", DATA, ordered=["o1", "o2", "o3"],
                    function="sem")


def test_cli_fits_a_mixed_model(tmp_path):
    from click.testing import CliRunner

    from craftwave.cli import main

    ref = FIXTURE["cfa3"]
    model = tmp_path / "three.lav"
    model.write_text(ref["model"], encoding="utf-8")
    out = CliRunner().invoke(main, ["fit", str(model), str(REF / "data" / "ordinal_mixed.csv"),
                                    "--ordered", ",".join(ref["ordered"]), "--json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert got["ordered"] == ref["ordered"]
    assert _close(got["fit"]["chisq_scaled"], ref["fit"]["chisq.scaled"])
