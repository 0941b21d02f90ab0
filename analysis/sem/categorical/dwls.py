"""WLSMV for ordered indicators, as lavaan 0.6: DWLS on thresholds and polychorics, robust SEs,
and the mean-and-variance adjusted ("scaled and shifted") test.

The model is compiled by the continuous engine (same syntax, same defaults, same parameter
table) and then read in the delta parameterisation: the latent responses have unit variance, so
an ordered indicator's residual variance is not a parameter but ``1 - (Lambda Psi Lambda')_ii``,
and its model-implied thresholds are its threshold parameters. The fit minimises

    F = (s - sigma(theta))' W (s - sigma(theta)),    W = diag(1 / diag(NACOV)),

over thresholds and model parameters, where s holds the sample thresholds and polychoric
correlations. Because F is a weighted sum of squares, Gauss-Newton with the exact Jacobian
converges in a handful of steps from the usual start values. Then, with Delta the Jacobian at
the solution and Gamma = NACOV:

- robust SEs: ``(D'WD)^-1 D'W Gamma W D (D'WD)^-1 / (N - 1)`` (lavaan's (N-1)/N fmin factor);
- the test: ``T = (N - 1) F`` (lavaan's 2 N fmin), and with ``U = W - W D (D'WD)^-1 D' W``,
  ``a = sqrt(df / tr((U Gamma)^2))``, ``T_scaled = a T + df - a tr(U Gamma)``;
- the baseline (independence) model fits the thresholds exactly and every correlation at 0.

Thresholds may be written as lavaan does (``x1 | a*t1 + t2 + 0*t3``): a shared label or
``a == b`` makes thresholds equal, a number fixes one. Not yet: several groups, exogenous
covariates, continuous and ordered indicators together, the theta parameterisation.
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats as sps

from craftwave.analysis.errors import ConvergenceWarning, ModelError
from craftwave.analysis.sem import fitmeasures as fm
from craftwave.analysis.sem.categorical.polychoric import OrdinalStats, _pairs, ordinal_stats
from craftwave.analysis.sem.categorical.thresholds import split_threshold_syntax, threshold_map
from craftwave.analysis.sem.estimation import Evaluator
from craftwave.analysis.sem.options import model_options
from craftwave.analysis.sem.samplestats import GroupMoments
from craftwave.analysis.sem.specification import PSI, THETA, CompiledModel, compile_model
from craftwave.analysis.sem.starts import start_values

__all__ = ["OrdinalFit", "fit_ordinal"]

ESTIMATORS = ("wlsmv", "dwls")


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


    @property
    def nobs(self) -> int:
        return self.stats.n

    def to_dict(self) -> dict:
        """A JSON-ready summary (the parameter table as records, the fit measures)."""
        table = self.params.astype(object).where(self.params.notna(), None)
        fit = {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
               for k, v in self.fit.items()}
        return {"estimator": self.estimator.upper(), "parameterization": "delta",
                "missing": self.stats.missing, "nobs": self.nobs,
                "ordered": list(self.stats.names),
                "parameters": table.to_dict(orient="records"), "fit": fit}

    def summary(self) -> str:
        """A lavaan-like text summary: the estimation, the tests, the fit, the parameters."""
        f = self.fit
        lines = [f"craftwave {self.estimator.upper()} fit of ordered indicators "
                 f"({', '.join(self.stats.names)})",
                 f"  Parameterization: delta    Missing: {self.stats.missing}    "
                 f"N used: {self.nobs}",
                 f"  Test (standard): chi-square = {f['chisq']:.3f}, df = {f['df']}, "
                 f"p = {f['pvalue']:.3f}"]
        if "chisq_scaled" in f:
            lines.append(f"  Test (scaled and shifted): chi-square = {f['chisq_scaled']:.3f}, "
                         f"df = {f['df_scaled']}, p = {f['pvalue_scaled']:.3f} "
                         f"(scaling factor {f['chisq_scaling_factor']:.3f}, "
                         f"shift {f['chisq_shift_parameter']:.3f})")
            lines.append(f"  CFI (scaled) = {f['cfi_scaled']:.3f}, TLI (scaled) = "
                         f"{f['tli_scaled']:.3f}, RMSEA (scaled) = {f['rmsea_scaled']:.3f}, "
                         f"SRMR = {f['srmr']:.3f}")
        else:
            lines.append(f"  CFI = {f['cfi']:.3f}, TLI = {f['tli']:.3f}, RMSEA = "
                         f"{f['rmsea']:.3f}, SRMR = {f['srmr']:.3f}")
        se_kind = "robust" if self.estimator == "wlsmv" else "standard"
        lines += ["", f"Parameter estimates ({se_kind} standard errors):",
                  self.params[["lhs", "op", "rhs", "est", "se", "z", "pvalue", "std_all"]]
                  .to_string(index=False, float_format=lambda v: f"{v:.3f}")]
        return "\n".join(lines)


def fit_ordinal(model: str, data: pd.DataFrame, *, ordered: bool | list[str] = True,
                estimator: str = "wlsmv", missing: str = "listwise", function: str = "cfa",
                std_lv: bool | None = None, parameterization: str = "delta",
                level: float = 0.95) -> OrdinalFit:
    """Fit lavaan syntax to ordered indicators by DWLS (WLSMV), as lavaan 0.6.

    Parameters
    ----------
    model : str
        lavaan model syntax.
    data : pandas.DataFrame
        The answers, one row per respondent.
    ordered : bool or list of str
        ``True`` (every observed variable of the model is ordered) or the list of them; today
        every observed variable must be ordered.
    estimator : {"wlsmv", "dwls"}
        Both estimate by DWLS with robust SEs; ``"wlsmv"`` adds the scaled-and-shifted test.
    missing : {"listwise", "pairwise"}
        lavaan's default for categorical data is listwise.
    function : {"cfa", "sem", "lavaan"}
        lavaan's function mode (defaults such as the fixed first loading).
    std_lv : bool, optional
        Identify factors by unit variances instead of fixed first loadings.
    parameterization : {"delta"}
        The theta parameterisation is not built yet.
    level : float
        Confidence level of the parameter intervals.

    Returns
    -------
    OrdinalFit
    """
    est = str(estimator).lower()
    if est not in ESTIMATORS:
        raise ModelError(f"estimator for ordered indicators must be one of "
                         f"{', '.join(ESTIMATORS)}; got {estimator!r}")
    if parameterization != "delta":
        raise ModelError(f"not supported yet: the {parameterization!r} parameterization "
                         "(only 'delta')")
    syntax, specs, equal = split_threshold_syntax(model)
    cm = compile_model(syntax, meanstructure=False,
                       options=model_options(function, std_lv=std_lv))
    if cm.ov_x:
        raise ModelError("not supported yet: observed exogenous covariates with ordered "
                         f"indicators ({', '.join(cm.ov_x)})")
    if cm.phantom:
        raise ModelError("not supported yet: regressions on observed ordered variables "
                         f"({', '.join(cm.phantom)})")
    names = list(cm.ov_names)
    wanted = names if ordered is True else list(ordered or [])
    continuous = [v for v in names if v not in wanted]
    if continuous:
        raise ModelError("not supported yet: continuous and ordered indicators in one model "
                         f"(not ordered: {', '.join(continuous)})")
    if any(r.op == "~1" for r in cm.rows) or cm.defined:
        raise ModelError("not supported yet: intercepts or defined parameters with ordered "
                         "indicators")
    cm = _delta_model(cm)
    stats = ordinal_stats(data, names, missing=missing)
    thresholds = threshold_map(names, [len(t) for t in stats.thresholds], specs, equal,
                               np.concatenate(stats.thresholds))
    return _fit(cm, stats, est, level, thresholds)


def _delta_model(cm: CompiledModel) -> CompiledModel:
    """The compiled model with ordered indicators' residual variances no longer free."""
    rows = [dataclasses.replace(r) for r in cm.rows]
    for r in rows:
        if r.op == "~~" and r.lhs == r.rhs and r.mat == THETA:
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
    if not old_to_new:
        raise ModelError("the model has no free parameter")
    return dataclasses.replace(cm, rows=rows, n_free=len(old_to_new), free_labels=labels)


class _Problem:
    """sigma(theta) and its Jacobian for thresholds and correlations (delta parameterisation)."""

    def __init__(self, cm: CompiledModel, stats: OrdinalStats, thresholds: tuple) -> None:
        p = cm.p
        self.cm = cm
        self.ev = Evaluator(cm, [GroupMoments(n=float(stats.n), S=stats.cor, ybar=np.zeros(p))])
        self.col_j, self.col_i = _pairs(p)
        self.nth = int(sum(len(t) for t in stats.thresholds))
        self.T, self.tau_fixed, self.tau_labels, self.tau_start = thresholds
        self.nmod = cm.n_free
        self.npar = self.nmod + self.T.shape[1]
        self.s = stats.wls_obs
        self.w = 1.0 / np.diag(stats.nacov)

    def split(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return x[:self.nmod], x[self.nmod:]

    def thresholds(self, x: np.ndarray) -> np.ndarray:
        """Every item's thresholds at x (free ones mapped, fixed ones filled in)."""
        return self.T @ self.split(x)[1] + self.tau_fixed

    def sigma(self, x: np.ndarray) -> np.ndarray:
        theta, _ = self.split(x)
        S = self.ev.parts(theta, 0)["Sigma"]
        return np.concatenate([self.thresholds(x), S[self.col_i, self.col_j]])

    def jacobian(self, x: np.ndarray) -> np.ndarray:
        theta, _ = self.split(x)
        U, V, _, pidx = self.ev.jacobian(theta, 0)
        i, j = self.col_i, self.col_j
        rows = U[:, i] * V[:, j] + V[:, i] * U[:, j]                  # (free rows, pairs)
        dcor = np.zeros((self.nmod, len(i)))
        np.add.at(dcor, pidx, rows)
        out = np.zeros((self.nth + len(i), self.npar))
        out[:self.nth, self.nmod:] = self.T
        out[self.nth:, :self.nmod] = dcor.T
        return out

    def objective(self, x: np.ndarray) -> float:
        r = self.s - self.sigma(x)
        return float(np.sum(self.w * r * r))


def _solve(prob: _Problem, x: np.ndarray, tol: float = 1e-10, max_iter: int = 200
           ) -> tuple[np.ndarray, bool]:
    """Gauss-Newton with step halving on the weighted least-squares objective."""
    f = prob.objective(x)
    for _ in range(max_iter):
        r = prob.s - prob.sigma(x)
        D = prob.jacobian(x)
        WD = D * prob.w[:, None]
        H = D.T @ WD
        g = WD.T @ r
        try:
            step = np.linalg.solve(H, g)
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


def _fit(cm: CompiledModel, stats: OrdinalStats, est: str, level: float,
         thresholds: tuple) -> OrdinalFit:
    prob = _Problem(cm, stats, thresholds)
    start_theta = start_values(cm, [GroupMoments(n=float(stats.n), S=stats.cor,
                                                 ybar=np.zeros(cm.p))])
    x0 = np.concatenate([start_theta, prob.tau_start])
    x, converged = _solve(prob, x0)
    if not converged:
        warnings.warn("the DWLS estimates did not converge", ConvergenceWarning, stacklevel=3)
    n = stats.n
    D = prob.jacobian(x)
    W = prob.w
    WD = D * W[:, None]
    H_inv = np.linalg.inv(D.T @ WD)
    gamma = stats.nacov
    if est == "wlsmv":                       # se = "robust.sem"
        vcov = H_inv @ (WD.T @ gamma @ WD) @ H_inv / (n - 1)    # lavaan's (N - 1)/N factor
    else:                                    # DWLS: lavaan's default se = "standard"
        vcov = H_inv / (n - 1)
    chisq = (n - 1) * prob.objective(x)          # lavaan: 2 N fmin, fmin = (N-1)/(2N) F
    df = len(prob.s) - prob.npar
    # U Gamma = W Gamma - W D H^-1 D' W Gamma
    WG = gamma * W[:, None]
    UG = WG - WD @ (H_inv @ (WD.T @ gamma))
    fit = _fit_measures(chisq, df, UG, stats, prob, x, n)
    if est == "dwls":                        # lavaan's DWLS: test = "standard" only
        fit = {k: v for k, v in fit.items() if "scaled" not in k and "shift" not in k}
    table = _table(cm, stats, x, vcov, prob, level)
    parts = prob.ev.parts(prob.split(x)[0], 0)
    lv_cov = pd.DataFrame(parts["A"] @ parts["Psi"] @ parts["A"].T, index=cm.eta_names,
                          columns=cm.eta_names)
    return OrdinalFit(params=table, fit=fit, stats=stats, estimator=est, model=cm,
                      theta=x, vcov=vcov, lv_cov=lv_cov)


def _scaled_shifted(chisq: float, df: float, UG: np.ndarray) -> tuple[float, float, float]:
    """lavaan's scaled-and-shifted statistic: (statistic, scaling factor 1/a, shift)."""
    tr1 = float(np.trace(UG))
    tr2 = float(np.sum(UG * UG.T))
    if df <= 0 or tr2 <= 0:
        return float("nan"), float("nan"), float("nan")
    a = math.sqrt(df / tr2)
    shift = df - a * tr1
    return a * chisq + shift, 1.0 / a, shift


def _fit_measures(chisq: float, df: int, UG: np.ndarray, stats: OrdinalStats,
                  prob: _Problem, x: np.ndarray, n: int) -> dict:
    chisq_s, scale, shift = _scaled_shifted(chisq, df, UG)
    nth = prob.nth
    r = prob.s[nth:]
    w = prob.w[nth:]
    base = float((n - 1) * np.sum(w * r * r))
    base_df = len(r)
    gamma_c = stats.nacov[nth:, nth:]
    UG_b = gamma_c * w[:, None]
    base_s, base_scale, base_shift = _scaled_shifted(base, base_df, UG_b)
    resid = prob.s[nth:] - prob.sigma(x)[nth:]
    p = stats.cor.shape[0]
    srmr = math.sqrt(float(np.sum(resid * resid)) / (p * (p + 1) / 2))
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
        "rmsea": fm.rmsea(chisq, df, n - 1, 1),
        "rmsea_scaled": fm.rmsea(chisq_s, df, n - 1, 1),
        "srmr": srmr,
    }
    lo, hi = fm.rmsea_ci(chisq, df, n - 1, 1)
    out["rmsea_ci_lower"], out["rmsea_ci_upper"] = lo, hi
    lo, hi = fm.rmsea_ci(chisq_s, df, n - 1, 1)
    out["rmsea_ci_lower_scaled"], out["rmsea_ci_upper_scaled"] = lo, hi
    return out


def _table(cm: CompiledModel, stats: OrdinalStats, x: np.ndarray, vcov: np.ndarray,
           prob: _Problem, level: float) -> pd.DataFrame:
    theta, _ = prob.split(x)
    tau = prob.thresholds(x)
    tau_se = np.sqrt(np.clip(np.diag(prob.T @ vcov[prob.nmod:, prob.nmod:] @ prob.T.T), 0, None))
    parts = prob.ev.parts(theta, 0)
    Ps, Sigma = parts["Psi"], parts["Sigma"]
    explained = np.diag(Sigma) - np.diag(parts["Theta"])
    lv_sd = np.sqrt(np.clip(np.diag(parts["A"] @ Ps @ parts["A"].T), 0, None))
    eta_i = {v: i for i, v in enumerate(cm.eta_names)}
    ov_i = {v: i for i, v in enumerate(cm.ov_names)}
    se_all = np.sqrt(np.clip(np.diag(vcov), 0, None))
    zq = sps.norm.ppf(0.5 + level / 2)
    rows = []

    def add(lhs, op, rhs, est, se, std):
        if se is None or se == 0:
            z = p = lo = hi = np.nan
            se_v = 0.0
            lo = hi = est
        else:
            z = est / se
            p = 2 * sps.norm.sf(abs(z))
            lo, hi, se_v = est - zq * se, est + zq * se, se
        rows.append({"lhs": lhs, "op": op, "rhs": rhs, "est": est, "se": se_v, "z": z,
                     "pvalue": p, "ci_lower": lo, "ci_upper": hi, "std_all": std})

    def value(row):
        return float(theta[row.free]) if row.free >= 0 else float(row.value)

    model_rows = [r for r in cm.rows if r.group == 0 and r.mat >= 0]
    for r in model_rows:
        if r.op != "=~":
            continue
        est = value(r)
        se = se_all[r.free] if r.free >= 0 else None
        add(r.lhs, r.op, r.rhs, est, se, est * lv_sd[eta_i[r.lhs]])
    k = 0
    for name, th in zip(stats.names, stats.thresholds, strict=True):
        for t in range(len(th)):
            add(name, "|", f"t{t + 1}", float(tau[k]), tau_se[k] or None, float(tau[k]))
            k += 1
    for r in model_rows:
        if r.op != "~~":
            continue
        if r.mat == THETA and r.lhs == r.rhs:
            i = ov_i[r.lhs]
            resid = 1.0 - explained[i]
            add(r.lhs, r.op, r.rhs, resid, None, resid)
            continue
        est = value(r)
        se = se_all[r.free] if r.free >= 0 else None
        if r.mat == PSI:
            a, b = eta_i[r.lhs], eta_i[r.rhs]
            std = est / (lv_sd[a] * lv_sd[b]) if lv_sd[a] * lv_sd[b] > 0 else np.nan
        else:
            a, b = ov_i[r.lhs], ov_i[r.rhs]
            ra, rb = 1.0 - explained[a], 1.0 - explained[b]
            std = est / math.sqrt(ra * rb) if ra > 0 and rb > 0 else np.nan
        add(r.lhs, r.op, r.rhs, est, se, std)
    for r in model_rows:
        if r.op in ("=~", "~~"):
            continue
        est = value(r)
        se = se_all[r.free] if r.free >= 0 else None
        std = np.nan
        if r.op == "~" and r.lhs in eta_i and r.rhs in eta_i and lv_sd[eta_i[r.lhs]] > 0:
            std = est * lv_sd[eta_i[r.rhs]] / lv_sd[eta_i[r.lhs]]
        add(r.lhs, r.op, r.rhs, est, se, std)
    return pd.DataFrame(rows)
