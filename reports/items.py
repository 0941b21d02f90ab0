"""The item answers the reports analyse as ordered categories, and how they are chosen.

Models of items as ordered indicators (``analysis: {indicators: ordinal}`` in the study file)
need the answers themselves, not the scale scores: every scored item of every instrument at
every wave, reverse keyed through the instrument and with non-substantive answers ("prefer not
to say") missing (:func:`craftwave.analysis.data.item_matrix`), after the study's quality
policy. ``craftwave scores EXPORT_DIR --items`` writes exactly this table, so a report's
ordinal models are reproduced from it.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from craftwave.analysis.data import item_matrix, scored_waves
from craftwave.instruments.errors import DataError
from craftwave.instruments.names import item_var

__all__ = ["INDICATORS_PER_CONSTRUCT", "item_frame", "ordinal_indicators", "item_text"]

#: Ordered indicators per construct and wave in the reports' panel models.
INDICATORS_PER_CONSTRUCT = 3


def item_frame(wide: pd.DataFrame, library: Mapping | None = None) -> pd.DataFrame:
    """``participant_id`` and every scored item at every wave, as the reports analyse them.

    Parameters
    ----------
    wide : DataFrame
        The export's wide answers after the quality policy (excluded waves blank).
    library : mapping, optional
        Instrument id -> Instrument (default: the installed library).

    Returns
    -------
    DataFrame
        Item columns keep their codebook names (``icraft_task_1_w1``); reverse-keyed items hold
        the reversed answer; non-substantive answers are missing.
    """
    from craftwave.instruments import load_library

    lib = dict(library) if library is not None else load_library()
    parts = [wide[["participant_id"]].astype({"participant_id": str})] \
        if "participant_id" in wide.columns else []
    for inst, wave in scored_waves(wide.columns, lib):
        parts.append(item_matrix(wide, inst, wave))
    if len(parts) <= 1:
        raise DataError("the export has no item answers (wide.csv) to analyse as ordered "
                        "categories")
    return pd.concat(parts, axis=1)


def ordinal_indicators(instrument, n: int = INDICATORS_PER_CONSTRUCT) -> list[str]:
    """The item ids a construct is measured by as ordered indicators in the reports.

    The first ``n`` scored items of the instrument's first subscale that has ``n`` of them (its
    whole item list when it has no subscales): items of one subscale measure one thing, which
    a factor per wave assumes.
    """
    groups: list[list[str]] = []
    for sub in instrument.subscales:
        ids = [i.id for i in instrument.scored_items if i.subscale == sub.id]
        groups.append(ids)
    groups.append([i.id for i in instrument.scored_items])
    for ids in groups:
        if len(ids) >= n:
            return ids[:n]
    raise DataError(f"{instrument.id} has fewer than {n} scored items: it cannot be measured by "
                    f"{n} ordered indicators")


def item_text(instrument, item_id: str, wave: int | None = None) -> str:
    """The item's wording (English) for tables, with its column name when ``wave`` is given."""
    item = next((i for i in instrument.items if i.id == item_id), None)
    text = ""
    if item is not None and item.text:
        text = item.text.get("en") or next(iter(item.text.values()), "")
    if instrument.scoring is not None and item_id in (instrument.scoring.reverse or ()):
        text += " (reverse keyed)"
    return text if wave is None else f"{item_var(instrument.prefix, item_id, wave)}: {text}"
