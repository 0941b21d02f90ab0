"""Starting values for the SEM optimiser."""

from __future__ import annotations

import numpy as np

from craftwave.analysis.sem.samplestats import exo_moments
from craftwave.analysis.sem.specification import CompiledModel

__all__ = ["start_values"]


def start_values(model: CompiledModel, groups: list) -> np.ndarray:
    """Starting values in the spirit of lavaan's defaults, from the (pairwise) sample moments.

    Residual variances start at half the observed variance, factor variances at half the
    marker's variance, loadings at cov(indicator, marker) / factor variance, means at the
    sample means, everything else at 0 (user ``start()`` values win).
    """
    theta = np.zeros(model.n_free)
    seen = np.zeros(model.n_free, dtype=bool)
    ov_i = {v: i for i, v in enumerate(model.ov_names)}
    moments = [exo_moments(g) for g in groups]
    marker: dict[tuple[int, str], str] = {}
    for row in model.rows:
        if row.op == "=~" and (row.group, row.lhs) not in marker and row.rhs in ov_i:
            marker[(row.group, row.lhs)] = row.rhs

    def factor_var(gi, f):
        mk = marker.get((gi, f))
        if mk is None:
            return 1.0
        S = moments[gi][0]
        return max(0.5 * S[ov_i[mk], ov_i[mk]], 1e-3)

    for row in model.rows:
        if row.free < 0 or seen[row.free]:
            continue
        S, ybar = moments[row.group]
        val = 0.0
        if row.start is not None:
            val = row.start
        elif row.op == "~~" and row.lhs == row.rhs:
            if row.lhs in ov_i:
                s = S[ov_i[row.lhs], ov_i[row.lhs]]
                val = s if row.lhs in model.ov_x else 0.5 * s
            else:
                val = factor_var(row.group, row.lhs)
            val = max(val, 1e-3)
        elif row.op == "=~":
            mk = marker.get((row.group, row.lhs))
            if mk is not None and row.rhs in ov_i and mk != row.rhs:
                val = S[ov_i[row.rhs], ov_i[mk]] / factor_var(row.group, row.lhs)
                val = float(np.clip(val, -5, 5))
            else:
                val = 1.0
        elif row.op == "~~" and row.lhs in model.ov_x and row.rhs in model.ov_x:
            val = S[ov_i[row.lhs], ov_i[row.rhs]]
        elif row.op == "~1" and row.lhs in ov_i:
            val = ybar[ov_i[row.lhs]]
        theta[row.free] = val
        seen[row.free] = True
    return theta
