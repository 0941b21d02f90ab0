"""Bootstrap confidence intervals: percentile (the default) and BCa.

The percentile interval is lavaan's: ``parameterEstimates(boot.ci.type = "perc")`` (lavaan 0.6,
also its ``"basic"`` and ``"bca.simple"``) takes the ends from boot's ``norm.inter``, which
interpolates the order statistics around ``(B + 1) alpha`` on the normal quantile scale; it is
not R's type-7 ``quantile()`` (with 100 resamples the two differ visibly). See
:func:`norm_inter_interval`.

The BCa interval (:func:`bca_interval`) is Efron's (1987) with a jackknife acceleration and
type-7 quantiles of the draws; it is not lavaan's ``boot.ci.type = "bca"`` (whose acceleration
comes from a regression on the resample frequencies and whose ends are ``norm.inter``'s).
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from craftwave.instruments.errors import DataError

CI_METHODS = ("percentile", "bca")


def check_level(level: float) -> float:
    """Validate a confidence level in (0, 1)."""
    if not 0.0 < float(level) < 1.0:
        raise DataError(f"the confidence level must lie strictly between 0 and 1; got {level}")
    return float(level)


def percentile_interval(draws: np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of each column of ``draws`` (resamples x quantities), as lavaan's.

    The ends are lavaan 0.6's ``parameterEstimates(boot.ci.type = "perc")``: boot's
    ``norm.inter`` interpolation of the order statistics (:func:`norm_inter_interval`), not
    R's type-7 quantiles. Rows holding NaN (failed resamples) should have been removed by the
    caller; non-finite draws are dropped column by column, as lavaan does.

    Examples
    --------
    With 99 draws the 5% and 95% ends fall on order statistics 5 and 95 exactly; with 101 they
    are interpolated on the normal scale, as R's ``boot:::norm.inter(0:100, c(.05, .95))``
    (type-7 quantiles would give 5.0 and 95.0):

    >>> lo, hi = percentile_interval(np.arange(1.0, 100.0)[:, None], 0.90)
    >>> round(float(lo[0]), 6), round(float(hi[0]), 6)
    (5.0, 95.0)
    >>> lo, hi = percentile_interval(np.arange(101.0)[:, None], 0.90)
    >>> round(float(lo[0]), 4), round(float(hi[0]), 4)
    (4.1068, 95.8932)
    """
    return norm_inter_interval(draws, level)


def bca_interval(
    draws: np.ndarray,
    estimate: np.ndarray,
    jackknife: np.ndarray,
    level: float = 0.95,
) -> tuple[np.ndarray, np.ndarray]:
    """Bias-corrected and accelerated (BCa) interval of each column (Efron, 1987).

    Parameters
    ----------
    draws : ndarray, shape (B, q)
        Bootstrap estimates (failed resamples removed).
    estimate : ndarray, shape (q,)
        Full-sample estimates.
    jackknife : ndarray, shape (n, q)
        Leave-one-out estimates, for the acceleration.
    level : float
        Confidence level.

    Returns
    -------
    lower, upper : ndarray, shape (q,)
        NaN where the interval is undefined (every draw on one side of the estimate).

    Notes
    -----
    The bias correction is ``z0 = Phi^-1(p)`` with ``p`` the share of draws below the estimate
    (ties count one half); the acceleration is
    ``a = sum(d^3) / (6 * sum(d^2)^1.5)`` with ``d`` the jackknife mean minus each leave-one-out
    estimate. The interval's ends are the draws' type-7 quantiles at
    ``Phi(z0 + (z0 + z) / (1 - a (z0 + z)))`` for ``z = Phi^-1(alpha/2)`` and ``Phi^-1(1 - alpha/2)``.
    """
    alpha = 1.0 - check_level(level)
    d = np.atleast_2d(np.asarray(draws, dtype=float))
    est = np.atleast_1d(np.asarray(estimate, dtype=float))
    jk = np.atleast_2d(np.asarray(jackknife, dtype=float))
    if d.shape[1] != est.shape[0] or jk.shape[1] != est.shape[0]:
        raise DataError("draws, estimate and jackknife must describe the same quantities")
    b = d.shape[0]
    below = (d < est).sum(axis=0) + 0.5 * (d == est).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        z0 = stats.norm.ppf(below / b)
        dev = jk.mean(axis=0) - jk
        num = (dev**3).sum(axis=0)
        den = 6.0 * (dev**2).sum(axis=0) ** 1.5
        acc = np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.0)
        lower = np.full(est.shape, np.nan)
        upper = np.full(est.shape, np.nan)
        zs = stats.norm.ppf([alpha / 2.0, 1.0 - alpha / 2.0])
        probs = []
        for z in zs:
            probs.append(stats.norm.cdf(z0 + (z0 + z) / (1.0 - acc * (z0 + z))))
    for j in range(est.shape[0]):
        p_lo, p_hi = probs[0][j], probs[1][j]
        if not (np.isfinite(p_lo) and np.isfinite(p_hi)):
            continue
        lower[j], upper[j] = np.quantile(d[:, j], [p_lo, p_hi])
    return lower, upper


def norm_inter_interval(draws: np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """lavaan's percentile interval (``parameterEstimates(boot.ci.type = "perc")``).

    lavaan 0.6 takes the ends from boot's ``norm.inter``: with R draws, the order statistics
    around ``(R + 1) alpha`` are interpolated on the normal quantile scale (the extreme draws
    when ``(R + 1) alpha`` falls outside 1 .. R). Columns are quantities; non-finite draws are
    dropped column by column. Used by every percentile interval of craftwave's bootstraps
    (continuous and ordinal SEM, moderated mediation) through :func:`percentile_interval`.

    Examples
    --------
    >>> lo, hi = norm_inter_interval(np.arange(1.0, 100.0)[:, None], 0.90)
    >>> round(float(lo[0]), 6), round(float(hi[0]), 6)
    (5.0, 95.0)
    """
    lvl = check_level(level)
    alpha = np.array([(1 - lvl) / 2, (1 + lvl) / 2])
    d = np.atleast_2d(np.asarray(draws, dtype=float))
    out = np.full((2, d.shape[1]), np.nan)
    finite = np.isfinite(d)
    counts = finite.sum(axis=0)
    for R in np.unique(counts):
        cols = np.flatnonzero(counts == R)
        if R == 0:
            continue
        # non-finite draws sort last (as +inf), so the first R rows are the finite draws sorted
        t = np.sort(np.where(finite[:, cols], d[:, cols], np.inf), axis=0)[:R]
        out[:, cols] = _norm_inter_sorted(t, alpha)
    return out[0], out[1]


def _norm_inter_sorted(t: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """boot's ``norm.inter`` of sorted columns ``t`` (R x q) at probabilities ``alpha``."""
    R = t.shape[0]
    rk = (R + 1) * alpha
    k = np.trunc(rk).astype(int)
    out = np.empty((alpha.size, t.shape[1]))
    for m in range(alpha.size):
        if k[m] == rk[m] and 0 < k[m] <= R:
            out[m] = t[k[m] - 1]
        elif k[m] <= 0:
            out[m] = t[0]
        elif k[m] >= R:
            out[m] = t[R - 1]
        else:
            z = stats.norm.ppf([alpha[m], k[m] / (R + 1), (k[m] + 1) / (R + 1)])
            tk, tk1 = t[k[m] - 1], t[k[m]]
            out[m] = tk + (z[0] - z[1]) / (z[2] - z[1]) * (tk1 - tk)
    return out
