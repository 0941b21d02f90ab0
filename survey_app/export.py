"""The export directory: the one way data leave the app.

:func:`write_export` writes, for one study (see docs/design.md, "The export directory"):

``answers_long.csv``
    participant_id, wave, instrument_id, instrument_version, instrument_hash, item_id, value,
    page, submitted_at (one row per participant x wave x item; screening answers stay out:
    the outcome is ``eligibility`` in ``participants.csv``).
``wide.csv``
    participant_id and one column per item and attention check of the codebook
    (``icraft_task_1_w1``, ...), one row per participant with at least one answer.
``scores.csv``
    participant_id and the codebook's score variables, from :func:`craftwave.instruments.score`
    (non-substantive answers are missing in scores).
``study.sav``
    wide and scores together, with variable labels, value labels, measurement levels and
    user-missing codes from :func:`craftwave.instruments.codebook.spss_metadata`.
``codebook.csv``, ``codebook.md``
    from :func:`craftwave.instruments.codebook.codebook` (the one codebook function).
``participants.csv``
    participant_id, source, arm, language, timezone (the participant's IANA zone, else the
    study's default), consent_version, consented_at, eligibility,
    created_at, per wave ``status_w{k}``, ``opens_at_w{k}``, ``started_at_w{k}``,
    ``completed_at_w{k}``, then withdrawal and withdrawn_at; ``external_id`` and
    ``recruitment`` (JSON) only with ``with_recruitment_ids``. Never an email.
``page_timings.csv``
    participant_id, wave, page, shown_at, submitted_at, n_items.
``flow.csv``
    event, n: anonymous counts of consent decisions (``entered``), declines and screen-outs,
    what a CONSORT flow needs beyond ``participants.csv``.
``allocation.csv``
    only with ``with_recruitment_ids`` (the identifiers right): the allocation log, sequence,
    assigned_at, arm, participant_id (empty after a deletion).
``recruitment.csv``
    only with ``with_recruitment_ids``: one row per participant and wave with the recruitment
    site's ids (MTurk worker, assignment, HIT, turkSubmitTo; Prolific PID, STUDY_ID,
    SESSION_ID), from :func:`craftwave.survey_app.recruitment.recruitment_frame`.
``study.yaml``
    the study file as loaded (its text, byte for byte); its hash is the manifest's
    ``study_hash``. Reports built from an export alone read the quality policy, the
    pre-declared contrast and k from it.
``manifest.json``
    study id, title and definition hash, export time, craftwave version, instrument versions
    and hashes, row counts, whether recruitment ids are included, and the sha256 and size of
    every other file; ``declaration``: the time and sha256 of the intervention declaration
    frozen at the first consent.

Participants who asked for deletion, and pilot (test) participants, are absent from every file. Times are UTC, ISO 8601
with a ``Z``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from craftwave.analysis.csv_cells import neutralise_frame
from craftwave.instruments import DataError, Instrument, score
from craftwave.instruments.codebook import codebook, spss_metadata, write_codebook
from craftwave.instruments.exportformat import (
    ALLOCATION_COLUMNS,
    ALLOCATION_FILE,
    FLOW_COLUMNS,
    FLOW_EVENTS,
    FLOW_FILE,
    LONG_COLUMNS,
    RECRUITMENT_FILE,
    TIMING_COLUMNS,
)
from craftwave.instruments.names import item_var, with_wave
from craftwave.instruments.study import Study
from craftwave.survey_app import allocation, clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.fieldwork import WORDS, status_word, study_states
from craftwave.survey_app.models import Answer, PageVisit, Participant, StudyRecord
from craftwave.survey_app.progress import SCREENING_INSTRUMENT
from craftwave.survey_app.recruitment import recruitment_frame
from craftwave.survey_app.studies import get_study, instrument_library

FILES = ("answers_long.csv", "wide.csv", "scores.csv", "study.sav", "codebook.csv",
         "codebook.md", "participants.csv", "page_timings.csv", "study.yaml", FLOW_FILE)
"""The files of an export, besides ``manifest.json``."""


@dataclass
class ExportTables:
    """The tables of one study's export, before they are written."""

    study: Study
    study_yaml: str
    instruments: dict[str, Instrument]
    answers_long: pd.DataFrame
    wide: pd.DataFrame
    scores: pd.DataFrame
    participants: pd.DataFrame
    page_timings: pd.DataFrame
    codebook: pd.DataFrame
    flow: pd.DataFrame | None = None
    allocation: pd.DataFrame | None = None
    declaration: dict | None = None
    recruitment: pd.DataFrame | None = None
    malformed_ids: int = 0


#: docs/design.md's wave status vocabulary; an empty cell means the wave is not open to the person yet
EXPORT_STATUSES = WORDS


def export_status(status: object) -> object:
    """A wave status in the export's vocabulary (docs/design.md: ``screened out`` with a space).

    ``scheduled`` (a status row exists but the wave opens later) is not in the vocabulary: like
    a wave not yet due, it is exported as an empty cell.
    """
    if not isinstance(status, str):
        return status
    try:
        return status_word(status)
    except ValueError as exc:
        raise DataError(str(exc)) from None


def iso(value: datetime | None) -> str | None:
    """A naive-UTC datetime as ISO 8601 with ``Z`` (None stays None)."""
    if value is None or pd.isna(value):  # NaT is a datetime too
        return None
    return pd.Timestamp(value).to_pydatetime().isoformat() + "Z"


def iso_column(values: pd.Series) -> pd.Series:
    """:func:`iso` over a column of datetimes (vectorised; missing stays missing)."""
    ts = pd.to_datetime(values)
    if ts.empty:
        return pd.Series([], dtype=object, index=values.index)
    text = ts.dt.strftime("%Y-%m-%dT%H:%M:%S")
    micro = ts.dt.microsecond
    text = text.where(micro.fillna(0) == 0, text + "." + micro.fillna(0).astype(int).astype(str).str.zfill(6))
    return (text + "Z").where(ts.notna(), None).astype(object)


def study_or_error(study_id: str):
    """The compiled study; :class:`~craftwave.instruments.errors.DataError` if it is not loaded."""
    cs = get_study(study_id)
    if cs is None:
        raise DataError(f"no study '{study_id}' is loaded; run `craftwave study load FILE` first")
    return cs


def _people(study_id: str) -> list[Participant]:
    return db.session.execute(
        db.select(Participant).where(Participant.study_id == study_id,
                                     Participant.withdrawal != "delete", ~Participant.test)
        .order_by(Participant.id)).scalars().all()


def answers_long(study_id: str) -> pd.DataFrame:
    """``answers_long.csv`` as a DataFrame (deleted participants and screening left out)."""
    rows = db.session.execute(
        db.select(Participant.pid, Answer.wave, Answer.instrument_id, Answer.instrument_version,
                  Answer.instrument_hash, Answer.item_id, Answer.value, Answer.page,
                  Answer.submitted_at)
        .join(Participant, Participant.id == Answer.participant_id)
        .where(Participant.study_id == study_id, Participant.withdrawal != "delete",
               ~Participant.test, Answer.instrument_id != SCREENING_INSTRUMENT)
        .order_by(Participant.id, Answer.wave, Answer.submitted_at, Answer.id)).all()
    df = pd.DataFrame.from_records([tuple(r) for r in rows], columns=list(LONG_COLUMNS))
    df["wave"] = df["wave"].astype("int64")
    df["value"] = df["value"].astype(float)
    df["submitted_at"] = iso_column(df["submitted_at"])
    return df


def page_timings(study_id: str, waves: list[int] | None = None) -> pd.DataFrame:
    """``page_timings.csv`` as a DataFrame (first submission of each page); ``waves``: only
    these waves."""
    rows = db.session.execute(
        db.select(Participant.pid, PageVisit.wave, PageVisit.page, PageVisit.shown_at,
                  PageVisit.submitted_at, PageVisit.n_items)
        .join(Participant, Participant.id == PageVisit.participant_id)
        .where(Participant.study_id == study_id, Participant.withdrawal != "delete",
               ~Participant.test, *(() if waves is None else (PageVisit.wave.in_(waves),)))
        .order_by(Participant.id, PageVisit.wave, PageVisit.shown_at)).all()
    df = pd.DataFrame.from_records([tuple(r) for r in rows], columns=list(TIMING_COLUMNS))
    df["wave"] = df["wave"].astype("int64")
    df["n_items"] = df["n_items"].astype("int64")
    for col in ("shown_at", "submitted_at"):
        df[col] = iso_column(df[col])
    return df


def wide_frame(long: pd.DataFrame, cb: pd.DataFrame, instruments: dict[str, Instrument]) -> pd.DataFrame:
    """One row per participant with answers; columns in the codebook's order."""
    item_vars = cb.loc[cb["kind"].isin(["item", "attention check"]), "variable"].tolist()
    if long.empty:
        return pd.DataFrame({"participant_id": pd.Series(dtype=str),
                             **{v: pd.Series(dtype=float) for v in item_vars}})
    names = [item_var(instruments[i].prefix if i in instruments else i, item, int(w))
             for i, item, w in zip(long["instrument_id"], long["item_id"], long["wave"], strict=True)]
    frame = pd.DataFrame({"participant_id": long["participant_id"], "var": names,
                          "value": long["value"].astype(float)})
    wide = frame.pivot(index="participant_id", columns="var", values="value")
    extra = [c for c in dict.fromkeys(names) if c not in set(item_vars)]
    wide = wide.reindex(index=list(dict.fromkeys(long["participant_id"])), columns=item_vars + extra)
    wide.columns.name = None
    return wide.reset_index()


def scores_frame(wide: pd.DataFrame, cb: pd.DataFrame, instruments: dict[str, Instrument]) -> pd.DataFrame:
    """The codebook's score variables, scored with :func:`craftwave.instruments.score` per wave."""
    score_rows = cb[cb["kind"].isin(["subscale score", "scale score"])]
    out = pd.DataFrame({"participant_id": wide["participant_id"]})
    for (inst_id, wave), block in score_rows.groupby(["instrument", "wave"], sort=False):
        scored = score(wide, instruments[inst_id], wave=int(wave))
        for var in block["variable"]:
            out[var] = scored[var].to_numpy(dtype=float) if len(wide) else pd.Series(dtype=float)
    return out


RECRUITMENT_ID_FORMATS = {
    "prolific": re.compile(r"^[0-9a-f]{24}$"),   # Prolific participant ids: 24 hex digits
    "mturk": re.compile(r"^A[A-Z0-9]{9,20}$"),  # MTurk worker ids: A and 9 to 20 capitals/digits
}
"""The format of each recruitment site's ids; an id that does not match is counted in the
manifest (``recruitment_ids_malformed``) and, if it would start a formula, neutralised."""


def malformed_recruitment_ids(people: list[Participant]) -> int:
    """How many participants' recruitment ids do not match their site's format."""
    return sum(1 for p in people if p.external_id is not None and p.source in RECRUITMENT_ID_FORMATS
               and not RECRUITMENT_ID_FORMATS[p.source].match(p.external_id))


def participants_frame(study: Study, people: list[Participant], now: datetime,
                       with_recruitment_ids: bool) -> pd.DataFrame:
    """``participants.csv``: one row per participant (never an email)."""
    states = study_states(study, now)
    by = {(r.id, r.wave): r for r in states.itertuples(index=False)}
    records = []
    for p in people:
        rec = {"participant_id": p.pid, "source": p.source, "arm": p.arm, "language": p.language,
               "timezone": p.timezone or study.timezone, "consent_version": p.consent_version, "consented_at": iso(p.consented_at),
               "eligibility": p.eligibility, "created_at": iso(p.created_at)}
        for wave in study.waves:
            st = by.get((p.id, wave.number))
            rec[with_wave("status", wave.number)] = export_status(st.status) if st else None
            rec[with_wave("opens_at", wave.number)] = iso(st.opens_at) if st else None
            rec[with_wave("started_at", wave.number)] = iso(st.started_at) if st else None
            rec[with_wave("completed_at", wave.number)] = iso(st.completed_at) if st else None
        rec["withdrawal"] = p.withdrawal.replace("_", " ")  # DESIGN: none, stop contact, delete
        rec["withdrawn_at"] = iso(p.withdrawn_at)
        if with_recruitment_ids:
            rec["external_id"] = p.external_id
            rec["recruitment"] = json.dumps(p.recruitment or {}, sort_keys=True)
        records.append(rec)
    cols = ["participant_id", "source", "arm", "language", "timezone", "consent_version",
            "consented_at", "eligibility", "created_at"]
    for wave in study.waves:
        cols += [with_wave(c, wave.number) for c in ("status", "opens_at", "started_at", "completed_at")]
    cols += ["withdrawal", "withdrawn_at"]
    if with_recruitment_ids:
        cols += ["external_id", "recruitment"]
    return pd.DataFrame.from_records(records, columns=cols)


def collect(study_id: str, *, with_recruitment_ids: bool = False) -> ExportTables:
    """Read one study's export tables from the database (inside an app context).

    ``allocation`` (the allocation log) is read only ``with_recruitment_ids``.

    Raises
    ------
    DataError
        If the study is not loaded.
    """
    cs = study_or_error(study_id)
    library = instrument_library()
    instruments = {i: library[i] for i in cs.study.instrument_ids}
    cb = codebook(instruments, cs.study, language=cs.study.languages[0])
    long = answers_long(study_id)
    wide = wide_frame(long, cb, instruments)
    record = db.session.get(StudyRecord, study_id)
    people = _people(study_id)
    return ExportTables(
        study=cs.study, study_yaml=record.source_yaml, instruments=instruments, answers_long=long, wide=wide,
        scores=scores_frame(wide, cb, instruments),
        participants=participants_frame(cs.study, people, clock.now(), with_recruitment_ids),
        page_timings=page_timings(study_id), codebook=cb, flow=flow_frame(study_id),
        allocation=allocation_frame(study_id) if with_recruitment_ids else None,
        declaration=_declaration(study_id), malformed_ids=malformed_recruitment_ids(people),
        recruitment=recruitment_frame(study_id) if with_recruitment_ids else None)


def flow_frame(study_id: str) -> pd.DataFrame:
    """``flow.csv``: the study's anonymous flow counts, one row per event."""
    counts = allocation.flow_counts(study_id)
    return pd.DataFrame({"event": list(FLOW_EVENTS), "n": [counts[e] for e in FLOW_EVENTS]},
                        columns=list(FLOW_COLUMNS))


def allocation_frame(study_id: str) -> pd.DataFrame:
    """``allocation.csv``: the allocation log in order of sequence."""
    rows = [(seq, iso(at), arm, pid) for seq, at, arm, _block, pid
            in allocation.allocation_log(study_id)]
    return pd.DataFrame.from_records(rows, columns=list(ALLOCATION_COLUMNS))


def _declaration(study_id: str) -> dict | None:
    row = allocation.declaration_of(study_id)
    if row is None:
        return None
    return {"declared_at": iso(row.declared_at), "sha256": row.declaration_hash}


def write_sav(tables: ExportTables, path: Path) -> None:
    """Write wide and scores into an SPSS file with labels and user-missing codes."""
    import pyreadstat

    data = tables.wide.merge(tables.scores, on="participant_id", how="left")
    meta = spss_metadata(tables.codebook, columns=data.columns)
    labels = {"participant_id": "Pseudonymous participant id", **meta["column_labels"]}
    data["participant_id"] = data["participant_id"].astype(str)
    for col in data.columns[1:]:
        data[col] = data[col].astype(float)
    pyreadstat.write_sav(
        data, str(path), file_label=f"craftwave export of {tables.study.id}"[:64],
        column_labels=labels, variable_value_labels=meta["variable_value_labels"],
        missing_ranges=meta["missing_ranges"],
        variable_measure={"participant_id": "nominal", **meta["variable_measure"]})


@dataclass(frozen=True)
class ExportResult:
    """Where an export was written and its manifest."""

    directory: Path
    manifest: dict


def write_export(study_id: str, out_dir: str | Path, *, actor: str,
                 with_recruitment_ids: bool = False) -> ExportResult:
    """Write the export directory of a study and audit it (inside an app context).

    Parameters
    ----------
    study_id : str
    out_dir : str or Path
        A directory that does not exist yet or is empty.
    actor : str
        Who exports (a researcher's email or ``cli:<user>``), for the audit log.
    with_recruitment_ids : bool, default False
        Add ``external_id`` and ``recruitment`` to ``participants.csv``.

    Returns
    -------
    ExportResult

    Raises
    ------
    DataError
        If the study is not loaded or ``out_dir`` is a non-empty directory or a file.

    Examples
    --------
    >>> write_export("gigpanel-demo", "out/", actor="cli:me")  # doctest: +SKIP
    """
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise DataError(f"{out}: the export directory must be new or empty")
    tables = collect(study_id, with_recruitment_ids=with_recruitment_ids)
    out.mkdir(parents=True, exist_ok=True)
    csv = {"answers_long.csv": tables.answers_long, "wide.csv": tables.wide,
           "scores.csv": tables.scores, "participants.csv": tables.participants,
           "page_timings.csv": tables.page_timings, FLOW_FILE: tables.flow}
    if tables.allocation is not None:
        csv[ALLOCATION_FILE] = tables.allocation
    if tables.recruitment is not None:
        csv[RECRUITMENT_FILE] = tables.recruitment
    for name, frame in csv.items():  # text a spreadsheet would run gets a leading apostrophe
        neutralise_frame(frame).to_csv(out / name, index=False, encoding="utf-8", lineterminator="\n")
    write_codebook(tables.codebook, out)
    write_sav(tables, out / "study.sav")
    (out / "study.yaml").write_text(tables.study_yaml, encoding="utf-8", newline="")
    from craftwave import __version__
    from craftwave.analysis.data import sha256_file  # the reader's own hash

    files = {name: {"sha256": sha256_file(out / name), "bytes": (out / name).stat().st_size}
             for name in (*FILES, *([ALLOCATION_FILE] if tables.allocation is not None else []),
                          *([RECRUITMENT_FILE] if tables.recruitment is not None else []))}
    manifest = {
        "study_id": tables.study.id,
        "study_title": tables.study.title.get(tables.study.languages[0], tables.study.id),
        "study_hash": tables.study.content_hash,
        "exported_at": iso(clock.now()),
        "craftwave_version": __version__,
        "recruitment_ids": bool(with_recruitment_ids),
        **({"recruitment_ids_malformed": tables.malformed_ids} if with_recruitment_ids else {}),
        "instruments": {i: {"version": inst.version, "hash": inst.content_hash}
                        for i, inst in tables.instruments.items()},
        "rows": {"answers_long.csv": len(tables.answers_long), "wide.csv": len(tables.wide),
                 "scores.csv": len(tables.scores), "participants.csv": len(tables.participants),
                 "page_timings.csv": len(tables.page_timings),
                 "codebook.csv": len(tables.codebook), FLOW_FILE: len(tables.flow),
                 **({ALLOCATION_FILE: len(tables.allocation)}
                    if tables.allocation is not None else {}),
                 **({RECRUITMENT_FILE: len(tables.recruitment)}
                    if tables.recruitment is not None else {})},
        "declaration": tables.declaration,
        "files": files,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    with write_transaction():
        record(actor, "export", study_id=study_id,
               detail={"recruitment_ids": bool(with_recruitment_ids),
                       "participants": len(tables.participants),
                       "answers": len(tables.answers_long)})
    return ExportResult(out, manifest)


__all__ = ["FILES", "ExportResult", "ExportTables", "answers_long", "collect", "iso",
           "page_timings", "write_export", "write_sav"]
