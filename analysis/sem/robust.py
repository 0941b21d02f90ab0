"""Satorra-Bentler robust statistics: Gamma, robust.sem standard errors, scaled (and shifted) tests.

Follows lavaan 0.6 for complete data (``estimator = "MLM"``, ``"MLMV"``):

* ``lav_samplestats_Gamma``: Gamma, the asymptotic covariance matrix of the sample moments
  (means first with a mean structure, then vech of the covariances), from the casewise
  products, divisor N. Under ``fixed.x`` the moments are residualised on the covariates
  (Y - YHAT), so the covariates' own moments carry no sampling variance.
* ``lav_model_nvcov_robust_sem``: V = E^-1 [sum_g f_g Delta_g' W_g Gamma_g W_g Delta_g] E^-1 / N,
  with W_g the expected information of the unrestricted model at the model-implied moments
  (lavaan's structured ``h1.information``), E = sum_g f_g Delta_g' W_g Delta_g, f_g = n_g / N.
* ``lav_test_satorra_bentler_trace_original``: U = V - V Delta E^-1 Delta' V over all groups
  (V block-diagonal with blocks f_g W_g, Gamma block-diagonal with blocks Gamma_g / f_g);
  the Satorra-Bentler scaling factor is tr(U Gamma) / df; the scaled-and-shifted test (MLMV)
  is a T + (df - a tr(U Gamma)) with a = sqrt(df / tr((U Gamma)^2)), its scaling factor 1 / a.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.estimation import Evaluator, GroupMoments
from craftwave.analysis.sem.fimlrobust import _delta
from craftwave.analysis.sem.information import _h1_keep, saturated_h1

__all__ = ["gamma_matrix", "RobustParts", "robust_parts", "robust_sem_vcov", "ugamma_traces",
           "scaled_test", "robust_c_hat"]


def gamma_matrix(g: GroupMoments, x_idx: list[int], meanstructure: bool) -> np.ndarray:
    """lavaan's sample-based Gamma (NACOV) of one group, divisor N (frequency weights allowed).

    Parameters
    ----------
    g : GroupMoments
        Complete data with the raw rows kept (``g.Y``).
    x_idx : list of int
        Columns of fixed.x covariates (empty when none or ``fixed.x = FALSE``).
    meanstructure : bool
        Whether the means are part of the moments.
    """
    if g.Y is None:
        raise ModelError("the Satorra-Bentler statistics need the raw data, not only moments")
    Y = np.asarray(g.Y, dtype=float)
    w = np.ones(Y.shape[0]) if g.w is None else np.asarray(g.w, dtype=float)
    n = float(w.sum())
    p = Y.shape[1]
    j, k = np.triu_indices(p)

    def wmean(A):
        return w @ A / n

    Yc = Y - wmean(Y)
    Z = Yc[:, j] * Yc[:, k]
    if meanstructure:
        Z = np.hstack([Y, Z])
    if x_idx:
        # lavaan (fixed.x, sample-based): subtract the same moments of the fitted values of a
        # regression of the other variables on the covariates
        others = [i for i in range(p) if i not in x_idx]
        X = np.hstack([np.ones((Y.shape[0], 1)), Y[:, x_idx]])
        sw = np.sqrt(w)[:, None]
        coef, *_ = np.linalg.lstsq(X * sw, Y[:, others] * sw, rcond=None)
        Yhat = Y.copy()
        Yhat[:, others] = X @ coef
        Yhc = Yhat - wmean(Yhat)
        Zh = Yhc[:, j] * Yhc[:, k]
        if meanstructure:
            Zh = np.hstack([Yhat, Zh])
        Z = Z - Zh
    Zc = Z - wmean(Z)
    return (Zc * w[:, None]).T @ Zc / n


@dataclass
class RobustParts:
    """Per-group Delta, W and Gamma (rows of fixed.x moments removed), E and its inverse."""

    deltas: list[np.ndarray]
    weights: list[np.ndarray]
    gammas: list[np.ndarray]
    fg: list[float]
    E: np.ndarray
    E_inv: np.ndarray


def _x_idx(ev: Evaluator) -> list[int]:
    model = ev.model
    if not (model.fixed_x and model.ov_x):
        return []
    return [model.ov_names.index(v) for v in model.ov_x]


def robust_parts(ev: Evaluator, theta: np.ndarray, gammas: list[np.ndarray] | None = None,
                 weights: list[np.ndarray] | None = None) -> RobustParts:
    """Delta, W (structured: at the model-implied moments) and Gamma of every group.

    ``gammas`` may be passed to reuse them across models fitted to the same data (nested
    comparisons); ``weights`` replaces the normal-theory W (ULS and GLS use their own).
    """
    ms = ev.model.meanstructure
    xi = _x_idx(ev)
    deltas, ws, gs, fg = [], [], [], []
    for gi, g in enumerate(ev.groups):
        if not isinstance(g, GroupMoments):
            raise ModelError("MLM and MLMV need complete data (missing = 'listwise'); for "
                             "incomplete data use estimator = 'MLR' with missing = 'fiml'")
        D = _delta(ev, theta, gi)
        if not ms:
            D = D[ev.model.p:]            # _delta always puts the p mean rows first
        if weights is None:
            pr = ev.parts(theta, gi)
            W = saturated_h1(GroupMoments(g.n, pr["Sigma"], pr["mu"]), ms)["A1"]
        else:
            W = weights[gi]
        G = gamma_matrix(g, xi, ms) if gammas is None else gammas[gi]
        keep = _h1_keep(ev, W.shape[0])
        deltas.append(D[keep])
        ws.append(W[np.ix_(keep, keep)])
        gs.append(G[np.ix_(keep, keep)] if G.shape[0] == keep.size else G)
        fg.append(g.n / ev.N)
    E = sum(f * D.T @ W @ D for f, D, W in zip(fg, deltas, ws, strict=True))
    try:
        E_inv = np.linalg.inv(E)
    except np.linalg.LinAlgError:
        E_inv = np.full_like(E, np.nan)
    return RobustParts(deltas, ws, gs, fg, E, E_inv)


def full_gammas(ev: Evaluator) -> list[np.ndarray]:
    """Gamma of every group (all moments, before the fixed.x rows are removed)."""
    xi = _x_idx(ev)
    return [gamma_matrix(g, xi, ev.model.meanstructure) for g in ev.groups]


def robust_sem_vcov(rp: RobustParts, N: float) -> np.ndarray:
    """lavaan's ``se = "robust.sem"`` covariance matrix of the free parameters."""
    meat = sum(f * (W @ D).T @ G @ (W @ D)
               for f, D, W, G in zip(rp.fg, rp.deltas, rp.weights, rp.gammas, strict=True))
    return rp.E_inv @ meat @ rp.E_inv / N


def ugamma_traces(rp: RobustParts, second: bool = False) -> tuple[float, float]:
    """tr(U Gamma) and, with ``second``, tr((U Gamma)^2) over all groups."""
    Vs = [f * W for f, W in zip(rp.fg, rp.weights, strict=True)]
    Gs = [G / f for f, G in zip(rp.fg, rp.gammas, strict=True)]
    sizes = [W.shape[0] for W in Vs]
    offs = np.cumsum([0] + sizes)
    n = int(offs[-1])
    VD = np.vstack([V @ D for V, D in zip(Vs, rp.deltas, strict=True)])
    U = -VD @ rp.E_inv @ VD.T
    Gall = np.zeros((n, n))
    for g in range(len(Vs)):
        sl = slice(offs[g], offs[g + 1])
        U[sl, sl] += Vs[g]
        Gall[sl, sl] = Gs[g]
    UG = U @ Gall
    tr1 = float(np.trace(UG))
    tr2 = float(np.sum(UG * UG.T)) if second else float("nan")
    return tr1, tr2


def scaled_test(chisq: float, df: int, tr1: float, tr2: float, kind: str) -> dict:
    """Satorra-Bentler (``kind="satorra.bentler"``) or scaled-and-shifted test statistics."""
    nan = float("nan")
    if df <= 0:   # lavaan keeps the standard statistic, without a scaling factor
        return {"stat": chisq, "scaling_factor": nan, "shift": nan, "trace": tr1}
    if not np.isfinite(tr1):
        return {"stat": nan, "scaling_factor": nan, "shift": nan, "trace": tr1}
    if kind == "satorra.bentler":
        c = tr1 / df
        if c < 0:
            c = nan
        return {"stat": chisq / c, "scaling_factor": c, "shift": nan, "trace": tr1}
    a = float(np.sqrt(df / tr2))
    shift = df - a * tr1
    c = 1.0 / a if a > 0 else nan
    return {"stat": chisq * a + shift, "scaling_factor": c, "shift": shift, "trace": tr1}


def robust_c_hat(test: dict, df: int) -> float:
    """The c that lavaan's robust CFI/TLI/RMSEA use (``lav_fit_cfi_lavobject``)."""
    if np.isfinite(test.get("shift", float("nan"))):
        return test["scaling_factor"] * (df - test["shift"]) / df
    return test["scaling_factor"]
