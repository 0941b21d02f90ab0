"""The participant flow as CONSORT draws it, for both reports.

Entered (consent decisions), declined, screened out, randomised by arm, completed each wave,
withdrew, analysed (the primary intention-to-treat analysis counts every randomised
participant in the export). The anonymous counts of declines and screen-outs come from the
export's ``flow.csv``; everything by arm from ``participants.csv``. The platform version hides
every count under k, directly or by difference with any other count of the report (the
disclosure ledger of :func:`craftwave.reports.counts.platform_counts`).
"""

from __future__ import annotations

import pandas as pd

from craftwave.analysis.data import flow_counts, read_export
from craftwave.instruments.errors import DataError
from craftwave.reports import figures as F
from craftwave.reports import tables as T
from craftwave.reports.privacy import TOTAL
from craftwave.reports.sections.base import ReportContext, Section
from craftwave.reports.sections.common import study_waves


def flow_frame(ctx: ReportContext) -> tuple[dict[str, int] | None, pd.DataFrame]:
    """The export's anonymous counts (``None`` without ``flow.csv``) and the by-arm stages:
    one row per arm, columns ``Randomised``, ``Completed wave k``..., ``Withdrew``,
    ``Analysed``."""

    def compute():
        part = ctx.data.participants
        if "arm" not in part.columns or part["arm"].dropna().empty:
            raise DataError("no participant holds an arm: the study randomised no one")
        counts = flow_counts(read_export(ctx.data.directory, verify=False))
        rand = part[part["arm"].notna()]
        arms = list(ctx.study.arms) or sorted(rand["arm"].astype(str).unique())
        cols: dict[str, pd.Series] = {"Randomised": rand["arm"].value_counts()}
        for w in study_waves(ctx):
            col = f"status_w{w}"
            done = rand[rand[col].astype("string").str.lower().eq("completed").fillna(False)] \
                if col in rand.columns else rand.iloc[:0]
            cols[f"Completed wave {w}"] = done["arm"].value_counts()
        if "withdrawal" in rand.columns:
            wd = rand[rand["withdrawal"].astype("string").fillna("none").ne("none")]
            cols["Withdrew"] = wd["arm"].value_counts()
        cols["Analysed"] = rand["arm"].value_counts()  # intention to treat: everyone randomised
        table = pd.DataFrame(cols).reindex(arms).fillna(0).astype(int)
        table.index = [str(a) for a in table.index]
        return counts, table

    return ctx.shared("flow", compute)


def _overall(counts: dict[str, int] | None, by_arm: pd.DataFrame) -> pd.DataFrame:
    row = {}
    if counts is not None:
        row = {"Entered": counts["entered"], "Declined": counts["declined"],
               "Screened out": counts["screened_out"]}
    row["Randomised"] = int(by_arm["Randomised"].sum())
    return pd.DataFrame([row], index=["All"])


def _text(counts: dict[str, int] | None, by_arm: pd.DataFrame, said) -> list[str]:
    """The flow in CONSORT order; ``said(n)`` renders a count (or says it is hidden)."""
    paras = []
    n_rand = int(by_arm["Randomised"].sum())
    if counts is not None:
        consented = counts["entered"] - counts["declined"]
        paras.append(
            f"{said(counts['entered'])} people answered the consent form; {said(counts['declined'])} "
            f"declined and {said(counts['screened_out'])} were screened out as not eligible. "
            f"{said(n_rand)} eligible people were randomised"
            + (f" (of {said(consented - counts['screened_out'])} who consented and passed "
               "screening; the difference asked for their data to be deleted or had not "
               "finished screening)." if consented - counts["screened_out"] != n_rand else "."))
    else:
        paras.append(f"{said(n_rand)} people were randomised (this export has no flow.csv, so "
                     "declines and screen-outs are not counted).")
    arms = ", ".join(f"{said(int(n))} to '{a}'" for a, n in by_arm["Randomised"].items())
    paras.append(f"Randomised: {arms}. Every randomised participant is analysed in the arm "
                 "assigned (intention to treat), whether or not they answered later waves or "
                 "were flagged for careless responding.")
    return paras


def researcher_flow(ctx: ReportContext) -> Section:
    """The researcher report's CONSORT flow: every count, by arm."""
    counts, by_arm = flow_frame(ctx)
    overall = _overall(counts, by_arm)
    return Section(
        id="flow", title="Participant flow (CONSORT)",
        paragraphs=_text(counts, by_arm, lambda n: str(n)),
        tables=[T.from_frame(overall.reset_index(drop=True), id="tab-flow-entry",
                             title="Enrolment", formats={c: T.integer for c in overall.columns}),
                T.from_frame(by_arm.rename_axis("Arm").reset_index(), id="tab-flow",
                             title="Allocation, follow-up and analysis by arm",
                             formats={c: T.integer for c in by_arm.columns},
                             note="Withdrew: asked to stop contact (people who asked for "
                                  "deletion are not in the export). Analysed: the primary "
                                  "intention-to-treat analysis.")],
        figures=[consort_figure({c: str(v) for c, v in overall.iloc[0].items()},
                                by_arm.astype(str))],
        results={"counts": counts, "by_arm": by_arm.to_dict(orient="index")},
    )


def _count_table(st, id: str, title: str, note: str) -> T.Table:
    disp = st.display()
    rows = [[str(r), *disp.loc[r].tolist()] for r in disp.index]
    return T.Table(id=id, title=title, columns=["", *[str(c) for c in disp.columns]], rows=rows,
                   note=note + f" – : hidden to protect groups smaller than {st.k}, also where "
                               "a number would reveal one by difference with another.",
                   meta={"kind": "counts", "k": st.k})


def _enrolment_table(st) -> T.Table:
    """The enrolment row as printed: Entered (the row total, when flow.csv gave it), Declined,
    Screened out, Randomised; the unprinted ``Other`` cell stays out."""
    disp = st.display()
    row = disp.loc[TOTAL]
    cols = [c for c in ("Declined", "Screened out", "Randomised") if c in disp.columns]
    values = ([row[TOTAL]] if TOTAL in disp.columns else []) + [row[c] for c in cols]
    names = (["Entered"] if TOTAL in disp.columns else []) + cols
    return T.Table(id="tab-flow-entry", title="Enrolment", columns=["", *names],
                   rows=[["All", *values]],
                   note=f"Counts of people. – : hidden to protect groups smaller than {st.k}, "
                        "also where a number would reveal one by difference with another.",
                   meta={"kind": "counts", "k": st.k})


def platform_flow(ctx: ReportContext) -> Section:
    """The platform report's flow: the same counts, protected by the report's disclosure
    ledger (:func:`craftwave.reports.counts.platform_counts`): no count under k, and no
    difference between two published counts (e.g. randomised minus completed wave 1, or
    answered the consent form minus the published groups) that is a group under k."""
    from craftwave.reports.counts import platform_counts

    counts, by_arm = flow_frame(ctx)
    pc = platform_counts(ctx)
    st_all, st_arm = pc.tables["flow-entry"].table, pc.tables["flow"].table
    # words only from the published (suppressed) cells, so no hidden count can be derived
    enrol_table = _enrolment_table(st_all)
    enrol = dict(zip(enrol_table.columns[1:], enrol_table.rows[0][1:], strict=True))
    arm_cells = st_arm.display()
    figure = consort_figure(enrol, arm_cells.drop(index=TOTAL))
    said = {c: ("a hidden number of" if v == "–" else v) for c, v in enrol.items()}
    arm_said = arm_cells.map(lambda v: "a hidden number" if v == "–" else v)
    paras = []
    if counts is not None:
        paras.append(f"{said['Entered']} people answered the consent form: "
                     f"{said['Declined']} declined and "
                     f"{said['Screened out']} were screened out as not eligible.")
    arms = ", ".join(f"{arm_said.loc[a, 'Randomised']} to '{a}'" for a in by_arm.index)
    paras.append(f"{said['Randomised']} eligible workers were randomised ({arms}). "
                 "Every randomised worker is analysed in the arm assigned (intention to treat), "
                 "whether or not they answered later surveys.")
    hidden_r = st_all.hidden.loc[TOTAL, "Randomised"]
    return Section(
        id="flow", title="Who took part, step by step",
        paragraphs=paras,
        tables=[enrol_table,
                _count_table(st_arm, "tab-flow", "Allocation, follow-up and analysis by arm",
                             "Counts of workers; every randomised worker is analysed.")],
        figures=[figure],
        results={"suppressed": st_arm.n_hidden + int(
                     st_all.hidden.drop(columns=["Other"], errors="ignore").to_numpy().sum()),
                 "randomised": None if hidden_r
                 else int(st_all.counts.loc[TOTAL, "Randomised"])},
    )


def consort_figure(enrol: dict[str, str], by_arm: pd.DataFrame, id: str = "fig-flow-consort"
                   ) -> F.Figure:
    """The flow drawn as CONSORT does: enrolment at the top, one column per arm below.

    ``enrol`` maps Entered, Declined, Screened out and Randomised to the text to print (a
    number, or the hidden-cell mark in the platform report); ``by_arm`` holds the text of each
    arm's stages (rows: arms; columns: the stages of :func:`flow_frame`).
    """
    arms = list(by_arm.index)
    stages = list(by_arm.columns)
    width = max(5.5, 2.4 * len(arms))
    n_rows = len(stages) + 2
    bottom = n_rows - 2.9 - 0.3 * (len(stages) + 1)  # below the arms' boxes
    fig = F.new_figure(width, 0.55 * (n_rows - bottom))
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(bottom, n_rows)
    box = {"boxstyle": "round,pad=0.35", "facecolor": "white", "edgecolor": "#555555",
           "linewidth": 0.8}
    top = n_rows - 0.5
    ax.text(0.5, top, f"Answered the consent form\nn = {enrol.get('Entered', '?')}",
            ha="center", va="center", fontsize=7.5, bbox=box)
    side = (f"Excluded\nDeclined: {enrol.get('Declined', '?')}\n"
            f"Screened out: {enrol.get('Screened out', '?')}")
    ax.text(0.86, top - 0.75, side, ha="center", va="center", fontsize=7, bbox=box)
    ax.text(0.5, top - 1.5, f"Randomised\nn = {enrol.get('Randomised', '?')}", ha="center",
            va="center", fontsize=7.5, bbox=box)
    ax.annotate("", xy=(0.5, top - 1.2), xytext=(0.5, top - 0.3),
                arrowprops={"arrowstyle": "->", "color": "#555555", "lw": 0.8})
    xs = [(i + 0.5) / len(arms) for i in range(len(arms))]
    for x, arm in zip(xs, arms, strict=True):
        ax.annotate("", xy=(x, top - 2.2), xytext=(0.5, top - 1.8),
                    arrowprops={"arrowstyle": "->", "color": "#555555", "lw": 0.8})
        lines = [f"'{arm}'"] + [f"{s}: {by_arm.loc[arm, s]}" for s in stages]
        ax.text(x, top - 2.3, "\n".join(lines), ha="center", va="top", fontsize=7,
                bbox=box, linespacing=1.5)
    return F.embed(fig, id=id, title="Participant flow",
                   caption="As CONSORT draws it: enrolment, allocation by arm, follow-up by "
                           "wave and analysis (intention to treat: every randomised "
                           "participant).")
