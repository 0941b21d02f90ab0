"""The attentive null model of one wave, and rank p values of the indices under it.

An index (longstring, IRV, even-odd, ...) has no distribution-free null: how long an attentive
person's longest run is depends on how many items there are, how they correlate, how skewed
they are and which items the person skipped. So each wave gets a model of *attentive*
answering fitted to its own data, and each row's index is compared with the same index of
``M`` draws from that model that skipped exactly the items the row skipped.

The model is a Gaussian copula: every item keeps its observed answer distribution (category
shares), and the items' latent normal correlations are the EM correlations (all rows, the SEM
engine's EM) of the items' normal scores ``E[Z | category]``, divided by each item's
correlation with its latent variable (the attenuation of a cut normal; a close approximation of
polychoric correlations), then made positive definite.

The p value of a row is ``(1 + #{draws at least as extreme}) / (M + 1)``. If the row is
attentive (drawn from the model), the row and the draws are exchangeable and
``P(p <= alpha) <= alpha`` for every ``alpha`` and every ``M``: the false-flag rate of a flag
``p <= alpha`` is at most ``alpha`` by construction, whatever the missing pattern. (Careless
rows inside the data make the fitted model more variable, which makes the flags more
conservative, not less.) A draw where the index is undefined never counts as extreme.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.quality.mahalanobis import em_moments

__all__ = ["CopulaModel", "fit_copula", "rank_pvalues"]

IndexFn = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class CopulaModel:
    """Gaussian copula of one wave's items: category values and cut points per item, and the
    latent correlation matrix."""

    values: list[np.ndarray]
    cuts: list[np.ndarray]
    corr: np.ndarray

    def draw(self, m: int, rng: np.random.Generator) -> np.ndarray:
        """``m`` complete rows of attentive answers."""
        p = len(self.values)
        z = rng.standard_normal((m, p)) @ np.linalg.cholesky(self.corr).T
        out = np.empty((m, p))
        for j in range(p):
            out[:, j] = self.values[j][np.searchsorted(self.cuts[j], z[:, j])]
        return out


def fit_copula(x: np.ndarray) -> CopulaModel:
    """Fit the attentive null model to one wave's answers (rows x items, ``NaN`` = skipped)."""
    x = np.asarray(x, dtype=float)
    n, p = x.shape
    values, cuts = [], []
    scores = np.full_like(x, np.nan)
    loading = np.zeros(p)
    for j in range(p):
        col = x[:, j]
        seen = ~np.isnan(col)
        cats, counts = np.unique(col[seen], return_counts=True)
        if cats.size == 0:
            cats, counts = np.array([0.0]), np.array([1])
        share = counts / counts.sum()
        tau = stats.norm.ppf(np.clip(np.cumsum(share)[:-1], 1e-12, 1 - 1e-12))
        lower = np.concatenate([[-np.inf], tau])
        upper = np.concatenate([tau, [np.inf]])
        cond = (stats.norm.pdf(lower) - stats.norm.pdf(upper)) / share   # E[Z | category]
        loading[j] = np.sqrt(np.sum(share * cond**2))
        values.append(cats)
        cuts.append(tau)
        if cats.size > 1:
            scores[seen, j] = cond[np.searchsorted(cats, col[seen])]
    corr = np.eye(p)
    live = np.flatnonzero((loading > 1e-6) & ((~np.isnan(scores)).sum(axis=0) >= 3))
    if live.size >= 2:
        _, cov = em_moments(scores[:, live])
        if not np.all(np.isfinite(cov)):        # fewer rows than items: pairwise instead
            cov = pd.DataFrame(scores[:, live]).cov(min_periods=3).fillna(0.0).to_numpy(copy=True)
            cov[np.diag_indices_from(cov)] = np.maximum(np.diag(cov), 1e-12)
        sd = np.sqrt(np.diag(cov))
        r = cov / np.outer(sd, sd) / np.outer(loading[live], loading[live])
        np.fill_diagonal(r, 1.0)
        corr[np.ix_(live, live)] = np.nan_to_num(r)
    corr = _nearest_correlation(corr)
    return CopulaModel(values, cuts, corr)


def _nearest_correlation(r: np.ndarray, floor: float = 1e-3) -> np.ndarray:
    """Clip eigenvalues at ``floor`` and rescale to unit diagonal."""
    r = 0.5 * (r + r.T)
    w, v = np.linalg.eigh(r)
    if w.min() >= floor:
        return r
    r = (v * np.maximum(w, floor)) @ v.T
    d = np.sqrt(np.diag(r))
    return r / np.outer(d, d)


def rank_pvalues(x: np.ndarray, pool: np.ndarray, indices: Mapping[str, tuple[IndexFn, str]]
                 ) -> dict[str, np.ndarray]:
    """Rank p values of each index of each row among the pool's draws with the row's pattern.

    Parameters
    ----------
    x : ndarray
        The wave's answers (rows x items, ``NaN`` = skipped).
    pool : ndarray
        Complete draws from the null model (``CopulaModel.draw``).
    indices : mapping
        ``{name: (function of an answer matrix, tail)}`` with tail ``"high"`` (large values
        are careless) or ``"low"``.

    Returns
    -------
    dict of str to ndarray
        ``p`` per row and index; ``NaN`` where the row's index is undefined.
    """
    observed = {}
    for name, (fn, _) in indices.items():
        same = [k for k, (g, _) in indices.items() if g is fn and k in observed]
        observed[name] = observed[same[0]] if same else fn(x)
    out = {name: np.full(len(x), np.nan) for name in indices}
    m = len(pool)
    patterns, which = np.unique(~np.isnan(x), axis=0, return_inverse=True)
    which = np.asarray(which).reshape(-1)
    for k, pattern in enumerate(patterns):
        rows = np.flatnonzero(which == k)
        if not pattern.any():
            continue
        masked = pool.copy()
        masked[:, ~pattern] = np.nan
        computed: dict[int, np.ndarray] = {}      # one index may serve both tails
        for name, (fn, tail) in indices.items():
            val = observed[name][rows]
            ok = ~np.isnan(val)
            if not ok.any():
                continue
            if id(fn) not in computed:
                computed[id(fn)] = fn(masked)
            null = computed[id(fn)]
            null = null[~np.isnan(null)]        # undefined draws are never extreme
            null = np.sort(null)
            if tail == "high":
                extreme = len(null) - np.searchsorted(null, val[ok], side="left")
            else:
                extreme = np.searchsorted(null, val[ok], side="right")
            p = np.full(len(rows), np.nan)
            p[ok] = (1 + extreme) / (m + 1)
            out[name][rows] = p
    return out
