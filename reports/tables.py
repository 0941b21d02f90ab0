"""APA-style tables for reports: a DataFrame in, formatted text cells out.

Formatting follows APA 7: two decimals by default; statistics that cannot exceed 1 in absolute
value (correlations, p-values, proportions) without a leading zero; p-values under .001 as
"< .001". Rendering is the templates' job (Jinja2, autoescaped): a :class:`Table` holds text only.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

Formatter = Callable[[object], str]


@dataclass(frozen=True)
class Table:
    """A report table: header, body rows of text, a title and a note (numbered when rendered)."""

    id: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    note: str = ""
    first_column_label: bool = True
    meta: dict = field(default_factory=dict)


def num(v: object, digits: int = 2) -> str:
    """A number with ``digits`` decimals (empty for missing; minus sign as U+2212)."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return ""
    try:
        x = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(v)
    text = f"{x:.{digits}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace("-", "\u2212")


def bounded(v: object, digits: int = 2) -> str:
    """A number bounded by 1 in absolute value, APA style without a leading zero (``.35``)."""
    text = num(v, digits)
    return text.replace("0.", ".", 1) if text.lstrip("\u2212").startswith("0.") else text


def pval(v: object) -> str:
    """A p-value: ``< .001`` or three decimals without leading zero."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    x = float(v)  # type: ignore[arg-type]
    return "< .001" if x < 0.001 else bounded(x, 3)


def integer(v: object) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return f"{int(round(float(v)))}"  # type: ignore[arg-type]


def pct(v: object, digits: int = 0) -> str:
    """A proportion (0-1) as a percentage."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return f"{100 * float(v):.{digits}f}%"  # type: ignore[arg-type]


def ci(lo: object, hi: object, digits: int = 2) -> str:
    """A confidence interval ``[lo, hi]``."""
    if lo is None or hi is None:
        return ""
    return f"[{num(lo, digits)}, {num(hi, digits)}]"


DEFAULTS: dict[str, Formatter] = {
    "pvalue": pval, "p": pval, "n": integer, "N": integer, "df": integer,
    "retained": pct, "share": pct,
}


def from_frame(
    frame: pd.DataFrame,
    *,
    id: str,
    title: str,
    note: str = "",
    columns: Mapping[str, str] | Sequence[str] | None = None,
    formats: Mapping[str, Formatter] | None = None,
    index: bool = False,
) -> Table:
    """Build a :class:`Table` from a DataFrame.

    Parameters
    ----------
    frame : DataFrame
    id, title, note : str
    columns : mapping or sequence, optional
        Which columns to show (sequence) or which to show under which header (mapping).
    formats : mapping, optional
        Column -> formatter; defaults: p-values, counts and shares by column name, numbers with
        two decimals, text as is.
    index : bool
        Show the index as the first column.
    """
    df = frame.reset_index() if index else frame
    if columns is None:
        cols = {c: str(c) for c in df.columns}
    elif isinstance(columns, Mapping):
        cols = dict(columns)
    else:
        cols = {c: str(c) for c in columns}
    fmts = {**DEFAULTS, **(formats or {})}
    rows = []
    for rec in df[list(cols)].to_dict(orient="records"):
        row = []
        for c in cols:
            v = rec[c]
            f = fmts.get(c)
            if f is not None:
                row.append(f(v))
            elif isinstance(v, numbers.Real) and not isinstance(v, bool):
                row.append(num(v))
            else:
                row.append("" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v))
        rows.append(row)
    return Table(id=id, title=title, columns=list(cols.values()), rows=rows, note=note)
