"""The result of an SEM fit: parameter table, defined parameters, fit measures, summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.sem.fitextra import EXTRA_KEYS
from craftwave.analysis.sem.outputs import predict as _predict
from craftwave.analysis.sem.outputs import residuals as _residuals
from craftwave.analysis.sem.outputs import rsquare as _rsquare
from craftwave.analysis.sem.outputs import standardized_solution as _standardized_solution

__all__ = ["SEMResult", "FIT_KEYS", "ROBUST_KEYS"]

# JSON fit keys: lavaan's fitMeasures names with '.' written '_' (plus the older craftwave
# keys loglik, unrestricted_loglik, scaling_factor and baseline_scaling_factor, kept)
FIT_KEYS = ("npar", "ntotal", "chisq", "df", "pvalue", "baseline_chisq", "baseline_df",
            "baseline_pvalue", "cfi", "tli", "logl", "unrestricted_logl", "aic", "bic",
            "rmsea", "rmsea_ci_lower", "rmsea_ci_upper", "srmr",
            "loglik", "unrestricted_loglik")
ROBUST_KEYS = ("chisq_scaled", "df_scaled", "pvalue_scaled", "chisq_scaling_factor",
               "baseline_chisq_scaled", "baseline_df_scaled", "baseline_pvalue_scaled",
               "baseline_chisq_scaling_factor", "cfi_scaled", "tli_scaled", "cfi_robust",
               "tli_robust", "rmsea_scaled", "rmsea_ci_lower_scaled", "rmsea_ci_upper_scaled",
               "rmsea_robust", "rmsea_ci_lower_robust", "rmsea_ci_upper_robust",
               "scaling_factor", "baseline_scaling_factor")
# the scaled test of each robust estimator (lavaan's test names) and how the summary calls it
SCALED_TESTS = {"MLR": "yuan.bentler.mplus", "MLM": "satorra.bentler", "MLMV": "scaled.shifted"}
# lavaan's se= name of each estimator's standard errors (the JSON's "se")
SE_NAMES = {"MLR": "robust.huber.white", "MLM": "robust.sem", "MLMV": "robust.sem"}
SCALED_LABELS = {"MLR": "Yuan-Bentler", "MLM": "Satorra-Bentler",
                 "MLMV": "scaled and shifted"}
PARAM_COLUMNS = ["lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue", "ci_lower",
                 "ci_upper", "std_all"]


@dataclass
class SEMResult:
    """A fitted structural equation model.

    Attributes
    ----------
    params : pandas.DataFrame
        One row per parameter in lavaan's orientation: ``lhs op rhs group label est se z pvalue
        ci_lower ci_upper std_all`` (fixed parameters have ``se`` 0 and no ``z``).
    defined : pandas.DataFrame
        Defined parameters (``:=``): ``name expression est se z pvalue ci_lower ci_upper
        std_all``, delta-method standard errors.
    fit_measures : dict
        lavaan's fit measures (see ``FIT_KEYS``; ``ROBUST_KEYS`` too for MLR).
    converged, n_obs, estimator, missing, group_labels
        How the model was fitted.
    theta, vcov : numpy.ndarray
        Free parameters and their covariance matrix (for bootstraps and Wald tests).
    model : CompiledModel
        The compiled model, reusable with :func:`craftwave.analysis.sem.fit_compiled`.
    """

    params: pd.DataFrame
    defined: pd.DataFrame
    fit_measures: dict[str, float]
    converged: bool
    n_obs: list[int]
    estimator: str
    missing: str
    group_labels: list[str]
    theta: np.ndarray
    vcov: np.ndarray
    model: Any
    iterations: int = 0
    warnings: list[str] = field(default_factory=list)
    implied: list = field(default_factory=list)
    function: str = "sem"
    sample: list = field(default_factory=list)  # the h1 (S, ybar) of each group
    evaluator: Any = field(default=None, repr=False)  # for derivatives (standardized SEs)

    @property
    def nobs(self) -> int:
        """The N lavaan uses: rows after listwise deletion, or FIML rows (summed over groups)."""
        return int(sum(self.n_obs))

    def rsquare(self) -> pd.DataFrame:
        """R-squared of every endogenous variable per group (lavInspect(fit, "r2"))."""
        return _rsquare(self)

    def standardized_solution(self, type: str = "std.all") -> pd.DataFrame:
        """lavaan's standardizedSolution(fit, type) with delta-method SEs."""
        return _standardized_solution(self, type)

    def residuals(self, type: str = "cor") -> Any:
        """Residual moments, as lavaan's residuals(fit, type) (default cor.bollen)."""
        return _residuals(self, type)

    def predict(self, data: pd.DataFrame, method: str = "regression",
                group: str | None = None) -> pd.DataFrame:
        """Factor scores, as lavaan's lavPredict(fit, method) (regression or bartlett)."""
        return _predict(self, data, method, group)

    def to_dict(self, bootstrap: Any = None) -> dict[str, Any]:
        """The JSON shape of ``craftwave fit --json``.

        Parameters
        ----------
        bootstrap : BootstrapResult, optional
            A bootstrap of this fit: ``parameters[].se``, ``ci_lower`` and ``ci_upper`` (and
            those of ``defined``) are then the bootstrap ones, with ``z`` and ``pvalue`` from
            the bootstrap SE (as lavaan's ``se = "bootstrap"``); the normal-theory values stay
            under ``se_normal``, ``z_normal``, ``pvalue_normal``, ``ci_lower_normal`` and
            ``ci_upper_normal``.
        """
        fit = {k: _num(self.fit_measures.get(k)) for k in FIT_KEYS}
        if self.estimator in SCALED_TESTS:
            fit.update({k: _num(self.fit_measures.get(k)) for k in ROBUST_KEYS})
        fit.update({k: _num(self.fit_measures[k]) for k in EXTRA_KEYS if k in self.fit_measures})
        if self.estimator == "MLMV":
            fit["chisq_shift_parameter"] = _num(self.fit_measures.get("shift_parameter"))
        params = self.params.copy()
        params["label"] = params["label"].fillna("")
        defined = self.defined.copy()
        se_kind = SE_NAMES.get(self.estimator, "standard")
        if bootstrap is not None:
            se_kind = "bootstrap"
            params = _with_bootstrap(params, bootstrap.params["boot_se"].to_numpy(),
                                     bootstrap.params["ci_lower"].to_numpy(),
                                     bootstrap.params["ci_upper"].to_numpy())
            if len(defined):
                bd = bootstrap.defined.set_index("name").loc[defined["name"]]
                defined = _with_bootstrap(defined, bd["boot_se"].to_numpy(),
                                          bd["ci_lower"].to_numpy(), bd["ci_upper"].to_numpy())
        return {
            "function": self.function,
            "options": self.model.options.to_dict() | {
                "meanstructure": bool(self.model.meanstructure),
                "fixed_x": bool(self.model.fixed_x)},
            "se": se_kind,
            "test": SCALED_TESTS.get(self.estimator, "standard"),
            "converged": bool(self.converged),
            "nobs": self.nobs,
            "nobs_per_group": [int(n) for n in self.n_obs],
            "n_obs": int(sum(self.n_obs)),
            "n_obs_per_group": [int(n) for n in self.n_obs],
            "group_labels": list(self.group_labels),
            "estimator": self.estimator,
            "missing": self.missing,
            "fit": fit,
            "parameters": _records(params),
            "defined": _records(defined),
            "warnings": list(self.warnings),
        }

    def summary(self) -> str:
        """A plain-text summary in the spirit of lavaan's ``summary(fit, fit.measures=TRUE)``."""
        fm = self.fit_measures
        lines = []
        missing = {"listwise": "listwise deletion", "fiml": "full-information ML (FIML)"}
        lines.append(f"craftwave SEM: {'converged' if self.converged else 'NOT converged'} "
                     f"after {self.iterations} iterations")
        lines.append(f"  lavaan function: {self.function}()   Estimator: {self.estimator}   "
                     f"Missing data: {missing.get(self.missing, self.missing)}")
        if len(self.group_labels) > 1:
            groups = ", ".join(f"{g} (n = {n})" for g, n in
                               zip(self.group_labels, self.n_obs, strict=True))
            lines.append(f"  Groups: {groups}")
        else:
            lines.append(f"  Number of observations used: {self.nobs}")
        lines.append(f"  Free parameters: {fm.get('npar')}")
        lines.append("")
        lines.append("Model test:")
        lines.append(f"  Chi-square = {fm['chisq']:.3f}, df = {fm['df']}, p = {_p(fm['pvalue'])}")
        if self.estimator in SCALED_TESTS:
            lines.append(f"  Scaled chi-square ({SCALED_LABELS[self.estimator]}) = "
                         f"{_f(fm.get('chisq_scaled'))}, "
                         f"scaling factor = {_f(fm.get('scaling_factor'))}, "
                         f"p = {_p(fm.get('pvalue_scaled'))}")
        lines.append(f"  CFI = {_f(fm['cfi'])}  TLI = {_f(fm['tli'])}  RMSEA = {_f(fm['rmsea'])} "
                     f"[{_f(fm['rmsea_ci_lower'])}, {_f(fm['rmsea_ci_upper'])}]  "
                     f"SRMR = {_f(fm['srmr'])}")
        if self.estimator in SCALED_TESTS:
            lines.append(f"  Robust: CFI = {_f(fm.get('cfi_robust'))}  TLI = "
                         f"{_f(fm.get('tli_robust'))}  RMSEA = {_f(fm.get('rmsea_robust'))}")
        if np.isfinite(fm["loglik"]):   # least squares (ULS, GLS) have no likelihood
            lines.append(f"  Log-likelihood = {fm['loglik']:.3f}  AIC = {fm['aic']:.3f}  "
                         f"BIC = {fm['bic']:.3f}")
        lines.append("")
        groups = sorted(self.params["group"].unique())
        for g in groups:
            if len(groups) > 1:
                lines.append(f"Group {g} [{self.group_labels[g - 1]}]:")
            sub = self.params[self.params["group"] == g]
            lines.append(f"  {'':<28}{'est':>9}{'se':>9}{'z':>9}{'p':>8}{'std.all':>9}")
            for _, r in sub.iterrows():
                name = f"{r['lhs']} {r['op']} {r['rhs']}".strip()
                if r["label"]:
                    name += f" ({r['label']})"
                lines.append(f"  {name:<28}{_f(r['est']):>9}{_f(r['se']):>9}{_f(r['z'], 2):>9}"
                             f"{_p(r['pvalue']):>8}{_f(r['std_all']):>9}")
            lines.append("")
        if len(self.defined):
            lines.append("Defined parameters (delta-method SE):")
            for _, r in self.defined.iterrows():
                lines.append(f"  {r['name'] + ' := ' + r['expression']:<28}{_f(r['est']):>9}"
                             f"{_f(r['se']):>9}{_f(r['z'], 2):>9}{_p(r['pvalue']):>8}"
                             f"{_f(r['std_all']):>9}")
        for w in self.warnings:
            lines.append(f"Warning: {w}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        fm = self.fit_measures
        return (f"<SEMResult {self.estimator}/{self.missing} n={sum(self.n_obs)} "
                f"chisq={fm.get('chisq', float('nan')):.3f} df={fm.get('df')}>")


def _num(x):
    if x is None:
        return None
    x = float(x)
    return x if np.isfinite(x) else None


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict(orient="records"):
        out.append({k: (None if isinstance(v, float) and not np.isfinite(v) else v)
                    for k, v in row.items()})
    return out


def _with_bootstrap(table: pd.DataFrame, se: np.ndarray, lo: np.ndarray,
                    hi: np.ndarray) -> pd.DataFrame:
    """Bootstrap SE and interval in the main columns; normal-theory ones under ``*_normal``."""
    out = table.copy()
    for col in ("se", "z", "pvalue", "ci_lower", "ci_upper"):
        out[f"{col}_normal"] = out[col]
    est = out["est"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, est / se, np.nan)
    out["se"], out["z"] = se, z
    out["pvalue"] = 2 * stats.norm.sf(np.abs(z))
    out["ci_lower"], out["ci_upper"] = lo, hi
    return out


def _f(x, digits: int = 3) -> str:
    if x is None or (isinstance(x, float) and not np.isfinite(x)):
        return ""
    return f"{x:.{digits}f}"


def _p(x) -> str:
    if x is None or not np.isfinite(x):
        return ""
    return "<.001" if x < 0.001 else f"{x:.3f}"
