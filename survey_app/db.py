"""Database engine set-up and the write-transaction helper.

SQLite: WAL journal, foreign keys on, ``synchronous`` from the configuration (``NORMAL`` by
default: a committed transaction survives a killed process but not a power loss; ``FULL``
survives both at some cost in write latency), a busy timeout, and write transactions that
take the write lock at ``BEGIN IMMEDIATE`` so two workers never deadlock on a lock upgrade.
On PostgreSQL a write transaction sets a lock timeout (``WRITE_LOCK_TIMEOUT_MS``) so a
request waits for row locks for a bounded time instead of forever.

Every request and command that writes, audit rows included, goes through
:func:`write_transaction`: a handler that reads first (in SQLite's default deferred
transaction) and writes later fails with ``database is locked`` whenever a participant's page
save committed in between, because SQLite cannot upgrade a stale read snapshot to a write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import event
from sqlalchemy.engine import Engine

from craftwave.survey_app.extensions import db

_IMMEDIATE: ContextVar[bool] = ContextVar("craftwave_immediate", default=False)
_SYNCHRONOUS = {"OFF", "NORMAL", "FULL", "EXTRA"}
BUSY_TIMEOUT_MS = 10_000
"""How long a writer waits for the write lock (SQLite) or a row lock (PostgreSQL)."""


def configure_engine(engine: Engine, synchronous: str = "NORMAL") -> None:
    """Attach the SQLite pragmas and transaction handling to ``engine`` (no-op elsewhere)."""
    if engine.dialect.name != "sqlite":
        return
    if synchronous not in _SYNCHRONOUS:
        raise ValueError(f"SQLITE_SYNCHRONOUS must be one of {sorted(_SYNCHRONOUS)}, not {synchronous!r}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy (not the driver) decide when transactions begin.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA synchronous={synchronous}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA secure_delete=ON")  # deleted rows are zeroed in their pages
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if _IMMEDIATE.get() else "BEGIN")


@contextmanager
def write_transaction() -> Iterator[None]:
    """One transaction that writes: committed on success, rolled back on any error.

    On SQLite it takes the write lock up front (``BEGIN IMMEDIATE``, waiting up to
    :data:`BUSY_TIMEOUT_MS` for it), so the reads inside it see the state its writes apply to.
    Any read transaction the request had open is ended first: keep the reads that need not be
    locked (an export's tables, a password check) before it, and the writes (audit rows) in it.
    """
    db.session.rollback()  # end any read transaction the request has opened
    token = _IMMEDIATE.set(True)
    try:
        conn = db.session.connection()  # begins now, with the immediate flag
    finally:
        _IMMEDIATE.reset(token)
    try:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")
        yield
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
