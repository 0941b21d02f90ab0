"""Cross-lagged panel model (CLPM) of observed scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from craftwave.analysis.panel._common import PanelModel, block, join, pairs, resolve_variables


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

    Returns
    -------
    PanelModel
        ``.syntax`` holds the lavaan syntax; ``.fit(data)`` fits it with FIML.

    Examples
    --------
    >>> m = clpm(["icraft", "resil"], [1, 2, 3])
    >>> print(m.syntax.splitlines()[-1])
    resil_w3 ~~ resil_w3
    """
    cs, wv, names = resolve_variables(constructs, waves, variables, minimum_waves=2)
    lags = lag_structure(cs, names, stationary)
    header = (
        f"Cross-lagged panel model: {', '.join(cs)} at waves {', '.join(map(str, wv))}.\n"
        "Built by craftwave (analysis.clpm); fitted with FIML by default.\n"
        + ("Lagged effects are constrained equal across waves (stationary).\n" if stationary else "")
    )
    syntax = join(
        [
            block("autoregressive and cross-lagged paths", lags["lagged"]),
            block("wave-1 variances and covariances", lags["first"]),
            block("within-wave residual covariances", lags["resid_cov"]),
            block("residual variances", lags["resid_var"]),
        ],
        header,
    )
    observed = tuple(v for c in cs for v in names[c])
    return PanelModel("clpm", syntax, observed, cs, wv, options={"stationary": stationary})
