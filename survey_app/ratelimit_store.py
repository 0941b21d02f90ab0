"""Flask-Limiter (``limits``) stores: in the app's database (default), or in a SQLite file.

``craftwave-db://`` (the default outside tests): fixed-window counters in the app's own
database, table ``rate_counters``, so every worker of every app host counts together. Keys are
stored as keyed hashes (HMAC-SHA256 with the instance secret), so the table holds no client
address, and rows whose window has passed are deleted as new ones arrive (every
``CLEANUP_EVERY`` increments in a process). :func:`hit`, :func:`peek` and :func:`clear_key`
give the app's own counters (the login delays) the same table.

The older single-host store follows.

gunicorn runs several worker processes; an in-memory store would give each its own counts, so
a limit of 10 logins a minute would really be 10 per worker. This store keeps fixed-window
counters in one SQLite file (WAL, one short transaction per hit), so all workers of a host
count together. Register it by importing this module; use it with

    RATELIMIT_STORAGE_URI = "craftwave-sqlite:////absolute/path/ratelimits.sqlite"

(the default outside tests: ``ratelimits.sqlite`` in the instance folder). Several hosts
behind a load balancer need a networked store instead (``redis://...``). It supports the
fixed-window strategy (Flask-Limiter's default) only.
"""

from __future__ import annotations

import hashlib
import hmac
import sqlite3
import threading
import time
from pathlib import Path

from flask import current_app, has_app_context
from limits.storage import Storage
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

SCHEME = "craftwave-sqlite"
DB_SCHEME = "craftwave-db"
CLEANUP_EVERY = 200
"""Increments between two deletions of expired counters (per process)."""

_UPSERT = text(
    "INSERT INTO rate_counters (key, count, expires_at) VALUES (:key, :amount, :expires) "
    "ON CONFLICT (key) DO UPDATE SET "
    "count = CASE WHEN rate_counters.expires_at <= :now THEN excluded.count "
    "ELSE rate_counters.count + excluded.count END, "
    "expires_at = CASE WHEN rate_counters.expires_at <= :now THEN excluded.expires_at "
    "ELSE rate_counters.expires_at END RETURNING count, expires_at")
_incr_count = 0
_count_lock = threading.Lock()


def _hashed(key: str) -> str:
    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(secret, b"ratelimit:" + key.encode(), hashlib.sha256).hexdigest()


def _engine():
    from craftwave.survey_app.extensions import db

    return db.engine


def hit(key: str, window: float, now: float | None = None, amount: int = 1) -> tuple[int, float]:
    """Add ``amount`` to the counter ``key`` (a window of ``window`` seconds); (count, expires_at)."""
    global _incr_count
    now = time.time() if now is None else now
    with _engine().begin() as conn:
        count, expires = conn.execute(_UPSERT, {"key": _hashed(key), "amount": amount,
                                                "expires": now + window, "now": now}).one()
    with _count_lock:
        _incr_count += 1
        sweep = _incr_count % CLEANUP_EVERY == 0
    if sweep:
        with _engine().begin() as conn:
            conn.execute(text("DELETE FROM rate_counters WHERE expires_at <= :now"), {"now": now})
    return int(count), float(expires)


def peek(key: str, now: float | None = None) -> tuple[int, float]:
    """The counter ``key`` as (count, expires_at); (0, now) if it has none or it expired."""
    now = time.time() if now is None else now
    with _engine().connect() as conn:
        row = conn.execute(text("SELECT count, expires_at FROM rate_counters WHERE key = :key "
                                "AND expires_at > :now"), {"key": _hashed(key), "now": now}).first()
        conn.rollback()
    return (int(row[0]), float(row[1])) if row else (0, now)


def set_until(key: str, until: float, value: int = 1) -> None:
    """Make the counter ``key`` hold ``value`` until ``until`` (Unix time), whatever it held."""
    with _engine().begin() as conn:
        conn.execute(text("INSERT INTO rate_counters (key, count, expires_at) VALUES (:key, :v, :u) "
                          "ON CONFLICT (key) DO UPDATE SET count = excluded.count, "
                          "expires_at = excluded.expires_at"), {"key": _hashed(key), "v": value, "u": until})


def clear_key(key: str) -> None:
    with _engine().begin() as conn:
        conn.execute(text("DELETE FROM rate_counters WHERE key = :key"), {"key": _hashed(key)})


class DatabaseStorage(Storage):
    """Fixed-window counters in the app's database (``craftwave-db://``), for Flask-Limiter.

    Used only inside a request or app context (Flask-Limiter checks limits in ``before_request``).
    """

    STORAGE_SCHEME = [DB_SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **_options) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions)

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        return hit(key, expiry, amount=amount)[0]

    def get(self, key: str) -> int:
        return peek(key)[0]

    def get_expiry(self, key: str) -> float:
        return peek(key)[1]

    def check(self) -> bool:
        if not has_app_context():
            return True
        try:
            peek("check")
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with _engine().begin() as conn:
            return conn.execute(text("DELETE FROM rate_counters")).rowcount

    def clear(self, key: str) -> None:
        clear_key(key)


class SQLiteStorage(Storage):
    """Fixed-window counters in a SQLite file (``craftwave-sqlite:///path``)."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **_options) -> None:
        prefix = f"{SCHEME}://"
        if not uri or not uri.startswith(prefix) or len(uri) <= len(prefix):
            raise ValueError(f"expected {SCHEME}:///absolute/path/file.sqlite, got {uri!r}")
        rest = uri[len(prefix):]  # "/abs/path" (from "craftwave-sqlite:////abs/path") or "/rel"
        self.path = Path(rest[1:] if rest.startswith("/") else rest)
        self._local = threading.local()
        super().__init__(uri, wrap_exceptions=wrap_exceptions)

    @property
    def base_exceptions(self):
        return sqlite3.Error

    def _db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:  # one connection per thread, opened on first use
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, "
                         "count INTEGER NOT NULL, expires_at REAL NOT NULL)")
            self._local.conn = conn
        return conn

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        row = self._db().execute(
            "INSERT INTO counters (key, count, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET "
            "count = CASE WHEN counters.expires_at <= ? THEN excluded.count "
            "ELSE counters.count + excluded.count END, "
            "expires_at = CASE WHEN counters.expires_at <= ? THEN excluded.expires_at "
            "ELSE counters.expires_at END RETURNING count",
            (key, amount, now + expiry, now, now)).fetchone()
        return int(row[0])

    def get(self, key: str) -> int:
        row = self._db().execute("SELECT count FROM counters WHERE key = ? AND expires_at > ?",
                                 (key, time.time())).fetchone()
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._db().execute("SELECT expires_at FROM counters WHERE key = ? AND expires_at > ?",
                                 (key, time.time())).fetchone()
        return float(row[0]) if row else time.time()

    def check(self) -> bool:
        try:
            self._db().execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        cur = self._db().execute("DELETE FROM counters")
        return cur.rowcount

    def clear(self, key: str) -> None:
        self._db().execute("DELETE FROM counters WHERE key = ?", (key,))
