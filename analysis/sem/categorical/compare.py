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

import numpy as np
from scipy import linalg
from scipy import stats as sps

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical.dwls import OrdinalFit

__all__ = ["compare_ordinal"]


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
            "chisq_restricted": t0, "chisq_free": t1}
