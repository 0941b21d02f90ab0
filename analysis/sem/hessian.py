"""The analytic Hessian of the complete-data ML fit function (the observed information).

For one group, with P = Sigma^-1, d = ybar - mu, T = S + d d' and W = P - P T P, the gradient is
g_k = 0.5 tr(W Sigma_k) - d' P mu_k. Differentiating once more,

    H_kl = -0.5 tr(P S_l P S_k) + 0.5 [tr(P S_k Y S_l) + tr(P S_l Y S_k)]      (Y = P T P)
           + d' P S_k P mu_l + d' P S_l P mu_k + mu_l' P mu_k                    (first-order part)
           + d/dtheta_l [0.5 tr(W Sigma_k(theta)) - d' P mu_k(theta)]  with W, d frozen,

where S_k = dSigma/dtheta_k = u_k v_k' + v_k u_k'. The first part is a few products of the
u, v, dmu arrays; the second differentiates the matrix form of the gradient (Lambda, B, Psi and
alpha parts) along every free direction, each of which changes G = Lambda A, A = (I - B)^-1,
Psi or alpha by rank-one terms, so it is vectorised over directions as well.
"""

from __future__ import annotations

import numpy as np

from craftwave.analysis.sem.specification import ALPHA, BETA, LAMBDA, PSI

__all__ = ["complete_data_hessian"]


def _q(X, Y, U, V):
    """Q[k, l] = tr(X S_k Y S_l) for S_k = u_k v_k' + v_k u_k' (X, Y symmetric)."""
    XU, XV, YU, YV = U @ X, V @ X, U @ Y, V @ Y
    XUU, XUV, XVV = XU @ U.T, XU @ V.T, XV @ V.T
    YUU, YUV, YVV = YU @ U.T, YU @ V.T, YV @ V.T
    return YUV.T * XUV + YVV * XUU + YUU * XVV + YUV * XUV.T


def _directions(fr, pr, p, m):
    """Rank-one changes of G, A, Psi and alpha along every free row (direction l)."""
    mat, r, c = fr["mat"], fr["r"], fr["c"]
    K = mat.size
    A, G = pr["A"], pr["G"]
    aG = np.zeros((K, p))
    bG = np.zeros((K, m))
    aA = np.zeros((K, m))
    bA = np.zeros((K, m))
    x1 = np.zeros((K, m))
    y1 = np.zeros((K, m))
    x2 = np.zeros((K, m))
    y2 = np.zeros((K, m))
    dal = np.zeros((K, m))
    ar = np.arange(K)
    s = mat == LAMBDA
    aG[ar[s], r[s]] = 1.0
    bG[s] = A[c[s]]
    s = mat == BETA
    aG[s] = G[:, r[s]].T
    bG[s] = A[c[s]]
    aA[s] = A[:, r[s]].T
    bA[s] = A[c[s]]
    s = mat == PSI
    x1[ar[s], r[s]] = 1.0
    y1[ar[s], c[s]] = 1.0
    off = s & (r != c)
    x2[ar[off], c[off]] = 1.0
    y2[ar[off], r[off]] = 1.0
    s = mat == ALPHA
    dal[ar[s], r[s]] = 1.0
    return aG, bG, aA, bA, (x1, y1), (x2, y2), dal


def _second_part(fr, pr, Wc, gmu, meanstructure):
    """S2[k, l]: derivative of the gradient's matrix form along direction l, at target row k."""
    p, m = pr["L"].shape
    A, G, Ps, al = pr["A"], pr["G"], pr["Psi"], pr["alpha"]
    aG, bG, aA, bA, psi1, psi2, dal = _directions(fr, pr, p, m)
    K = fr["mat"].size
    S2 = np.zeros((K, K))
    by = fr["by_code"]
    APs = A @ Ps                       # m x m
    WG = Wc @ G                        # p x m
    GWG = G.T @ WG                     # m x m
    Aal = A @ al
    # change of A alpha along each direction: dA alpha + A dalpha
    dAal = aA * (bA @ al)[:, None] + dal @ A.T
    WaG = aG @ Wc                      # K x p   (Wc aG_l)'
    APbG = bG @ APs.T                  # K x m   (A Psi bG_l)'
    GWaG = WaG @ G                     # K x m   (G' Wc aG_l)'

    def psi_terms(left):               # sum_i (left x_i)(A y_i)' for the Psi directions
        out = []
        for x, y in (psi1, psi2):
            out.append((x @ left.T, y @ A.T))
        return out

    if by[LAMBDA] is not None:
        sel, rk, ck = by[LAMBDA]
        blk = 2.0 * WaG[:, rk].T * APbG[:, ck].T
        for lx, ay in psi_terms(WG):
            blk += 2.0 * lx[:, rk].T * ay[:, ck].T
        WGPsbA = bA @ (WG @ Ps).T      # K x p  (Wc G Psi bA_l)'
        blk += 2.0 * WGPsbA[:, rk].T * aA[:, ck].T
        if meanstructure:
            blk += gmu[rk][:, None] * dAal[:, ck].T
        S2[sel] = blk
    if by[BETA] is not None:
        sel, rk, ck = by[BETA]
        APGWaG = GWaG @ APs.T          # K x m  (A Psi G' Wc aG_l)'
        blk = 2.0 * bG[:, rk].T * APGWaG[:, ck].T
        blk += 2.0 * GWaG[:, rk].T * APbG[:, ck].T
        for lx, ay in psi_terms(GWG):
            blk += 2.0 * lx[:, rk].T * ay[:, ck].T
        GWGPsbA = bA @ (GWG @ Ps).T
        blk += 2.0 * GWGPsbA[:, rk].T * aA[:, ck].T
        if meanstructure:
            agm = aG @ gmu             # K
            blk += bG[:, rk].T * (agm[:, None] * Aal[ck][None, :]).T
            blk += (G.T @ gmu)[rk][:, None] * dAal[:, ck].T
        S2[sel] = blk
    if by[PSI] is not None:
        sel, rk, ck = by[PSI]
        S2[sel] = bG[:, rk].T * GWaG[:, ck].T + GWaG[:, rk].T * bG[:, ck].T
    if meanstructure and by[ALPHA] is not None:
        sel, rk, _ = by[ALPHA]
        S2[sel] = bG[:, rk].T * (aG @ gmu)[None, :]
    return S2 * fr["twice"][:, None]


def complete_data_hessian(ev, theta: np.ndarray) -> np.ndarray:
    """Analytic Hessian of F (per observation) for complete-data moments."""
    model = ev.model
    nf = model.n_free
    H = np.zeros((nf, nf))
    ms = model.meanstructure
    for gi, g in enumerate(ev.groups):
        pr = ev.parts(theta, gi)
        P = np.linalg.inv(pr["Sigma"])
        d = (g.ybar - pr["mu"]) if ms else np.zeros(model.p)
        T = g.S + np.outer(d, d)
        Y = P @ T @ P
        Wc = 0.5 * (P - Y)
        gmu = -P @ d
        U, V, Dmu, pidx = ev._row_derivatives(pr, gi)
        Q = _q(P, Y, U, V)
        Q0 = _q(P, P, U, V)
        H1 = -0.5 * Q0 + 0.5 * (Q + Q.T) + Dmu @ P @ Dmu.T
        if ms:
            z = P @ d
            Mx = (U @ z)[:, None] * (V @ P @ Dmu.T) + (V @ z)[:, None] * (U @ P @ Dmu.T)
            H1 += Mx + Mx.T
        fr = model.free_row_map(gi)
        S2 = _second_part(fr, pr, Wc, gmu, ms)
        rows = H1 + S2
        R = np.zeros((pidx.size, nf))
        R[np.arange(pidx.size), pidx] = 1.0
        H += (g.n / ev.N) * (R.T @ rows @ R)
    return 0.5 * (H + H.T)
