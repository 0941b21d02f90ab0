"""Stage two of WLSMV with observed covariates (lavaan's ``conditional.x = TRUE``).

The model is compiled by the continuous engine with the covariates as fixed.x variables (their
moments fixed at the sample values). Per group, from the implied joint moments of the latent
responses y* and the covariates x, the conditional (reduced-form) ones follow:

    Pi = Sigma_yx Sigma_xx^-1,   Sigma_res = Sigma_yy - Pi Sigma_xy,   int = mu_y - Pi mu_x

(in a model where x are exogenous, ``Pi = Lambda (I - B)^-1 Gamma`` whatever Sigma_xx is). With
Delta the scale factors (delta parameterisation: parameters, and the residual variance of an
ordered indicator is ``1/Delta^2`` minus what the model explains; theta: residual variances are
parameters and ``Delta = 1/sqrt(diag Sigma_res)``), the model reproduces lavaan's WLS.obs:

    thresholds  Delta_i (tau_ik - int_i),   slopes  Delta_i Pi_ik,   correlations
    Delta_i Delta_j Sigma_res_ij.

Estimation, robust SEs, the scaled-and-shifted test and the fit measures are those of
:mod:`.dwls` (whose baseline model fits thresholds and slopes exactly and sets the residual
correlations to 0, as lavaan's independence model with ``conditional.x``). std.all divides by
the total (unconditional) standard deviations, with the covariates' sample variances; std.nox
leaves the covariates unstandardised.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
from scipy import stats as sps
from threadpoolctl import threadpool_limits

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical import dwls
from craftwave.analysis.sem.categorical.conditional import ConditionalStats, conditional_stats
from craftwave.analysis.sem.categorical.polychoric import _pairs
from craftwave.analysis.sem.categorical.thresholds import linear_map
from craftwave.analysis.sem.estimation import Evaluator
from craftwave.analysis.sem.samplestats import GroupMoments
from craftwave.analysis.sem.specification import ALPHA, NU, PSI, THETA, CompiledModel
from craftwave.analysis.sem.starts import start_values

__all__ = ["fit_conditional"]


def fit_conditional(cm: CompiledModel, spec, data: pd.DataFrame, *, ordered, est: str,
                    missing: str, group: str | None, labels: list[str], parameterization: str,
                    level: float) -> dwls.OrdinalFit:
    """Fit a compiled model whose ordered outcomes have observed covariates (fixed.x).

    Called by :func:`~craftwave.analysis.sem.categorical.fit_ordinal` when the model has
    observed exogenous covariates; see there for the parameters.
    """
    xs = list(cm.ov_x)
    ys = [v for v in cm.ov_names if v not in xs]
    wanted = ys if ordered is True else list(ordered or [])
    ord_x = [v for v in xs if v in wanted]
    if ord_x:
        raise ModelError("not supported yet: ordered covariates (exogenous variables declared "
                         f"ordered: {', '.join(ord_x)}); enter them as numeric or as 0/1 "
                         "dummies")
    continuous = [v for v in ys if v not in wanted]
    if continuous:
        raise ModelError("not supported yet: continuous and ordered indicators in one model "
                         f"(not ordered: {', '.join(continuous)})")
    if cm.defined:
        raise ModelError("not supported yet: defined parameters (:=) with ordered indicators")
    y_set = set(ys)
    predictors = sorted({r.rhs for r in cm.rows if r.op == "~" and r.rhs in y_set})
    if predictors:
        raise ModelError("not supported yet: regressions on observed ordered variables "
                         f"({', '.join(predictors)})")
    unknown = sorted(({i for i, _ in spec.thresholds} | set(spec.scales)) - y_set)
    if unknown:
        raise ModelError(f"thresholds or scale factors for {', '.join(unknown)}, which are not "
                         "ordered indicators of the model")
    if parameterization == "theta" and spec.scales:
        raise ModelError("scale factors (~*~) belong to the delta parameterization; under "
                         "theta write the residual variances (x ~~ c(1, NA)*x)")
    cm = _prepare(cm, ys, parameterization)
    if group is None:
        stats = [conditional_stats(data, ys, xs, missing=missing)]
    else:
        rows = data[group].astype(str)
        stats = [conditional_stats(data.loc[rows == lab], ys, xs, missing=missing)
                 for lab in labels]
        dwls._check_levels(stats, labels)
    with threadpool_limits(limits=1, user_api="blas"):
        return _fit(cm, stats, labels, spec, est, level, parameterization)


def _prepare(cm: CompiledModel, ys: list[str], parameterization: str) -> CompiledModel:
    """Residual variances of ordered outcomes computed (delta) or 1 unless written (theta);
    their intercepts 0 unless written; wherever the engine keeps them (Theta and nu, or Psi and
    alpha for an outcome with a regression of its own)."""
    y_set = set(ys)
    rows = [dataclasses.replace(r) for r in cm.rows]
    for r in rows:
        if r.op == "~~" and r.lhs == r.rhs and r.lhs in y_set and r.mat in (THETA, PSI):
            if parameterization == "delta":
                r.free, r.value, r.label, r.eq_key = -1, 0.0, "", ""
            elif not r.user:
                r.free, r.value, r.label, r.eq_key = -1, 1.0, "", ""
        elif r.op == "~1" and r.lhs in y_set and r.mat in (NU, ALPHA) and not r.user:
            r.free, r.value, r.label, r.eq_key = -1, 0.0, "", ""
    old_to_new: dict[int, int] = {}
    labels: list[str] = []
    for r in rows:
        if r.free < 0:
            continue
        if r.free not in old_to_new:
            old_to_new[r.free] = len(old_to_new)
            labels.append(r.label)
        r.free = old_to_new[r.free]
    return dataclasses.replace(cm, rows=rows, n_free=len(old_to_new), free_labels=labels)


def _joint_moments(cm: CompiledModel, st: ConditionalStats) -> GroupMoments:
    """Joint moments of (y*, x) implied by the first stage: fixes the covariates' moments (as
    fixed.x) and gives the start values something to read."""
    ov = {v: i for i, v in enumerate(cm.ov_names)}
    yi = np.array([ov[v] for v in st.names])
    xi = np.array([ov[v] for v in st.covariates])
    S = np.zeros((cm.p, cm.p))
    Sxx = st.cov_x
    S[np.ix_(yi, yi)] = st.cor + st.slopes @ Sxx @ st.slopes.T
    S[np.ix_(yi, xi)] = st.slopes @ Sxx
    S[np.ix_(xi, yi)] = S[np.ix_(yi, xi)].T
    S[np.ix_(xi, xi)] = Sxx
    ybar = np.zeros(cm.p)
    ybar[yi] = st.slopes @ st.mean_x
    ybar[xi] = st.mean_x
    return GroupMoments(n=float(st.n), S=S, ybar=ybar)


class _Problem(dwls._WeightedLeastSquares):
    """sigma(x) of every group (thresholds, slopes, residual correlations) and its Jacobian,
    x = (model, thresholds, scale factors); the interface :mod:`.dwls` fits and tests."""

    def __init__(self, cm: CompiledModel, stats: list[ConditionalStats], spec,
                 parameterization: str, est: str) -> None:
        self.cm, self.stats = cm, stats
        self.theta_param = parameterization == "theta"
        self.G = len(stats)
        self.moments = [_joint_moments(cm, s) for s in stats]
        self.ev = Evaluator(cm, self.moments)
        ov = {v: i for i, v in enumerate(cm.ov_names)}
        self.names = stats[0].names
        self.yi = np.array([ov[v] for v in self.names])
        self.xi = np.array([ov[v] for v in stats[0].covariates])
        p = len(self.names)
        self.p = p
        self.col_j, self.col_i = _pairs(p)
        counts = [len(t) for t in stats[0].thresholds]
        self.nth = int(sum(counts))
        self.n_uni = self.nth + p * len(self.xi)
        self.th_item = np.repeat(np.arange(p), counts)
        th_slots = [(g, self.names[i], k + 1) for g in range(self.G) for i in range(p)
                    for k in range(counts[i])]
        th_start = np.concatenate([np.concatenate(s.thresholds) for s in stats])
        self.tau = linear_map(th_slots, spec.thresholds, {}, spec.equal, False, th_start)
        sc_slots = [(g, self.names[i], 0) for g in range(self.G) for i in range(p)]
        ones = {k: 1.0 for k in range(len(sc_slots))}
        self.scale = linear_map(sc_slots, spec.scales, ones, spec.equal, False,
                                np.ones(len(sc_slots)))
        self.nmod = cm.n_free
        self.ntau = self.tau.T.shape[1]
        self.npar = self.nmod + self.ntau + self.scale.T.shape[1]
        self.s = [s.wls_obs for s in stats]
        self.w = [dwls._weights(est, s) for s in stats]
        self.c = np.array([s.n - 1.0 for s in stats])
        self.fg = np.array([s.n for s in stats], dtype=float) / sum(s.n for s in stats)

    def split(self, x: np.ndarray):
        a, b = self.nmod, self.nmod + self.ntau
        return x[:a], x[a:b], x[b:]

    def start(self) -> np.ndarray:
        return np.concatenate([start_values(self.cm, self.moments), self.tau.start,
                               self.scale.start])

    def pieces(self, x: np.ndarray, g: int) -> dict:
        """The conditional moments of group g and the statistics they imply."""
        theta, tau_free, sc_free = self.split(x)
        p, nth = self.p, self.nth
        tau = (self.tau.T @ tau_free + self.tau.fixed)[g * nth:(g + 1) * nth]
        delta = (self.scale.T @ sc_free + self.scale.fixed)[g * p:(g + 1) * p]
        parts = self.ev.parts(theta, g)
        S, mu = parts["Sigma"], parts["mu"]
        yi, xi = self.yi, self.xi
        Sxx = S[np.ix_(xi, xi)]
        Syx = S[np.ix_(yi, xi)]
        Pi = np.linalg.solve(Sxx, Syx.T).T
        res = S[np.ix_(yi, yi)] - Pi @ Syx.T
        inter = mu[yi] - Pi @ mu[xi]
        if self.theta_param:                  # the scale follows the conditional variance
            with np.errstate(invalid="ignore", divide="ignore"):
                delta = 1.0 / np.sqrt(np.diag(res))
        ti, i, j = self.th_item, self.col_i, self.col_j
        th = delta[ti] * (tau - inter[ti])
        slopes = (delta[:, None] * Pi).ravel(order="F")
        cor = delta[i] * delta[j] * res[i, j]
        return {"tau": tau, "delta": delta, "parts": parts, "Pi": Pi, "res": res, "Sxx": Sxx,
                "th": th, "slopes": slopes, "cor": cor}

    def sigma(self, x: np.ndarray, g: int) -> np.ndarray:
        pc = self.pieces(x, g)
        return np.concatenate([pc["th"], pc["slopes"], pc["cor"]])

    def jacobian(self, x: np.ndarray, g: int) -> np.ndarray:
        """d sigma_g / d x, analytic: the engine's row derivatives of the joint moments
        (``dSigma = u v' + v u'``, ``dmu``) carried to the conditional ones. The covariates'
        block is fixed, so ``dPi = (u_y v_x' + v_y u_x') Sxx^-1`` and
        ``dSigma_res = ~u ~v' + ~v ~u'`` with ``~u = u_y - Pi u_x``; under theta the scale
        factors follow ``d Delta_i = -Delta_i^3 dSigma_res_ii / 2``."""
        theta, _, _ = self.split(x)
        pc = self.pieces(x, g)
        delta, tau, Pi, res = pc["delta"], pc["tau"], pc["Pi"], pc["res"]
        mu = pc["parts"]["mu"]
        yi, xi, ti, i, j = self.yi, self.xi, self.th_item, self.col_i, self.col_j
        p, nth, q = self.p, self.nth, len(xi)
        U, V, Dmu, pidx = self.ev.jacobian(theta, g)
        Sxx_inv = np.linalg.inv(pc["Sxx"])
        a, b = V[:, xi] @ Sxx_inv, U[:, xi] @ Sxx_inv                  # (K, q)
        uy, vy = U[:, yi], V[:, yi]
        dPi = uy[:, :, None] * a[:, None, :] + vy[:, :, None] * b[:, None, :]   # (K, p, q)
        ut, vt = uy - U[:, xi] @ Pi.T, vy - V[:, xi] @ Pi.T
        dres_pairs = ut[:, i] * vt[:, j] + vt[:, i] * ut[:, j]
        dint = Dmu[:, yi] - np.einsum("kpq,q->kp", dPi, mu[xi])
        inter = mu[yi] - Pi @ mu[xi]
        if self.theta_param:
            ddelta = -0.5 * delta**3 * (2.0 * ut * vt)                  # (K, p)
        else:
            ddelta = np.zeros_like(ut)
        d_th = ddelta[:, ti] * (tau - inter[ti]) - delta[ti] * dint[:, ti]
        d_sl = (ddelta[:, :, None] * Pi + delta[:, None] * dPi).transpose(0, 2, 1)
        d_cor = ((ddelta[:, i] * delta[j] + delta[i] * ddelta[:, j]) * res[i, j]
                 + delta[i] * delta[j] * dres_pairs)
        rows = np.concatenate([d_th, d_sl.reshape(len(U), -1), d_cor], axis=1)
        model = np.zeros((self.nmod, rows.shape[1]))
        np.add.at(model, pidx, rows)
        out = np.zeros((rows.shape[1], self.npar))
        out[:, :self.nmod] = model.T
        out[:nth, self.nmod:self.nmod + self.ntau] = (delta[ti][:, None]
                                                      * self.tau.T[g * nth:(g + 1) * nth])
        if not self.theta_param:
            d_delta = np.zeros((rows.shape[1], p))
            d_delta[np.arange(nth), ti] = tau - inter[ti]
            d_delta[nth + np.arange(p * q), np.tile(np.arange(p), q)] = Pi.ravel(order="F")
            k = nth + p * q + np.arange(len(i))
            d_delta[k, i] += delta[j] * res[i, j]
            d_delta[k, j] += delta[i] * res[i, j]
            out[:, self.nmod + self.ntau:] = d_delta @ self.scale.T[g * p:(g + 1) * p]
        return out


def _fit(cm: CompiledModel, stats: list[ConditionalStats], labels: list[str], spec, est: str,
         level: float, parameterization: str) -> dwls.OrdinalFit:
    prob = _Problem(cm, stats, spec, parameterization, est)
    x, Ds, vcov = dwls._estimate(prob, est)
    chisq = prob.objective(x)
    df = sum(len(s) for s in prob.s) - prob.npar
    fit = dwls._fit_measures(chisq, df, Ds, prob, x)
    # lavaan's SRMR (lav_residuals.R) averages the residual correlations over p(p-1)/2 plus
    # the number of observed variables, covariates included
    p, n_ov = prob.p, cm.p
    fit["srmr"] *= math.sqrt((p * (p + 1) / 2) / (p * (p - 1) / 2 + n_ov))
    if est not in dwls.ROBUST:
        fit = {k: v for k, v in fit.items() if "scaled" not in k and "shift" not in k}
    if est in ("uls", "ulsmv"):
        fit["pvalue"] = float("nan")
        fit["baseline_pvalue"] = float("nan")
    table = _table(prob, x, vcov, level)
    parts = prob.pieces(x, 0)["parts"]
    lv = [cm.eta_names.index(v) for v in cm.lv_names]
    cov = (parts["A"] @ parts["Psi"] @ parts["A"].T)[np.ix_(lv, lv)]
    lv_cov = pd.DataFrame(cov, index=cm.lv_names, columns=cm.lv_names)
    return dwls.OrdinalFit(params=table, fit=fit, stats=stats[0], estimator=est, model=cm,
                           theta=x, vcov=vcov, lv_cov=lv_cov, group_stats=stats,
                           group_labels=labels, jacobians=Ds, weights=prob.w,
                           parameterization=parameterization)


def _table(prob: _Problem, x: np.ndarray, vcov: np.ndarray, level: float) -> pd.DataFrame:
    """lavaan's parameterEstimates with std.all and std.nox, group by group."""
    cm = prob.cm
    theta, _, _ = prob.split(x)
    se_model = np.sqrt(np.clip(np.diag(vcov)[:prob.nmod], 0, None))
    a, b = prob.nmod, prob.nmod + prob.ntau
    tau_se = np.sqrt(np.clip(np.diag(prob.tau.T @ vcov[a:b, a:b] @ prob.tau.T.T), 0, None))
    sc_se = np.sqrt(np.clip(np.diag(prob.scale.T @ vcov[b:, b:] @ prob.scale.T.T), 0, None))
    zq = sps.norm.ppf(0.5 + level / 2)
    eta_i = {v: i for i, v in enumerate(cm.eta_names)}
    y_i = {v: i for i, v in enumerate(prob.names)}
    x_set = set(cm.ov_x)
    p, nth = prob.p, prob.nth
    rows: list[dict] = []

    def add(g, lhs, op, rhs, est, se, std, nox):
        if se is None or not se > 1e-12:
            z = pv = np.nan
            lo = hi = est
            se_v = 0.0
        else:
            z = est / se
            pv = 2 * sps.norm.sf(abs(z))
            lo, hi, se_v = est - zq * se, est + zq * se, se
        rows.append({"group": g + 1, "lhs": lhs, "op": op, "rhs": rhs, "est": est, "se": se_v,
                     "z": z, "pvalue": pv, "ci_lower": lo, "ci_upper": hi, "std_all": std,
                     "std_nox": nox})

    for g in range(prob.G):
        pc = prob.pieces(x, g)
        parts, delta, tau, Pi = pc["parts"], pc["delta"], pc["tau"], pc["Pi"]
        var_y = 1.0 / delta**2 + np.diag(Pi @ pc["Sxx"] @ Pi.T)     # total variance of y*
        resid = 1.0 / delta**2 - np.diag(pc["res"])                  # delta: computed
        eta_cov = parts["A"] @ parts["Psi"] @ parts["A"].T
        var = {v: float(eta_cov[eta_i[v], eta_i[v]]) for v in cm.eta_names}
        var.update({v: float(var_y[i]) for v, i in y_i.items()})
        sd = {v: math.sqrt(max(s, 0.0)) for v, s in var.items()}

        def sd_nox(v, sd=sd):
            return 1.0 if v in x_set else sd[v]

        def ratio(num, den):
            return num / den if den > 0 else np.nan

        model_rows = [r for r in cm.rows if r.group == g and r.mat >= 0]

        def value(r, parts=parts):
            if r.free >= 0:
                return float(theta[r.free])
            if r.exo:                            # a covariate's fixed.x moment
                if r.op == "~1":
                    return float(parts["alpha"][eta_i[r.lhs]])
                return float(parts["Psi"][eta_i[r.lhs], eta_i[r.rhs]])
            return float(r.value)

        def se_of(r):
            return se_model[r.free] if r.free >= 0 else None

        for r in model_rows:
            if r.op == "=~":
                est = value(r)
                std = ratio(est * sd[r.lhs], sd[r.rhs])
                add(g, r.lhs, r.op, r.rhs, est, se_of(r), std, std)
        for r in model_rows:
            if r.op == "~":
                est = value(r)
                add(g, r.lhs, r.op, r.rhs, est, se_of(r), ratio(est * sd[r.rhs], sd[r.lhs]),
                    ratio(est * sd_nox(r.rhs), sd[r.lhs]))
        for i, name in enumerate(prob.names):
            ks = np.flatnonzero(prob.th_item == i)
            for t, k in enumerate(ks):
                std = ratio(float(tau[k]), sd[name])
                add(g, name, "|", f"t{t + 1}", float(tau[k]), tau_se[g * nth + k], std, std)
        for r in model_rows:
            if r.op != "~~":
                continue
            if r.lhs == r.rhs and r.lhs in y_i:
                est = value(r) if prob.theta_param else float(resid[y_i[r.lhs]])
                std = ratio(est, var[r.lhs])
                add(g, r.lhs, r.op, r.rhs, est, se_of(r) if prob.theta_param else None, std,
                    std)
                continue
            est = value(r)
            if r.lhs == r.rhs:
                std = ratio(est, var[r.lhs])
                nox = est if r.lhs in x_set else std
            elif r.lhs in x_set and r.rhs in x_set:
                std, nox = ratio(est, sd[r.lhs] * sd[r.rhs]), est
            else:                                # residual covariance over residual variances
                va, vb = _resvar(r.lhs, parts, eta_i, y_i, resid, prob), _resvar(
                    r.rhs, parts, eta_i, y_i, resid, prob)
                std = ratio(est, math.sqrt(va * vb)) if va > 0 and vb > 0 else np.nan
                nox = std
            add(g, r.lhs, r.op, r.rhs, est, se_of(r), std, nox)
        for i, name in enumerate(prob.names):
            add(g, name, "~*~", name, float(delta[i]),
                None if prob.theta_param else sc_se[g * p + i], 1.0, 1.0)
        for r in model_rows:
            if r.op != "~1":
                continue
            est = value(r)
            std = ratio(est, sd[r.lhs])
            add(g, r.lhs, r.op, r.rhs, est, se_of(r), std, est if r.lhs in x_set else std)
    return pd.DataFrame(rows)


def _resvar(v: str, parts: dict, eta_i: dict, y_i: dict, resid: np.ndarray, prob) -> float:
    """The residual variance of a latent variable or an ordered outcome."""
    if v in y_i:
        if prob.theta_param:
            mat = parts["Psi"] if v in eta_i else parts["Theta"]
            k = eta_i[v] if v in eta_i else prob.cm.ov_names.index(v)
            return float(mat[k, k])
        return float(resid[y_i[v]])
    return float(parts["Psi"][eta_i[v], eta_i[v]])
