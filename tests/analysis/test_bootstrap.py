"""Resample weights, the closed-form batched estimator and the bootstrap intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.bootstrap import (
    CHUNK_SIZE,
    Equation,
    RecursivePathModel,
    bca_interval,
    closed_form_draws,
    jackknife_weights,
    percentile_interval,
    resample_weights,
)
from craftwave.instruments.errors import DataError, ModelError


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    rng = np.random.default_rng(42)
    n = 120
    df = pd.DataFrame({"x": rng.normal(3, 1, n), "w": rng.normal(0, 1, n), "c": rng.gamma(2, 1, n)})
    df["m"] = 1 + 0.5 * df.x - 0.2 * df.w + 0.1 * df.c + rng.normal(0, 0.7, n)
    df["y"] = 0.3 * df.x + 0.6 * df.m + rng.normal(0, 0.9, n)
    return df


@pytest.fixture(scope="module")
def model(frame) -> RecursivePathModel:
    return RecursivePathModel(
        frame, [Equation("y", ("x", "m")), Equation("m", ("x", "w", "c"))]
    )


def _ols_params(frame: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """The parameter vector fitted the slow way on explicitly resampled rows."""
    out = []
    d = frame.iloc[rows]
    for outcome, preds in (("m", ["x", "w", "c"]), ("y", ["x", "m"])):
        z = np.column_stack([np.ones(len(d)), d[preds]])
        beta, *_ = np.linalg.lstsq(z, d[outcome].to_numpy(), rcond=None)
        resid = d[outcome].to_numpy() - z @ beta
        out += [*beta, resid @ resid / len(d)]
    return np.array(out)


class TestWeights:
    def test_counts_sum_to_n_and_repeat_with_the_seed(self):
        w = resample_weights(37, 600, seed=5)
        assert w.shape == (600, 37) and (w.sum(axis=1) == 37).all() and (w >= 0).all()
        np.testing.assert_array_equal(w, resample_weights(37, 600, seed=5))
        assert not np.array_equal(w, resample_weights(37, 600, seed=6))

    def test_prefix_is_stable_across_lengths(self):
        # resample b depends only on the seed and its chunk, not on how many are drawn
        short = resample_weights(20, CHUNK_SIZE + 10, seed=1)
        long = resample_weights(20, 3 * CHUNK_SIZE, seed=1)
        np.testing.assert_array_equal(short, long[: CHUNK_SIZE + 10])

    def test_groups_keep_their_sizes(self):
        groups = np.array(["a"] * 7 + ["b"] * 13)
        w = resample_weights(20, 200, seed=2, groups=groups)
        assert (w[:, :7].sum(axis=1) == 7).all() and (w[:, 7:].sum(axis=1) == 13).all()

    def test_counts_are_uniform_draws(self):
        w = resample_weights(10, 20000, seed=3)
        # each count is Binomial(10, 1/10): mean 1, variance 0.9
        assert w.mean() == pytest.approx(1.0, abs=0.01)
        assert w.var() == pytest.approx(0.9, abs=0.03)

    def test_errors(self):
        with pytest.raises(DataError):
            resample_weights(5, 0, seed=1)
        with pytest.raises(DataError):
            resample_weights(5, 3, seed=1, groups=[1, 2])


class TestClosedForm:
    def test_full_sample_is_ols_with_ml_variance(self, frame, model):
        theta, vcov = model.full_sample()
        np.testing.assert_allclose(theta, _ols_params(frame, np.arange(len(frame))), atol=1e-10)
        # saturated in the exogenous variables the y equation uses -> sigma2 (Z'Z)^-1
        z = np.column_stack([np.ones(len(frame)), frame[["x", "m"]]])
        i = model.param_index("y", "~1")
        sigma2 = theta[model.param_index("y", "~~", "y")]
        np.testing.assert_allclose(vcov[i : i + 3, i : i + 3], sigma2 * np.linalg.inv(z.T @ z),
                                   rtol=1e-8)

    def test_equations_are_put_in_recursive_order(self, model):
        assert [e.outcome for e in model.equations] == ["m", "y"]
        params = model.param_frame()
        assert params.lhs.tolist()[:5] == ["m"] * 5

    def test_batched_weights_equal_resampled_rows(self, frame, model):
        counts = resample_weights(len(frame), 40, seed=9)
        theta, ok = model.estimates(counts)
        assert ok.all()
        for b in range(0, 40, 7):
            rows = np.repeat(np.arange(len(frame)), counts[b])
            np.testing.assert_allclose(theta[b], _ols_params(frame, rows), rtol=1e-9, atol=1e-10)

    def test_jackknife_equals_leave_one_out_weights(self, frame, model):
        jack, ok = model.jackknife()
        direct, ok2 = model.estimates(jackknife_weights(len(frame)))
        assert ok.all() and ok2.all()
        np.testing.assert_allclose(jack, direct, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(jack[3], _ols_params(frame, np.delete(np.arange(len(frame)), 3)),
                                   rtol=1e-9)

    def test_runner_reproducible_across_threads(self, model):
        a, ok_a = closed_form_draws(model, 1100, seed=4, n_jobs=1)
        b, ok_b = closed_form_draws(model, 1100, seed=4, n_jobs=2)
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14)
        # one batch instead of chunks: the same resamples, BLAS may sum in another order
        whole = model.estimates(resample_weights(model.n, 1100, 4))[0]
        np.testing.assert_allclose(a, whole, rtol=1e-11, atol=1e-13)
        assert ok_a.all() and ok_b.all()

    def test_singular_resamples_fail_and_are_counted(self, frame):
        df = frame.copy()
        df["rare"] = 0.0
        df.loc[0, "rare"] = 1.0  # a dummy set in one row: absent from ~37% of resamples
        pm = RecursivePathModel(df, [Equation("y", ("x", "rare"))])
        theta, ok = closed_form_draws(pm, 1000, seed=1)
        share = 1 - ok.mean()
        assert 0.30 < share < 0.44
        assert np.isnan(theta[~ok]).all() and np.isfinite(theta[ok]).all()
        counts = resample_weights(pm.n, 1000, seed=1)
        np.testing.assert_array_equal(ok, counts[:, 0] > 0)

    def test_errors(self, frame):
        with pytest.raises(ModelError, match="not recursive"):
            RecursivePathModel(frame, [Equation("y", ("m",)), Equation("m", ("y",))])
        with pytest.raises(DataError, match="complete data"):
            holed = frame.copy()
            holed.loc[2, "x"] = np.nan
            RecursivePathModel(holed, [Equation("y", ("x",))])
        with pytest.raises(DataError, match="not in the data"):
            RecursivePathModel(frame, [Equation("y", ("zz",))])
        pm = RecursivePathModel(frame, [Equation("y", ("x",))])
        with pytest.raises(DataError, match="columns"):
            pm.estimates(np.ones((2, 3)))


class TestIntervals:
    def test_percentile_is_lavaans_norm_inter_not_type_7(self):
        draws = np.array([[16.0], [1.0], [8.0], [2.0], [4.0]])
        lo, hi = percentile_interval(draws, 0.5)
        # R: boot:::norm.inter(c(1, 2, 4, 8, 16), c(.25, .75)) -> 1.54580761156402, 11.6335391074878
        # (lavaan's boot.ci.type = "perc"); quantile(type = 7) would give 2 and 8
        assert lo[0] == pytest.approx(1.54580761156402, abs=1e-12)
        assert hi[0] == pytest.approx(11.6335391074878, abs=1e-12)

    def test_percentile_takes_the_order_statistic_when_it_falls_on_one(self):
        # (B + 1) alpha = 5 and 95 with 99 draws; columns with a failed (NaN) draw drop it
        draws = np.column_stack([np.arange(1.0, 100.0), np.r_[np.arange(1.0, 99.0), np.nan]])
        lo, hi = percentile_interval(draws, 0.9)
        assert (lo[0], hi[0]) == (5.0, 95.0)
        # 98 finite draws: (98 + 1) * 0.05 = 4.95, between the 4th and the 5th
        assert 4.0 < lo[1] < 5.0 and 94.0 < hi[1] < 95.0

    def test_bca_reduces_to_type_7_quantiles_without_bias_and_skew(self):
        # draws symmetric about the estimate and a symmetric jackknife: z0 = a = 0; BCa's ends
        # are type-7 quantiles (Efron's BCa, not lavaan's norm.inter)
        draws = np.linspace(-1, 1, 2001)[:, None]
        jack = np.array([[-1.0], [0.0], [1.0]])
        lo, hi = bca_interval(draws, np.array([0.0]), jack, 0.9)
        plo, phi = np.quantile(draws[:, 0], [0.05, 0.95])
        assert lo[0] == pytest.approx(plo) and hi[0] == pytest.approx(phi)

    def test_bca_shifts_with_bias(self):
        rng = np.random.default_rng(0)
        draws = rng.normal(0.2, 1, (4000, 1))
        jack = rng.normal(0, 0.01, (50, 1))
        lo, hi = bca_interval(draws, np.array([0.0]), jack, 0.95)
        plo, phi = percentile_interval(draws, 0.95)
        # more draws above the estimate -> z0 < 0 -> interval moves down
        assert lo[0] < plo[0] and hi[0] < phi[0]

    def test_bca_undefined_when_all_draws_on_one_side(self):
        lo, hi = bca_interval(np.ones((10, 1)) * 2.0, np.array([1.0]), np.ones((4, 1)), 0.95)
        assert np.isnan(lo[0]) and np.isnan(hi[0])

    def test_level_checked(self):
        with pytest.raises(DataError):
            percentile_interval(np.ones((3, 1)), 1.5)
