"""Field monitoring: response and retention per wave, data-quality counts, charts.

The counts come from :func:`craftwave.survey_app.fieldwork.study_states` (the same statuses the exports
write); the data-quality flags come from :func:`craftwave.analysis.quality.quality_flags` on the same
tables the export writes, so the dashboard and the reports count the same speeders.

Definitions, per wave *k*:

``invited``
    participants for whom wave *k* has opened (status invited, started, completed, closed or
    missed, or withdrawn after it opened; screened-out and not-yet-open waves are not counted).
``started``, ``completed``
    of those, how many answered at least one page, and how many finished the wave.
``completion_rate``
    completed / invited.
``retention``
    of the participants who completed wave *k-1*, the share who completed wave *k* (missing
    for wave 1).
``median_minutes``
    median time from the first page shown to completion, over completers.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
import pandas as pd

from craftwave.instruments import DataError, Instrument
from craftwave.instruments.study import QualityPolicy, Study
from craftwave.survey_app import clock
from craftwave.survey_app.extensions import db
from craftwave.survey_app.fieldwork import study_states
from craftwave.survey_app.models import PageVisit, Participant

SUMMARY_COLUMNS = ["wave", "invited", "started", "completed", "completion_rate", "retention",
                   "median_minutes"]
QUALITY_COLUMNS = ["wave", "assessed", "attention_failed", "speeders", "straightliners", "flagged"]
OPENED = ("invited", "started", "completed", "closed", "missed")


def wave_summary(study: Study, states: pd.DataFrame | None = None) -> pd.DataFrame:
    """Invited, started, completed, completion rate, retention and median time per wave.

    Parameters
    ----------
    study : Study
    states : DataFrame, optional
        :func:`~craftwave.survey_app.fieldwork.study_states` (read now when not given).

    Returns
    -------
    DataFrame
        The columns of :data:`SUMMARY_COLUMNS`, one row per wave of the study.
    """
    now = clock.now()
    if states is None:
        states = study_states(study, now)
    first_shown = _first_shown(study.id)
    rows = []
    prev_completers: set[int] | None = None
    for wave in study.waves:
        w = states[states["wave"] == wave.number]
        opens = pd.to_datetime(w["opens_at"])
        opened = w["status"].isin(OPENED) | ((w["status"] == "withdrawn") & (opens <= now))
        invited = w[opened]
        started = w[w["status"].isin(("started", "completed")) | w["started_at"].notna() & opened]
        done = w[w["status"] == "completed"]
        completers = set(done["id"])
        retention = (len(completers & prev_completers) / len(prev_completers)
                     if prev_completers else np.nan)
        minutes = [(row.completed_at - first_shown[(row.id, wave.number)]).total_seconds() / 60
                   for row in done.itertuples(index=False)
                   if (row.id, wave.number) in first_shown and row.completed_at is not None]
        rows.append({"wave": wave.number, "invited": len(invited), "started": len(started),
                     "completed": len(done),
                     "completion_rate": len(done) / len(invited) if len(invited) else np.nan,
                     "retention": retention,
                     "median_minutes": float(np.median(minutes)) if minutes else np.nan})
        prev_completers = completers
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def _first_shown(study_id: str) -> dict[tuple[int, int], object]:
    rows = db.session.execute(
        db.select(PageVisit.participant_id, PageVisit.wave, db.func.min(PageVisit.shown_at))
        .join(Participant, Participant.id == PageVisit.participant_id)
        .where(Participant.study_id == study_id)
        .group_by(PageVisit.participant_id, PageVisit.wave)).all()
    return {(p, w): t for p, w, t in rows}


@dataclass(frozen=True)
class Quality:
    """Data-quality flags: per wave counts and the flags per participant and wave.

    ``available`` is False when :mod:`craftwave.analysis.quality` cannot be imported or refuses the
    data (``problem`` says which); then both tables are empty and nothing is computed here.
    """

    available: bool
    counts: pd.DataFrame
    flags: pd.DataFrame
    seconds_per_item_min: float
    problem: str = "the analysis package's quality module could not be imported"


def quality(long: pd.DataFrame, timings: pd.DataFrame, instruments: dict[str, Instrument],
            waves: list[int], seconds_per_item_min: float | None = None,
            policy: QualityPolicy | None = None) -> Quality:
    """Count failed attention checks, speeders and straight-liners per wave.

    Parameters
    ----------
    long, timings : DataFrame
        The export's ``answers_long`` and ``page_timings`` tables.
    instruments : dict of str to Instrument
        The study's instruments.
    waves : list of int
        The study's waves (each gets a row, with zeros where nobody answered).
    seconds_per_item_min : float, optional
        Speeding floor (seconds per item) overriding the policy's, passed to
        :func:`craftwave.analysis.quality.quality_flags`.
    policy : QualityPolicy, optional
        The study's ``quality`` policy (default: the default policy), as the reports and
        ``craftwave quality`` apply it.
    """
    policy = policy if policy is not None else QualityPolicy()
    if seconds_per_item_min is None:
        seconds_per_item_min = policy.seconds_per_item_min
    from craftwave.analysis.quality import quality_flags  # the reports count with the same function

    if long.empty:
        flags = pd.DataFrame(columns=["participant_id", "wave", "flagged", "reasons"])
    else:
        try:
            flags = quality_flags(long, timings, instruments=instruments, policy=policy,
                                  seconds_per_item_min=seconds_per_item_min)
        except DataError as exc:  # data the flags cannot handle: say so, count nothing
            empty = pd.DataFrame(columns=QUALITY_COLUMNS)
            return Quality(False, empty, pd.DataFrame(), seconds_per_item_min, str(exc))
    return summarise(flags, waves, seconds_per_item_min)


def summarise(flags: pd.DataFrame, waves: list[int], seconds_per_item_min: float) -> Quality:
    """Per wave counts of the flags (one row per wave, zeros where nobody answered)."""
    rows = []
    for wave in waves:
        f = flags[flags["wave"] == wave] if len(flags) else flags
        rows.append({"wave": wave, "assessed": len(f),
                     "attention_failed": _count(f, "flag_attention"),
                     "speeders": _count(f, "flag_speeding"),
                     "straightliners": _count(f, "flag_longstring"),
                     "flagged": _count(f, "flagged")})
    return Quality(True, pd.DataFrame(rows, columns=QUALITY_COLUMNS), flags, seconds_per_item_min)


def _count(frame: pd.DataFrame, column: str) -> int:
    if column not in frame.columns or frame.empty:
        return 0
    return int(frame[column].fillna(False).astype(bool).sum())


def due_now(study_id: str, states: pd.DataFrame) -> pd.DataFrame:
    """Participants whose wave is open and not started, who have no email on file.

    Panels without email (Prolific, MTurk, community links) are re-contacted through their
    site; this lists them per wave with their recruitment id.

    Returns
    -------
    DataFrame
        ``participant_id``, ``wave``, ``source``, ``external_id``, ``opens_at``, ``closes_at``.
    """
    from craftwave.survey_app.models import Contact

    cols = ["participant_id", "wave", "source", "external_id", "opens_at", "closes_at"]
    open_rows = states[states["status"] == "invited"]
    if open_rows.empty:
        return pd.DataFrame(columns=cols)
    people = {pk: (src, ext) for pk, src, ext in db.session.execute(
        db.select(Participant.id, Participant.source, Participant.external_id)
        .where(Participant.study_id == study_id, Participant.withdrawal == "none",
               ~Participant.test, Participant.id.not_in(db.select(Contact.participant_id)))).all()}
    rows = [{"participant_id": r.pid, "wave": int(r.wave), "source": people[r.id][0],
             "external_id": people[r.id][1], "opens_at": r.opens_at, "closes_at": r.closes_at}
            for r in open_rows.itertuples(index=False) if r.id in people]
    return pd.DataFrame(rows, columns=cols)


# -- charts (matplotlib SVG, no external service) ----------------------------------------------

def response_chart(summary: pd.DataFrame) -> str:
    """An SVG bar chart of invited, started and completed per wave."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.0, 3.2))
    ax = fig.add_subplot()
    x = np.arange(len(summary))
    width = 0.27
    colours = {"invited": "#8da0cb", "started": "#66c2a5", "completed": "#1b7837"}
    for i, col in enumerate(("invited", "started", "completed")):
        ax.bar(x + (i - 1) * width, summary[col].to_numpy(), width, label=col, color=colours[col])
    ax.set_xticks(x, [f"Wave {w}" for w in summary["wave"]])
    ax.set_ylabel("Participants")
    ax.set_title("Response per wave")
    ax.legend(frameon=False, fontsize="small")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def rates_chart(summary: pd.DataFrame) -> str:
    """An SVG line chart of completion rate and retention (per cent) per wave."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.0, 3.2))
    ax = fig.add_subplot()
    waves = summary["wave"].to_numpy()
    ax.plot(waves, 100 * summary["completion_rate"].to_numpy(dtype=float), marker="o",
            label="completion rate", color="#1b7837")
    ax.plot(waves, 100 * summary["retention"].to_numpy(dtype=float), marker="s",
            linestyle="--", label="retention from previous wave", color="#762a83")
    ax.set_xticks(waves, [f"Wave {w}" for w in waves])
    ax.set_ylim(0, 105)
    ax.set_ylabel("Per cent")
    ax.set_title("Completion and retention")
    ax.legend(frameon=False, fontsize="small", loc="lower left")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _svg(fig) -> str:
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "craftwave", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buf.getvalue()
