"""Turn item answers into subscale and scale scores."""

from __future__ import annotations

import numpy as np
import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.instruments.names import item_var, scale_var, subscale_var
from craftwave.instruments.schema import Instrument


def reverse_value(values: np.ndarray | pd.Series, minimum: float, maximum: float):
    """Reverse-key answers on a scale from ``minimum`` to ``maximum`` (``min + max - x``)."""
    return minimum + maximum - values


def score(answers: pd.DataFrame, instrument: Instrument, wave: int | None = None) -> pd.DataFrame:
    """Score one instrument from item answers in a wide DataFrame.

    Parameters
    ----------
    answers : DataFrame
        One row per participant. Columns are item variables, either with the wave suffix
        (``icraft_task_1_w2``, give ``wave``) or without it (``icraft_task_1``, ``wave=None``).
        Other columns are ignored; missing item columns count as unanswered.
    instrument : Instrument
        The definition whose scoring rules apply.
    wave : int, optional
        The wave whose columns to score.

    Returns
    -------
    DataFrame
        Same index as ``answers``; one column per subscale (``icraft_task_w2``) and, if the
        instrument scores a total, one for the whole scale (``icraft_w2``). A score is missing
        when fewer than the instrument's minimum number of items were answered. Non-substantive
        answers ("prefer not to say") count as unanswered; a value outside the scale or a
        non-numeric value raises a :class:`DataError` that names the column and row. Sums are
        prorated (mean times item count) when some items are missing but the minimum is met.

    Examples
    --------
    >>> import pandas as pd
    >>> from craftwave.instruments import LIBRARY_DIR, load_instrument
    >>> from craftwave.instruments.scoring import score
    >>> inst = load_instrument(LIBRARY_DIR / "icraft.yaml")
    >>> row = {f"icraft_{i.id}_w1": 4 for i in inst.items}
    >>> score(pd.DataFrame([row]), inst, wave=1).round(2).iloc[0].to_dict()["icraft_task_w1"]
    3.5
    """
    if instrument.scoring is None:
        raise DataError(f"instrument '{instrument.id}' defines no scoring")
    rules = instrument.scoring
    values = _item_matrix(answers, instrument, wave)
    out = pd.DataFrame(index=answers.index)

    def combine(cols: list[str], min_items: int) -> pd.Series:
        block = values[cols]
        n = block.notna().sum(axis=1)
        if rules.method == "mean":
            s = block.mean(axis=1)
        else:  # sum: prorated when items are missing but the minimum is met
            s = block.mean(axis=1) * len(cols)
        return s.where(n >= min_items)

    for name, sub in score_columns(instrument, wave):
        if sub is not None:
            cols = [i.id for i in instrument.subscale_items(sub) if i.type == "scale"]
            out[name] = combine(cols, rules.min_items)
        else:
            cols = [i.id for i in instrument.scored_items]
            out[name] = combine(cols, rules.total_min_items or rules.min_items)
    return out


def score_columns(instrument: Instrument, wave: int | None = None) -> list[tuple[str, str | None]]:
    """The score variables :func:`score` makes, in order, with the subscale each one scores.

    Parameters
    ----------
    instrument : Instrument
        The definition.
    wave : int, optional
        The wave suffix; ``None`` gives names without it.

    Returns
    -------
    list of (str, str or None)
        ``(variable name, subscale id)``; the subscale is ``None`` for the whole-scale score.
        Empty when the instrument defines no scoring.

    Examples
    --------
    >>> from craftwave.instruments import LIBRARY_DIR, load_instrument
    >>> score_columns(load_instrument(LIBRARY_DIR / "icraft.yaml"), wave=2)[-1]
    ('icraft_w2', None)
    """
    rules = instrument.scoring
    if rules is None:
        return []
    out: list[tuple[str, str | None]] = []
    for sub in instrument.subscales:
        name = (subscale_var(instrument.prefix, sub.id, wave) if wave is not None
                else f"{instrument.prefix}_{sub.id}")
        out.append((name, sub.id))
    if rules.total or not instrument.subscales:
        name = scale_var(instrument.prefix, wave) if wave is not None else instrument.prefix
        out.append((name, None))
    return out


def _item_matrix(answers: pd.DataFrame, instrument: Instrument, wave: int | None) -> pd.DataFrame:
    """Scored items as floats, reverse keyed, non-substantive codes as NaN; columns = item ids."""
    cols = {}
    for item in instrument.scored_items:
        col = item_var(instrument.prefix, item.id, wave) if wave is not None else f"{instrument.prefix}_{item.id}"
        scale = instrument.scale_of(item)
        if col not in answers.columns:
            cols[item.id] = pd.Series(np.nan, index=answers.index)
            continue
        raw = pd.to_numeric(answers[col], errors="coerce")
        bad_text = answers[col].notna() & raw.isna()
        if bad_text.any():
            row = answers.index[bad_text.to_numpy()][0]
            raise DataError(f"column '{col}': non-numeric value {answers[col][row]!r} in row {row!r}")
        raw = raw.astype(float).mask(raw.isin(scale.missing_values))
        outside = raw.notna() & ~raw.isin(scale.substantive_values)
        if outside.any():
            row = answers.index[outside.to_numpy()][0]
            raise DataError(
                f"column '{col}': value {raw[row]:g} in row {row!r} is not on the scale "
                f"'{scale.id}' ({scale.substantive_values})"
            )
        if instrument.is_reversed(item.id):
            raw = reverse_value(raw, scale.minimum, scale.maximum)
        cols[item.id] = raw
    return pd.DataFrame(cols, index=answers.index)
