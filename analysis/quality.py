"""Careless responding: indices and flags per participant and wave.

One function, :func:`quality_flags`, serves the researcher dashboard and the reports, so both
count the same speeders. It works on the export's tables (``wide.csv`` or ``answers_long.csv``,
plus ``page_timings.csv``) and on plain DataFrames.

Indices (per participant x wave, over the scale items of that wave in column order; attention
checks are not part of them):

``longstring``
    The longest run of identical consecutive answers (a missing or non-substantive answer,
    e.g. "prefer not to say", ends a run; it is missing for every index); a
    straight-liner gets the number of items (Johnson, 2005; ``careless::longstring``).
``irv``
    Intra-individual response variability: the standard deviation (N - 1) of a participant's
    answers (Dunn et al., 2018; ``careless::irv``).
``mahalanobis``, ``mahalanobis_p``
    Squared Mahalanobis distance from the wave's item means, with the covariance of the
    complete cases (N - 1); a participant with missing answers is measured on the answered items.
    ``p`` from the chi-square with as many degrees of freedom as answered items
    (Meade and Craig, 2012).
``attention_checks``, ``attention_failed``
    Instructed-response items answered, and answered otherwise than instructed.
``seconds_per_item``
    Time on the wave's pages (``submitted_at - shown_at``, summed) over the items on them;
    pages without items are left out (Huang et al., 2012).

Flags (thresholds are keyword arguments; a flag whose index cannot be computed is missing):

``flag_longstring``   ``longstring >= longstring_fraction * answered`` (default 0.8) with at
                      least ``longstring_min_items`` (6) answered items.
``flag_irv``          ``irv <= irv_max``; off (missing) by default.
``flag_mahalanobis``  ``mahalanobis_p < mahalanobis_alpha`` (.001).
``flag_attention``    ``attention_failed > attention_max_failures`` (0).
``flag_speeding``     ``seconds_per_item < seconds_per_item_min`` (2.0 s).
``flagged``           any flag; ``reasons`` names them (``"longstring; speeding"``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.data import (
    ID_COL,
    TIMING_COLUMNS,
    attention_columns,
    is_long,
    item_columns,
    long_to_wide,
    to_numeric_column,
    waves_in,
)
from craftwave.instruments import Instrument, load_library
from craftwave.instruments.errors import DataError
from craftwave.instruments.names import item_var, split_wave

FLAGS = ("longstring", "irv", "mahalanobis", "attention", "speeding")
INDEX_COLUMNS = [
    ID_COL, "wave", "n_items", "n_answered", "longstring", "irv", "mahalanobis", "mahalanobis_p",
    "attention_checks", "attention_failed", "seconds_per_item",
    *[f"flag_{f}" for f in FLAGS], "flagged", "reasons",
]


@dataclass(frozen=True)
class Exclusion:
    """Data with careless responses removed, and the record of what was removed and why.

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


# -- the indices ---------------------------------------------------------------------------

def longstring(values: pd.DataFrame) -> pd.Series:
    """Longest run of identical consecutive answers per row (a missing answer ends a run)."""
    x = values.to_numpy(dtype=float)
    best = np.zeros(len(x))
    run = np.zeros(len(x))
    prev = np.full(len(x), np.nan)
    for col in x.T:                       # vectorised over participants
        seen = ~np.isnan(col)
        run = np.where(seen, np.where((run > 0) & (col == prev), run + 1, 1), 0)
        best = np.maximum(best, run)
        prev = col
    out = np.where(best > 0, best, np.nan)
    return pd.Series(out, index=values.index, name="longstring")


def irv(values: pd.DataFrame) -> pd.Series:
    """Intra-individual response variability: the row standard deviation (N - 1)."""
    return values.std(axis=1, ddof=1).rename("irv")


def mahalanobis(values: pd.DataFrame) -> pd.DataFrame:
    """Squared Mahalanobis distance per row and its chi-square p value.

    Means and covariance come from the complete rows (N - 1); a row with missing answers is
    measured on its answered items, with that many degrees of freedom. Missing where fewer than
    two items are answered, or where the complete rows cannot estimate a covariance (fewer
    rows than items plus two, or a singular matrix).
    """
    x = values.to_numpy(dtype=float)
    d2 = np.full(len(x), np.nan)
    dfs = np.zeros(len(x))
    complete = x[~np.isnan(x).any(axis=1)]
    p = x.shape[1]
    if len(complete) >= p + 2:
        mu = complete.mean(axis=0)
        cov = np.cov(complete, rowvar=False, ddof=1)
        seen = ~np.isnan(x)
        patterns, which = np.unique(seen, axis=0, return_inverse=True)
        for k, pattern in enumerate(patterns):
            if pattern.sum() < 2:
                continue
            rows = np.flatnonzero(which.ravel() == k)
            try:
                chol = np.linalg.cholesky(cov[np.ix_(pattern, pattern)])
            except np.linalg.LinAlgError:
                continue
            z = np.linalg.solve(chol, (x[np.ix_(rows, pattern)] - mu[pattern]).T)
            d2[rows] = (z**2).sum(axis=0)
            dfs[rows] = pattern.sum()
    pvals = np.where(np.isnan(d2), np.nan, stats.chi2.sf(np.nan_to_num(d2), np.maximum(dfs, 1)))
    return pd.DataFrame({"mahalanobis": d2, "mahalanobis_p": pvals}, index=values.index)


def seconds_per_item(page_timings: pd.DataFrame) -> pd.DataFrame:
    """Seconds per item per participant and wave from ``page_timings.csv``.

    Returns
    -------
    DataFrame
        ``participant_id``, ``wave``, ``seconds``, ``n_items``, ``seconds_per_item``.

    Raises
    ------
    DataError
        On a missing column, an unreadable time, or a page submitted before it was shown
        (naming the row).
    """
    missing = [c for c in TIMING_COLUMNS if c not in page_timings.columns]
    if missing:
        raise DataError(f"page timings: missing column(s) {', '.join(map(repr, missing))}")
    t = page_timings
    shown = _times(t["shown_at"], "shown_at")
    done = _times(t["submitted_at"], "submitted_at")
    secs = (done - shown).dt.total_seconds()
    neg = secs < 0
    if neg.any():
        row = t.index[neg.to_numpy()][0]
        raise DataError(f"page timings: row {row!r}: submitted_at is before shown_at")
    n_items = to_numeric_column(t["n_items"], "n_items")
    frame = pd.DataFrame({ID_COL: t[ID_COL].astype(str), "wave": t["wave"].astype(int),
                          "seconds": secs, "n_items": n_items})
    frame = frame[(frame["n_items"] > 0) & frame["seconds"].notna()]
    out = frame.groupby([ID_COL, "wave"], sort=False, as_index=False)[["seconds", "n_items"]].sum()
    out["seconds_per_item"] = out["seconds"] / out["n_items"]
    return out


def _times(values: pd.Series, name: str) -> pd.Series:
    try:
        return pd.to_datetime(values, utc=True, format="ISO8601")
    except (ValueError, TypeError) as exc:
        raise DataError(f"page timings: column '{name}' holds a value that is not a time: "
                        f"{exc}") from None


# -- the table -----------------------------------------------------------------------------

def _blocks(data: pd.DataFrame, items: Sequence[str] | None,
            library: Mapping[str, Instrument]) -> list[tuple[int | None, list[str], dict]]:
    """(wave, scored item columns, {attention column: expected}) per wave, in column order."""
    if items is not None:
        unknown = [c for c in items if c not in data.columns]
        if unknown:
            raise DataError(f"unknown variable(s) {', '.join(map(repr, unknown))}: "
                            "not columns of the data")
        waves = {getattr(split_wave(str(c)), "wave", None) for c in items}
        wave = waves.pop() if len(waves) == 1 else None
        return [(wave, list(items), {})]
    found: dict[int, tuple[set, dict]] = {}
    for inst in library.values():
        for wave in waves_in(data.columns, inst):
            cols = item_columns(data.columns, inst, wave)
            checks = attention_columns(data.columns, inst, wave)
            block = found.setdefault(wave, (set(), {}))
            block[0].update(cols)
            block[1].update(checks)
    if found:
        return [(w, [c for c in data.columns if c in found[w][0]], found[w][1])
                for w in sorted(found)]
    # plain data: every numeric column, by wave suffix where there is one
    by_wave: dict[int | None, list[str]] = {}
    for c in data.columns:
        if c == ID_COL or not pd.api.types.is_numeric_dtype(data[c]):
            continue
        by_wave.setdefault(getattr(split_wave(str(c)), "wave", None), []).append(c)
    if not by_wave:
        raise DataError("no item columns found: give items= or instruments whose items are in "
                        "the data")
    return [(w, cols, {}) for w, cols in by_wave.items()]


def _non_substantive(columns, library: Mapping[str, Instrument]) -> dict[str, list[float]]:
    """``{item column: its non-substantive codes}`` ("prefer not to say" is not an answer)."""
    out = {}
    for inst in library.values():
        for wave in waves_in(columns, inst):
            for item in inst.scored_items:
                scale = inst.scale_of(item)
                if scale is not None and scale.missing_values:
                    out[item_var(inst.prefix, item.id, wave)] = list(scale.missing_values)
    return out


def quality_flags(
    data: pd.DataFrame,
    page_timings: pd.DataFrame | None = None,
    *,
    items: Sequence[str] | None = None,
    instruments: Mapping[str, Instrument] | None = None,
    id_col: str = ID_COL,
    longstring_fraction: float = 0.8,
    longstring_min_items: int = 6,
    irv_max: float | None = None,
    mahalanobis_alpha: float = 0.001,
    attention_max_failures: int = 0,
    seconds_per_item_min: float = 2.0,
    exclude: str | Sequence[str] | None = None,
    scope: str = "wave",
) -> pd.DataFrame | Exclusion:
    """Careless-responding indices and flags per participant x wave.

    Parameters
    ----------
    data : DataFrame
        Wide (one row per participant; item columns named by the codebook, e.g.
        ``icraft_task_1_w2``) or the export's long answers (``item_id``, ``value``, ``wave``).
        Without a ``participant_id`` column the index identifies participants.
    page_timings : DataFrame, optional
        The export's ``page_timings.csv``; without it ``seconds_per_item`` is missing.
    items : sequence of str, optional
        Item columns to use (one block). Default: the scale items of the instruments, per wave;
        for plain data without instrument items, every numeric column, per wave suffix.
    instruments : mapping of id to Instrument, optional
        Default: the bundled library.
    longstring_fraction, longstring_min_items, irv_max, mahalanobis_alpha,
    attention_max_failures, seconds_per_item_min
        Thresholds; see the module's documentation.
    exclude : "any" or sequence of flag names, optional
        Remove the participant x waves flagged by these (``"longstring"``, ``"irv"``,
        ``"mahalanobis"``, ``"attention"``, ``"speeding"``) and return an :class:`Exclusion`.
    scope : {"wave", "participant"}
        With ``exclude``: blank the flagged wave's columns only (long data: drop its rows), or
        drop the participant altogether. Data without waves drop the row either way.

    Returns
    -------
    DataFrame or Exclusion
        Without ``exclude``: the columns in ``INDEX_COLUMNS``, one row per participant x wave
        with at least one answered item.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"participant_id": ["a", "b"],
    ...                   **{f"x{i}_w1": [3, 1 + i % 5] for i in range(8)}})
    >>> q = quality_flags(d)
    >>> q[["participant_id", "longstring", "flag_longstring"]].to_dict("list")
    {'participant_id': ['a', 'b'], 'longstring': [8.0, 1.0], 'flag_longstring': [True, False]}
    """
    if scope not in ("wave", "participant"):
        raise DataError(f"scope must be 'wave' or 'participant', not {scope!r}")
    library = dict(instruments) if instruments is not None else load_library()
    original = data
    if is_long(data):
        data = long_to_wide(data, library, id_col=id_col)
    ids = (data[id_col].astype(str) if id_col in data.columns
           else pd.Series(data.index.astype(str), index=data.index))
    timing = seconds_per_item(page_timings) if page_timings is not None else None
    parts = []
    codes = _non_substantive(data.columns, library)
    for wave, cols, checks in _blocks(data, items, library):
        values = pd.DataFrame({c: to_numeric_column(data[c], c).mask(
            lambda v, c=c: v.isin(codes.get(c, ()))) for c in cols}, index=data.index)
        answered = values.notna().sum(axis=1)
        part = pd.DataFrame({ID_COL: ids, "wave": wave, "n_items": len(cols),
                             "n_answered": answered})
        part["longstring"] = longstring(values)
        part["irv"] = irv(values)
        part = part.join(mahalanobis(values))
        if checks:
            given = pd.DataFrame({c: to_numeric_column(data[c], c) for c in checks})
            expected = pd.Series(checks)
            part["attention_checks"] = given.notna().sum(axis=1)
            part["attention_failed"] = (given.notna() & given.ne(expected, axis=1)).sum(axis=1)
        else:
            part["attention_checks"] = 0
            part["attention_failed"] = 0
        parts.append(part[answered > 0])
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=INDEX_COLUMNS[:10])
    out["wave"] = out["wave"].astype("Int64")
    if timing is not None:
        spi = timing.set_index([ID_COL, "wave"])["seconds_per_item"]
        keys = list(zip(out[ID_COL], out["wave"], strict=True))
        out["seconds_per_item"] = [spi.get((p, int(w)), np.nan) if pd.notna(w) else np.nan
                                   for p, w in keys]
    else:
        out["seconds_per_item"] = np.nan
    out = _flag(out, longstring_fraction, longstring_min_items, irv_max, mahalanobis_alpha,
                attention_max_failures, seconds_per_item_min)
    out = out[INDEX_COLUMNS]
    if exclude is None:
        return out
    return _exclude(original, data, out, exclude, scope, id_col, library)


def _flag(out: pd.DataFrame, ls_frac: float, ls_min: int, irv_max: float | None,
          maha_alpha: float, att_max: int, spi_min: float) -> pd.DataFrame:
    def flag(cond: pd.Series, known: pd.Series) -> pd.Series:
        return cond.astype("boolean").where(known, pd.NA)

    need = np.ceil(ls_frac * out["n_answered"].astype(float) - 1e-9)
    out["flag_longstring"] = flag((out["longstring"] >= need) & (out["n_answered"] >= ls_min),
                                  out["longstring"].notna())
    if irv_max is None:
        out["flag_irv"] = pd.array([pd.NA] * len(out), dtype="boolean")
    else:
        out["flag_irv"] = flag(out["irv"] <= irv_max, out["irv"].notna())
    out["flag_mahalanobis"] = flag(out["mahalanobis_p"] < maha_alpha,
                                   out["mahalanobis_p"].notna())
    out["flag_attention"] = flag(out["attention_failed"] > att_max, out["attention_checks"] > 0)
    out["flag_speeding"] = flag(out["seconds_per_item"] < spi_min,
                                out["seconds_per_item"].notna())
    flags = out[[f"flag_{f}" for f in FLAGS]].fillna(False).astype(bool)
    out["flagged"] = flags.any(axis=1)
    out["reasons"] = ["; ".join(f for f, on in zip(FLAGS, row, strict=True) if on)
                      for row in flags.to_numpy()]
    return out


def _exclude(original: pd.DataFrame, wide: pd.DataFrame, indices: pd.DataFrame,
             exclude: str | Sequence[str], scope: str, id_col: str,
             library: Mapping[str, Instrument]) -> Exclusion:
    chosen = list(FLAGS) if exclude == "any" else [exclude] if isinstance(exclude, str) else list(exclude)
    unknown = [f for f in chosen if f not in FLAGS]
    if unknown:
        raise DataError(f"exclude: unknown flag(s) {', '.join(map(repr, unknown))} "
                        f"(known: {', '.join(FLAGS)}, or 'any')")
    flags = indices[[f"flag_{f}" for f in chosen]].fillna(False).astype(bool)
    hit = flags.any(axis=1)
    excluded = indices[hit].copy()
    excluded["reasons"] = ["; ".join(f for f, on in zip(chosen, row, strict=True) if on)
                           for row in flags[hit].to_numpy()]
    excluded = excluded[[ID_COL, "wave", "reasons", "n_answered", "longstring", "irv",
                         "mahalanobis_p", "attention_failed", "seconds_per_item"]]
    excluded = excluded.reset_index(drop=True)
    pairs = set(zip(excluded[ID_COL], excluded["wave"], strict=True))
    people = set(excluded[ID_COL])
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
            set(excluded.loc[wave_free, ID_COL]))
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
