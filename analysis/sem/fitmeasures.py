"""lavaan's fit measures: chi-square, CFI, TLI, RMSEA (with its 90% CI), SRMR, logl, AIC, BIC.

Formulas as lavaan 0.6 (``lav_fit_cfi.R``, ``lav_fit_rmsea.R``, ``lav_fit_srmr.R``): N (not N - 1)
everywhere, RMSEA multiplied by sqrt(G) with G groups, TLI in the form
1 - ((X2 - df) / (X2_0 - df_0)) * df_0 / df, SRMR Bentler's (residuals standardised by the
sample standard deviations, means included with a mean structure, groups weighted by n_g / N),
and the robust CFI/TLI/RMSEA of Brosseau-Liard and Savalei, which move the scaling factor c into
the non-centrality (X2 - c df).
"""

from __future__ import annotations

import math

import numpy as np
from scipy import optimize, special, stats

__all__ = ["cfi", "tli", "rmsea", "rmsea_ci", "srmr", "chisq_pvalue", "add_lavaan_names",
           "LAVAAN_ALIASES"]

# craftwave's earlier keys -> lavaan's fitMeasures names ('.' written '_'); both are kept
LAVAAN_ALIASES = {
    "loglik": "logl",
    "unrestricted_loglik": "unrestricted_logl",
    "scaling_factor": "chisq_scaling_factor",
    "baseline_scaling_factor": "baseline_chisq_scaling_factor",
}


def add_lavaan_names(fm: dict) -> dict:
    """Add lavaan's ``fitMeasures`` names (``.`` as ``_``) next to craftwave's older keys."""
    for old, new in LAVAAN_ALIASES.items():
        if old in fm:
            fm[new] = fm[old]
    if "chisq_scaled" in fm:
        fm["df_scaled"] = fm["df"]
    return fm


def chisq_pvalue(chisq: float, df: float) -> float:
    if not np.isfinite(chisq) or df <= 0:
        return float("nan")
    return float(stats.chi2.sf(chisq, df))


def cfi(x2: float, df: float, x2_0: float, df_0: float, c: float = 1.0, c0: float = 1.0) -> float:
    t1 = max(x2 - c * df, 0.0)
    t2 = max(x2 - c * df, x2_0 - c0 * df_0, 0.0)
    if t1 == 0.0 and t2 == 0.0:
        return 1.0
    return 1.0 - t1 / t2


def tli(x2: float, df: float, x2_0: float, df_0: float, c: float = 1.0, c0: float = 1.0) -> float:
    t1 = (x2 - c * df) * df_0
    t2 = (x2_0 - c0 * df_0) * df
    if df > 0 and abs(t2) > 0:
        return 1.0 - t1 / t2
    return 1.0


def rmsea(x2: float, df: float, n: float, n_groups: int, c: float = 1.0) -> float:
    if df <= 0:
        return 0.0
    return math.sqrt(max(x2 - c * df, 0.0) / (n * df)) * math.sqrt(n_groups)


def _ncp(x2: float, df: float, prob: float) -> float:
    """The non-centrality lambda with P(chi2(df, lambda) <= x2) = prob (0 when none)."""
    if special.chdtr(df, x2) < prob:
        return 0.0

    def f(lam):
        return special.chndtr(x2, df, lam) - prob if lam > 0 else special.chdtr(df, x2) - prob

    hi = max(x2, 1.0)
    while f(hi) > 0:
        hi *= 2.0
    return optimize.brentq(f, 0.0, hi, xtol=1e-12, rtol=1e-12)


def rmsea_ci(x2: float, df: float, n: float, n_groups: int, level: float = 0.90,
             c: float = 1.0) -> tuple[float, float]:
    """lavaan's RMSEA confidence interval (``c`` scales the statistic for the robust version)."""
    if not np.isfinite(x2) or not np.isfinite(df):
        return float("nan"), float("nan")
    if df < 1:    # lavaan's lav_fit_rmsea_ci: (0, 0) for fewer than one degree of freedom
        return 0.0, 0.0
    alpha = (1 - level) / 2
    x2s = x2 / c
    lo = _ncp(x2s, df, 1 - alpha)
    hi = _ncp(x2s, df, alpha)
    scale = math.sqrt(n_groups) * math.sqrt(c)
    return (math.sqrt(lo / (n * df)) * scale, math.sqrt(hi / (n * df)) * scale)


def srmr(samples: list[tuple[np.ndarray, np.ndarray]], implied: list[tuple[np.ndarray, np.ndarray]],
         weights: list[float], meanstructure: bool) -> float:
    """Bentler's SRMR over groups (weights n_g / N)."""
    total = 0.0
    for (S, ybar), (Sigma, mu), w in zip(samples, implied, weights, strict=True):
        sd = np.sqrt(np.diag(S))
        R = (S - Sigma) / np.outer(sd, sd)
        j, k = np.triu_indices(S.shape[0])
        res = list(R[j, k])
        if meanstructure:
            res += list((ybar - mu) / sd)
        total += w * math.sqrt(float(np.mean(np.square(res))))
    return total
