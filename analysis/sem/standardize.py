"""The completely standardized solution (lavaan's ``std.all``).

Loadings and regressions are scaled by the model-implied standard deviations of both variables,
variances by the implied variance, intercepts and means by the implied standard deviation, and
covariances between two residuals by the square roots of their residual variances (lavaan's
default ``cov.std = TRUE``: residual correlations).
"""

from __future__ import annotations

import numpy as np

from craftwave.analysis.sem.specification import BETA, LAMBDA, PSI, THETA, CompiledModel

__all__ = ["std_all"]


def std_all(model: CompiledModel, parts: list[dict], row_est: np.ndarray) -> np.ndarray:
    """std.all of every parameter-table row (NaN where undefined)."""
    out = np.full(len(model.rows), np.nan)
    ov_i = {v: i for i, v in enumerate(model.ov_names)}
    eta_i = {v: i for i, v in enumerate(model.eta_names)}
    cache = []
    for pr in parts:
        A = pr["A"]
        var_eta = np.diag(A @ pr["Psi"] @ A.T) if A.size else np.zeros(0)
        var_ov = np.diag(pr["Sigma"])
        cache.append((var_eta, var_ov, pr))

    def total_var(g, name):
        var_eta, var_ov, _ = cache[g]
        if name in eta_i:
            return var_eta[eta_i[name]]
        return var_ov[ov_i[name]]

    with np.errstate(invalid="ignore", divide="ignore"):
        for k, row in enumerate(model.rows):
            g, est = row.group, row_est[k]
            _, _, pr = cache[g]
            if row.op in ("=~",):
                out[k] = est * np.sqrt(total_var(g, row.lhs)) / np.sqrt(total_var(g, row.rhs))
            elif row.op == "~":
                out[k] = est * np.sqrt(total_var(g, row.rhs)) / np.sqrt(total_var(g, row.lhs))
            elif row.op == "~1":
                out[k] = est / np.sqrt(total_var(g, row.lhs))
            elif row.op == "~~":
                if row.lhs == row.rhs:
                    out[k] = est / total_var(g, row.lhs)
                elif row.mat == THETA:
                    th = pr["Theta"]
                    out[k] = est / np.sqrt(th[row.r, row.r] * th[row.c, row.c])
                elif row.mat == PSI:
                    ps = pr["Psi"]
                    out[k] = est / np.sqrt(ps[row.r, row.r] * ps[row.c, row.c])
            elif row.mat in (LAMBDA, BETA):
                pass
    return out
