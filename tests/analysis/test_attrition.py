"""Attrition: dropout comparisons, Little's MCAR test, missingness tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from craftwave.analysis.attrition import (
    dropout_comparison,
    em_moments,
    little_mcar,
    missingness_by_wave,
    missingness_patterns,
)
from craftwave.analysis.simulate import simulate
from craftwave.instruments.errors import DataError

CONSTRUCTS = ["icraft", "ccraft", "resil", "ccommit"]


def test_em_without_missing_values_gives_the_ml_moments():
    rng = np.random.default_rng(11)
    x = rng.normal(size=(200, 4)) @ rng.normal(size=(4, 4))
    mu, sigma, _ = em_moments(x)
    np.testing.assert_allclose(mu, x.mean(axis=0), atol=1e-10)
    np.testing.assert_allclose(sigma, np.cov(x, rowvar=False, ddof=0), atol=1e-10)


def test_em_recovers_the_ml_estimate_of_monotone_bivariate_data():
    # Anderson (1957): with y missing for some cases, the ML mean of y is the complete-case
    # mean shifted along the complete-case regression on x
    rng = np.random.default_rng(12)
    x = rng.normal(size=400)
    y = 0.6 * x + rng.normal(size=400)
    y[rng.random(400) < 0.3] = np.nan
    mu, _, _ = em_moments(np.column_stack([x, y]))
    cc = ~np.isnan(y)
    slope = np.polyfit(x[cc], y[cc], 1)[0]
    assert mu[1] == pytest.approx(y[cc].mean() + slope * (x.mean() - x[cc].mean()), abs=1e-7)


def test_little_known_answer_in_the_bivariate_monotone_case():
    # with b missing for some cases, d2 reduces to the between-pattern sum of squares of a over
    # its ML variance: (n1 n2 / n) (mean_1 - mean_2)^2 / s_aa, on 1 df (derivation in the note)
    rng = np.random.default_rng(13)
    a = rng.normal(size=250)
    b = 0.5 * a + rng.normal(size=250)
    miss = rng.random(250) < 0.4
    b[miss] = np.nan
    res = little_mcar(pd.DataFrame({"a": a, "b": b}))
    n1, n2 = (~miss).sum(), miss.sum()
    expected = n1 * n2 / 250 * (a[~miss].mean() - a[miss].mean()) ** 2 / a.var()
    assert res.df == 1 and res.n_patterns == 2
    assert res.statistic == pytest.approx(expected, rel=1e-6)
    assert res.pvalue == pytest.approx(stats.chi2.sf(expected, 1), rel=1e-5)


def test_little_holds_its_size_under_mcar_and_detects_mar():
    rng = np.random.default_rng(14)
    cov = np.array([[1, .4, .3], [.4, 1, .5], [.3, .5, 1]])
    pvals = []
    for _ in range(200):
        x = rng.multivariate_normal(np.zeros(3), cov, size=150)
        x[rng.random(150) < 0.25, 1] = np.nan
        x[rng.random(150) < 0.25, 2] = np.nan
        pvals.append(little_mcar(pd.DataFrame(x, columns=list("abc"))).pvalue)
    rate = np.mean(np.array(pvals) < 0.05)
    # 200 replications: the binomial 99.9% range around 0.05 is about [0.01, 0.11]
    assert 0.01 <= rate <= 0.11
    x = rng.multivariate_normal(np.zeros(3), cov, size=400)
    x[x[:, 0] > 0.3, 2] = np.nan  # missingness of c depends on a: MAR, not MCAR
    assert little_mcar(pd.DataFrame(x, columns=list("abc"))).pvalue < 1e-4


def test_dropout_comparison_matches_welch_and_cohen():
    sim = simulate(n=400, waves=3, attrition=[0.3, 0.2], attrition_mar=1.0, items=False, seed=5)
    table = dropout_comparison(sim.wide, CONSTRUCTS, [1, 2, 3])
    assert len(table) == 8
    row = table[(table.from_wave == 1) & (table.variable == "resil_w1")].iloc[0]
    stay = sim.wide.last_wave >= 2
    x, y = sim.wide.resil_w1[stay], sim.wide.resil_w1[~stay]
    vx, vy = x.var() / len(x), y.var() / len(y)  # Welch-Satterthwaite, written out here
    assert row.t == pytest.approx((x.mean() - y.mean()) / np.sqrt(vx + vy))
    assert row.df == pytest.approx((vx + vy) ** 2 / (vx**2 / (len(x) - 1) + vy**2 / (len(y) - 1)))
    assert row.pvalue == pytest.approx(2 * stats.t.sf(abs(row.t), row.df))
    pooled = np.sqrt(((len(x) - 1) * x.var() + (len(y) - 1) * y.var()) / (len(x) + len(y) - 2))
    assert row.cohens_d == pytest.approx((x.mean() - y.mean()) / pooled)
    # dropout was made likelier for low resilience, so completers score higher
    assert row.cohens_d > 0.3 and row.pvalue < 1e-3
    assert row.hedges_g < row.cohens_d


def test_missingness_tables():
    sim = simulate(n=300, waves=3, attrition=[0.2, 0.2], items=False, seed=6)
    pats = missingness_patterns(sim.wide, CONSTRUCTS, [1, 2, 3])
    counts = sim.wide.last_wave.value_counts()
    assert dict(zip(pats.pattern, pats.n, strict=True)) == {
        "111": counts[3], "110": counts[2], "100": counts[1]}
    assert pats.monotone.all() and pats.share.sum() == pytest.approx(1)
    by_wave = missingness_by_wave(sim.wide, CONSTRUCTS, [1, 2, 3])
    assert set(by_wave[by_wave.wave == 2].n_present) == {int((sim.wide.last_wave >= 2).sum())}


def test_errors():
    with pytest.raises(DataError, match="no column"):
        little_mcar(pd.DataFrame({"a": [1.0, 2.0]}), ["b"])
    with pytest.raises(DataError, match="two waves"):
        dropout_comparison(pd.DataFrame({"icraft_w1": [1.0]}), ["icraft"], [1])
