"""Data in: craftwave's export directory, plain CSV files and DataFrames.

Everything the statistics read goes through here: the export reader (which verifies the
manifest's sha256 of every file), the reshaping of ``answers_long.csv`` to one row per
participant and back, the lookup of an instrument's item columns at a wave (through
:mod:`craftwave.instruments.names`, never by parsing names by hand), and the checks that make an error
name the offending column or row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from craftwave.analysis.csv_cells import restore_frame
from craftwave.instruments import Instrument, load_library
from craftwave.instruments.errors import DataError
from craftwave.instruments.exportformat import (  # the export format's one home
    ALLOCATION_COLUMNS,
    ALLOCATION_FILE,
    FLOW_COLUMNS,
    FLOW_EVENTS,
    FLOW_FILE,
    TIMING_COLUMNS,
)
from craftwave.instruments.names import item_var, split_wave
from craftwave.instruments.scoring import reverse_value
from craftwave.instruments.scoring import score as score_instrument

ID_COL = "participant_id"
EXPORT_TABLES = {
    "answers_long": "answers_long.csv",
    "wide": "wide.csv",
    "scores": "scores.csv",
    "participants": "participants.csv",
    "page_timings": "page_timings.csv",
    "codebook": "codebook.csv",
    "flow": FLOW_FILE,
    "allocation": ALLOCATION_FILE,
}


# -- the export directory -----------------------------------------------------------------------

@dataclass
class Export:
    """The tables of one export directory (``None`` where a file is absent).

    Attributes
    ----------
    directory : Path
    manifest : dict
        The parsed ``manifest.json``.
    answers_long, wide, scores, participants, page_timings, codebook : DataFrame or None
    flow : DataFrame or None
        ``flow.csv`` (event, n); see :func:`flow_counts`.
    allocation : DataFrame or None
        ``allocation.csv``, the allocation log (only in exports with identifiers).
    study : dict or None
        ``study.yaml``, the study file as loaded, parsed (not validated against an instrument
        library, so an export with instruments of its own reads too): the quality policy,
        the arms and their primary contrast, k. ``None`` for exports made before 0.2.
    """

    directory: Path
    manifest: dict
    answers_long: pd.DataFrame | None = None
    wide: pd.DataFrame | None = None
    scores: pd.DataFrame | None = None
    participants: pd.DataFrame | None = None
    page_timings: pd.DataFrame | None = None
    codebook: pd.DataFrame | None = None
    flow: pd.DataFrame | None = None
    allocation: pd.DataFrame | None = None
    extra: dict = field(default_factory=dict)
    study: dict | None = None


def manifest_hashes(manifest: Mapping) -> dict[str, str]:
    """The ``{file name: sha256}`` pairs a manifest declares.

    Accepted shapes: ``{"files": {"wide.csv": "<hex>"}}``, ``{"files": {"wide.csv":
    {"sha256": "<hex>", ...}}}``, ``{"files": [{"name"|"path": "wide.csv", "sha256": "<hex>"}]}``
    and ``{"sha256": {"wide.csv": "<hex>"}}``.
    """
    out: dict[str, str] = {}
    files = manifest.get("files")
    if isinstance(files, Mapping):
        for name, entry in files.items():
            digest = entry.get("sha256") if isinstance(entry, Mapping) else entry
            if isinstance(digest, str):
                out[str(name)] = digest.lower()
    elif isinstance(files, list):
        for entry in files:
            if isinstance(entry, Mapping):
                name = entry.get("name") or entry.get("path") or entry.get("file")
                if name and isinstance(entry.get("sha256"), str):
                    out[str(name)] = entry["sha256"].lower()
    top = manifest.get("sha256")
    if isinstance(top, Mapping):
        out.update({str(k): str(v).lower() for k, v in top.items()})
    return out


def sha256_file(path: str | Path) -> str:
    """The hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_export(directory: str | Path, manifest: Mapping | None = None) -> dict[str, str]:
    """Check every file the manifest lists against its sha256.

    Returns
    -------
    dict
        The verified ``{file name: sha256}``.

    Raises
    ------
    DataError
        If the manifest lists no hashes, a listed file is missing, or a file's content does
        not match its hash (the message names every such file).
    """
    directory = Path(directory)
    if manifest is None:
        manifest = _read_manifest(directory)
    hashes = manifest_hashes(manifest)
    if not hashes:
        raise DataError(f"{directory / 'manifest.json'}: the manifest lists no sha256 of any file")
    problems = []
    for name, expected in sorted(hashes.items()):
        if name == "manifest.json":
            continue
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise DataError(f"{directory / 'manifest.json'}: file name {name!r} points outside "
                            "the export directory")
        path = directory / name
        if not path.is_file():
            problems.append(f"'{name}' is listed in the manifest but missing")
        elif sha256_file(path) != expected:
            problems.append(f"'{name}' does not match its sha256 in the manifest "
                            "(the file was changed after the export)")
    if problems:
        raise DataError(f"export {directory}: " + "; ".join(problems))
    return hashes


def read_export(directory: str | Path, *, verify: bool = True) -> Export:
    """Read a craftwave export directory.

    Parameters
    ----------
    directory : str or Path
        The directory written by ``craftwave export``.
    verify : bool, default True
        Check the sha256 of every file listed in ``manifest.json`` first.

    Returns
    -------
    Export
        The tables; ``participant_id`` is read as text, ``wave`` as an integer.

    Raises
    ------
    DataError
        If the directory has no manifest, a hash does not match, or a table lacks a required
        column.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DataError(f"{directory}: not a directory")
    manifest = _read_manifest(directory)
    if verify:
        verify_export(directory, manifest)
    tables = {}
    for key, name in EXPORT_TABLES.items():
        path = directory / name
        if path.is_file():
            tables[key] = restore_frame(pd.read_csv(path, dtype={ID_COL: str}))
    if tables.get("answers_long") is not None:
        _require_columns(tables["answers_long"], ("participant_id", "wave", "instrument_id",
                                                  "item_id", "value"), "answers_long.csv")
    if tables.get("page_timings") is not None:
        _require_columns(tables["page_timings"], TIMING_COLUMNS, "page_timings.csv")
    if tables.get("flow") is not None:
        _require_columns(tables["flow"], FLOW_COLUMNS, FLOW_FILE)
    if tables.get("allocation") is not None:
        _require_columns(tables["allocation"], ALLOCATION_COLUMNS, ALLOCATION_FILE)
    return Export(directory=directory, manifest=manifest, study=_read_study(directory), **tables)


def flow_counts(export: Export) -> dict[str, int] | None:
    """The anonymous flow counts of an export (``None`` for exports made before ``flow.csv``)."""
    if export.flow is None:
        return None
    got = dict(zip(export.flow["event"].astype(str), export.flow["n"].astype(int), strict=True))
    return {e: int(got.get(e, 0)) for e in FLOW_EVENTS}


def declaration(export: Export) -> dict | None:
    """The frozen intervention declaration the manifest records: ``declared_at`` (ISO time of
    the first consent) and ``sha256``; ``None`` when the export has none."""
    dec = export.manifest.get("declaration")
    return dict(dec) if isinstance(dec, Mapping) else None


def _read_study(directory: Path) -> dict | None:
    """``study.yaml`` of an export, parsed; ``None`` when the export has none."""
    path = directory / "study.yaml"
    if not path.is_file():
        return None
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise DataError(f"{path}: the study file is not a mapping")
    return raw


def read_data(source: str | Path | pd.DataFrame, *, verify: bool = True,
              instruments: Mapping[str, Instrument] | None = None) -> pd.DataFrame:
    """One row per participant, from an export directory, a CSV file or a DataFrame.

    An export directory gives its ``wide.csv`` (or ``answers_long.csv`` reshaped when there is
    no ``wide.csv``); a CSV file or DataFrame in the long layout (columns ``item_id`` and
    ``value``) is reshaped with :func:`long_to_wide`; anything else is returned as it is
    (a copy).
    """
    if isinstance(source, pd.DataFrame):
        frame = source.copy()
    else:
        path = Path(source)
        if path.is_dir():
            export = read_export(path, verify=verify)
            if export.wide is not None:
                return export.wide
            if export.answers_long is None:
                raise DataError(f"{path}: the export holds neither wide.csv nor answers_long.csv")
            return long_to_wide(export.answers_long, instruments)
        if not path.is_file():
            raise DataError(f"{path}: no such file or directory")
        frame = restore_frame(pd.read_csv(path, dtype={ID_COL: str}))
    if is_long(frame):
        return long_to_wide(frame, instruments)
    return frame


def _read_manifest(directory: Path) -> dict:
    path = directory / "manifest.json"
    if not path.is_file():
        raise DataError(f"{directory}: no manifest.json (is this a craftwave export?)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(manifest, dict):
        raise DataError(f"{path}: the manifest must be a JSON object")
    return manifest


def _require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(f"{what}: missing column(s) {', '.join(repr(c) for c in missing)}")


# -- long <-> wide ------------------------------------------------------------------------------

def is_long(frame: pd.DataFrame) -> bool:
    """Whether a frame is in the export's long layout (one answer per row)."""
    return {"item_id", "value", "wave"} <= set(frame.columns)


def long_to_wide(long: pd.DataFrame, instruments: Mapping[str, Instrument] | None = None, *,
                 id_col: str = ID_COL) -> pd.DataFrame:
    """Reshape ``answers_long`` to one row per participant, columns named by the codebook.

    Parameters
    ----------
    long : DataFrame
        Columns ``participant_id``, ``wave``, ``instrument_id``, ``item_id``, ``value``.
    instruments : mapping of id to Instrument, optional
        Where each ``instrument_id``'s prefix comes from (default: the bundled library).

    Returns
    -------
    DataFrame
        Column ``participant_id`` and one column per item and wave (``icraft_task_1_w2``),
        in the order of first appearance; values are numbers where they all parse as numbers.

    Raises
    ------
    DataError
        On an unknown instrument, a wave that is not a positive integer, or two answers to the
        same item at the same wave by one participant (the message names the row).
    """
    _require_columns(long, (id_col, "wave", "instrument_id", "item_id", "value"), "long data")
    library = dict(instruments) if instruments is not None else load_library()
    names = []
    for row, (inst_id, item_id, wave) in enumerate(
            zip(long["instrument_id"], long["item_id"], long["wave"], strict=True)):
        inst = library.get(inst_id)
        if inst is None:
            raise DataError(f"row {row}: unknown instrument_id {inst_id!r} "
                            f"(known: {', '.join(sorted(library)) or 'none'})")
        try:
            w = int(wave)
        except (TypeError, ValueError):
            raise DataError(f"row {row}: wave {wave!r} is not a whole number") from None
        if w != wave or w < 1:
            raise DataError(f"row {row}: wave {wave!r} is not a whole number from 1")
        names.append(item_var(inst.prefix, str(item_id), w))
    frame = pd.DataFrame({id_col: long[id_col].astype(str).to_numpy(), "_var": names,
                          "value": long["value"].to_numpy()})
    dup = frame.duplicated([id_col, "_var"], keep="first")
    if dup.any():
        row = int(np.flatnonzero(dup.to_numpy())[0])
        raise DataError(f"row {row}: a second answer of participant {frame[id_col][row]!r} "
                        f"to {frame['_var'][row]!r}")
    order = list(dict.fromkeys(names))
    wide = frame.pivot(index=id_col, columns="_var", values="value")
    wide = wide.reindex(columns=order)
    wide = wide.reindex(list(dict.fromkeys(frame[id_col])))
    columns = {}
    for col in wide.columns:
        parsed = pd.to_numeric(wide[col], errors="coerce")
        columns[col] = wide[col] if (wide[col].notna() & parsed.isna()).any() else parsed
    wide = pd.DataFrame(columns, index=wide.index)  # built at once: no fragmented frame
    wide.columns.name = None
    return wide.reset_index()


def wide_to_long(wide: pd.DataFrame, instruments: Mapping[str, Instrument] | None = None, *,
                 id_col: str = ID_COL) -> pd.DataFrame:
    """Reshape one row per participant back to one answer per row.

    Columns that are not an item of a known instrument at a wave (ids, scores, anything else)
    are left out. Missing answers are dropped.

    Returns
    -------
    DataFrame
        ``participant_id``, ``wave``, ``instrument_id``, ``instrument_version``,
        ``instrument_hash``, ``item_id``, ``value``.
    """
    _require_columns(wide, (id_col,), "wide data")
    library = dict(instruments) if instruments is not None else load_library()
    parts = []
    for col in wide.columns:
        found = _item_of(col, library)
        if found is None:
            continue
        inst, item_id, wave = found
        part = pd.DataFrame({
            id_col: wide[id_col].astype(str).to_numpy(), "wave": wave, "instrument_id": inst.id,
            "instrument_version": inst.version, "instrument_hash": inst.short_hash,
            "item_id": item_id, "value": wide[col].to_numpy()})
        parts.append(part[part["value"].notna()])
    cols = [id_col, "wave", "instrument_id", "instrument_version", "instrument_hash",
            "item_id", "value"]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts, ignore_index=True)
    pos = {p: i for i, p in enumerate(dict.fromkeys(out[id_col]))}
    out["_p"] = out[id_col].map(pos)
    out = out.sort_values(["_p", "wave"], kind="stable").drop(columns="_p")
    return out.reset_index(drop=True)[cols]


def _item_of(column: str, library: Mapping[str, Instrument]) -> tuple[Instrument, str, int] | None:
    parsed = split_wave(str(column))
    if parsed is None:
        return None
    for inst in library.values():
        ids = [i.id for i in inst.items] + [a.id for a in inst.attention_checks]
        for item_id in ids:
            if item_var(inst.prefix, item_id, parsed.wave) == column:
                return inst, item_id, parsed.wave
    return None


# -- items of an instrument in a wide frame ------------------------------------------------------

def waves_in(columns: Iterable[str], instrument: Instrument) -> list[int]:
    """The waves at which any item or attention check of ``instrument`` has a column."""
    waves = set()
    for col in columns:
        parsed = split_wave(str(col))
        if parsed is None:
            continue
        if (item_columns([col], instrument, parsed.wave, scored_only=False)
                or attention_columns([col], instrument, parsed.wave)):
            waves.add(parsed.wave)
    return sorted(waves)


def item_columns(columns: Iterable[str], instrument: Instrument, wave: int,
                 subscale: str | None = None, *, scored_only: bool = True) -> list[str]:
    """The item columns of an instrument (or one subscale) at a wave that are present.

    In the instrument's item order. ``scored_only`` keeps the items that enter a score.
    """
    present = set(map(str, columns))
    if subscale is not None and subscale not in {s.id for s in instrument.subscales}:
        raise DataError(f"instrument '{instrument.id}' has no subscale '{subscale}'")
    items = instrument.scored_items if scored_only else instrument.items
    if subscale is not None:
        items = [i for i in items if i.subscale == subscale]
    names = [item_var(instrument.prefix, i.id, wave) for i in items]
    return [n for n in names if n in present]


def attention_columns(columns: Iterable[str], instrument: Instrument, wave: int) -> dict[str, float]:
    """``{column: expected answer}`` of the instrument's attention checks present at a wave."""
    present = set(map(str, columns))
    out = {}
    for check in instrument.attention_checks:
        name = item_var(instrument.prefix, check.id, wave)
        if name in present:
            out[name] = float(check.expected)
    return out


def item_matrix(data: pd.DataFrame, instrument: Instrument, wave: int,
                subscale: str | None = None) -> pd.DataFrame:
    """Scored items as floats, reverse keyed through the instrument, non-substantive as NaN.

    Columns keep their names (``icraft_task_4_w1`` holds the reversed answer).

    Raises
    ------
    DataError
        If no item is present, or on a non-numeric value or a value off the response scale
        (the message names the column and row).
    """
    cols = item_columns(data.columns, instrument, wave, subscale)
    if not cols:
        what = f"subscale '{subscale}' of " if subscale else ""
        raise DataError(f"no item column of {what}instrument '{instrument.id}' at wave {wave}")
    out = {}
    by_id = {item_var(instrument.prefix, i.id, wave): i for i in instrument.scored_items}
    for col in cols:
        item = by_id[col]
        values = to_numeric_column(data[col], col)
        scale = instrument.scale_of(item)
        if scale is not None:
            values = values.mask(values.isin(scale.missing_values))
            off = values.notna() & ~values.isin(scale.substantive_values)
            if off.any():
                row = data.index[off.to_numpy()][0]
                raise DataError(f"column '{col}': value {values[row]:g} in row {row!r} is not on "
                                f"the scale '{scale.id}' ({scale.substantive_values})")
            if instrument.is_reversed(item.id):
                values = reverse_value(values, scale.minimum, scale.maximum)
        out[col] = values
    return pd.DataFrame(out, index=data.index)


def scored_waves(columns: Iterable[str], library: Mapping[str, Instrument],
                 waves: Sequence[int] | None = None) -> Iterator[tuple[Instrument, int]]:
    """Every (instrument with scoring rules, wave) whose items have columns, optionally only
    at ``waves``: what :func:`score_all` scores and the reliability table reports."""
    columns = list(columns)
    for inst in library.values():
        if inst.scoring is None:
            continue
        for wave in waves_in(columns, inst):
            if waves is None or wave in waves:
                yield inst, wave


def score_all(data: pd.DataFrame, instruments: Mapping[str, Instrument] | None = None,
              waves: Sequence[int] | None = None) -> pd.DataFrame:
    """Score every instrument at every wave present in a wide frame.

    Returns
    -------
    DataFrame
        ``participant_id`` (when the data have it) and the subscale and scale scores
        (``icraft_task_w1``, ``icraft_w1``, ...) from :func:`craftwave.instruments.score`.
    """
    library = dict(instruments) if instruments is not None else load_library()
    parts = []
    if ID_COL in data.columns:
        parts.append(data[[ID_COL]])
    for inst, wave in scored_waves(data.columns, library, waves):
        if item_columns(data.columns, inst, wave):
            parts.append(score_instrument(data, inst, wave))
    if not parts:
        return pd.DataFrame(index=data.index)
    return pd.concat(parts, axis=1)


# -- checks that name the offending column or row -----------------------------------------------

def to_numeric_column(values: pd.Series, name: str) -> pd.Series:
    """A column as floats; a value that is not a number raises a DataError naming the row."""
    parsed = pd.to_numeric(values, errors="coerce")
    bad = values.notna() & parsed.isna()
    if bad.any():
        row = values.index[bad.to_numpy()][0]
        raise DataError(f"column '{name}': non-numeric value {values[row]!r} in row {row!r}")
    return parsed.astype(float)


def numeric_items(data: pd.DataFrame, items: Sequence[str], *, min_items: int = 1,
                  min_cases: int = 2, listwise: bool = True, purpose: str = "this analysis"
                  ) -> pd.DataFrame:
    """Select ``items`` as a float frame and check they can be analysed.

    Parameters
    ----------
    data : DataFrame
    items : sequence of str
        Column names.
    min_items : int
        The least number of items ``purpose`` needs.
    min_cases : int
        The least number of (complete, if ``listwise``) rows ``purpose`` needs.
    listwise : bool
        Drop rows with any missing item.
    purpose : str
        Named in the messages ("the one-factor CFA").

    Raises
    ------
    DataError
        Naming the unknown variable, the non-numeric value (column and row), the empty or
        constant column, or the number of cases against the number needed.
    """
    items = list(items)
    if len(set(items)) != len(items):
        dup = next(i for i in items if items.count(i) > 1)
        raise DataError(f"variable '{dup}' is listed twice")
    unknown = [i for i in items if i not in data.columns]
    if unknown:
        raise DataError(f"unknown variable(s) {', '.join(repr(u) for u in unknown)}: "
                        "not columns of the data")
    if len(items) < min_items:
        raise DataError(f"{purpose} needs at least {min_items} items; got {len(items)}")
    frame = pd.DataFrame({c: to_numeric_column(data[c], c) for c in items}, index=data.index)
    for col in items:
        observed = frame[col].dropna()
        if observed.empty:
            raise DataError(f"column '{col}' is empty (no non-missing value)")
        if observed.nunique() == 1:
            raise DataError(f"column '{col}' is constant (every value is {observed.iloc[0]:g})")
    if listwise:
        frame = frame.dropna()
    if len(frame) < min_cases:
        kind = "complete cases" if listwise else "rows"
        raise DataError(f"{purpose} needs at least {min_cases} {kind}; the data have {len(frame)}")
    if listwise:
        for col in items:
            if frame[col].nunique() == 1:
                raise DataError(f"column '{col}' is constant among the complete cases "
                                f"(every value is {frame[col].iloc[0]:g})")
    return frame
