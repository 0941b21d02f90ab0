"""The one place that makes (and parses) craftwave's variable names.

Items:     ``{prefix}_{item_id}_w{wave}``     e.g. ``icraft_task_1_w2``
Subscales: ``{prefix}_{subscale}_w{wave}``    e.g. ``icraft_task_w2``
Scales:    ``{prefix}_w{wave}``               e.g. ``icraft_w2``
Products:  ``{a}_x_{b}``                      e.g. ``icraft_w1_x_ccraft_w1``

Item ids inside an instrument are ``{subscale}_{n}`` for multi-dimensional scales and
``{n}`` (or a short word for profile questions) otherwise, so the pattern above gives
``ccommit_3_w1`` for a single-scale instrument. Waves count from 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WAVE = re.compile(r"^(?P<stem>[a-z][a-z0-9_]*?)_w(?P<wave>[1-9][0-9]*)$")


def item_var(prefix: str, item_id: str, wave: int) -> str:
    """Column name of one item at one wave."""
    return f"{prefix}_{item_id}_w{_check_wave(wave)}"


def subscale_var(prefix: str, subscale: str, wave: int) -> str:
    """Column name of a subscale score at one wave."""
    return f"{prefix}_{subscale}_w{_check_wave(wave)}"


def scale_var(prefix: str, wave: int) -> str:
    """Column name of a whole-scale score at one wave."""
    return f"{prefix}_w{_check_wave(wave)}"


def product_var(a: str, b: str) -> str:
    """Column name of the product (interaction term) of two variables."""
    return f"{a}_x_{b}"


def with_wave(stem: str, wave: int) -> str:
    """Append the wave suffix to any stem (``icraft_task`` -> ``icraft_task_w2``)."""
    return f"{stem}_w{_check_wave(wave)}"


@dataclass(frozen=True)
class ParsedName:
    """A column name split into its stem (without the wave) and wave."""

    stem: str
    wave: int


def split_wave(name: str) -> ParsedName | None:
    """Split ``icraft_task_1_w2`` into stem ``icraft_task_1`` and wave 2; ``None`` if no wave."""
    m = _WAVE.match(name)
    if m is None or "_x_" in name:
        return None
    return ParsedName(m["stem"], int(m["wave"]))


def _check_wave(wave: int) -> int:
    if not isinstance(wave, int) or isinstance(wave, bool) or wave < 1:
        raise ValueError(f"waves count from 1; got {wave!r}")
    return wave
