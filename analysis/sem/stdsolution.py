"""Standardized solutions with delta-method standard errors, as lavaan's ``standardizedSolution``.

Follows lavaan 0.6's ``lav_standardize.R``: ``std.lv`` scales by the model-implied standard
deviations of the latent variables; ``std.all`` then also by those of the observed variables;
``std.nox`` as ``std.all`` but leaves the exogenous covariates (lavaan's ``ov.x``) in their raw
metric. Covariances are scaled by the square roots of the (residual) variance estimates
(``cov.std = TRUE``), so they are residual correlations. Defined parameters (``:=``) are
their expressions evaluated at the standardized values of the labelled parameters.

Standard errors: ``lav_object_inspect_vcov(standardized = TRUE)``: J V J', with J the Jacobian
of the standardized values with respect to the free parameters (central differences here,
complex step in lavaan) and V the covariance matrix of the free parameters. As lavaan, an SE
below ``eps ** (1/4)`` is 0 (fixed) and then has no z, p or interval width.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.defined import DefinedSet
from craftwave.analysis.sem.specification import ALPHA, NU

__all__ = ["STD_TYPES", "standardize", "standardized_solution"]

STD_TYPES = ("std.all", "std.lv", "std.nox")
_SE_ZERO = np.finfo(float).eps ** 0.25
_COLUMNS = ["lhs", "op", "rhs", "group", "label", "est_std", "se", "z", "pvalue", "ci_lower",
            "ci_upper"]


def _row_estimates(model, parts: list[dict]) -> np.ndarray:
    est = np.empty(len(model.rows))
    keys = ("L", "B", "Psi", "Theta", "nu", "alpha")
    for k, row in enumerate(model.rows):
        mat = parts[row.group][keys[row.mat]]
        est[k] = mat[row.r] if row.mat in (NU, ALPHA) else mat[row.r, row.c]
    return est


def _sqrt_or_nan(x: float) -> float:
    return float(np.sqrt(x)) if x >= 0 and np.isfinite(x) else np.nan


def standardize(model, parts: list[dict], est: np.ndarray, type: str = "std.all") -> np.ndarray:
    """Standardized values of every parameter-table row (lavaan's ``lav_standardize_*``).

    Parameters
    ----------
    model : CompiledModel
    parts : list of dict
        ``Evaluator.parts`` of each group at the estimates.
    est : ndarray
        The raw estimate of each row of ``model.rows``.
    type : {"std.all", "std.lv", "std.nox"}

    Returns
    -------
    ndarray
        One value per row (NaN where lavaan gives NA).
    """
    if type not in STD_TYPES:
        raise ModelError(f"type must be one of {', '.join(STD_TYPES)}, not {type!r}")
    lv = set(model.lv_names)
    ov_x = set(model.ov_x) if type == "std.nox" else set()
    eta_i = {v: i for i, v in enumerate(model.eta_names)}
    ov_i = {v: i for i, v in enumerate(model.ov_names)}
    out = np.array(est, dtype=float)
    for g, pr in enumerate(parts):
        rows = [(k, r) for k, r in enumerate(model.rows) if r.group == g]
        A = pr["A"]
        veta = np.diag(A @ pr["Psi"] @ A.T)
        eta_sd = {v: _sqrt_or_nan(veta[eta_i[v]]) for v in model.lv_names}
        vy = np.diag(pr["Sigma"]).copy()
        vy[np.abs(vy) < np.finfo(float).eps] = np.nan
        ov2 = {v: vy[ov_i[v]] for v in model.ov_names}
        ov_sd = {v: _sqrt_or_nan(x) for v, x in ov2.items()}
        # ---- std.lv ----
        rv_lv = {r.lhs: np.sqrt(abs(est[k])) for k, r in rows
                 if r.op == "~~" and r.lhs == r.rhs and r.lhs in lv}
        for k, r in rows:
            if r.op == "=~":
                out[k] *= eta_sd[r.lhs]
                if r.rhs in lv:
                    out[k] /= eta_sd[r.rhs]
            elif r.op == "~":
                if r.lhs in lv:
                    out[k] /= eta_sd[r.lhs]
                if r.rhs in lv:
                    out[k] *= eta_sd[r.rhs]
            elif r.op == "~~" and r.lhs == r.rhs and r.lhs in lv:
                out[k] /= eta_sd[r.lhs] ** 2
            elif r.op == "~~":
                if r.lhs in lv:
                    out[k] /= rv_lv.get(r.lhs, np.nan)
                if r.rhs in lv:
                    out[k] /= rv_lv.get(r.rhs, np.nan)
            elif r.op == "~1" and r.lhs in lv:
                out[k] /= eta_sd[r.lhs]
        if type == "std.lv":
            continue
        # ---- std.all / std.nox on top of std.lv ----
        rv_ov = {r.lhs: np.sqrt(abs(est[k])) for k, r in rows
                 if r.op == "~~" and r.lhs == r.rhs and r.lhs not in lv and r.lhs not in ov_x}
        for k, r in rows:
            if r.op == "=~" and r.rhs not in lv:
                out[k] /= ov_sd[r.rhs]
            elif r.op == "~":
                if r.lhs in ov_i:
                    out[k] /= ov_sd[r.lhs]
                if r.rhs in ov_i and r.rhs not in ov_x:
                    out[k] *= ov_sd[r.rhs]
            elif r.op == "~~" and r.lhs == r.rhs:
                if r.lhs not in lv and r.lhs not in ov_x:
                    out[k] /= ov2[r.lhs]
            elif r.op == "~~":
                if r.lhs not in lv and r.lhs not in ov_x:
                    out[k] /= rv_ov.get(r.lhs, np.nan)
                if r.rhs not in lv and r.rhs not in ov_x:
                    out[k] /= rv_ov.get(r.rhs, np.nan)
            elif r.op == "~1" and r.lhs not in lv and r.lhs not in ov_x:
                out[k] /= ov_sd[r.lhs]
    return out


def _defined_set(model) -> tuple[DefinedSet | None, dict[str, int]]:
    first: dict[str, int] = {}
    for k, row in enumerate(model.rows):
        if row.label and row.label not in first:
            first[row.label] = k
    if not model.defined:
        return None, first
    return DefinedSet(model.defined, set(first), lambda th: {}), first


def _all_values(result, theta: np.ndarray, type: str) -> np.ndarray:
    """Standardized rows and defined parameters at free parameters ``theta``."""
    cm, ev = result.model, result.evaluator
    parts = [ev.parts(theta, g) for g in range(cm.n_groups)]
    std = standardize(cm, parts, _row_estimates(cm, parts), type)
    ds, first = _defined_set(cm)
    if ds is None:
        return std
    return np.concatenate([std, ds.values_from_env({lab: std[k] for lab, k in first.items()})])


def standardized_solution(result, type: str = "std.all", level: float = 0.95) -> pd.DataFrame:
    """lavaan's ``standardizedSolution(fit, type = ...)`` of a fitted model.

    Parameters
    ----------
    result : SEMResult
        A fit from :func:`craftwave.analysis.sem.fit`.
    type : {"std.all", "std.lv", "std.nox"}
        lavaan's ``type``.
    level : float
        Confidence level of the intervals.

    Returns
    -------
    pandas.DataFrame
        ``lhs op rhs group label est_std se z pvalue ci_lower ci_upper``: one row per
        parameter, then one per defined parameter (``op`` ``:=``, ``rhs`` its expression,
        ``group`` 0), with delta-method standard errors.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from craftwave.analysis.sem import fit
    >>> rng = np.random.default_rng(3)
    >>> f = rng.normal(size=(200, 1))
    >>> df = pd.DataFrame(f @ [[1.0, 0.8, 0.7]] + rng.normal(scale=0.6, size=(200, 3)),
    ...                   columns=["y1", "y2", "y3"])
    >>> std = standardized_solution(fit("F =~ y1 + y2 + y3", df))
    >>> list(std.columns[:6])
    ['lhs', 'op', 'rhs', 'group', 'label', 'est_std']
    """
    if result.evaluator is None:
        raise ModelError("this result has no evaluator; refit it with craftwave.analysis.sem.fit")
    theta = np.asarray(result.theta, dtype=float)
    values = _all_values(result, theta, type)
    J = np.zeros((values.size, theta.size))
    for j in range(theta.size):
        h = 1e-6 * max(1.0, abs(theta[j]))
        e = np.zeros(theta.size)
        e[j] = h
        J[:, j] = (_all_values(result, theta + e, type) - _all_values(result, theta - e, type)) \
            / (2 * h)
    J[~np.isfinite(J)] = 0.0
    var = np.einsum("ij,jk,ik->i", J, result.vcov, J)
    with np.errstate(invalid="ignore"):
        se = np.where(var < 0, np.nan, np.sqrt(np.abs(var)))
    se[se < _SE_ZERO] = 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, values / se, np.nan)
    q = stats.norm.ppf(0.5 + level / 2)
    cm = result.model
    lhs = [r.lhs for r in cm.rows] + [d.name for d in cm.defined]
    op = [r.op for r in cm.rows] + [":="] * len(cm.defined)
    rhs = [r.rhs for r in cm.rows] + [d.expression for d in cm.defined]
    group = [r.group + 1 for r in cm.rows] + [0] * len(cm.defined)
    label = [r.label or "" for r in cm.rows] + [""] * len(cm.defined)
    return pd.DataFrame({"lhs": lhs, "op": op, "rhs": rhs, "group": group, "label": label,
                         "est_std": values, "se": se, "z": z,
                         "pvalue": 2 * stats.norm.sf(np.abs(z)),
                         "ci_lower": values - q * se, "ci_upper": values + q * se})[_COLUMNS]
