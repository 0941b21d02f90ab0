"""Growth models as lmerTest reports them: Satterthwaite df, t and p, logLik, AIC and BIC,
covariates and time interactions (tests/reference/growth_lmertest_*.json, made by
r/growth_lmertest.R with lmerTest 3.x and lme4)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis import lmm
from craftwave.analysis.growth import growth
from craftwave.instruments.errors import ConvergenceWarning, DataError

REF = Path(__file__).resolve().parents[1] / "reference"
TOL = 1e-3       # estimates, SEs and variance components (absolute), df (relative)
TOL_T = 1e-4     # t (relative) and p (absolute) where well-conditioned


def _ref(name: str) -> dict:
    return json.loads((REF / f"growth_lmertest_{name}.json").read_text())


def _data(ref: dict) -> pd.DataFrame:
    return pd.read_csv(REF / "data" / ref["data"])


FITS = {
    "slope": lambda d: growth(d, formula="y ~ time + (time | id)", time="time"),
    "intercept_ml": lambda d: growth(d, id="id", time="time", outcome="y", random_slope=False,
                                     time_coding="raw", reml=False),
    "covariates": lambda d: growth(d, formula="resil ~ time * arm + age + (time | id)",
                                   time="time"),
    "agegroup": lambda d: growth(d, formula="resil ~ time * agegroup + arm + (time | id)",
                                 time="time"),
    "covariates_ml": lambda d: growth(d, id="id", time="time", outcome="resil",
                                      covariates=["age"], time_interactions=["arm"],
                                      time_coding="raw", reml=False),
}


@pytest.fixture(scope="module", params=sorted(FITS))
def case(request):
    ref = _ref(request.param)
    return ref, FITS[request.param](_data(ref))


def test_singular_fit_as_lmertest():
    """On the boundary (lme4's theta[3] = 0) lmerTest still reports Satterthwaite df, from
    the positive part of the Hessian; so does growth, with the singular-fit warning."""
    ref = _ref("singular")
    with pytest.warns(ConvergenceWarning, match="singular"):
        res = growth(_data(ref), formula="y ~ time + (time | id)", time="time")
    assert res.singular
    fixed = res.fixed.set_index("term")
    for row in ref["fixed"]:
        ours = fixed.loc[row["term"]]
        assert ours["est"] == pytest.approx(row["est"], abs=TOL)
        assert ours["se"] == pytest.approx(row["se"], abs=TOL)
        assert ours["df"] == pytest.approx(row["df"], rel=TOL)
        assert ours["t"] == pytest.approx(row["t"], rel=TOL_T)
        assert ours["pvalue"] == pytest.approx(row["pvalue"], abs=TOL_T)
    assert res.loglik == pytest.approx(ref["loglik"], rel=1e-6)


def test_fixed_effects_as_lmertest_summary(case):
    ref, res = case
    fixed = res.fixed.set_index("term")
    assert sorted(fixed.index) == sorted(r["term"] for r in ref["fixed"])
    for row in ref["fixed"]:
        ours = fixed.loc[row["term"]]
        assert ours["est"] == pytest.approx(row["est"], abs=TOL), row["term"]
        assert ours["se"] == pytest.approx(row["se"], abs=TOL, rel=TOL), row["term"]
        assert ours["df"] == pytest.approx(row["df"], rel=TOL), row["term"]
        assert ours["t"] == pytest.approx(row["t"], rel=TOL_T), row["term"]
        assert ours["pvalue"] == pytest.approx(row["pvalue"], abs=TOL_T, rel=1e-2), row["term"]
    # Wald intervals on t(df)
    from scipy import stats
    crit = stats.t.ppf(0.975, fixed["df"])
    np.testing.assert_allclose(fixed["ci_upper"] - fixed["est"], crit * fixed["se"])


def test_variance_components_and_information_criteria(case):
    ref, res = case
    assert res.method == ("REML" if ref["reml"] else "ML")
    assert (res.nobs, res.ngroups, res.npar) == (ref["nobs"], ref["ngroups"], ref["npar"])
    ours = {(r.grp, r.var1, r.var2): r.vcov for r in res.random.itertuples()}
    assert len(ours) == len(ref["varcomp"])
    for row in ref["varcomp"]:
        assert ours[(row["grp"], row["var1"], row["var2"])] == pytest.approx(row["vcov"],
                                                                              abs=1e-4)
    for key in ("loglik", "aic", "bic"):
        assert getattr(res, key) == pytest.approx(ref[key], rel=1e-6), key
    out = res.to_dict()
    if ref["reml"]:
        assert out["reml_criterion"] == pytest.approx(ref["reml_criterion"], rel=1e-6)
    else:
        assert out["deviance"] == pytest.approx(ref["deviance"], rel=1e-6)
    assert out["ddf"] == "Satterthwaite" and len(out["fixed"][0]) == 8


def test_contrast_as_contest1d(case):
    ref, res = case
    for con in ref["contrasts"]:
        terms = [r["term"] for r in ref["fixed"]]
        by_name = res.contrast(dict(zip(terms, con["L"], strict=True)))
        for key in ("est", "se"):
            assert by_name[key] == pytest.approx(con[key], abs=TOL)
        assert by_name["df"] == pytest.approx(con["df"], rel=TOL)
        assert by_name["t"] == pytest.approx(con["t"], rel=TOL_T)
        assert by_name["pvalue"] == pytest.approx(con["pvalue"], abs=TOL_T)


def test_joint_ftests_as_contestmd_and_anova():
    ref = _ref("covariates")
    res = growth(_data(ref), formula="resil ~ time * arm + age + (time | id)", time="time")
    terms = [r["term"] for r in ref["fixed"]]
    for ft in ref["ftests"]:
        cols = [terms[row.index(1)] for row in ft["L"]]
        ours = res.ftest(cols)
        assert ours["ndf"] == ft["ndf"] == 2
        assert ours["F"] == pytest.approx(ft["F"], rel=TOL_T)
        assert ours["ddf"] == pytest.approx(ft["ddf"], rel=TOL)
        assert ours["pvalue"] == pytest.approx(ft["pvalue"], abs=TOL_T, rel=TOL)
    # terms no other term contains: the rows of lmerTest's anova()
    anova = {r["term"]: r for r in ref["anova"]}
    for term in ("age", "time:arm"):
        ours = res.ftest(term)
        assert ours["F"] == pytest.approx(anova[term]["F"], rel=TOL_T)
        assert ours["ddf"] == pytest.approx(anova[term]["ddf"], rel=TOL)
    assert res.term_columns["time:arm"] == ["time:armcontrol"]
    with pytest.raises(DataError, match="no term or fixed effect named 'shoe'"):
        res.ftest("shoe")


@pytest.mark.parametrize("name", ["covariates", "agegroup"])
def test_type3_anova_as_lmertest(name):
    """Every term, those contained in an interaction included (time in time:agegroup), with
    two-df terms for the three-level factor."""
    ref = _ref(name)
    res = FITS[name](_data(ref))
    ours = res.anova().set_index("term")
    assert list(ours.index) == [r["term"] for r in ref["anova"]]
    for row in ref["anova"]:
        mine = ours.loc[row["term"]]
        assert mine["ndf"] == row["ndf"], row["term"]
        assert mine["F"] == pytest.approx(row["F"], rel=TOL_T, abs=TOL_T), row["term"]
        assert mine["ddf"] == pytest.approx(row["ddf"], rel=TOL), row["term"]
        assert mine["pvalue"] == pytest.approx(row["pvalue"], abs=TOL_T), row["term"]
    assert res.to_dict()["anova"][0]["term"] == ref["anova"][0]["term"]


def test_formula_and_options_give_the_same_model():
    ref = _ref("covariates")
    d = _data(ref)
    a = growth(d, formula="resil ~ time * arm + age + (time | id)", time="time")
    b = growth(d, id="id", time="time", outcome="resil", covariates=["arm", "age"],
               time_interactions=["arm"], time_coding="raw")
    fa, fb = a.fixed.set_index("term"), b.fixed.set_index("term").loc[a.fixed["term"]]
    np.testing.assert_allclose(fa[["est", "se", "df"]], fb[["est", "se", "df"]], rtol=1e-5)
    assert a.loglik == pytest.approx(b.loglik, abs=1e-8)
    assert a.formula == "resil ~ time * arm + age + (time | id)"
    assert "time:arm" in b.formula and b.formula.endswith("(time | id)")


def test_formula_random_parts_and_time_coding():
    d = _data(_ref("slope"))
    ri = growth(d, formula="y ~ time + (1 | id)", time="time")
    assert not ri.random_slope and ri.time_coding == "raw" and ri.npar == 4
    # the formula takes the time column as it is; coded from the first wave it is the same here
    first = growth(d, formula="y ~ time + (1 + time | id)", time="time", time_coding="center")
    raw = growth(d, formula="y ~ time + (time | id)", time="time")
    slope = raw.fixed.set_index("term").loc["time", "est"]
    assert first.fixed.set_index("term").loc["time", "est"] == pytest.approx(slope, abs=1e-6)
    assert first.loglik == pytest.approx(raw.loglik, abs=1e-6)


@pytest.mark.parametrize("kwargs,match", [
    ({"formula": "y ~ time + wealth + (time | id)"}, "no column 'wealth'"),
    ({"formula": "y ~ time + (time | person)"}, "no column"),
    ({"formula": "y ~ time + (age | id)"}, r"random effects \(age \| id\) are not supported"),
    ({"formula": "y time + (time | id)"}, "needs one '~'"),
    ({"formula": "y ~ time + (1 | id) + (time | id)"}, "one random-effects term"),
    ({"formula": "y ~ time + (time | id)", "covariates": ["x"]}, "either a formula"),
    ({"outcome": "y", "id": "id", "covariates": ["arm", "shoe"]}, "no column.*shoe"),
    ({"outcome": "y", "id": "id", "time_interactions": ["shoe"]}, "no column.*shoe"),
])
def test_clear_errors(kwargs, match):
    d = _data(_ref("slope"))
    with pytest.raises(DataError, match=match):
        growth(d, time="time", **kwargs)


def test_contrast_errors():
    res = growth(_data(_ref("slope")), formula="y ~ time + (time | id)", time="time")
    with pytest.raises(DataError, match="no fixed effect named slope"):
        res.contrast({"slope": 1})
    with pytest.raises(DataError, match="needs 2 weights"):
        res.contrast([1, 0, 0])


def test_deviance_matches_a_direct_computation():
    """lmm's per-group Woodbury deviance equals the dense multivariate normal REML deviance."""
    rng = np.random.default_rng(3)
    n, k = 30, 4
    ids = np.repeat(np.arange(n), k)
    t = np.tile(np.arange(k, dtype=float), n)
    y = 1 + 0.3 * t + rng.normal(0, 1, n)[ids] + rng.normal(0, 0.5, n * k)
    X = np.column_stack([np.ones(n * k), t])
    Z = X.copy()
    theta, sigma = np.array([1.2, -0.1, 0.4]), 0.7
    design = lmm.GroupedDesign.from_arrays(y, X, Z, ids)
    lam = lmm.lambda_of(theta, 2)
    Zb = np.zeros((n * k, 2 * n))
    for g in range(n):
        Zb[ids == g, 2 * g:2 * g + 2] = Z[ids == g]
    V = sigma ** 2 * (Zb @ np.kron(np.eye(n), lam @ lam.T) @ Zb.T + np.eye(n * k))
    Vi = np.linalg.inv(V)
    beta = np.linalg.solve(X.T @ Vi @ X, X.T @ Vi @ y)
    r = y - X @ beta
    ml = np.linalg.slogdet(V)[1] + r @ Vi @ r + n * k * np.log(2 * np.pi)
    reml = ml + np.linalg.slogdet(X.T @ Vi @ X)[1] - 2 * np.log(2 * np.pi)
    assert lmm.deviance(design, theta, sigma, reml=False) == pytest.approx(ml, rel=1e-10)
    assert lmm.deviance(design, theta, sigma, reml=True) == pytest.approx(reml, rel=1e-10)
    assert np.allclose(lmm.theta_of(lam), theta)
