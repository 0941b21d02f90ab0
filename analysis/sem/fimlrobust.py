"""Robust CFI, TLI and RMSEA after FIML (Zhang & Savalei, 2023), as lavaan's MLR with missing data.

lavaan's ``lav_fit_fiml_corrected`` (version V3 for a scaled test): the model and the
independence model are evaluated, at their FIML estimates, against the EM (saturated) moments
as if those were complete-data moments (XX3), and a scaling factor c = k / df is built from the
saturated model's observed information under missingness (Wm), its first-order matrix (Jm) and
its complete-data information at the EM moments (Wc):

    U = Wm - Wm Delta E^-1 Delta' Wm,   Gamma = Wm^-1 Jm Wm^-1,
    k = tr(U Wm^-1 Wc Wm^-1 U Gamma),   E = sum_g f_g Delta_g' Wm_g Delta_g,

with f_g = n_g / N and block-diagonal matrices over groups.
"""

from __future__ import annotations

import numpy as np

from craftwave.analysis.sem.estimation import Evaluator, GroupMoments
from craftwave.analysis.sem.information import saturated_h1

__all__ = ["fiml_corrected"]


def _delta(ev: Evaluator, theta: np.ndarray, gi: int) -> np.ndarray:
    """d(mu, vech Sigma) / d(theta) of one group, in the saturated parameter order."""
    U, V, Dmu, pidx = ev.jacobian(theta, gi)
    p = ev.model.p
    j, k = np.triu_indices(p)
    dcov = U[:, j] * V[:, k] + V[:, j] * U[:, k]            # K x p*
    rows = np.hstack([Dmu, dcov])                              # K x (p + p*)
    R = np.zeros((pidx.size, ev.model.n_free))
    R[np.arange(pidx.size), pidx] = 1.0
    return rows.T @ R


def _complete_chisq(ev: Evaluator, theta: np.ndarray, tilde: list[tuple]) -> float:
    total = 0.0
    for gi, (S, mu_s, n) in enumerate(tilde):
        Sigma, mu = ev.parts(theta, gi)["Sigma"], ev.parts(theta, gi)["mu"]
        P = np.linalg.inv(Sigma)
        d = mu_s - mu
        _, ld = np.linalg.slogdet(Sigma)
        _, ld_s = np.linalg.slogdet(S)
        total += n * (ld + np.sum(S * P) - ld_s - S.shape[0] + d @ P @ d)
    return float(total)


def _k(ev, theta, fg, Wm, Wmi, Wc, Gamma) -> float:
    deltas = [_delta(ev, theta, g) for g in range(len(fg))]
    E = sum(f * D.T @ W @ D for f, D, W in zip(fg, deltas, Wm, strict=True))
    Einv = np.linalg.inv(E)
    blocks = []
    for f, D, W in zip(fg, deltas, Wm, strict=True):
        blocks.append((f * W, f * W @ D))
    # U is block-structured: U_gh = f_g W_g [g==h] - (f_g W_g D_g) E^-1 (f_h W_h D_h)'
    sizes = [W.shape[0] for W in Wm]
    n = sum(sizes)
    U = np.zeros((n, n))
    offs = np.cumsum([0] + sizes)
    WD = np.vstack([b[1] for b in blocks])
    U -= WD @ Einv @ WD.T
    for g, (fW, _) in enumerate(blocks):
        sl = slice(offs[g], offs[g + 1])
        U[sl, sl] += fW
    M = np.zeros((n, n))
    G = np.zeros((n, n))
    for g, f in enumerate(fg):
        sl = slice(offs[g], offs[g + 1])
        Wmi_g = Wmi[g] / f
        M[sl, sl] = Wmi_g @ (f * Wc[g]) @ Wmi_g
        G[sl, sl] = Gamma[g] / f
    return float(np.trace(U @ M @ U @ G))


def fiml_corrected(ev: Evaluator, theta: np.ndarray, h1: list[dict], df: int,
                   base_ev: Evaluator, base_theta: np.ndarray, base_df: int) -> dict:
    """XX3, c.hat3 and their baseline counterparts (lavaan's FIML-corrected V3 ingredients)."""
    fg = [g.n / ev.N for g in ev.groups]
    tilde = [(h["Sigma"], h["mu"], g.n) for h, g in zip(h1, ev.groups, strict=True)]
    Wm = [h["A1"] for h in h1]
    Wmi = [np.linalg.inv(W) for W in Wm]
    Jm = [h["B1"] for h in h1]
    Gamma = [Wi @ J @ Wi for Wi, J in zip(Wmi, Jm, strict=True)]
    Wc = [saturated_h1(GroupMoments(n, S, mu), True)["A1"] for S, mu, n in tilde]
    xx3 = _complete_chisq(ev, theta, tilde)
    xx3_null = _complete_chisq(base_ev, base_theta, tilde)
    k = _k(ev, theta, fg, Wm, Wmi, Wc, Gamma)
    kb = _k(base_ev, base_theta, fg, Wm, Wmi, Wc, Gamma)
    return {"xx3": xx3, "c": k / df if df > 0 else float("nan"), "xx3_null": xx3_null,
            "c_null": kb / base_df if base_df > 0 else float("nan")}
