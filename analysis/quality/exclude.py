"""Removing flagged participant-waves from data, with the record of what went and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from craftwave.analysis.data import ID_COL, is_long
from craftwave.instruments.errors import DataError
from craftwave.instruments.names import split_wave
from craftwave.instruments.study import QUALITY_FLAGS as FLAGS

__all__ = ["Exclusion", "exclude_flagged", "exclude_pairs", "EXCLUDED_COLUMNS"]

EXCLUDED_COLUMNS = [ID_COL, "wave", "reasons"]


@dataclass(frozen=True)
class Exclusion:
    """Data with flagged participant-waves removed, and the record of what was removed and why.

    Attributes
    ----------
    kept : DataFrame
        The input data in its own layout without the excluded answers.
    excluded : DataFrame
        One row per excluded participant x wave: ``participant_id``, ``wave``, ``reasons`` and
        the indices behind them.
    indices : DataFrame
        Every participant x wave (as :func:`quality_flags` returns without ``exclude``).
    scope : str
        ``"wave"`` or ``"participant"``.
    """

    kept: pd.DataFrame
    excluded: pd.DataFrame
    indices: pd.DataFrame
    scope: str


def chosen_flags(exclude: str | Sequence[str]) -> list[str]:
    """Flag names from ``"any"``, one name or a list; raises on an unknown name."""
    if isinstance(exclude, str):
        exclude = [exclude]
    chosen = list(FLAGS) if "any" in exclude else list(exclude)
    unknown = [f for f in chosen if f not in FLAGS]
    if unknown:
        raise DataError(f"exclude: unknown flag(s) {', '.join(map(repr, unknown))} "
                        f"(known: {', '.join(FLAGS)}, or 'any')")
    return chosen


def exclude_flagged(original: pd.DataFrame, indices: pd.DataFrame,
                    exclude: str | Sequence[str], scope: str, id_col: str = ID_COL) -> Exclusion:
    """Remove the participant-waves that carry any of the ``exclude`` flags."""
    chosen = chosen_flags(exclude)
    flags = indices[[f"flag_{f}" for f in chosen]].fillna(False).astype(bool)
    hit = flags.any(axis=1)
    excluded = indices[hit].copy()
    excluded["reasons"] = ["; ".join(f for f, on in zip(chosen, row, strict=True) if on)
                           for row in flags[hit].to_numpy()]
    keep_cols = [ID_COL, "wave", "reasons", "n_answered",
                 *[c for c in indices.columns if c.endswith("_p")]]
    excluded = excluded[[c for c in keep_cols if c in excluded.columns]].reset_index(drop=True)
    return exclude_pairs(original, excluded, indices, scope, id_col)


def exclude_pairs(original: pd.DataFrame, excluded: pd.DataFrame, indices: pd.DataFrame,
                  scope: str, id_col: str = ID_COL) -> Exclusion:
    """Remove the participant-waves listed in ``excluded`` (``participant_id``, ``wave``)."""
    if scope not in ("wave", "participant"):
        raise DataError(f"scope must be 'wave' or 'participant', not {scope!r}")
    pairs = set(zip(excluded[ID_COL].astype(str), excluded["wave"], strict=True))
    people = set(excluded[ID_COL].astype(str))
    src = original
    has_id = id_col in src.columns
    pid = src[id_col].astype(str) if has_id else pd.Series(src.index.astype(str), index=src.index)
    if is_long(src):
        waves = src["wave"].astype(int)
        drop = pid.isin(people) if scope == "participant" else pd.Series(
            [(p, w) in pairs for p, w in zip(pid, waves, strict=True)], index=src.index)
        kept = src[~drop].copy()
    else:
        kept = src.copy()
        wave_free = excluded["wave"].isna()
        drop = pid.isin(people) if scope == "participant" else pid.isin(
            set(excluded.loc[wave_free, ID_COL].astype(str)))
        if scope == "wave":
            for (p, w) in pairs:
                if pd.isna(w):
                    continue
                cols = [c for c in kept.columns
                        if getattr(split_wave(str(c)), "wave", None) == int(w)]
                for c in cols:
                    if not pd.api.types.is_float_dtype(kept[c]):
                        kept[c] = kept[c].astype(object if kept[c].dtype == object else float)
                kept.loc[pid == p, cols] = np.nan
        kept = kept[~drop]
    return Exclusion(kept=kept, excluded=excluded, indices=indices, scope=scope)
