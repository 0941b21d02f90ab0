"""How reports name variables and scales: from the instruments, never by column name.

``icraft_w1`` is printed "Individual crafting (W1)", ``W_resil_w2`` "Resilience, within
person (W2)", ``RI_icraft`` "Individual crafting, random intercept"; a scale's range ("1-7")
comes from the instrument's response scale.
"""

from __future__ import annotations

import re
from functools import lru_cache

from craftwave.instruments.names import split_wave
from craftwave.reports.sections.common import FEATURES, SHORT


@lru_cache(maxsize=1)
def _library():
    from craftwave.instruments import load_library

    return load_library()


def scale_range(prefix: str) -> tuple[float, float] | None:
    """The (minimum, maximum) of an instrument's default response scale."""
    try:
        inst = _library()[prefix]
    except KeyError:
        return None
    scale = inst.scales_by_id[inst.default_scale]
    return float(scale.minimum), float(scale.maximum)


def range_text(prefix: str) -> str:
    """``"1-7"`` for an instrument, or ``""`` when unknown."""
    r = scale_range(prefix)
    return f"{r[0]:g}-{r[1]:g}" if r else ""


def construct_name(stem: str) -> str:
    """A construct's name (``Resilience``) or a community feature's; else the stem."""
    return SHORT.get(stem) or FEATURES.get(stem) or stem


def var_label(name: str) -> str:
    """A readable label for a model or data variable name."""
    if "_x_" in name:
        a, b = name.split("_x_", 1)
        return f"{var_label(a)} × {var_label(b)}"
    m = re.fullmatch(r"RI_(\w+)", name)
    if m:
        return f"{construct_name(m.group(1))}, random intercept"
    m = re.fullmatch(r"W_(\w+)", name)
    if m:
        inner = split_wave(m.group(1))
        if inner is not None:
            return f"{construct_name(inner.stem)}, within person (W{inner.wave})"
    parsed = split_wave(name)
    if parsed is not None:
        return f"{construct_name(parsed.stem)} (W{parsed.wave})"
    return construct_name(name)


def lower_first(label: str) -> str:
    """``Individual crafting (W1)`` -> ``individual crafting (W1)`` (for use mid-sentence)."""
    return label[:1].lower() + label[1:]
