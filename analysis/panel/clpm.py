"""Cross-lagged panel model (CLPM) of observed scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from craftwave.analysis.panel._common import (
    DEFAULT_MISSING,
    PanelModel,
    block,
    check_name,
    join,
    pairs,
    resolve_variables,
)
from craftwave.instruments.errors import ModelError
from craftwave.instruments.names import item_var, with_wave


def lag_terms(constructs: Sequence[str], names: Mapping[str, Sequence[str]], t: int,
              outcome: str, stationary: bool) -> str:
    """Right-hand side of ``outcome`` at position ``t`` regressed on every construct at ``t - 1``."""
    terms = []
    for c in constructs:
        prev = names[c][t - 1]
        if stationary:
            label = f"ar_{c}" if c == outcome else f"cl_{c}_{outcome}"
            terms.append(f"{label}*{prev}")
        else:
            terms.append(prev)
    return " + ".join(terms)


def lag_structure(constructs: Sequence[str], names: Mapping[str, Sequence[str]],
                  stationary: bool) -> dict[str, list[str]]:
    """The cross-lagged structure shared by the CLPM and the RI-CLPM's within part.

    ``names[c]`` lists construct ``c``'s variable at each wave (observed scores for the CLPM,
    within-person components for the RI-CLPM). Returns the statements by block: ``lagged``
    (every variable after the first wave on every construct at the wave before), ``first``
    (first-wave variances and covariances), ``resid_cov`` (within-wave residual covariances)
    and ``resid_var`` (residual variances).
    """
    n_waves = len(next(iter(names.values())))
    out: dict[str, list[str]] = {"lagged": [], "first": [], "resid_cov": [], "resid_var": []}
    for t in range(1, n_waves):
        for c in constructs:
            out["lagged"].append(f"{names[c][t]} ~ {lag_terms(constructs, names, t, c, stationary)}")
        out["resid_cov"] += [f"{names[a][t]} ~~ {names[b][t]}" for a, b in pairs(constructs)]
        out["resid_var"] += [f"{names[c][t]} ~~ {names[c][t]}" for c in constructs]
    out["first"] = [f"{names[c][0]} ~~ {names[c][0]}" for c in constructs]
    out["first"] += [f"{names[a][0]} ~~ {names[b][0]}" for a, b in pairs(constructs)]
    return out


def clpm(
    constructs: Sequence[str] | None = None,
    waves: Sequence[int] | None = None,
    *,
    variables: Mapping[str, Sequence[str]] | None = None,
    stationary: bool = False,
    indicators: Mapping[str, Sequence[str]] | None = None,
    ordered: bool = False,
    item_covariances: bool = True,
) -> PanelModel:
    """Build a cross-lagged panel model.

    Each construct at wave ``t`` is regressed on every construct at wave ``t - 1``
    (autoregressive and cross-lagged paths); the wave-1 scores have free variances and
    covariances, and the residuals of the same wave covary.

    Parameters
    ----------
    constructs : sequence of str
        Construct stems; the columns are ``{construct}_w{wave}`` (codebook names).
    waves : sequence of int
        The waves, e.g. ``[1, 2, 3, 4]``.
    variables : mapping, optional
        Explicit columns instead: ``{construct: [column at each wave]}``.
    stationary : bool, default False
        Constrain each lagged effect to be equal across waves (labels ``ar_{c}`` for the
        autoregression of ``c`` and ``cl_{from}_{to}`` for the cross-lagged effect of ``from``
        on ``to``).
    indicators : mapping, optional
        Multiple indicators: ``{construct: [item ids]}``; the columns are the codebook's item
        names ``{construct}_{item}_w{wave}``. Each such construct is a factor ``F_{c}_w{t}``
        per wave with the first item's loading fixed to 1 and the others equal across waves
        (labels ``l_{c}_{item}``: weak invariance); the lagged effects are among the factors.
        Constructs not named here use their scale score.
    ordered : bool, default False
        The items are ordered categories (every construct needs ``indicators``): fitted by
        WLSMV (delta parameterisation) with each item's thresholds equal across waves and its
        latent-response intercept and scale fixed at wave 1 (0 and 1) and free later, as in
        :func:`craftwave.analysis.riclpm`; missing answers pairwise.
    item_covariances : bool, default True
        With indicators: the residuals of the same item covary across waves (its
        wave-specific part is not all measurement error). Set False for the plain factor CLPM.

    Returns
    -------
    PanelModel
        ``.syntax`` holds the lavaan syntax; ``.fit(data)`` fits it with FIML (WLSMV when
        ordered).

    Examples
    --------
    >>> m = clpm(["icraft", "resil"], [1, 2, 3])
    >>> print(m.syntax.splitlines()[-1])
    resil_w3 ~~ resil_w3
    >>> m = clpm(["icraft", "resil"], [1, 2], indicators={"icraft": ["a", "b"]})
    >>> "F_icraft_w2 =~ 1*icraft_a_w2 + l_icraft_b*icraft_b_w2" in m.syntax
    True
    """
    cs, wv, names = resolve_variables(constructs, waves, variables, minimum_waves=2)
    indicators = dict(indicators or {})
    measured = measurement_blocks(cs, wv, indicators, ordered, item_covariances,
                                  explicit=variables is not None, factor="F")
    lag_names = {c: measured["latent"].get(c) or names[c] for c in cs}
    lags = lag_structure(cs, lag_names, stationary)
    kind = ("ordinal " if ordered else "") + ("multiple-indicator " if indicators else "")
    header = (
        f"Cross-lagged panel model{f' ({kind.strip()})' if kind else ''}: "
        f"{', '.join(cs)} at waves {', '.join(map(str, wv))}.\n"
        + ("Built by craftwave (analysis.clpm); fitted by WLSMV, missing answers pairwise.\n"
           if ordered else "Built by craftwave (analysis.clpm); fitted with FIML by default.\n")
        + ("Lagged effects are constrained equal across waves (stationary).\n" if stationary else "")
        + ("Ordered items: WLSMV; thresholds equal across waves are added from the data's "
           "categories when fitted.\n" if ordered else "")
    )
    syntax = join(
        [
            block("measurement: one factor per construct and wave (loadings equal across waves)",
                  measured["loadings"]),
            block("measurement-error variances", measured["err_var"]),
            block("the same item's residuals covary across waves", measured["item_cov"]),
            block("latent-response intercepts and scale factors: fixed at wave 1, free later",
                  measured["response"]),
            block("autoregressive and cross-lagged paths", lags["lagged"]),
            block("wave-1 variances and covariances", lags["first"]),
            block("within-wave residual covariances", lags["resid_cov"]),
            block("residual variances", lags["resid_var"]),
        ],
        header,
    )
    observed = tuple(v for c in cs for v in (measured["observed"].get(c) or names[c]))
    options: dict = {"stationary": stationary,
                     "indicators": {c: list(v) for c, v in indicators.items()}}
    if indicators:
        options["item_covariances"] = item_covariances
    if ordered:
        options["ordered"] = True
        options["threshold_items"] = measured["threshold_items"]
    return PanelModel("clpm", syntax, observed, cs, wv,
                      missing="pairwise" if ordered else DEFAULT_MISSING, options=options)


def measurement_blocks(constructs: Sequence[str], waves: Sequence[int],
                       indicators: Mapping[str, Sequence[str]], ordered: bool,
                       item_covariances: bool, *, explicit: bool, factor: str) -> dict:
    """The measurement part of a multiple-indicator panel model.

    Returns the statements by block (``loadings``, ``err_var``, ``item_cov``, ``response``),
    the latent variable of each measured construct at each wave (``latent``), its items'
    columns (``observed``, wave-major per construct) and ``threshold_items`` (label, columns
    at every wave) for the thresholds of ordered items.
    """
    unknown = [c for c in indicators if c not in constructs]
    if unknown:
        raise ModelError(f"indicators given for unknown construct(s): {', '.join(unknown)}")
    if indicators and explicit:
        raise ModelError("indicators use codebook item names; give constructs and waves, not variables")
    if ordered:
        bare = [c for c in constructs if not indicators.get(c)]
        if bare:
            raise ModelError("ordered items need multiple indicators for every construct; none "
                             f"given for {', '.join(bare)}")
    out: dict = {"loadings": [], "err_var": [], "item_cov": [], "response": [],
                 "latent": {}, "observed": {}, "threshold_items": []}
    for c in constructs:
        items = list(indicators.get(c, []))
        if not items:
            continue
        if len(items) < 2:
            raise ModelError(f"{c}: multiple indicators need at least two items")
        cols = {it: [item_var(c, check_name(it, "item"), w) for w in waves] for it in items}
        out["latent"][c] = [with_wave(f"{factor}_{c}", w) for w in waves]
        out["observed"][c] = [cols[it][t] for t in range(len(waves)) for it in items]
        for t in range(len(waves)):
            terms = [f"{'1' if k == 0 else f'l_{c}_{it}'}*{cols[it][t]}"
                     for k, it in enumerate(items)]
            out["loadings"].append(f"{out['latent'][c][t]} =~ " + " + ".join(terms))
        for it in items:
            if ordered:
                out["response"] += [f"{v} ~ {'0' if t == 0 else 'NA'}*1"
                                    for t, v in enumerate(cols[it])]
                out["response"] += [f"{v} ~*~ {'1' if t == 0 else 'NA'}*{v}"
                                     for t, v in enumerate(cols[it])]
                out["threshold_items"].append((f"th_{c}_{it}", cols[it]))
            else:
                out["err_var"] += [f"{v} ~~ {v}" for v in cols[it]]
            if item_covariances:
                out["item_cov"] += [f"{a} ~~ {b}" for a, b in pairs(cols[it])]
    return out
