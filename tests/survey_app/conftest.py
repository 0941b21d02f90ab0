"""Fixtures of the survey-app tests: a migrated database per test, app, client, runner, factories."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from craftwave.survey_app import MIGRATIONS_DIR, create_app  # noqa: E402
from craftwave.survey_app.clock import FakeClock  # noqa: E402
from tests.survey_app.app_helpers import DEMO_FILE, DEMO_STUDY  # noqa: E402

START = datetime(2026, 1, 5, 9, 0, 0)


def _config(url: str, **extra) -> dict:
    return {"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "test-secret-key",
            "CLOCK": FakeClock(START), **extra}


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file built by the migrations with the demo study loaded, copied per test."""
    from flask_migrate import upgrade

    from craftwave.survey_app.studies import load_study_file

    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    app = create_app(_config(f"sqlite:///{path}"))
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_study_file(DEMO_FILE)
        from craftwave.survey_app.extensions import db

        db.session.remove()
        db.engine.dispose()
    return path


@pytest.fixture
def app(request, backend, tmp_path):
    """The app on a fresh database: a copy of the migrated SQLite template, or the session's
    PostgreSQL database emptied of participants (tests marked with ``backend``)."""
    if backend == "postgres":
        url = request.getfixturevalue("postgres_url")
        application = create_app(_config(url))
        with application.app_context():
            from craftwave.survey_app.extensions import db

            with db.engine.begin() as conn:
                conn.exec_driver_sql(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
            from craftwave.survey_app.studies import load_study_file

            load_study_file(DEMO_FILE)  # as the template has it, whatever an earlier test loaded
            db.session.remove()
    else:
        path = tmp_path / "app.sqlite"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        application = create_app(_config(f"sqlite:///{path}"))
    yield application
    with application.app_context():
        from craftwave.survey_app.extensions import db

        db.engine.dispose()


@pytest.fixture
def clock(app) -> FakeClock:
    return app.config["CLOCK"]


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_participant(app):
    """Factory: a participant of the demo study, by default invited by personal link.

    ``consented=True`` records consent; ``eligible`` (True/False/None) records screening.
    Returns the participant's token.
    """
    from craftwave.survey_app import clock as app_clock
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.links import token_for
    from craftwave.survey_app.progress import create_participant, record_consent, record_screening
    from craftwave.survey_app.studies import get_study

    def make(source: str = "invitation", external_id: str | None = None,
             consented: bool = False, eligible: bool | None = None) -> str:
        with app.app_context():
            cs = get_study(DEMO_STUDY)
            now = app_clock.now()
            p = create_participant(DEMO_STUDY, source, external_id, {}, now)
            if consented:
                record_consent(p, cs, now)
                if eligible is not None:
                    record_screening(p, cs, {"gig_work": int(eligible), "adult": 1}, now)
            db.session.commit()
            return token_for(p)

    return make


# -- PostgreSQL --------------------------------------------------------------------------
@pytest.fixture(scope="session")
def postgres_server():
    """A throw-away PostgreSQL (Debian's binaries) on a free loopback port; yields its base URL."""
    from craftwave.survey_app.pgtemp import PostgresServer, find_pg_bin

    bindir = find_pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
                    "install Debian's 'postgresql' package (scripts/system_deps.sh) to run these tests")
    # Not under pytest's tmp folder: that one is private to root, and the server runs as 'postgres'.
    workdir = Path(tempfile.mkdtemp(prefix="craftwave-pg-"))
    server = PostgresServer(bindir, workdir)
    try:
        server.start()
    except RuntimeError as exc:
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.skip(f"PostgreSQL could not be started here: {exc}")
    yield server
    server.stop()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url(postgres_server):
    """A database built by the same migrations, with the demo study loaded."""
    from flask_migrate import upgrade

    from craftwave.survey_app.studies import load_study_file

    url = postgres_server.create_database("craftwave_test")
    app = create_app(_config(url))
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_study_file(DEMO_FILE)
        from craftwave.survey_app.extensions import db

        db.session.remove()
        db.engine.dispose()
    return url


TABLES = ("participants, contacts, wave_status, withdrawal_requests, answers, answer_history, "
          "page_visits, allocation_state, allocation_log, study_declarations, flow_counts, "
          "recruitment_entries, payment_batches, payment_items")


@pytest.fixture
def backend(request) -> str:
    return getattr(request, "param", "sqlite")


from tests.survey_app.researcher_fixtures import *  # noqa: E402,F401,F403  (the researcher-side fixtures)
