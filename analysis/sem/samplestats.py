"""Sample statistics for the SEM engine: complete-data moments and FIML missing-data patterns.

Both accept frequency weights (bootstrap multinomial counts), so a resample is only a new
weight vector: no copy of the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from craftwave.analysis.errors import DataError

__all__ = ["GroupMoments", "GroupPatterns", "Pattern", "PatternBlock", "moments_from_data",
           "patterns_from_data", "exo_moments"]


@dataclass
class GroupMoments:
    """Complete-data sufficient statistics of one group (S divides by n)."""

    n: float
    S: np.ndarray
    ybar: np.ndarray
    Y: np.ndarray | None = None        # raw data, kept for casewise scores (MLR)
    w: np.ndarray | None = None        # frequency weights of the rows of Y

    @property
    def logdet_S(self) -> float:
        """log|S| (0 when S is singular), computed once."""
        cached = self.__dict__.get("_logdet_S")
        if cached is None:
            sign, value = np.linalg.slogdet(self.S)
            cached = float(value) if sign > 0 else 0.0
            self.__dict__["_logdet_S"] = cached
        return cached


@dataclass
class Pattern:
    obs: np.ndarray
    n: float
    S: np.ndarray
    ybar: np.ndarray
    rows: np.ndarray


@dataclass
class PatternBlock:
    """All missing-data patterns with the same number k of observed variables, stacked."""

    obs: np.ndarray      # (P, k) observed variable indices
    n: np.ndarray        # (P,) weighted counts
    S: np.ndarray        # (P, k, k) pattern covariances (divisor n)
    ybar: np.ndarray     # (P, k) pattern means


@dataclass
class GroupPatterns:
    """Raw data of one group split by missing-data pattern (for FIML)."""

    n: float
    patterns: list[Pattern]
    Y: np.ndarray
    w: np.ndarray
    blocks: list[PatternBlock] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.blocks:
            sizes = sorted({pat.obs.size for pat in self.patterns})
            for k in sizes:
                pats = [pat for pat in self.patterns if pat.obs.size == k]
                self.blocks.append(PatternBlock(
                    obs=np.array([pat.obs for pat in pats]),
                    n=np.array([pat.n for pat in pats]),
                    S=np.array([pat.S for pat in pats]),
                    ybar=np.array([pat.ybar for pat in pats])))


def _weights(Y: np.ndarray, w) -> np.ndarray:
    if w is None:
        return np.ones(Y.shape[0])
    w = np.asarray(w, dtype=float)
    if w.shape != (Y.shape[0],) or np.any(w < 0) or not np.all(np.isfinite(w)):
        raise DataError("case_weights must be one finite non-negative number per row")
    return w


def moments_from_data(Y: np.ndarray, w: np.ndarray | None = None,
                      keep_raw: bool = True) -> GroupMoments:
    """Sample moments (divisor n) of a complete data matrix, optionally frequency-weighted."""
    Y = np.asarray(Y, dtype=float)
    w = _weights(Y, w)
    n = float(w.sum())
    if n <= 0:
        raise DataError("a group has no observations")
    ybar = w @ Y / n
    D = Y - ybar
    S = (D * w[:, None]).T @ D / n
    return GroupMoments(n, S, ybar, Y if keep_raw else None, w if keep_raw else None)


def patterns_from_data(Y: np.ndarray, w: np.ndarray | None = None) -> GroupPatterns:
    """Split a data matrix with NaN into missing-data patterns with their moments."""
    Y = np.asarray(Y, dtype=float)
    w = _weights(Y, w)
    R = ~np.isnan(Y)
    keep = R.any(axis=1) & (w > 0)
    Y, w, R = Y[keep], w[keep], R[keep]
    if Y.shape[0] == 0:
        raise DataError("no row has any observed value")
    codes, inverse = np.unique(R, axis=0, return_inverse=True)
    inverse = np.asarray(inverse).reshape(-1)
    patterns = []
    for k, code in enumerate(codes):
        rows = np.flatnonzero(inverse == k)
        obs = np.flatnonzero(code)
        Yo = Y[np.ix_(rows, obs)]
        wk = w[rows]
        nk = float(wk.sum())
        ybar = wk @ Yo / nk
        D = Yo - ybar
        S = (D * wk[:, None]).T @ D / nk
        patterns.append(Pattern(obs, nk, S, ybar, rows))
    return GroupPatterns(float(w.sum()), patterns, Y, w)


def exo_moments(g) -> tuple[np.ndarray, np.ndarray]:
    """Sample (S, ybar) of a group; pairwise-complete for FIML data."""
    if isinstance(g, GroupMoments):
        return g.S, g.ybar
    # FIML: covariates' moments from the rows where they are observed (pairwise)
    Y, w = g.Y, g.w
    p = Y.shape[1]
    ybar = np.array([np.average(Y[~np.isnan(Y[:, j]), j], weights=w[~np.isnan(Y[:, j])])
                     for j in range(p)])
    S = np.zeros((p, p))
    for i in range(p):
        for j in range(i, p):
            ok = ~np.isnan(Y[:, i]) & ~np.isnan(Y[:, j])
            if ok.any():
                wi = w[ok]
                S[i, j] = S[j, i] = np.sum(wi * (Y[ok, i] - ybar[i]) * (Y[ok, j] - ybar[j])) / wi.sum()
    return S, ybar
