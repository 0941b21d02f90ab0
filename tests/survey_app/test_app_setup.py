"""Migrations build the models' schema; configuration; the command line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from click.testing import CliRunner

from craftwave.cli import main
from craftwave.survey_app import create_app
from craftwave.survey_app.extensions import db
from tests.survey_app.app_helpers import DEMO_FILE


def test_migrations_match_the_models(app):
    with app.app_context(), db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
    assert diff == []


def test_sqlite_pragmas(app):
    with app.app_context(), db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_synchronous_full_is_one_setting_away(tmp_path, monkeypatch):
    monkeypatch.setenv("CRAFTWAVE_SQLITE_SYNCHRONOUS", "full")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}",
                      "SECRET_KEY": "k"})
    with app.app_context(), db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    with app.app_context():
        db.engine.dispose()


def test_secret_key_generated_once_into_instance(tmp_path, monkeypatch):
    monkeypatch.setenv("CRAFTWAVE_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("CRAFTWAVE_SECRET_KEY", raising=False)
    monkeypatch.delenv("CRAFTWAVE_DATABASE_URL", raising=False)
    a = create_app()
    b = create_app()
    assert a.config["SECRET_KEY"] == b.config["SECRET_KEY"]
    assert len(a.config["SECRET_KEY"]) == 64
    key = tmp_path / "secret_key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert a.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'craftwave.sqlite'}"
    for app in (a, b):
        with app.app_context():
            db.engine.dispose()


def test_database_url_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite'}")
    app = create_app({"SECRET_KEY": "k"})
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("env.sqlite")
    with app.app_context():
        db.engine.dispose()


def test_cli_upgrade_load_and_links(tmp_path, monkeypatch):
    monkeypatch.setenv("CRAFTWAVE_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    monkeypatch.delenv("CRAFTWAVE_DATABASE_URL", raising=False)
    runner = CliRunner()
    res = runner.invoke(main, ["db", "upgrade"])
    assert res.exit_code == 0, res.output
    tables = {r[0] for r in sqlite3.connect(tmp_path / "craftwave.sqlite").execute(
        "select name from sqlite_master where type='table'")}
    assert {"participants", "answers", "answer_history", "page_visits", "contacts",
            "wave_status", "withdrawal_requests", "studies", "alembic_version"} <= tables
    res = runner.invoke(main, ["study", "load", str(DEMO_FILE)])
    assert res.exit_code == 0 and "created study 'test-study'" in res.output
    res = runner.invoke(main, ["study", "load", str(DEMO_FILE)])
    assert "updated study" in res.output
    res = runner.invoke(main, ["study", "link", "test-study", "--source", "prolific",
                               "--base-url", "https://survey.example.org"])
    assert res.output.strip() == (
        "https://survey.example.org/study/test-study?PROLIFIC_PID={{%PROLIFIC_PID%}}"
        "&STUDY_ID={{%STUDY_ID%}}&SESSION_ID={{%SESSION_ID%}}")
    res = runner.invoke(main, ["study", "link", "test-study", "--source", "mturk"])
    assert res.exit_code == 0 and "/study/test-study" in res.output
    res = runner.invoke(main, ["study", "link", "nosuch"])
    assert res.exit_code == 2 and "no study 'nosuch'" in res.output
    bad = Path(tmp_path / "bad.yaml")
    bad.write_text(DEMO_FILE.read_text().replace("instrument: ccraft, subscales: [challenge]",
                                                 "instrument: ccraft, subscales: [chalenge]"))
    res = runner.invoke(main, ["study", "load", str(bad)])
    assert res.exit_code == 2 and "unknown subscale 'chalenge'" in res.output
