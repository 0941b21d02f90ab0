"""The root cause of issue 16: a complete-case covariance flags people for skipping an item.

With many items and few complete rows, the complete rows' covariance puts those rows inside
the estimating sample (distances shrunk: Beta-distributed, bounded) and every row that skipped
an item outside it (distances inflated by about (n - 1)/(n - p - 2), Hotelling's T^2). The EM
covariance of all rows treats both alike.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.quality import (
    complete_case_moments,
    em_moments,
    mahalanobis_distances,
    quality_flags,
)

P, N, ALPHA = 48, 320, 0.01


def _wave(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """P correlated items (two factors), N rows, 55% of rows skip one or two items."""
    rng = np.random.default_rng(seed)
    load = np.zeros((P, 2))
    load[: P // 2, 0] = rng.uniform(0.5, 0.8, P // 2)
    load[P // 2:, 1] = rng.uniform(0.5, 0.8, P - P // 2)
    cov = load @ load.T + np.diag(1 - (load**2).sum(axis=1))
    x = rng.multivariate_normal(np.zeros(P), cov, N)
    skip = rng.random(N) < 0.55
    for i in np.flatnonzero(skip):
        x[i, rng.choice(P, rng.integers(1, 3), replace=False)] = np.nan
    return x, skip


def _rates(x: np.ndarray, skip: np.ndarray, moments) -> tuple[float, float, float]:
    mu, sigma = moments(x)
    d2, df, p = mahalanobis_distances(x, mu, sigma)
    return (float(np.mean(p[~skip] < ALPHA)), float(np.mean(p[skip] < ALPHA)),
            float(np.mean(d2[skip] / df[skip])))


@pytest.mark.parametrize("seed", [11, 12])
def test_complete_case_covariance_flags_people_for_skipping(seed):
    x, skip = _wave(seed)
    n_complete = int((~skip).sum())
    assert n_complete < 3.5 * P                         # few complete rows for so many items
    complete_rate, skip_rate, ratio = _rates(x, skip, complete_case_moments)
    inflation = (n_complete - 1) / (n_complete - P - 2)
    assert complete_rate == 0.0                         # rows inside the estimate: never flagged
    assert skip_rate > 10 * ALPHA                       # rows outside it: flagged for skipping
    assert ratio == pytest.approx(inflation, rel=0.15)  # mean d2/df ~ (n-1)/(n-p-2)


@pytest.mark.parametrize("seed", [11, 12])
def test_em_covariance_of_all_rows_flags_skippers_and_completers_alike(seed):
    x, skip = _wave(seed)
    complete_rate, skip_rate, ratio = _rates(x, skip, em_moments)
    assert skip_rate <= 2 * ALPHA and complete_rate <= 2 * ALPHA
    assert ratio < 1.05                                  # no inflation


def test_quality_flags_uses_the_em_covariance():
    x, skip = _wave(13)
    d = pd.DataFrame(x, columns=[f"v{i}_w1" for i in range(P)]).assign(
        participant_id=[f"p{i}" for i in range(N)])
    q = quality_flags(d)
    mu, sigma = em_moments(x)
    d2, _, _ = mahalanobis_distances(x, mu, sigma)
    assert np.allclose(q["mahalanobis"].to_numpy(float), d2)
    assert q.loc[skip, "flag_mahalanobis"].fillna(False).mean() <= 0.01
