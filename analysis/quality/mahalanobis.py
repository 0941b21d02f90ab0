"""Mahalanobis distance of each row from the EM means and covariance of all rows.

Why EM of all rows, not the complete rows' covariance
-----------------------------------------------------
With ``p`` items and ``n`` complete rows, a row's squared distance from the complete rows'
mean and covariance ``S`` behaves very differently depending on whether the row helped to
estimate ``S``:

* a row *inside* the estimating sample has ``n d^2 / (n-1)^2 ~ Beta(p/2, (n-p-1)/2)``: a
  distance bounded by ``(n-1)^2/n`` and thinner-tailed than chi-square, so it is almost never
  flagged;
* a row *outside* it (every row that skipped an item) has
  ``d^2 (n-p) / (p (n-1)) * n/(n+1) ~ F(p, n-p)`` (Hotelling's T^2): its expected distance is
  about ``p (n-1)/(n-p-2)`` rather than ``p``, inflated by ``(n-1)/(n-p-2)`` (1.6 times with 64
  items and 160 complete rows) and far more often beyond the chi-square cut-off.

So the complete-case covariance flags people for skipping an item. The EM (maximum-likelihood)
means and covariance of *all* rows (the SEM engine's :func:`~craftwave.analysis.sem.information.em_fit`)
put every row inside the estimating sample, each through its answered items; a row is then
scored on its answered items against the matching block, with df = items answered, and the
chi-square tail is the documented null rate (conservative for in-sample rows).
"""

from __future__ import annotations

import warnings

import numpy as np
from scipy import stats

from craftwave.analysis.errors import ConvergenceWarning
from craftwave.analysis.sem.information import em_fit
from craftwave.analysis.sem.samplestats import patterns_from_data

__all__ = ["em_moments", "mahalanobis_distances", "complete_case_moments"]


def em_moments(x: np.ndarray, tol: float = 1e-7, max_iter: int = 2000
               ) -> tuple[np.ndarray, np.ndarray]:
    """EM (maximum-likelihood) means and covariance of all rows with any answer.

    Returns ``(mean, covariance)``; columns nobody answered get a ``NaN`` mean and variance,
    and everything is ``NaN`` when there are fewer rows than items plus two (or the EM fails).
    """
    x = np.asarray(x, dtype=float)
    p = x.shape[1]
    mu = np.full(p, np.nan)
    sigma = np.full((p, p), np.nan)
    seen = ~np.isnan(x)
    usable = seen.sum(axis=0) >= 2
    cols = np.flatnonzero(usable)
    if cols.size == 0:
        return mu, sigma
    sub = x[:, cols]
    sub = sub[~np.isnan(sub).all(axis=1)]
    if len(sub) < cols.size + 2:        # more items than rows: no covariance to invert
        return mu, sigma
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        try:
            s, m, _, converged = em_fit(patterns_from_data(sub), max_iter=max_iter, tol=tol)
        except np.linalg.LinAlgError:
            return mu, sigma
    if not (np.all(np.isfinite(s)) and np.all(np.isfinite(m))):
        return mu, sigma
    if not converged:
        warnings.warn(f"quality: EM means and covariance did not converge in {max_iter} "
                      "iterations; Mahalanobis distances are approximate",
                      ConvergenceWarning, stacklevel=2)
    mu[cols] = m
    sigma[np.ix_(cols, cols)] = s
    return mu, sigma


def complete_case_moments(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Means and covariance (N - 1) of the complete rows only: the estimator that inflated
    the distances of rows with a skipped item (kept for the test that shows it)."""
    x = np.asarray(x, dtype=float)
    complete = x[~np.isnan(x).any(axis=1)]
    return complete.mean(axis=0), np.cov(complete, rowvar=False, ddof=1)


def mahalanobis_distances(x: np.ndarray, mu: np.ndarray, sigma: np.ndarray,
                          min_items: int = 2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Squared distance of each row on its answered items, its df and chi-square p value.

    Parameters
    ----------
    x : ndarray
        Rows x items, ``NaN`` where not answered.
    mu, sigma : ndarray
        Means and covariance of the items.
    min_items : int
        Rows with fewer answered items get ``NaN``.

    Returns
    -------
    d2, df, p : ndarray
        ``NaN`` where the row has too few answers or its block of ``sigma`` is singular.
    """
    x = np.asarray(x, dtype=float)
    d2 = np.full(len(x), np.nan)
    dfs = np.zeros(len(x))
    seen = ~np.isnan(x) & ~np.isnan(mu)[None, :]
    patterns, which = np.unique(seen, axis=0, return_inverse=True)
    which = np.asarray(which).reshape(-1)
    for k, pattern in enumerate(patterns):
        if pattern.sum() < min_items:
            continue
        rows = np.flatnonzero(which == k)
        try:
            chol = np.linalg.cholesky(sigma[np.ix_(pattern, pattern)])
        except np.linalg.LinAlgError:
            continue
        z = np.linalg.solve(chol, (x[np.ix_(rows, pattern)] - mu[pattern]).T)
        d2[rows] = (z**2).sum(axis=0)
        dfs[rows] = pattern.sum()
    p = np.full(len(x), np.nan)
    ok = ~np.isnan(d2)
    p[ok] = stats.chi2.sf(d2[ok], dfs[ok])
    return d2, dfs, p
