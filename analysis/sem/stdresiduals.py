"""Standard errors of the raw residuals, for lavaan's ``residuals(fit, type = "standardized")``.

Follows lavaan 0.6's ``lav_residuals_acov`` (``z.type = "standardized"``) for complete data and
normal-theory standard errors: with A1 the expected h1 information of a group (per case, at
the model-implied moments; moments of the fixed.x covariates zeroed, as lavaan), Delta the
derivatives of the group's moments (means first, then the lower triangle column by column)
with respect to the free parameters, A0 the expected information of the model (groups weighted
by n_g / N) and ACOV_obs = (the h1 information at the sample moments)^+ / n_g:

    Q = I - (n_g / N) Delta A0^-1 Delta' A1,   ACOV_res = Q ACOV_obs Q'.

The standardized residual is the raw residual over the square root of the diagonal of
ACOV_res; a raw residual below 1e-5 in absolute value is divided by 1 (lavaan's rule).
"""

from __future__ import annotations

import numpy as np

from craftwave.analysis.errors import ModelError

__all__ = ["raw_residual_se"]


def _vech_pairs(p: int) -> list[tuple[int, int]]:
    return [(i, j) for j in range(p) for i in range(j, p)]


def _h1_information(Sigma: np.ndarray, meanstructure: bool, x_idx: list[int]) -> np.ndarray:
    p = Sigma.shape[0]
    W = np.linalg.inv(Sigma)
    pairs = _vech_pairs(p)
    D = np.zeros((p * p, len(pairs)))
    for k, (i, j) in enumerate(pairs):
        D[j * p + i, k] = D[i * p + j, k] = 1.0
    cov = 0.5 * D.T @ np.kron(W, W) @ D
    if meanstructure:
        out = np.zeros((p + cov.shape[0],) * 2)
        out[:p, :p] = W
        out[p:, p:] = cov
    else:
        out = cov
    if x_idx:
        xs = set(x_idx)
        drop = [k for k, (i, j) in enumerate(pairs) if i in xs and j in xs]
        if meanstructure:
            drop = [k + p for k in drop] + sorted(xs)
        out[drop, :] = 0.0
        out[:, drop] = 0.0
    return out


def _moments(ev, theta: np.ndarray, g: int, meanstructure: bool) -> np.ndarray:
    pr = ev.parts(theta, g)
    Sigma = pr["Sigma"]
    v = np.array([Sigma[i, j] for i, j in _vech_pairs(Sigma.shape[0])])
    return np.concatenate([pr["mu"], v]) if meanstructure else v


def raw_residual_se(result) -> list[tuple[np.ndarray, np.ndarray | None]]:
    """Per group: the SE matrix of the raw covariance residuals and the SEs of the mean residuals.

    Raises
    ------
    ModelError
        Under FIML or MLR (not done yet).
    """
    if result.missing == "fiml" or result.estimator != "ML":
        raise ModelError("not supported yet: standardized residuals under FIML or MLR "
                         "(use type 'raw', 'cor' or 'cor.bentler')")
    cm, ev = result.model, result.evaluator
    theta = np.asarray(result.theta, dtype=float)
    ms = cm.meanstructure
    N = float(sum(result.n_obs))
    x_idx = [cm.ov_names.index(v) for v in cm.ov_x] if cm.fixed_x else []
    deltas, a1s = [], []
    for g in range(cm.n_groups):
        D = np.zeros((_moments(ev, theta, g, ms).size, theta.size))
        for j in range(theta.size):
            h = 1e-6 * max(1.0, abs(theta[j]))
            e = np.zeros(theta.size)
            e[j] = h
            D[:, j] = (_moments(ev, theta + e, g, ms) - _moments(ev, theta - e, g, ms)) / (2 * h)
        deltas.append(D)
        a1s.append(_h1_information(result.implied[g][0], ms, x_idx))
    A0 = sum((n / N) * D.T @ A1 @ D for n, D, A1 in zip(result.n_obs, deltas, a1s, strict=True))
    A0_inv = np.linalg.pinv(A0)
    out = []
    p = cm.p
    for g in range(cm.n_groups):
        n = result.n_obs[g]
        acov_obs = np.linalg.pinv(_h1_information(result.sample[g][0], ms, x_idx)) / n
        Q = np.eye(acov_obs.shape[0]) - (n / N) * deltas[g] @ A0_inv @ deltas[g].T @ a1s[g]
        d = np.diag(Q @ acov_obs @ Q.T).copy()
        d[~np.isfinite(d) | (d < 0)] = np.nan
        se = np.sqrt(d)
        v = se[p:] if ms else se
        M = np.zeros((p, p))
        for k, (i, j) in enumerate(_vech_pairs(p)):
            M[i, j] = M[j, i] = v[k]
        out.append((M, se[:p] if ms else None))
    return out
