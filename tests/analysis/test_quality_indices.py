"""Each careless-responding index against values computed by hand from its definition."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from scipy.spatial.distance import mahalanobis as scipy_mahalanobis

from craftwave.analysis.quality import (
    attention_pvalues,
    autocorrelation,
    em_moments,
    even_odd,
    irv,
    longstring,
    mahalanobis_distances,
    pair_consistency,
    person_total,
    speed_pvalues,
    synonym_pairs,
)

NAN = np.nan


def test_longstring_runs_and_a_skip_ends_a_run():
    x = np.array([[1, 1, 2, 2, 2, 3, NAN, 3, 3, 3],
                  [5, 4, 5, 4, 5, 4, 5, 4, 5, 4],
                  [NAN] * 10])
    got = longstring(x)
    assert got[:2].tolist() == [3, 1] and np.isnan(got[2])


def test_irv_is_the_sd_of_the_answered_items():
    x = np.array([[1, 2, 3, 4, 5], [2, 2, NAN, 2, 3], [4, NAN, NAN, NAN, NAN]])
    got = irv(x)
    assert got[0] == pytest.approx(np.sqrt(10 / 4))            # deviations 2,1,0,1,2
    assert got[1] == pytest.approx(np.sqrt((3 * 0.25**2 + 0.75**2) / 3))
    assert np.isnan(got[2])


def test_even_odd_is_spearman_brown_of_half_means_across_scales():
    # three scales of two items: odd halves 1, 2, 3; even halves 1, 2, 4
    x = np.array([[1, 1, 2, 2, 3, 4],
                  [3, 3, 3, 3, 3, 3],               # no variance across scales
                  [1, 5, 5, 1, 3, 3]])
    got = even_odd(x, [[0, 1], [2, 3], [4, 5]])
    r = 3 / np.sqrt(2 * 42 / 9)                       # by hand: 0.98198
    assert got[0] == pytest.approx(2 * r / (1 + r))
    assert np.isnan(got[1])
    assert got[2] == -1.0                              # halves disagree: r = -1
    assert np.isnan(even_odd(x, [[0, 1], [2, 3]])).all()       # fewer than three scales


def test_even_odd_splits_longer_scales_by_position():
    # scale of four items (positions 0..3): odd half = items 1 and 3, even half = 2 and 4
    x = np.array([[1, 5, 3, 5, 2, 2, 4, 4, 5, 5]], dtype=float)
    got = even_odd(x, [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]])
    odd, even = [2, 3, 5], [5, 4, 5]
    r = np.corrcoef(odd, even)[0, 1]
    assert got[0] == pytest.approx(2 * r / (1 + r))


def test_synonym_and_antonym_pairs_and_their_consistency():
    corr = np.eye(4)
    corr[0, 1] = corr[1, 0] = 0.7
    corr[2, 3] = corr[3, 2] = 0.65
    corr[0, 2] = corr[2, 0] = 0.59                  # under the critical value
    corr[1, 3] = corr[3, 1] = -0.8
    assert synonym_pairs(corr) == [(0, 1), (2, 3)]
    assert synonym_pairs(corr, antonyms=True) == [(1, 3)]
    pairs = [(0, 1), (2, 3), (4, 5)]
    x = np.array([[1, 2, 4, 4, 5, 4], [1, 5, 5, 1, 3, NAN]], dtype=float)
    got = pair_consistency(x, pairs)
    assert got[0] == pytest.approx(np.corrcoef([1, 4, 5], [2, 4, 4])[0, 1])
    assert np.isnan(got[1])                          # two complete pairs only
    assert np.isnan(pair_consistency(x, pairs[:2])).all()


def test_person_total_uses_the_other_rows_means():
    x = np.array([[1, 2, 3, 4], [2, 2, 4, 5], [3, 4, 5, 3], [1, NAN, 2, 2]], dtype=float)
    got = person_total(x)
    others0 = x[1:].copy()
    means0 = np.nanmean(others0, axis=0)
    assert got[0] == pytest.approx(np.corrcoef(x[0], means0)[0, 1])
    means3 = np.nanmean(x[:3], axis=0)[[0, 2, 3]]
    assert got[3] == pytest.approx(np.corrcoef([1, 2, 2], means3)[0, 1])
    fixed = person_total(x[:1], item_means=np.array([2, 3, 5, 4.0]))
    assert fixed[0] == pytest.approx(np.corrcoef([1, 2, 3, 4], [2, 3, 5, 4])[0, 1])


def test_autocorrelation_finds_the_period_of_a_repeated_pattern():
    x = np.array([[1, 2, 3] * 4, [1, 5] * 6], dtype=float)
    got = autocorrelation(x)
    assert got[0] == pytest.approx(6 / 8)            # lag 3: 6 of 8 squared deviations
    assert got[1] == pytest.approx(10 / 12)          # lag 2: 10 pairs of 12
    skipped = x[:1].copy()
    skipped[0, 4] = NAN                              # mean 23/11; pairs with a skip drop out
    m = np.nanmean(skipped)
    d = np.nan_to_num(skipped[0] - m)
    want = max((d[:-h] * d[h:]).sum() / (d**2).sum() for h in range(1, 7))
    assert autocorrelation(skipped)[0] == pytest.approx(want)
    assert np.isnan(autocorrelation(np.array([[3.0] * 8])))[0]


def test_attention_pvalue_is_the_binomial_tail_of_slips():
    p = attention_pvalues(np.array([0, 1, 2, 1]), np.array([2, 2, 2, 0]), 0.02)
    assert p[0] == 1.0
    assert p[1] == pytest.approx(1 - 0.98**2)        # .0396: one slip is common
    assert p[2] == pytest.approx(0.02**2)            # .0004
    assert np.isnan(p[3])


def test_speed_pvalue_is_the_log_normal_lower_tail():
    spi = np.exp(np.array([0.0, 0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.05, -0.05, 0.0, -2.0]))
    logs = np.log(spi)
    med = np.median(logs)
    mad = 1.4826 * np.median(np.abs(logs - med))
    got = speed_pvalues(spi)
    assert got[-1] == pytest.approx(stats.norm.cdf((-2.0 - med) / mad))
    assert np.isnan(speed_pvalues(spi[:5])).all()    # too few timed rows for a wave norm


def test_em_moments_of_complete_data_are_the_ml_moments_and_distances_match_scipy():
    rng = np.random.default_rng(7)
    x = rng.multivariate_normal(np.zeros(4), np.full((4, 4), 0.4) + 0.6 * np.eye(4), 200)
    mu, sigma = em_moments(x)
    assert np.allclose(mu, x.mean(axis=0))
    assert np.allclose(sigma, np.cov(x, rowvar=False, ddof=0), atol=1e-6)
    d2, df, p = mahalanobis_distances(x, mu, sigma)
    vi = np.linalg.inv(sigma)
    assert d2[3] == pytest.approx(scipy_mahalanobis(x[3], mu, vi) ** 2)
    x[5, 1] = NAN
    d2, df, p = mahalanobis_distances(x, mu, sigma)
    sub = [0, 2, 3]
    want = scipy_mahalanobis(x[5, sub], mu[sub], np.linalg.inv(sigma[np.ix_(sub, sub)])) ** 2
    assert d2[5] == pytest.approx(want) and df[5] == 3
    assert p[5] == pytest.approx(stats.chi2.sf(want, 3))


def test_more_items_than_rows_leaves_mahalanobis_missing_without_warnings():
    import pandas as pd

    from craftwave.analysis.quality import quality_flags

    rng = np.random.default_rng(3)
    x = rng.integers(1, 6, size=(20, 40)).astype(float)
    x[rng.random(x.shape) < 0.1] = NAN
    d = pd.DataFrame(x, columns=[f"s{j // 10}_{j % 10 + 1}_w1" for j in range(40)])
    q = quality_flags(d.assign(participant_id=[f"r{i}" for i in range(20)]))
    assert q["mahalanobis"].isna().all() and q["flag_mahalanobis"].isna().all()
    assert q["longstring_p"].notna().all()          # the copula still fits (pairwise)
