"""Partial invariance found from the data: free, one at a time, the constraint with the largest
score test until the level holds.

The search climbs the levels of :mod:`craftwave.analysis.invariance` (configural, metric, scalar,
strict). When a level does not hold against the level below it (as accepted, with what was
freed there), every equality constraint that this level added is tested by a score test
(lavaan's ``lavTestScore``, :mod:`craftwave.analysis.sem.scoretest`): across groups a parameter
is released in every group at once (lavaan's ``group.partial``), across waves one wave's
parameter leaves the equality. The constraint with the largest statistic is freed, the level is
refitted and compared again, and so on until the level holds or nothing is left to free. What
was freed stays free at the higher levels. Every decision is logged with its test.

The default criteria are the chi-square difference test (p >= .05) and Chen's (2007) changes:
CFI down by at most .010, RMSEA up by at most .015, SRMR up by at most .030 for the loadings
and .010 for the intercepts and residuals. A model found this way is a data-driven result:
the output says so, and it should be confirmed on new data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from scipy import stats

from craftwave.analysis.errors import ModelError
from craftwave.analysis.invariance import (
    _GROUP_EQUAL,
    LEVELS,
    _measures,
    _scaled_difference,
    longitudinal_syntax,
)
from craftwave.analysis.sem.api import fit
from craftwave.analysis.sem.result import SEMResult
from craftwave.analysis.sem.scoretest import tester_for
from craftwave.analysis.sem.specification import _equal_kind

__all__ = ["partial_invariance", "PartialInvarianceResult", "AUTO_CRITERIA",
           "DATA_DRIVEN_NOTE"]

AUTO_CRITERIA: dict[str, Any] = {
    "delta_pvalue": 0.05,
    "delta_cfi": -0.010,
    "delta_rmsea": 0.015,
    "delta_srmr": {"metric": 0.030, "scalar": 0.010, "strict": 0.010},
}
DATA_DRIVEN_NOTE = ("The partial invariance model was found by a data-driven search (constraints "
                    "freed because of their score tests on these data); its tests are "
                    "optimistic, and it should be confirmed on new data.")
ROBUST_NOTE = ("The score tests are the ordinary (normal-theory) ones, as lavaan's lavTestScore "
               "falls back to them with robust standard errors.")
_NEW_KIND = {"metric": "loadings", "scalar": "intercepts", "strict": "residuals"}
_LONG_LABEL = {"metric": ".lambda", "scalar": ".nu", "strict": ".theta"}


@dataclass
class PartialInvarianceResult:
    """The outcome of a data-driven partial invariance search.

    Attributes
    ----------
    steps : pandas.DataFrame
        One row per level as finally accepted (or finally rejected): ``level status chisq df
        pvalue cfi tli rmsea srmr delta_chisq delta_df delta_pvalue delta_cfi delta_rmsea
        delta_srmr freed`` (``freed``: the parameters freed at that level).
    log : list of dict
        Every comparison and every freed constraint, in order, with its test.
    freed : list of str
        The parameters the search freed (as ``group_partial`` / ``partial`` entries).
    named : list of str
        The parameters freed beforehand (``partial``), not by the search.
    level_reached : str
        The highest level that holds, possibly partially ("none" if configural failed).
    fits : dict
        The final :class:`SEMResult` of each level.
    """

    steps: pd.DataFrame
    log: list[dict[str, Any]]
    freed: list[str]
    level_reached: str
    criteria: dict[str, Any]
    kind: str
    estimator: str
    missing: str
    fits: dict[str, SEMResult] = field(default_factory=dict)
    named: list[str] = field(default_factory=list)
    data_driven: bool = True
    notes: list[str] = field(default_factory=lambda: [DATA_DRIVEN_NOTE])

    @property
    def nobs(self) -> int:
        return next(iter(self.fits.values())).nobs if self.fits else 0

    def to_dict(self) -> dict[str, Any]:
        steps = [{k: _clean(v) for k, v in rec.items()}
                 for rec in self.steps.to_dict(orient="records")]
        return {"kind": self.kind, "estimator": self.estimator, "missing": self.missing,
                "nobs": self.nobs, "search": "data-driven (score tests)",
                "data_driven": True, "criteria": self.criteria, "steps": steps,
                "log": [{k: _clean(v) for k, v in e.items()} for e in self.log],
                "freed": list(self.freed), "named": list(self.named),
                "level_reached": self.level_reached,
                "notes": list(self.notes)}

    def summary(self) -> str:
        miss = {"listwise": "listwise deletion", "pairwise": "pairwise deletion"}.get(
            self.missing, "FIML")
        lines = [f"Partial measurement invariance ({self.kind}), found by a DATA-DRIVEN search; "
                 f"estimator {self.estimator}, missing data: {miss}, N = {self.nobs}",
                 f"Criteria: {_criteria_text(self.criteria)}"]
        if self.named:
            lines.append(f"Free beforehand (named, not searched): {', '.join(self.named)}")
        lines += ["", "Search log:"]
        for e in self.log:
            if e["action"] == "compare":
                lines.append(f"  {e['level']:<10} {e['model']}: {'holds' if e['holds'] else 'fails'}"
                             f" ({_comparison_text(e)})")
            elif e["action"] == "free":
                lines.append(f"  {'':<10} free {e['parameter']} (largest score test: X2 = "
                             f"{e['X2']:.3f}, df = {e['df']}, {_p(e['pvalue'])}; "
                             f"{e['candidates']} candidates)")
            else:
                lines.append(f"  {'':<10} {e['message']}")
        lines += ["", f"{'level':<11}{'status':<12}{'chisq':>10}{'df':>5}{'CFI':>7}{'RMSEA':>7}"
                  f"{'SRMR':>7}  freed"]
        for r in self.steps.to_dict(orient="records"):
            if r["status"] == "not tested":
                lines.append(f"{r['level']:<11}{r['status']:<12}")
                continue
            lines.append(f"{r['level']:<11}{r['status']:<12}{r['chisq']:>10.3f}{int(r['df']):>5}"
                         f"{r['cfi']:>7.3f}{r['rmsea']:>7.3f}{r['srmr']:>7.3f}  {r['freed']}")
        lines.append("")
        freed = f" (freed by the search: {', '.join(self.freed)})" if self.freed else ""
        lines.append(f"Level reached: {self.level_reached}{freed}")
        lines += [f"Note: {n}" for n in self.notes]
        return "\n".join(lines)


def _clean(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _p(x) -> str:
    """``p < .001`` or ``p = 0.123``."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "p = NA"
    return "p < .001" if x < 0.001 else f"p = {x:.3f}"


def _criteria_text(crit: dict) -> str:
    parts = []
    if crit.get("delta_pvalue") is not None:
        parts.append(f"chi-square difference p >= {crit['delta_pvalue']}")
    if crit.get("delta_cfi") is not None:
        parts.append(f"delta CFI >= {crit['delta_cfi']}")
    if crit.get("delta_rmsea") is not None:
        parts.append(f"delta RMSEA <= {crit['delta_rmsea']}")
    srmr = crit.get("delta_srmr")
    if isinstance(srmr, dict):
        parts.append("delta SRMR <= " + ", ".join(f"{v} ({k})" for k, v in srmr.items()))
    elif srmr is not None:
        parts.append(f"delta SRMR <= {srmr}")
    return "; ".join(parts) or "none"


def _comparison_text(e: dict) -> str:
    return (f"delta chisq = {e['delta_chisq']:.3f}, df = {e['delta_df']}, "
            f"{_p(e['delta_pvalue'])}; delta CFI = {e['delta_cfi']:+.4f}, "
            f"delta RMSEA = {e['delta_rmsea']:+.4f}, delta SRMR = {e['delta_srmr']:+.4f}")


def _holds(row: dict, crit: dict, level: str) -> bool:
    checks = []
    if crit.get("delta_pvalue") is not None:
        p = row["delta_pvalue"]
        checks.append(not math.isnan(p) and p >= crit["delta_pvalue"])
    if crit.get("delta_cfi") is not None:
        checks.append(row["delta_cfi"] >= crit["delta_cfi"])
    if crit.get("delta_rmsea") is not None:
        checks.append(row["delta_rmsea"] <= crit["delta_rmsea"])
    srmr = crit.get("delta_srmr")
    if isinstance(srmr, dict):
        srmr = srmr.get(level)
    if srmr is not None:
        checks.append(row["delta_srmr"] <= srmr)
    return all(bool(c) for c in checks)


def _compare(res: SEMResult, prev: SEMResult) -> dict[str, float]:
    stat, ddf, p = _scaled_difference(res, prev)
    now, before = _measures(res), _measures(prev)
    return {**now, "delta_chisq": stat, "delta_df": ddf, "delta_pvalue": p,
            "delta_cfi": now["cfi"] - before["cfi"],
            "delta_rmsea": now["rmsea"] - before["rmsea"],
            "delta_srmr": now["srmr"] - before["srmr"]}


def _param_text(row) -> str:
    if row.op == "~1":
        return f"{row.lhs} ~ 1"
    return f"{row.lhs} {row.op} {row.rhs}"


def _candidates(res: SEMResult, level: str, kind: str) -> dict[str, set[int]]:
    """The constraints this level added, as partial entries -> the rows they release."""
    cm = res.model
    ov, lv = set(cm.ov_names), set(cm.lv_names)
    out: dict[str, set[int]] = {}
    for k, row in enumerate(cm.rows):
        if row.free < 0 or not row.eq_key:
            continue
        if kind == "multi-group":
            if row.eq_key.startswith("eq:") and _equal_kind(row, ov, lv) == _NEW_KIND[level]:
                out.setdefault(_param_text(row), set()).add(k)
        elif row.label.startswith(_LONG_LABEL[level]):
            out.setdefault(_param_text(row), set()).add(k)
    return out


def partial_invariance(
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
    criteria: dict[str, Any] | None = None,
    max_free: int | None = None,
) -> PartialInvarianceResult:
    """Climb the invariance levels, freeing constraints by score test where a level fails.

    Parameters
    ----------
    model, data, group, long, estimator, missing, levels, residual_lags
        As :func:`craftwave.analysis.invariance`.
    partial : sequence of str
        Parameters free from the start (chosen before seeing the data).
    criteria : dict, optional
        Overrides of :data:`AUTO_CRITERIA` (``delta_pvalue``, ``delta_cfi``, ``delta_rmsea``,
        ``delta_srmr``: a number or a mapping level -> number; ``None`` switches one off).
    max_free : int, optional
        Most constraints freed per level (default: as many as the level added).

    Returns
    -------
    PartialInvarianceResult
    """
    if (group is None) == (long is None):
        raise ModelError("give either group= (multi-group) or long= (longitudinal), not both")
    levels = list(levels)
    if not levels or levels != list(LEVELS[:len(levels)]):
        raise ModelError(f"levels must be a prefix of {', '.join(LEVELS)}")
    crit = dict(AUTO_CRITERIA)
    if criteria:
        unknown = set(criteria) - set(AUTO_CRITERIA)
        if unknown:
            raise ModelError(f"unknown criteria: {', '.join(sorted(unknown))}")
        crit.update(criteria)
    kind = "multi-group" if group is not None else "longitudinal"
    named = list(partial)
    freed = list(partial)

    def fit_level(level: str) -> SEMResult:
        if group is not None:
            return fit(model, data, estimator=estimator, missing=missing, group=group,
                       group_equal=_GROUP_EQUAL[level], group_partial=tuple(freed))
        syn = longitudinal_syntax(model, list(long), level, residual_lags=residual_lags,
                                  partial=freed)
        return fit(syn, data, estimator=estimator, missing=missing)

    log: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    fits: dict[str, SEMResult] = {}
    prev = fit_level(levels[0])
    fits[levels[0]] = prev
    reached = levels[0] if prev.converged else "none"
    rows.append({"level": levels[0], "status": "passed" if prev.converged else "failed",
                 **_measures(prev), "freed": ""})
    ok = prev.converged
    for level in levels[1:]:
        if not ok:
            rows.append({"level": level, "status": "not tested", "freed": ""})
            continue
        at_level: list[str] = []
        res = fit_level(level)
        while True:
            cmp = _compare(res, prev)
            holds = bool(res.converged) and _holds(cmp, crit, level)
            label = ("as constrained" if not at_level
                     else f"with {', '.join(at_level)} free")
            log.append({"action": "compare", "level": level, "model": label, "holds": holds,
                        **{k: cmp[k] for k in ("delta_chisq", "delta_df", "delta_pvalue",
                                               "delta_cfi", "delta_rmsea", "delta_srmr")}})
            if holds:
                break
            cands = {k: v for k, v in _candidates(res, level, kind).items() if k not in freed}
            if not cands or (max_free is not None and len(at_level) >= max_free):
                log.append({"action": "stop", "level": level,
                            "message": "nothing left to free: the level does not hold"
                            if not cands else f"the limit of {max_free} freed constraints "
                            "is reached: the level does not hold"})
                break
            tester = tester_for(res, data, group=group)
            tests = {}
            for name, members in cands.items():
                tests[name] = tester.release_rows(members)
            best = max(tests, key=lambda n: tests[n][0])
            x2, df = tests[best]
            log.append({"action": "free", "level": level, "parameter": best, "X2": x2,
                        "df": df, "pvalue": float(stats.chi2.sf(x2, df)),
                        "candidates": len(cands)})
            freed.append(best)
            at_level.append(best)
            res = fit_level(level)
        fits[level] = res
        rows.append({"level": level, "status": "passed" if holds else "failed", **cmp,
                     "freed": ", ".join(at_level)})
        if holds:
            reached, prev = level, res
        else:
            ok = False
    first = fits[levels[0]]
    notes = [DATA_DRIVEN_NOTE]
    if first.estimator != "ML":
        notes.append(ROBUST_NOTE)
    return PartialInvarianceResult(
        steps=pd.DataFrame(rows), log=log, freed=freed[len(named):], level_reached=reached,
        criteria=crit, kind=kind, estimator=first.estimator, missing=first.missing, fits=fits,
        named=named, notes=notes)
