"""The SEM engine beyond the R fixtures: frequency weights, the compiled low-level API,
FIML on complete data, problems said plainly, and the result object."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis import fit
from craftwave.analysis.errors import (
    ConvergenceWarning,
    DataError,
    HeywoodWarning,
    IdentificationWarning,
    ModelError,
    NotPositiveDefiniteWarning,
)
from craftwave.analysis.sem import Evaluator, compile_model, fit_moments, moments_from_data

HS_MODEL = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"


@pytest.fixture(scope="module")
def hs(reference_data):
    return reference_data("sem_hs.csv")


@pytest.fixture(scope="module")
def hs_fit(hs):
    return fit(HS_MODEL, hs)


def _exact_sample(cov: np.ndarray, n: int, rng: np.random.Generator) -> pd.DataFrame:
    """Data whose sample covariance (divisor n) is exactly ``cov``."""
    p = cov.shape[0]
    Z = rng.normal(size=(n, p))
    Z -= Z.mean(axis=0)
    Z = Z @ np.linalg.inv(np.linalg.cholesky(Z.T @ Z / n)).T
    Y = Z @ np.linalg.cholesky(cov).T
    return pd.DataFrame(Y, columns=[f"x{i + 1}" for i in range(p)])


def test_case_weights_equal_repeated_rows(hs):
    rng = np.random.default_rng(11)
    counts = rng.multinomial(len(hs), np.full(len(hs), 1 / len(hs)))
    weighted = fit(HS_MODEL, hs, case_weights=counts, estimator="MLR")
    repeated = fit(HS_MODEL, hs.loc[hs.index.repeat(counts)].reset_index(drop=True),
                   estimator="MLR")
    np.testing.assert_allclose(weighted.params["est"], repeated.params["est"], atol=1e-7)
    np.testing.assert_allclose(weighted.params["se"], repeated.params["se"], atol=1e-7)
    for key in ("chisq", "loglik", "cfi", "srmr", "scaling_factor"):
        assert weighted.fit_measures[key] == pytest.approx(repeated.fit_measures[key], rel=1e-7)


def test_compiled_model_refits_from_moments_with_warm_start(hs, hs_fit):
    cm = compile_model(HS_MODEL)
    Y = hs[cm.ov_names].to_numpy()
    state = fit_moments(cm, [moments_from_data(Y)])
    np.testing.assert_allclose(state.theta, hs_fit.theta, atol=1e-6)
    assert 2 * len(hs) * state.fmin == pytest.approx(hs_fit.fit_measures["chisq"], rel=1e-8)
    rng = np.random.default_rng(3)
    w = rng.multinomial(len(hs), np.full(len(hs), 1 / len(hs))).astype(float)
    cold = fit_moments(cm, [moments_from_data(Y, w)])
    warm = fit_moments(cm, [moments_from_data(Y, w)], start=hs_fit.theta)
    np.testing.assert_allclose(warm.theta, cold.theta, atol=1e-6)
    assert warm.converged and cold.converged
    # started at its own optimum, a refit stops at once
    assert fit_moments(cm, [moments_from_data(Y)], start=state.theta).iterations <= 2
    H0 = Evaluator(cm, [moments_from_data(Y)]).observed_information(hs_fit.theta)
    newton = fit_moments(cm, [moments_from_data(Y, w)], start=hs_fit.theta, hessian=H0)
    np.testing.assert_allclose(newton.theta, cold.theta, atol=1e-6)


def test_analytic_gradient_matches_finite_differences(hs, hs_fit):
    cm = compile_model(HS_MODEL, meanstructure=True)
    ev = Evaluator(cm, [moments_from_data(hs[cm.ov_names].to_numpy())])
    rng = np.random.default_rng(5)
    theta = fit_moments(cm, ev.groups).theta + rng.normal(scale=0.05, size=cm.n_free)
    _, grad = ev.value_and_gradient(theta)
    num = np.array([(ev.objective(theta + e) - ev.objective(theta - e)) / 2e-6
                    for e in np.eye(cm.n_free) * 1e-6])
    np.testing.assert_allclose(grad, num, atol=1e-6)


def test_fiml_on_complete_data_equals_ml_with_meanstructure(hs):
    a = fit(HS_MODEL, hs, missing="fiml")
    b = fit(HS_MODEL, hs, meanstructure=True)
    np.testing.assert_allclose(a.params["est"], b.params["est"], atol=1e-6)
    assert a.fit_measures["chisq"] == pytest.approx(b.fit_measures["chisq"], rel=1e-8)
    assert a.missing == "fiml" and b.missing == "listwise"


def test_result_object(hs_fit):
    d = hs_fit.to_dict()
    assert d["missing"] == "listwise" and d["estimator"] == "ML" and d["n_obs"] == 301
    assert set(d["parameters"][0]) == {"lhs", "op", "rhs", "group", "label", "est", "se", "z",
                                       "pvalue", "ci_lower", "ci_upper", "std_all"}
    text = hs_fit.summary()
    assert "listwise deletion" in text and "visual =~ x2" in text and "RMSEA" in text
    assert hs_fit.vcov.shape == (21, 21)


def test_heywood_case_names_the_variable():
    cov = np.array([[1.0, 0.8, 0.8], [0.8, 1.0, 0.5], [0.8, 0.5, 1.0]])
    data = _exact_sample(cov, 200, np.random.default_rng(1))
    with pytest.warns(HeywoodWarning, match="x1"):
        res = fit("F =~ x1 + x2 + x3", data)
    assert res.params.query("lhs == 'x1' and op == '~~'")["est"].iloc[0] < 0
    assert any("x1" in w for w in res.warnings)


def test_factor_correlation_above_one_is_not_positive_definite():
    cov = np.full((6, 6), 0.6)
    cov[:3, :3] = cov[3:, 3:] = 0.5
    np.fill_diagonal(cov, 1.0)
    data = _exact_sample(cov, 300, np.random.default_rng(2))
    with pytest.warns(NotPositiveDefiniteWarning, match="F and G"):
        fit("F =~ x1 + x2 + x3\nG =~ x4 + x5 + x6", data)


def test_more_parameters_than_moments_is_an_error():
    data = pd.DataFrame(np.random.default_rng(0).normal(size=(50, 2)), columns=["x1", "x2"])
    with pytest.raises(ModelError, match="not identified"):
        fit("F =~ x1 + x2", data)


def test_empirically_unidentified_parameter_is_named(hs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        with pytest.warns(IdentificationWarning, match="not be identified"):
            fit("F =~ x1 + x2\nG =~ x4 + x5 + x6\nF ~~ 0*G", hs)


def test_non_convergence_is_reported(hs):
    cm = compile_model(HS_MODEL)
    with pytest.warns(ConvergenceWarning, match="did not converge"):
        state = fit_moments(cm, [moments_from_data(hs[cm.ov_names].to_numpy())], max_iter=2)
    assert not state.converged


@pytest.mark.parametrize("kwargs, error", [
    ({"estimator": "WLSMV"}, ModelError), ({"missing": "pairwise"}, ModelError),
    ({"group": "nope"}, DataError)])
def test_bad_options(hs, kwargs, error):
    with pytest.raises(error):
        fit(HS_MODEL, hs, **kwargs)


def test_missing_and_non_numeric_columns_are_named(hs):
    with pytest.raises(DataError, match="x10"):
        fit("F =~ x1 + x2 + x10", hs)
    bad = hs.assign(x2=hs["x2"].astype(str) + "a")
    with pytest.raises(DataError, match="x2"):
        fit("F =~ x1 + x2 + x3", bad)


def test_linearly_dependent_variables_are_named(hs):
    data = hs.assign(x3=hs["x1"] + hs["x2"])
    with pytest.raises(DataError, match="not positive definite: x1, x2, x3"):
        fit(HS_MODEL, data)


@pytest.mark.parametrize("name, group", [("sem_hs_cfa_ml", None), ("sem_poldem_ml", None),
                                         ("sem_feature_mimic", None),
                                         ("sem_mg_scalar_ml", "school")])
def test_analytic_hessian_matches_differences_of_the_gradient(name, group, reference,
                                                              reference_data):
    from craftwave.analysis.sem import prepare_groups

    ref = reference(name)
    data = reference_data(ref["data"])
    n_groups = data[group].nunique() if group else 1
    cm = compile_model(ref["model"], n_groups=n_groups, meanstructure=True,
                       group_equal=("loadings", "intercepts") if group else ())
    groups, _ = prepare_groups(cm, data, group=group)
    ev = Evaluator(cm, groups)
    rng = np.random.default_rng(8)
    theta = fit_moments(cm, groups).theta + rng.normal(scale=0.02, size=cm.n_free)
    numeric = ev.observed_information(theta)
    np.testing.assert_allclose(ev.hessian(theta), numeric, atol=1e-6 * np.abs(numeric).max())


@pytest.mark.parametrize("name", ["sem_hs_fiml_ml", "sem_mg_fiml_scalar_ml",
                                  "sem_fixedx_clpm_cov_some_fiml", "sem_mode_growth_fiml"])
def test_analytic_fiml_hessian_matches_differences_of_the_gradient(name, reference,
                                                                   reference_data):
    # FIML with several missing-data patterns and a mean structure: one group, groups with
    # equal loadings and intercepts (free latent means), regressions with fixed.x covariates,
    # and a growth model; away from the optimum, so the second-order part counts too
    from craftwave.analysis.sem.hessian import fiml_hessian

    ref = reference(name)
    res = fit(ref["model"], reference_data(ref["data"]), **ref["args"])
    ev = res.evaluator
    assert ev.fiml and ev.model.meanstructure
    assert sum(len(g.patterns) for g in ev.groups) >= 3
    rng = np.random.default_rng(21)
    theta = res.theta + rng.normal(scale=0.02, size=res.theta.size)
    numeric = ev.observed_information(theta)        # Richardson central differences
    analytic = fiml_hessian(ev, theta)
    np.testing.assert_allclose(analytic, numeric, atol=1e-7 * np.abs(numeric).max())
    np.testing.assert_array_equal(ev.hessian(theta), analytic)   # no fallback on these models
    np.testing.assert_allclose(analytic, analytic.T, atol=1e-12 * np.abs(analytic).max())


def test_fiml_hessian_falls_back_to_differences_when_a_pattern_is_singular(reference,
                                                                          reference_data,
                                                                          monkeypatch):
    from craftwave.analysis.sem import hessian

    ref = reference("sem_hs_fiml_ml")
    res = fit(ref["model"], reference_data(ref["data"]), **ref["args"])
    ev, theta = res.evaluator, res.theta

    def unavailable(ev, theta):
        raise np.linalg.LinAlgError("singular")

    monkeypatch.setattr(hessian, "fiml_hessian", unavailable)
    np.testing.assert_array_equal(ev.hessian(theta), ev.observed_information(theta))


def test_singular_information_gives_no_standard_errors(hs):
    # F's variance and x1's residual variance only enter as their sum: lavaan says "could not
    # compute standard errors" and reports se, z and p as NA for every parameter
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotPositiveDefiniteWarning)  # lavaan warns too
        with pytest.warns(IdentificationWarning, match="could not compute standard") as rec:
            res = fit("F =~ x1\nG =~ x2 + x3 + x4\nx1 ~~ x1", hs)
    assert any("F ~~ F" in str(w.message) and "x1 ~~ x1" in str(w.message) for w in rec)
    free = res.params[res.params["op"].isin(["~~", "=~"]) & (res.params["est"] != 1.0)]
    assert free["se"].isna().all() and free["z"].isna().all() and free["pvalue"].isna().all()
    assert res.params["ci_lower"].iloc[2:].isna().all()
    assert any("could not compute standard errors" in w for w in res.warnings)
    row = res.to_dict()["parameters"][4]
    assert row["lhs"] == "x1" and row["se"] is None and row["pvalue"] is None
