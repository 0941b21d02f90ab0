"""Re-parameterisations of a fitted model for score tests: extended and unmerged models.

Both modification indices and ``lavTestScore`` evaluate the gradient and the expected
information of a *larger* model at the estimates of the fitted one:

* :func:`extended_model` follows lavaan's ``lav_object_extended(object, add =
  lav_partable_full(...), all.free = TRUE)`` (``lav_mi.R``): every fixed parameter becomes free
  and every candidate parameter of ``lav_partable_full`` that the model lacks is added (at 0);
* :func:`unmerged_model` gives every row of the parameter table its own free parameter, so that
  equality constraints (shared labels, ``==``, ``group.equal``) become rows of a constraint
  matrix, as lavaan keeps them (``con.jac``).

The free parameters of the fitted model keep their indices ``0 .. n_free - 1`` in the extended
model; the unmerged model maps each original parameter to its rows.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from craftwave.analysis.sem.estimation import Evaluator
from craftwave.analysis.sem.specification import (
    ALPHA,
    NU,
    CompiledModel,
    ParRow,
    _locate,
)

__all__ = ["Extended", "extended_model", "unmerged_model", "row_values", "full_candidates",
           "expected_information", "vnames"]


@dataclass
class Extended:
    """A re-parameterised model, its parameter vector at the fitted estimates, and its rows."""

    model: CompiledModel
    theta: np.ndarray
    extra: list[int]          # indices (into model.rows) of the rows that are not free in the fit
    fitted_free: list[int]    # for each row of model.rows: the fit's free index (-1 if fixed)
    exo: list[bool]           # lavaan's exo flag of each row (a fixed.x row of the fit)


def row_values(ev: Evaluator, theta: np.ndarray) -> np.ndarray:
    """The value of every row of ``ev.model.rows`` at ``theta`` (fixed.x rows included)."""
    cm = ev.model
    parts = [ev.parts(theta, g) for g in range(cm.n_groups)]
    out = np.empty(len(cm.rows))
    for k, row in enumerate(cm.rows):
        pr = parts[row.group]
        mats = [pr["L"], pr["B"], pr["Psi"], pr["Theta"], pr["nu"], pr["alpha"]]
        out[k] = mats[row.mat][row.r] if row.mat in (NU, ALPHA) else mats[row.mat][row.r, row.c]
    return out


def vnames(cm: CompiledModel) -> dict[str, list[str]]:
    """lavaan's variable-name sets (``lav_partable_vnames``) that decide the candidates."""
    rows0 = [r for r in cm.rows if r.group == 0]
    ov_x = list(cm.ov_x)
    ov_nox = [v for v in cm.ov_names if v not in set(ov_x)]
    ov_ind = [v for v in dict.fromkeys(r.rhs for r in rows0 if r.op == "=~")
              if v in set(cm.ov_names)]
    eqs = list(dict.fromkeys([r.lhs for r in rows0 if r.op == "~"]
                             + [r.rhs for r in rows0 if r.op == "~"]))
    return {"ov": list(cm.ov_names), "ov_x": ov_x, "ov_nox": ov_nox, "ov_ind": ov_ind,
            "lv": list(cm.lv_names), "eqs": eqs}


def full_candidates(cm: CompiledModel) -> list[tuple[str, str, str]]:
    """lavaan's ``lav_partable_full(strict.exo = FALSE)`` for one group, in lavaan's order.

    Loadings of every latent variable on every non-exogenous observed variable that is in no
    regression; (co)variances of indicators (not of other observed variables); (co)variances of
    the exogenous covariates; (co)variances of the latent variables; regressions among all
    variables of the structural part except an indicator on a latent variable; intercepts with
    a mean structure.
    """
    vn = vnames(cm)
    lv, ov_nox, eqs = vn["lv"], vn["ov_nox"], vn["eqs"]
    ind = set(vn["ov_ind"])
    out: list[tuple[str, str, str]] = []
    out += [(f, "=~", v) for f in lv for v in ov_nox if v not in set(eqs)]

    def pairs(names):
        return [(a, "~~", b) for j, a in enumerate(names) for b in names[j:]]

    out += [p for p in pairs(ov_nox) if p[0] in ind and p[2] in ind]
    out += pairs(vn["ov_x"])
    out += pairs(lv)
    out += [(y, "~", x) for y in eqs for x in eqs
            if y != x and not (y in ind and x in set(lv))]
    if cm.meanstructure:
        out += [(v, "~1", "") for v in vn["ov"] + lv]
    return out


def _rebuild(cm: CompiledModel, rows: list[ParRow], n_free: int) -> CompiledModel:
    """A CompiledModel over ``rows``, with phantoms added where a covariance needs one."""
    ov_set, lv_set = set(cm.ov_names), set(cm.lv_names)
    phantom = set(cm.phantom)
    changed = True
    while changed:   # lavaan's representation: an ov covarying with a phantom/lv is a phantom
        changed = False
        for row in rows:
            if row.op != "~~" or row.lhs == row.rhs:
                continue
            for a, b in ((row.lhs, row.rhs), (row.rhs, row.lhs)):
                if a in ov_set and a not in phantom and (b in lv_set or b in phantom):
                    phantom.add(a)
                    changed = True
    phantom_list = [v for v in cm.ov_names if v in phantom]
    eta = list(cm.lv_names) + phantom_list
    ov_i = {v: i for i, v in enumerate(cm.ov_names)}
    eta_i = {v: i for i, v in enumerate(eta)}
    for row in rows:
        _locate(row, ov_i, eta_i, lv_set)
    return CompiledModel(ov_names=list(cm.ov_names), lv_names=list(cm.lv_names),
                         eta_names=eta, phantom=phantom_list, ov_x=list(cm.ov_x),
                         n_groups=cm.n_groups, meanstructure=cm.meanstructure,
                         fixed_x=cm.fixed_x, rows=rows, n_free=n_free,
                         free_labels=[""] * n_free, options=cm.options,
                         x_random=list(cm.x_random))


def extended_model(ev: Evaluator, theta: np.ndarray) -> Extended:
    """The fitted model with every fixed parameter freed and lavaan's candidates added."""
    cm = ev.model
    values = row_values(ev, theta)
    rows = [copy.copy(r) for r in cm.rows]
    fitted_free = [r.free for r in cm.rows]
    n_free = cm.n_free
    start = list(theta)
    extra = []
    for k, row in enumerate(rows):
        if row.free < 0:
            row.free, row.exo = n_free, False
            n_free += 1
            start.append(values[k])
            extra.append(k)
    present = set()
    for r in rows:
        present.add((r.lhs, r.op, r.rhs, r.group))
        if r.op == "~~":
            present.add((r.rhs, r.op, r.lhs, r.group))
    cands = full_candidates(cm)
    for g in range(cm.n_groups):
        for lhs, op, rhs in cands:
            if (lhs, op, rhs, g) in present:
                continue
            rows.append(ParRow(lhs, op, rhs, g, free=n_free, value=0.0))
            fitted_free.append(-1)
            extra.append(len(rows) - 1)
            start.append(0.0)
            n_free += 1
    exo = [r.exo for r in cm.rows] + [False] * (len(rows) - len(cm.rows))
    ext = _rebuild(cm, rows, n_free)
    return Extended(ext, np.array(start), extra, fitted_free, exo)


def unmerged_model(ev: Evaluator, theta: np.ndarray) -> Extended:
    """The fitted model with one free parameter per free row (equalities not merged)."""
    cm = ev.model
    rows = [copy.copy(r) for r in cm.rows]
    fitted_free = [r.free for r in cm.rows]
    start = []
    n_free = 0
    for row in rows:
        if row.free >= 0:
            start.append(theta[row.free])
            row.free = n_free
            n_free += 1
    ext = _rebuild(cm, rows, n_free)
    return Extended(ext, np.array(start), [], fitted_free, [r.exo for r in cm.rows])


def expected_information(ev: Evaluator, theta: np.ndarray) -> np.ndarray:
    """lavaan's expected information per observation (``information = "expected"``).

    Complete data: the Fisher information of the normal likelihood. FIML: lavaan's structured
    expected information under missing data (``lav_mvnorm_missing_information_expected``), the
    per-pattern Fisher information weighted by the pattern counts. With ``fixed.x`` the
    unrestricted information has no weight on the moments of the exogenous covariates
    (lavaan's ``x.idx``), which matters once a parameter moves them.
    """
    cm = ev.model
    x_idx = ([cm.ov_names.index(v) for v in cm.ov_x] if cm.fixed_x and cm.ov_x else [])
    if not ev.fiml and not x_idx:
        return ev.expected_information(theta)
    nf, p = cm.n_free, cm.p
    is_x = np.zeros(p, dtype=bool)
    is_x[x_idx] = True
    vi, vj = np.triu_indices(p)
    keep = ~(is_x[vi] & is_x[vj])
    info = np.zeros((nf, nf))
    for gi, g in enumerate(ev.groups):
        Sigma = ev.parts(theta, gi)["Sigma"]
        A_sigma, A_mu = _h1_expected(g, Sigma, ev.fiml, vi, vj)
        A_sigma[~keep] = 0.0
        A_sigma[:, ~keep] = 0.0
        A_mu[is_x] = 0.0
        A_mu[:, is_x] = 0.0
        U, V, Dmu, pidx = ev.jacobian(theta, gi)
        D = U[:, vi] * V[:, vj] + U[:, vj] * V[:, vi]        # d vech(Sigma) / d row
        rows = D @ A_sigma @ D.T + Dmu @ A_mu @ Dmu.T
        R = np.zeros((pidx.size, nf))
        R[np.arange(pidx.size), pidx] = 1.0
        info += (R.T @ rows @ R) / ev.N
    return info


def _h1_expected(g, Sigma: np.ndarray, fiml: bool, vi: np.ndarray, vj: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Expected information (summed over cases) of the unrestricted vech(Sigma) and mu.

    Element (ij, kl) is w_ij w_kl (P_ik P_jl + P_il P_jk), w = 1/2 on the diagonal, with P
    the inverse of the observed block of Sigma in each missing-data pattern (lavaan's
    ``lav_mvnorm_missing_information_expected``; one pattern for complete data).
    """
    p = Sigma.shape[0]
    w = np.where(vi == vj, 0.5, 1.0)
    A_sigma = np.zeros((vi.size, vi.size))
    A_mu = np.zeros((p, p))
    pats = [(pat.obs, pat.n) for pat in g.patterns] if fiml else [(np.arange(p), g.n)]
    for o, n in pats:
        P = np.zeros((p, p))
        P[np.ix_(o, o)] = np.linalg.inv(Sigma[np.ix_(o, o)])
        seen = np.zeros(p, dtype=bool)
        seen[o] = True
        sel = np.flatnonzero(seen[vi] & seen[vj])
        a, b = vi[sel], vj[sel]
        block = P[np.ix_(a, a)] * P[np.ix_(b, b)] + P[np.ix_(a, b)] * P[np.ix_(b, a)]
        A_sigma[np.ix_(sel, sel)] += n * np.outer(w[sel], w[sel]) * block
        A_mu += n * P
    return A_sigma, A_mu
