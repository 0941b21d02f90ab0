"""Linear mixed models with one grouping factor, in lme4's parameterisation.

The (restricted) deviance of ``y = X beta + Z b + e``, ``b ~ N(0, sigma^2 Lambda Lambda')``,
``e ~ N(0, sigma^2 I)``, with ``Lambda`` the lower-triangular relative covariance factor whose
lower triangle, column by column, is lme4's ``theta``. With one grouping factor and at most a
few random effects per group, everything is computed from per-group cross-products
(``Z_g'Z_g``, ``Z_g'X_g``, ``Z_g'y_g``) by the Woodbury identity, so one evaluation costs
O(groups x q^3) whatever the number of rows.

On top of it: the profiled fit (lme4's ``devfun`` optimised over theta with ``theta_ii >= 0``),
and lmerTest 3.x's Satterthwaite degrees of freedom for any contrast ``L'beta``
(``lmerTest:::as_lmerModLT`` and ``contest1D``): the asymptotic covariance of
``varpar = (theta, sigma)`` is twice the (pseudo-)inverse of the Hessian of the deviance in
varpar, the gradient of ``Var(L'beta)`` comes from the Jacobian of ``Cov(beta)`` in varpar,
and ``df = 2 Var(L'beta)^2 / (g' A g)``. lmerTest takes both derivatives with numDeriv's
Richardson extrapolation; so does this module (:func:`_richardson_hessian`,
:func:`_richardson_jacobian`), with numDeriv's default steps.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize, stats

_LOG_2PI = float(np.log(2.0 * np.pi))


@dataclass(frozen=True)
class GroupedDesign:
    """Per-group cross-products of a mixed model with one grouping factor.

    Attributes
    ----------
    ztz : ndarray (G, q, q)
    ztx : ndarray (G, q, p)
    zty : ndarray (G, q)
    xtx : ndarray (p, p)
    xty : ndarray (p,)
    yty : float
    n, p, q : int
        Rows, fixed effects, random effects per group.
    """

    ztz: np.ndarray
    ztx: np.ndarray
    zty: np.ndarray
    xtx: np.ndarray
    xty: np.ndarray
    yty: float
    n: int
    p: int
    q: int

    @classmethod
    def from_arrays(cls, y: np.ndarray, X: np.ndarray, Z: np.ndarray,
                    groups: np.ndarray) -> GroupedDesign:
        """Build from the response, the fixed and random design matrices and group labels."""
        _, codes = np.unique(groups, return_inverse=True)
        G = int(codes.max()) + 1
        q, p = Z.shape[1], X.shape[1]
        ztz = np.zeros((G, q, q))
        ztx = np.zeros((G, q, p))
        zty = np.zeros((G, q))
        np.add.at(ztz, codes, Z[:, :, None] * Z[:, None, :])
        np.add.at(ztx, codes, Z[:, :, None] * X[:, None, :])
        np.add.at(zty, codes, Z * y[:, None])
        return cls(ztz, ztx, zty, X.T @ X, X.T @ y, float(y @ y), len(y), p, q)


def theta_size(q: int) -> int:
    """Number of theta elements for ``q`` correlated random effects."""
    return q * (q + 1) // 2


def lambda_of(theta: np.ndarray, q: int) -> np.ndarray:
    """lme4's relative covariance factor: theta fills the lower triangle column by column."""
    lam = np.zeros((q, q))
    rows, cols = np.tril_indices(q)
    order = np.lexsort((rows, cols))  # column-major, as lme4
    lam[rows[order], cols[order]] = theta
    return lam


def theta_of(lam: np.ndarray) -> np.ndarray:
    """Inverse of :func:`lambda_of`."""
    q = lam.shape[0]
    rows, cols = np.tril_indices(q)
    order = np.lexsort((rows, cols))
    return lam[rows[order], cols[order]].copy()


def _inv_logdet(M: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Inverses and log-determinants of a stack of symmetric positive definite matrices
    (closed form for 1 x 1 and 2 x 2, the growth models' sizes)."""
    q = M.shape[1]
    if q == 1:
        return 1.0 / M, np.log(M[:, 0, 0])
    if q == 2:
        a, b, d = M[:, 0, 0], M[:, 0, 1], M[:, 1, 1]
        det = a * d - b * b
        inv = np.stack([np.stack([d, -b], axis=1), np.stack([-b, a], axis=1)], axis=1)
        return inv / det[:, None, None], np.log(det)
    return np.linalg.inv(M), np.linalg.slogdet(M)[1]


@dataclass(frozen=True)
class _Pieces:
    ldl2: float      # log|Lambda'Z'Z Lambda + I|
    xwx: np.ndarray  # X'W^-1 X (W = Z Lambda Lambda' Z' + I)
    beta: np.ndarray
    pwrss: float     # r'W^-1 r at the GLS beta


def _pieces(d: GroupedDesign, theta: np.ndarray) -> _Pieces:
    lam = lambda_of(np.asarray(theta, float), d.q)
    M = lam.T @ d.ztz @ lam + np.eye(d.q)    # batched over groups by matmul
    A = lam.T @ d.ztx                          # Lambda' Z_g'X_g
    b = d.zty @ lam                            # Lambda' Z_g'y_g
    Mi, logdet = _inv_logdet(M)
    MiA = Mi @ A
    Mib = (Mi @ b[:, :, None])[:, :, 0]
    xwx = d.xtx - np.tensordot(A, MiA, axes=([0, 1], [0, 1]))
    xwy = d.xty - np.tensordot(A, Mib, axes=([0, 1], [0, 1]))
    ywy = d.yty - float(np.sum(b * Mib))
    beta = np.linalg.solve(xwx, xwy)
    return _Pieces(float(np.sum(logdet)), xwx, beta, ywy - float(beta @ xwy))


def deviance(d: GroupedDesign, theta: np.ndarray, sigma: float, reml: bool = True) -> float:
    """-2 log-likelihood (REML or ML) at ``theta`` and ``sigma``, as lmerTest's ``devfun_vp``."""
    pc = _pieces(d, theta)
    s2 = sigma * sigma
    dev = pc.ldl2 + pc.pwrss / s2 + d.n * (_LOG_2PI + np.log(s2))
    if reml:
        dev += np.linalg.slogdet(pc.xwx)[1] - d.p * (_LOG_2PI + np.log(s2))
    return float(dev)


def profiled_deviance(d: GroupedDesign, theta: np.ndarray, reml: bool = True) -> float:
    """The deviance with beta and sigma profiled out (lme4's ``devfun(theta)``)."""
    pc = _pieces(d, theta)
    dof = d.n - d.p if reml else d.n
    dev = pc.ldl2 + dof * (1.0 + _LOG_2PI + np.log(pc.pwrss / dof))
    if reml:
        dev += np.linalg.slogdet(pc.xwx)[1]
    return float(dev)


@dataclass(frozen=True)
class LmmFit:
    """The optimum: ``theta``, ``sigma``, ``beta``, ``cov_beta``, the deviance and method."""

    theta: np.ndarray
    sigma: float
    beta: np.ndarray
    cov_beta: np.ndarray
    deviance: float
    reml: bool
    converged: bool

    def G(self) -> np.ndarray:
        """Covariance matrix of the random effects, ``sigma^2 Lambda Lambda'``."""
        lam = lambda_of(self.theta, int(round(np.sqrt(2 * len(self.theta) + 0.25) - 0.5)))
        return self.sigma ** 2 * lam @ lam.T


def evaluate(d: GroupedDesign, theta: np.ndarray, reml: bool = True,
             converged: bool = True) -> LmmFit:
    """Estimates of beta and sigma (and their deviance) at a given theta."""
    theta = np.asarray(theta, float)
    pc = _pieces(d, theta)
    sigma = float(np.sqrt(pc.pwrss / (d.n - d.p if reml else d.n)))
    return LmmFit(theta, sigma, pc.beta, sigma ** 2 * np.linalg.inv(pc.xwx),
                  profiled_deviance(d, theta, reml), reml, converged)


def lower_bounds(q: int) -> list[tuple[float | None, float | None]]:
    """lme4's bounds: diagonal elements of Lambda non-negative, the others free."""
    rows, cols = np.tril_indices(q)
    order = np.lexsort((rows, cols))
    return [(0.0, None) if r == c else (None, None) for r, c in zip(rows[order], cols[order],
                                                                     strict=True)]


def fit_profiled(d: GroupedDesign, starts: list[np.ndarray], reml: bool = True) -> LmmFit:
    """Minimise the profiled deviance over theta from each start; the best optimum wins.

    The bounded quasi-Newton search lands on the boundary (``theta_ii = 0``) when the optimum is
    there, as lme4's bounded optimiser does; a final bounded Nelder-Mead pass polishes.
    """
    bounds = lower_bounds(d.q)

    def f(t: np.ndarray) -> float:
        return profiled_deviance(d, t, reml)

    best: optimize.OptimizeResult | None = None
    for start in starts:
        x0 = np.array([max(v, 0.0) if lo == 0.0 else v
                       for v, (lo, _) in zip(np.asarray(start, float), bounds, strict=True)])
        try:
            r = optimize.minimize(f, x0, method="L-BFGS-B", bounds=bounds)
        except (np.linalg.LinAlgError, ValueError, FloatingPointError):
            continue
        if np.isfinite(r.fun) and (best is None or r.fun < best.fun):
            best = r
    if best is None:
        raise np.linalg.LinAlgError("no start gave a finite deviance")
    converged = bool(best.success)
    try:
        x = best.x
        simplex = np.vstack([x] + [x + np.eye(len(x))[k] * 1e-3 * max(abs(x[k]), 0.05)
                                   for k in range(len(x))])
        # tolerances relative to the deviance: its rounding error grows with the rows
        polish = optimize.minimize(f, x, method="Nelder-Mead", bounds=bounds,
                                   options={"xatol": 1e-8, "fatol": 1e-11 * max(1.0, abs(best.fun)),
                                            "maxfev": 600, "initial_simplex": simplex})
        if polish.fun <= best.fun:
            best, converged = polish, converged or bool(polish.success)
    except (np.linalg.LinAlgError, ValueError, FloatingPointError):
        pass
    return evaluate(d, best.x, reml, converged)


# --- Satterthwaite (lmerTest 3.x) --------------------------------------------------------------

def _steps(x: np.ndarray, d: float, eps: float = 1e-4) -> np.ndarray:
    zero_tol = np.sqrt(np.finfo(float).eps / 7e-7)  # numDeriv's zero.tol
    return np.abs(d * x) + eps * (np.abs(x) < zero_tol)


def _richardson(values: list[np.ndarray], r: int) -> np.ndarray:
    """Richardson extrapolation of central differences at steps h, h/2, h/4, ...
    (error expansion in h^2)."""
    a = [np.asarray(v, float) for v in values]
    for m in range(1, r):
        a = [(4 ** m * a[k + 1] - a[k]) / (4 ** m - 1) for k in range(len(a) - 1)]
    return a[0]


def _richardson_jacobian(fun, x: np.ndarray, d: float = 1e-4, r: int = 4) -> np.ndarray:
    """Jacobian (columns = d fun / d x_k) as numDeriv::jacobian(method = "Richardson")."""
    x = np.asarray(x, float)
    h0 = _steps(x, d)
    cols = []
    for k in range(len(x)):
        est = []
        for j in range(r):
            h = h0[k] / 2 ** j
            e = np.zeros_like(x)
            e[k] = h
            est.append((np.ravel(fun(x + e)) - np.ravel(fun(x - e))) / (2 * h))
        cols.append(_richardson(est, r))
    return np.column_stack(cols)


def _richardson_hessian(fun, x: np.ndarray, d: float = 0.1, r: int = 4) -> np.ndarray:
    """Hessian by central differences with Richardson extrapolation (numDeriv::hessian's
    default step d = 0.1 of each coordinate, four halvings)."""
    x = np.asarray(x, float)
    k = len(x)
    h0 = _steps(x, d)
    f0 = fun(x)
    H = np.zeros((k, k))
    for i in range(k):
        for j in range(i + 1):
            est = []
            for m in range(r):
                hi, hj = h0[i] / 2 ** m, h0[j] / 2 ** m
                ei = np.zeros(k)
                ei[i] = hi
                if i == j:
                    est.append((fun(x + ei) - 2 * f0 + fun(x - ei)) / hi ** 2)
                else:
                    ej = np.zeros(k)
                    ej[j] = hj
                    est.append((fun(x + ei + ej) - fun(x + ei - ej) - fun(x - ei + ej)
                                + fun(x - ei - ej)) / (4 * hi * hj))
            H[i, j] = H[j, i] = float(_richardson(est, r))
    return H


@dataclass(frozen=True)
class Satterthwaite:
    """What lmerTest keeps for its tests: ``vcov_beta``, ``vcov_varpar`` and ``jac`` (the
    derivatives of Cov(beta) in varpar, one p x p matrix per variance parameter), plus the
    Hessian's eigenvalues (lmerTest warns on negative or near-zero ones)."""

    vcov_beta: np.ndarray
    vcov_varpar: np.ndarray
    jac: list[np.ndarray]
    eigenvalues: np.ndarray

    def contrast(self, beta: np.ndarray, L: np.ndarray, rhs: float = 0.0) -> dict[str, float]:
        """lmerTest's ``contest1D``: estimate, se, df, t and p of ``L'beta - rhs``."""
        L = np.asarray(L, float)
        var_con = float(L @ self.vcov_beta @ L)
        grad = np.array([float(L @ J @ L) for J in self.jac])
        denom = float(grad @ self.vcov_varpar @ grad)
        df = 2 * var_con ** 2 / denom if denom > 0 else np.inf
        est = float(L @ beta)
        se = float(np.sqrt(var_con))
        t = (est - rhs) / se
        return {"est": est, "se": se, "df": float(df), "t": float(t),
                "pvalue": float(2 * stats.t.sf(abs(t), df))}


    def ftest(self, beta: np.ndarray, L: np.ndarray, eps: float = 1.4901161193847656e-08,
              ) -> dict[str, float]:
        """lmerTest's ``contestMD`` (rhs 0): F of ``L beta = 0`` with Satterthwaite ddf.

        ``L Cov(beta) L'`` is diagonalised; each of its q positive directions has a 1-df
        Satterthwaite df ``nu_m``; the F's ddf is ``2E / (E - q)`` with
        ``E = sum nu_m / (nu_m - 2)`` (2 when any ``nu_m <= 2``; their mean when all agree).
        """
        L = np.atleast_2d(np.asarray(L, float))
        if L.shape[0] == 1:
            c = self.contrast(beta, L[0])
            return {"F": c["t"] ** 2, "ndf": 1, "ddf": c["df"],
                    "pvalue": float(stats.f.sf(c["t"] ** 2, 1, c["df"]))}
        vl = L @ self.vcov_beta @ L.T
        d, P = np.linalg.eigh(vl)
        d, P = d[::-1], P[:, ::-1]
        pos = d > max(eps * d[0], 0.0)
        q = int(pos.sum())
        PtL = (P.T @ L)[:q]
        if q == 1:
            return self.ftest(beta, PtL)
        F = float(np.sum((PtL @ beta) ** 2 / d[:q]) / q)
        nu = np.empty(q)
        for m in range(q):
            grad = np.array([float(PtL[m] @ J @ PtL[m]) for J in self.jac])
            nu[m] = 2 * d[m] ** 2 / float(grad @ self.vcov_varpar @ grad)
        if np.all(np.abs(np.diff(nu)) < 1e-8):
            ddf = float(np.mean(nu))
        elif np.any(nu <= 2):
            ddf = 2.0
        else:
            E = float(np.sum(nu / (nu - 2)))
            ddf = 2 * E / (E - q)
        return {"F": F, "ndf": q, "ddf": ddf, "pvalue": float(stats.f.sf(F, q, ddf))}


def satterthwaite(d: GroupedDesign, fit: LmmFit, tol: float = 1e-8) -> Satterthwaite:
    """lmerTest's ``as_lmerModLT`` at the optimum ``fit``."""
    varpar = np.append(fit.theta, fit.sigma)

    def dev(vp: np.ndarray) -> float:
        return deviance(d, vp[:-1], vp[-1], fit.reml)

    def cov_beta(vp: np.ndarray) -> np.ndarray:
        return vp[-1] ** 2 * np.linalg.inv(_pieces(d, vp[:-1]).xwx)

    H = _richardson_hessian(dev, varpar)
    evals, evecs = np.linalg.eigh(H)
    pos = evals > tol
    h_inv = (evecs[:, pos] / evals[pos]) @ evecs[:, pos].T
    J = _richardson_jacobian(cov_beta, varpar)
    p = d.p
    jac = [J[:, k].reshape(p, p) for k in range(J.shape[1])]
    return Satterthwaite(cov_beta(varpar), 2 * h_inv, jac, evals)
