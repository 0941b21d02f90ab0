"""Probing a moderated path: simple slopes and the Johnson-Neyman region.

The tests use the normal (z) distribution with the ML standard errors, as lavaan's Wald tests
do for the same model; PROCESS instead uses OLS standard errors with t on N - p degrees of
freedom, so its boundaries differ slightly at small N.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats


def critical_z(level: float) -> float:
    """Two-sided normal critical value for a confidence level."""
    return float(stats.norm.ppf(0.5 + level / 2.0))


def johnson_neyman(
    slope: float,
    product: float,
    var_slope: float,
    cov: float,
    var_product: float,
    crit: float,
) -> tuple[list[float], list[tuple[float, float]]]:
    """Boundaries and regions of significance of ``slope + product * c`` over ``c``.

    The conditional effect ``theta(c) = slope + product * c`` has variance
    ``var_slope + 2 c cov + c^2 var_product``; it is significant where
    ``theta(c)^2 > crit^2 Var(theta(c))``, a quadratic inequality
    ``A c^2 + B c + C > 0`` whose roots are the boundaries.

    Returns
    -------
    boundaries : list of float
        The real roots, ascending (none, one or two), in the model's metric.
    significant : list of (low, high)
        Intervals of ``c`` where the effect is significant; infinite ends as +/- inf.
    """
    q = crit * crit
    a = product * product - q * var_product
    b = 2.0 * (slope * product - q * cov)
    c = slope * slope - q * var_slope
    inf = math.inf
    scale = max(abs(a), abs(b), abs(c), 1e-300)
    if abs(a) <= 1e-14 * scale:
        if abs(b) <= 1e-14 * scale:
            return [], ([(-inf, inf)] if c > 0 else [])
        root = -c / b
        return [root], ([(root, inf)] if b > 0 else [(-inf, root)])
    disc = b * b - 4.0 * a * c
    if disc < 0:
        return [], ([(-inf, inf)] if a > 0 else [])
    sq = math.sqrt(disc)
    # numerically stable roots of a c^2 + b c + c0
    t = -0.5 * (b + math.copysign(sq, b))
    roots = sorted([t / a, c / t] if t != 0 else [-b / (2 * a)] * 2)
    lo, hi = roots
    if a > 0:
        return roots, [(-inf, lo), (hi, inf)]
    return roots, [(lo, hi)]


def slope_rows(
    name: str,
    values: np.ndarray,
    est: np.ndarray,
    se: np.ndarray,
    level: float,
) -> pd.DataFrame:
    """Tidy rows of conditional effects with Wald z tests and normal CIs."""
    crit = critical_z(level)
    z = est / se
    return pd.DataFrame(
        {
            "effect": name,
            "w_value": values,
            "est": est,
            "se": se,
            "z": z,
            "pvalue": 2.0 * stats.norm.sf(np.abs(z)),
            "ci_lower": est - crit * se,
            "ci_upper": est + crit * se,
        }
    )
