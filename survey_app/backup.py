"""``craftwave db backup`` and ``craftwave db restore``: the whole database as one portable file.

A backup is a zip file with one JSON file per table (every row, in primary-key order) and a
``manifest.json`` (the schema revision, the craftwave version, the time, and the row count and
sha256 of each table file). It is independent of the database engine: a SQLite backup restores
into PostgreSQL and back. A restore goes into an *empty* database migrated to the same
revision (``craftwave db upgrade`` first); it inserts the tables in dependency order in one
transaction, and on PostgreSQL moves each id sequence past the restored ids. Both are
audited. The backup holds contact data and recruitment ids: keep it as safe as the database.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from datetime import datetime
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from sqlalchemy import JSON, Boolean, DateTime, Float, Integer, LargeBinary, Table

from craftwave.instruments.errors import CraftwaveError
from craftwave.survey_app import clock
from craftwave.survey_app.audit import record
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db

FORMAT = "craftwave-db-backup/1"


class BackupError(CraftwaveError):
    """A backup cannot be written or restored as asked."""


def _tables() -> list[Table]:
    return list(db.metadata.sorted_tables)  # parents before children


def _revision() -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _encode(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _decode(column, value: object) -> object:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value)
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Integer) and not isinstance(kind, Boolean):
        return int(value)
    if isinstance(kind, Float):
        return float(value)
    if isinstance(kind, JSON):
        return value
    return value


def backup(path: str | Path, actor: str) -> dict:
    """Write every table into the backup file ``path`` (must not exist); returns the manifest."""
    from craftwave import __version__

    path = Path(path)
    if path.exists():
        raise BackupError(f"{path}: already exists; name a new file")
    manifest = {"format": FORMAT, "revision": _revision(), "craftwave_version": __version__,
                "created_at": clock.now().isoformat(), "tables": {}}
    db.session.rollback()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        conn = db.session.connection()
        for table in _tables():
            rows = [{k: _encode(v) for k, v in r.items()} for r in conn.execute(
                table.select().order_by(*table.primary_key.columns)).mappings()]
            data = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            zf.writestr(f"{table.name}.json", data)
            manifest["tables"][table.name] = {"rows": len(rows),
                                              "sha256": hashlib.sha256(data).hexdigest()}
        zf.writestr("manifest.json", json.dumps(manifest, indent=2))
    db.session.rollback()
    with write_transaction():
        record(actor, "db_backup", detail={"file": path.name, "revision": manifest["revision"],
                                           "rows": sum(t["rows"] for t in manifest["tables"].values())})
    return manifest


def restore(path: str | Path, actor: str) -> dict:
    """Load a backup file into this (empty, migrated) database; returns its manifest.

    Raises
    ------
    BackupError
        If the file is not a craftwave backup, a table file does not match its hash, the
        database is at another revision, or it already holds data.
    """
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BackupError(f"{path}: not a craftwave backup ({exc})") from exc
    with zf:
        try:
            manifest = json.loads(zf.read("manifest.json"))
        except (KeyError, ValueError) as exc:
            raise BackupError(f"{path}: no readable manifest.json") from exc
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{path}: not a craftwave backup (format {manifest.get('format')!r})")
        here = _revision()
        if manifest["revision"] != here:
            raise BackupError(f"the backup is at schema revision {manifest['revision']}, this "
                              f"database at {here}: run `craftwave db upgrade` to the same revision")
        tables = {t.name: t for t in _tables()}
        payload = {}
        for name, info in manifest["tables"].items():
            if name not in tables:
                raise BackupError(f"{path}: table '{name}' is unknown to this version")
            data = zf.read(f"{name}.json")
            if hashlib.sha256(data).hexdigest() != info["sha256"]:
                raise BackupError(f"{path}: {name}.json does not match its hash in the manifest")
            payload[name] = json.loads(data)
    with write_transaction():
        conn = db.session.connection()
        for table in tables.values():
            if conn.execute(table.select().limit(1)).first() is not None:
                raise BackupError(f"the database is not empty (table '{table.name}' has rows): "
                                  "restore into a new database")
        for table in _tables():
            rows = payload.get(table.name, [])
            if rows:
                cols = {c.name: c for c in table.columns}
                conn.execute(table.insert(), [{k: _decode(cols[k], v) for k, v in r.items()}
                                              for r in rows])
        if conn.dialect.name == "postgresql":
            for table in _tables():
                for col in table.primary_key.columns:
                    if isinstance(col.type, Integer) and col.autoincrement in (True, "auto"):
                        conn.exec_driver_sql(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{col.name}'), "
                            f"COALESCE((SELECT MAX({col.name}) FROM {table.name}), 0) + 1, false) "
                            f"WHERE pg_get_serial_sequence('{table.name}', '{col.name}') IS NOT NULL")
        record(actor, "db_restore", detail={"file": path.name, "revision": manifest["revision"],
                                            "created_at": manifest["created_at"]})
    return manifest


__all__ = ["BackupError", "backup", "restore"]
