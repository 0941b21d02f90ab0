"""R-squared of every endogenous variable, as lavaan's ``lavInspect(fit, "r2")``.

lavaan (``lav_object_inspect_rsquare``) takes, per group, every indicator (right of ``=~``)
and every dependent variable (left of ``~``), observed or latent, in the order of their
(residual) variance rows, and gives R-squared = 1 - the std.all value of that variance; a
value above 1 (a negative residual variance) is NA.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from craftwave.analysis.sem.stdsolution import _row_estimates, standardize

__all__ = ["rsquare"]


def rsquare(result) -> pd.DataFrame:
    """R-squared of the endogenous variables of a fitted model.

    Parameters
    ----------
    result : SEMResult

    Returns
    -------
    pandas.DataFrame
        ``group`` (1-based), ``group_label``, ``name``, ``r2``: one row per indicator and
        dependent variable per group, in lavaan's order.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from craftwave.analysis.sem import fit
    >>> rng = np.random.default_rng(2)
    >>> x = rng.normal(size=200)
    >>> df = pd.DataFrame({"x": x, "y": 0.5 * x + rng.normal(size=200)})
    >>> float(rsquare(fit("y ~ x", df))["r2"].iloc[0]) > 0
    True
    """
    cm = result.model
    parts = [result.evaluator.parts(result.theta, g) for g in range(cm.n_groups)]
    std = standardize(cm, parts, _row_estimates(cm, parts), "std.all")
    rows = []
    for g in range(cm.n_groups):
        dependent = {r.rhs for r in cm.rows if r.group == g and r.op == "=~"}
        dependent |= {r.lhs for r in cm.rows if r.group == g and r.op == "~"}
        for k, r in enumerate(cm.rows):
            if r.group == g and r.op == "~~" and r.lhs == r.rhs and r.lhs in dependent:
                value = 1.0 - std[k]
                rows.append({"group": g + 1, "group_label": result.group_labels[g],
                             "name": r.lhs, "r2": value if value <= 1.0 else np.nan})
    return pd.DataFrame(rows, columns=["group", "group_label", "name", "r2"])
