"""The data dictionary (codebook): one row per variable of a study's wide data.

:func:`codebook` is the one function that lists variables; every export (CSV, Markdown, the
SPSS ``.sav``) and every analysis that needs labels reads its result. Names come from
:mod:`craftwave.instruments.names`, the score variables from :func:`craftwave.instruments.scoring.score_columns`,
so the codebook always lists exactly the columns the scorer and the exports make.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from craftwave.instruments.errors import DataError, StudyError
from craftwave.instruments.names import item_var
from craftwave.instruments.schema import AttentionCheck, Instrument, Item, ResponseScale
from craftwave.instruments.scoring import score_columns

COLUMNS = [
    "variable", "label", "instrument", "version", "hash", "item_id", "subscale", "wave", "kind",
    "reverse_keyed", "response_scale", "value_labels", "value_labels_text", "missing_codes",
    "level", "min", "max", "expected",
]
"""The codebook's columns, in order."""

KINDS = ("item", "attention check", "subscale score", "scale score")
"""The values of the ``kind`` column."""

_JSON_COLUMNS = ("value_labels", "missing_codes")
_SPSS_NAME_BYTES = 64
_SPSS_LABEL_CHARS = 250


def codebook(
    instruments: Mapping[str, Instrument] | Iterable[Instrument],
    waves: Mapping[int, Iterable[str] | Mapping[str, Iterable[str] | None]] | int | object,
    language: str = "en",
) -> pd.DataFrame:
    """List every variable of a study: items, attention checks and scores at each wave.

    Parameters
    ----------
    instruments : dict of str to Instrument, or iterable of Instrument
        The definitions available (e.g. :func:`craftwave.instruments.load_library`).
    waves : dict of int to list of str or to dict, int, or Study
        Which instruments are asked at which wave, e.g. ``{1: ["icraft", "resil"], 2: ["icraft"]}``
        (instruments in the order they appear in the data). A wave may instead map instrument
        ids to the item and attention-check ids asked (``{1: {"icraft": ["task_1", "task_2"]}}``;
        ``None`` asks all). An integer ``n`` asks every instrument at waves ``1..n``, in the
        order given by ``instruments``. A :class:`craftwave.instruments.study.Study` lists what its pages
        ask. A score is listed only where enough of its items are asked to meet the instrument's
        minimum-items rule.
    language : str, default "en"
        Language of labels (item texts, scale and option labels); an instrument without it
        gives its first language's text.

    Returns
    -------
    DataFrame
        One row per variable with the columns of :data:`COLUMNS`: ``variable`` (the column name),
        ``label``, ``instrument``, ``version``, ``hash`` (the instrument's content hash),
        ``item_id``, ``subscale``, ``wave``, ``kind`` (one of :data:`KINDS`), ``reverse_keyed``,
        ``response_scale``, ``value_labels`` (dict value -> label, ``{}`` where none),
        ``value_labels_text``, ``missing_codes`` (list of user-missing codes), ``level``
        (``nominal``, ``ordinal`` or ``scale``), ``min``/``max`` (number items and scores) and
        ``expected`` (the instructed answer of an attention check).

    Raises
    ------
    StudyError
        If ``waves`` names an unknown instrument or item or a wave below 1, or two variables
        would share a name.

    Examples
    --------
    >>> from craftwave.instruments import load_library
    >>> from craftwave.instruments.codebook import codebook
    >>> cb = codebook(load_library(), {1: ["icraft"], 2: ["icraft"]})
    >>> row = cb.set_index("variable").loc["icraft_task_4_w2"]
    >>> row["kind"], bool(row["reverse_keyed"])
    ('item', True)
    >>> cb.loc[cb.kind == "scale score", "variable"].tolist()
    ['icraft_w1', 'icraft_w2']
    """
    by_id = _by_id(instruments)
    plan = _plan(by_id, waves)
    rows: list[dict] = []
    for wave, asked in plan:
        for iid, ids in asked.items():
            rows.extend(_instrument_rows(by_id[iid], wave, language, ids))
    df = pd.DataFrame(rows, columns=COLUMNS)
    dupes = df.loc[df.variable.duplicated(), "variable"].tolist()
    if dupes:
        raise StudyError(f"codebook: variable names used twice: {', '.join(dict.fromkeys(dupes))}")
    df["wave"] = df["wave"].astype("int64")
    df["reverse_keyed"] = df["reverse_keyed"].astype(bool)
    return df


def codebook_markdown(df: pd.DataFrame, title: str = "Codebook") -> str:
    """Render a codebook as Markdown: the instruments with their hashes, then one table per wave.

    Parameters
    ----------
    df : DataFrame
        A result of :func:`codebook` (or :func:`read_codebook`).
    title : str, default "Codebook"
        The top heading.

    Returns
    -------
    str
        Markdown text.
    """
    lines = [f"# {title}", "", f"{len(df)} variables.", "", "## Instruments", "",
             "| Instrument | Version | Content hash |", "|---|---|---|"]
    for (iid, version, digest), _ in df.groupby(["instrument", "version", "hash"], sort=False):
        lines.append(f"| {_cell(iid)} | {_cell(version)} | `{digest}` |")
    lines += ["", "Names: items `{prefix}_{item}_w{wave}`, subscale scores `{prefix}_{subscale}_w{wave}`, "
              "scale scores `{prefix}_w{wave}`. Missing codes are user-missing (never a value on "
              "the scale) and missing in scores.", ""]
    head = ("| Variable | Label | Kind | Subscale | Reverse | Values | Missing | Level |",
            "|---|---|---|---|---|---|---|---|")
    for wave, block in df.groupby("wave", sort=True):
        lines += [f"## Wave {wave}", "", *head]
        for r in block.itertuples(index=False):
            values = _cell(r.value_labels_text) or _range_text(r.min, r.max)  # escaped once
            missing = ", ".join(_fmt(v) for v in r.missing_codes)
            lines.append(
                f"| `{r.variable}` | {_cell(r.label)} | {r.kind} | {_cell(r.subscale)} | "
                f"{'yes' if r.reverse_keyed else ''} | {values} | {missing} | {r.level} |"
            )
        lines.append("")
    return "\n".join(lines)


def write_codebook(df: pd.DataFrame, out_dir: str | Path, stem: str = "codebook") -> tuple[Path, Path]:
    """Write ``codebook.csv`` and ``codebook.md`` into ``out_dir`` (created if needed).

    In the CSV, ``value_labels`` and ``missing_codes`` are JSON text; :func:`read_codebook`
    turns them back into a dict and a list.

    Parameters
    ----------
    df : DataFrame
        A result of :func:`codebook`.
    out_dir : str or Path
        The directory (e.g. an export directory).
    stem : str, default "codebook"
        File name without extension.

    Returns
    -------
    (Path, Path)
        The CSV and Markdown files.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    csv_path, md_path = out / f"{stem}.csv", out / f"{stem}.md"
    flat = df.copy()
    for col in _JSON_COLUMNS:
        flat[col] = [json.dumps(_json_keys(v), ensure_ascii=False) for v in flat[col]]
    flat.to_csv(csv_path, index=False, encoding="utf-8")
    md_path.write_text(codebook_markdown(df) + "\n", encoding="utf-8")
    return csv_path, md_path


def read_codebook(path: str | Path) -> pd.DataFrame:
    """Read a ``codebook.csv`` written by :func:`write_codebook` back into codebook form.

    Parameters
    ----------
    path : str or Path
        The CSV file.

    Returns
    -------
    DataFrame
        The columns of :data:`COLUMNS`, with ``value_labels`` as dicts (numeric keys) and
        ``missing_codes`` as lists, as :func:`codebook` returns them.

    Raises
    ------
    DataError
        If the file lacks a codebook column.
    """
    df = pd.read_csv(path, dtype={"version": str, "item_id": str, "hash": str}, keep_default_na=False,
                     na_values={"min": [""], "max": [""], "expected": [""]})
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise DataError(f"{Path(path).name}: not a codebook, missing columns: {', '.join(missing)}")
    df["value_labels"] = [{_number(k): v for k, v in json.loads(s).items()} for s in df.value_labels]
    df["missing_codes"] = [[_number(v) for v in json.loads(s)] for s in df.missing_codes]
    df["reverse_keyed"] = df["reverse_keyed"].map(lambda v: str(v).lower() == "true")
    for col in ("subscale", "item_id", "response_scale"):
        df[col] = df[col].replace("", None)
    return df[COLUMNS]


def spss_metadata(df: pd.DataFrame, columns: Iterable[str] | None = None,
                  wave_in_label: bool = True) -> dict[str, dict]:
    """Keyword arguments for :func:`pyreadstat.write_sav` taken from a codebook.

    Parameters
    ----------
    df : DataFrame
        A codebook.
    columns : iterable of str, optional
        Restrict to these variables (the columns of the data frame being written); variables of
        the data that the codebook does not list are left alone.
    wave_in_label : bool, default True
        Start each variable label with ``[w2]`` so that the same item at several waves is told apart.

    Returns
    -------
    dict
        ``column_labels``, ``variable_value_labels``, ``missing_ranges`` and ``variable_measure``
        (each a dict keyed by variable), ready for ``pyreadstat.write_sav(data, path, **meta)``.
        Missing codes become discrete user-missing values (at most three per variable, as SPSS
        allows) or, with more codes, one range that must not cover a substantive value.

    Raises
    ------
    DataError
        If a variable name is too long for SPSS or its missing codes cannot be declared.
    """
    rows = df if columns is None else df[df.variable.isin(list(columns))]
    labels: dict[str, str] = {}
    value_labels: dict[str, dict] = {}
    missing: dict[str, list] = {}
    measure: dict[str, str] = {}
    for r in rows.itertuples(index=False):
        if len(r.variable.encode("utf-8")) > _SPSS_NAME_BYTES:
            raise DataError(f"variable '{r.variable}': name longer than SPSS's {_SPSS_NAME_BYTES} bytes")
        label = f"[w{r.wave}] {r.label}" if wave_in_label else str(r.label)
        labels[r.variable] = label if len(label) <= _SPSS_LABEL_CHARS else label[: _SPSS_LABEL_CHARS - 3] + "..."
        if r.value_labels:
            value_labels[r.variable] = {_number(k): str(v) for k, v in r.value_labels.items()}
        if r.missing_codes:
            missing[r.variable] = _missing_spec(r.variable, list(r.missing_codes), r.value_labels)
        measure[r.variable] = r.level
    return {"column_labels": labels, "variable_value_labels": value_labels,
            "missing_ranges": missing, "variable_measure": measure}


# -- rows -------------------------------------------------------------------------------------
def _by_id(instruments: Mapping[str, Instrument] | Iterable[Instrument]) -> dict[str, Instrument]:
    items = instruments.values() if isinstance(instruments, Mapping) else instruments
    out: dict[str, Instrument] = {}
    for inst in items:
        if not isinstance(inst, Instrument):
            raise StudyError(f"codebook: expected Instrument objects, got {type(inst).__name__}")
        if inst.id in out:
            raise StudyError(f"codebook: instrument '{inst.id}' is given twice")
        out[inst.id] = inst
    return out


Plan = list[tuple[int, dict[str, frozenset[str] | None]]]
"""Per wave (ascending): instrument id -> the item / attention-check ids asked (None: all)."""


def _plan(by_id: dict[str, Instrument], waves: object) -> Plan:
    if hasattr(waves, "waves") and hasattr(waves, "instrument_ids"):  # a Study
        return _study_plan(by_id, waves)
    if isinstance(waves, bool) or not isinstance(waves, (int, Mapping)):
        raise StudyError("codebook: waves must be a mapping wave -> instrument ids, a number of "
                         f"waves or a Study, not {waves!r}")
    if isinstance(waves, int):
        if waves < 1:
            raise StudyError(f"codebook: the number of waves must be at least 1, not {waves}")
        return [(w, dict.fromkeys(by_id)) for w in range(1, waves + 1)]
    plan: Plan = []
    for wave in sorted(waves):
        if isinstance(wave, bool) or not isinstance(wave, int) or wave < 1:
            raise StudyError(f"codebook: waves count from 1; got wave {wave!r}")
        spec = waves[wave]
        if isinstance(spec, str):
            spec = [spec]
        asked = ({k: (None if v is None else frozenset(v)) for k, v in spec.items()}
                 if isinstance(spec, Mapping) else dict.fromkeys(spec))
        for iid, ids in asked.items():
            inst = by_id.get(iid)
            if inst is None:
                known = ", ".join(sorted(by_id)) or "none"
                raise StudyError(f"codebook: wave {wave}: unknown instrument '{iid}' (known: {known})")
            unknown = sorted((ids or set()) - set(inst.items_by_id) - {a.id for a in inst.attention_checks})
            if unknown:
                raise StudyError(f"codebook: wave {wave}: instrument '{iid}' has no item "
                                 f"{', '.join(repr(u) for u in unknown)}")
        plan.append((wave, asked))
    return plan


def _study_plan(by_id: dict[str, Instrument], study: object) -> Plan:
    from craftwave.instruments.study import (
        block_items,  # the study schema's own rule for what a block asks
    )

    plan: Plan = []
    for wave in study.waves:  # type: ignore[attr-defined]
        asked: dict[str, set[str]] = {}
        for page in wave.pages:
            for block in page.blocks:
                inst = by_id.get(block.instrument)
                if inst is None:
                    raise StudyError(f"codebook: wave {wave.number}: the study asks instrument "
                                     f"'{block.instrument}', which is not among the instruments given")
                asked.setdefault(inst.id, set()).update(i.id for i in block_items(inst, block))
            for check in page.attention_checks:
                if check.instrument not in by_id:
                    raise StudyError(f"codebook: wave {wave.number}: the study asks instrument "
                                     f"'{check.instrument}', which is not among the instruments given")
                asked.setdefault(check.instrument, set()).add(check.id)
        plan.append((wave.number, {k: frozenset(v) for k, v in asked.items()}))
    return plan


def _instrument_rows(inst: Instrument, wave: int, lang: str, asked: frozenset[str] | None) -> list[dict]:
    def is_asked(item_id: str) -> bool:
        return asked is None or item_id in asked

    base = {"instrument": inst.id, "version": inst.version, "hash": inst.content_hash, "wave": wave}
    rows = [_item_row(inst, item, base, lang) for item in inst.items if is_asked(item.id)]
    rows += [_check_row(inst, c, base, lang) for c in inst.attention_checks if is_asked(c.id)]
    title = _text(inst.title, lang)
    rules = inst.scoring
    subs = {s.id: s for s in inst.subscales}
    for name, sub in score_columns(inst, wave):
        if sub is not None:
            items = [i for i in inst.subscale_items(sub) if i.type == "scale"]
            need = rules.min_items
            label = f"{title}: {_text(subs[sub].label, lang)} ({rules.method} score)"
        else:
            items = inst.scored_items
            need = rules.total_min_items or rules.min_items
            label = f"{title} ({rules.method} score over all {len(items)} items)"
        if sum(is_asked(i.id) for i in items) < need:
            continue  # too few of its items are asked at this wave: the score could never exist
        lo, hi = _score_range(inst, items)
        rows.append({**base, "variable": name, "label": label, "item_id": None, "subscale": sub,
                     "kind": "subscale score" if sub else "scale score", "reverse_keyed": False,
                     "response_scale": None, "value_labels": {}, "value_labels_text": "",
                     "missing_codes": [], "level": "scale", "min": lo, "max": hi, "expected": None})
    return rows


def _item_row(inst: Instrument, item: Item, base: dict, lang: str) -> dict:
    scale = inst.scale_of(item)
    row = {**base, "variable": item_var(inst.prefix, item.id, base["wave"]),
           "label": _text(item.text, lang), "item_id": item.id, "subscale": item.subscale,
           "kind": "item", "reverse_keyed": inst.is_reversed(item.id), "expected": None}
    if scale is None:  # number item
        return {**row, "response_scale": None, "value_labels": {}, "value_labels_text": "",
                "missing_codes": [], "level": "scale", "min": item.min, "max": item.max}
    return {**row, **_scale_fields(scale, lang)}


def _check_row(inst: Instrument, check: AttentionCheck, base: dict, lang: str) -> dict:
    scale = inst.scale_of(check)
    return {**base, "variable": item_var(inst.prefix, check.id, base["wave"]),
            "label": _text(check.text, lang), "item_id": check.id, "subscale": None,
            "kind": "attention check", "reverse_keyed": False, **_scale_fields(scale, lang),
            "expected": _number(check.expected)}


def _scale_fields(scale: ResponseScale, lang: str) -> dict:
    labels = {_number(o.value): _text(o.label, lang) for o in scale.options}
    text = "; ".join(
        f"{_fmt(o.value)} = {_text(o.label, lang)}" + (" (missing)" if o.missing else "")
        for o in scale.options
    )
    return {"response_scale": scale.id, "value_labels": labels, "value_labels_text": text,
            "missing_codes": [_number(v) for v in scale.missing_values], "level": scale.level,
            "min": None, "max": None}


def _score_range(inst: Instrument, items: list[Item]) -> tuple[float, float]:
    scales = [inst.scale_of(i) for i in items]
    if inst.scoring is not None and inst.scoring.method == "sum":
        return float(sum(s.minimum for s in scales)), float(sum(s.maximum for s in scales))
    return float(min(s.minimum for s in scales)), float(max(s.maximum for s in scales))


# -- small helpers ----------------------------------------------------------------------------
def _missing_spec(variable: str, codes: list, value_labels: Mapping) -> list:
    codes = sorted(_number(c) for c in codes)
    if len(codes) <= 3:
        return codes
    lo, hi = codes[0], codes[-1]
    inside = [v for v in value_labels if lo <= _number(v) <= hi and _number(v) not in codes]
    if inside:
        raise DataError(f"variable '{variable}': {len(codes)} missing codes need one SPSS range "
                        f"{_fmt(lo)}..{_fmt(hi)}, which would also cover the value(s) "
                        f"{', '.join(_fmt(v) for v in inside)}")
    return [{"lo": lo, "hi": hi}]


def _text(text: Mapping[str, str], lang: str) -> str:
    if lang in text:
        return text[lang]
    return next(iter(text.values()), "")


def _number(v: object) -> int | float:
    f = float(v)  # type: ignore[arg-type]
    return int(f) if f.is_integer() else f


def _fmt(v: object) -> str:
    return str(_number(v))


def _json_keys(v: object) -> object:
    if isinstance(v, Mapping):
        return {_fmt(k): val for k, val in v.items()}
    return list(v) if isinstance(v, (list, tuple)) else v


def _range_text(lo: object, hi: object) -> str:
    if lo is None or hi is None or pd.isna(lo) or pd.isna(hi):
        return ""
    return f"{_fmt(lo)} to {_fmt(hi)}"


def _cell(text: object) -> str:
    if text is None or (not isinstance(text, (str, Mapping, list)) and pd.isna(text)):
        return ""
    return str(text).replace("|", "\\|").replace("\n", " ")
