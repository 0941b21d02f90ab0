"""Running the demo: fresh database, fieldwork, reconciliation, export, reports, state file."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from craftwave import __version__
from craftwave.instruments.names import with_wave

from .browser import LoopbackServer
from .fieldwork import Fieldwork, Person, plan_people
from .options import DB_NAME, STATE_FILE, DemoError, DemoOptions, DemoResult, Step


def demo_app(db_url: str, clock=None, allocation_secret: str | None = None):
    """The survey app on ``db_url`` for the demo: its own clock, no rate limits, a throw-away
    key; ``allocation_secret`` makes the concealed arm assignment reproducible (the demo's
    seed), as an instance secret would."""
    from craftwave.survey_app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": db_url, "CLOCK": clock,
                       "SECRET_KEY": secrets.token_hex(32), "RATELIMIT_ENABLED": False,
                       "ALLOCATION_SECRET": allocation_secret})


def prepare_database(app, study_file: Path, fresh: bool) -> str:
    """Run the migrations and load the study (inside no app context); returns the study id.

    With ``fresh``, the study must not have participants yet (a demo run needs an empty panel).
    """
    from flask_migrate import upgrade

    from craftwave.survey_app import MIGRATIONS_DIR
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Participant
    from craftwave.survey_app.studies import load_study_file

    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        study, _ = load_study_file(study_file)
        if fresh:
            n = db.session.execute(db.select(db.func.count()).select_from(Participant)
                                   .where(Participant.study_id == study.id)).scalar_one()
            if n:
                raise DemoError(f"the database already holds {n} participants of '{study.id}'; "
                                "the demo needs an empty one (leave out --db to use a new SQLite file)")
        db.session.remove()
    return study.id


def arm_of(app, external_id: str) -> str | None:
    """The arm the app assigned to the participant with this Prolific id (the demo's only
    look into the database during fieldwork: the simulation answers as the assigned arm)."""
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Participant

    with app.app_context():
        arm = db.session.execute(db.select(Participant.arm)
                                 .where(Participant.source == "prolific",
                                        Participant.external_id == external_id)).scalar_one_or_none()
        db.session.remove()
    return arm


def reconcile(app, ledger: pd.DataFrame, study_id: str) -> dict[str, int]:
    """Compare the acknowledged answers with the database: lost, changed and unexpected answers."""
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Answer, Participant
    from craftwave.survey_app.progress import SCREENING_INSTRUMENT

    with app.app_context():
        rows = db.session.execute(
            db.select(Participant.external_id, Answer.wave, Answer.instrument_id, Answer.item_id,
                      Answer.value)
            .join(Participant, Participant.id == Answer.participant_id)
            .where(Participant.study_id == study_id,
                   Answer.instrument_id != SCREENING_INSTRUMENT)).all()
        db.session.remove()
    # the database keeps no tokens (only keyed hashes): answers are matched by Prolific id
    stored = {(e, int(w), i, it): float(v) for e, w, i, it, v in rows}
    acked = {(r.external_id, int(r.wave), r.instrument_id, r.item_id): float(r.value)
             for r in ledger.itertuples(index=False)}
    return {"acknowledged": len(acked), "stored": len(stored),
            "lost": sum(k not in stored for k in acked),
            "changed": sum(k in stored and stored[k] != v for k, v in acked.items()),
            "unexpected": sum(k not in acked for k in stored)}


def fingerprint(opts: DemoOptions) -> str:
    """What the demo's output depends on: code, study, instruments, migrations and options."""
    from craftwave.instruments import load_library

    h = hashlib.sha256()
    parts = [__version__, str(opts.participants), str(opts.seed), str(opts.reports), str(opts.careless),
             str(opts.start),
             ",".join(opts.report_formats), str(opts.bootstrap), str(_reports_available())]
    parts += [f"{i}:{inst.content_hash}" for i, inst in sorted(load_library().items())]
    for path in [Path(opts.study_file), *_source_files()]:
        parts.append(hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else path.name)
    h.update("\n".join(parts).encode())
    return h.hexdigest()


SOURCE_SUFFIXES = {".py", ".html", ".css", ".yaml", ".mako", ".ini"}


def _package_dir(name: str) -> Path:
    """The folder a package is imported from, without importing it (a checkout or a wheel)."""
    return Path(importlib.util.find_spec(name).submodule_search_locations[0])


def _source_files() -> list[Path]:
    """The code the demo's output comes from: the demo, the app (with its migrations), the
    instruments, the analysis and the reports. Any change there makes the demo stale."""
    roots = [Path(__file__).parent] + [_package_dir(f"craftwave.{name}") for name in
                                       ("survey_app", "instruments", "analysis", "reports")]
    return sorted(f for root in roots if root.is_dir() for f in root.rglob("*")
                  if f.suffix in SOURCE_SUFFIXES and "__pycache__" not in f.parts)


def _reports_available() -> bool:
    try:
        import craftwave.reports as reports  # noqa: F401
    except ImportError:
        return False
    return True


def read_state(out: Path) -> dict | None:
    path = Path(out) / STATE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def is_current(opts: DemoOptions) -> tuple[bool, str]:
    """Whether ``opts.out`` holds a complete demo made from the current code and options."""
    state = read_state(opts.out)
    if state is None:
        return False, "no demo has been prepared yet"
    if state.get("fingerprint") != fingerprint(opts):
        return False, "the code, study, instruments or options changed since the last demo"
    files = [state.get("database_file"), state.get("export_dir"),
             *state.get("reports", {}).values()]
    missing = [f for f in files if f and not Path(f).exists()]
    if missing:
        return False, f"{missing[0]} is missing"
    return True, "the demo is up to date"


def run_demo(opts: DemoOptions, log: Callable[[str], None] = print) -> DemoResult:
    """Run the whole demo: fresh database, fieldwork over HTTP, reconciliation, export, reports.

    Parameters
    ----------
    opts : DemoOptions
    log : callable
        Receives one line per step.

    Returns
    -------
    DemoResult

    Raises
    ------
    DemoError
        If the app refuses an answer, the reconciliation finds a lost or unexpected answer,
        or ``opts.db_url`` is not empty.

    Examples
    --------
    >>> from craftwave.demo import DemoOptions, run_demo
    >>> res = run_demo(DemoOptions(participants=30, out=Path("/tmp/demo"), reports=False))  # doctest: +SKIP
    >>> res.summary["reconciliation"]["lost"], res.summary["counts"]["completed"]  # doctest: +SKIP
    (0, {'w1': 28, 'w2': 21, 'w3': 18})
    """
    from craftwave.instruments import load_library, load_study
    from craftwave.survey_app.clock import FakeClock

    total = _Stopwatch()
    out = Path(opts.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    (out / STATE_FILE).unlink(missing_ok=True)
    if opts.db_url is None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            (out / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
    steps: list[Step] = []
    library = load_library()
    study = load_study(opts.study_file, library=library)
    rng = np.random.default_rng(opts.seed)
    today = datetime.now(UTC).replace(tzinfo=None, hour=8, minute=0, second=0, microsecond=0)
    clock = FakeClock(opts.start or today - timedelta(days=240))
    app = demo_app(opts.database_url, clock, allocation_secret=f"demo-{opts.seed}")
    export_dir = out / "export"
    if export_dir.is_dir() and any(export_dir.iterdir()) and not (export_dir / "manifest.json").is_file():
        raise DemoError(f"{export_dir} holds files that are not a craftwave export; "
                        "choose another --out")
    try:
        sw = _Stopwatch()
        study_id = prepare_database(app, opts.study_file, fresh=True)
        steps.append(sw.stamp(Step("database", "done", f"migrated and loaded '{study_id}' into "
                                   f"{_safe_url(opts.database_url)}")))
        log(f"database: {steps[-1].detail}")

        sw = _Stopwatch()
        people, panel, truth = plan_people(opts, study, rng)
        extra = ", ".join(truth.get("extra", [])) or "none"
        steps.append(sw.stamp(Step("simulate", "done", f"{len(people)} people, one simulation of "
                                   f"the focal population (extra instruments: {extra}; "
                                   f"seed {opts.seed})")))

        sw = _Stopwatch()
        with LoopbackServer(app) as server:
            log(f"fieldwork: {len(people)} people take the study at http://127.0.0.1:{server.port}")
            work = Fieldwork(opts, study, library, clock, server.port, panel, rng, log,
                             arm_of=lambda external_id: arm_of(app, external_id))
            work.run(people)
        ledger = pd.DataFrame(work.ledger, columns=["external_id", "token", "wave", "page",
                                                    "instrument_id", "item_id", "value"])
        step = sw.stamp(Step("fieldwork", "done", f"{work.requests} HTTP requests, {len(ledger)} "
                             "answers acknowledged"))
        step.detail += f" in {step.seconds:.1f} s ({step.cpu_seconds:.1f} s CPU)"
        steps.append(step)
        log(f"fieldwork: {step.detail}")

        check = reconcile(app, ledger, study_id)
        if check["lost"] or check["changed"] or check["unexpected"]:
            raise DemoError(f"the database does not hold exactly the acknowledged answers: {check}")
        steps.append(Step("reconcile", "done", f"{check['stored']} stored answers = the "
                          f"{check['acknowledged']} acknowledged (none lost, changed or unexpected)"))
        log(f"reconcile: {steps[-1].detail}")

        steps.append(_export(app, study_id, export_dir))
        log(f"export: {steps[-1].detail}")
        report_files: dict[str, str] = {}
        if steps[-1].status == "done":
            for kind in ("researcher", "platform"):
                step, files = _report(kind, opts, export_dir, out / "reports")
                steps.append(step)
                report_files.update(files)
                log(f"{step.name}: {step.status}: {step.detail}")
        else:
            steps.append(Step("reports", "skipped", "no export to build them from"))
    finally:
        with app.app_context():
            from craftwave.survey_app.extensions import db

            db.engine.dispose()

    frame = _people_frame(people, len(study.waves))
    sim_dir = out / "simulation"
    sim_dir.mkdir(exist_ok=True)
    ledger.to_csv(sim_dir / "acknowledged.csv", index=False, lineterminator="\n")
    frame.to_csv(sim_dir / "people.csv", index=False, lineterminator="\n")
    truth = {("simulated_pool" if k == "n" else k): v for k, v in truth.items()
             if k != "item_parameters"}
    (sim_dir / "truth.json").write_text(json.dumps(truth, indent=2) + "\n", encoding="utf-8")
    summary = {
        "fingerprint": fingerprint(opts),
        "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "participants": opts.participants, "seed": opts.seed,
        "study_id": study_id,
        "database_url": _safe_url(opts.database_url),
        "database_file": str(out / DB_NAME) if opts.db_url is None else None,
        "export_dir": str(export_dir) if export_dir.is_dir() else None,
        "reports": report_files,
        "counts": _counts(frame, len(study.waves)),
        "reconciliation": check,
        "steps": [vars(s) for s in steps],
        "requests": work.requests,
        "seconds": round(time.perf_counter() - total.wall, 1),
        "cpu_seconds": round(time.process_time() - total.cpu, 1),
    }
    (out / STATE_FILE).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return DemoResult(opts, steps, ledger, frame, summary)


def _export(app, study_id: str, export_dir: Path) -> Step:
    try:
        from craftwave.survey_app.export import write_export
    except ImportError as exc:
        return Step("export", "skipped", f"the export is not available yet ({exc})")
    import shutil

    shutil.rmtree(export_dir, ignore_errors=True)
    sw = _Stopwatch()
    with app.app_context():
        result = write_export(study_id, export_dir, actor="cli:demo")
        from craftwave.survey_app.extensions import db

        db.session.remove()
    rows = result.manifest["rows"]
    return sw.stamp(Step("export", "done", f"{export_dir}: {rows['participants.csv']} "
                         f"participants, {rows['answers_long.csv']} answers"))


def _report(kind: str, opts: DemoOptions, export_dir: Path, out: Path) -> tuple[Step, dict]:
    name = f"{kind} report"
    if not opts.reports:
        return Step(name, "skipped", "--no-reports was given"), {}
    try:
        from craftwave.reports import build_report
    except ImportError as exc:
        return Step(name, "skipped", f"the reports package is not available yet ({exc})"), {}
    sw = _Stopwatch()
    res = build_report(kind, export_dir, out, opts.report_formats, study=opts.study_file,
                       bootstrap=opts.bootstrap, seed=opts.seed)
    missing = [s.title for s in res.sections if not s.available]
    files = {f"{kind}_{fmt}": str(path) for fmt, path in res.files.items()}
    detail = ", ".join(files.values())
    if missing:
        detail += f" (sections not available: {', '.join(missing)})"
    return sw.stamp(Step(name, "done", detail)), files


def _people_frame(people: list[Person], waves: int) -> pd.DataFrame:
    rows = []
    for p in people:
        row = {"external_id": p.external_id, "token": p.token, "role": p.role, "arm": p.arm,
               "sim_row": p.row, "careless": p.careless, "planned_last_wave": p.last_wave,
               "abandoned_wave": p.abandon[0] if p.abandon else None,
               "resumed_waves": ",".join(str(w) for w in sorted(p.breaks)),
               "withdrawal": p.withdraw[1] if p.withdraw else "none"}
        for w in range(1, waves + 1):
            row[with_wave("completed", w)] = w in p.completed
        rows.append(row)
    return pd.DataFrame(rows)


def _counts(frame: pd.DataFrame, waves: int) -> dict:
    panel = frame[frame["role"] == "panel"]
    return {
        "entered": len(frame),
        "declined": int((frame["role"] == "decline").sum()),
        "screened_out": int((frame["role"] == "screened_out").sum()),
        "panel": len(panel),
        "completed": {f"w{w}": int(frame[with_wave("completed", w)].sum()) for w in range(1, waves + 1)},
        "abandoned_mid_wave": int(panel["abandoned_wave"].notna().sum()),
        "resumed_after_closing_browser": int((panel["resumed_waves"] != "").sum()),
        "withdrew": {k: int((panel["withdrawal"] == k).sum()) for k in ("stop_contact", "delete")},
        "careless": {k: int((panel["careless"] == k).sum())
                     for k in sorted(set(panel["careless"]) - {""})},
    }


class _Stopwatch:
    """Wall and CPU time since creation (CPU time counts the in-process server thread too)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stamp(self, step: Step) -> Step:
        step.seconds = round(time.perf_counter() - self.wall, 2)
        step.cpu_seconds = round(time.process_time() - self.cpu, 2)
        return step


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
