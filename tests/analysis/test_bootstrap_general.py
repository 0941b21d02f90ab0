"""The general bootstrap path (SEM engine) and its equivalence with the closed form."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.bootstrap import resample_weights
from craftwave.analysis.bootstrap.general import bootstrap
from craftwave.analysis.mediation.spec import build_spec
from craftwave.analysis.sem import fit
from craftwave.instruments.errors import DataError, ModelError

DATA = Path(__file__).resolve().parents[1] / "reference" / "data"
HS_MODEL = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"


@pytest.fixture(scope="module")
def hs() -> pd.DataFrame:
    return pd.read_csv(DATA / "sem_hs.csv")


@pytest.fixture(scope="module")
def hs_fit(hs):
    return fit(HS_MODEL, hs)


def test_closed_form_and_general_path_agree_on_the_same_weights():
    """Model 7 as lavaan syntax through the engine = the batched least squares, resample by
    resample (same weights), to 1e-6 (in practice 2e-7)."""
    data = pd.read_csv(DATA / "mediation.csv")
    spec, work = build_spec(data, x="icraft_w1", w="ccraft_w1", m="resil_w2", y="ccommit_w3",
                            covariates=["tenure"], model=7)
    weights = resample_weights(len(work), 300, seed=12)
    closed, ok = spec.path_model.estimates(weights)
    # converged far past the default criterion, so that only the estimator is compared
    general = bootstrap((spec.syntax(), work, {"meanstructure": True}), weights=weights,
                        progress=False, tol=1e-18)
    assert ok.all() and general.n_failed == 0
    pm = spec.path_model
    table = general.params
    for i, row in pm.param_frame().iterrows():
        hit = table[(table.lhs == row.lhs) & (table.op == row.op) & (table.rhs == row.rhs)]
        assert len(hit) == 1, tuple(row)
        col = int(hit.free.iloc[0])
        np.testing.assert_allclose(general.draws[:, col], closed[:, i], atol=1e-6, rtol=0)
    # and the defined index of moderated mediation is recomputed per resample
    a3 = closed[:, spec.labels["a3"]]
    b = closed[:, spec.labels["b"]]
    idx = list(general.defined.name).index("index")
    np.testing.assert_allclose(general.defined_draws[:, idx], a3 * b, atol=1e-6)


def test_batched_refit_equals_the_engine_with_case_weights(hs, hs_fit):
    weights = resample_weights(len(hs), 3, seed=5)
    boot = bootstrap(hs_fit, hs, weights=weights, progress=False)
    se = np.sqrt(np.diag(hs_fit.vcov))
    for b in range(3):
        ref = fit(HS_MODEL, hs, case_weights=weights[b], start=hs_fit.theta)
        assert np.max(np.abs(boot.draws[b] - ref.theta) / se) < 1e-3


def test_same_seed_same_intervals_with_one_or_two_workers(hs, hs_fit):
    one = bootstrap(hs_fit, hs, n=300, seed=3, n_jobs=1, progress=False)
    two = bootstrap(hs_fit, hs, n=300, seed=3, n_jobs=2, progress=False)
    np.testing.assert_allclose(one.draws, two.draws, rtol=1e-10, atol=1e-12)
    pd.testing.assert_frame_equal(one.params, two.params, rtol=1e-10, atol=1e-12)
    assert one.n_boot == 300 and one.n_failed == 0
    # bootstrap SEs of a well-identified CFA are close to the ML standard errors
    free = one.params[one.params.se > 0]
    ratio = free.boot_se / free.se
    assert 0.7 < ratio.median() < 1.4


def test_defined_parameters_and_bca(hs):
    model = "visual =~ x1 + a*x2 + x3\ntextual =~ x4 + b*x5 + x6\nspeed =~ x7 + x8 + x9\nab := a*b"
    res = fit(model, hs)
    boot = bootstrap(res, hs, n=200, seed=8, ci="bca", progress=False)
    row = boot.defined.iloc[0]
    assert row["name"] == "ab"
    assert row.est == pytest.approx(res.defined.est.iloc[0], rel=1e-9)
    fa = int(boot.params.loc[boot.params.label == "a", "free"].iloc[0])
    fb = int(boot.params.loc[boot.params.label == "b", "free"].iloc[0])
    np.testing.assert_allclose(boot.defined_draws[:, 0], boot.draws[:, fa] * boot.draws[:, fb])
    assert row.ci_lower < row.est < row.ci_upper
    assert boot.ci == "bca"


def test_multigroup_resamples_within_groups(hs):
    res = fit(HS_MODEL, hs, group="school", group_equal=["loadings"])
    boot = bootstrap(res, hs, n=20, seed=2, fit_kwargs={"group": "school"}, progress=False)
    assert boot.n_failed == 0
    weights = resample_weights(len(hs), 2, seed=9, groups=hs["school"].astype(str).to_numpy())
    sizes = hs.groupby("school").size()
    for w in weights:
        got = pd.Series(w).groupby(hs["school"].to_numpy()).sum()
        assert (got.sort_index().to_numpy() == sizes.sort_index().to_numpy()).all()
    boot2 = bootstrap(res, hs, weights=weights, fit_kwargs={"group": "school"}, progress=False)
    ref = fit(HS_MODEL, hs, group="school", group_equal=["loadings"], case_weights=weights[0],
              start=res.theta)
    se = np.sqrt(np.diag(res.vcov))
    assert np.max(np.abs(boot2.draws[0] - ref.theta) / se) < 1e-3


def test_fiml_path_matches_the_engine(hs):
    data = pd.read_csv(DATA / "sem_hs_missing.csv")
    res = fit(HS_MODEL, data, missing="fiml")
    weights = resample_weights(len(data), 2, seed=4)
    boot = bootstrap(res, data, weights=weights, progress=False)
    assert boot.path == "general (FIML)" and boot.n_failed == 0
    ref = fit(HS_MODEL, data, missing="fiml", case_weights=weights[1], start=res.theta)
    np.testing.assert_allclose(boot.draws[1], ref.theta, atol=1e-8)


def test_errors(hs, hs_fit):
    with pytest.raises(DataError, match="rows"):
        bootstrap(hs_fit, hs.iloc[:200], n=10, progress=False)
    with pytest.raises(ModelError, match="ci must be"):
        bootstrap(hs_fit, hs, n=10, ci="normal", progress=False)
    with pytest.raises(ModelError, match="unknown fit option"):
        bootstrap(HS_MODEL, hs, n=10, fit_kwargs={"estimatr": "ML"}, progress=False)
    with pytest.raises(DataError, match="needs the data"):
        bootstrap(hs_fit, None, n=10, progress=False)


def test_fiml_chunks_reproducible_across_workers(monkeypatch):
    """Small chunks make two workers share the FIML refits; the draws do not change."""
    import craftwave.analysis.bootstrap.general as general

    monkeypatch.setattr(general, "CHUNK_SIZE", 4)
    data = pd.read_csv(DATA / "sem_hs_missing.csv")
    res = fit(HS_MODEL, data, missing="fiml")
    one = bootstrap(res, data, n=10, seed=6, n_jobs=1, progress=False)
    two = bootstrap(res, data, n=10, seed=6, n_jobs=2, progress=False)
    np.testing.assert_allclose(one.draws, two.draws, rtol=1e-10, atol=1e-12)
    assert one.n_boot == 10 and one.n_failed + one.draws.shape[0] == 10


# -- FIML: batched refits over the fixed set of missing-data patterns ---------------------------

@pytest.fixture(scope="module")
def hs_missing() -> pd.DataFrame:
    return pd.read_csv(DATA / "sem_hs_missing.csv")


def _fresh_fit_of_resample(model, data, counts, **kwargs):
    """A fresh fit of the resampled rows themselves (default starts, no weights)."""
    rows = np.repeat(np.arange(len(data)), counts)
    return fit(model, data.iloc[rows].reset_index(drop=True), missing="fiml", **kwargs)


def test_fiml_resamples_equal_fresh_fits_of_the_resampled_data(hs_missing):
    res = fit(HS_MODEL, hs_missing, missing="fiml")
    weights = resample_weights(len(hs_missing), 3, seed=21)
    boot = bootstrap(res, hs_missing, weights=weights, progress=False)
    assert boot.path == "general (FIML)" and boot.n_failed == 0
    for b in range(3):
        fresh = _fresh_fit_of_resample(HS_MODEL, hs_missing, weights[b])
        np.testing.assert_allclose(boot.draws[b], fresh.theta, atol=1e-6, rtol=0)


def test_fiml_batched_ses_and_intervals_equal_the_one_by_one_reference(hs_missing):
    """The batched refits against the engine's optimiser run resample by resample on patterns
    rebuilt from each resample (the slow reference): same SEs and percentile bounds."""
    from craftwave.analysis.bootstrap.general import _Problem, _summarise

    res = fit(HS_MODEL, hs_missing, missing="fiml")
    weights = resample_weights(len(hs_missing), 40, seed=22)
    fast = bootstrap(res, hs_missing, weights=weights, progress=False)
    prob = _Problem(res, hs_missing, None, 1e-12)
    draws, ok = prob.refit_engine(weights)
    slow = _summarise(prob, draws, ok, None, 40, None, "percentile", 0.95)
    assert fast.n_failed == slow.n_failed == 0
    np.testing.assert_allclose(fast.draws, slow.draws, atol=1e-6, rtol=0)
    for col in ("boot_se", "ci_lower", "ci_upper"):
        np.testing.assert_allclose(fast.params[col], slow.params[col], atol=1e-6, rtol=0)
    # and the intervals are bootstrap intervals: SEs near the ML ones, estimates inside
    free = fast.params[fast.params.free >= 0]
    assert 0.6 < (free.boot_se / free.se).median() < 1.5


def test_fiml_batched_with_a_fixed_x_covariate(hs_missing):
    rng = np.random.default_rng(23)
    data = hs_missing.copy()
    data["z"] = rng.normal(size=len(data)) + 0.3 * data["x1"].fillna(0.0)
    model = HS_MODEL + "\nvisual ~ z\nspeed ~ z"
    res = fit(model, data, missing="fiml")
    weights = resample_weights(len(data), 2, seed=24)
    boot = bootstrap(res, data, weights=weights, progress=False)
    assert boot.n_failed == 0
    ref = fit(model, data, missing="fiml", case_weights=weights[1], start=res.theta)
    np.testing.assert_allclose(boot.draws[1], ref.theta, atol=1e-6, rtol=0)


def test_fiml_batched_multigroup(hs_missing):
    res = fit(HS_MODEL, hs_missing, missing="fiml", group="school", group_equal=["loadings"])
    weights = resample_weights(len(hs_missing), 2, seed=25,
                               groups=hs_missing["school"].to_numpy())
    boot = bootstrap(res, hs_missing, weights=weights, fit_kwargs={"group": "school"},
                     progress=False)
    assert boot.n_failed == 0
    ref = fit(HS_MODEL, hs_missing, missing="fiml", group="school", group_equal=["loadings"],
              case_weights=weights[0], start=res.theta)
    np.testing.assert_allclose(boot.draws[0], ref.theta, atol=1e-6, rtol=0)


def test_fiml_batch_shares_one_pattern_structure(hs_missing):
    """Patterns, their rows and index arrays are built once from the data; a resample that
    leaves out every row of a pattern only gives it weight zero."""
    from craftwave.analysis.bootstrap.general import _Problem

    res = fit(HS_MODEL, hs_missing, missing="fiml")
    prob = _Problem(res, hs_missing, None, 1e-12)
    prob.prepare()
    batch = prob._batched
    R = ~np.isnan(prob.Y)
    assert batch.n_patterns == len(np.unique(R, axis=0))
    # drop every row of the rarest incomplete pattern: weight moves to the other rows
    blk = min(batch.data[0].blocks, key=lambda b: min(r.size for r in b.rows))
    gone = min(blk.rows, key=len)
    w = np.ones(prob.n)
    w[gone] = 0.0
    w[np.setdiff1d(np.arange(prob.n), gone)[: gone.size]] += 1.0
    draws, ok = prob.refit(w[None, :])
    ref = fit(HS_MODEL, hs_missing, missing="fiml", case_weights=w, start=res.theta)
    assert ok.all()
    np.testing.assert_allclose(draws[0], ref.theta, atol=1e-6, rtol=0)


def test_fiml_bca_jackknife_goes_through_the_batched_refits(hs_missing, monkeypatch):
    """BCa's leave-one-out refits (n of them, in chunks) equal the engine's."""
    import craftwave.analysis.bootstrap.general as general

    monkeypatch.setattr(general, "CHUNK_SIZE", 120)  # several chunks of leave-one-out fits
    res = fit(HS_MODEL, hs_missing, missing="fiml")
    boot = bootstrap(res, hs_missing, n=30, seed=26, ci="bca", progress=False)
    assert boot.jackknife.shape == (len(hs_missing), res.theta.size)
    for i in (0, 150, len(hs_missing) - 1):
        w = np.ones(len(hs_missing))
        w[i] = 0.0
        ref = fit(HS_MODEL, hs_missing, missing="fiml", case_weights=w, start=res.theta)
        np.testing.assert_allclose(boot.jackknife[i], ref.theta, atol=1e-6, rtol=0)
    free = boot.params[boot.params.free >= 0]
    assert (free.ci_lower < free.ci_upper).all()
