"""Ordered items, stage one, against lavaan 0.6 (fixtures from tests/reference/r/ordinal_polychoric.R).

Thresholds, polychoric correlations and lavaan's NACOV (``lavInspect(fit, "gamma")``), listwise
and pairwise, and with lavaan's rules for empty cells. Tolerance: 1e-6 absolute (both sides
optimise one correlation at a time to far better than that).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import multivariate_normal

from craftwave.analysis.errors import DataError
from craftwave.analysis.sem.categorical import (
    bivariate_normal_cdf,
    ordinal_stats,
)

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "ordinal_polychoric.json").read_text())
CASES = {"items_listwise": ("ordinal_items", "listwise"),
         "missing_listwise": ("ordinal_items_missing", "listwise"),
         "missing_pairwise": ("ordinal_items_missing", "pairwise"),
         "sparse": ("ordinal_sparse", "listwise")}


@pytest.mark.parametrize("case", sorted(CASES))
def test_stage_one_agrees_with_lavaan(case):
    csv, missing = CASES[case]
    ref = FIXTURE[case]
    data = pd.read_csv(REF / "data" / f"{csv}.csv")
    stats = ordinal_stats(data, missing=missing)
    assert stats.n == ref["n"]
    assert stats.names == ref["names"]
    assert stats.threshold_names == ref["threshold_names"]
    np.testing.assert_allclose(np.concatenate(stats.thresholds), ref["thresholds"], atol=1e-9)
    np.testing.assert_allclose(stats.cor, np.array(ref["cor"]), atol=1e-6)
    np.testing.assert_allclose(stats.nacov, np.array(ref["gamma"]), atol=1e-6)
    assert len(stats.wls_obs) == len(ref["gamma"])


def test_sparse_tables_follow_lavaans_rules():
    """The 2 x 2 table with one empty cell gets 0.5 added, margins kept; both are named."""
    data = pd.read_csv(REF / "data" / "ordinal_sparse.csv")
    stats = ordinal_stats(data)
    assert ("b1", "b2") in stats.zero_cell_tables and ("c1", "c2") in stats.zero_cell_tables
    assert 0.5 < stats.cor[0, 1] < 0.999


def test_bivariate_normal_cdf_matches_scipy_across_correlations_and_tails():
    rng = np.random.default_rng(7)
    for r in (-0.9999, -0.95, -0.93, -0.5, 0.0, 0.3, 0.92, 0.925, 0.97, 0.9999):
        h, k = rng.normal(0, 1.6, 40), rng.normal(0, 1.6, 40)
        ref = [multivariate_normal.cdf([a, b], cov=[[1, r], [r, 1]], abseps=1e-12, releps=1e-12)
               for a, b in zip(h, k, strict=True)]
        np.testing.assert_allclose(bivariate_normal_cdf(h, k, r), ref, atol=1e-12)
    inf = np.inf
    assert bivariate_normal_cdf(-inf, 0.3, 0.4) == 0.0
    np.testing.assert_allclose(bivariate_normal_cdf([inf, 0.7], [0.7, inf], 0.4),
                               [0.758036347776927] * 2, atol=1e-12)


def test_polychoric_recovers_the_latent_correlation_of_simulated_items():
    """Simulated truth: a large sample of cut normals gives back the correlation and thresholds."""
    rng = np.random.default_rng(2025)
    n, truth = 40_000, np.array([[1, 0.6, -0.3], [0.6, 1, 0.2], [-0.3, 0.2, 1]])
    z = rng.standard_normal((n, 3)) @ np.linalg.cholesky(truth).T
    cuts = [np.array([-1.0, 0.2, 1.1]), np.array([0.4]), np.array([-1.5, -0.5, 0.5, 1.5])]
    data = pd.DataFrame({f"y{j}": np.searchsorted(cuts[j], z[:, j]) + 1 for j in range(3)})
    stats = ordinal_stats(data)
    se = np.sqrt(np.diag(stats.nacov) / n)
    est = np.concatenate([np.concatenate(stats.thresholds), stats.cor[[1, 2, 2], [0, 0, 1]]])
    true = np.concatenate([*cuts, truth[[1, 2, 2], [0, 0, 1]]])
    assert np.all(np.abs(est - true) < 4 * se)


def test_unusable_items_get_a_clear_error():
    data = pd.DataFrame({"a": [1, 1, 1, 1], "b": [1, 2, 1, 2]})
    with pytest.raises(DataError, match="at least two observed categories: a"):
        ordinal_stats(data)
    with pytest.raises(DataError, match="ordered values must be numbers"):
        ordinal_stats(pd.DataFrame({"a": ["x", "y", "x"], "b": [1, 2, 1]}))
    with pytest.raises(DataError, match="not in the data: z"):
        ordinal_stats(data, ["a", "z"])


def test_a_perfectly_associated_two_by_two_table_warns_and_is_one():
    data = pd.DataFrame({"a": [1, 1, 2, 2, 1, 2], "b": [1, 1, 2, 2, 1, 2]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stats = ordinal_stats(data, nacov=False)
    assert stats.cor[0, 1] == 1.0
    assert any("two empty cells" in str(w.message) for w in caught)


def test_identical_binary_items_get_a_clear_error_instead_of_an_empty_fit():
    rng = np.random.default_rng(3)
    a = rng.integers(1, 3, 60)
    data = pd.DataFrame({"a": a, "b": a, "c": rng.integers(1, 3, 60), "d": rng.integers(1, 4, 60)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(DataError, match="perfectly associated items \\(a and b\\)"):
            ordinal_stats(data)
