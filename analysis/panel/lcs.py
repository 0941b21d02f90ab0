"""Bivariate latent change score model with coupling."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from craftwave.analysis.panel._common import PanelModel, block, join, pairs, resolve_variables
from craftwave.instruments.names import with_wave


def lcs(
    constructs: Sequence[str] | None = None,
    waves: Sequence[int] | None = None,
    *,
    variables: Mapping[str, Sequence[str]] | None = None,
) -> PanelModel:
    """Build a (bi- or multivariate) latent change score model with coupling.

    Each observed score is a latent true score plus measurement error (error variance equal
    across waves). From wave to wave the true score changes by a latent change ``D_{c}_w{t}``
    that depends on the construct's own previous level (proportional change, ``beta_{c}``) and
    on the other constructs' previous levels (coupling, ``gamma_{from}_{to}``), with a constant
    change part (mean ``mu_d_{c}``) and a residual. Dynamic parameters are equal across waves.

    Parameters
    ----------
    constructs : sequence of str
        Construct stems (usually two); columns ``{construct}_w{wave}``.
    waves : sequence of int
        At least three waves.
    variables : mapping, optional
        Explicit columns instead: ``{construct: [column at each wave]}``.

    Returns
    -------
    PanelModel

    Examples
    --------
    >>> m = lcs(["icraft", "resil"], [1, 2, 3])
    >>> "D_resil_w2 ~ beta_resil*L_resil_w1 + gamma_icraft_resil*L_icraft_w1" in m.syntax
    True
    """
    cs, wv, names = resolve_variables(constructs, waves, variables, minimum_waves=3)
    level = {c: [with_wave(f"L_{c}", w) for w in wv] for c in cs}
    change = {c: [None] + [with_wave(f"D_{c}", w) for w in wv[1:]] for c in cs}
    meas, carry, define, dyn, dmean, dvar, dcov, init, err = [], [], [], [], [], [], [], [], []
    for c in cs:
        for t in range(len(wv)):
            meas.append(f"{level[c][t]} =~ 1*{names[c][t]}")
            err += [f"{names[c][t]} ~~ err_{c}*{names[c][t]}", f"{names[c][t]} ~ 0*1"]
        for t in range(1, len(wv)):
            carry += [f"{level[c][t]} ~ 1*{level[c][t - 1]}",
                      f"{level[c][t]} ~~ 0*{level[c][t]}", f"{level[c][t]} ~ 0*1"]
            define.append(f"{change[c][t]} =~ 1*{level[c][t]}")
            terms = [f"beta_{c}*{level[c][t - 1]}"]
            terms += [f"gamma_{o}_{c}*{level[o][t - 1]}" for o in cs if o != c]
            dyn.append(f"{change[c][t]} ~ " + " + ".join(terms))
            dmean.append(f"{change[c][t]} ~ mu_d_{c}*1")
            dvar.append(f"{change[c][t]} ~~ var_d_{c}*{change[c][t]}")
        init += [f"{level[c][0]} ~ 1", f"{level[c][0]} ~~ {level[c][0]}"]
    for a, b in pairs(cs):
        init.append(f"{level[a][0]} ~~ {level[b][0]}")
        dcov += [f"{change[a][t]} ~~ cov_d_{a}_{b}*{change[b][t]}" for t in range(1, len(wv))]
    header = (
        f"Latent change score model with coupling: {', '.join(cs)} at waves "
        f"{', '.join(map(str, wv))}.\n"
        "Built by craftwave (analysis.lcs); fitted with FIML by default.\n"
        "Dynamic parameters (beta: proportional change, gamma: coupling) are equal across waves.\n"
    )
    syntax = join(
        [
            block("latent true scores", meas),
            block("each true score carries the previous one forward (weight 1, no residual)", carry),
            block("latent change scores", define),
            block("proportional change (beta) and coupling (gamma)", dyn),
            block("constant change (mean of the change) and residual change variance", dmean + dvar),
            block("covariance of the changes within a wave", dcov),
            block("initial levels: means, variances, covariances", init),
            block("measurement error (equal across waves); observed intercepts fixed to 0", err),
        ],
        header,
    )
    observed = tuple(v for c in cs for v in names[c])
    return PanelModel("lcs", syntax, observed, cs, wv)
