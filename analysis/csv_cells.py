"""CSV cells a spreadsheet will not run as formulas, and the exact values back again.

Excel, LibreOffice and Google Sheets treat a cell that begins with ``=``, ``+``, ``-`` or ``@``
(and, after their own trimming, a tab or carriage return) as a formula, so a participant's
free text or a made-up recruitment id such as ``-2-3`` or ``=HYPERLINK(...)`` would be
evaluated when a researcher opens an export. :func:`neutralise_frame` prefixes such text cells
with an apostrophe, which spreadsheets show as text; :func:`restore_frame` (used by
:func:`craftwave.analysis.data.read_export`) removes exactly that prefix again.

The rule is reversible: a text cell matching ``'*[=+\\-@\\t\\r]...`` (any number of
apostrophes, then a trigger character) gains one apostrophe on writing and loses one on
reading, so a value that itself began with ``'=`` survives the round trip. Numbers (a
negative score is a number, not text) are never touched.
"""

from __future__ import annotations

import re

import pandas as pd

TRIGGERS = "=+-@\t\r"
"""First characters that make a spreadsheet evaluate a cell."""
_NEEDS = re.compile(r"^'*[=+\-@\t\r]")
_PROTECTED = re.compile(r"^'+[=+\-@\t\r]")


def neutralise_cell(value: object) -> object:
    """``value`` with one apostrophe in front if it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and _NEEDS.match(value):
        return "'" + value
    return value


def restore_cell(value: object) -> object:
    """Undo :func:`neutralise_cell`."""
    if isinstance(value, str) and _PROTECTED.match(value):
        return value[1:]
    return value


def _text_columns(frame: pd.DataFrame) -> list:
    return [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are safe to open in a spreadsheet."""
    out = frame.copy()
    for col in _text_columns(out):
        out[col] = out[col].map(neutralise_cell)
    return out


def restore_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the values :func:`neutralise_frame` changed set back (in place; returned)."""
    for col in _text_columns(frame):
        frame[col] = frame[col].map(restore_cell)
    return frame
