"""The reports' count tables, computed in one place: for the report and for ``craftwave counts``.

The researcher report prints every count as it is (:func:`researcher_counts`): participants
by wave and status (``tab-sample``), the CONSORT enrolment and allocation tables
(``tab-flow-entry``, ``tab-flow``), forum uptake by arm and wave (``tab-uptake-arm``) and the
number of participants with each score at each wave after the quality policy (``n-scores``,
the *N* column of the descriptive tables).

The platform report publishes counts only through the disclosure ledger
(:func:`platform_counts`): the enrolment and allocation tables, completed surveys by
recruitment source, taking part in each community feature and forum uptake by arm are all
built by :func:`craftwave.reports.disclosure.ledger_table` against ONE ledger, in one fixed
order, so that no cell under ``k`` is published and no difference between two published counts
(in one table or across tables) is a group under ``k``. The group means by forum use
(``tab-group-*``) are shown only where their group's count would be (:func:`group_means`).
The report's sections and the command read the same plan, so a hidden cell of the report is
hidden in the command's output too.

The enrolment counts of the export's ``flow.csv`` (declined, screened out) are anonymous: the
ledger's universe holds the export's participants first and then one place per anonymous
person (declined, screened out, and the rest of those who answered the consent form), so
that "answered the consent form" minus the published groups can never leave a group under k.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.instruments.names import with_wave
from craftwave.reports.disclosure import Ledger, LedgerTable, ledger_table
from craftwave.reports.privacy import TOTAL, SuppressedTable, suppress, suppress_statistic
from craftwave.reports.sections.base import ReportContext
from craftwave.reports.sections.common import (
    FEATURES,
    SHORT,
    TAKES_PART,
    analysis_frame,
    study_waves,
)

STATUSES = ("invited", "started", "completed", "screened out", "closed", "missed", "withdrawn")
#: Forum use at the first wave: the groups of the platform report's ``tab-group-*`` tables.
LEVELS = ("Not at all or rarely", "Now and then", "Weekly or more")
#: The enrolment table's hidden body cell: everyone who answered the consent form and is in no
#: other column (not randomised, asked for deletion, or had not finished screening). Never
#: printed, but protected like any cell, since the others give it by difference.
OTHER = "Other"


@dataclass(frozen=True)
class CountTable:
    """A count table as a report prints it: a header and rows of numbers.

    Attributes
    ----------
    id, title : str
        The report table's id (``tab-flow``) and title.
    columns : list of str
        The header; the first column holds the row labels.
    rows : list of list
        Row label, then integers, floats (shares, means) or ``None`` where the platform report
        hides the cell.
    """

    id: str
    title: str
    columns: list[str]
    rows: list[list[Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "columns": list(self.columns),
                "rows": [[_plain(v) for v in r] for r in self.rows]}

    def cell(self, row: object, column: str) -> Any:
        """The value of a cell by row label and column header."""
        j = self.columns.index(column)
        for r in self.rows:
            if r[0] == row:
                return r[j]
        raise KeyError(row)


def _plain(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if np.isnan(v) else float(v)
    return v


# -- shared count frames (researcher and platform) -------------------------------------------


def sample_frame(ctx: ReportContext) -> pd.DataFrame:
    """Participants per wave by status (``Invited`` ... ``Withdrawn``) and ``retained``: completed
    at the wave over completed at the first wave."""
    rows, n1 = [], None
    for w in study_waves(ctx):
        counts = ctx.data.status(w).astype("string").str.lower().value_counts()
        completed = int(counts.get("completed", 0))
        n1 = completed if n1 is None else n1
        rows.append({"Wave": w, **{s.capitalize(): int(counts.get(s, 0)) for s in STATUSES},
                     "retained": completed / n1 if n1 else np.nan})
    return pd.DataFrame(rows)


def flow_frame(ctx: ReportContext) -> tuple[dict[str, int] | None, pd.DataFrame]:
    """The export's anonymous enrolment counts (``None`` without ``flow.csv``) and the by-arm
    stages (rows: arms; columns ``Randomised``, ``Completed wave k``..., ``Withdrew``,
    ``Analysed``)."""
    from craftwave.reports.sections.flow import flow_frame as frame

    return frame(ctx)


def enrolment_frame(counts: dict[str, int] | None, by_arm: pd.DataFrame) -> pd.DataFrame:
    """The one-row enrolment table: Entered, Declined, Screened out, Randomised."""
    row = {}
    if counts is not None:
        row = {"Entered": counts["entered"], "Declined": counts["declined"],
               "Screened out": counts["screened_out"]}
    row["Randomised"] = int(by_arm["Randomised"].sum())
    return pd.DataFrame([row], index=["All"])


def uptake_frame(ctx: ReportContext) -> pd.DataFrame | None:
    """Workers using the forums weekly or more (``weekly``), and those who answered the
    questions (``answered``), by arm and wave, among every randomised participant (no quality
    exclusion, as the intention-to-treat analysis); ``None`` when the study did not ask."""
    from craftwave.reports.sections.intervention import itt_frame

    frame = itt_frame(ctx)
    feat = next(iter(FEATURES))
    waves = [w for w in study_waves(ctx) if with_wave(feat, w) in frame.columns]
    if not waves:
        return None
    rows = []
    for arm in ctx.study.arms or sorted(frame["arm"].astype(str).unique()):
        sel = frame[frame["arm"].astype(str) == arm]
        for w in waves:
            v = sel[with_wave(feat, w)].dropna()
            rows.append({"arm": arm, "wave": w, "weekly": int((v >= TAKES_PART).sum()),
                         "answered": int(len(v))})
    return pd.DataFrame(rows)


def score_n_frame(ctx: ReportContext) -> pd.DataFrame:
    """Participants with each construct's score at each wave, after the quality policy: the
    *N* column of the descriptive tables (rows: constructs; columns: waves)."""
    from craftwave.reports.sections.common import constructs_present

    frame = analysis_frame(ctx)
    waves = study_waves(ctx)
    out = {}
    for c in constructs_present(ctx, frame):
        out[c] = {w: int(frame[with_wave(c, w)].notna().sum()) if with_wave(c, w) in frame
                  else None for w in waves}
    return pd.DataFrame(out).T.reindex(columns=waves)


# -- the researcher report ----------------------------------------------------------------------


def researcher_counts(ctx: ReportContext) -> list[CountTable]:
    """The researcher report's count tables, every count as it is."""
    out = []
    sample = sample_frame(ctx)
    if not sample.empty:
        cols = ["Wave", *[s.capitalize() for s in STATUSES], "Retained"]
        out.append(CountTable("tab-sample", "Participants by wave and status", cols,
                              [[int(r["Wave"]), *[int(r[s.capitalize()]) for s in STATUSES],
                                float(r["retained"])] for _, r in sample.iterrows()]))
    try:
        counts, by_arm = flow_frame(ctx)
    except DataError:
        counts, by_arm = None, None
    if by_arm is not None:
        enrol = enrolment_frame(counts, by_arm)
        out.append(CountTable("tab-flow-entry", "Enrolment", ["", *enrol.columns],
                              [["All", *[int(v) for v in enrol.iloc[0]]]]))
        out.append(CountTable("tab-flow", "Allocation, follow-up and analysis by arm",
                              ["Arm", *by_arm.columns],
                              [[str(a), *[int(v) for v in by_arm.loc[a]]]
                               for a in by_arm.index]))
    try:
        up = uptake_frame(ctx) if ctx.study.has_intervention else None
    except DataError:
        up = None
    if up is not None:
        out.append(CountTable(
            "tab-uptake-arm", "Uptake: forum use weekly or more, by arm and wave",
            ["Arm", "Wave", "Weekly or more", "Answered", "Share"],
            [[r.arm, int(r.wave), int(r.weekly), int(r.answered),
              r.weekly / r.answered if r.answered else None] for r in up.itertuples()]))
    n = score_n_frame(ctx)
    if not n.empty:
        out.append(CountTable("n-scores", "Participants with each score, by wave (after the "
                              "quality policy)", ["Score", *[f"Wave {w}" for w in n.columns]],
                              [[c, *[None if pd.isna(v) else int(v) for v in n.loc[c]]]
                               for c in n.index]))
    return out


# -- the platform report: one ledger, one order -------------------------------------------------


@dataclass
class PlatformCounts:
    """Every count table of the platform report, protected against one ledger.

    Attributes
    ----------
    k : int
    ledger : Ledger
    tables : dict
        Table id -> :class:`LedgerTable` (``flow-entry``, ``flow``, ``sources``,
        ``participation-<feature>``, ``uptake-<arm>``), in the order they were protected.
    groups : dict
        Construct -> (counts, means, SuppressedTable) of the forum-use groups.
    """

    k: int
    ledger: Ledger
    n_participants: int
    tables: dict[str, LedgerTable] = field(default_factory=dict)
    groups: dict[str, tuple[pd.DataFrame, pd.DataFrame, SuppressedTable]] = field(
        default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def mask(self, series: pd.Series) -> np.ndarray:
        """A participant-level boolean (aligned with participants.csv) as a ledger mask."""
        out = np.zeros(self.ledger.size, dtype=bool)
        out[: self.n_participants] = series.fillna(False).to_numpy(dtype=bool)
        return out

    @property
    def n_hidden(self) -> int:
        """Hidden cells of every ledger table (margins included, the enrolment table's
        unprinted ``Other`` column excluded)."""
        n = 0
        for lt in self.tables.values():
            h = lt.table.hidden
            n += int(h.drop(columns=[OTHER], errors="ignore").to_numpy().sum())
        return n


def _responded(ctx: ReportContext, w: int) -> pd.Series:
    return ctx.data.status(w).astype("string").str.lower().eq("completed").fillna(False)


def _aligned(ctx: ReportContext, frame: pd.DataFrame, values: pd.Series) -> pd.Series:
    """``values`` (indexed like ``frame``) in the order of participants.csv, by participant."""
    by_id = pd.Series(values.to_numpy(), index=frame["participant_id"].astype(str).to_numpy(),
                      dtype=values.dtype)
    by_id = by_id[~by_id.index.duplicated()]
    out = by_id.reindex(ctx.data.participants["participant_id"].astype(str).to_numpy())
    out.index = ctx.data.participants.index
    return out


def platform_counts(ctx: ReportContext) -> PlatformCounts:
    """The platform report's count tables, built once per report in one fixed order against one
    ledger (enrolment, allocation by arm, sources, each community feature, uptake by arm)."""

    def compute() -> PlatformCounts:
        k = ctx.study.k
        part = ctx.data.participants
        n_part = len(part)
        try:
            counts, by_arm = flow_frame(ctx)
        except DataError:
            counts, by_arm = None, None
        # participants.csv may hold the screened-out people (the app keeps their record)
        screened_in = (part["eligibility"].astype("string").eq("screened_out").fillna(False)
                       if "eligibility" in part.columns
                       else pd.Series(False, index=part.index))
        anon = {"declined": 0, "screened_out": 0, "other": 0}
        if counts is not None:
            anon["declined"] = counts["declined"]
            anon["screened_out"] = max(0, counts["screened_out"] - int(screened_in.sum()))
            anon["other"] = max(0, counts["entered"] - anon["declined"]
                                - anon["screened_out"] - n_part)
        ledger = Ledger(k=k, size=n_part + sum(anon.values()))
        pc = PlatformCounts(k=k, ledger=ledger, n_participants=n_part)
        ctx._ledger = ledger  # any other count of the report goes through the same ledger
        waves = study_waves(ctx)
        arm = part["arm"].astype("string") if "arm" in part.columns else None
        if by_arm is not None and arm is not None:
            randomised = arm.notna()
            blocks, start = {}, n_part
            for name, size in anon.items():
                m = np.zeros(ledger.size, dtype=bool)
                m[start:start + size] = True
                blocks[name], start = m, start + size
            row = {"Randomised": pc.mask(randomised)}
            if counts is not None:
                row = {"Declined": blocks["declined"],
                       "Screened out": blocks["screened_out"] | pc.mask(screened_in),
                       "Randomised": row["Randomised"],
                       OTHER: blocks["other"] | pc.mask(~randomised & ~screened_in)}
            pc.tables["flow-entry"] = ledger_table(ledger, {"All": row},
                                                   row_totals=counts is not None,
                                                   label="tab-flow-entry")
            arm_cells = {}
            for a in by_arm.index:
                in_arm = arm.eq(a).fillna(False)
                cells = {"Randomised": pc.mask(in_arm)}
                for w in waves:
                    cells[f"Completed wave {w}"] = pc.mask(in_arm & _responded(ctx, w))
                if "Withdrew" in by_arm.columns:
                    wd = part["withdrawal"].astype("string").fillna("none").ne("none")
                    cells["Withdrew"] = pc.mask(in_arm & wd)
                cells["Analysed"] = cells["Randomised"]
                arm_cells[str(a)] = cells
            pc.tables["flow"] = ledger_table(ledger, arm_cells, row_totals=False,
                                             label="tab-flow")
        if "source" in part.columns:
            src = part["source"].astype("string")
            cells = {str(n).capitalize(): {f"Wave {w}": pc.mask(src.eq(n) & _responded(ctx, w))
                                           for w in waves}
                     for n in sorted(src.dropna().unique())}
            if cells:
                pc.tables["sources"] = ledger_table(ledger, cells, row_totals=False,
                                                    label="tab-sources")
        frame = analysis_frame(ctx)
        for f in FEATURES:
            if with_wave(f, waves[0]) not in frame.columns:
                continue
            cells = {"Takes part": {}, "Does not": {}}
            for w in waves:
                col = with_wave(f, w)
                v = (_aligned(ctx, frame, frame[col]) if col in frame.columns
                     else pd.Series(np.nan, index=part.index)).astype(float)
                done = _responded(ctx, w)  # completers only: the groups nest in "sources"
                cells["Takes part"][f"Wave {w}"] = pc.mask(v.ge(TAKES_PART) & done)
                cells["Does not"][f"Wave {w}"] = pc.mask(v.lt(TAKES_PART) & done)
            pc.tables[f"participation-{f}"] = ledger_table(
                ledger, cells, row_totals=False, label=f"tab-participation-{f}")
        feat = next(iter(FEATURES))
        if ctx.study.has_intervention and arm is not None:
            merged = ctx.data.merged()
            for a in ctx.study.arms or sorted(arm.dropna().unique()):
                in_arm = arm.eq(a).fillna(False)
                cells = {"Weekly or more": {}, "Less often": {}}
                for w in waves:
                    col = with_wave(feat, w)
                    if col not in merged.columns:
                        continue
                    v = _aligned(ctx, merged, merged[col]).astype(float)
                    cells["Weekly or more"][f"Wave {w}"] = pc.mask(in_arm & v.ge(TAKES_PART))
                    cells["Less often"][f"Wave {w}"] = pc.mask(in_arm & v.lt(TAKES_PART))
                if cells["Weekly or more"]:
                    pc.tables[f"uptake-{a}"] = ledger_table(ledger, cells, row_totals=False,
                                                            label=f"tab-uptake[{a}]")
        try:
            pc.groups = group_means(ctx)
        except DataError as exc:
            pc.notes["groups"] = str(exc)
        return pc

    return ctx.shared("platform_counts", compute)


def group_means(ctx: ReportContext) -> dict[str, tuple[pd.DataFrame, pd.DataFrame,
                                                       SuppressedTable]]:
    """Each construct's mean by forum use at the first wave (:data:`LEVELS`) and wave, with
    the group counts suppressed under k (the counts themselves are never published; a mean is
    shown only where its count is not hidden)."""
    frame = analysis_frame(ctx)
    waves = study_waves(ctx)
    group_col = with_wave("community_forums", waves[0])
    if group_col not in frame.columns:
        raise DataError("the study did not ask about worker forums at the first wave")
    g = pd.Series(np.select([frame[group_col] < 2.0, frame[group_col] < TAKES_PART,
                             frame[group_col] >= TAKES_PART], LEVELS, default=""),
                  index=frame.index).where(frame[group_col].notna())
    out = {}
    for c in SHORT:
        if not any(with_wave(c, w) in frame.columns for w in waves):
            continue
        counts = pd.DataFrame({f"Wave {w}": frame.groupby(g)[with_wave(c, w)].count()
                               for w in waves}).reindex(LEVELS).fillna(0).astype(int)
        means = pd.DataFrame({f"Wave {w}": frame.groupby(g)[with_wave(c, w)].mean()
                              for w in waves}).reindex(LEVELS)
        means.loc[TOTAL] = [frame.loc[g.notna(), with_wave(c, w)].mean() for w in waves]
        out[c] = (counts, means, suppress(counts, ctx.study.k, row_totals=False))
    return out


def _ledger_rows(lt: LedgerTable, drop: tuple[str, ...] = ()) -> tuple[list[str], list[list]]:
    pub = lt.table.published().drop(columns=list(drop), errors="ignore")
    return [str(c) for c in pub.columns], [[str(r), *[_plain(v) for v in pub.loc[r]]]
                                          for r in pub.index]


def platform_tables(ctx: ReportContext) -> list[CountTable]:
    """The platform report's count tables as published (``None`` where a cell is hidden)."""
    pc = platform_counts(ctx)
    out = []
    titles = {"flow-entry": ("tab-flow-entry", "Enrolment"),
              "flow": ("tab-flow", "Allocation, follow-up and analysis by arm"),
              "sources": ("tab-sources", "Completed surveys by how workers were recruited")}
    for key, lt in pc.tables.items():
        if key in titles:
            tid, title = titles[key]
            cols, rows = _ledger_rows(lt, (OTHER,))
            if key == "flow-entry":  # the printed row: Entered (the row total) first
                cols = [("Entered" if c == TOTAL else c) for c in cols]
                rows = [r for r in rows if r[0] == TOTAL]
                order = [c for c in ("Entered", "Declined", "Screened out", "Randomised")
                         if c in cols]
                rows = [["All", *[r[1 + cols.index(c)] for c in order]] for r in rows]
                cols = order
            out.append(CountTable(tid, title, ["", *cols], rows))
        elif key.startswith("participation-"):
            f = key.removeprefix("participation-")
            cols, rows = _ledger_rows(lt)
            out.append(CountTable(f"tab-participation[{f}]",
                                  f"Taking part in {FEATURES[f].lower()}", ["", *cols], rows))
        elif key.startswith("uptake-"):
            a = key.removeprefix("uptake-")
            cols, rows = _ledger_rows(lt)
            out.append(CountTable(f"tab-uptake[{a}]", f"Forum use weekly or more, arm '{a}'",
                                  ["", *cols], rows))
    for c, (_, means, st) in pc.groups.items():
        shown = suppress_statistic(means, st, symbol="", fmt="{:.17g}")
        rows = [[str(r), *[None if v == "" else float(v) for v in shown.loc[r]]]
                for r in shown.index]
        out.append(CountTable(f"tab-group-{c}", f"{SHORT[c]}: mean by forum use at the start",
                              ["Forum use at the start", *shown.columns], rows))
    return out


def count_tables(ctx: ReportContext) -> list[CountTable]:
    """The count tables of the report ``ctx`` builds (researcher or platform)."""
    return platform_tables(ctx) if ctx.platform else researcher_counts(ctx)
