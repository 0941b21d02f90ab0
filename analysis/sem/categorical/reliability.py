"""Reliability of scales of ordered items, each coefficient saying what it describes.

- **Categorical omega** (Green and Yang 2009; semTools' ``compRelSEM`` default for ordered
  indicators): the reliability of the *observed sum score* of the items, from a fitted model's
  loadings and thresholds. The true-score part of the sum's variance is what the factor's share
  of each pair of latent responses contributes to the pair's joint category probabilities; the
  total is the same sum at the sample polychoric correlations.
- **Ordinal alpha** (Zumbo, Gadermann and Zeisser 2007; ``compRelSEM(tau.eq = TRUE,
  ord.scale = FALSE)``): coefficient alpha of the *latent responses*, i.e. alpha computed from
  the polychoric correlations. It describes a hypothetical sum of continuous responses, not the
  observed sum score, and is labelled so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import ndtr

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical.bivariate import bivariate_normal_cdf
from craftwave.analysis.sem.categorical.dwls import OrdinalFit
from craftwave.analysis.sem.categorical.polychoric import OrdinalStats
from craftwave.analysis.sem.categorical.polyserial import ordered_names

__all__ = ["categorical_omega", "ordinal_alpha", "ordinal_reliability", "scale_reliability"]

OMEGA_MEANING = "reliability of the observed sum score (categorical omega, Green & Yang 2009)"
ALPHA_MEANING = ("alpha of the latent responses (ordinal alpha), not of the observed sum score")


def ordinal_alpha(stats: OrdinalStats, items: list[str]) -> float:
    """Alpha computed from the items' polychoric correlations (standardised alpha on R)."""
    idx = [stats.names.index(i) for i in items]
    k = len(idx)
    if k < 2:
        raise ModelError("alpha needs at least two items")
    R = stats.cor[np.ix_(idx, idx)]
    return float(k / (k - 1) * (1.0 - k / R.sum()))


def _pair_sum(t1: np.ndarray, t2: np.ndarray, r: float) -> float:
    """Sum over both items' thresholds of P(Z1 <= t1_c, Z2 <= t2_c') at correlation r."""
    h = np.repeat(t1, len(t2))
    k = np.tile(t2, len(t1))
    if r >= 1.0:
        return float(ndtr(np.minimum(h, k)).sum())
    return float(bivariate_normal_cdf(h, k, r).sum())


def categorical_omega(fit: OrdinalFit, factor: str) -> float:
    """Green and Yang's omega of the observed sum of a factor's ordered indicators.

    Parameters
    ----------
    fit : OrdinalFit
        A model fitted by :func:`~craftwave.analysis.sem.categorical.fit_ordinal`.
    factor : str
        A factor whose indicators are all ordered.

    Returns
    -------
    float
    """
    table = fit.params
    loads = table[(table["op"] == "=~") & (table["lhs"] == factor)]
    if loads.empty:
        raise ModelError(f"no factor named {factor!r} with indicators in the model")
    items = list(loads["rhs"])
    lam = loads["est"].to_numpy()
    psi = float(fit.lv_cov.loc[factor, factor])          # model-implied (total) variance
    common = np.outer(lam, lam) * psi                     # factor's part of the latent responses
    stats = fit.stats
    idx = [stats.names.index(i) for i in items]
    thresholds = {}
    for item in items:
        rows = table[(table["op"] == "|") & (table["lhs"] == item)]
        thresholds[item] = rows["est"].to_numpy()
    R = stats.cor[np.ix_(idx, idx)]
    num = den = 0.0
    for a, ia in enumerate(items):
        ta = thresholds[ia]
        for b, ib in enumerate(items):
            tb = thresholds[ib]
            margins = ndtr(ta).sum() * ndtr(tb).sum()
            num += _pair_sum(ta, tb, common[a, b]) - margins
            den += _pair_sum(ta, tb, R[a, b]) - margins
    return float(num / den)


def ordinal_reliability(fit: OrdinalFit) -> pd.DataFrame:
    """Both coefficients for every factor measured only by ordered items, labelled.

    Returns
    -------
    pandas.DataFrame
        Columns ``factor``, ``items``, ``coefficient``, ``value``, ``describes``.
    """
    if getattr(fit.stats, "covariates", None):
        raise ModelError("not supported yet: reliability of ordinal scales from a model with "
                         f"covariates ({', '.join(fit.stats.covariates)}); its correlations "
                         "are residual (given the covariates), not those of the items")
    table = fit.params
    rows = []
    for factor in dict.fromkeys(table.loc[table["op"] == "=~", "lhs"]):
        items = list(table[(table["op"] == "=~") & (table["lhs"] == factor)]["rhs"])
        if not all(i in ordered_names(fit.stats) for i in items):
            continue
        rows.append({"factor": factor, "items": len(items), "coefficient": "omega_categorical",
                     "value": categorical_omega(fit, factor), "describes": OMEGA_MEANING})
        rows.append({"factor": factor, "items": len(items), "coefficient": "alpha_ordinal",
                     "value": ordinal_alpha(fit.stats, items), "describes": ALPHA_MEANING})
    return pd.DataFrame(rows)


def scale_reliability(data: pd.DataFrame, items: list[str], *,
                      missing: str = "listwise") -> pd.DataFrame:
    """Categorical omega and ordinal alpha of one scale, from a one-factor WLSMV fit.

    Parameters
    ----------
    data : pandas.DataFrame
        The answers (reverse-keyed items already reversed).
    items : list of str
        The scale's items, at least three.
    missing : {"listwise", "pairwise"}

    Returns
    -------
    pandas.DataFrame
        As :func:`ordinal_reliability`, for the factor ``scale``.
    """
    from craftwave.analysis.sem.categorical.dwls import fit_ordinal

    if len(items) < 3:
        raise ModelError("a one-factor model needs at least three items")
    bad = [i for i in items if not i.isidentifier()]
    if bad:
        raise ModelError(f"item names must be plain identifiers: {', '.join(bad)}")
    fit = fit_ordinal("scale =~ " + " + ".join(items), data[items], std_lv=True,
                      missing=missing)
    out = ordinal_reliability(fit)
    out["nobs"] = fit.nobs
    return out
