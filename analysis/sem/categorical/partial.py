"""Partial invariance of ordered indicators found from the data (``--partial auto``).

The ordinal counterpart of :mod:`craftwave.analysis.partial_invariance`: climb the levels of
:func:`~craftwave.analysis.sem.categorical.invariance.ordinal_invariance` (configural,
thresholds, metric, scalar; Wu and Estabrook's identification), and where a level does not hold
against the level below it (as accepted), free the constraint with the largest score test,
refit, compare again, until it holds or nothing is left. The score tests are lavaan's for DWLS
fits (:mod:`craftwave.analysis.sem.categorical.scoretests`):

- thresholds (``"y2 | t1"``) and loadings (``"f =~ y2"``) are equality constraints: released
  in every group at once (as ``group.partial``), or one wave's parameter out of the equality
  (longitudinal), by ``lavTestScore``'s univariate test with the released rows;
- intercepts are fixed (0) under Wu and Estabrook's scalar level, so freeing ``"y2 ~ 1"`` is the
  score test of adding the intercept in every later group (or that wave): the modification
  index (several groups: the multivariate one).

A freed threshold changes its item's identification as Wu and Estabrook's rule says (see
:func:`~craftwave.analysis.sem.categorical.invariance.parse_partial`).
The model found is data-driven: the output says so, and it should be confirmed on new data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from scipy import stats

from craftwave.analysis.errors import ModelError
from craftwave.analysis.partial_invariance import (
    AUTO_CRITERIA,
    DATA_DRIVEN_NOTE,
    PartialInvarianceResult,
    _holds,
)
from craftwave.analysis.sem.categorical.compare import compare_ordinal
from craftwave.analysis.sem.categorical.dwls import OrdinalFit, fit_ordinal
from craftwave.analysis.sem.categorical.invariance import (
    ORDINAL_LEVELS,
    THETA_LEVELS,
    ordinal_group_syntax,
    ordinal_long_syntax,
)
from craftwave.analysis.sem.categorical.polychoric import recode_ordinal
from craftwave.analysis.sem.categorical.scoretests import OrdinalScoreTester, release_fixed
from craftwave.analysis.sem.syntax import parse_model

__all__ = ["ordinal_partial_invariance", "OrdinalPartialResult"]

SCORE_NOTE = ("The score tests use the DWLS information (lavaan's lavTestScore and modindices "
              "for WLSMV fits), not robust ones.")
@dataclass
class OrdinalPartialResult(PartialInvarianceResult):
    """:class:`~craftwave.analysis.partial_invariance.PartialInvarianceResult` of an ordinal
    search, with the lavaan syntax of each level as finally fitted (``syntax``)."""

    syntax: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {"syntax": dict(self.syntax)}


def _measures(res: OrdinalFit) -> dict[str, float]:
    fm = res.fit
    return {"chisq": fm["chisq_scaled"], "df": fm["df"], "pvalue": fm["pvalue_scaled"],
            "cfi": fm["cfi_scaled"], "tli": fm["tli_scaled"], "rmsea": fm["rmsea_scaled"],
            "srmr": fm["srmr"]}


def _compare(res: OrdinalFit, prev: OrdinalFit) -> dict[str, float]:
    test = compare_ordinal(res, prev)
    now, before = _measures(res), _measures(prev)
    return {**now, "delta_chisq": test["chisq_diff"], "delta_df": test["df_diff"],
            "delta_pvalue": test["pvalue"], "delta_cfi": now["cfi"] - before["cfi"],
            "delta_rmsea": now["rmsea"] - before["rmsea"],
            "delta_srmr": now["srmr"] - before["srmr"]}


def _equality_candidates(tester: OrdinalScoreTester, op: str) -> dict[str, set[int]]:
    """Equality-constrained parameters with operator ``op``: text -> parameters to release."""
    out: dict[str, set[int]] = {}
    for members in tester.classes:
        if len(members) < 2:
            continue
        for j in members:
            lhs, o, rhs, _ = tester.names[j]
            if o == op:
                out.setdefault(f"{lhs} {o} {rhs}", set()).add(j)
    return out


def _tests(res: OrdinalFit, level: str, items: list[str], group: str | None,
           n_groups: int, freed: list[str]) -> dict[str, tuple[float, int]]:
    """The score test of every constraint this level added and the search has not freed."""
    if level in ("thresholds", "metric"):
        tester = OrdinalScoreTester(res)
        cands = _equality_candidates(tester, "|" if level == "thresholds" else "=~")
        return {k: tester.release(v) for k, v in cands.items() if k not in freed}
    if level == "scalar":
        out = {}
        for x in items:
            key = f"{x} ~ 1"
            if key in freed:
                continue
            params = ([(x, "~1", "", g) for g in range(2, n_groups + 1)] if group is not None
                      else [(x, "~1", "", 1)])
            try:
                out[key] = release_fixed(res, params)
            except ModelError:       # the first wave's intercepts identify the latent means
                continue
        return out
    return {}


def ordinal_partial_invariance(
    model: str,
    data: pd.DataFrame,
    *,
    group: str | None = None,
    long: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    residual_lags: int | str = 1,
    partial: Sequence[str] = (),
    missing: str = "listwise",
    criteria: dict[str, Any] | None = None,
    max_free: int | None = None,
    parameterization: str = "delta",
) -> OrdinalPartialResult:
    """Climb the ordinal invariance levels, freeing constraints by score test where one fails.

    Parameters
    ----------
    model, data, group, long, levels, residual_lags, missing, parameterization
        As :func:`~craftwave.analysis.sem.categorical.invariance.ordinal_invariance`.
    partial : sequence of str
        Parameters free from the start (chosen before seeing the data).
    criteria : dict, optional
        Overrides of :data:`craftwave.analysis.partial_invariance.AUTO_CRITERIA`.
    max_free : int, optional
        Most constraints freed per level.

    Returns
    -------
    OrdinalPartialResult
    """
    if (group is None) == (long is None):
        raise ModelError("give either group= (multi-group) or long= (longitudinal), not both")
    allowed = THETA_LEVELS if parameterization == "theta" else ORDINAL_LEVELS
    levels = list(levels if levels is not None else allowed)
    if not levels or levels != list(allowed[:len(levels)]):
        raise ModelError(f"levels must be a prefix of {', '.join(allowed)}")
    crit = dict(AUTO_CRITERIA)
    if criteria:
        unknown = set(criteria) - set(AUTO_CRITERIA)
        if unknown:
            raise ModelError(f"unknown criteria: {', '.join(sorted(unknown))}")
        crit.update(criteria)
    items = list(dict.fromkeys(t.rhs for t in parse_model(model).terms if t.op == "=~"))
    absent = [x for x in items if x not in data.columns]
    if absent:
        raise ModelError(f"not in the data: {', '.join(absent)}")
    counts = {x: len(recode_ordinal(data[x])[1]) - 1 for x in items}
    n_groups = int(data[group].nunique()) if group is not None else 1
    frame = data[items + ([group] if group else [])]
    kind = "multi-group" if group is not None else "longitudinal"
    named = list(partial)
    freed = list(partial)
    syntax: dict[str, str] = {}

    def fit_level(level: str) -> OrdinalFit:
        if group is not None:
            syn = ordinal_group_syntax(model, counts, n_groups, level, freed, parameterization)
        else:
            syn = ordinal_long_syntax(model, counts, list(long), level,
                                      residual_lags=residual_lags, partial=freed,
                                      parameterization=parameterization)
        syntax[level] = syn
        return fit_ordinal(syn, frame, group=group, missing=missing, std_lv=True,
                           parameterization=parameterization)

    log: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    fits: dict[str, OrdinalFit] = {}
    notes = [DATA_DRIVEN_NOTE, SCORE_NOTE]
    prev = fits[levels[0]] = fit_level(levels[0])
    reached = levels[0]
    rows.append({"level": levels[0], "status": "passed", **_measures(prev), "freed": ""})
    ok = True
    for level in levels[1:]:
        if not ok:
            rows.append({"level": level, "status": "not tested", "freed": ""})
            continue
        at_level: list[str] = []
        res = fit_level(level)
        while True:
            cmp = _compare(res, prev)
            holds = _holds(cmp, crit, level)
            label = "as constrained" if not at_level else f"with {', '.join(at_level)} free"
            log.append({"action": "compare", "level": level, "model": label, "holds": holds,
                        **{k: cmp[k] for k in ("delta_chisq", "delta_df", "delta_pvalue",
                                               "delta_cfi", "delta_rmsea", "delta_srmr")}})
            if holds:
                break
            tests = _tests(res, level, items, group, n_groups, freed)
            if not tests or (max_free is not None and len(at_level) >= max_free):
                log.append({"action": "stop", "level": level,
                            "message": "nothing left to free: the level does not hold"
                            if not tests else f"the limit of {max_free} freed constraints "
                            "is reached: the level does not hold"})
                break
            best = max(tests, key=lambda n: tests[n][0])
            x2, df = tests[best]
            log.append({"action": "free", "level": level, "parameter": best, "X2": x2,
                        "df": df, "pvalue": float(stats.chi2.sf(x2, df)),
                        "candidates": len(tests)})
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
    return OrdinalPartialResult(
        steps=pd.DataFrame(rows), log=log, freed=freed[len(named):], level_reached=reached,
        criteria=crit, kind=kind, estimator="WLSMV", missing=prev.stats.missing, fits=fits,
        named=named, notes=notes, syntax=syntax)
