"""Standard errors and robust test statistics: information matrices, sandwich, Yuan-Bentler.

Conventions follow lavaan 0.6: information matrices are per observation (the sum over groups
weighted by n_g / N), so ``vcov = inverse(information) / N``. Complete-data ML uses the expected
information, FIML the observed one (the Hessian of F, analytic:
:func:`craftwave.analysis.sem.hessian.fiml_hessian`; lavaan's ``lav_model_hessian`` takes
Richardson differences of the analytic gradient, which it equals to about 1e-9). MLR takes the
observed information as the bread and the first-order (casewise score) information as the meat,
and scales the chi-square with the Mplus variant of the Yuan-Bentler correction: c = [sum_g tr(A1_g^-1 B1_g) - tr(E^-1 B0)] / df,
with A1 and B1 the unstructured (saturated) model's information and first-order matrices.
"""

from __future__ import annotations

import warnings

import numpy as np

from craftwave.analysis.errors import IdentificationWarning, NotPositiveDefiniteWarning
from craftwave.analysis.sem.estimation import Evaluator, GroupMoments, GroupPatterns, _fiml_group

__all__ = ["vcov_matrix", "yuan_bentler_scaling", "saturated_h1", "em_saturated", "em_fit"]


SINGULAR_TOL = 1e-9  # smallest eigenvalue of the information scaled to unit diagonal


def singular_directions(info: np.ndarray, names: list[str] | None = None) -> list[str]:
    """Parameters that move together in the (near) null space of an information matrix."""
    d = np.sqrt(np.clip(np.diag(info), 1e-300, None))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        scaled = info / np.outer(d, d)  # a parameter with ~zero information can overflow here
    scaled = np.nan_to_num(scaled, nan=0.0, posinf=0.0, neginf=0.0)
    w, vecs = np.linalg.eigh(0.5 * (scaled + scaled.T))
    v = np.abs(vecs[:, 0])
    idx = np.flatnonzero(v >= 0.3 * v.max())
    idx = idx[np.argsort(-v[idx])][:4]
    return [names[i] if names else f"parameter {i + 1}" for i in idx]


def _inverse(info: np.ndarray, names: list[str] | None = None) -> np.ndarray:
    """Invert an information matrix; all-NaN (no standard errors) when it is (nearly) singular.

    As lavaan (``lav_model_vcov.R``: "could not compute standard errors"), a singular or
    nearly singular information matrix gives no standard errors at all; the warning names the
    parameters that cannot be told apart (the direction of the smallest eigenvalue of the
    information scaled to unit diagonal).
    """
    sym = 0.5 * (info + info.T)
    try:
        Lc = np.linalg.cholesky(sym)
        d = np.diag(Lc)
        if d.min() > 1e-5 * max(d.max(), 1.0):      # well-conditioned: the common case
            Li = np.linalg.inv(Lc)
            return Li.T @ Li
    except np.linalg.LinAlgError:
        pass
    diag = np.diag(sym)
    if diag.size and (diag <= 0).any():
        smallest = 0.0
    else:
        dd = np.sqrt(diag)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            scaled = np.nan_to_num(sym / np.outer(dd, dd), nan=0.0, posinf=0.0, neginf=0.0)
        smallest = float(np.linalg.eigvalsh(scaled).min()) if diag.size else 1.0
    if smallest <= SINGULAR_TOL:
        involved = singular_directions(sym, names)
        warnings.warn(
            "could not compute standard errors: the information matrix is singular or nearly "
            f"so (smallest scaled eigenvalue {smallest:.1e}); the model may not be identified "
            f"on these data (empirical under-identification): {', '.join(involved)} cannot be "
            "estimated apart (for example a factor with one or two indicators and no "
            "covariance with the rest, a loading or a correlation near zero, or two "
            "parameters that only enter as a sum); se, z and p are NA",
            IdentificationWarning, stacklevel=3)
        return np.full_like(sym, np.nan)
    return np.linalg.inv(info)


def vcov_matrix(ev: Evaluator, theta: np.ndarray, estimator: str,
                names: list[str] | None = None) -> dict:
    """Covariance matrix of the free parameters and the matrices it was built from.

    Returns a dict with ``vcov``, ``information`` (the bread, per observation), ``information_inv``
    and, for MLR, ``first_order`` (the meat, per observation).
    """
    N = ev.N
    if ev.fiml or estimator == "MLR":
        info = ev.hessian(theta)
    else:
        info = ev.expected_information(theta)
    inv = _inverse(info, names)
    out = {"information": info, "information_inv": inv}
    if estimator == "MLR":
        sc, w, _ = ev.scores(theta)
        B = (sc * w[:, None]).T @ sc / N
        out["first_order"] = B
        out["vcov"] = inv @ B @ inv / N
    else:
        out["vcov"] = inv / N
    return out


# ---- the unrestricted (saturated) model ----------------------------------------------------
def _sat_derivatives(p: int, meanstructure: bool):
    j, k = np.triu_indices(p)
    K = j.size
    U = np.zeros((K, p))
    V = np.zeros((K, p))
    U[np.arange(K), j] = 1.0
    V[np.arange(K), k] = np.where(j == k, 0.5, 1.0)
    if meanstructure:
        U = np.vstack([np.zeros((p, p)), U])
        V = np.vstack([np.zeros((p, p)), V])
        Dmu = np.vstack([np.eye(p), np.zeros((K, p))])
    else:
        Dmu = np.zeros((K, p))
    return U, V, Dmu


def _sat_pack(Sigma, mu, meanstructure):
    j, k = np.triu_indices(Sigma.shape[0])
    vals = Sigma[j, k]
    return np.concatenate([mu, vals]) if meanstructure else vals


def _sat_unpack(x, p, meanstructure, mu_fixed):
    j, k = np.triu_indices(p)
    if meanstructure:
        mu, vals = x[:p], x[p:]
    else:
        mu, vals = mu_fixed, x
    S = np.zeros((p, p))
    S[j, k] = vals
    S[k, j] = vals
    return S, mu


def em_saturated(g: GroupPatterns, max_iter: int = 10000, tol: float = 1e-11):
    """EM estimates (Sigma, mu) of the saturated normal model on incomplete data.

    Works on the pattern sufficient statistics only (no pass over rows), vectorised over the
    patterns that share the number of observed variables. See :func:`em_fit` for the number of
    iterations and whether the change fell under ``tol``.
    """
    Sigma, mu, _, _ = em_fit(g, max_iter=max_iter, tol=tol)
    return Sigma, mu


def em_fit(g: GroupPatterns, max_iter: int = 10000, tol: float = 1e-11
           ) -> tuple[np.ndarray, np.ndarray, int, bool]:
    """EM for the saturated normal model: ``(Sigma, mu, iterations, converged)``.

    Starts from the available-case means and variances (divisor n); stops when no element of
    ``mu`` or ``Sigma`` changes by ``tol`` or more. The one EM of the package: FIML's
    unrestricted model and Little's MCAR test (:func:`craftwave.analysis.attrition.em_moments`) use it.
    """
    Y, w = g.Y, g.w
    p = Y.shape[1]
    mu = np.array([np.average(Y[~np.isnan(Y[:, j]), j], weights=w[~np.isnan(Y[:, j])])
                   for j in range(p)])
    var = np.array([np.average((Y[~np.isnan(Y[:, j]), j] - mu[j]) ** 2,
                               weights=w[~np.isnan(Y[:, j])]) for j in range(p)])
    Sigma = np.diag(var)
    prep = []
    for blk in g.blocks:
        obs = blk.obs
        mis = np.array([np.setdiff1d(np.arange(p), o) for o in obs])
        Q = blk.S + blk.ybar[:, :, None] * blk.ybar[:, None, :]
        perm = np.concatenate([obs, mis], axis=1)
        # flat indices for the scatter-adds (bincount: much faster than np.add.at)
        flat2 = (perm[:, :, None] * p + perm[:, None, :]).ravel()
        prep.append((obs, mis, Q, perm, flat2, blk))
    for it in range(1, max_iter + 1):
        T1 = np.zeros(p)
        T2 = np.zeros(p * p)
        for obs, mis, Q, perm, flat2, blk in prep:
            n = blk.n
            if mis.shape[1] == 0:
                T1 += np.bincount(obs.ravel(), weights=(n[:, None] * blk.ybar).ravel(),
                                  minlength=p)
                T2 += np.bincount(flat2, weights=(n[:, None, None] * Q).ravel(), minlength=p * p)
                continue
            Soo = Sigma[obs[:, :, None], obs[:, None, :]]
            Smo = Sigma[mis[:, :, None], obs[:, None, :]]
            Smm = Sigma[mis[:, :, None], mis[:, None, :]]
            B = np.transpose(np.linalg.solve(Soo, np.transpose(Smo, (0, 2, 1))), (0, 2, 1))
            C = Smm - B @ np.transpose(Smo, (0, 2, 1))
            a = mu[mis] - np.einsum("pij,pj->pi", B, mu[obs])
            ym = a + np.einsum("pij,pj->pi", B, blk.ybar)
            Emo = a[:, :, None] * blk.ybar[:, None, :] + B @ Q
            Bt = np.transpose(B, (0, 2, 1))
            Emm = (a[:, :, None] * a[:, None, :] + a[:, :, None] * (blk.ybar[:, None, :] @ Bt)
                   + (B @ blk.ybar[:, :, None]) * a[:, None, :] + B @ Q @ Bt + C)
            k = obs.shape[1]
            E = np.empty((obs.shape[0], p, p))
            E[:, :k, :k] = Q
            E[:, k:, :k] = Emo
            E[:, :k, k:] = np.transpose(Emo, (0, 2, 1))
            E[:, k:, k:] = Emm
            T1 += np.bincount(perm.ravel(), minlength=p, weights=(
                n[:, None] * np.concatenate([blk.ybar, ym], axis=1)).ravel())
            T2 += np.bincount(flat2, weights=(n[:, None, None] * E).ravel(), minlength=p * p)
        mu_new = T1 / g.n
        Sigma_new = T2.reshape(p, p) / g.n - np.outer(mu_new, mu_new)
        Sigma_new = 0.5 * (Sigma_new + Sigma_new.T)
        delta = max(np.abs(mu_new - mu).max(), np.abs(Sigma_new - Sigma).max())
        mu, Sigma = mu_new, Sigma_new
        if delta < tol:
            return Sigma, mu, it, True
    return Sigma, mu, max_iter, False


def _fiml_sat_gradient(x, p, g, meanstructure, U, V, Dmu, mu_fixed):
    Sigma, mu = _sat_unpack(x, p, meanstructure, mu_fixed)
    res = _fiml_group(Sigma, mu, g, True)
    if res is None:
        return np.full(x.size, np.nan)
    _, Wc, gmu = res
    return 2.0 * np.einsum("kp,pq,kq->k", U, Wc, V) + Dmu @ gmu


def _scores_rows(Y, Sigma, mu, U, V, Dmu, patterns=None):
    """Casewise loglik scores for the saturated parameterisation."""
    if patterns is None:
        P = np.linalg.inv(Sigma)
        Z = (Y - mu) @ P
        const = np.einsum("kp,pq,kq->k", V, P, U)
        return -const + (Z @ U.T) * (Z @ V.T) + Z @ Dmu.T
    out = np.zeros((Y.shape[0], U.shape[0]))
    for pat in patterns:
        o = pat.obs
        P = np.linalg.inv(Sigma[np.ix_(o, o)])
        Z = (Y[np.ix_(pat.rows, o)] - mu[o]) @ P
        Uo, Vo = U[:, o], V[:, o]
        const = np.einsum("kp,pq,kq->k", Vo, P, Uo)
        out[pat.rows] = -const + (Z @ Uo.T) * (Z @ Vo.T) + Z @ Dmu[:, o].T
    return out


def saturated_h1(g, meanstructure: bool, first_order: bool = True) -> dict:
    """The unrestricted model of one group: (Sigma, mu), log-likelihood, A1 and B1 per obs.

    A1 and B1 (the information and first-order matrices, needed by MLR only) are left out
    with ``first_order=False``.
    """
    if isinstance(g, GroupMoments):
        Sigma, mu = g.S, g.ybar
        p = Sigma.shape[0]
        U, V, Dmu = _sat_derivatives(p, meanstructure)
        A1 = B1 = None
        if first_order:
            P = np.linalg.inv(Sigma)
            PU, PV = U @ P, V @ P
            UU, VV, VU = PU @ U.T, PV @ V.T, PV @ U.T
            A1 = VU * VU.T + VV * UU + Dmu @ P @ Dmu.T
        if first_order and g.Y is not None:
            sc = _scores_rows(g.Y, Sigma, mu, U, V, Dmu)
            B1 = (sc * g.w[:, None]).T @ sc / g.n
        _, logdet = np.linalg.slogdet(Sigma)
        logl = -0.5 * g.n * (p * np.log(2 * np.pi) + logdet + p)
        return {"Sigma": Sigma, "mu": mu, "loglik": float(logl), "A1": A1, "B1": B1}
    Sigma, mu = em_saturated(g)
    p = Sigma.shape[0]
    A1 = B1 = None
    if first_order:
        U, V, Dmu = _sat_derivatives(p, True)
        x = _sat_pack(Sigma, mu, True)
        h = 1e-6
        n = x.size
        A1 = np.zeros((n, n))
        for j in range(n):
            e = np.zeros(n)
            e[j] = h
            gs = [_fiml_sat_gradient(x + s * e, p, g, True, U, V, Dmu, mu)
                  for s in (-2, -1, 1, 2)]
            A1[:, j] = (gs[0] - 8 * gs[1] + 8 * gs[2] - gs[3]) / (12 * h)
        A1 = 0.5 * (A1 + A1.T)
        sc = _scores_rows(g.Y, Sigma, mu, U, V, Dmu, g.patterns)
        B1 = (sc * g.w[:, None]).T @ sc / g.n
    logl = 0.0
    for pat in g.patterns:
        o = pat.obs
        So = Sigma[np.ix_(o, o)]
        _, logdet = np.linalg.slogdet(So)
        d = pat.ybar - mu[o]
        logl += -0.5 * pat.n * (o.size * np.log(2 * np.pi) + logdet
                                + np.sum((pat.S + np.outer(d, d)) * np.linalg.inv(So)))
    return {"Sigma": Sigma, "mu": mu, "loglik": float(logl), "A1": A1, "B1": B1}


def _h1_keep(ev: Evaluator, size: int) -> np.ndarray:
    """Mask of the unrestricted moments that are not fixed.x moments (lavaan's zero.idx)."""
    model = ev.model
    p = model.p
    j, k = np.triu_indices(p)
    is_x = np.zeros(p, dtype=bool)
    if model.fixed_x:
        is_x[[model.ov_names.index(v) for v in model.ov_x]] = True
    keep = ~(is_x[j] & is_x[k])
    if size == keep.size + p:
        keep = np.concatenate([~is_x, keep])
    return keep


def yuan_bentler_scaling(ev: Evaluator, h1: list[dict], info_inv: np.ndarray,
                         first_order: np.ndarray, df: int) -> float:
    """The Yuan-Bentler (Mplus variant) scaling factor of the chi-square (lavaan's MLR)."""
    if df <= 0:
        return float("nan")
    trace_h1 = 0.0
    for h in h1:
        keep = _h1_keep(ev, h["A1"].shape[0])
        A1, B1 = h["A1"][np.ix_(keep, keep)], h["B1"][np.ix_(keep, keep)]
        try:
            trace_h1 += float(np.sum(B1 * np.linalg.inv(A1).T))
        except np.linalg.LinAlgError:
            warnings.warn("the unrestricted model's information is singular: no scaled test",
                          NotPositiveDefiniteWarning, stacklevel=3)
            return float("nan")
    trace_h0 = float(np.sum(first_order * info_inv.T))
    c = (trace_h1 - trace_h0) / df
    return c if c > 0 else float("nan")
