"""The study's focal model: crafting at wave 1 -> resilience at wave 2 -> commitment at wave 3.

Individual crafting (``icraft``) and collaborative crafting (``ccraft``) at wave 1, and their
product, predict resilience at wave 2 controlling resilience at wave 1 (first stage, moderated);
resilience at wave 2 predicts career commitment at wave 3 controlling commitment at wave 2
(second stage). The indirect effect of individual crafting through resilience is conditional on
collaborative crafting: ``(a1 + a3 * w) * b``, with index of moderated mediation ``a3 * b``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from craftwave.analysis.panel._common import PanelModel, block, check_name, join
from craftwave.instruments.errors import DataError, ModelError
from craftwave.instruments.names import product_var, with_wave


def focal(
    data: pd.DataFrame | None = None,
    *,
    x: str = "icraft",
    w: str = "ccraft",
    m: str = "resil",
    y: str = "ccommit",
    waves: Sequence[int] = (1, 2, 3),
    controls: Sequence[str] = (),
    center: bool = True,
    direct: bool = True,
    probe_sd: float = 1.0,
) -> PanelModel:
    """Build the study's focal moderated-mediation panel model.

    Parameters
    ----------
    data : DataFrame, optional
        When given, the moderator's probe values (its mean and +/- ``probe_sd`` SDs) and the
        centring means are taken from these data (full sample, fixed thereafter, as PROCESS
        does) and written into the syntax as numbers. Without data the syntax defines the
        index of moderated mediation and the indirect effect at the moderator's mean only.
    x, w, m, y : str
        Construct stems of the predictor (individual crafting), the moderator (collaborative
        crafting), the mediator (resilience) and the outcome (career commitment).
    waves : (int, int, int)
        The three waves: predictors at the first, mediator at the second, outcome at the third.
        The mediator is controlled at the first wave and the outcome at the second.
    controls : sequence of str
        Further columns (e.g. ``"age"``) entered as predictors of both outcomes.
    center : bool, default True
        Mean-centre ``x`` and ``w`` before forming their product (the centred columns replace
        the originals in the data handed to the engine).
    direct : bool, default True
        Include the direct paths from ``x``, ``w`` and the product to the outcome.
    probe_sd : float, default 1.0
        Probe the moderator at its mean +/- this many standard deviations.

    Returns
    -------
    PanelModel
        Labels: ``a1`` (x), ``a2`` (w), ``a3`` (product) on the mediator; ``b`` (mediator),
        ``c1``, ``c2``, ``c3`` on the outcome. Defined: ``imm`` (index of moderated
        mediation), ``ind_mean`` and, with data, ``ind_low`` and ``ind_high``.

    Examples
    --------
    >>> spec = focal()
    >>> "resil_w2 ~ a1*icraft_w1 + a2*ccraft_w1 + a3*icraft_w1_x_ccraft_w1 + resil_w1" in spec.syntax
    True
    """
    if len(waves) != 3:
        raise ModelError(f"the focal model has three waves; got {list(waves)}")
    w1, w2, w3 = (int(v) for v in waves)
    if not w1 < w2 < w3:
        raise ModelError(f"waves must increase; got {list(waves)}")
    for name in (x, w, m, y, *controls):
        check_name(name)
    xv, wv = with_wave(x, w1), with_wave(w, w1)
    xw = product_var(xv, wv)
    m_prev, m_out = with_wave(m, w1), with_wave(m, w2)
    y_prev, y_out = with_wave(y, w2), with_wave(y, w3)
    ctrl = [f" + {c}" for c in controls]

    means: dict[str, float] = {}
    sd = None
    if data is not None:
        absent = [v for v in (xv, wv) if v not in data.columns]
        if absent:
            raise DataError(f"focal: the data have no column(s) {', '.join(absent)}")
        means = {v: float(pd.to_numeric(data[v]).mean()) for v in (xv, wv)}
        sd = float(pd.to_numeric(data[wv]).std(ddof=1))
        if not np.isfinite(sd) or sd <= 0:
            raise DataError(f"focal: {wv} has no variance, so it cannot moderate")

    a_line = f"{m_out} ~ a1*{xv} + a2*{wv} + a3*{xw} + {m_prev}" + "".join(ctrl)
    b_terms = f"b*{m_out}" + (f" + c1*{xv} + c2*{wv} + c3*{xw}" if direct else "")
    b_line = f"{y_out} ~ {b_terms} + {y_prev}" + "".join(ctrl)
    mod_mean = 0.0 if (center or data is None) else means[wv]
    defined = ["imm := a3*b", f"ind_mean := (a1 + a3*{_num(mod_mean)})*b"]
    if sd is not None:
        lo, hi = mod_mean - probe_sd * sd, mod_mean + probe_sd * sd
        defined += [f"ind_low := (a1 + a3*{_num(lo)})*b", f"ind_high := (a1 + a3*{_num(hi)})*b"]
    where = "centred " if center else ""
    header = (
        f"Focal model: {x} and {w} at wave {w1} (and their product) -> {m} at wave {w2} "
        f"-> {y} at wave {w3}.\n"
        f"{m} wave {w2} is controlled for {m} wave {w1}; {y} wave {w3} for {y} wave {w2}.\n"
        f"Product term {xw} = {where}{xv} * {where}{wv}"
        + (" (centred at the full-sample means)" if center else "") + ".\n"
        + (f"Moderator probed at its mean and +/- {probe_sd:g} SD (SD = {sd:.6g}).\n"
           if sd is not None else "")
        + "Built by craftwave (analysis.focal); fitted with FIML by default.\n"
    )
    syntax = join(
        [
            block(f"first stage: {m} at wave {w2} (a3: moderation by {w})", [a_line]),
            block(f"second stage: {y} at wave {w3}", [b_line]),
            block("conditional indirect effects and the index of moderated mediation", defined),
        ],
        header,
    )
    observed = (xv, wv, xw, m_prev, m_out, y_prev, y_out, *controls)

    def prepare(frame: pd.DataFrame) -> pd.DataFrame:
        absent = [v for v in (xv, wv) if v not in frame.columns]
        if absent:
            raise DataError(f"focal: the data have no column(s) {', '.join(absent)}")
        out = frame.copy()
        if center:
            for v in (xv, wv):
                mu = means.get(v, float(pd.to_numeric(out[v]).mean()))
                out[v] = pd.to_numeric(out[v]) - mu
        out[xw] = pd.to_numeric(out[xv]) * pd.to_numeric(out[wv])
        return out

    return PanelModel(
        "focal", syntax, observed, (x, w, m, y), (w1, w2, w3), prepare=prepare,
        options={"center": center, "direct": direct, "probe_sd": probe_sd, "moderator_sd": sd,
                 "centering_means": means, "controls": list(controls)},
    )


def _num(v: float) -> str:
    """A number written for lavaan syntax: full precision, parenthesised when negative."""
    text = repr(float(v))
    return f"({text})" if v < 0 else text
