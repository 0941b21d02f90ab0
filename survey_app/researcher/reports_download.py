"""Report downloads on the researcher dashboard: build once in the background, then serve the cache.

``GET /researcher/study/<study_id>/report/<kind>.<fmt>`` (``kind``: researcher or platform;
``fmt``: html or pdf) answers with the report file when the cache holds one for the study's
current data, and otherwise starts building it in a background thread of this process and
answers ``202`` with a page that refreshes itself (an HTTP ``Refresh`` header: no script).

The cache lives in ``REPORT_CACHE_DIR`` (default: ``reports/`` in the instance folder), one
directory per study and *export key*: the sha256 of the stable part of the export manifest
(the sha256 of each CSV the export writes, the study definition's and instruments' hashes,
the craftwave version) and of the build options. New answers, a reloaded study or other
options give a new key and so a new build; the same data are served from the cache however
often they are asked for. A build exports the study with :func:`~craftwave.survey_app.export.write_export`
(audited as ``export`` by the researcher who asked) and runs :func:`craftwave.reports.build_report` with
the study's stored definition; each download is audited as ``report``.

One build runs at a time per process (a lock); a lock file per (study, report, format) keeps
the other workers of the host from starting the same build. A failed build leaves its message
for the page, with a link to try again.

Settings (``app.config``; defaults in :data:`DEFAULTS`): ``REPORT_CACHE_DIR``,
``REPORT_BOOTSTRAP`` and ``REPORT_SEED`` (the moderated mediation's bootstrap),
``REPORT_BUILD_TIMEOUT`` (seconds after which another worker's lock counts as stale),
``REPORT_REFRESH_SECONDS`` (how often the waiting page reloads), ``REPORT_CACHE_KEEP``
(export keys kept per study) and ``REPORT_JOBS``: ``thread`` (default: a thread of the web
process builds) or ``worker`` (a database job that ``craftwave worker`` runs).

Every built report is also kept in the database (table ``report_files``, the newest
``REPORT_CACHE_KEEP`` exports per report): a host whose cache folder lacks a report that
another host's worker built copies it from there, so hosts need no shared folder.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, render_template, request, send_file, url_for
from flask_login import current_user

from craftwave.survey_app import report_jobs
from craftwave.survey_app.audit import record
from craftwave.survey_app.clock import system_now
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.export import collect
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import StudyRecord
from craftwave.survey_app.models.jobs import ReportFile
from craftwave.survey_app.researcher.dashboard import _study

bp = Blueprint("report_downloads", __name__, url_prefix="/researcher")

KINDS = ("researcher", "platform")
FORMATS = ("html", "pdf")
MIMETYPES = {"html": "text/html", "pdf": "application/pdf"}
CSV_FILES = ("answers_long.csv", "wide.csv", "scores.csv", "participants.csv", "page_timings.csv",
             "flow.csv")
"""The export's data files whose hashes make the export key (the .sav is time-stamped)."""
REPORT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
              "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
"""The downloaded report's policy: its own inline styles and embedded figures, nothing else."""

DEFAULTS: dict[str, object] = {
    "REPORT_CACHE_DIR": None,
    "REPORT_BOOTSTRAP": 1000,
    "REPORT_SEED": 20261123,
    "REPORT_BUILD_TIMEOUT": 3600,
    "REPORT_REFRESH_SECONDS": 5,
    "REPORT_CACHE_KEEP": 3,
    "REPORT_JOBS": "thread",
}

_build_lock = threading.Lock()
"""Held while a report builds: one build at a time in a process."""
_slots_lock = threading.Lock()
_running: dict[tuple[str, str, str, str], threading.Thread] = {}
"""(cache root, study, kind, format) -> the thread building it in this process."""


# -- keys and the cache on disk ---------------------------------------------------------------


def _options(app: Flask) -> dict:
    return {"bootstrap": int(app.config["REPORT_BOOTSTRAP"]), "seed": int(app.config["REPORT_SEED"])}


def _key(stable: dict, options: dict) -> str:
    payload = json.dumps({"export": stable, "options": options}, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def manifest_key(manifest: dict, options: dict) -> str:
    """The export key of a written export's ``manifest.json`` and the build options."""
    stable = {"study_hash": manifest["study_hash"], "version": manifest["craftwave_version"],
              "instruments": {i: v["hash"] for i, v in manifest["instruments"].items()},
              "files": {name: manifest["files"][name]["sha256"] for name in CSV_FILES
                        if name in manifest["files"]}}
    return _key(stable, options)


def current_key(study_id: str, options: dict) -> str:
    """The export key of the study's data now (inside an app context; writes nothing).

    The CSV bytes are made exactly as :func:`~craftwave.survey_app.export.write_export` writes them, so
    this equals :func:`manifest_key` of an export taken at the same moment.
    """
    from craftwave import __version__

    tables = collect(study_id)
    frames = {"answers_long.csv": tables.answers_long, "wide.csv": tables.wide,
              "scores.csv": tables.scores, "participants.csv": tables.participants,
              "page_timings.csv": tables.page_timings, "flow.csv": tables.flow}
    files = {name: hashlib.sha256(frame.to_csv(index=False, lineterminator="\n")
                                  .encode("utf-8")).hexdigest() for name, frame in frames.items()}
    stable = {"study_hash": tables.study.content_hash, "version": __version__,
              "instruments": {i: inst.content_hash for i, inst in tables.instruments.items()},
              "files": files}
    return _key(stable, options)


def cache_root(app: Flask) -> Path:
    """``REPORT_CACHE_DIR``, or ``reports/`` in the instance folder."""
    configured = app.config.get("REPORT_CACHE_DIR")
    return Path(configured) if configured else Path(app.instance_path) / "reports"


def _file_name(kind: str, fmt: str) -> str:
    return f"{kind}-report.{fmt}"


def cached_file(root: Path, study_id: str, key: str, kind: str, fmt: str) -> Path | None:
    """The cached report for an export key, if it was built (here, or on another host: then it
    is copied from the database into this host's cache first)."""
    path = root / study_id / key / _file_name(kind, fmt)
    if path.is_file():
        return path
    row = db.session.execute(db.select(ReportFile).where(
        ReportFile.study_id == study_id, ReportFile.export_key == key, ReportFile.kind == kind,
        ReportFile.fmt == fmt)).scalar_one_or_none()
    return None if row is None else _materialise(root, row)


def _materialise(root: Path, row: ReportFile) -> Path:
    """Write a report kept in the database into this host's cache folder (atomically)."""
    target = root / row.study_id / row.export_key
    target.mkdir(parents=True, exist_ok=True)
    meta = {"export_started": row.export_started, "built_at": row.built_at.isoformat(),
            "study_id": row.study_id, "kind": row.kind, "format": row.fmt, "from": "database"}
    for name, data in ((f"{row.kind}-{row.fmt}.json", json.dumps(meta, indent=2).encode("utf-8")),
                       (_file_name(row.kind, row.fmt), row.content)):
        fd, tmp = tempfile.mkstemp(prefix=".copy-", dir=target)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target / name)
    return target / _file_name(row.kind, row.fmt)


def _store(study_id: str, key: str, kind: str, fmt: str, started: float, data: bytes, keep: int) -> None:
    """Keep a built report in the database (the newest ``keep`` exports per report)."""
    with write_transaction():
        db.session.execute(db.delete(ReportFile).where(
            ReportFile.study_id == study_id, ReportFile.export_key == key, ReportFile.kind == kind,
            ReportFile.fmt == fmt))
        db.session.add(ReportFile(study_id=study_id, export_key=key, kind=kind, fmt=fmt,
                                  export_started=started, built_at=system_now(), content=data))
        db.session.flush()
        old = db.session.execute(db.select(ReportFile.id).where(
            ReportFile.study_id == study_id, ReportFile.kind == kind, ReportFile.fmt == fmt)
            .order_by(ReportFile.export_started.desc()).offset(keep)).scalars().all()
        if old:
            db.session.execute(db.delete(ReportFile).where(ReportFile.id.in_(old)))


def built_since(root: Path, study_id: str, kind: str, fmt: str, since: float) -> Path | None:
    """The newest cached report whose export was taken at or after ``since`` (epoch seconds).

    Serves the researcher who waited for a build even when answers arrived while it ran.
    """
    best: tuple[float, Path] | None = None
    for meta_path in (root / study_id).glob(f"*/{kind}-{fmt}.json"):
        try:
            started = float(json.loads(meta_path.read_text(encoding="utf-8"))["export_started"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        path = meta_path.parent / _file_name(kind, fmt)
        if started >= since and path.is_file() and (best is None or started > best[0]):
            best = (started, path)
    row = db.session.execute(db.select(ReportFile).where(  # built on another host?
        ReportFile.study_id == study_id, ReportFile.kind == kind, ReportFile.fmt == fmt,
        ReportFile.export_started >= since if best is None else ReportFile.export_started > best[0])
        .order_by(ReportFile.export_started.desc()).limit(1)).scalar_one_or_none()
    if row is not None:
        return _materialise(root, row)
    return None if best is None else best[1]


def _slot_files(root: Path, study_id: str, kind: str, fmt: str) -> tuple[Path, Path]:
    base = root / study_id
    return base / f".{kind}-{fmt}.lock", base / f".{kind}-{fmt}.error.json"


def _lock_is_live(lock: Path, slot: tuple, timeout: float) -> bool:
    """Whether a lock file belongs to a build still running (here or in another worker)."""
    try:
        info = json.loads(lock.read_text(encoding="utf-8"))
        started, pid, host = float(info["started"]), int(info["pid"]), str(info["host"])
    except (OSError, ValueError, KeyError, TypeError):
        try:
            return time.time() - lock.stat().st_mtime < 5  # being written this moment
        except OSError:
            return False
    if time.time() - started > timeout:
        return False
    if host != socket.gethostname():
        return True  # a shared instance folder: trust the timeout
    if pid == os.getpid():
        thread = _running.get(slot)
        return thread is not None and thread.is_alive()
    try:
        os.kill(pid, 0)  # does the worker that took the lock still run?
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _prune(root: Path, study_id: str, keep: int) -> None:
    dirs = sorted((d for d in (root / study_id).iterdir() if d.is_dir() and not d.name.startswith(".")),
                  key=lambda d: d.stat().st_mtime, reverse=True)
    for old in dirs[keep:]:
        shutil.rmtree(old, ignore_errors=True)


# -- building ---------------------------------------------------------------------------------


def start_build(app: Flask, study_id: str, kind: str, fmt: str, actor: str) -> float:
    """Start building a report in a background thread unless one is under way.

    Returns the time (epoch seconds) the build that will answer started: the new one, or the
    one under way, here or in another worker. With ``REPORT_JOBS = "worker"`` the build is a
    database job for ``craftwave worker`` instead (:mod:`craftwave.survey_app.report_jobs`).
    """
    if app.config["REPORT_JOBS"] == "worker":
        return report_jobs.enqueue(study_id, kind, fmt, actor)
    root = cache_root(app)
    slot = (str(root), study_id, kind, fmt)
    lock, error = _slot_files(root, study_id, kind, fmt)
    lock.parent.mkdir(parents=True, exist_ok=True)
    with _slots_lock:
        if lock.exists():
            if _lock_is_live(lock, slot, float(app.config["REPORT_BUILD_TIMEOUT"])):
                return _lock_started(lock)
            lock.unlink(missing_ok=True)
        started = time.time()
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            return started  # another worker took it a moment ago
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"pid": os.getpid(), "host": socket.gethostname(), "started": started}, fh)
        error.unlink(missing_ok=True)
        thread = threading.Thread(target=_build, args=(app, study_id, kind, fmt, actor, lock, error),
                                  name=f"craftwave-report-{study_id}-{kind}-{fmt}", daemon=True)
        _running[slot] = thread
        thread.start()
    return started


def _lock_started(lock: Path) -> float:
    try:
        return float(json.loads(lock.read_text(encoding="utf-8"))["started"])
    except (OSError, ValueError, KeyError, TypeError):
        return time.time()


def wait_for_builds(timeout: float | None = None) -> None:
    """Wait until this process's report builds have finished (tests, orderly shutdown)."""
    with _slots_lock:
        threads = list(_running.values())
    for thread in threads:
        thread.join(timeout)


def _build(app: Flask, study_id: str, kind: str, fmt: str, actor: str, lock: Path,
           error: Path) -> None:
    root = cache_root(app)
    try:
        with _build_lock, app.app_context():
            try:
                build_into_cache(app, study_id, kind, fmt, actor)
            except Exception as exc:  # noqa: BLE001  (any failure goes to the page, not a dead thread)
                app.logger.exception("report %s/%s.%s failed", study_id, kind, fmt)
                error.write_text(json.dumps({"message": f"{type(exc).__name__}: {exc}",
                                             "at": time.time()}), encoding="utf-8")
            finally:
                db.session.remove()
    finally:
        lock.unlink(missing_ok=True)
        with _slots_lock:
            slot = (str(root), study_id, kind, fmt)
            if _running.get(slot) is threading.current_thread():
                del _running[slot]


def build_into_cache(app: Flask, study_id: str, kind: str, fmt: str, actor: str) -> Path:
    """Export the study, build one report from the export and store it under its export key.

    Runs inside an app context (the background thread's). Returns the cached file.
    """
    import craftwave.reports as reports
    from craftwave.survey_app.export import write_export

    root = cache_root(app)
    options = _options(app)
    (root / study_id).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=root / study_id) as tmp:
        work = Path(tmp)
        started = time.time()
        result = write_export(study_id, work / "export", actor=actor)
        study_file = work / "study.yaml"
        study_file.write_text(db.session.get(StudyRecord, study_id).source_yaml, encoding="utf-8")
        db.session.remove()  # the build needs no database: do not hold a connection for minutes
        res = reports.build_report(kind, work / "export", work / "out", (fmt,), study=study_file,
                                   **options)
        key = manifest_key(result.manifest, options)
        target = root / study_id / key
        target.mkdir(parents=True, exist_ok=True)
        path = target / _file_name(kind, fmt)
        os.replace(res.files[fmt], path)
        meta = {"export_started": started, "built_at": time.time(), "study_id": study_id,
                "kind": kind, "format": fmt, "options": options,
                "exported_at": result.manifest["exported_at"]}
        (target / f"{kind}-{fmt}.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    _store(study_id, key, kind, fmt, started, path.read_bytes(), int(app.config["REPORT_CACHE_KEEP"]))
    _prune(root, study_id, int(app.config["REPORT_CACHE_KEEP"]))
    return path


# -- the route --------------------------------------------------------------------------------


def init_report_downloads(app: Flask) -> None:
    """Set the defaults of the report settings and register the blueprint."""
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    app.register_blueprint(bp)


@bp.get("/study/<study_id>/report/<kind>.<fmt>")
def report(study_id: str, kind: str, fmt: str):
    """The report file if built for the current data; else start the build and say so.

    Query parameters: ``since`` (epoch seconds, set by the waiting page: a report built from
    data exported after then is served even if answers arrived meanwhile) and ``retry=1``
    (forget a failed build and try again).
    """
    cs = _study(study_id)
    if kind not in KINDS or fmt not in FORMATS:
        abort(404)
    app = current_app._get_current_object()
    root = cache_root(app)
    _, error = _slot_files(root, study_id, kind, fmt)
    by_worker = app.config["REPORT_JOBS"] == "worker"
    if request.args.get("retry") == "1":
        error.unlink(missing_ok=True)
        if by_worker:
            report_jobs.forget_failure(study_id, kind, fmt)
    since = request.args.get("since", type=float)
    if since is not None and not 0 <= time.time() - since <= float(app.config["REPORT_BUILD_TIMEOUT"]):
        since = None  # an old bookmark of the waiting page: ask for the current data
    waiting = since if since is not None else time.time()
    if since is None:
        path = cached_file(root, study_id, current_key(study_id, _options(app)), kind, fmt)
    else:  # the waiting page: any build exported after the first click will do (and is cheap)
        path = built_since(root, study_id, kind, fmt, since)
    if path is not None:
        try:
            data = path.read_bytes()  # a few MB at most; read now, so pruning cannot race
        except FileNotFoundError:  # pruned by another worker a moment ago
            data = None
        if data is not None:
            with write_transaction():
                record(current_user.email, "report", study_id=study_id,
                       detail={"kind": kind, "format": fmt, "export_key": path.parent.name[:16]})
            resp = send_file(io.BytesIO(data), mimetype=MIMETYPES[fmt], as_attachment=True,
                             download_name=f"{study_id}-{kind}-report.{fmt}", max_age=0)
            resp.headers["Content-Security-Policy"] = REPORT_CSP
            resp.headers["Cache-Control"] = "no-store"
            return resp
    failure = report_jobs.failure(study_id, kind, fmt) if by_worker else None
    if failure is None and error.is_file():
        try:
            failure = json.loads(error.read_text(encoding="utf-8"))["message"]
        except (OSError, ValueError, KeyError, TypeError):
            failure = "unknown error"
    if failure is None:  # wait for the build under way, if any, or a new one
        waiting = min(waiting, start_build(app, study_id, kind, fmt, current_user.email))
    again = url_for("report_downloads.report", study_id=study_id, kind=kind, fmt=fmt,
                    since=f"{waiting - 0.001:.3f}")  # never rounded up
    retry = url_for("report_downloads.report", study_id=study_id, kind=kind, fmt=fmt, retry=1)
    refresh = int(app.config["REPORT_REFRESH_SECONDS"])
    html = render_template("researcher/report_building.html", study=cs.study, kind=kind, fmt=fmt,
                           again=again, retry=retry, failure=failure, refresh=refresh)
    resp = current_app.make_response((html, 500 if failure else 202))
    if failure is None:
        resp.headers["Refresh"] = f"{refresh}; url={again}"
    return resp


__all__ = ["DEFAULTS", "KINDS", "FORMATS", "bp", "build_into_cache", "cache_root", "cached_file",
           "current_key", "init_report_downloads", "manifest_key", "start_build",
           "wait_for_builds"]
