"""Disclosure control across a whole platform report: one ledger of every published count.

:func:`craftwave.reports.privacy.suppress` protects one table: no count under ``k`` and no
hidden cell recoverable from that table's own totals. A report publishes many tables, sentences
and key facts about overlapping groups of the same workers, so a reader can also subtract a
number in one table from a number in another ("285 completed wave 1" and "276 answered the
forum questions at wave 1": 9 did not). The :class:`Ledger` closes that gap: every count the
platform report publishes is registered with the set of participants it counts, and a new
count is published only if

- it is 0 or at least ``k``, and
- for every count already published (in another table, or in the same table) whose group
  contains the new group or is contained in it, the difference between the two (the size of
  a group a reader can work out) is 0 or at least ``k``.

Tables are built by :func:`ledger_table`: primary and complementary suppression within the
table (``privacy.suppress``), then any cell that would conflict with a count published
elsewhere is hidden too and the table's complementary suppression is run again, until stable.
Sentences and key facts take their numbers only from published cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.reports.privacy import TOTAL, SuppressedTable, suppress


@dataclass
class Ledger:
    """The counts a report has published, each with the participants it counts.

    Parameters
    ----------
    k : int
        Groups under ``k`` participants are never published, directly or by difference.
    size : int
        The number of participants (every mask has this length).
    """

    k: int
    size: int
    _masks: list[np.ndarray] = field(default_factory=list, repr=False)
    labels: list[str] = field(default_factory=list)

    def _check(self, mask: np.ndarray) -> np.ndarray:
        m = np.asarray(mask, dtype=bool)
        if m.shape != (self.size,):
            raise DataError(f"a group mask must have {self.size} entries; got {m.shape}")
        return m

    def safe(self, mask: np.ndarray) -> bool:
        """Whether the count of ``mask`` can be published without revealing a group under k."""
        m = self._check(mask)
        n = int(m.sum())
        if 0 < n < self.k:
            return False
        for p in self._masks:
            inside, outside = bool((m <= p).all()), bool((p <= m).all())
            if inside or outside:
                d = int((m ^ p).sum())
                if 0 < d < self.k:
                    return False
        return True

    def record(self, mask: np.ndarray, label: str = "") -> None:
        """Register a published count (its group)."""
        self._masks.append(self._check(mask).copy())
        self.labels.append(label)

    def publish(self, mask: np.ndarray, label: str = "") -> int | None:
        """The count of ``mask`` if it is safe (and register it), else ``None``."""
        if not self.safe(mask):
            return None
        self.record(mask, label)
        return int(np.asarray(mask, dtype=bool).sum())

    def __len__(self) -> int:
        return len(self._masks)


@dataclass(frozen=True)
class LedgerTable:
    """A count table built from group masks and protected against the whole report."""

    table: SuppressedTable
    masks: dict[tuple[object, object], np.ndarray]

    def value(self, row: object, col: object) -> int | None:
        """The published count of a cell, or ``None`` where it is hidden."""
        if self.table.hidden.loc[row, col]:
            return None
        return int(self.table.counts.loc[row, col])


def ledger_table(ledger: Ledger, cells: Mapping[object, Mapping[object, np.ndarray]], *,
                 row_totals: bool = True, label: str = "") -> LedgerTable:
    """Suppress a count table whose cells are groups of participants, against the ledger.

    Parameters
    ----------
    ledger : Ledger
    cells : mapping
        ``{row: {column: mask}}``: the participants counted in each body cell.
    row_totals : bool
        As in :func:`craftwave.reports.privacy.suppress`.
    label : str
        A name for the ledger's record (the table id).

    Returns
    -------
    LedgerTable
        The visible cells (margins included) are registered in the ledger.
    """
    rows = list(cells)
    cols = list(dict.fromkeys(c for r in rows for c in cells[r]))
    empty = np.zeros(ledger.size, dtype=bool)
    masks: dict[tuple[object, object], np.ndarray] = {
        (r, c): ledger._check(cells[r].get(c, empty)) for r in rows for c in cols}
    for c in cols:
        masks[TOTAL, c] = np.logical_or.reduce([masks[r, c] for r in rows])
    if row_totals:
        for r in [*rows, TOTAL]:
            masks[r, TOTAL] = np.logical_or.reduce([masks[r, c] for c in cols])
    counts = pd.DataFrame([[int(masks[r, c].sum()) for c in cols] for r in rows],
                          index=rows, columns=cols)
    force = None
    while True:
        st = suppress(counts, ledger.k, row_totals=row_totals, force_hidden=force)
        clash = pd.DataFrame(False, index=st.hidden.index, columns=st.hidden.columns)
        # against the counts published elsewhere AND the cells of this table accepted so far
        # (a row's "randomised" and "completed wave 1" are nested groups of one table)
        trial = Ledger(ledger.k, ledger.size, list(ledger._masks), list(ledger.labels))
        for r, c in _cell_order(st.hidden):
            if st.hidden.loc[r, c]:
                continue
            if trial.safe(masks[r, c]):
                trial.record(masks[r, c])
            else:
                clash.loc[r, c] = True
        if not clash.to_numpy().any():
            break
        force = clash if force is None else (force | clash)
    for r in st.hidden.index:
        for c in st.hidden.columns:
            if not st.hidden.loc[r, c]:
                ledger.record(masks[r, c], f"{label}[{r}, {c}]")
    return LedgerTable(st, masks)


def _cell_order(hidden: pd.DataFrame) -> list[tuple[object, object]]:
    """The order in which a table's cells are checked against each other: the totals first
    (the most used numbers are the last to be hidden), then the body row by row."""
    rows, cols = list(hidden.index), list(hidden.columns)
    first = [(r, c) for r in rows for c in cols if r == TOTAL or c == TOTAL]
    return first + [(r, c) for r in rows for c in cols if r != TOTAL and c != TOTAL]
