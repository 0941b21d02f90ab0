"""Defined parameters (``name := expression``) in models of ordered indicators, as lavaan.

lavaan evaluates a defined parameter at the estimates and gives it a delta-method SE from the
covariance matrix of the free parameters, which for WLSMV is the robust (sandwich) one:
``se = sqrt(J V J')`` with ``J`` the Jacobian of the expressions in the free parameters. Its
``std.all`` is the expression evaluated at the labelled rows' ``std.all`` values.

The labels a defined parameter can use are those of the model's rows (loadings, regressions,
(co)variances, intercepts); threshold and scale-factor labels are not (yet) available to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import stats as sps

from craftwave.analysis.sem.defined import DefinedSet
from craftwave.analysis.sem.specification import CompiledModel

if TYPE_CHECKING:  # pragma: no cover
    from craftwave.analysis.sem.categorical.dwls import OrdinalFit

__all__ = ["DEFINED_COLUMNS", "check_defined", "defined_table"]

DEFINED_COLUMNS = ["name", "expression", "est", "se", "z", "pvalue", "ci_lower", "ci_upper",
                   "std_all"]


def _first_rows(cm: CompiledModel) -> dict[str, int]:
    first: dict[str, int] = {}
    for k, row in enumerate(cm.rows):
        if row.label and row.mat >= 0 and row.label not in first:
            first[row.label] = k
    return first


def _defined_set(cm: CompiledModel) -> tuple[DefinedSet, dict[str, int]]:
    first = _first_rows(cm)

    def label_values(x: np.ndarray) -> dict:
        out = {}
        for lab, k in first.items():
            row = cm.rows[k]
            out[lab] = float(x[row.free]) if row.free >= 0 else float(row.value)
        return out

    return DefinedSet(cm.defined, set(first), label_values), first


def check_defined(cm: CompiledModel) -> None:
    """Raise :class:`ModelError` before fitting when a defined parameter uses an unknown label."""
    if cm.defined:
        _defined_set(cm)


def defined_table(fit: OrdinalFit, level: float = 0.95) -> pd.DataFrame:
    """The defined parameters of an ordinal fit: estimate, delta-method SE, z, p, CI, std.all.

    Parameters
    ----------
    fit : OrdinalFit
        A fit by :func:`craftwave.analysis.sem.categorical.fit_ordinal`.
    level : float
        Confidence level of the (Wald) intervals.

    Returns
    -------
    pandas.DataFrame
        One row per ``:=`` line, in the syntax's order, with the columns of the continuous
        engine's ``SEMResult.defined``; empty (with those columns) when there are none.
    """
    cm = fit.model
    if not cm.defined:
        return pd.DataFrame(columns=DEFINED_COLUMNS)
    ds, first = _defined_set(cm)
    x = np.asarray(fit.theta, dtype=float)
    est = ds.values(x)
    # only the model part of x moves a label; J is zero on thresholds and scale factors
    nmod = cm.n_free
    J = np.zeros((len(est), x.size))
    J[:, :nmod] = _model_jacobian(ds, x, nmod)
    se = np.sqrt(np.clip(np.einsum("ij,jk,ik->i", J, fit.vcov, J), 0, None))
    table = fit.params.set_index(["group", "lhs", "op", "rhs"])["std_all"]
    std_env = {}
    for lab, k in first.items():
        row = cm.rows[k]
        key = (row.group + 1, row.lhs, row.op, row.rhs)
        std_env[lab] = float(table.get(key, np.nan))
    std = ds.values_from_env(std_env)
    zq = sps.norm.ppf(0.5 + level / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, est / se, np.nan)
    return pd.DataFrame({"name": ds.names, "expression": ds.expressions, "est": est, "se": se,
                         "z": z, "pvalue": 2 * sps.norm.sf(np.abs(z)),
                         "ci_lower": est - zq * se, "ci_upper": est + zq * se,
                         "std_all": std})[DEFINED_COLUMNS]


def _model_jacobian(ds: DefinedSet, x: np.ndarray, nmod: int) -> np.ndarray:
    """d(defined) / d(model parameters) by central differences (relative step 1e-6)."""
    out = np.zeros((len(ds.names), nmod))
    for j in range(nmod):
        h = 1e-6 * max(1.0, abs(x[j]))
        up, down = x.copy(), x.copy()
        up[j] += h
        down[j] -= h
        out[:, j] = (ds.values(up) - ds.values(down)) / (2 * h)
    return out
