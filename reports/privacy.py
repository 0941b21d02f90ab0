"""Privacy of platform reports: aggregates only, small cells suppressed.

Rules (docs/design.md, "Statistics conventions"):

- every count under ``k`` participants (1 to k-1) is suppressed (*primary suppression*), in the
  body of a table and in its margins;
- further cells are suppressed (*complementary suppression*) so that no suppressed cell can be
  worked out from the published row and column totals by subtraction: in every row and column
  of the table with its margins, either no cell is hidden or at least two are, and the hidden
  cells of a line add up to at least ``k`` (so the difference a reader can compute never
  describes a group smaller than ``k``);
- a statistic of a group (a mean, a share) is shown only where the group's count is shown.

Suppressed cells are shown with one symbol whatever the reason, so the reason does not leak.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from craftwave.instruments.errors import DataError

SUPPRESSED = "–"
TOTAL = "Total"


@dataclass(frozen=True)
class SuppressedTable:
    """A count table with margins after suppression.

    Attributes
    ----------
    counts : DataFrame
        The table with a ``Total`` row and column (integers; the true values, for the caller's
        own use and for tests: never publish this frame).
    hidden : DataFrame of bool
        Same shape: True where the cell is suppressed.
    primary : DataFrame of bool
        True where the cell was under ``k`` (a subset of ``hidden``).
    k : int
    """

    counts: pd.DataFrame
    hidden: pd.DataFrame
    primary: pd.DataFrame
    k: int

    def published(self) -> pd.DataFrame:
        """The table as it may be published: numbers, or ``None`` where suppressed."""
        out = self.counts.astype(object).copy()
        out[self.hidden] = None
        return out

    def display(self, symbol: str = SUPPRESSED) -> pd.DataFrame:
        """The published table as text, with ``symbol`` in suppressed cells."""
        return self.published().map(lambda v: symbol if v is None else f"{int(v)}")

    @property
    def n_hidden(self) -> int:
        return int(self.hidden.to_numpy().sum())

    @property
    def n_complementary(self) -> int:
        return int((self.hidden & ~self.primary).to_numpy().sum())


def with_margins(counts: pd.DataFrame, row_totals: bool = True) -> pd.DataFrame:
    """Add a ``Total`` row (column totals) and, with ``row_totals``, a ``Total`` column."""
    body = _check_counts(counts)
    out = body.copy()
    if row_totals:
        out[TOTAL] = body.sum(axis=1)
    out.loc[TOTAL] = out.sum(axis=0)
    return out.astype(int)


def suppress(counts: pd.DataFrame, k: int, *, row_totals: bool = True,
             force_hidden: pd.DataFrame | None = None) -> SuppressedTable:
    """Suppress small cells of a count table and its margins, with complementary suppression.

    Parameters
    ----------
    counts : DataFrame
        Non-negative integer counts, rows x columns, WITHOUT margins (they are added).
    k : int
        Cells with 1 to ``k - 1`` participants are suppressed.
    row_totals : bool, default True
        Add (and protect) a ``Total`` column. Turn off when a row total would not count
        people, e.g. across waves (it would count person-waves, and a total over a small
        group's waves would reveal that the group exists).
    force_hidden : DataFrame of bool, optional
        Cells (of the table with its margins) to hide whatever their count, e.g. because they
        would reveal a small group by difference with a count published in another table
        (:mod:`craftwave.reports.disclosure`); complementary suppression then protects them.

    Returns
    -------
    SuppressedTable

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"yes": [30, 4], "no": [25, 40]}, index=["A", "B"])
    >>> s = suppress(t, k=10)
    >>> s.display().loc["B", "yes"], s.display().loc["B", "no"]
    ('–', '–')
    """
    if int(k) != k or k < 1:
        raise DataError(f"k must be a positive integer; got {k!r}")
    full = with_margins(counts, row_totals)
    values = full.to_numpy()
    primary = (values > 0) & (values < k)
    hidden = primary.copy()
    if force_hidden is not None:
        forced = force_hidden.reindex(index=full.index, columns=full.columns, fill_value=False)
        hidden |= forced.to_numpy(dtype=bool)
    _complement(values, hidden, k, rows=row_totals)
    shape = dict(index=full.index, columns=full.columns)
    return SuppressedTable(full, pd.DataFrame(hidden, **shape), pd.DataFrame(primary, **shape),
                           int(k))


def suppress_statistic(stat: pd.DataFrame, table: SuppressedTable,
                       symbol: str = SUPPRESSED, fmt: str = "{:.2f}") -> pd.DataFrame:
    """Format a statistic per cell (e.g. a mean) and hide it wherever the count is hidden.

    ``stat`` has the same row and column labels as the counts (margins optional: a missing
    margin is shown as empty).
    """
    out = pd.DataFrame("", index=table.counts.index, columns=table.counts.columns, dtype=object)
    for r in out.index:
        for c in out.columns:
            if table.hidden.loc[r, c]:
                out.loc[r, c] = symbol
            elif r in stat.index and c in stat.columns and pd.notna(stat.loc[r, c]):
                out.loc[r, c] = fmt.format(float(stat.loc[r, c]))
    return out


def recoverable_by_subtraction(published: pd.DataFrame) -> set[tuple[object, object]]:
    """The hidden cells an attacker can work out from a published table with margins.

    The attacker repeatedly takes a row or column (margins included) with exactly one unknown
    cell and solves it from the line's total. Used by the tests; returns the cells recovered.
    Rows are used only when the table has a ``Total`` column, columns only when it has a
    ``Total`` row (the totals must be its last row and column).
    """
    use_rows = TOTAL in published.columns
    use_cols = TOTAL in published.index
    vals = published.to_numpy(dtype=object)
    known = np.array([[v is not None and not (isinstance(v, float) and np.isnan(v))
                       for v in row] for row in vals])
    num = np.where(known, vals, 0).astype(float)
    n_r, n_c = vals.shape
    recovered: set[tuple[int, int]] = set()
    changed = True
    while changed:
        changed = False
        for i in range(n_r if use_rows else 0):  # row i: body cells sum to the last column
            unknown = [j for j in range(n_c) if not known[i, j]]
            if len(unknown) == 1:
                j = unknown[0]
                num[i, j] = (num[i, :-1].sum() if j == n_c - 1
                             else num[i, -1] - num[i, :-1].sum())
                known[i, j] = True
                recovered.add((i, j))
                changed = True
        for j in range(n_c if use_cols else 0):  # column j: body cells sum to the last row
            unknown = [i for i in range(n_r) if not known[i, j]]
            if len(unknown) == 1:
                i = unknown[0]
                num[i, j] = (num[:-1, j].sum() if i == n_r - 1
                             else num[-1, j] - num[:-1, j].sum())
                known[i, j] = True
                recovered.add((i, j))
                changed = True
    return {(published.index[i], published.columns[j]) for i, j in recovered}


# -- internals ----------------------------------------------------------------------------


def _lines(n_r: int, n_c: int, rows: bool = True) -> list[list[tuple[int, int]]]:
    row_lines = [[(i, j) for j in range(n_c)] for i in range(n_r)] if rows else []
    cols = [[(i, j) for i in range(n_r)] for j in range(n_c)]
    return row_lines + cols


def _complement(values: np.ndarray, hidden: np.ndarray, k: int, rows: bool = True) -> None:
    """Hide further cells until every line is safe (in place).

    A line (row or column of the table with margins) is safe when it hides no cell, or hides
    at least two whose values add up to at least ``k``. To fix an unsafe line the smallest
    visible cell of that line is hidden (body cells before margins, non-zero before zero), so
    as little as possible is lost; this repeats until nothing changes. It terminates because
    every step hides one more cell; a line whose cells are all hidden is left as it is.
    """
    n_r, n_c = values.shape
    lines = _lines(n_r, n_c, rows)
    changed = True
    while changed:
        changed = False
        for line in lines:
            h = [cell for cell in line if hidden[cell]]
            if not h:
                continue
            total = sum(values[cell] for cell in h)
            if len(h) >= 2 and total >= k:
                continue
            visible = [cell for cell in line if not hidden[cell]]
            if not visible:
                continue
            margin = {(n_r - 1, j) for j in range(n_c)}
            if rows:
                margin |= {(i, n_c - 1) for i in range(n_r)}
            visible.sort(key=lambda c: (c in margin, values[c] == 0, values[c]))
            hidden[visible[0]] = True
            changed = True


def _check_counts(counts: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(counts, pd.DataFrame) or counts.empty:
        raise DataError("a count table must be a non-empty DataFrame")
    body = counts.apply(pd.to_numeric, errors="coerce")
    if body.isna().to_numpy().any():
        raise DataError("a count table must hold numbers only")
    arr = body.to_numpy()
    if (arr < 0).any() or not np.allclose(arr, np.round(arr)):
        raise DataError("counts must be non-negative integers")
    if TOTAL in counts.index or TOTAL in counts.columns:
        raise DataError("pass the table without margins; suppress() adds them")
    return body.round().astype(int)
