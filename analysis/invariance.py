"""Measurement invariance, multi-group and longitudinal: configural, metric, scalar, strict.

Multi-group invariance fits the model with lavaan's ``group.equal`` growing step by step.
Longitudinal invariance takes one construct measured at several waves (factors named in
``long``, same number of indicators in the same order) and adds equality labels across waves:
loadings (metric), intercepts with the latent means of waves 2..T freed (scalar), residual
variances (strict). Residual covariances of the same indicator across waves are added to every
level: lag 1 by default, all pairs with ``residual_lags="all"`` (semTools' ``measEq.syntax``
default). Partial invariance frees named parameters (``partial=["F2 =~ x2_w2"]``, as lavaan's
``group.partial``).

Each step is compared with the previous one by a chi-square difference test (Satorra-Bentler
2001 scaled difference under MLR, as lavaan's ``lavTestLRT``) and by the changes in CFI, RMSEA
and SRMR. A level is reached when it and every level below it meet the criteria (default: Chen
2007, delta CFI >= -0.010 and delta RMSEA <= 0.015).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from scipy import stats

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.api import fit
from craftwave.analysis.sem.result import SEMResult
from craftwave.analysis.sem.syntax import parse_model

__all__ = ["invariance", "InvarianceResult", "longitudinal_syntax", "LEVELS",
           "DEFAULT_CRITERIA"]

LEVELS = ("configural", "metric", "scalar", "strict")
_GROUP_EQUAL = {"configural": (), "metric": ("loadings",), "scalar": ("loadings", "intercepts"),
                "strict": ("loadings", "intercepts", "residuals")}
DEFAULT_CRITERIA = {"delta_cfi": -0.010, "delta_rmsea": 0.015, "delta_srmr": None,
                    "delta_pvalue": None}


_STATUS_WORD = {"passed": "yes", "failed": "no", "not tested": "not tested"}


@dataclass
class InvarianceResult:
    """Steps of an invariance sequence and the level reached.

    Attributes
    ----------
    steps : pandas.DataFrame
        One row per level: ``level chisq df pvalue cfi tli rmsea srmr delta_chisq delta_df
        delta_pvalue delta_cfi delta_rmsea delta_srmr passed status``; ``status`` is "passed",
        "failed" or "not tested" (every level after a failed one; its ``passed`` is None).
        Under MLR, chisq is the scaled
        statistic and cfi/tli/rmsea the robust versions (standard ones where robust ones are not
        available, e.g. with FIML).
    fits : dict
        The :class:`SEMResult` of each level.
    level_reached : str
        The highest level meeting the criteria ("none" if the configural model failed).
    criteria : dict
        The criteria used.
    syntax : dict
        The lavaan syntax fitted at each level.
    """

    steps: pd.DataFrame
    fits: dict[str, SEMResult]
    level_reached: str
    criteria: dict[str, float | None]
    kind: str
    estimator: str
    missing: str
    syntax: dict[str, str] = field(default_factory=dict)

    @property
    def nobs(self) -> int:
        """The N of the configural model, as lavaan counts it."""
        return next(iter(self.fits.values())).nobs if self.fits else 0

    def to_dict(self) -> dict[str, Any]:
        cols = ["level", "status", "passed", "chisq", "df", "pvalue", "cfi", "tli", "rmsea",
                "srmr", "delta_chisq", "delta_df", "delta_pvalue", "delta_cfi", "delta_rmsea",
                "delta_srmr"]
        steps = []
        for rec in self.steps[cols].to_dict(orient="records"):
            steps.append({k: (None if isinstance(v, float) and math.isnan(v) else v)
                          for k, v in rec.items()})
        return {"kind": self.kind, "estimator": self.estimator, "missing": self.missing,
                "nobs": self.nobs, "criteria": dict(self.criteria), "steps": steps,
                "level_reached": self.level_reached}

    def summary(self) -> str:
        miss = "listwise deletion" if self.missing == "listwise" else "FIML"
        crit = ", ".join(f"{k} {'>=' if k == 'delta_cfi' else '<=' if k != 'delta_pvalue' else '>='}"
                         f" {v}" for k, v in self.criteria.items() if v is not None)
        lines = [f"Measurement invariance ({self.kind}); estimator {self.estimator}, missing "
                 f"data: {miss}", f"Criteria: {crit}", ""]
        lines.append(f"N = {self.nobs}")
        lines.append(f"{'level':<11}{'chisq':>10}{'df':>5}{'CFI':>7}{'RMSEA':>7}{'SRMR':>7}"
                     f"{'dchisq':>9}{'ddf':>5}{'p':>7}{'dCFI':>8}{'dRMSEA':>8}  ok")
        for _, r in self.steps.iterrows():
            def f(x, d=3):
                return "" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{d}f}"
            lines.append(f"{r['level']:<11}{f(r['chisq']):>10}{int(r['df']):>5}{f(r['cfi']):>7}"
                         f"{f(r['rmsea']):>7}{f(r['srmr']):>7}{f(r['delta_chisq']):>9}"
                         f"{'' if pd.isna(r['delta_df']) else int(r['delta_df']):>5}"
                         f"{f(r['delta_pvalue']):>7}{f(r['delta_cfi']):>8}"
                         f"{f(r['delta_rmsea']):>8}  {_STATUS_WORD[r['status']]}")
        lines.append("")
        lines.append(f"Level reached: {self.level_reached}")
        return "\n".join(lines)


def _factor_indicators(model: str, factors: Sequence[str]) -> list[list[str]]:
    parsed = parse_model(model)
    out = []
    for f in factors:
        inds = [t.rhs for t in parsed.terms if t.op == "=~" and t.lhs == f]
        if not inds:
            raise ModelError(f"{f!r} is not a latent variable (=~) of the model")
        out.append(inds)
    k = {len(i) for i in out}
    if len(k) != 1:
        raise ModelError("longitudinal invariance needs the same number of indicators at every "
                         f"wave; got {', '.join(str(len(i)) for i in out)}")
    return out


def longitudinal_syntax(model: str, factors: Sequence[str], level: str, *,
                        residual_lags: int | str = 1, partial: Sequence[str] = ()) -> str:
    """The lavaan syntax of one level of longitudinal invariance.

    Parameters
    ----------
    model : str
        The configural model: one factor per wave (``factors``), indicators in the same order.
    factors : sequence of str
        The factor of each wave, in time order.
    level : {"configural", "metric", "scalar", "strict"}
    residual_lags : int or "all"
        Residual covariances of the same indicator between waves t and t + k for k up to this
        lag (1 by default), or between all waves.
    partial : sequence of str
        Parameters left free across waves, e.g. ``"F2 =~ x2_w2"`` or ``"x3_w2 ~ 1"``.
    """
    if level not in LEVELS:
        raise ModelError(f"level must be one of {', '.join(LEVELS)}")
    inds = _factor_indicators(model, factors)
    parsed = parse_model(model)
    present = {(t.lhs, t.op, t.rhs) for t in parsed.terms}
    present |= {(t.rhs, t.op, t.lhs) for t in parsed.terms if t.op == "~~"}
    free_keys = set()
    for text in partial:
        for op in ("=~", "~~", "~"):
            if op in text:
                lhs, rhs = (s.strip() for s in text.split(op, 1))
                free_keys.add((lhs, "~1", "") if op == "~" and rhs == "1" else (lhs, op, rhs))
                break
    T, k = len(factors), len(inds[0])
    lines = [model.strip(), "# -- added by craftwave's longitudinal invariance --"]
    lag = T - 1 if residual_lags == "all" else int(residual_lags)
    if lag < 0:
        raise ModelError("residual_lags must be a non-negative integer or 'all'")
    for j in range(k):
        for t in range(T):
            for u in range(t + 1, min(T, t + lag + 1)):
                a, b = inds[t][j], inds[u][j]
                if (a, "~~", b) not in present:
                    lines.append(f"{a} ~~ {b}")
    rank = LEVELS.index(level)
    for t, f in enumerate(factors):
        for j, x in enumerate(inds[t]):
            if rank >= 1 and j > 0 and (f, "=~", x) not in free_keys:
                lines.append(f"{f} =~ .lambda{j + 1}.*{x}")
            if rank >= 2 and (x, "~1", "") not in free_keys:
                lines.append(f"{x} ~ .nu{j + 1}.*1")
            elif (x, "~1", "") not in present:
                lines.append(f"{x} ~ 1")
            if rank >= 3 and (x, "~~", x) not in free_keys:
                lines.append(f"{x} ~~ .theta{j + 1}.*{x}")
        if (f, "~1", "") not in present:
            lines.append(f"{f} ~ NA*1" if rank >= 2 and t > 0 else f"{f} ~ 0*1")
    return "\n".join(lines)


def _scaled_difference(restricted: SEMResult, free: SEMResult) -> tuple[float, float, float]:
    fm0, fm1 = restricted.fit_measures, free.fit_measures
    ddf = fm0["df"] - fm1["df"]
    if ddf <= 0:
        return float("nan"), ddf, float("nan")
    if restricted.estimator in ("MLR", "MLM"):   # Satorra-Bentler (2001) scaled difference
        c0 = fm0["scaling_factor"] if fm0["df"] > 0 else 1.0
        c1 = fm1["scaling_factor"] if fm1["df"] > 0 else 1.0
        cd = (fm0["df"] * c0 - fm1["df"] * c1) / ddf
        stat = (fm0["chisq"] - fm1["chisq"]) / cd if cd > 0 else float("nan")
    else:
        stat = fm0["chisq"] - fm1["chisq"]
    p = float(stats.chi2.sf(stat, ddf)) if math.isfinite(stat) else float("nan")
    return stat, ddf, p


def _measures(res: SEMResult) -> dict[str, float]:
    fm = res.fit_measures
    out = {"chisq": fm["chisq"], "df": fm["df"], "pvalue": fm["pvalue"], "cfi": fm["cfi"],
           "tli": fm["tli"], "rmsea": fm["rmsea"], "srmr": fm["srmr"]}
    if res.estimator in ("MLR", "MLM"):
        out["chisq"], out["pvalue"] = fm["chisq_scaled"], fm["pvalue_scaled"]
        for k in ("cfi", "tli", "rmsea"):
            robust = fm.get(f"{k}_robust")
            if robust is not None and math.isfinite(robust):
                out[k] = robust
    return out


def _passes(row: dict, criteria: dict) -> bool:
    checks = []
    if criteria.get("delta_cfi") is not None:
        checks.append(row["delta_cfi"] >= criteria["delta_cfi"])
    if criteria.get("delta_rmsea") is not None:
        checks.append(row["delta_rmsea"] <= criteria["delta_rmsea"])
    if criteria.get("delta_srmr") is not None:
        checks.append(row["delta_srmr"] <= criteria["delta_srmr"])
    if criteria.get("delta_pvalue") is not None:
        checks.append(row["delta_pvalue"] >= criteria["delta_pvalue"])
    return all(bool(c) for c in checks)


def merge_criteria(criteria: dict[str, float | None] | None) -> dict[str, float | None]:
    """The default criteria with the given ones applied (unknown names refused)."""
    crit = dict(DEFAULT_CRITERIA)
    if criteria:
        unknown = set(criteria) - set(DEFAULT_CRITERIA)
        if unknown:
            raise ModelError(f"unknown criteria: {', '.join(sorted(unknown))}")
        crit.update(criteria)
    return crit


def sequence_steps(levels: Sequence[str], fits: dict, measures, compare, converged,
                   criteria: dict) -> tuple[list[dict], str]:
    """The rows of an invariance sequence and the level reached.

    Each level is compared with the one before (``compare(restricted, free)`` gives the
    difference statistic, its df and p; ``measures(fit)`` the fit indices). A level holds when it
    converged and meets ``criteria``; the levels after a failed one are "not tested": their
    comparison would be with a model that did not hold, so they can neither pass nor fail.
    """
    rows: list[dict] = []
    reached, ok_so_far = "none", True
    nan = float("nan")
    for i, level in enumerate(levels):
        res = fits[level]
        row = {"level": level, **measures(res)}
        if i == 0:
            row.update(delta_chisq=nan, delta_df=nan, delta_pvalue=nan, delta_cfi=nan,
                       delta_rmsea=nan, delta_srmr=nan)
            row["passed"] = converged(res)
        else:
            prev = fits[levels[i - 1]]
            stat, ddf, p = compare(res, prev)
            before = measures(prev)
            row.update(delta_chisq=stat, delta_df=ddf, delta_pvalue=p,
                       delta_cfi=row["cfi"] - before["cfi"],
                       delta_rmsea=row["rmsea"] - before["rmsea"],
                       delta_srmr=row["srmr"] - before["srmr"])
            row["passed"] = converged(res) and _passes(row, criteria)
        if not ok_so_far:
            row["passed"], row["status"] = None, "not tested"
        else:
            row["status"] = "passed" if row["passed"] else "failed"
            ok_so_far = bool(row["passed"])
            if ok_so_far:
                reached = level
        rows.append(row)
    return rows, reached


def invariance(
    model: str,
    data: pd.DataFrame,
    *,
    group: str | None = None,
    long: Sequence[str] | None = None,
    estimator: str = "ML",
    missing: str = "listwise",
    levels: Sequence[str] = LEVELS,
    residual_lags: int | str = 1,
    partial: Sequence[str] = (),
    criteria: dict[str, float | None] | None = None,
) -> InvarianceResult:
    """Test configural, metric, scalar and strict invariance across groups or waves.

    Parameters
    ----------
    model : str
        The configural model in lavaan syntax.
    data : pandas.DataFrame
    group : str, optional
        Group column (multi-group invariance). Exactly one of ``group`` and ``long``.
    long : sequence of str, optional
        Factors that are one construct at successive waves (longitudinal invariance).
    estimator, missing
        As :func:`craftwave.analysis.fit`.
    levels : sequence of str
        The levels to fit, in order (a prefix of configural, metric, scalar, strict).
    residual_lags : int or "all"
        Longitudinal only: lagged residual covariances of the same indicator.
    partial : sequence of str
        Parameters exempt from the equality constraints.
    criteria : dict, optional
        ``delta_cfi`` (minimum change), ``delta_rmsea`` and ``delta_srmr`` (maximum change),
        ``delta_pvalue`` (minimum p of the difference test); ``None`` switches one off.

    Returns
    -------
    InvarianceResult
    """
    if (group is None) == (long is None):
        raise ModelError("give either group= (multi-group) or long= (longitudinal), not both")
    levels = list(levels)
    if not levels or levels != list(LEVELS[:len(levels)]):
        raise ModelError(f"levels must be a prefix of {', '.join(LEVELS)}")
    crit = merge_criteria(criteria)
    fits: dict[str, SEMResult] = {}
    syntax: dict[str, str] = {}
    for level in levels:
        if group is not None:
            syntax[level] = model
            fits[level] = fit(model, data, estimator=estimator, missing=missing, group=group,
                              group_equal=_GROUP_EQUAL[level], group_partial=tuple(partial))
        else:
            syntax[level] = longitudinal_syntax(model, list(long), level,
                                                residual_lags=residual_lags, partial=partial)
            fits[level] = fit(syntax[level], data, estimator=estimator, missing=missing)
    rows, reached = sequence_steps(levels, fits, _measures, _scaled_difference,
                                   lambda res: bool(res.converged), crit)
    first = fits[levels[0]]
    return InvarianceResult(steps=pd.DataFrame(rows), fits=fits, level_reached=reached,
                            criteria=crit, kind="multi-group" if group else "longitudinal",
                            estimator=first.estimator, missing=first.missing, syntax=syntax)
