"""WLSMV for ordered indicators, as lavaan 0.6: DWLS on thresholds and polychorics, robust SEs,
and the mean-and-variance adjusted ("scaled and shifted") test; one group or several.

The model is compiled by the continuous engine (same syntax, same defaults, same parameter
table, group vectors and labels) with a mean structure, and read in lavaan's delta
parameterisation. Per group g, with Sigma* and mu* the implied covariance and means of the latent
responses and Delta the scale factors:

- the residual variance of an ordered indicator is not a parameter but ``1/Delta_i^2 - (explained
  variance)_i``, so the latent responses have variance ``1/Delta_i^2``;
- the implied correlations are ``Delta_i Delta_j Sigma*_ij`` and the implied thresholds
  ``Delta_i (tau_ik - mu*_i)``.

By default (as lavaan) intercepts of ordered indicators and latent means are 0, scale factors 1,
thresholds free in every group; the syntax changes any of them: ``x1 | a*t1 + t2``,
``x1 ~*~ c(1, NA)*x1``, ``x1 ~ c(0, NA)*1``, ``f ~ c(0, NA)*1``, labels, ``==``.

The fit minimises ``sum_g (N_g - 1) (s_g - sigma_g)' W_g (s_g - sigma_g)`` with
``W_g = diag(1 / diag(NACOV_g))`` by Gauss-Newton (a weighted sum of squares; a handful of steps).
With D the Jacobian and Gamma = NACOV:

- robust SEs: ``H^-1 M H^-1``, ``H = sum_g c_g D_g' W_g D_g``,
  ``M = sum_g c_g D_g' W_g Gamma_g W_g D_g`` with ``c_g = (N - G) N_g / N`` (lavaan's
  ``1 / (N - G)`` of the vcov with groups weighted by ``N_g / N``);
- the test: ``T = sum_g (N_g - 1) F_g`` (lavaan's 2 N fmin); the scaled-and-shifted statistic from
  ``tr(U Gamma)`` and ``tr((U Gamma)^2)``, ``U = W - W D (D'WD)^-1 D' W`` over the stacked groups;
- the baseline (independence) model fits the thresholds exactly and every correlation at 0.

Continuous indicators may join the ordered ones (``ordered=[...]`` naming some): their means,
variances and covariances enter the statistics as lavaan's (see :mod:`polyserial`), their
intercepts and residual variances stay free parameters. Observed covariates (lavaan's
conditional.x) are fitted by :mod:`.conditional_fit`.
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd
from scipy import stats as sps
from scipy.linalg import block_diag
from threadpoolctl import threadpool_limits

from craftwave.analysis.errors import ConvergenceWarning, DataError, ModelError
from craftwave.analysis.sem import fitmeasures as fm
from craftwave.analysis.sem.categorical.defined import check_defined, defined_table
from craftwave.analysis.sem.categorical.groupequal import ordinal_group_equal
from craftwave.analysis.sem.categorical.polychoric import OrdinalStats, _pairs, ordinal_stats
from craftwave.analysis.sem.categorical.polyserial import (
    describe_variables,
    group_moments,
    mixed_stats,
    numeric_mask,
    ordered_names,
    pair_scale,
)
from craftwave.analysis.sem.categorical.robustfit import (
    robust_from_problem,
    robust_summary_line,
)
from craftwave.analysis.sem.categorical.thresholds import (
    linear_map,
    split_ordinal_syntax,
)
from craftwave.analysis.sem.estimation import Evaluator
from craftwave.analysis.sem.options import model_options
from craftwave.analysis.sem.specification import (
    ALPHA,
    NU,
    PSI,
    THETA,
    CompiledModel,
    compile_model,
)
from craftwave.analysis.sem.starts import start_values

__all__ = ["OrdinalFit", "fit_ordinal"]

ESTIMATORS = ("wlsmv", "dwls", "ulsmv", "uls")
ROBUST = ("wlsmv", "ulsmv")          # robust.sem SEs and the scaled-and-shifted test


@dataclass
class OrdinalFit:
    """A model fitted to ordered indicators by DWLS.

    Attributes
    ----------
    params : pandas.DataFrame
        lavaan's ``parameterEstimates(fit, standardized = TRUE)`` columns: ``lhs``, ``op``,
        ``rhs``, ``est``, ``se``, ``z``, ``pvalue``, ``ci_lower``, ``ci_upper``, ``std_all``.
    fit : dict
        Fit measures with lavaan's names (``.`` written ``_``).
    stats : OrdinalStats
        The first stage: thresholds, polychoric correlations and NACOV.
    estimator : str
    """

    params: pd.DataFrame
    fit: dict
    stats: OrdinalStats
    estimator: str
    model: CompiledModel
    theta: np.ndarray
    vcov: np.ndarray
    lv_cov: pd.DataFrame | None = None
    group_stats: list[OrdinalStats] | None = None
    group_labels: list[str] | None = None
    jacobians: list[np.ndarray] | None = None     # d sigma_g / d x at the estimates
    parameterization: str = "delta"
    weights: list[np.ndarray] | None = None       # the DWLS weights of each group
    problem: object | None = None                 # the fitted _Problem (score tests reuse it)

    @property
    def nobs(self) -> int:
        return int(sum(s.n for s in (self.group_stats or [self.stats])))

    @property
    def defined(self) -> pd.DataFrame:
        """The defined parameters (``:=``) with delta-method SEs from :attr:`vcov` (robust for
        WLSMV), as lavaan; see :mod:`craftwave.analysis.sem.categorical.defined`."""
        return defined_table(self)

    def improper(self) -> list[str]:
        """What makes the solution improper, in lavaan's terms (empty: a proper solution)."""
        out = []
        table = self.params
        var = table[(table["op"] == "~~") & (table["lhs"] == table["rhs"]) & (table["est"] < 0)]
        for row in var.itertuples(index=False):
            where = (f" in group {row.group}" if self.group_labels and len(self.group_labels) > 1
                     else "")
            out.append(f"negative variance of {row.lhs} ({row.est:.3f}){where}")
        if self.lv_cov is not None:
            cov = self.lv_cov.to_numpy()
            sd = np.sqrt(np.clip(np.diag(cov), 0, None))
            with np.errstate(divide="ignore", invalid="ignore"):
                cor = cov / np.outer(sd, sd)
            names = list(self.lv_cov.index)
            for i in range(len(names)):
                for j in range(i):
                    if np.isfinite(cor[i, j]) and abs(cor[i, j]) > 1:
                        out.append(f"latent correlation of {names[j]} and {names[i]} beyond 1 "
                                   f"({cor[i, j]:.3f})")
        return out

    def to_dict(self) -> dict:
        """A JSON-ready summary (the parameter table as records, the fit measures)."""
        table = self.params.astype(object).where(self.params.notna(), None)
        fit = {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
               for k, v in self.fit.items()}
        return {"estimator": self.estimator.upper(), "parameterization": self.parameterization,
                "missing": self.stats.missing, "nobs": self.nobs,
                "groups": list(self.group_labels or ["1"]),
                "ordered": ordered_names(self.stats),
                "covariates": list(getattr(self.stats, "covariates", [])),
                "improper": self.improper(),
                "parameters": table.to_dict(orient="records"), "fit": fit,
                **_defined_records(self)}

    def summary(self) -> str:
        """A lavaan-like text summary: the estimation, the tests, the fit, the parameters."""
        f = self.fit
        lines = [f"craftwave {self.estimator.upper()} fit of ordered indicators "
                 f"({describe_variables(self.stats)})",
                 f"  Parameterization: {self.parameterization}    "
                 f"Missing: {self.stats.missing}    "
                 f"N used: {self.nobs}"
                 + (f" in {len(self.group_labels)} groups ({', '.join(self.group_labels)})"
                    if self.group_labels and len(self.group_labels) > 1 else ""),
                 *([f"  Given the covariates {', '.join(self.stats.covariates)} (lavaan's "
                    "conditional.x): thresholds, slopes, residual correlations"]
                   if getattr(self.stats, "covariates", None) else []),
                 f"  Test (standard): chi-square = {f['chisq']:.3f}, df = {f['df']}, "
                 + (f"p = {f['pvalue']:.3f}" if math.isfinite(f["pvalue"]) else
                    "no p-value (unweighted least squares, as lavaan)")]
        if "chisq_scaled" in f:
            lines.append(f"  Test (scaled and shifted): chi-square = {f['chisq_scaled']:.3f}, "
                         f"df = {f['df_scaled']}, p = {f['pvalue_scaled']:.3f} "
                         f"(scaling factor {f['chisq_scaling_factor']:.3f}, "
                         f"shift {f['chisq_shift_parameter']:.3f})")
            lines.append(f"  CFI (scaled) = {f['cfi_scaled']:.3f}, TLI (scaled) = "
                         f"{f['tli_scaled']:.3f}, RMSEA (scaled) = {f['rmsea_scaled']:.3f}, "
                         f"SRMR = {f['srmr']:.3f}")
            lines.append(robust_summary_line(f))
        else:
            lines.append(f"  CFI = {f['cfi']:.3f}, TLI = {f['tli']:.3f}, RMSEA = "
                         f"{f['rmsea']:.3f}, SRMR = {f['srmr']:.3f}")
        se_kind = "robust" if self.estimator in ROBUST else "standard"
        lines += ["", f"Parameter estimates ({se_kind} standard errors):",
                  self.params[["group", "lhs", "op", "rhs", "est", "se", "z", "pvalue",
                               "std_all"]]
                  .to_string(index=False, float_format=lambda v: f"{v:.3f}")]
        if self.model.defined:
            lines += ["", "Defined parameters (delta method):",
                      self.defined.to_string(index=False, float_format=lambda v: f"{v:.3f}")]
        return "\n".join(lines)


def _defined_records(res: OrdinalFit) -> dict:
    """``{"defined": [...]}`` for :meth:`OrdinalFit.to_dict` (nothing without ``:=`` lines)."""
    if not res.model.defined:
        return {}
    table = res.defined
    return {"defined": table.astype(object).where(table.notna(), None).to_dict(orient="records")}


def fit_ordinal(model: str, data: pd.DataFrame, *, ordered: bool | list[str] = True,
                estimator: str = "wlsmv", missing: str = "listwise", function: str = "cfa",
                std_lv: bool | None = None, group: str | None = None,
                parameterization: str = "delta", level: float = 0.95,
                group_equal: Sequence[str] = (), group_partial: Sequence[str] = ()
                ) -> OrdinalFit:
    """Fit lavaan syntax to ordered indicators by DWLS (WLSMV), as lavaan 0.6.

    Parameters
    ----------
    model : str
        lavaan model syntax, with thresholds (``x1 | t1 + t2``), scale factors (``~*~``),
        labels, group vectors ``c(...)`` and ``==`` as lavaan takes them.
    data : pandas.DataFrame
        The answers, one row per respondent.
    ordered : bool or list of str
        ``True`` (every observed variable of the model is ordered, but for the exogenous
        covariates of a MIMIC model, which stay numeric) or the list of them; the others are
        continuous (numbers), with polyserial correlations as lavaan
        (:mod:`~craftwave.analysis.sem.categorical.polyserial`). Continuous indicators and
        covariates together are not supported yet.
    estimator : {"wlsmv", "dwls", "ulsmv", "uls"}
        ``"wlsmv"`` and ``"dwls"`` weight by ``1 / diag(NACOV)``, ``"ulsmv"`` and ``"uls"`` by 1
        (unweighted least squares); the ``mv`` forms add robust SEs and the scaled-and-shifted
        test, the others keep lavaan's standard SEs and test (ULS reports no p-value for its
        standard statistic, as lavaan).
    missing : {"listwise", "pairwise"}
        lavaan's default for categorical data is listwise.
    function : {"cfa", "sem", "lavaan"}
        lavaan's function mode (defaults such as the fixed first loading).
    std_lv : bool, optional
        Identify factors by unit variances instead of fixed first loadings.
    group : str, optional
        Column with each row's group (groups in order of first appearance, as lavaan).
    parameterization : {"delta", "theta"}
        lavaan's: ``delta`` (latent responses of unit variance in the first group; scale
        factors ``~*~`` are parameters) or ``theta`` (residual variances of the latent
        responses are parameters, 1 unless the syntax frees them; scale factors follow).
    level : float
        Confidence level of the parameter intervals.
    group_equal, group_partial : sequence of str
        lavaan's ``group.equal`` (``thresholds``, ``loadings``, ``intercepts``, ...) and
        ``group.partial`` (``"y2 | t1"``, ``"f =~ y3"``, ...) with its rules for ordered
        indicators (:mod:`craftwave.analysis.sem.categorical.groupequal`).

    Returns
    -------
    OrdinalFit
    """
    est = str(estimator).lower()
    if est not in ESTIMATORS:
        raise ModelError(f"estimator for ordered indicators must be one of "
                         f"{', '.join(ESTIMATORS)}; got {estimator!r}")
    if parameterization not in ("delta", "theta"):
        raise ModelError(f"parameterization must be 'delta' or 'theta'; got {parameterization!r}")
    if group is not None and group not in data.columns:
        raise DataError(f"no group column {group!r} in the data")
    labels = ([str(v) for v in pd.unique(data[group].dropna())] if group is not None
              else ["1"])
    syntax, spec = split_ordinal_syntax(model)
    ge = ordinal_group_equal(group_equal, group_partial)
    cm = compile_model(syntax, n_groups=len(labels), meanstructure=True,
                       options=model_options(function, std_lv=std_lv),
                       group_equal=ge.model_kinds, group_partial=ge.model_partial)
    if cm.ov_x:                      # covariates: lavaan's conditional.x (its own module)
        if group_equal or group_partial:
            raise ModelError("not supported yet: group_equal with observed covariates and "
                             "ordered indicators (write the constraints in the syntax)")
        # imported here: conditional_fit builds on this module
        from craftwave.analysis.sem.categorical.conditional_fit import fit_conditional
        return fit_conditional(cm, spec, data, ordered=ordered, est=est, missing=missing,
                               group=group, labels=labels, parameterization=parameterization,
                               level=level)
    names = list(cm.ov_names)
    wanted = names if ordered is True else list(ordered or [])
    if cm.phantom:
        kinds = {v: "ordered" if v in wanted else "continuous" for v in cm.phantom}
        raise ModelError("not supported yet: regressions among observed variables with ordered "
                         "indicators (" + ", ".join(f"{v} ({k})" for v, k in kinds.items())
                         + "); regress on factors, or on exogenous covariates")
    continuous = [v for v in names if v not in wanted]
    if continuous and not [v for v in names if v in wanted]:
        raise ModelError("no ordered indicators in the model (ordered= names none of "
                         f"{', '.join(names)}); fit continuous indicators with craftwave.sem")
    check_defined(cm)                     # := lines: labels checked now, values after the fit
    unknown = sorted({i for i, _ in spec.thresholds} | set(spec.scales))
    unknown = [u for u in unknown if u not in names or u in continuous]
    if unknown:
        raise ModelError(f"thresholds or scale factors for {', '.join(unknown)}, which are not "
                         "ordered indicators of the model")
    if parameterization == "theta" and spec.scales:
        raise ModelError("scale factors (~*~) belong to the delta parameterization; under "
                         "theta write the residual variances (x ~~ c(1, NA)*x)")
    if continuous and (group_equal or group_partial):
        raise ModelError("not supported yet: group_equal with continuous and ordered "
                         "indicators together (write the constraints in the syntax)")
    cm = _delta_model(cm, parameterization, continuous)
    first = ordinal_stats if not continuous else partial(   # polyserial.py: mixed variables
        mixed_stats, ordered=[v for v in names if v not in continuous])
    if group is None:
        stats = [first(data, names, missing=missing)]
    else:
        rows = data[group].astype(str)
        stats = [first(data.loc[rows == lab], names, missing=missing) for lab in labels]
        _check_levels(stats, labels)
    cm, spec = ge.apply(cm, spec, names, [len(t) for t in stats[0].thresholds], len(labels),
                        parameterization)
    return _fit(cm, stats, labels, spec, est, level, parameterization)


def _weights(est: str, stats: OrdinalStats) -> np.ndarray:
    """The diagonal weights: DWLS's 1 / diag(NACOV), or ULS's ones."""
    if est in ("uls", "ulsmv"):
        return np.ones(len(stats.wls_obs))
    return 1.0 / np.diag(stats.nacov)


def _check_levels(stats: list[OrdinalStats], labels: list[str]) -> None:
    first = stats[0]
    for s, lab in zip(stats[1:], labels[1:], strict=True):
        for name, a, b in zip(first.names, first.levels, s.levels, strict=True):
            if len(a) != len(b) or not np.array_equal(a, b):
                raise DataError(f"{name} has categories {list(a)} in group {labels[0]} but "
                                f"{list(b)} in group {lab}; every group needs the same "
                                "observed categories")


def _delta_model(cm: CompiledModel, parameterization: str = "delta",
                 continuous: list[str] | tuple = ()) -> CompiledModel:
    """Ordered indicators' residual variances computed (delta) or 1 unless written (theta);
    their intercepts 0 unless written. Continuous indicators keep both free."""
    rows = [dataclasses.replace(r) for r in cm.rows]
    for r in rows:
        if r.lhs in continuous:
            continue
        if r.op == "~~" and r.lhs == r.rhs and r.mat == THETA:
            if parameterization == "delta":
                r.free, r.value, r.label, r.eq_key = -1, 0.0, "", ""
            elif not r.user:
                r.free, r.value, r.label, r.eq_key = -1, 1.0, "", ""
        elif r.op == "~1" and r.mat == NU and not r.user:
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


class _WeightedLeastSquares:
    """What every DWLS problem shares: the fit function and a check on its Jacobian.

    Subclasses set ``G``, ``s`` (sample statistics), ``w`` (weights), ``c`` (group factors),
    ``npar`` and ``sigma(x, g)``.
    """

    def numeric_jacobian(self, x: np.ndarray, g: int) -> np.ndarray:
        """Central differences (a check on :meth:`jacobian`)."""
        out = np.empty((len(self.s[g]), self.npar))
        for k in range(self.npar):
            h = 1e-6 * max(1.0, abs(x[k]))
            up, down = x.copy(), x.copy()
            up[k] += h
            down[k] -= h
            out[:, k] = (self.sigma(up, g) - self.sigma(down, g)) / (2 * h)
        return out

    def objective(self, x: np.ndarray) -> float:
        total = 0.0
        for g in range(self.G):
            r = self.s[g] - self.sigma(x, g)
            total += self.c[g] * float(np.sum(self.w[g] * r * r))
        return total


class _Problem(_WeightedLeastSquares):
    """sigma(x) of every group and its Jacobian, x = (model, thresholds, scale factors)."""

    def __init__(self, cm: CompiledModel, stats: list[OrdinalStats], spec,
                 parameterization: str = "delta", est: str = "wlsmv") -> None:
        p = cm.p
        self.theta_param = parameterization == "theta"
        self.cm, self.stats = cm, stats
        self.G = len(stats)
        self.ev = Evaluator(cm, [group_moments(s) for s in stats])
        self.num = numeric_mask(stats[0])            # continuous variables (polyserial.py)
        self.col_j, self.col_i = _pairs(p)
        counts = [len(t) for t in stats[0].thresholds]
        self.nth = int(sum(counts))
        self.nuni = self.nth + int(self.num.sum())   # thresholds and -means, then variances
        self.th_item = np.repeat(np.arange(p), counts)
        names = cm.ov_names
        self.continuous = {v for v, num in zip(names, self.num, strict=True) if num}
        th_slots = [(g, names[i], k + 1) for g in range(self.G) for i in range(p)
                    for k in range(counts[i])]
        th_start = np.concatenate([np.concatenate(s.thresholds) for s in stats])
        means_at_0 = {s: 0.0 for s, (_, v, _) in enumerate(th_slots) if v in self.continuous}
        self.tau = linear_map(th_slots, spec.thresholds, means_at_0, spec.equal, False, th_start)
        sc_slots = [(g, names[i], 0) for g in range(self.G) for i in range(p)]
        ones = {k: 1.0 for k in range(len(sc_slots))}
        self.scale = linear_map(sc_slots, spec.scales, ones, spec.equal, False,
                                np.ones(len(sc_slots)))
        self.nmod = cm.n_free
        self.ntau = self.tau.T.shape[1]
        self.npar = self.nmod + self.ntau + self.scale.T.shape[1]
        self.s = [s.wls_obs for s in stats]
        self.w = [_weights(est, s) for s in stats]
        self.c = np.array([s.n - 1.0 for s in stats])
        self.fg = np.array([s.n for s in stats], dtype=float) / sum(s.n for s in stats)

    def split(self, x: np.ndarray):
        a, b = self.nmod, self.nmod + self.ntau
        return x[:a], x[a:b], x[b:]

    def start(self) -> np.ndarray:
        moments = [group_moments(s) for s in self.stats]
        return np.concatenate([start_values(self.cm, moments), self.tau.start, self.scale.start])

    def pieces(self, x: np.ndarray, g: int) -> dict:
        """Implied thresholds and correlations of group g, and what the table needs."""
        theta, tau_free, sc_free = self.split(x)
        p, nth = self.cm.p, self.nth
        tau = (self.tau.T @ tau_free + self.tau.fixed)[g * nth:(g + 1) * nth]
        delta = (self.scale.T @ sc_free + self.scale.fixed)[g * p:(g + 1) * p]
        parts = self.ev.parts(theta, g)
        sig, mu = parts["Sigma"], parts["mu"]
        if self.theta_param:                  # the scale follows the latent-response variance
            with np.errstate(invalid="ignore", divide="ignore"):
                delta = np.where(self.num, 1.0, 1.0 / np.sqrt(np.diag(sig)))
        th = delta[self.th_item] * (tau - mu[self.th_item])
        cor = delta[self.col_i] * delta[self.col_j] * sig[self.col_i, self.col_j]
        return {"tau": tau, "delta": delta, "parts": parts, "th": th, "cor": cor,
                "var": np.diag(sig)[self.num]}

    def sigma(self, x: np.ndarray, g: int) -> np.ndarray:
        pc = self.pieces(x, g)
        return np.concatenate([pc["th"], pc["var"], pc["cor"]])

    def jacobian(self, x: np.ndarray, g: int) -> np.ndarray:
        """d sigma_g / d x, analytic: the model's row derivatives of Sigma* and mu*, chained
        through the scale factors, plus the threshold and scale-factor columns."""
        if self.theta_param:                  # the scale factors depend on every parameter
            return self.numeric_jacobian(x, g)
        theta, _, _ = self.split(x)
        pc = self.pieces(x, g)
        delta, tau, parts = pc["delta"], pc["tau"], pc["parts"]
        sig, mu = parts["Sigma"], parts["mu"]
        p, nth = self.cm.p, self.nth
        i, j, ti = self.col_i, self.col_j, self.th_item
        U, V, Dmu, pidx = self.ev.jacobian(theta, g)
        num = self.num
        rows = np.concatenate([-Dmu[:, ti] * delta[ti], 2.0 * U[:, num] * V[:, num],
                               (U[:, i] * V[:, j] + V[:, i] * U[:, j]) * (delta[i] * delta[j])],
                              axis=1)
        nuni = self.nuni
        model = np.zeros((self.nmod, nuni + len(i)))
        np.add.at(model, pidx, rows)
        d_th_tau = delta[ti][:, None] * self.tau.T[g * nth:(g + 1) * nth]
        d_delta = np.zeros((nuni + len(i), p))
        d_delta[np.arange(nth), ti] = tau - mu[ti]
        q = np.arange(len(i))
        d_delta[nuni + q, i] += delta[j] * sig[i, j]
        d_delta[nuni + q, j] += delta[i] * sig[i, j]
        out = np.zeros((nuni + len(i), self.npar))
        out[:, :self.nmod] = model.T
        out[:nth, self.nmod:self.nmod + self.ntau] = d_th_tau
        out[:, self.nmod + self.ntau:] = d_delta @ self.scale.T[g * p:(g + 1) * p]
        return out


def _solve(prob: _Problem, x: np.ndarray, tol: float = 1e-10, max_iter: int = 200
           ) -> tuple[np.ndarray, bool]:
    """Gauss-Newton with step halving on the weighted least-squares objective."""
    f = prob.objective(x)
    for _ in range(max_iter):
        H = np.zeros((prob.npar, prob.npar))
        grad = np.zeros(prob.npar)
        for g in range(prob.G):
            r = prob.s[g] - prob.sigma(x, g)
            D = prob.jacobian(x, g)
            WD = D * (prob.c[g] * prob.w[g])[:, None]
            H += D.T @ WD
            grad += WD.T @ r
        try:
            step = np.linalg.solve(H, grad)
        except np.linalg.LinAlgError as exc:
            raise ModelError("the model is not identified: the DWLS information matrix is "
                             "singular") from exc
        t = 1.0
        while t > 1e-10:
            cand = x + t * step
            fc = prob.objective(cand)
            if np.isfinite(fc) and fc <= f + 1e-14 * max(1.0, f):
                break
            t *= 0.5
        else:
            return x, False
        x, f_old, f = cand, f, fc
        if np.max(np.abs(t * step)) < tol or abs(f_old - f) < 1e-16 * max(1.0, f):
            return x, True
    return x, False


def _estimate(prob, est: str) -> tuple[np.ndarray, list[np.ndarray], np.ndarray]:
    """Estimates, Jacobians and their covariance matrix for any problem with ``s``, ``w``,
    ``c``, ``fg``, ``stats``, ``jacobian`` and ``objective`` (this module's and
    :mod:`.conditional_fit`'s): robust (sandwich) for the ``mv`` estimators, else standard.

    lavaan's vcov divides by ``N - G`` and weights the groups ``N_g / N``."""
    x, converged = _solve(prob, prob.start())
    if not converged:
        warnings.warn("the DWLS estimates did not converge", ConvergenceWarning, stacklevel=4)
    Ds = [prob.jacobian(x, g) for g in range(prob.G)]
    wv = prob.fg * prob.c.sum()
    H = sum(wv[g] * (Ds[g].T * prob.w[g]) @ Ds[g] for g in range(prob.G))
    try:
        H_inv = np.linalg.inv(H)
    except np.linalg.LinAlgError as exc:
        raise ModelError("the model is not identified: the DWLS information matrix is "
                         "singular") from exc
    if est not in ROBUST:                    # DWLS, ULS: lavaan's default se = "standard"
        return x, Ds, H_inv
    M = sum(wv[g] * (Ds[g].T * prob.w[g]) @ prob.stats[g].nacov @ (Ds[g] * prob.w[g][:, None])
            for g in range(prob.G))          # se = "robust.sem"
    return x, Ds, H_inv @ M @ H_inv


def _fit(cm: CompiledModel, stats: list[OrdinalStats], labels: list[str], spec, est: str,
         level: float, parameterization: str = "delta") -> OrdinalFit:
    # Every step works on matrices of a few hundred rows at most: BLAS threads only add
    # hand-offs (and stall badly on a busy machine), so the fit runs on one.
    with threadpool_limits(limits=1, user_api="blas"):
        return _fit_one_thread(cm, stats, labels, spec, est, level, parameterization)


def _fit_one_thread(cm: CompiledModel, stats: list[OrdinalStats], labels: list[str], spec,
                    est: str, level: float, parameterization: str = "delta") -> OrdinalFit:
    prob = _Problem(cm, stats, spec, parameterization, est)
    x, Ds, vcov = _estimate(prob, est)
    chisq = prob.objective(x)
    ndat = sum(len(s) for s in prob.s)
    df = ndat - prob.npar
    fit = _fit_measures(chisq, df, Ds, prob, x)
    if est in ROBUST:                        # lavaan's robust CFI/TLI/RMSEA (Savalei's catML)
        fit.update(robust_from_problem(prob, x, Ds, df, fit["baseline_df"]))
    if est not in ROBUST:                    # lavaan's DWLS and ULS: test = "standard" only
        fit = {k: v for k, v in fit.items() if "scaled" not in k and "shift" not in k}
    if est in ("uls", "ulsmv"):              # lavaan gives no p-value for the ULS statistic
        fit["pvalue"] = float("nan")
        fit["baseline_pvalue"] = float("nan")
    table = _table(prob, x, vcov, labels, level)
    parts = prob.pieces(x, 0)["parts"]
    lv_cov = pd.DataFrame(parts["A"] @ parts["Psi"] @ parts["A"].T, index=cm.eta_names,
                          columns=cm.eta_names)
    return OrdinalFit(params=table, fit=fit, stats=stats[0], estimator=est, model=cm,
                      theta=x, vcov=vcov, lv_cov=lv_cov, group_stats=stats,
                      group_labels=labels, jacobians=Ds, weights=prob.w,
                      parameterization=parameterization, problem=prob)


def _ug(Ws: list[np.ndarray], Ds: list[np.ndarray] | None, gammas: list[np.ndarray],
        fg: np.ndarray) -> np.ndarray:
    """U Gamma over the stacked groups, lavaan's way (weights N_g / N)."""
    W = np.concatenate([f * w for f, w in zip(fg, Ws, strict=True)])
    gamma = block_diag(*[gm / f for gm, f in zip(gammas, fg, strict=True)])
    WG = gamma * W[:, None]
    if Ds is None:
        return WG
    D = np.vstack(Ds)
    WD = D * W[:, None]
    return WG - WD @ np.linalg.solve(D.T @ WD, WD.T @ gamma)


def _scaled_shifted(chisq: float, df: float, UG: np.ndarray) -> tuple[float, float, float]:
    """lavaan's scaled-and-shifted statistic: (statistic, scaling factor 1/a, shift)."""
    tr1 = float(np.trace(UG))
    tr2 = float(np.sum(UG * UG.T))
    if df <= 0:                  # saturated: lavaan keeps the statistic, no scaling
        return float(chisq), float("nan"), float("nan")
    if tr2 <= 0:
        return float("nan"), float("nan"), float("nan")
    a = math.sqrt(df / tr2)
    shift = df - a * tr1
    return a * chisq + shift, 1.0 / a, shift


def _fit_measures(chisq: float, df: int, Ds: list[np.ndarray], prob: _Problem,
                  x: np.ndarray) -> dict:
    stats = prob.stats
    n = sum(s.n for s in stats)
    G = prob.G
    gammas = [s.nacov for s in stats]
    chisq_s, scale, shift = _scaled_shifted(chisq, df, _ug(prob.w, Ds, gammas, prob.fg))
    # thresholds, -means and variances (with covariates: thresholds and slopes): fitted exactly
    nth = prob.n_uni if hasattr(prob, "n_uni") else prob.nuni
    base = float(sum(prob.c[g] * np.sum(prob.w[g][nth:] * prob.s[g][nth:] ** 2)
                     for g in range(G)))
    base_df = sum(len(s) - nth for s in prob.s)
    UG_b = _ug([w[nth:] for w in prob.w], None, [gm[nth:, nth:] for gm in gammas], prob.fg)
    base_s, base_scale, _ = _scaled_shifted(base, base_df, UG_b)
    p = stats[0].cor.shape[0]
    srmr = 0.0
    for g in range(G):
        resid = (prob.s[g][nth:] - prob.sigma(x, g)[nth:]) * pair_scale(stats[g])
        srmr += prob.fg[g] * math.sqrt(float(np.sum(resid * resid)) / (p * (p + 1) / 2))
    n_rmsea = n - G
    out = {
        "npar": prob.npar, "nobs": n, "fmin": 0.5 * chisq / n,
        "chisq": chisq, "df": df, "pvalue": fm.chisq_pvalue(chisq, df),
        "chisq_scaled": chisq_s, "df_scaled": df,
        "pvalue_scaled": fm.chisq_pvalue(chisq_s, df),
        "chisq_scaling_factor": scale, "chisq_shift_parameter": shift,
        "baseline_chisq": base, "baseline_df": base_df,
        "baseline_pvalue": fm.chisq_pvalue(base, base_df),
        "baseline_chisq_scaled": base_s, "baseline_df_scaled": base_df,
        "baseline_pvalue_scaled": fm.chisq_pvalue(base_s, base_df),
        "baseline_chisq_scaling_factor": base_scale,
        "cfi": fm.cfi(chisq, df, base, base_df), "tli": fm.tli(chisq, df, base, base_df),
        "cfi_scaled": fm.cfi(chisq_s, df, base_s, base_df),
        "tli_scaled": fm.tli(chisq_s, df, base_s, base_df),
        "rmsea": fm.rmsea(chisq, df, n_rmsea, G),
        "rmsea_scaled": fm.rmsea(chisq_s, df, n_rmsea, G),
        "srmr": srmr,
    }
    lo, hi = fm.rmsea_ci(chisq, df, n_rmsea, G)
    out["rmsea_ci_lower"], out["rmsea_ci_upper"] = lo, hi
    lo, hi = fm.rmsea_ci(chisq_s, df, n_rmsea, G)
    out["rmsea_ci_lower_scaled"], out["rmsea_ci_upper_scaled"] = lo, hi
    return out


def _table(prob: _Problem, x: np.ndarray, vcov: np.ndarray, labels: list[str],
           level: float) -> pd.DataFrame:
    cm = prob.cm
    theta, _, _ = prob.split(x)
    se_model = np.sqrt(np.clip(np.diag(vcov)[:prob.nmod], 0, None))
    a, b = prob.nmod, prob.nmod + prob.ntau
    tau_se_all = np.sqrt(np.clip(np.diag(prob.tau.T @ vcov[a:b, a:b] @ prob.tau.T.T), 0, None))
    sc_se_all = np.sqrt(np.clip(np.diag(prob.scale.T @ vcov[b:, b:] @ prob.scale.T.T), 0, None))
    zq = sps.norm.ppf(0.5 + level / 2)
    eta_i = {v: i for i, v in enumerate(cm.eta_names)}
    ov_i = {v: i for i, v in enumerate(cm.ov_names)}
    rows = []
    p, nth = cm.p, prob.nth

    def add(g, lhs, op, rhs, est, se, std):
        if se is None or not se > 1e-12:
            z = pv = np.nan
            lo = hi = est
            se_v = 0.0
        else:
            z = est / se
            pv = 2 * sps.norm.sf(abs(z))
            lo, hi, se_v = est - zq * se, est + zq * se, se
        rows.append({"group": g + 1, "lhs": lhs, "op": op, "rhs": rhs, "est": est, "se": se_v,
                     "z": z, "pvalue": pv, "ci_lower": lo, "ci_upper": hi, "std_all": std})

    for g in range(prob.G):
        pc = prob.pieces(x, g)
        parts, delta, tau = pc["parts"], pc["delta"], pc["tau"]
        explained = np.diag(parts["Sigma"]) - np.diag(parts["Theta"])
        resid = np.where(prob.num, np.diag(parts["Theta"]), 1.0 / delta**2 - explained)
        inv_sd = np.where(prob.num, 1.0 / np.sqrt(np.diag(parts["Sigma"])), delta)
        lv_sd = np.sqrt(np.clip(np.diag(parts["A"] @ parts["Psi"] @ parts["A"].T), 0, None))
        model_rows = [r for r in cm.rows if r.group == g and r.mat >= 0]

        def value(r):
            return float(theta[r.free]) if r.free >= 0 else float(r.value)

        def se_of(r):
            return se_model[r.free] if r.free >= 0 else None

        for r in model_rows:
            if r.op == "=~":
                est = value(r)
                add(g, r.lhs, r.op, r.rhs, est, se_of(r),
                    est * lv_sd[eta_i[r.lhs]] * inv_sd[ov_i[r.rhs]])
        for i, name in enumerate(cm.ov_names):
            for k in np.flatnonzero(prob.th_item == i) if not prob.num[i] else ():
                slot = g * nth + k
                t = int(k - np.flatnonzero(prob.th_item == i)[0]) + 1
                add(g, name, "|", f"t{t}", float(tau[k]), tau_se_all[slot],
                    float(tau[k]) * delta[i])
        for r in model_rows:
            if r.op != "~~":
                continue
            if r.mat == THETA and r.lhs == r.rhs:
                i = ov_i[r.lhs]
                if prob.theta_param or prob.num[i]:   # a parameter (theta: 1 unless freed)
                    add(g, r.lhs, r.op, r.rhs, value(r), se_of(r),
                        float(value(r) * inv_sd[i] ** 2))
                else:
                    add(g, r.lhs, r.op, r.rhs, float(resid[i]), None,
                        float(resid[i] * delta[i] ** 2))
                continue
            est = value(r)
            if r.mat == PSI and r.lhs == r.rhs:
                sd = lv_sd[eta_i[r.lhs]]
                std = est / sd**2 if sd > 0 else np.nan
            elif r.mat == PSI:              # (residual) covariance over (residual) variances
                psi = parts["Psi"]
                va, vb = psi[eta_i[r.lhs], eta_i[r.lhs]], psi[eta_i[r.rhs], eta_i[r.rhs]]
                std = est / math.sqrt(va * vb) if va > 0 and vb > 0 else np.nan
            else:
                ra, rb = resid[ov_i[r.lhs]], resid[ov_i[r.rhs]]
                std = est / math.sqrt(ra * rb) if ra > 0 and rb > 0 else np.nan
            add(g, r.lhs, r.op, r.rhs, est, se_of(r), std)
        for i, name in enumerate(cm.ov_names):
            if prob.num[i]:
                continue
            slot = g * p + i
            add(g, name, "~*~", name, float(delta[i]),
                None if prob.theta_param else sc_se_all[slot], 1.0)
        for r in model_rows:
            if r.op in ("=~", "~~"):
                continue
            est = value(r)
            std = np.nan
            if r.op == "~" and lv_sd[eta_i[r.lhs]] > 0:
                std = est * lv_sd[eta_i[r.rhs]] / lv_sd[eta_i[r.lhs]]
            elif r.op == "~1" and r.mat == NU:
                std = est * inv_sd[ov_i[r.lhs]]
            elif r.op == "~1" and r.mat == ALPHA:
                sd = lv_sd[eta_i[r.lhs]]
                std = est / sd if sd > 0 else np.nan
            add(g, r.lhs, r.op, r.rhs, est, se_of(r), std)
    return pd.DataFrame(rows)
