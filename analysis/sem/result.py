"""The result of an SEM fit: parameter table, defined parameters, fit measures, summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["SEMResult", "FIT_KEYS", "ROBUST_KEYS"]

FIT_KEYS = ("chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea_ci_lower", "rmsea_ci_upper",
            "srmr", "loglik", "unrestricted_loglik", "aic", "bic", "npar", "baseline_chisq",
            "baseline_df")
ROBUST_KEYS = ("chisq_scaled", "pvalue_scaled", "scaling_factor", "baseline_chisq_scaled",
               "baseline_scaling_factor", "cfi_robust", "tli_robust", "rmsea_robust",
               "rmsea_ci_lower_robust", "rmsea_ci_upper_robust")
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

    @property
    def nobs(self) -> int:
        """The N lavaan uses: rows after listwise deletion, or FIML rows (summed over groups)."""
        return int(sum(self.n_obs))

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``craftwave fit --json``."""
        fit = {k: self.fit_measures.get(k) for k in FIT_KEYS}
        if self.estimator == "MLR":
            fit.update({k: self.fit_measures.get(k) for k in ROBUST_KEYS})
        params = self.params.copy()
        params["label"] = params["label"].fillna("")
        return {
            "converged": bool(self.converged),
            "nobs": self.nobs,
            "nobs_per_group": [int(n) for n in self.n_obs],
            "n_obs": int(sum(self.n_obs)),
            "n_obs_per_group": [int(n) for n in self.n_obs],
            "group_labels": list(self.group_labels),
            "estimator": self.estimator,
            "missing": self.missing,
            "fit": fit,
            "parameters": params.to_dict(orient="records"),
            "defined": self.defined.rename(columns={"expression": "expression"})
            .to_dict(orient="records"),
            "warnings": list(self.warnings),
        }

    def summary(self) -> str:
        """A plain-text summary in the spirit of lavaan's ``summary(fit, fit.measures=TRUE)``."""
        fm = self.fit_measures
        lines = []
        missing = {"listwise": "listwise deletion", "fiml": "full-information ML (FIML)"}
        lines.append(f"craftwave SEM: {'converged' if self.converged else 'NOT converged'} "
                     f"after {self.iterations} iterations")
        lines.append(f"  Estimator: {self.estimator}   Missing data: "
                     f"{missing.get(self.missing, self.missing)}")
        if len(self.group_labels) > 1:
            groups = ", ".join(f"{g} (n = {n})" for g, n in
                               zip(self.group_labels, self.n_obs, strict=True))
            lines.append(f"  Groups: {groups}")
        else:
            lines.append(f"  Number of observations: {sum(self.n_obs)}")
        lines.append(f"  Free parameters: {fm.get('npar')}")
        lines.append("")
        lines.append("Model test:")
        lines.append(f"  Chi-square = {fm['chisq']:.3f}, df = {fm['df']}, p = {_p(fm['pvalue'])}")
        if self.estimator == "MLR":
            lines.append(f"  Scaled chi-square (Yuan-Bentler) = {_f(fm.get('chisq_scaled'))}, "
                         f"scaling factor = {_f(fm.get('scaling_factor'))}, "
                         f"p = {_p(fm.get('pvalue_scaled'))}")
        lines.append(f"  CFI = {_f(fm['cfi'])}  TLI = {_f(fm['tli'])}  RMSEA = {_f(fm['rmsea'])} "
                     f"[{_f(fm['rmsea_ci_lower'])}, {_f(fm['rmsea_ci_upper'])}]  "
                     f"SRMR = {_f(fm['srmr'])}")
        if self.estimator == "MLR":
            lines.append(f"  Robust: CFI = {_f(fm.get('cfi_robust'))}  TLI = "
                         f"{_f(fm.get('tli_robust'))}  RMSEA = {_f(fm.get('rmsea_robust'))}")
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


def _f(x, digits: int = 3) -> str:
    if x is None or (isinstance(x, float) and not np.isfinite(x)):
        return ""
    return f"{x:.{digits}f}"


def _p(x) -> str:
    if x is None or not np.isfinite(x):
        return ""
    return "<.001" if x < 0.001 else f"{x:.3f}"
