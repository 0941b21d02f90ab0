"""Commands of the survey app: ``db upgrade``, ``serve``, ``study load``, ``study link``."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .output import fail

PROLIFIC_QUERY = "PROLIFIC_PID={{%PROLIFIC_PID%}}&STUDY_ID={{%STUDY_ID%}}&SESSION_ID={{%SESSION_ID%}}"


@click.group("db")
def db_group() -> None:
    """Prepare the survey app's database (SQLite in the instance folder, or CRAFTWAVE_DATABASE_URL)."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
def db_upgrade(revision: str) -> None:
    """Run the migrations up to REVISION (creates the tables on a new database)."""
    from alembic import command
    from alembic.util import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    from craftwave.cli.appdb import describe
    from craftwave.survey_app import MIGRATIONS_DIR, create_app
    from craftwave.survey_app.extensions import db, migrate

    app = create_app()
    with app.app_context():
        try:
            command.upgrade(migrate.get_config(MIGRATIONS_DIR), revision)
        except CommandError as exc:
            fail(f"{exc} (database {describe(app)})")
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
            fail(f"cannot upgrade the database {describe(app)}: {reason}")
        url = db.engine.url.render_as_string(hide_password=True)
    click.echo(f"database at {url} is at revision {revision}")


@db_group.command("info")
def db_info() -> None:
    """Say which database the commands use, where its address comes from, and its revision."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from craftwave.cli.appdb import describe, sqlite_file
    from craftwave.survey_app import create_app
    from craftwave.survey_app.extensions import db

    app = create_app()
    path = sqlite_file(app)
    click.echo(f"database: {describe(app)}")
    if path is not None and not path.is_file():
        revision = "no database yet (the file does not exist; `craftwave db upgrade` creates it)"
    else:
        with app.app_context():
            try:
                revision = db.session.execute(
                    text("SELECT version_num FROM alembic_version")).scalar()
            except SQLAlchemyError as exc:
                revision = f"unknown ({str(getattr(exc, 'orig', exc)).splitlines()[0][:120]})"
            db.engine.dispose()
        revision = revision or "none: no tables yet (run `craftwave db upgrade`)"
    click.echo(f"revision: {revision}")
    click.echo("elsewhere: set CRAFTWAVE_DATABASE_URL, or SQLALCHEMY_DATABASE_URI in "
               f"{Path(app.instance_path) / 'config.py'}")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--server", "server", type=click.Choice(["waitress", "gunicorn"]), default="waitress",
              show_default=True,
              help="waitress (one process; reads whole requests before the app sees them) or "
                   "gunicorn's gthread worker (several processes; a slow client holds a thread).")
@click.option("--workers", default=None, type=int,
              help="gunicorn worker processes (default: the number of CPU cores); not for waitress.")
@click.option("--threads", default=None, type=int,
              help="Threads (waitress: 8; gunicorn: 64 per worker).")
@click.option("--dev", is_flag=True, help="Flask's development server with the debugger off.")
def serve(host: str, port: int, server: str, workers: int | None, threads: int | None, dev: bool) -> None:
    """Serve the survey app with waitress or gunicorn (Flask's own server only with --dev)."""
    if dev:
        from craftwave.survey_app import create_app

        create_app().run(host=host, port=port, debug=False, use_reloader=False)
        return
    from craftwave.survey_app import wsgi_server

    if server == "gunicorn":
        wsgi_server.run_gunicorn(host=host, port=port, workers=workers or os.cpu_count() or 2,
                                 threads=threads or wsgi_server.GUNICORN_THREADS)
        return
    if workers not in (None, 1):
        click.echo("note: --workers applies to gunicorn; waitress serves from one process", err=True)
    wsgi_server.run_waitress(host=host, port=port, threads=threads or wsgi_server.WAITRESS_THREADS)


@click.group("study")
def study_group() -> None:
    """Load study definitions and print their recruitment links."""


@study_group.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def study_load(path: str) -> None:
    """Validate the study file PATH and create or update the study in the database."""
    from craftwave.cli.appdb import cli_app
    from craftwave.instruments import CraftwaveError
    from craftwave.survey_app.studies import load_study_file

    app = cli_app()
    with app.app_context():
        try:
            study, created = load_study_file(path)
        except CraftwaveError as exc:
            fail(str(exc))
    click.echo(f"{'created' if created else 'updated'} study '{study.id}' "
               f"({len(study.waves)} waves, instruments: {', '.join(study.instrument_ids)})")


@study_group.command("link")
@click.argument("study_id")
@click.option("--source", type=click.Choice(["public", "prolific", "mturk"]), default="public",
              show_default=True)
@click.option("--base-url", default=None,
              help="The app's public address (default: PUBLIC_BASE_URL in instance/config.py, "
                   "$CRAFTWAVE_BASE_URL, the address `make run` serves on, else "
                   "http://127.0.0.1:8000 as `craftwave serve`).")
def study_link(study_id: str, source: str, base_url: str | None) -> None:
    """Print the public link of STUDY_ID, with the recruitment site's placeholders."""
    from craftwave.cli.appdb import base_url_for, cli_app, describe
    from craftwave.survey_app.studies import get_study

    app = cli_app()
    base, note = base_url_for(app, base_url)
    with app.app_context():
        cs = get_study(study_id)
        if cs is None:
            fail(f"no study '{study_id}' in the database {describe(app)}; load it with "
                 "`craftwave study load FILE`")
        rec = cs.study.recruitment
        if source == "prolific" and rec.prolific is None:
            fail(f"study '{study_id}' has no Prolific recruitment in its file")
        if source == "mturk" and rec.mturk is None:
            fail(f"study '{study_id}' has no MTurk recruitment in its file")
    url = f"{base}/study/{study_id}"
    if source == "prolific":
        url += "?" + PROLIFIC_QUERY
    click.echo(url)
    if note:
        click.echo(note, err=True)
    if source == "mturk":
        click.echo("Use it as the ExternalURL of an MTurk ExternalQuestion; MTurk appends "
                   "assignmentId, hitId, workerId and turkSubmitTo.", err=True)


COMMANDS = [db_group, serve, study_group]
