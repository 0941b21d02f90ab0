"""Nested models of ordered indicators compared as lavaan's ``lavTestLRT`` does for WLSMV.

The difference of two standard DWLS statistics is not chi-square distributed; lavaan's default
for WLSMV is Satorra's (2000) scaled-and-shifted difference test. With Delta_1, Delta_0 the two
models' Jacobians at their estimates, the restrictions are the rows A spanning the orthogonal
complement of ``ginv(Delta_1) Delta_0``; with P the unit information of the free model
(``sum_g f_g Delta_g' W_g Delta_g``), ``M = P^-1 A' (A P^-1 A')^- A P^-1`` and
``K = sum_g f_g Delta_g' W_g Gamma_g W_g Delta_g``:

    tr1 = tr(M K),  tr2 = tr((M K)^2),  a = sqrt(m / tr2),  T = a (T_0 - T_1) + m - a tr1,

referred to chi-square with m = df_0 - df_1 degrees of freedom.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import linalg
from scipy import stats as sps

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical.dwls import OrdinalFit
from craftwave.analysis.sem.lrt import TABLE_COLUMNS, ComparisonResult

__all__ = ["OrdinalComparison", "compare_ordinal", "compare_ordinal_models"]


def compare_ordinal(restricted: OrdinalFit, free: OrdinalFit) -> dict:
    """Satorra's (2000) scaled-and-shifted difference test of ``restricted`` against ``free``.

    Returns
    -------
    dict
        ``chisq_diff``, ``df_diff``, ``pvalue``, ``method``, and the standard statistics.
    """
    t0, t1 = restricted.fit["chisq"], free.fit["chisq"]
    r0, r1 = restricted.fit["df"], free.fit["df"]
    m = r0 - r1
    if m <= 0:
        raise ModelError(f"the restricted model must have more degrees of freedom than the free "
                         f"one (got {r0} and {r1})")
    if restricted.estimator not in ("wlsmv", "ulsmv") or free.estimator != restricted.estimator:
        raise ModelError("the scaled difference test needs both models fitted by WLSMV (or "
                         "both by ULSMV)")
    stats = free.group_stats or [free.stats]
    other = restricted.group_stats or [restricted.stats]
    if len(stats) != len(other) or any(a.n != b.n for a, b in zip(stats, other, strict=True)):
        raise ModelError("the two models were fitted to different data")
    n = np.array([s.n for s in stats], dtype=float)
    fg = n / n.sum()
    D1, D0 = np.vstack(free.jacobians), np.vstack(restricted.jacobians)
    A = linalg.null_space((np.linalg.pinv(D1) @ D0).T).T
    P = sum(f * (D.T * w) @ D for f, D, w in zip(fg, free.jacobians, free.weights, strict=True))
    P_inv = np.linalg.inv(P)
    APA = A @ P_inv @ A.T
    M = P_inv @ A.T @ np.linalg.pinv(APA) @ A @ P_inv
    K = sum(f * (D.T * w) @ s.nacov @ (D * w[:, None])
            for f, D, w, s in zip(fg, free.jacobians, free.weights, stats, strict=True))
    MK = M @ K
    tr1 = float(np.trace(MK))
    tr2 = float(np.sum(MK * MK.T))
    a = np.sqrt(m / tr2)
    stat = float((t0 - t1) * a + m - a * tr1)
    return {"chisq_diff": stat, "df_diff": int(m), "pvalue": float(sps.chi2.sf(stat, m)),
            "method": "satorra.2000 (scaled and shifted), as lavaan's lavTestLRT for WLSMV",
            "scaling_factor": float(1.0 / a), "shift": float(m - a * tr1),
            "chisq_restricted": t0, "chisq_free": t1}


class OrdinalComparison(ComparisonResult):
    """lavaan's ``lavTestLRT`` table for models of ordered indicators (WLSMV or ULSMV).

    As :class:`craftwave.analysis.sem.lrt.ComparisonResult`; ``chisq`` is each model's standard
    (unscaled) statistic, as lavaan prints it, and the difference test is Satorra's (2000)
    scaled-and-shifted one; AIC and BIC are empty (no likelihood).
    """

    def to_dict(self) -> dict[str, Any]:
        rows = []
        for rec in self.table.to_dict(orient="records"):
            row = {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
                   for k, v in rec.items()}
            for k in ("df", "df_diff"):
                if row[k] is not None:
                    row[k] = int(row[k])
            rows.append(row)
        first = self.results[0]
        return {"method": self.method, "estimator": self.estimator, "nobs": self.nobs,
                "missing": first.stats.missing, "ordered": list(first.stats.names),
                "table": rows, "warnings": list(self.warnings)}


def compare_ordinal_models(fits: Sequence[OrdinalFit], names: Sequence[str] | None = None
                           ) -> OrdinalComparison:
    """Nested models of ordered indicators, sorted by df, each tested against the row above.

    Parameters
    ----------
    fits : sequence of OrdinalFit
        Two or more fits of nested models to the same data, all by WLSMV (or all by ULSMV).
    names : sequence of str, optional
        The models' names in the table (default ``model1``, ``model2``, ...).

    Returns
    -------
    OrdinalComparison
        ``.table`` as lavaan's ``lavTestLRT`` (``method = "satorra.2000"``, its default for
        WLSMV): ``chisq`` the standard statistics, ``chisq_diff`` the scaled-and-shifted
        difference, ``scaling_factor`` (1/a) and ``shift`` (b).
    """
    fits = list(fits)
    if len(fits) < 2:
        raise ModelError("compare needs at least two models")
    labels = list(names) if names is not None else [f"model{i + 1}" for i in range(len(fits))]
    if len(labels) != len(fits):
        raise ModelError(f"{len(fits)} models but {len(labels)} names")
    if len({f.estimator for f in fits}) > 1:
        raise ModelError("the models were fitted with different estimators: "
                         + ", ".join(sorted({f.estimator.upper() for f in fits})))
    order = sorted(range(len(fits)), key=lambda i: fits[i].fit["df"])
    fits = [fits[i] for i in order]
    labels = [labels[i] for i in order]
    notes: list[str] = []
    rows = []
    for k, res in enumerate(fits):
        row = {"model": labels[k], "df": res.fit["df"], "aic": math.nan, "bic": math.nan,
               "chisq": res.fit["chisq"], "chisq_diff": math.nan, "df_diff": math.nan,
               "pvalue": math.nan, "scaling_factor": math.nan, "shift": math.nan,
               "rmsea": math.nan}
        if k > 0:
            less = fits[k - 1]
            m = res.fit["df"] - less.fit["df"]
            if m == 0:
                notes.append(f"{labels[k - 1]} and {labels[k]} have the same degrees of freedom")
            else:
                out = compare_ordinal(res, less)
                row.update(chisq_diff=out["chisq_diff"], df_diff=m, pvalue=out["pvalue"],
                           scaling_factor=out["scaling_factor"], shift=out["shift"])
            if res.fit["chisq"] - less.fit["chisq"] < -(np.finfo(float).eps ** (1 / 3)):
                notes.append(f"{labels[k]} fits better than the less restricted {labels[k - 1]}: "
                             "the models are not nested, or one fit missed its optimum")
        rows.append(row)
    return OrdinalComparison(table=pd.DataFrame(rows)[TABLE_COLUMNS], method="satorra.2000",
                             estimator=fits[0].estimator.upper(), results=fits,
                             warnings=notes)
