"""Modification indices and score tests of a DWLS (WLSMV) fit of ordered indicators, as lavaan 0.6.

lavaan's ``modindices()`` (``lav_mi.R``) and ``lavTestScore()`` (``lav_test_score.R``) are the
same for categorical data as for continuous data, with the information and the gradient of the
DWLS fit function (``lav_model_information_expected``, ``lav_model_gradient``): per group g,
with Delta_g the Jacobian of (thresholds, polychorics) on the parameters, W_g the DWLS weights
(``1 / diag(NACOV_g)``; ones for ULS), r_g the residuals and f_g = N_g / N,

    I = sum_g f_g Delta_g' W_g Delta_g,     s = -sum_g ((N_g - 1) / N) Delta_g' W_g r_g

(the gradient weights groups by (N_g - 1) / N, as lavaan's DWLS fit function does), and the
statistics use N = sum_g N_g. Modification indices: ``mi = N s^2 / diag(V)``,
``V = I_11 - I_12 I_22^-1 I_21`` over the extended model (every fixed parameter freed, lavaan's
candidates added: cross-loadings, residual covariances, intercepts, and, for ordered indicators,
fixed thresholds and scale factors ``~*~``), ``epc = -s / diag(V)``. Score tests: the univariate
test of each equality constraint is ``N s' [ginv(Z1)]_11 s`` with the constraint left out of
the bordered matrix Z1, in the parameterisation where every row (threshold, scale factor) has
its own parameter.

One difference from lavaan, stated in the output: lavaan 0.6-14's ``lavTestScore`` does not turn
the DWLS gradient into a score, so the signs of its ``epc`` column are reversed for DWLS fits;
craftwave reports the expected change itself (the sign of ``modindices``'s ``epc``).
"""

from __future__ import annotations

import copy
import dataclasses

import numpy as np
import pandas as pd
from scipy import stats
from threadpoolctl import threadpool_limits

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical.dwls import OrdinalFit
from craftwave.analysis.sem.categorical.thresholds import LinearMap
from craftwave.analysis.sem.estimation import Evaluator
from craftwave.analysis.sem.extended import Extended, extended_model, unmerged_model
from craftwave.analysis.sem.modindices import MI_COLUMNS, _standardise, select
from craftwave.analysis.sem.scoretest import (
    ScoreTester,
    ScoreTestResult,
    _rank,
    constraint_pairs,
)
from craftwave.analysis.sem.specification import THETA

__all__ = ["ordinal_modindices", "ordinal_score_test", "OrdinalScoreTester", "release_fixed"]

_EPS = np.finfo(float).eps
EPC_NOTE = ("epc is the expected change of each parameter; lavaan 0.6-14's lavTestScore prints "
            "it with the opposite sign for DWLS fits (it uses the gradient of the fit function "
            "as the score)")


def _problem(res: OrdinalFit):
    if not isinstance(res, OrdinalFit) or res.problem is None:
        raise ModelError("modification indices and score tests of ordered indicators need a "
                         "fit from fit_ordinal")
    return res.problem


def _slots(prob) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]:
    """(group, item, "t1") of every threshold slot and (group, item, item) of every scale."""
    names = prob.cm.ov_names
    counts = [len(t) for t in prob.stats[0].thresholds]
    th = [(g, names[i], f"t{k + 1}") for g in range(prob.G) for i in range(prob.cm.p)
          for k in range(counts[i])]
    sc = [(g, names[i], names[i]) for g in range(prob.G) for i in range(prob.cm.p)]
    return th, sc


def _values(m: LinearMap, free: np.ndarray) -> np.ndarray:
    return m.T @ free + m.fixed


def _freed(m: LinearMap, values: np.ndarray) -> tuple[LinearMap, list[int]]:
    """The map with every fixed slot given its own new free parameter (at its value)."""
    fixed_slots = [s for s in range(m.T.shape[0]) if not m.T[s].any()]
    E = np.zeros((m.T.shape[0], len(fixed_slots)))
    E[fixed_slots, np.arange(len(fixed_slots))] = 1.0
    fixed = m.fixed.copy()
    fixed[fixed_slots] = 0.0
    T = np.hstack([m.T, E])
    return LinearMap(T, fixed, m.labels + [""] * len(fixed_slots),
                     np.concatenate([np.zeros(m.T.shape[1]), values[fixed_slots]])), fixed_slots


def _unmerged(m: LinearMap, values: np.ndarray) -> tuple[LinearMap, list[int], list[list[int]]]:
    """One free parameter per free slot; the slots of each original parameter."""
    free_slots = [s for s in range(m.T.shape[0]) if m.T[s].any()]
    T = np.zeros((m.T.shape[0], len(free_slots)))
    T[free_slots, np.arange(len(free_slots))] = 1.0
    classes = [[j for j, s in enumerate(free_slots) if m.T[s, c]] for c in range(m.T.shape[1])]
    return (LinearMap(T, m.fixed.copy(), [""] * len(free_slots), values[free_slots]),
            free_slots, classes)


def _reparameterised(prob, model, tau: LinearMap, scale: LinearMap):
    """The fitted problem over another parameterisation (same data, weights, thresholds)."""
    new = copy.copy(prob)
    new.cm = model
    new.ev = Evaluator(model, prob.ev.groups)
    new.tau, new.scale = tau, scale
    new.nmod = model.n_free
    new.ntau = tau.T.shape[1]
    new.npar = new.nmod + new.ntau + scale.T.shape[1]
    return new


def _information_gradient(prob, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """lavaan's DWLS expected information and gradient of the fit function (per observation)."""
    info = np.zeros((prob.npar, prob.npar))
    grad = np.zeros(prob.npar)
    n = sum(s.n for s in prob.stats)
    for g in range(prob.G):
        D = prob.jacobian(x, g)
        r = prob.s[g] - prob.sigma(x, g)
        WD = D * prob.w[g][:, None]
        info += prob.fg[g] * (D.T @ WD)
        grad -= (prob.c[g] / n) * (WD.T @ r)       # lavaan's (N_g - 1) / N for DWLS
    return info, grad


def _std_model(prob, x: np.ndarray):
    """The fitted model with the delta residual variances written in (for standardising)."""
    theta, _, _ = prob.split(x)
    cm = prob.cm
    if prob.theta_param:
        return cm, theta, {}
    rows = [dataclasses.replace(r) for r in cm.rows]
    ov_i = {v: i for i, v in enumerate(cm.ov_names)}
    resid = {}
    for g in range(prob.G):
        pc = prob.pieces(x, g)
        parts = pc["parts"]
        explained = np.diag(parts["Sigma"]) - np.diag(parts["Theta"])
        resid[g] = 1.0 / pc["delta"] ** 2 - explained
    fixed = {}
    for k, r in enumerate(rows):
        if r.op == "~~" and r.lhs == r.rhs and r.mat == THETA and r.free < 0:
            r.value = float(resid[r.group][ov_i[r.lhs]])
            fixed[k] = r.value
    return dataclasses.replace(cm, rows=rows), theta, fixed


def ordinal_modindices(res: OrdinalFit, *, minimum: float = 0.0, top: int | None = None,
                       sort: bool = True, op: list[str] | None = None) -> pd.DataFrame:
    """Modification indices of a WLSMV/DWLS fit, as lavaan's ``modindices(fit, sort. = TRUE)``.

    Parameters
    ----------
    res : OrdinalFit
        From :func:`~craftwave.analysis.sem.categorical.fit_ordinal`.
    minimum, top, sort, op
        As :func:`craftwave.analysis.sem.modindices.modindices`.

    Returns
    -------
    pandas.DataFrame
        ``lhs op rhs group mi epc sepc_lv sepc_all sepc_nox`` (``group`` only with several
        groups); candidates include fixed thresholds (``x | t1``) and scale factors
        (``x ~*~ x``).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from craftwave.analysis.sem.categorical import fit_ordinal
    >>> rng = np.random.default_rng(1)
    >>> f = rng.normal(size=(500, 2))
    >>> y = np.hstack([f[:, :1] * [.8, .7, .7], f[:, 1:] * [.8, .7, .6]])
    >>> y[:, 3] += .5 * f[:, 0]
    >>> d = pd.DataFrame(np.digitize(y + rng.normal(scale=.6, size=y.shape), [-1, 0, 1]),
    ...                  columns=[f"y{i}" for i in range(1, 7)])
    >>> res = fit_ordinal("A =~ y1 + y2 + y3\\nB =~ y4 + y5 + y6", d)
    >>> ordinal_modindices(res).iloc[0][["lhs", "op", "rhs"]].tolist()
    ['A', '=~', 'y4']
    """
    # matrices of a few hundred rows: BLAS threads only add hand-offs (as the fit itself)
    with threadpool_limits(limits=1, user_api="blas"):
        return _modindices(res, minimum=minimum, top=top, sort=sort, op=op)


def _extended_state(res: OrdinalFit) -> dict:
    """Information and gradient of the extended model, and where its parameters sit."""
    prob = _problem(res)
    x = res.theta
    theta, tau_free, sc_free = prob.split(x)
    ext = extended_model(prob.ev, theta)
    tau_ext, tau_extra = _freed(prob.tau, _values(prob.tau, tau_free))
    sc_ext, sc_extra = _freed(prob.scale, _values(prob.scale, sc_free))
    big = _reparameterised(prob, ext.model, tau_ext, sc_ext)
    xe = np.concatenate([ext.theta, np.concatenate([tau_free, tau_ext.start[len(tau_free):]]),
                         np.concatenate([sc_free, sc_ext.start[len(sc_free):]])])
    info, grad = _information_gradient(big, xe)
    nm, nt = big.nmod, big.ntau
    model_idx = np.concatenate([np.arange(prob.nmod), nm + np.arange(prob.ntau),
                                nm + nt + np.arange(prob.npar - prob.nmod - prob.ntau)])
    extra_idx = np.array([ext.model.rows[k].free for k in ext.extra]
                         + [nm + prob.ntau + j for j in range(len(tau_extra))]
                         + [nm + nt + (prob.npar - prob.nmod - prob.ntau) + j
                            for j in range(len(sc_extra))], dtype=int)
    th_slots, sc_slots = _slots(prob)
    desc = ([(r.lhs, r.op, r.rhs, r.group + 1) for r in (ext.model.rows[k] for k in ext.extra)]
            + [(th_slots[s][1], "|", th_slots[s][2], th_slots[s][0] + 1) for s in tau_extra]
            + [(sc_slots[s][1], "~*~", sc_slots[s][2], sc_slots[s][0] + 1) for s in sc_extra])
    return {"prob": prob, "ext": ext, "info": info, "grad": grad, "model_idx": model_idx,
            "extra_idx": extra_idx, "desc": desc}


def release_fixed(res: OrdinalFit, params: list[tuple[str, str, str, int]]
                  ) -> tuple[float, int]:
    """The score test of freeing several fixed parameters at once (a multivariate mi).

    ``params`` are ``(lhs, op, rhs, group)`` of fixed parameters (``("y1", "~1", "", 2)``);
    returns ``(X2, df)``: ``N s' V^+ s`` with ``V = I_11 - I_12 I_22^-1 I_21`` over them, df its
    rank. One parameter gives its modification index.
    """
    with threadpool_limits(limits=1, user_api="blas"):
        st = _extended_state(res)
        pos = [j for j, d in enumerate(st["desc"]) if d in set(params)]
        if not pos:
            raise ModelError(f"not fixed parameters of the model: {params}")
        idx = st["extra_idx"][pos]
        info, mi_ = st["info"], st["model_idx"]
        I12 = info[np.ix_(idx, mi_)]
        V = info[np.ix_(idx, idx)] - I12 @ np.linalg.solve(info[np.ix_(mi_, mi_)], I12.T)
        s = st["grad"][idx]
        x2 = float(res.nobs * s @ np.linalg.pinv(V, rcond=1e-10) @ s)
        return x2, int(np.linalg.matrix_rank(V, tol=_EPS ** (1 / 3)))


def _modindices(res: OrdinalFit, *, minimum: float, top: int | None, sort: bool,
                op: list[str] | None) -> pd.DataFrame:
    st = _extended_state(res)
    prob, ext, info, grad = st["prob"], st["ext"], st["info"], st["grad"]
    model_idx, extra_idx, desc = st["model_idx"], st["extra_idx"], st["desc"]
    x = res.theta
    cols = MI_COLUMNS if prob.G > 1 else [c for c in MI_COLUMNS if c != "group"]
    if not len(extra_idx):
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("lhs", "op", "rhs") else float)
                             for c in cols})
    I22 = info[np.ix_(model_idx, model_idx)]
    try:
        I22_inv = np.linalg.inv(I22)
    except np.linalg.LinAlgError as exc:
        raise ModelError("could not compute modification indices: the DWLS information matrix "
                         "is singular") from exc
    I12 = info[np.ix_(extra_idx, model_idx)]
    vdiag = np.diag(info)[extra_idx] - np.einsum("ij,jk,ik->i", I12, I22_inv, I12)
    vdiag = np.where(vdiag < _EPS ** (1 / 3), np.nan, vdiag)
    s = grad[extra_idx]
    N = float(res.nobs)
    mi = N * s * s / vdiag
    d = -N * s
    d = np.where(np.abs(d) < 1e-15, 1.0, d)
    epc = mi / d
    std = _standardised(prob, x, ext, epc[:len(ext.extra)])
    n_model = len(ext.extra)
    sepc = {key: np.concatenate([v, np.full(len(extra_idx) - n_model, np.nan)])
            for key, v in std.items()}
    # thresholds and scale factors: sepc.lv is the epc; sepc.all a threshold over the latent
    # response's SD, a scale factor 1 (lavaan's standardised scale factors)
    ov_i = {v: i for i, v in enumerate(prob.cm.ov_names)}
    for j in range(n_model, len(extra_idx)):
        lhs, kind, _, g = desc[j]
        sepc["lv"][j] = epc[j]
        if kind == "~*~":
            sepc["all"][j] = sepc["nox"][j] = np.sign(epc[j]) * 1.0
        else:
            pc = prob.pieces(x, g - 1)
            scale = pc["delta"][ov_i[lhs]]
            sepc["all"][j] = sepc["nox"][j] = epc[j] * scale if np.isfinite(scale) else np.nan
    out = pd.DataFrame({"lhs": [t[0] for t in desc], "op": [t[1] for t in desc],
                        "rhs": [t[2] for t in desc], "group": [t[3] for t in desc],
                        "mi": mi, "epc": epc, "sepc_lv": sepc["lv"], "sepc_all": sepc["all"],
                        "sepc_nox": sepc["nox"]})[cols]
    return select(out, minimum=minimum, top=top, sort=sort, op=op)


def _standardised(prob, x: np.ndarray, ext: Extended, epc: np.ndarray) -> dict:
    """sepc of the model's candidate rows, standardised by the latent responses' variances."""
    cm_std, theta, fixed = _std_model(prob, x)
    values = ext.theta.copy()
    for k, value in fixed.items():                  # the delta residual variances' values
        values[ext.model.rows[k].free] = value
    ext_std = dataclasses.replace(ext, theta=values)
    ev0 = Evaluator(cm_std, prob.ev.groups)
    epc_all = np.full(len(ext.model.rows), np.nan)
    epc_all[np.array(ext.extra, dtype=int)] = epc
    std = _standardise(cm_std, ev0, theta, ext_std, epc_all)
    pos = np.array(ext.extra, dtype=int)
    return {key: std[key][pos] for key in ("lv", "all", "nox")}


class OrdinalScoreTester(ScoreTester):
    """Score tests of releasing equality constraints of a WLSMV/DWLS fit (lavaan's form).

    Every free row of the model, threshold and scale factor gets its own parameter; ``pairs``
    are the constraints (pairs of those parameters), ``classes`` the parameters each fitted
    parameter stands for, ``names`` how each parameter reads (``(lhs, op, rhs, group)``).
    """

    def __init__(self, res: OrdinalFit) -> None:       # noqa: D107 (documented on the class)
        prob = _problem(res)
        x = res.theta
        theta, tau_free, sc_free = prob.split(x)
        un: Extended = unmerged_model(prob.ev, theta)
        tau_u, tau_slots, tau_classes = _unmerged(prob.tau, _values(prob.tau, tau_free))
        sc_u, sc_slots, sc_classes = _unmerged(prob.scale, _values(prob.scale, sc_free))
        small = _reparameterised(prob, un.model, tau_u, sc_u)
        xu = np.concatenate([un.theta, tau_u.start, sc_u.start])
        info, grad = _information_gradient(small, xu)
        self.info, self.score, self.N = info, -grad, float(res.nobs)
        self.model = un.model
        cm = prob.cm
        nm, nt = small.nmod, small.ntau
        th_all, sc_all = _slots(prob)
        names = [None] * small.npar
        for r in un.model.rows:
            if r.free >= 0:
                names[r.free] = (r.lhs, r.op, r.rhs, r.group + 1)
        for j, s in enumerate(tau_slots):
            g, item, t = th_all[s]
            names[nm + j] = (item, "|", t, g + 1)
        for j, s in enumerate(sc_slots):
            g, item, _ = sc_all[s]
            names[nm + nt + j] = (item, "~*~", item, g + 1)
        self.names = names
        pairs = [(un.model.rows[a].free, un.model.rows[b].free) for a, b in constraint_pairs(cm)]
        classes: list[list[int]] = []
        by_free: dict[int, list[int]] = {}
        for k, r in enumerate(cm.rows):
            if r.free >= 0:
                by_free.setdefault(r.free, []).append(un.model.rows[k].free)
        classes += list(by_free.values())
        for off, cls in ((nm, tau_classes), (nm + nt, sc_classes)):
            for members in cls:
                members = [off + j for j in members]
                classes.append(members)
                pairs += [(members[0], m) for m in members[1:]]
        self.pairs = pairs
        self.classes = classes
        self.free_of_row = list(range(small.npar))
        self.estimates = xu
        R = np.zeros((len(pairs), small.npar))
        for i, (a, b) in enumerate(pairs):
            R[i, a], R[i, b] = 1.0, -1.0
        self.R = R

    def describe(self, j: int) -> str:
        lhs, op, rhs, g = self.names[j]
        text = f"{lhs} {op} {rhs}".strip()
        return f"{text} (group {g})" if any(n[3] > 1 for n in self.names if n) else text

    def release(self, params: set[int]) -> tuple[float, int]:
        """X2 and df of taking ``params`` out of their equality classes (the rest stay equal)."""
        keep = []
        for members in self.classes:
            rest = [m for m in members if m not in params]
            keep += [(rest[0], m) for m in rest[1:]]
        R1 = self._matrix(keep)
        df = _rank(self.R) - _rank(R1) if R1.size else _rank(self.R)
        return self.statistic(R1), int(df)


def ordinal_score_test(res: OrdinalFit, *, cumulative: bool = True) -> ScoreTestResult:
    """Score tests of the equality constraints of a WLSMV/DWLS fit, as ``lavTestScore(fit,
    cumulative = TRUE, epc = TRUE)``.

    Parameters
    ----------
    res : OrdinalFit
        A fit with equality constraints (shared labels on loadings, thresholds, intercepts,
        scale factors, or ``==``).
    cumulative : bool
        Add the cumulative tests.

    Returns
    -------
    ScoreTestResult
    """
    with threadpool_limits(limits=1, user_api="blas"):
        return _score_test(res, cumulative)


def _score_test(res: OrdinalFit, cumulative: bool) -> ScoreTestResult:
    tester = OrdinalScoreTester(res)
    if not tester.pairs:
        raise ModelError("the model has no equality constraints to test (shared labels or "
                         "'==')")
    n_con = len(tester.pairs)
    total = tester.statistic([])
    uni = np.array([tester.statistic(tester.pairs[:i] + tester.pairs[i + 1:])
                    for i in range(n_con)])
    univariate = pd.DataFrame({"lhs": [tester.describe(a) for a, _ in tester.pairs], "op": "==",
                               "rhs": [tester.describe(b) for _, b in tester.pairs], "X2": uni,
                               "df": 1, "pvalue": stats.chi2.sf(uni, 1)})
    order = np.argsort(-uni, kind="stable")
    cum = []
    if cumulative:
        for r in range(1, n_con + 1):
            released = set(order[:r].tolist())
            cum.append(tester.statistic([p for i, p in enumerate(tester.pairs)
                                         if i not in released]))
    cum_tab = univariate.iloc[order[:len(cum)]].reset_index(drop=True)
    cum_tab = cum_tab.assign(X2=cum, df=np.arange(1, len(cum) + 1))
    cum_tab["pvalue"] = stats.chi2.sf(cum_tab["X2"], cum_tab["df"])
    epc = tester.epc()
    epc_tab = pd.DataFrame({"lhs": [n[0] for n in tester.names],
                            "op": [n[1] for n in tester.names],
                            "rhs": [n[2] for n in tester.names],
                            "group": [n[3] for n in tester.names],
                            "est": tester.estimates, "epc": epc})
    epc_tab["epv"] = epc_tab["est"] + epc_tab["epc"]
    df_total = _rank(tester.R)
    notes = [EPC_NOTE]
    if res.estimator in ("wlsmv", "ulsmv"):
        notes.append("the score tests are the ordinary ones (DWLS information), as lavaan's "
                     "lavTestScore falls back to them with robust standard errors")
    return ScoreTestResult(
        total={"X2": total, "df": df_total, "pvalue": float(stats.chi2.sf(total, df_total))},
        univariate=univariate, cumulative=cum_tab, epc=epc_tab, nobs=int(tester.N),
        notes=notes)
