"""The migration history: one head, and a populated database of the previous release upgrades
to the current schema with every answer intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from flask_migrate import upgrade

from craftwave.survey_app import MIGRATIONS_DIR, create_app
from craftwave.survey_app.extensions import db

RELEASE_0_1_0 = Path(__file__).parent / "data" / "release_0.1.0.sql"
ANSWERS = "SELECT participant_id, wave, instrument_id, item_id, value FROM answers ORDER BY 1, 2, 3, 4"


def _script() -> ScriptDirectory:
    cfg = Config(str(Path(MIGRATIONS_DIR) / "alembic.ini"))
    cfg.set_main_option("script_location", MIGRATIONS_DIR)
    return ScriptDirectory.from_config(cfg)


def test_history_has_one_head():
    heads = _script().get_heads()
    assert len(heads) == 1, f"the Alembic history has {len(heads)} heads: {heads}; merge them"


def test_history_is_one_line_from_the_first_revision():
    script = _script()
    revisions = list(script.walk_revisions())  # newest first
    assert revisions[-1].down_revision is None
    for newer, older in zip(revisions, revisions[1:], strict=False):
        assert newer.down_revision == older.revision


def test_release_0_1_0_database_upgrades_with_every_answer(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript(RELEASE_0_1_0.read_text(encoding="utf-8"))
        before = conn.execute(ANSWERS).fetchall()
        participants = conn.execute("SELECT id FROM participants ORDER BY id").fetchall()
        old_head = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert old_head == "0002_researcher" and len(before) > 1000  # the fixture is what it says

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                      "SECRET_KEY": "test"})
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        db.session.remove()
        db.engine.dispose()

    with sqlite3.connect(path) as conn:
        head = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        after = conn.execute(ANSWERS).fetchall()
        assert conn.execute("SELECT id FROM participants ORDER BY id").fetchall() == participants
        # wave 1's recruitment ids move into the per-wave table (0005_i19)
        old_ids = conn.execute(
            "SELECT id, external_id, json_extract(recruitment, '$.study_id'), "
            "json_extract(recruitment, '$.session_id') FROM participants "
            "WHERE source = 'prolific' ORDER BY id").fetchall()
        per_wave = conn.execute(
            "SELECT participant_id, worker_id, site_study_id, site_session_id "
            "FROM recruitment_entries WHERE wave = 1 ORDER BY participant_id").fetchall()
        assert len(old_ids) > 0 and per_wave == old_ids
    assert head == _script().get_current_head()
    assert after == before
