"""Migration 0003_i21 on a populated 0.1.0 database: the old ledger becomes the outbox."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from flask_migrate import upgrade

from craftwave.survey_app import MIGRATIONS_DIR, create_app
from craftwave.survey_app.extensions import db

RELEASE_0_1_0 = Path(__file__).parent / "data" / "release_0.1.0.sql"


def test_old_ledger_rows_become_sent_or_unknown(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript(RELEASE_0_1_0.read_text(encoding="utf-8"))
        conn.executemany(
            "INSERT INTO sent_messages (participant_id, kind, wave, claimed_at, sent_at) VALUES (?,?,?,?,?)",
            [(1, "invitation", 1, "2026-04-06 09:00:00", "2026-04-06 09:00:01"),
             (2, "invitation", 1, "2026-04-06 09:00:00", None)])  # the old sender died mid-send
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                      "SECRET_KEY": "test"})
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        db.session.remove()
        db.engine.dispose()
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT participant_id, status, attempts, resends, last_error IS NOT NULL "
                            "FROM sent_messages ORDER BY participant_id").fetchall()
        zones = {z for (z,) in conn.execute("SELECT timezone FROM participants")}
        jobs = conn.execute("SELECT count(*) FROM report_jobs").fetchone()[0]
    assert rows == [(1, "sent", 1, 0, 0), (2, "unknown", 1, 0, 1)]
    assert zones == {None} and jobs == 0
