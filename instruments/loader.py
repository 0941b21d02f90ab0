"""Load and validate instrument definitions.

Every problem becomes an :class:`~craftwave.instruments.errors.InstrumentError` whose message names the
file, the item (where there is one) and the problem, e.g.::

    icraft.yaml: item 'task_9': unknown subscale 'tsak' (declared: task, relational, cognitive)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import ValidationError

from craftwave.instruments.errors import InstrumentError
from craftwave.instruments.schema import AttentionCheck, Instrument, Item

LIBRARY_DIR = Path(__file__).parent / "library"


def load_instrument(path: str | Path) -> Instrument:
    """Read one instrument YAML file and validate it.

    Parameters
    ----------
    path : str or Path
        The YAML file.

    Returns
    -------
    Instrument
        The validated definition; ``content_hash`` identifies its exact content.

    Raises
    ------
    InstrumentError
        If the file cannot be read or parsed, or breaks a rule of the schema.

    Examples
    --------
    >>> from craftwave.instruments import load_instrument, LIBRARY_DIR
    >>> inst = load_instrument(LIBRARY_DIR / "icraft.yaml")
    >>> inst.prefix
    'icraft'
    """
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InstrumentError(f"{path.name}: cannot read the file: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise InstrumentError(f"{path.name}: not valid YAML: {exc}") from exc
    return instrument_from_dict(raw, source=path.name)


def instrument_from_dict(raw: object, source: str = "<dict>") -> Instrument:
    """Validate an already-parsed definition; ``source`` names it in error messages."""
    if not isinstance(raw, dict):
        raise InstrumentError(f"{source}: the file must hold a mapping of fields, not {type(raw).__name__}")
    try:
        inst = Instrument.model_validate(raw)
    except ValidationError as exc:
        raise InstrumentError(_describe_validation_error(exc, raw, source)) from None
    problems = list(_cross_checks(inst))
    if problems:
        raise InstrumentError(f"{source}: " + f"\n{source}: ".join(problems))
    return inst


def load_library(directory: str | Path | None = None) -> dict[str, Instrument]:
    """Load every ``*.yaml`` instrument of a directory (default: the bundled library), by id."""
    directory = Path(directory) if directory is not None else LIBRARY_DIR
    out: dict[str, Instrument] = {}
    for path in sorted(directory.glob("*.yaml")):
        inst = load_instrument(path)
        if inst.id in out:
            raise InstrumentError(f"{path.name}: instrument id '{inst.id}' is defined twice")
        out[inst.id] = inst
    prefixes = Counter(i.prefix for i in out.values())
    clashes = [p for p, n in prefixes.items() if n > 1]
    if clashes:
        raise InstrumentError(f"{directory}: prefix used by more than one instrument: {', '.join(clashes)}")
    return out


def _describe_validation_error(exc: ValidationError, raw: dict, source: str) -> str:
    lines = []
    for err in exc.errors():
        loc = list(err["loc"])
        where = _name_location(loc, raw)
        lines.append(f"{source}: {where}{err['msg'].lower()}")
    return "\n".join(lines)


def _name_location(loc: list, raw: dict) -> str:
    """Turn pydantic's ``('items', 3, 'text')`` into ``item 'task_2': field 'text': ``."""
    if len(loc) >= 2 and loc[0] in ("items", "attention_checks", "subscales", "response_scales"):
        kind = {"items": "item", "attention_checks": "attention check", "subscales": "subscale",
                "response_scales": "response scale"}[loc[0]]
        entry = None
        seq = raw.get(loc[0])
        if isinstance(seq, list) and isinstance(loc[1], int) and loc[1] < len(seq):
            entry = seq[loc[1]]
        ident = entry.get("id") if isinstance(entry, dict) else None
        label = f"{kind} '{ident}'" if ident else f"{kind} #{loc[1] + 1}"
        rest = ".".join(str(x) for x in loc[2:])
        return f"{label}: " + (f"field '{rest}': " if rest else "")
    return f"field '{'.'.join(str(x) for x in loc)}': " if loc else ""


def _cross_checks(inst: Instrument) -> Iterable[str]:
    langs = inst.languages
    yield from _missing_languages("title", inst.title, langs)
    if inst.instructions is not None:
        yield from _missing_languages("instructions", inst.instructions, langs)

    scale_ids = [s.id for s in inst.response_scales]
    for sid, n in Counter(scale_ids).items():
        if n > 1:
            yield f"response scale '{sid}' is defined {n} times"
    for scale in inst.response_scales:
        values = scale.values
        for v, n in Counter(values).items():
            if n > 1:
                yield f"response scale '{scale.id}': value {v} is used by {n} options"
        if not scale.substantive_values:
            yield f"response scale '{scale.id}': every option is marked missing"
        for opt in scale.options:
            yield from _missing_languages(f"response scale '{scale.id}': option {opt.value}", opt.label, langs)
    if inst.default_scale is not None and inst.default_scale not in scale_ids:
        yield f"default_scale '{inst.default_scale}' is not a declared response scale"

    sub_ids = [s.id for s in inst.subscales]
    for sid, n in Counter(sub_ids).items():
        if n > 1:
            yield f"subscale '{sid}' is declared {n} times"
    for sub in inst.subscales:
        yield from _missing_languages(f"subscale '{sub.id}'", sub.label, langs)

    all_ids = [i.id for i in inst.items] + [a.id for a in inst.attention_checks]
    for iid, n in Counter(all_ids).items():
        if n > 1:
            yield f"item '{iid}': duplicate item id (used {n} times)"

    for item in inst.items:
        yield from _check_item(inst, item, sub_ids, langs)
    for check in inst.attention_checks:
        yield from _check_attention(inst, check, langs)

    if inst.scoring is not None:
        known = set(inst.items_by_id)
        for rid in inst.scoring.reverse:
            if rid not in known:
                yield f"scoring: reverse key on unknown item '{rid}'"
            elif inst.items_by_id[rid].type != "scale":
                yield f"scoring: reverse key on item '{rid}', which is not a scale item"
        if not inst.scored_items:
            yield "scoring is declared but no item can be scored"
        for sub in inst.subscales:
            n = len(inst.subscale_items(sub.id))
            if n == 0:
                yield f"subscale '{sub.id}' has no items"
            elif inst.scoring.min_items > n:
                yield (f"subscale '{sub.id}': scoring.min_items = {inst.scoring.min_items} "
                       f"exceeds its {n} items")
        n_scored = len(inst.scored_items)
        if n_scored and (inst.scoring.total or not inst.subscales):
            need = inst.scoring.total_min_items or inst.scoring.min_items
            if need > n_scored:
                yield (f"scoring: the whole scale needs {need} answered items "
                       f"(total_min_items/min_items) but has only {n_scored} scored items")


def _check_item(inst: Instrument, item: Item, sub_ids: list[str], langs: list[str]) -> Iterable[str]:
    yield from _missing_languages(f"item '{item.id}'", item.text, langs)
    if item.subscale is not None and item.subscale not in sub_ids:
        declared = ", ".join(sub_ids) or "none"
        yield f"item '{item.id}': unknown subscale '{item.subscale}' (declared: {declared})"
    if item.type == "scale":
        sid = item.scale or inst.default_scale
        if sid is None:
            yield f"item '{item.id}': no response scale (set 'scale' or the instrument's default_scale)"
        elif sid not in inst.scales_by_id:
            yield f"item '{item.id}': unknown response scale '{sid}'"
        if item.min is not None or item.max is not None:
            yield f"item '{item.id}': min/max apply to number items; a scale item takes its options"
    else:
        if item.scale is not None:
            yield f"item '{item.id}': a number item takes min/max, not a response scale ('{item.scale}')"
        if item.min is None or item.max is None:
            yield f"item '{item.id}': a number item needs both min and max"
        elif item.min >= item.max:
            yield f"item '{item.id}': min {item.min} is not below max {item.max}"


def _check_attention(inst: Instrument, check: AttentionCheck, langs: list[str]) -> Iterable[str]:
    yield from _missing_languages(f"attention check '{check.id}'", check.text, langs)
    scale = inst.scale_of(check)
    if scale is None:
        yield f"attention check '{check.id}': unknown or missing response scale"
    elif check.expected not in scale.substantive_values:
        yield (f"attention check '{check.id}': expected answer {check.expected} is outside the "
               f"scale '{scale.id}' (values {scale.substantive_values})")


def _missing_languages(what: str, text: dict[str, str], langs: list[str]) -> Iterable[str]:
    for lang in langs:
        if not (text.get(lang) or "").strip():
            yield f"{what}: missing text for declared language '{lang}'"
