"""Random-intercept cross-lagged panel model (RI-CLPM).

After Hamaker, Kuiper and Grasman (2015): each construct's observed scores split into a stable
between-person part (a random intercept with loadings fixed to 1) and wave-specific
within-person deviations; the lagged (autoregressive and cross-lagged) effects live among the
within-person components. With several indicators per construct the model follows the
multiple-indicator extension of Mulder and Hamaker (2021): one random intercept per indicator,
a within-person factor per construct and wave with loadings equal across waves (weak
invariance), and free measurement-error variances.
"""

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
from craftwave.analysis.panel.clpm import lag_structure
from craftwave.instruments.errors import ModelError
from craftwave.instruments.names import item_var, with_wave


def riclpm(
    constructs: Sequence[str] | None = None,
    waves: Sequence[int] | None = None,
    *,
    variables: Mapping[str, Sequence[str]] | None = None,
    stationary: bool = False,
    indicators: Mapping[str, Sequence[str]] | None = None,
    ordered: bool = False,
) -> PanelModel:
    """Build a random-intercept cross-lagged panel model.

    Parameters
    ----------
    constructs : sequence of str
        Construct stems; the columns are ``{construct}_w{wave}`` (codebook names).
    waves : sequence of int
        The waves (at least 3), e.g. ``[1, 2, 3, 4]``.
    variables : mapping, optional
        Explicit columns instead: ``{construct: [column at each wave]}``.
    stationary : bool, default False
        Constrain each lagged effect to be equal across waves (labels ``ar_{c}`` and
        ``cl_{from}_{to}``, as in :func:`craftwave.analysis.clpm`).
    indicators : mapping, optional
        Multiple indicators: ``{construct: [item ids]}``, e.g. ``{"icraft": ["task_1",
        "task_2", "task_3"]}``; the columns are the codebook's item names
        ``{construct}_{item}_w{wave}``. Constructs not named here use their scale score.
    ordered : bool, default False
        The items are ordered categories (every construct needs ``indicators``): the model is
        fitted by WLSMV (delta parameterisation) with each item's thresholds equal across waves,
        its latent-response intercept and scale fixed at wave 1 (0 and 1) and free later, as
        longitudinal invariance at the thresholds and metric levels requires (Wu and Estabrook
        2016); the threshold lines come from the data's categories when the model is fitted
        (:meth:`PanelModel.full_syntax`). Missing answers: pairwise (FIML is not available for
        WLSMV).

    Returns
    -------
    PanelModel
        Latent variables are ``RI_{c}`` (random intercepts; ``RI_{c}_{item}`` with
        indicators) and ``W_{c}_w{t}`` (within-person components).

    Notes
    -----
    The random intercepts covary with each other and not with the wave-1 within-person
    components; observed means (intercepts) are free per wave. With single indicators the
    observed residual variances are fixed to zero, so the within components carry all of the
    wave-specific variance.

    Examples
    --------
    >>> m = riclpm(["icraft", "resil"], [1, 2, 3, 4], stationary=True)
    >>> "W_resil_w2 ~ cl_icraft_resil*W_icraft_w1 + ar_resil*W_resil_w1" in m.syntax
    True
    """
    cs, wv, names = resolve_variables(constructs, waves, variables, minimum_waves=3)
    indicators = dict(indicators or {})
    unknown = [c for c in indicators if c not in cs]
    if unknown:
        raise ModelError(f"indicators given for unknown construct(s): {', '.join(unknown)}")
    if indicators and variables is not None:
        raise ModelError("indicators use codebook item names; give constructs and waves, not variables")
    if ordered:
        bare = [c for c in cs if not indicators.get(c)]
        if bare:
            raise ModelError("ordered items need multiple indicators for every construct; none "
                             f"given for {', '.join(bare)}")
    within = {c: [with_wave(f"W_{c}", w) for w in wv] for c in cs}

    ri, wdef, zero_err, err_var, observed = [], [], [], [], []
    response: list[str] = []
    item_waves: list[tuple[str, list[str]]] = []
    for c in cs:
        items = list(indicators.get(c, []))
        if items:
            if len(items) < 2:
                raise ModelError(f"{c}: multiple indicators need at least two items")
            cols = {it: [item_var(c, check_name(it, "item"), w) for w in wv] for it in items}
            for it in items:
                ri.append(f"RI_{c}_{it} =~ " + " + ".join(f"1*{v}" for v in cols[it]))
                if ordered:
                    response += [f"{v} ~ {'0' if t == 0 else 'NA'}*1"
                                 for t, v in enumerate(cols[it])]
                    response += [f"{v} ~*~ {'1' if t == 0 else 'NA'}*{v}"
                                 for t, v in enumerate(cols[it])]
                    item_waves.append((f"th_{c}_{it}", cols[it]))
                else:
                    err_var += [f"{v} ~~ {v}" for v in cols[it]]
                observed += cols[it]
            for t in range(len(wv)):
                terms = [f"{'1' if k == 0 else f'l_{c}_{it}'}*{cols[it][t]}"
                         for k, it in enumerate(items)]
                wdef.append(f"{within[c][t]} =~ " + " + ".join(terms))
        else:
            ri.append(f"RI_{c} =~ " + " + ".join(f"1*{v}" for v in names[c]))
            for t in range(len(wv)):
                wdef.append(f"{within[c][t]} =~ 1*{names[c][t]}")
            zero_err += [f"{v} ~~ 0*{v}" for v in names[c]]
            observed += names[c]
    ri_names = [ln.split(" =~ ")[0] for ln in ri]

    lags = lag_structure(cs, within, stationary)
    ri_cov = [f"{r} ~~ {r}" for r in ri_names] + [f"{a} ~~ {b}" for a, b in pairs(ri_names)]
    ri_zero = [f"{r} ~~ 0*{within[c][0]}" for r in ri_names for c in cs]

    kind = ("ordinal " if ordered else "") + ("multiple-indicator " if indicators else "")
    header = (
        f"Random-intercept cross-lagged panel model ({kind}Hamaker, Kuiper & Grasman, 2015"
        + ("; Mulder & Hamaker, 2021" if indicators else "") + "):\n"
        f"{', '.join(cs)} at waves {', '.join(map(str, wv))}.\n"
        + ("Built by craftwave (analysis.riclpm); fitted by WLSMV, missing answers pairwise.\n"
           if ordered else "Built by craftwave (analysis.riclpm); fitted with FIML by default.\n")
        + ("Lagged effects are constrained equal across waves (stationary).\n" if stationary else "")
        + ("Ordered items: WLSMV; thresholds equal across waves are added from the data's "
           "categories when fitted.\n" if ordered else "")
    )
    syntax = join(
        [
            block("random intercepts: stable between-person differences (loadings fixed to 1)", ri),
            block("within-person components"
                  + (" (loadings equal across waves)" if indicators else ""), wdef),
            block("observed residual variances fixed to zero", zero_err),
            block("measurement-error variances", err_var),
            block("latent-response intercepts and scale factors: fixed at wave 1, free later",
                  response),
            block("lagged effects among the within-person components", lags["lagged"]),
            block("wave-1 within-person variances and covariance", lags["first"]),
            block("within-wave residual covariances", lags["resid_cov"]),
            block("within-person residual variances", lags["resid_var"]),
            block("random-intercept variances and covariances", ri_cov),
            block("random intercepts unrelated to the wave-1 within-person components", ri_zero),
        ],
        header,
    )
    options = {"stationary": stationary,
               "indicators": {c: list(v) for c, v in indicators.items()}}
    if ordered:
        options["ordered"] = True
        options["threshold_items"] = item_waves
    return PanelModel("riclpm", syntax, tuple(observed), cs, wv,
                      missing="pairwise" if ordered else DEFAULT_MISSING, options=options)
