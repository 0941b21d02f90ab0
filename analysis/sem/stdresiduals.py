"""Standard errors of the raw residuals, for lavaan's ``residuals(fit, type = "standardized")``.

Follows lavaan 0.6's ``lav_residuals_acov`` (``z.type = "standardized"``). Per group, with
A1 the h1 information per case at the model-implied moments (the parameters are the means,
then the lower triangle of the covariance matrix column by column; moments of fixed.x
covariates zeroed, as lavaan), Delta the derivatives of those moments with respect to the free
parameters, A0 = sum_g (n_g / N) Delta_g' A1_g Delta_g and ACOV_obs the asymptotic covariance
of the sample moments (the inverse of the h1 information at the sample moments over n_g; the
sandwich I^-1 J I^-1 / n_g under MLR):

    Q = I - (n_g / N) Delta A0^-1 Delta' A1,   ACOV_res = Q ACOV_obs Q'.

``normalized`` residuals divide by the square roots of the diagonal of ACOV_obs instead.
The information is lavaan's default: expected for ML on complete data, observed for FIML and
MLR (the h1 information of the normal log-likelihood over each case's observed variables; at
the EM moments for ACOV_obs under FIML). The standardized residual is the raw residual over the
square root of the diagonal of ACOV_res; a raw residual below 1e-5 in absolute value is divided
by 1 (lavaan's rule).
"""

from __future__ import annotations

import numpy as np

from craftwave.analysis.sem.estimation import GroupMoments
from craftwave.analysis.sem.information import (
    _fiml_sat_gradient,
    _sat_derivatives,
    _sat_pack,
    saturated_h1,
)
from craftwave.analysis.sem.samplestats import patterns_from_data

__all__ = ["raw_residual_se"]


def _vech_pairs(p: int) -> list[tuple[int, int]]:
    return [(i, j) for j in range(p) for i in range(j, p)]


def _expected_information(Sigma: np.ndarray) -> np.ndarray:
    p = Sigma.shape[0]
    W = np.linalg.inv(Sigma)
    pairs = _vech_pairs(p)
    D = np.zeros((p * p, len(pairs)))
    for k, (i, j) in enumerate(pairs):
        D[j * p + i, k] = D[i * p + j, k] = 1.0
    out = np.zeros((p + len(pairs),) * 2)
    out[:p, :p] = W
    out[p:, p:] = 0.5 * D.T @ np.kron(W, W) @ D
    return out


def _observed_information(Sigma: np.ndarray, mu: np.ndarray, patterns) -> np.ndarray:
    """Hessian (per case) of minus the normal log-likelihood over the observed variables."""
    p = Sigma.shape[0]
    U, V, Dmu = _sat_derivatives(p, True)
    x = _sat_pack(Sigma, mu, True)
    out = np.zeros((x.size, x.size))
    for j in range(x.size):
        h = 1e-6 * max(1.0, abs(x[j]))
        e = np.zeros(x.size)
        e[j] = h
        gs = [_fiml_sat_gradient(x + s * e, p, patterns, True, U, V, Dmu, mu)
              for s in (-2, -1, 1, 2)]
        out[:, j] = (gs[0] - 8 * gs[1] + 8 * gs[2] - gs[3]) / (12 * h)
    return 0.5 * (out + out.T)


def _zero_x(info: np.ndarray, p: int, meanstructure: bool, x_idx: list[int]) -> np.ndarray:
    """Keep the mean block only with a mean structure; zero the fixed.x moments (lavaan)."""
    out = info if meanstructure else info[p:, p:]
    out = out.copy()
    if x_idx:
        xs = set(x_idx)
        drop = [k for k, (i, j) in enumerate(_vech_pairs(p)) if i in xs and j in xs]
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


def raw_residual_se(result, normalized: bool = False
                    ) -> list[tuple[np.ndarray, np.ndarray | None]]:
    """Per group: the SE matrix of the raw covariance residuals and the SEs of the mean residuals.

    ``normalized=True`` gives lavaan's ``normalized`` residuals' SEs: those of the sample
    moments alone (ACOV_obs, no correction for the estimated model).
    """
    cm, ev = result.model, result.evaluator
    theta = np.asarray(result.theta, dtype=float)
    ms = cm.meanstructure
    p = cm.p
    N = float(sum(result.n_obs))
    x_idx = [cm.ov_names.index(v) for v in cm.ov_x] if cm.fixed_x else []
    observed = result.missing == "fiml" or result.estimator == "MLR"
    deltas, a1s, acovs = [], [], []
    for g, data in enumerate(ev.groups):
        D = np.zeros((_moments(ev, theta, g, ms).size, theta.size))
        for j in range(theta.size):
            h = 1e-6 * max(1.0, abs(theta[j]))
            e = np.zeros(theta.size)
            e[j] = h
            D[:, j] = (_moments(ev, theta + e, g, ms) - _moments(ev, theta - e, g, ms)) / (2 * h)
        deltas.append(D)
        Sigma, mu = result.implied[g]
        S, ybar = result.sample[g]
        n = result.n_obs[g]
        if observed:
            pats = (patterns_from_data(data.Y, data.w) if isinstance(data, GroupMoments)
                    else data)
            a1 = _observed_information(Sigma, mu if ms else ybar, pats)
            i1 = _observed_information(S, ybar, pats)
        else:
            a1, i1 = _expected_information(Sigma), _expected_information(S)
        a1s.append(_zero_x(a1, p, ms, x_idx))
        i1_inv = np.linalg.pinv(_zero_x(i1, p, ms, x_idx))
        if result.estimator == "MLR":
            j1 = saturated_h1(data, ms)["B1"]
            acovs.append(i1_inv @ _zero_x(j1 if ms else np.pad(j1, (p, 0)), p, ms, x_idx)
                         @ i1_inv / n)
        else:
            acovs.append(i1_inv / n)
    A0 = sum((n / N) * D.T @ A1 @ D for n, D, A1 in zip(result.n_obs, deltas, a1s, strict=True))
    A0_inv = np.linalg.pinv(A0)
    out = []
    for g in range(cm.n_groups):
        n = result.n_obs[g]
        Q = np.eye(acovs[g].shape[0]) - (n / N) * deltas[g] @ A0_inv @ deltas[g].T @ a1s[g]
        d = np.diag(acovs[g] if normalized else Q @ acovs[g] @ Q.T).copy()
        d[~np.isfinite(d) | (d < 0)] = np.nan
        se = np.sqrt(d)
        v = se[p:] if ms else se
        M = np.zeros((p, p))
        for k, (i, j) in enumerate(_vech_pairs(p)):
            M[i, j] = M[j, i] = v[k]
        out.append((M, se[:p] if ms else None))
    return out
