"""The study's data-quality flags, cached per wave and keyed by the version of the wave's data.

The flags of one participant depend on everyone who answered the wave (the speed norm, the
null model of the indices), so the dashboard and the participant's page need the whole study's
flags. Computing them takes seconds on a study of thousands; this module computes a wave's flags
once per *version* of its data and hands the same result to both pages.

A wave's version is read from the database on every view (one aggregate query over answers and
one over page timings, joined to the participants as the export filters them): the number of
answers, their largest id and latest ``submitted_at``, checksums of the values and of the
participants' pseudonymous ids, and the number,
latest times and item counts of submitted pages. Any answer written, changed or cleared, any
page submitted, a participant deleted (the export leaves them out) or a pilot participant
changes it. The key adds the study's content hash (a reloaded study file: a changed quality
policy or instrument) and the speeding floor in use. Nothing is ever served for a version other
than the one just read, so every process and every host may keep its own copy
(a bounded in-process cache): a process whose copy is stale recomputes that wave; no shared
invalidation is needed. The version is read *before* the data, so a copy is never labelled newer
than the data it was computed from.

Because the indices are computed per wave (blocks, norms and the seeded null model are per
wave), computing only the waves whose version changed gives the same flags as computing all.
"""

from __future__ import annotations

import logging
import time

import pandas as pd
from flask import current_app

from craftwave.instruments.errors import DataError
from craftwave.survey_app.bounded import BoundedCache
from craftwave.survey_app.export import page_timings
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Answer, PageVisit, Participant, StudyRecord
from craftwave.survey_app.monitoring import QUALITY_COLUMNS, Quality, summarise
from craftwave.survey_app.progress import SCREENING_INSTRUMENT
from craftwave.survey_app.studies import get_study, instrument_library

log = logging.getLogger("craftwave.quality_cache")

WAVES_CACHED = 256
"""Study x wave x speeding-floor flag tables a process keeps (least recently used first out)."""
_cache = BoundedCache(WAVES_CACHED)


def _included(study_id: str):
    """The participants the export (and so the flags) count."""
    return (Participant.study_id == study_id, Participant.withdrawal != "delete", ~Participant.test)


def wave_versions(study_id: str) -> dict[int, tuple]:
    """The version of each wave's data (a tuple that changes with any write the flags see)."""
    answers = db.session.execute(
        db.select(Answer.wave, db.func.count(), db.func.max(Answer.id), db.func.max(Answer.submitted_at),
                  db.func.sum(Answer.value), db.func.sum(Answer.value * (Answer.id % 9973)),
                  db.func.min(Participant.pid), db.func.max(Participant.pid))
        .join(Participant, Participant.id == Answer.participant_id)
        .where(*_included(study_id), Answer.instrument_id != SCREENING_INSTRUMENT)
        .group_by(Answer.wave)).all()
    visits = db.session.execute(
        db.select(PageVisit.wave, db.func.count(PageVisit.submitted_at), db.func.max(PageVisit.submitted_at),
                  db.func.min(PageVisit.shown_at), db.func.max(PageVisit.shown_at),
                  db.func.sum(PageVisit.n_items), db.func.count(db.distinct(PageVisit.participant_id)))
        .join(Participant, Participant.id == PageVisit.participant_id)
        .where(*_included(study_id)).group_by(PageVisit.wave)).all()
    out: dict[int, tuple] = {}
    for wave, *rest in answers:
        out[int(wave)] = (tuple(_plain(v) for v in rest),)
    for wave, *rest in visits:
        out[int(wave)] = (*out.get(int(wave), ((),)), tuple(_plain(v) for v in rest))
    return out


def answers(study_id: str, waves: list[int]) -> pd.DataFrame:
    """The columns of ``answers_long`` the flags read, for some waves, in the export's order."""
    rows = db.session.execute(
        db.select(Participant.pid, Answer.wave, Answer.instrument_id, Answer.item_id, Answer.value)
        .join(Participant, Participant.id == Answer.participant_id)
        .where(*_included(study_id), Answer.instrument_id != SCREENING_INSTRUMENT, Answer.wave.in_(waves))
        .order_by(Participant.id, Answer.wave, Answer.submitted_at, Answer.id)).all()
    df = pd.DataFrame.from_records([tuple(r) for r in rows],
                                   columns=["participant_id", "wave", "instrument_id", "item_id", "value"])
    df["wave"] = df["wave"].astype("int64")
    df["value"] = df["value"].astype(float)
    return df


def _plain(value):
    """A comparable value (floats rounded: a database may sum them in any order)."""
    if isinstance(value, float):
        return round(value, 6)
    return value if value is None or isinstance(value, int | str) else str(value)


def study_quality(study_id: str, seconds_per_item_min: float | None = None) -> Quality:
    """The study's data-quality counts and flags, as :func:`craftwave.survey_app.monitoring.quality`
    computes them from the export's tables, recomputing only waves whose data changed.

    Parameters
    ----------
    study_id : str
        A loaded study.
    seconds_per_item_min : float, optional
        Speeding floor overriding the study's quality policy.
    """
    from craftwave.analysis.quality import quality_flags  # heavy: only when a page needs flags

    cs = get_study(study_id)
    policy = cs.study.quality_policy
    spi = policy.seconds_per_item_min if seconds_per_item_min is None else float(seconds_per_item_min)
    waves = [w.number for w in cs.study.waves]
    content_hash = db.session.execute(db.select(StudyRecord.content_hash).where(
        StudyRecord.id == study_id)).scalar_one()
    versions = wave_versions(study_id)
    base = (current_app.config["SQLALCHEMY_DATABASE_URI"], study_id, content_hash, spi)
    parts: dict[int, pd.DataFrame] = {}
    stale = []
    for wave in waves:
        hit = _cache.get((*base, wave))
        if hit is not None and hit[0] == versions.get(wave):
            parts[wave] = hit[1]
        else:
            stale.append(wave)
    if stale:
        started = time.perf_counter()
        long = answers(study_id, stale)
        timings = page_timings(study_id, waves=stale)
        if long.empty:
            fresh = pd.DataFrame(columns=["participant_id", "wave", "flagged", "reasons"])
        else:
            library = instrument_library()
            instruments = {i: library[i] for i in cs.study.instrument_ids}
            try:
                fresh = quality_flags(long, timings, instruments=instruments, policy=policy,
                                      seconds_per_item_min=spi)
            except DataError as exc:  # data the flags cannot handle: say so, count nothing
                return Quality(False, pd.DataFrame(columns=QUALITY_COLUMNS), pd.DataFrame(), spi, str(exc))
        for wave in stale:
            part = fresh[fresh["wave"] == wave].reset_index(drop=True) if len(fresh) else fresh
            parts[wave] = part
            _cache.set((*base, wave), (versions.get(wave), part))
        log.info("quality flags of %s waves %s computed in %.2f s", study_id, stale,
                 time.perf_counter() - started)
    nonempty = [parts[w] for w in waves if len(parts[w])]
    flags = (pd.concat(nonempty, ignore_index=True) if nonempty
             else pd.DataFrame(columns=["participant_id", "wave", "flagged", "reasons"]))
    return summarise(flags, waves, spi)
