"""The analytic Hessian of the ML fit function (the observed information): complete data and FIML.

For one group, with P = Sigma^-1, d = ybar - mu, T = S + d d' and W = P - P T P, the gradient is
g_k = 0.5 tr(W Sigma_k) - d' P mu_k. Differentiating once more,

    H_kl = -0.5 tr(P S_l P S_k) + 0.5 [tr(P S_k Y S_l) + tr(P S_l Y S_k)]      (Y = P T P)
           + d' P S_k P mu_l + d' P S_l P mu_k + mu_l' P mu_k                    (first-order part)
           + d/dtheta_l [0.5 tr(W Sigma_k(theta)) - d' P mu_k(theta)]  with W, d frozen,

where S_k = dSigma/dtheta_k = u_k v_k' + v_k u_k'. The first part is a few products of the
u, v, dmu arrays; the second differentiates the matrix form of the gradient (Lambda, B, Psi and
alpha parts) along every free direction, each of which changes G = Lambda A, A = (I - B)^-1,
Psi or alpha by rank-one terms, so it is vectorised over directions as well.

FIML (:func:`fiml_hessian`): F = -loglik / N is a sum over missing-data patterns of the same
form restricted to each pattern's observed variables o (P = Sigma_oo^-1, d = ybar_p - mu_o,
S_p the pattern's covariance, weight n_p). The first-order part is summed pattern by pattern with
u, v, dmu cut to o, batched over the patterns with the same number of observed variables; the
second-order part is linear in the derivatives of F in (Sigma, mu), so it is the complete-data
one at the FIML gradient (the per-pattern W and P d scattered back into p x p and p).
"""

from __future__ import annotations

import numpy as np

from craftwave.analysis.sem.specification import ALPHA, BETA, LAMBDA, PSI

__all__ = ["complete_data_hessian", "fiml_hessian"]


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


def _batched_inverse(So: np.ndarray) -> np.ndarray:
    """Inverses of a stack of symmetric positive definite matrices (Cholesky, then solve)."""
    Lc = np.linalg.cholesky(So)
    Li = np.linalg.inv(Lc)
    return np.transpose(Li, (0, 2, 1)) @ Li


def _fiml_first_part(U, V, Dmu, g, Sigma, mu, chunk_elems: int = 200_000) -> np.ndarray:
    """Sum over patterns of n_p times the first-order part of the pattern's Hessian (rows).

    Per pattern with observed set o, P = Sigma_oo^-1, d = ybar_p - mu_o, T = S_p + d d' and
    Y = P T P, the complete-data first-order part holds with U, V, Dmu restricted to o. The
    patterns of one size are stacked and handled in chunks (batched matmul); only the rows that
    move Sigma enter the Sigma-Sigma products, only those that move mu the mean products.
    """
    K = U.shape[0]
    cs = np.flatnonzero(np.any(U != 0, axis=1) | np.any(V != 0, axis=1))   # rows moving Sigma
    cm = np.flatnonzero(np.any(Dmu != 0, axis=1))                           # rows moving mu
    U, V, Dmu = U[cs], V[cs], Dmu[cm]
    ks, km = cs.size, cm.size
    Qs = np.zeros((ks, ks))    # sum n_p tr(P S_k Y S_l)
    Q0 = np.zeros((ks, ks))    # sum n_p tr(P S_k P S_l)
    Dm = np.zeros((km, km))    # sum n_p dmu_k' P dmu_l
    Mx = np.zeros((ks, km))    # sum n_p [(u_k'z)(v_k' P dmu_l) + (v_k'z)(u_k' P dmu_l)], z = P d
    step = max(1, chunk_elems // max(ks * ks, 1))
    for blk in g.blocks:
        npat = blk.obs.shape[0]
        for a in range(0, npat, step):
            obs = blk.obs[a:a + step]                      # c x k
            n = blk.n[a:a + step]
            So = Sigma[obs[:, :, None], obs[:, None, :]]   # c x k x k
            P = _batched_inverse(So)
            d = blk.ybar[a:a + step] - mu[obs]             # c x k
            T = blk.S[a:a + step] + d[:, :, None] * d[:, None, :]
            Y = P @ T @ P
            z = np.einsum("cij,cj->ci", P, d)              # c x k
            if ks:
                Uo = np.transpose(U[:, obs], (1, 0, 2))    # c x ks x k
                Vo = np.transpose(V[:, obs], (1, 0, 2))
                Uot = np.transpose(Uo, (0, 2, 1))
                Vot = np.transpose(Vo, (0, 2, 1))
                XU, XV = Uo @ P, Vo @ P                    # c x ks x k
                YU, YV = Uo @ Y, Vo @ Y
                XUU, XUV, XVV = XU @ Uot, XU @ Vot, XV @ Vot   # c x ks x ks
                YUU, YUV, YVV = YU @ Uot, YU @ Vot, YV @ Vot
                nXUV = n[:, None, None] * XUV
                # sum_c n [YUV' * XUV + YUV * XUV'] = G + G' with G = sum_c n YUV' * XUV
                G = np.einsum("cji,cij->ij", YUV, nXUV)
                nXUU = n[:, None, None] * XUU
                Qs += G + G.T + np.einsum("cij,cij->ij", YVV, nXUU) \
                    + np.einsum("cij,cij->ij", YUU, n[:, None, None] * XVV)
                G0 = np.einsum("cji,cij->ij", XUV, nXUV)
                Q0 += G0 + G0.T + 2.0 * np.einsum("cij,cij->ij", XVV, nXUU)
            if km:
                # sums over patterns and their observed variables at once: one product each
                c, k = obs.shape
                Do = np.transpose(Dmu[:, obs], (1, 0, 2))  # c x km x k
                PD = (P @ np.transpose(Do, (0, 2, 1))).reshape(c * k, km)
                nDo = np.transpose(n[:, None, None] * Do, (1, 0, 2)).reshape(km, c * k)
                Dm += nDo @ PD
                if ks:
                    nUz = n[:, None] * np.einsum("cKk,ck->cK", Uo, z)
                    nVz = n[:, None] * np.einsum("cKk,ck->cK", Vo, z)
                    W = nUz[:, :, None] * Vo + nVz[:, :, None] * Uo
                    Mx += np.transpose(W, (1, 0, 2)).reshape(ks, c * k) @ PD
    out = np.zeros((K, K))
    out[np.ix_(cs, cs)] = -0.5 * Q0 + 0.5 * (Qs + Qs.T)
    out[np.ix_(cm, cm)] += Dm
    out[np.ix_(cs, cm)] += Mx
    out[np.ix_(cm, cs)] += Mx.T
    return out


def fiml_hessian(ev, theta: np.ndarray) -> np.ndarray:
    """Analytic Hessian of the FIML objective F = -loglik / N (the observed information).

    lavaan's "observed" information with the structured h1 (``lav_model_hessian``), exact instead
    of by differences of the gradient: per missing-data pattern the second derivatives of the
    pattern log-likelihood in the model-implied (mu, Sigma), chained through the row derivatives
    (the first-order part, batched over patterns of the same size), plus the gradient in
    (mu, Sigma) times the second derivatives of (mu, Sigma) in the parameters (the second-order
    part, shared with complete data).

    Parameters
    ----------
    ev : Evaluator
        An evaluator on FIML data (``GroupPatterns`` per group).
    theta : ndarray
        The free parameters.

    Returns
    -------
    ndarray
        The Hessian of F per observation (free parameters x free parameters), symmetric.

    Raises
    ------
    numpy.linalg.LinAlgError
        When the model-implied covariance matrix of a pattern's observed variables is not
        positive definite.
    """
    from craftwave.analysis.sem.estimation import _fiml_group

    model = ev.model
    nf = model.n_free
    H = np.zeros((nf, nf))
    ms = model.meanstructure
    for gi, g in enumerate(ev.groups):
        pr = ev.parts(theta, gi)
        Sigma, mu = pr["Sigma"], pr["mu"]
        res = _fiml_group(Sigma, mu, g, need_grad=True)
        if res is None:
            raise np.linalg.LinAlgError("the model-implied covariance matrix of a missing-data "
                                        "pattern is not positive definite")
        _, Wc, gmu = res
        U, V, Dmu, pidx = ev._row_derivatives(pr, gi)
        H1 = _fiml_first_part(U, V, Dmu, g, Sigma, mu) / g.n
        fr = model.free_row_map(gi)
        rows = H1 + _second_part(fr, pr, Wc, gmu, ms)
        R = np.zeros((pidx.size, nf))
        R[np.arange(pidx.size), pidx] = 1.0
        H += (g.n / ev.N) * (R.T @ rows @ R)
    return 0.5 * (H + H.T)
