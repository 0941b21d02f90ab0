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
from craftwave.analysis.sem.categorical.polychoric import recode_ordinal
from craftwave.analysis.sem.syntax import parse_model

__all__ = ["ORDINAL_LEVELS", "ordinal_group_syntax", "ordinal_invariance", "ordinal_long_syntax"]

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


def _check_categories(counts: dict[str, int]) -> None:
    binary = [i for i, k in counts.items() if k < 3]
    if binary:
        raise ModelError("not supported yet: items with two categories in ordinal invariance "
                         f"({', '.join(binary)}); Wu and Estabrook's identification differs")


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
        Loadings (``"f =~ x"``) or intercepts (``"x ~ 1"``) left free across groups.
    """
    rank = _rank(level, parameterization)
    loadings, other = _structure(model)
    _check_categories({x: counts[x] for _, x in loadings})
    free = _partial_keys(partial)
    G = range(1, n_groups + 1)
    lines = ["# craftwave: ordinal invariance, Wu & Estabrook (2016), level " + level]
    factors = list(dict.fromkeys(f for f, _ in loadings))
    items = list(dict.fromkeys(x for _, x in loadings))
    for f, x in loadings:
        same = rank >= 2 and (f, "=~", x) not in free
        labels = [f"l.{f}.{x}" if same else f"l.{f}.{x}.g{g}" for g in G]
        lines.append(f"{f} =~ {_vec(['NA'] * n_groups)}*{x} + {_vec(labels)}*{x}")
    for x in items:
        for k in range(1, counts[x] + 1):
            labels = [f"{x}.t{k}" if rank >= 1 else f"{x}.t{k}.g{g}" for g in G]
            lines.append(f"{x} | {_vec(['NA'] * n_groups)}*t{k} + {_vec(labels)}*t{k}")
    for x in items:
        later_free = rank >= 1 and not (rank >= 3 and (x, "~1", "") not in free)
        values = ["0"] + (["NA"] if later_free else ["0"]) * (n_groups - 1)
        lines.append(f"{x} ~ {_vec(values)}*1")
        # delta: scale factors; theta: residual variances (equal to 1 again when strict)
        scale = ["1"] + (["NA"] if 1 <= rank < 4 else ["1"]) * (n_groups - 1)
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
    _check_categories({x: counts[x] for _, x in loadings})
    free = _partial_keys(partial)
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
            terms = [f"{'.t' if rank >= 1 else '.w' + str(t + 1) + '.t'}{j + 1}.{k}*t{k}"
                     for k in range(1, counts[x] + 1)]
            lines.append(f"{x} | " + " + ".join(terms))
            first = t == 0
            intercept_free = (not first and rank >= 1
                              and not (rank >= 3 and (x, "~1", "") not in free))
            lines.append(f"{x} ~ {'NA' if intercept_free else '0'}*1")
            scale = "NA" if (not first and 1 <= rank < 4) else "1"
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


def _partial_keys(partial: Sequence[str]) -> set[tuple[str, str, str]]:
    keys = set()
    for text in partial:
        if "|" in text:
            raise ModelError(f"not supported yet: partial threshold invariance ({text})")
        if "=~" in text:
            lhs, rhs = (s.strip() for s in text.split("=~", 1))
            keys.add((lhs, "=~", rhs))
        elif "~" in text and text.split("~", 1)[1].strip() == "1":
            keys.add((text.split("~", 1)[0].strip(), "~1", ""))
        else:
            raise ModelError(f"partial takes loadings ('f =~ x') or intercepts ('x ~ 1'); got "
                             f"{text!r}")
    return keys


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
        Loadings or intercepts left free.
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
