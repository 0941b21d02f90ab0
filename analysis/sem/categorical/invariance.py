"""Measurement invariance of ordered indicators, across groups or waves (Wu and Estabrook 2016).

The levels, one vocabulary with the continuous sequence: ``configural``, ``thresholds`` (ordinal
only), ``metric`` (loadings), ``scalar`` (intercepts). Each level is written out as explicit lavaan
syntax identified as Wu and Estabrook (2016) recommend, as semTools' ``measEq.syntax`` writes it
with ``ID.fac = "std.lv"`` and ``ID.cat = "Wu.Estabrook.2016"`` (delta parameterisation):

=============  =========================================================================
configural     thresholds and loadings free in every group (wave); intercepts 0, scale
               factors 1, latent means 0 and variances 1 everywhere
thresholds     thresholds equal; intercepts and scale factors free after the first group
metric         + loadings equal; latent variances free after the first group
scalar         + intercepts equal (so 0 everywhere); latent means free after the first group
=============  =========================================================================

In a later group (wave) an item's intercept is freed once one of its thresholds is held equal
(and the intercepts are not), its scale factor once two are (or one, with equal intercepts):
Wu and Estabrook's rule as ``measEq.syntax`` applies it per item. So binary items (one threshold)
keep their scale factors at 1 until the scalar level, and a threshold left free by ``partial``
(``"y2 | t1"``) changes its item's identification the same way.

``strict`` (equal residual variances) needs the theta parameterisation, where the residual
variances of the latent responses take the scale factors' place (1 in the first group, free later
from the thresholds level on, 1 everywhere when strict); under delta it is refused by name.
Each level is fitted by WLSMV and compared with the one before by Satorra's (2000)
scaled-and-shifted difference test (lavaan's ``lavTestLRT`` default for WLSMV) and by the
changes in the scaled CFI and RMSEA and in SRMR; a level holds when it and every level below it
meet the criteria (default: Chen 2007).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from craftwave.analysis.errors import ModelError
from craftwave.analysis.invariance import InvarianceResult, merge_criteria, sequence_steps
from craftwave.analysis.sem.categorical.compare import compare_ordinal
from craftwave.analysis.sem.categorical.dwls import OrdinalFit, fit_ordinal
from craftwave.analysis.sem.categorical.groupequal import parse_partial
from craftwave.analysis.sem.categorical.polychoric import recode_ordinal
from craftwave.analysis.sem.syntax import parse_model

__all__ = ["ORDINAL_LEVELS", "ordinal_group_syntax", "ordinal_invariance", "ordinal_long_syntax",
           "parse_partial"]

ORDINAL_LEVELS = ("configural", "thresholds", "metric", "scalar")
THETA_LEVELS = (*ORDINAL_LEVELS, "strict")


def _vec(values: Sequence[str]) -> str:
    return values[0] if len(values) == 1 else "c(" + ", ".join(values) + ")"


def _structure(model: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Loadings (factor, item) in order, and every other statement kept as written."""
    parsed = parse_model(model)
    loadings = [(t.lhs, t.rhs) for t in parsed.terms if t.op == "=~"]
    if not loadings:
        raise ModelError("ordinal invariance needs a measurement model (=~)")
    factors, items = {f for f, _ in loadings}, {x for _, x in loadings}
    covariates = sorted({t.rhs for t in parsed.terms if t.op == "~"} - factors - items)
    if covariates:
        raise ModelError("not supported yet: ordinal invariance with observed covariates "
                         f"({', '.join(covariates)}); fit the MIMIC model by fit_ordinal "
                         "(craftwave fit --ordered) with the constraints written in the syntax")
    written = [t for t in parsed.terms if t.op == "=~" and (t.values or t.labels)]
    if written:
        raise ModelError("write the configural model without modifiers on loadings; the levels "
                         "add their own")
    other = []
    for line in model.replace(";", "\n").split("\n"):
        text = line.split("#", 1)[0].strip()
        if text and "=~" not in text:
            other.append(text)
    return loadings, other


def _identification(n_equal: int, equate_int: bool, equate_resid: bool) -> tuple[bool, bool]:
    """Wu and Estabrook's (2016) rule, as semTools' ``measEq.syntax``: in a later group (wave),
    is an item's intercept free, and its scale factor (theta: residual variance)?

    ``n_equal`` counts the item's thresholds held equal to the reference group (wave): the
    intercept is free once one threshold is equal and the intercepts are not; the scale once
    two are (or one with equal intercepts), unless the residual variances are equal (strict).
    A binary item (one threshold) thus keeps its scale factor at 1 until the scalar level.
    """
    intercept = n_equal >= 1 and not equate_int
    scale = (n_equal >= 2 or (n_equal >= 1 and equate_int)) and not equate_resid
    return intercept, scale


def ordinal_group_syntax(model: str, counts: dict[str, int], n_groups: int, level: str,
                         partial: Sequence[str] = (), parameterization: str = "delta") -> str:
    """The explicit lavaan syntax of one level of multi-group ordinal invariance.

    Parameters
    ----------
    model : str
        The configural model (factors and their indicators, plus any other statements).
    counts : dict
        Number of thresholds of each item (categories - 1).
    n_groups : int
    level : {"configural", "thresholds", "metric", "scalar"}
    partial : sequence of str
        Parameters left free across groups (:func:`parse_partial`): loadings (``"f =~ x"``),
        intercepts (``"x ~ 1"``), residual variances (``"x ~~ x"``, theta) or thresholds
        (``"x | t1"``); freeing a threshold changes which intercepts and scale factors are
        identified, as semTools does.
    """
    rank = _rank(level, parameterization)
    loadings, other = _structure(model)
    free = parse_partial(partial)
    _check_partial(free, [x for _, x in loadings], counts)
    G = range(1, n_groups + 1)
    lines = ["# craftwave: ordinal invariance, Wu & Estabrook (2016), level " + level]
    factors = list(dict.fromkeys(f for f, _ in loadings))
    items = list(dict.fromkeys(x for _, x in loadings))
    for f, x in loadings:
        same = rank >= 2 and (f, "=~", x) not in free
        labels = [f"l.{f}.{x}" if same else f"l.{f}.{x}.g{g}" for g in G]
        lines.append(f"{f} =~ {_vec(['NA'] * n_groups)}*{x} + {_vec(labels)}*{x}")
    n_equal = {}
    for x in items:
        n_equal[x] = 0
        for k in range(1, counts[x] + 1):
            same = rank >= 1 and (x, "|", f"t{k}") not in free
            n_equal[x] += same
            labels = [f"{x}.t{k}" if same else f"{x}.t{k}.g{g}" for g in G]
            lines.append(f"{x} | {_vec(['NA'] * n_groups)}*t{k} + {_vec(labels)}*t{k}")
    for x in items:
        int_free, scale_free = _identification(
            n_equal[x], rank >= 3 and (x, "~1", "") not in free,
            rank >= 4 and (x, "~~", x) not in free)
        values = ["0"] + (["NA"] if int_free else ["0"]) * (n_groups - 1)
        lines.append(f"{x} ~ {_vec(values)}*1")
        # delta: scale factors; theta: residual variances (equal to 1 again when strict)
        scale = ["1"] + (["NA"] if scale_free else ["1"]) * (n_groups - 1)
        lines.append(f"{x} ~*~ {_vec(scale)}*{x}" if parameterization == "delta"
                     else f"{x} ~~ {_vec(scale)}*{x}")
    for f in factors:
        means = ["0"] + (["NA"] if rank >= 3 else ["0"]) * (n_groups - 1)
        lines.append(f"{f} ~ {_vec(means)}*1")
        var = ["1"] + (["NA"] if rank >= 2 else ["1"]) * (n_groups - 1)
        lines.append(f"{f} ~~ {_vec(var)}*{f}")
    return "\n".join(lines + other)


def ordinal_long_syntax(model: str, counts: dict[str, int], factors: Sequence[str], level: str,
                        *, residual_lags: int | str = 1, partial: Sequence[str] = (),
                        parameterization: str = "delta") -> str:
    """The explicit lavaan syntax of one level of longitudinal ordinal invariance.

    ``factors`` are one construct at successive waves, with the same number of indicators in the
    same order; the first wave is the reference. Residual covariances of the same indicator
    across waves are added at every level (lag 1 by default, all pairs with ``"all"``).
    """
    rank = _rank(level, parameterization)
    loadings, other = _structure(model)
    free = parse_partial(partial)
    _check_partial(free, [x for _, x in loadings], counts)
    inds = [[x for f2, x in loadings if f2 == f] for f in factors]
    if any(not i for i in inds):
        missing = [f for f, i in zip(factors, inds, strict=True) if not i]
        raise ModelError(f"not latent variables (=~) of the model: {', '.join(missing)}")
    if len({len(i) for i in inds}) != 1:
        raise ModelError("longitudinal invariance needs the same number of indicators at every "
                         f"wave; got {', '.join(str(len(i)) for i in inds)}")
    for j in range(len(inds[0])):
        k = {counts[i[j]] for i in inds}
        if len(k) != 1:
            raise ModelError("an indicator needs the same categories at every wave: "
                             f"{', '.join(i[j] for i in inds)}")
    lines = ["# craftwave: longitudinal ordinal invariance, Wu & Estabrook (2016), level "
             + level]
    for t, f in enumerate(factors):
        for j, x in enumerate(inds[t]):
            label = f".l{j + 1}." if rank >= 2 and (f, "=~", x) not in free else f".l{j + 1}.w{t + 1}."
            lines.append(f"{f} =~ NA*{x} + {label}*{x}")
    for t, f in enumerate(factors):
        for j, x in enumerate(inds[t]):
            # a threshold named at a later wave is free there; named at the first wave, it is
            # free at every wave (semTools' long.partial)
            same = [rank >= 1 and (x, "|", f"t{k}") not in free
                    and (inds[0][j], "|", f"t{k}") not in free
                    for k in range(1, counts[x] + 1)]
            terms = [f"{'.t' if eq else '.w' + str(t + 1) + '.t'}{j + 1}.{k}*t{k}"
                     for k, eq in enumerate(same, start=1)]
            lines.append(f"{x} | " + " + ".join(terms))
            first = t == 0
            int_free, scale_free = _identification(
                sum(same), rank >= 3 and (x, "~1", "") not in free,
                rank >= 4 and (x, "~~", x) not in free)
            lines.append(f"{x} ~ {'NA' if (int_free and not first) else '0'}*1")
            scale = "NA" if (scale_free and not first) else "1"
            lines.append(f"{x} ~*~ {scale}*{x}" if parameterization == "delta"
                         else f"{x} ~~ {scale}*{x}")
        lines.append(f"{f} ~ {'NA' if (t > 0 and rank >= 3) else '0'}*1")
        lines.append(f"{f} ~~ {'NA' if (t > 0 and rank >= 2) else '1'}*{f}")
    T = len(factors)
    lag = T - 1 if residual_lags == "all" else int(residual_lags)
    if lag < 0:
        raise ModelError("residual_lags must be a non-negative integer or 'all'")
    for j in range(len(inds[0])):
        for t in range(T):
            for u in range(t + 1, min(T, t + lag + 1)):
                lines.append(f"{inds[t][j]} ~~ {inds[u][j]}")
    return "\n".join(lines + other)


def _rank(level: str, parameterization: str = "delta") -> int:
    if level == "strict" and parameterization != "theta":
        raise ModelError("strict invariance of ordered indicators (equal residual variances) "
                         "needs the theta parameterization (--parameterization theta)")
    if level not in THETA_LEVELS:
        raise ModelError(f"level must be one of {', '.join(THETA_LEVELS)}")
    return THETA_LEVELS.index(level)


def _check_partial(free: set, items: Sequence[str], counts: dict[str, int]) -> None:
    """Partial thresholds must name an item of the model and one of its thresholds."""
    for lhs, op, rhs in sorted(free):
        if op != "|":
            continue
        if lhs not in items:
            raise ModelError(f"partial threshold {lhs} | {rhs}: {lhs} is not an indicator of "
                             "the model")
        k = int(rhs[1:])
        if k > counts[lhs]:
            raise ModelError(f"partial threshold {lhs} | {rhs}: {lhs} has {counts[lhs]} "
                             f"threshold{'s' if counts[lhs] != 1 else ''} "
                             f"({counts[lhs] + 1} categories)")


def _measures(res: OrdinalFit) -> dict[str, float]:
    fm = res.fit
    return {"chisq": fm["chisq_scaled"], "df": fm["df"], "pvalue": fm["pvalue_scaled"],
            "cfi": fm["cfi_scaled"], "tli": fm["tli_scaled"], "rmsea": fm["rmsea_scaled"],
            "srmr": fm["srmr"]}


def ordinal_invariance(model: str, data: pd.DataFrame, *, group: str | None = None,
                       long: Sequence[str] | None = None,
                       levels: Sequence[str] | None = None, residual_lags: int | str = 1,
                       partial: Sequence[str] = (), missing: str = "listwise",
                       criteria: dict[str, float | None] | None = None,
                       parameterization: str = "delta") -> InvarianceResult:
    """Ordinal measurement invariance across groups (``group``) or waves (``long``), by WLSMV.

    Parameters
    ----------
    model : str
        The configural model in lavaan syntax (no modifiers on loadings).
    data : pandas.DataFrame
    group, long
        Exactly one: the group column, or the factors that are one construct at successive waves.
    levels : sequence of str, optional
        A prefix of configural, thresholds, metric, scalar (and strict, under theta); default
        all of them.
    residual_lags : int or "all"
        Longitudinal only: lagged residual covariances of the same indicator.
    partial : sequence of str
        Parameters left free (:func:`parse_partial`): ``"f =~ x"``, ``"x ~ 1"``, ``"x ~~ x"``,
        ``"x | t1"``. Across waves a parameter named at a later wave is free at that wave; a
        threshold named at the first wave is free at every wave (semTools' ``long.partial``).
    missing : {"listwise", "pairwise"}
    criteria : dict, optional
        As :func:`craftwave.analysis.invariance.invariance` (default Chen 2007).
    parameterization : {"delta", "theta"}
        lavaan's; ``strict`` needs ``theta``.

    Returns
    -------
    InvarianceResult
        ``steps`` hold the scaled chi-square, CFI, TLI and RMSEA of each level, SRMR, and the
        scaled difference test; ``syntax`` the lavaan syntax of each level.
    """
    if (group is None) == (long is None):
        raise ModelError("give either group= (multi-group) or long= (longitudinal), not both")
    levels = list(levels if levels is not None
                  else THETA_LEVELS if parameterization == "theta" else ORDINAL_LEVELS)
    if "strict" in levels:
        _rank("strict", parameterization)     # refused by name under delta
    if not levels or levels != list(THETA_LEVELS[:len(levels)]):
        raise ModelError(f"levels must be a prefix of {', '.join(THETA_LEVELS)}")
    crit = merge_criteria(criteria)
    loadings, _ = _structure(model)
    items = list(dict.fromkeys(x for _, x in loadings))
    absent = [x for x in items if x not in data.columns]
    if absent:
        raise ModelError(f"not in the data: {', '.join(absent)}")
    counts = {x: len(recode_ordinal(data[x])[1]) - 1 for x in items}
    syntax: dict[str, str] = {}
    fits: dict[str, OrdinalFit] = {}
    n_groups = int(data[group].nunique()) if group is not None else 1
    for level in levels:
        if group is not None:
            syntax[level] = ordinal_group_syntax(model, counts, n_groups, level, partial,
                                                 parameterization)
        else:
            syntax[level] = ordinal_long_syntax(model, counts, list(long), level,
                                                residual_lags=residual_lags, partial=partial,
                                                parameterization=parameterization)
        fits[level] = fit_ordinal(syntax[level], data[items + ([group] if group else [])],
                                  group=group, missing=missing, std_lv=True,
                                  parameterization=parameterization)
    def difference(restricted: OrdinalFit, free: OrdinalFit) -> tuple[float, int, float]:
        test = compare_ordinal(restricted, free)
        return test["chisq_diff"], test["df_diff"], test["pvalue"]

    rows, reached = sequence_steps(levels, fits, _measures, difference, lambda res: True, crit)
    first = fits[levels[0]]
    return InvarianceResult(steps=pd.DataFrame(rows), fits=fits, level_reached=reached,
                            criteria=crit, kind="multi-group" if group else "longitudinal",
                            estimator="WLSMV", missing=first.stats.missing, syntax=syntax)
