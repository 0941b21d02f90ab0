"""Unweighted (ULS) and generalised (GLS) least squares for complete data, as lavaan 0.6.

lavaan (``lav_model_objective.R``, ``estimator.GLS``, ``estimator.DWLS``; ``lav_options_set.R``;
``lav_model_vcov.R``; ``lav_model_test.R``):

* the sample covariance matrix divides by N - 1 (``sample.cov.rescale = FALSE``);
* per group F_g = (s - sigma)' W (s - sigma) over the means (with a mean structure) and the
  vech of the covariances, W = I for ULS and, for GLS, the normal-theory weight at the sample
  moments, blockdiag(S^-1, 0.5 D'(S^-1 x S^-1) D) (so F_g = 0.5 tr[(S^-1 (S - Sigma))^2]
  + (ybar - mu)' S^-1 (ybar - mu));
* lavaan's fmin is sum_g (n_g / N) 0.5 (n_g - 1) / n_g F_g and the test statistic is
  sum_g (n_g - 1) F_g (ULS: no p-value, its reference distribution is unknown);
* standard errors: V = [sum_g f_g Delta_g' W_g Delta_g]^-1 / (N - G), the expected information
  of the estimator with N less the number of groups.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.estimation import Evaluator, FitState, GroupMoments, optimise
from craftwave.analysis.sem.fimlrobust import _delta
from craftwave.analysis.sem.information import saturated_h1
from craftwave.analysis.sem.specification import CompiledModel
from craftwave.analysis.sem.starts import start_values

__all__ = ["LEAST_SQUARES", "LSFit", "fit_least_squares", "unbiased_groups"]

LEAST_SQUARES = ("ULS", "GLS")


@dataclass
class LSFit:
    """A least-squares fit: the evaluator (on N - 1 moments), where it ended, and its test."""

    ev: Evaluator
    state: FitState
    chisq: float
    weights: list[np.ndarray]


def unbiased_groups(groups: list) -> list[GroupMoments]:
    """The same groups with S dividing by n - 1 (lavaan's sample moments for ULS and GLS)."""
    out = []
    for g in groups:
        if not isinstance(g, GroupMoments):
            raise ModelError("ULS and GLS need complete data (missing = 'listwise')")
        if g.n <= 1:
            raise ModelError("ULS and GLS need more than one case per group")
        out.append(GroupMoments(g.n, g.S * g.n / (g.n - 1.0), g.ybar, g.Y, g.w))
    return out


def _sample_vector(g: GroupMoments, ms: bool) -> np.ndarray:
    j, k = np.triu_indices(g.S.shape[0])
    v = g.S[j, k]
    return np.concatenate([g.ybar, v]) if ms else v


def _implied_vector(ev: Evaluator, theta: np.ndarray, gi: int) -> np.ndarray:
    pr = ev.parts(theta, gi)
    j, k = np.triu_indices(pr["Sigma"].shape[0])
    v = pr["Sigma"][j, k]
    return np.concatenate([pr["mu"], v]) if ev.model.meanstructure else v


def weight_matrices(groups: list[GroupMoments], estimator: str, ms: bool) -> list[np.ndarray]:
    """W of every group: the identity (ULS) or the normal-theory weight at S (GLS)."""
    out = []
    for g in groups:
        p = g.S.shape[0]
        size = p * (p + 1) // 2 + (p if ms else 0)
        if estimator == "ULS":
            out.append(np.eye(size))
        else:
            out.append(saturated_h1(GroupMoments(g.n, g.S, g.ybar), ms)["A1"])
    return out


def _objective(ev: Evaluator, theta: np.ndarray, s: list, W: list, c: np.ndarray) -> float:
    total = 0.0
    for gi in range(len(s)):
        r = s[gi] - _implied_vector(ev, theta, gi)
        total += c[gi] * float(r @ W[gi] @ r)
    return total


def _deltas(ev: Evaluator, theta: np.ndarray) -> list[np.ndarray]:
    out = []
    for gi in range(ev.model.n_groups):
        D = _delta(ev, theta, gi)
        out.append(D if ev.model.meanstructure else D[ev.model.p:])
    return out


def fit_least_squares(cm: CompiledModel, groups: list, estimator: str,
                      start: np.ndarray | None = None, max_iter: int = 500,
                      tol: float = 1e-10) -> LSFit:
    """Minimise the ULS or GLS fit function by Gauss-Newton with step halving.

    Starts from the ML estimates on the same (N - 1) moments unless ``start`` is given.
    """
    est = estimator.upper()
    if est not in LEAST_SQUARES:
        raise ModelError(f"least squares estimator must be ULS or GLS, not {estimator!r}")
    ug = unbiased_groups(groups)
    ev = Evaluator(cm, ug)
    ms = cm.meanstructure
    W = weight_matrices(ug, est, ms)
    s = [_sample_vector(g, ms) for g in ug]
    c = np.array([g.n - 1.0 for g in ug])
    if start is None:
        ml = optimise(ev, start_values(cm, ug), warn=False)
        theta = ml.theta
    else:
        theta = np.asarray(start, dtype=float).copy()
    f = _objective(ev, theta, s, W, c)
    converged = False
    it = 0
    message = ""
    for _ in range(max_iter):
        it += 1
        Ds = _deltas(ev, theta)
        H = sum(cg * D.T @ Wg @ D for cg, D, Wg in zip(c, Ds, W, strict=True))
        grad = sum(cg * D.T @ Wg @ (sg - _implied_vector(ev, theta, gi))
                   for gi, (cg, D, Wg, sg) in enumerate(zip(c, Ds, W, s, strict=True)))
        try:
            step = np.linalg.solve(H, grad)
        except np.linalg.LinAlgError:
            message = "singular Gauss-Newton matrix"
            break
        lam = 1.0
        while lam > 1e-8:
            trial = theta + lam * step
            try:
                f_new = _objective(ev, trial, s, W, c)
            except np.linalg.LinAlgError:
                f_new = np.inf
            if np.isfinite(f_new) and f_new <= f + 1e-14 * max(1.0, abs(f)):
                break
            lam /= 2.0
        else:
            message = "no step decreased the fit function"
            break
        theta, f = trial, f_new
        if np.all(np.abs(lam * step) <= tol * (1.0 + np.abs(theta))):
            converged = True
            break
    else:
        message = "iteration limit reached"
    fmin = 0.5 * f / ev.N
    state = FitState(theta=theta, fmin=fmin, converged=converged, iterations=it,
                     message=message)
    return LSFit(ev=ev, state=state, chisq=float(f), weights=W)


def ls_vcov(fit: LSFit) -> np.ndarray:
    """lavaan's ``se = "standard"`` for ULS and GLS: [sum_g f_g Delta' W Delta]^-1 / (N - G)."""
    ev = fit.ev
    Ds = _deltas(ev, fit.state.theta)
    E = sum((g.n / ev.N) * D.T @ W @ D for g, D, W in zip(ev.groups, Ds, fit.weights,
                                                           strict=True))
    try:
        inv = np.linalg.inv(E)
    except np.linalg.LinAlgError:
        return np.full_like(E, np.nan)
    return inv / (ev.N - len(ev.groups))
