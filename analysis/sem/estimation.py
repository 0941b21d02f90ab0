"""Maximum likelihood for compiled models: complete-data moments or FIML on raw data.

The fit function is lavaan's, per observation:

* complete data: F = sum_g (n_g / N) 0.5 [log|Sigma| + tr(S Sigma^-1) - log|S| - p
  + (ybar - mu)' Sigma^-1 (ybar - mu)]  (S divides by n_g);
* FIML: F = -loglik / N, the log-likelihood summed over missing-data patterns.

Derivatives are analytic. Every free matrix element k changes Sigma by a rank-2 term
u_k v_k' + v_k u_k' and mu by dmu_k, which gives the gradient, the expected information and the
casewise scores in a few vectorised products (the analytic Hessian, complete data and FIML, is
in :mod:`craftwave.analysis.sem.hessian`). The optimiser is Fisher scoring with step halving far from the
optimum and BFGS updates started from the analytic Hessian near it.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from craftwave.analysis.errors import ConvergenceWarning, DataError, ModelError
from craftwave.analysis.sem.samplestats import (
    GroupMoments,
    GroupPatterns,
    Pattern,
    PatternBlock,
    exo_moments,
    moments_from_data,
    patterns_from_data,
)
from craftwave.analysis.sem.specification import ALPHA, BETA, LAMBDA, NU, PSI, THETA, CompiledModel
from craftwave.analysis.sem.starts import start_values

__all__ = ["GroupMoments", "GroupPatterns", "Pattern", "PatternBlock", "Evaluator", "FitState",
           "moments_from_data", "patterns_from_data", "optimise", "start_values", "exo_moments"]

LOG2PI = np.log(2.0 * np.pi)


@dataclass
class FitState:
    """Where an optimisation ended."""

    theta: np.ndarray
    fmin: float
    converged: bool
    iterations: int
    message: str = ""
    gradient: np.ndarray = field(default_factory=lambda: np.zeros(0))


class Evaluator:
    """Objective, gradient, information and scores of a compiled model on given data.

    Parameters
    ----------
    model : CompiledModel
    groups : list of GroupMoments or list of GroupPatterns
        One entry per group: moments for complete data, patterns for FIML.
    """

    def __init__(self, model: CompiledModel, groups: list) -> None:
        if len(groups) != model.n_groups:
            raise DataError(f"the model has {model.n_groups} group(s) but {len(groups)} "
                            "data set(s) were given")
        self.model = model
        self.groups = groups
        self.fiml = isinstance(groups[0], GroupPatterns)
        self.N = float(sum(g.n for g in groups))
        self.base = []
        for gi, g in enumerate(groups):
            exo = None
            if model.ov_x and model.fixed_x:
                S, ybar = exo_moments(g)
                exo = model.exo_values(S, ybar)
            self.base.append(model.base_matrices(gi, exo))

    # -- model-implied moments ---------------------------------------------------------------
    def parts(self, theta: np.ndarray, gi: int) -> dict:
        L, B, Ps, Th, nu, al = self.model.fill(theta, gi, self.base[gi])
        m = B.shape[0]
        if self.model.free_row_map(gi)["has_beta"]:
            A = np.linalg.inv(np.eye(m) - B)
        else:
            A = np.eye(m)
        G = L @ A
        Sigma = G @ Ps @ G.T + Th
        mu = nu + G @ al
        return {"L": L, "B": B, "Psi": Ps, "Theta": Th, "nu": nu, "alpha": al, "A": A, "G": G,
                "Sigma": Sigma, "mu": mu}

    def implied(self, theta: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Model-implied (Sigma, mu) of every group."""
        out = []
        for gi in range(self.model.n_groups):
            pr = self.parts(theta, gi)
            out.append((pr["Sigma"], pr["mu"]))
        return out

    def _row_derivatives(self, pr: dict, gi: int):
        """u, v, dmu of every free row of group gi (dSigma_k = u v' + v u')."""
        fr = self.model.free_row_map(gi)
        mat, r, c = fr["mat"], fr["r"], fr["c"]
        K = mat.size
        p = self.model.p
        G, A = pr["G"], pr["A"]
        M = A @ pr["Psi"] @ G.T            # m x p
        Aal = A @ pr["alpha"]
        U = np.zeros((K, p))
        V = np.zeros((K, p))
        Dmu = np.zeros((K, p))
        ar = np.arange(K)
        s = mat == LAMBDA
        if s.any():
            U[ar[s], r[s]] = 1.0
            V[s] = M[c[s]]
            Dmu[ar[s], r[s]] = Aal[c[s]]
        s = mat == BETA
        if s.any():
            U[s] = G[:, r[s]].T
            V[s] = M[c[s]]
            Dmu[s] = G[:, r[s]].T * Aal[c[s]][:, None]
        s = mat == PSI
        if s.any():
            half = np.where(r[s] == c[s], 0.5, 1.0)
            U[s] = G[:, r[s]].T
            V[s] = G[:, c[s]].T * half[:, None]
        s = mat == THETA
        if s.any():
            half = np.where(r[s] == c[s], 0.5, 1.0)
            U[ar[s], r[s]] = 1.0
            V[ar[s], c[s]] = half
        s = mat == NU
        if s.any():
            Dmu[ar[s], r[s]] = 1.0
        s = mat == ALPHA
        if s.any():
            Dmu[s] = G[:, r[s]].T
        if not self.model.meanstructure:
            Dmu[:] = 0.0
        return U, V, Dmu, fr["pidx"]

    def _row_gradient(self, pr: dict, gi: int, Wc: np.ndarray, gmu: np.ndarray) -> np.ndarray:
        """dF/d(free row) from dF/dSigma (Wc) and dF/dmu (gmu) by the matrix chain rule."""
        fr = self.model.free_row_map(gi)
        G, A = pr["G"], pr["A"]
        ms = self.model.meanstructure
        WG = Wc @ G
        rows = np.zeros(fr["mat"].size)
        by = fr["by_code"]
        if by[LAMBDA] is not None or by[BETA] is not None:
            PsAt = pr["Psi"] @ A.T
            Aal = A @ pr["alpha"]
            if by[LAMBDA] is not None:
                sel, r, c = by[LAMBDA]
                dL = 2.0 * WG @ PsAt
                if ms:
                    dL = dL + np.outer(gmu, Aal)
                rows[sel] = dL[r, c]
            if by[BETA] is not None:
                sel, r, c = by[BETA]
                dB = 2.0 * (G.T @ WG) @ PsAt
                if ms:
                    dB = dB + np.outer(G.T @ gmu, Aal)
                rows[sel] = dB[r, c]
        if by[PSI] is not None:
            sel, r, c = by[PSI]
            rows[sel] = (G.T @ WG)[r, c]
        if by[THETA] is not None:
            sel, r, c = by[THETA]
            rows[sel] = Wc[r, c]
        if ms and by[NU] is not None:
            sel, r, _ = by[NU]
            rows[sel] = gmu[r]
        if ms and by[ALPHA] is not None:
            sel, r, _ = by[ALPHA]
            rows[sel] = (G.T @ gmu)[r]
        return rows * fr["twice"]

    def jacobian(self, theta: np.ndarray, gi: int):
        """Row-level derivatives (U, V, Dmu, parameter index) of group gi at theta."""
        return self._row_derivatives(self.parts(theta, gi), gi)

    # -- objective and gradient ----------------------------------------------------------------
    def objective(self, theta: np.ndarray) -> float:
        f, _ = self._fg(theta, need_grad=False)
        return f

    def value_and_gradient(self, theta: np.ndarray) -> tuple[float, np.ndarray]:
        return self._fg(theta, need_grad=True)

    def _fg(self, theta: np.ndarray, need_grad: bool):
        total = 0.0
        grad = np.zeros(self.model.n_free)
        for gi, g in enumerate(self.groups):
            pr = self.parts(theta, gi)
            Sigma, mu = pr["Sigma"], pr["mu"]
            if self.fiml:
                res = _fiml_group(Sigma, mu, g, need_grad)
            else:
                res = _complete_group(Sigma, mu, g, self.model.meanstructure, need_grad)
            if res is None:
                return np.inf, grad
            f_g, Wc, gmu = res
            wgt = g.n / self.N
            total += wgt * f_g
            if need_grad:
                rows = self._row_gradient(pr, gi, Wc, gmu)
                fr = self.model.free_row_map(gi)
                grad += wgt * np.bincount(fr["pidx"], weights=rows,
                                          minlength=self.model.n_free)
        return total, grad

    # -- information ---------------------------------------------------------------------------
    def expected_information(self, theta: np.ndarray) -> np.ndarray:
        """Expected (Fisher) information per observation of the complete-data likelihood."""
        nf = self.model.n_free
        info = np.zeros((nf, nf))
        for gi, g in enumerate(self.groups):
            pr = self.parts(theta, gi)
            P = _inv_pd(pr["Sigma"])
            if P is None:
                raise ModelError("the model-implied covariance matrix is not positive definite")
            U, V, Dmu, pidx = self._row_derivatives(pr, gi)
            PU, PV = U @ P, V @ P
            UU, VV, VU = PU @ U.T, PV @ V.T, PV @ U.T
            rows = VU * VU.T + VV * UU + Dmu @ P @ Dmu.T
            R = np.zeros((pidx.size, nf))
            R[np.arange(pidx.size), pidx] = 1.0
            info += (g.n / self.N) * (R.T @ rows @ R)
        return info

    def hessian(self, theta: np.ndarray) -> np.ndarray:
        """Hessian of F per observation (the observed information), analytic.

        Complete data: :func:`~craftwave.analysis.sem.hessian.complete_data_hessian`; FIML:
        :func:`~craftwave.analysis.sem.hessian.fiml_hessian`, falling back to differences of the
        gradient (:meth:`observed_information`) only when a pattern's implied covariance matrix
        cannot be inverted there.
        """
        from craftwave.analysis.sem.hessian import complete_data_hessian, fiml_hessian

        if self.fiml:
            try:
                return fiml_hessian(self, theta)
            except np.linalg.LinAlgError:
                return self.observed_information(theta)
        return complete_data_hessian(self, theta)

    def observed_information(self, theta: np.ndarray, h: float = 1e-6) -> np.ndarray:
        """Hessian of F per observation, by Richardson differences of the analytic gradient."""
        nf = self.model.n_free
        H = np.zeros((nf, nf))
        for j in range(nf):
            e = np.zeros(nf)
            e[j] = h
            g1 = self.value_and_gradient(theta - 2 * e)[1]
            g2 = self.value_and_gradient(theta - e)[1]
            g3 = self.value_and_gradient(theta + e)[1]
            g4 = self.value_and_gradient(theta + 2 * e)[1]
            H[:, j] = (g1 - 8 * g2 + 8 * g3 - g4) / (12 * h)
        return 0.5 * (H + H.T)

    def scores(self, theta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Casewise scores of the log-likelihood (rows x free parameters), weights, group ids."""
        out, weights, gids = [], [], []
        nf = self.model.n_free
        for gi, g in enumerate(self.groups):
            pr = self.parts(theta, gi)
            U, V, Dmu, pidx = self._row_derivatives(pr, gi)
            R = np.zeros((pidx.size, nf))
            R[np.arange(pidx.size), pidx] = 1.0
            Sigma, mu = pr["Sigma"], pr["mu"]
            if self.fiml:
                S_rows = np.zeros((g.Y.shape[0], pidx.size))
                for pat in g.patterns:
                    o = pat.obs
                    P = np.linalg.inv(Sigma[np.ix_(o, o)])
                    Z = (g.Y[np.ix_(pat.rows, o)] - mu[o]) @ P
                    Uo, Vo = U[:, o], V[:, o]
                    const = np.einsum("kp,pq,kq->k", Vo, P, Uo)
                    S_rows[pat.rows] = (-const + (Z @ Uo.T) * (Z @ Vo.T)
                                        + Z @ Dmu[:, o].T)
                w = g.w
            else:
                if g.Y is None:
                    raise DataError("casewise scores need the raw data")
                P = np.linalg.inv(Sigma)
                center = mu if self.model.meanstructure else g.ybar
                Z = (g.Y - center) @ P
                const = np.einsum("kp,pq,kq->k", V, P, U)
                S_rows = -const + (Z @ U.T) * (Z @ V.T) + Z @ Dmu.T
                w = g.w
            out.append(S_rows @ R)
            weights.append(w)
            gids.append(np.full(w.size, gi))
        return np.vstack(out), np.concatenate(weights), np.concatenate(gids)

    # -- log-likelihood ------------------------------------------------------------------------
    def loglik(self, theta: np.ndarray) -> float:
        """The log-likelihood of the model (lavaan's ``logl``)."""
        total = 0.0
        for gi, g in enumerate(self.groups):
            Sigma, mu = self.implied(theta)[gi]
            if self.fiml:
                total += _fiml_loglik(Sigma, mu, g)
            else:
                p = Sigma.shape[0]
                P = np.linalg.inv(Sigma)
                d = (g.ybar - mu) if self.model.meanstructure else np.zeros(p)
                _, logdet = np.linalg.slogdet(Sigma)
                total += -0.5 * g.n * (p * LOG2PI + logdet + np.trace(g.S @ P) + d @ P @ d)
        return float(total)


def _inv_pd(M: np.ndarray):
    try:
        Lc = np.linalg.cholesky(M)
    except np.linalg.LinAlgError:
        return None
    Li = np.linalg.inv(Lc)
    return Li.T @ Li


def _logdet_pd(M: np.ndarray):
    try:
        Lc = np.linalg.cholesky(M)
    except np.linalg.LinAlgError:
        return None
    return 2.0 * np.sum(np.log(np.diag(Lc)))


def _complete_group(Sigma, mu, g: GroupMoments, meanstructure: bool, need_grad: bool):
    try:
        Lc = np.linalg.cholesky(Sigma)
    except np.linalg.LinAlgError:
        return None
    Li = np.linalg.inv(Lc)
    P = Li.T @ Li
    logdet = 2.0 * float(np.sum(np.log(np.diag(Lc))))
    p = Sigma.shape[0]
    logdet_s = g.logdet_S
    if meanstructure:
        d = g.ybar - mu
        Pd = P @ d
        f = 0.5 * (logdet + np.sum(g.S * P) - logdet_s - p + d @ Pd)
    else:
        f = 0.5 * (logdet + np.sum(g.S * P) - logdet_s - p)
    if not need_grad:
        return f, None, None
    if meanstructure:
        PT = P @ g.S + np.outer(Pd, d)
        return f, 0.5 * (P - PT @ P), -Pd
    return f, 0.5 * (P - P @ g.S @ P), np.zeros(p)


def _fiml_group(Sigma, mu, g: GroupPatterns, need_grad: bool):
    """FIML objective (-loglik / n) and its Sigma/mu derivatives, vectorised by pattern size."""
    p = Sigma.shape[0]
    f = 0.0
    Wc = np.zeros(p * p)
    gmu = np.zeros(p)
    for blk in g.blocks:
        obs = blk.obs
        k = obs.shape[1]
        So = Sigma[obs[:, :, None], obs[:, None, :]]
        try:
            Lc = np.linalg.cholesky(So)
        except np.linalg.LinAlgError:
            return None
        logdet = 2.0 * np.log(np.diagonal(Lc, axis1=1, axis2=2)).sum(axis=1)
        Li = np.linalg.inv(Lc)
        P = np.transpose(Li, (0, 2, 1)) @ Li
        d = blk.ybar - mu[obs]
        T = blk.S + d[:, :, None] * d[:, None, :]
        f += 0.5 * float(blk.n @ (k * LOG2PI + logdet + np.einsum("pij,pij->p", T, P)))
        if need_grad:
            Wb = 0.5 * blk.n[:, None, None] * (P - P @ T @ P)
            # scatter-add into the p x p and p arrays (bincount: much faster than np.add.at)
            flat = (obs[:, :, None] * p + obs[:, None, :]).ravel()
            Wc += np.bincount(flat, weights=Wb.ravel(), minlength=p * p)
            Pd = np.einsum("pij,pj->pi", P, d)
            gmu -= np.bincount(obs.ravel(), weights=(blk.n[:, None] * Pd).ravel(), minlength=p)
    n = g.n
    return f / n, Wc.reshape(p, p) / n, gmu / n


def _fiml_loglik(Sigma, mu, g: GroupPatterns) -> float:
    res = _fiml_group(Sigma, mu, g, need_grad=False)   # batched by pattern size
    if res is not None:
        return float(-g.n * res[0])
    total = 0.0      # a pattern's block is not positive definite: pattern by pattern, as before
    for pat in g.patterns:
        o = pat.obs
        So = Sigma[np.ix_(o, o)]
        P = np.linalg.inv(So)
        _, logdet = np.linalg.slogdet(So)
        d = pat.ybar - mu[o]
        total += -0.5 * pat.n * (o.size * LOG2PI + logdet + np.sum((pat.S + np.outer(d, d)) * P))
    return float(total)


def optimise(ev: Evaluator, theta0: np.ndarray, *, max_iter: int = 500,
             tol: float = 1e-24, step_tol: float = 1e-9, switch: float = 1e-3,
             hessian: np.ndarray | None = None, warn: bool = True) -> FitState:
    """Minimise F: Fisher scoring, then BFGS from the expected information, with step halving.

    Near the optimum (decrement below ``switch``) BFGS updates take over, started from the
    analytic Hessian with complete data (the expected information under FIML). Giving
    ``hessian`` (e.g. the full-sample one, for warm-started bootstrap refits) starts that phase
    at once from it.

    Converged means the Fisher-scoring step (about theta - theta_hat) is below ``step_tol`` in
    every coordinate, or the scaled decrement g' I^-1 g below ``tol``.
    """
    theta = np.array(theta0, dtype=float)
    f, g = ev.value_and_gradient(theta)
    if not np.isfinite(f):
        theta = _rescue_start(ev, theta)
        f, g = ev.value_and_gradient(theta)
        if not np.isfinite(f):
            raise ModelError("the starting values give a covariance matrix that is not "
                             "positive definite")
    converged = False
    it = 0
    msg = ""
    # quasi-Newton Hessian (BFGS), seeded by the expected information (or the given one)
    # Fisher scoring far from the optimum; near it BFGS updates started from the analytic
    # Hessian (complete data, when positive definite there), from ``hessian``, or from the
    # expected information (FIML)
    H = None
    if hessian is not None:
        H = np.array(hessian, dtype=float)
    while it < max_iter:
        it += 1
        try:
            if H is None:
                info = ev.expected_information(theta)
                M = info + 1e-10 * np.eye(info.shape[0])
            else:
                M = H
            step = np.linalg.solve(M, g)
            if not np.all(np.isfinite(step)) or g @ step <= 0:
                raise np.linalg.LinAlgError
        except (np.linalg.LinAlgError, ModelError):
            H = None
            step = g.copy()
            M = np.eye(g.size)
        decrement = float(g @ step)
        small = float(np.max(np.abs(step) / (1.0 + np.abs(theta)))) < step_tol
        if decrement < tol or small:
            converged = True
            break
        t = 1.0
        gnorm = float(np.max(np.abs(g)))
        while t > 1e-12:
            new = theta - t * step
            f_new, g_new = ev.value_and_gradient(new)
            if np.isfinite(f_new) and (
                    f_new <= f - 1e-4 * t * decrement
                    # at the rounding floor of F: accept a full step that shrinks the gradient
                    or (t == 1.0 and abs(f_new - f) <= 1e-13 * (1.0 + abs(f))
                        and float(np.max(np.abs(g_new))) < gnorm)):
                break
            t *= 0.5
        else:
            if decrement < 1e-14:
                converged = True
            msg = "the line search could not decrease the objective"
            break
        if H is not None:
            s_vec, y_vec = new - theta, g_new - g
            sy = float(s_vec @ y_vec)
            Hs = M @ s_vec
            sHs = float(s_vec @ Hs)
            H = (M + np.outer(y_vec, y_vec) / sy - np.outer(Hs, Hs) / sHs
                 if sy > 1e-14 * sHs and sHs > 0 else M)
        elif decrement < switch:
            H = _seed_hessian(ev, new, M)
        theta, f, g = new, f_new, g_new
    if not converged and not msg:
        msg = f"no convergence after {max_iter} iterations"
    if not converged and warn:
        warnings.warn(f"the optimiser did not converge: {msg}", ConvergenceWarning,
                      stacklevel=3)
    return FitState(theta, float(f), converged, it, msg, g)


def _seed_hessian(ev: Evaluator, theta: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    """The analytic Hessian at theta if complete data and positive definite, else fallback."""
    if not ev.fiml:
        H = ev.hessian(theta)
        try:
            np.linalg.cholesky(H)
            return H
        except np.linalg.LinAlgError:
            pass
    return fallback


def _rescue_start(ev: Evaluator, theta: np.ndarray) -> np.ndarray:
    """Shrink covariances and regressions towards 0 until Sigma is positive definite."""
    model = ev.model
    cand = theta.copy()
    offdiag = np.array([False] * model.n_free)
    for row in model.rows:
        if row.free >= 0 and (row.op in ("~", "=~") or (row.op == "~~" and row.lhs != row.rhs)):
            offdiag[row.free] = True
    for _ in range(30):
        cand[offdiag] *= 0.5
        if np.isfinite(ev.objective(cand)):
            return cand
    return cand
