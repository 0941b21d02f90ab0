"""A Flask-Limiter (``limits``) store in a SQLite file, shared by every worker on one host.

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

import sqlite3
import threading
import time
from pathlib import Path

from limits.storage import Storage

SCHEME = "craftwave-sqlite"


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
