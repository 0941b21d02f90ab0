"""Residual moments of a fitted model, as lavaan's ``residuals(fit, type = ...)``.

Follows lavaan 0.6's ``lav_residuals.R``: the observed moments are the h1 ones (sample
covariance with divisor N and means; the EM estimates under FIML), the fitted ones the
model-implied moments.

- ``raw``: S - Sigma (and ybar - mu with a mean structure).
- ``cor.bollen`` (lavaan's ``cor``): the sample correlations minus the model-implied
  correlations; means scaled by the observed standard deviations.
- ``cor.bentler`` (lavaan's ``srmr``): both matrices scaled by the observed standard deviations;
  the root mean square of its unique elements (means included) is the SRMR of the fit measures.
- ``standardized``: the raw residuals over their standard errors; ``normalized``: over the
  standard errors of the sample moments alone (see :mod:`craftwave.analysis.sem.stdresiduals`).

As ``lav_residuals_rescale``, an element below 1e-5 in absolute value is left unscaled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.stdresiduals import raw_residual_se

__all__ = ["RESIDUAL_TYPES", "Residuals", "residuals"]

RESIDUAL_TYPES = ("raw", "cor", "cor.bollen", "cor.bentler", "standardized", "normalized")


@dataclass
class Residuals:
    """Residual covariances (or correlations) and means of each group.

    Attributes
    ----------
    type : str
        lavaan's name of the type (``cor`` is reported as ``cor.bollen``).
    group_labels : list of str
    cov : list of pandas.DataFrame
        One symmetric matrix per group, rows and columns named by the observed variables.
    mean : list of pandas.Series or None
        Mean residuals per group (only with a mean structure).
    srmr : float
        Root mean square of the unique ``cor.bentler`` residuals (means included with a mean
        structure), groups weighted by n_g / N: lavaan's ``srmr``.
    """

    type: str
    group_labels: list[str]
    cov: list[pd.DataFrame]
    mean: list[pd.Series | None]
    srmr: float

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: ``type``, ``srmr`` and per group ``names``, ``cov`` (rows), ``mean``."""
        groups = []
        for label, cov, mean in zip(self.group_labels, self.cov, self.mean, strict=True):
            groups.append({"group": label, "names": list(cov.columns),
                           "cov": cov.to_numpy().tolist(),
                           "mean": None if mean is None else mean.tolist()})
        return {"type": self.type, "srmr": self.srmr, "groups": groups}

    def summary(self) -> str:
        """The matrices as text, lower triangle, three decimals."""
        lines = [f"Residuals ({self.type}); SRMR (from cor.bentler) = {self.srmr:.3f}"]
        for label, cov, mean in zip(self.group_labels, self.cov, self.mean, strict=True):
            if len(self.group_labels) > 1:
                lines.append(f"Group {label}:")
            names = list(cov.columns)
            width = max(8, *(len(n) + 1 for n in names))
            lines.append(" " * width + "".join(f"{n:>{width}}" for n in names))
            values = cov.to_numpy()
            values = np.where(np.abs(values) < 5e-4, 0.0, values)  # no "-0.000"
            for i, n in enumerate(names):
                cells = "".join(f"{values[i, j]:>{width}.3f}" for j in range(i + 1))
                lines.append(f"{n:<{width}}{cells}")
            if mean is not None:
                lines.append("mean" + " " * (width - 4)
                             + "".join(f"{v:>{width}.3f}" for v in mean.to_numpy()))
        return "\n".join(lines)


def _rescale_cov(x: np.ndarray, var: np.ndarray) -> np.ndarray:
    var = np.where(np.isfinite(var) & (var >= np.finfo(float).eps), var, np.nan)
    scale = np.outer(1 / np.sqrt(var), 1 / np.sqrt(var))
    scale[np.abs(x) < 1e-5] = 1.0
    return x * scale


def _rescale_mean(x: np.ndarray, var: np.ndarray) -> np.ndarray:
    var = np.where(np.isfinite(var) & (var >= np.finfo(float).eps), var, np.nan)
    scale = 1 / np.sqrt(var)
    scale[np.abs(x) < 1e-5] = 1.0
    return x * scale


def _over_se(x: np.ndarray, se: np.ndarray | None) -> np.ndarray:
    if se is None:
        return x
    se = np.where(np.abs(x) < 1e-5, 1.0, se)  # lavaan: near-zero residuals are not divided
    with np.errstate(divide="ignore", invalid="ignore"):
        return x / se


def _bentler_srmr(obs, est, weights, meanstructure) -> float:
    total = 0.0
    for (S, ybar), (Sigma, mu), w in zip(obs, est, weights, strict=True):
        var = np.diag(S)
        R = _rescale_cov(S, var) - _rescale_cov(Sigma, var)
        j, k = np.triu_indices(S.shape[0])
        res = list(R[j, k])
        if meanstructure:
            res += list(_rescale_mean(ybar, var) - _rescale_mean(mu, var))
        total += w * np.sqrt(np.mean(np.square(res)))
    return float(total)


def residuals(result, type: str = "cor") -> Residuals:
    """Residual moments of a fitted model, as lavaan's ``residuals(fit, type)``.

    Parameters
    ----------
    result : SEMResult
    type : {"cor", "cor.bollen", "cor.bentler", "raw", "standardized", "normalized"}
        ``cor`` is ``cor.bollen`` (lavaan's default), ``srmr`` and ``rmr`` are accepted as
        lavaan's aliases of ``cor.bentler`` and ``raw``.

    Returns
    -------
    Residuals

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from craftwave.analysis.sem import fit
    >>> rng = np.random.default_rng(4)
    >>> f = rng.normal(size=(200, 1))
    >>> df = pd.DataFrame(f @ [[1.0, 0.8, 0.7, 0.6]] + rng.normal(scale=0.6, size=(200, 4)),
    ...                   columns=["y1", "y2", "y3", "y4"])
    >>> res = residuals(fit("F =~ y1 + y2 + y3 + y4", df))
    >>> res.type, res.cov[0].shape
    ('cor.bollen', (4, 4))
    """
    kind = {"cor": "cor.bollen", "crmr": "cor.bollen", "srmr": "cor.bentler", "rmr": "raw",
            "cor.eqs": "cor.bentler"}.get(str(type).lower(), str(type).lower())
    if kind not in RESIDUAL_TYPES:
        raise ModelError(f"type must be one of {', '.join(RESIDUAL_TYPES)}, not {type!r}")
    if not result.sample:
        raise ModelError("this result holds no sample moments; refit it with "
                         "craftwave.analysis.sem.fit")
    cm = result.model
    names = list(cm.ov_names)
    covs, means = [], []
    ses = (raw_residual_se(result, normalized=kind == "normalized")
           if kind in ("standardized", "normalized") else None)
    for g, ((S, ybar), (Sigma, mu)) in enumerate(zip(result.sample, result.implied,
                                                      strict=True)):
        var_obs = np.diag(S)
        if kind in ("raw", "standardized", "normalized"):
            R, m = S - Sigma, ybar - mu
            if ses is not None:
                R, m = _over_se(R, ses[g][0]), _over_se(m, ses[g][1])
        elif kind == "cor.bentler":
            R = _rescale_cov(S, var_obs) - _rescale_cov(Sigma, var_obs)
            m = _rescale_mean(ybar, var_obs) - _rescale_mean(mu, var_obs)
        else:
            R = _rescale_cov(S, var_obs) - _rescale_cov(Sigma, np.diag(Sigma))
            m = _rescale_mean(ybar, var_obs) - _rescale_mean(mu, var_obs)
        covs.append(pd.DataFrame(R, index=names, columns=names))
        means.append(pd.Series(m, index=names) if cm.meanstructure else None)
    weights = [n / sum(result.n_obs) for n in result.n_obs]
    srmr = _bentler_srmr(result.sample, result.implied, weights, cm.meanstructure)
    return Residuals(type=kind, group_labels=list(result.group_labels), cov=covs, mean=means,
                     srmr=srmr)
