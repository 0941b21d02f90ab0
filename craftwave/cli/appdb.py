"""The app's database for a command: found as the app finds it, checked before it is used.

A command that reads or changes data calls :func:`cli_app`; it never creates a database as a
side effect (SQLite makes an empty file on first connect, so the file's existence is checked
before any connection) and, when the database is missing, unreachable or not migrated, it stops
with one line that names the database it looked at, where that address came from, and how to
point the command elsewhere. Only ``craftwave db upgrade`` (and the demo) create databases.
"""

from __future__ import annotations

from pathlib import Path

from .output import fail

HOW_TO_POINT = ("set CRAFTWAVE_DATABASE_URL to another database, or run the command in the "
                "checkout where `make run` prepared the demo")


def describe(app) -> str:
    """The database URL (password hidden) and where it came from, for messages."""
    from sqlalchemy.engine import make_url

    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).render_as_string(hide_password=True)
    return f"{url} (from {app.config.get('DATABASE_SOURCE', 'the app settings')})"


def sqlite_file(app) -> Path | None:
    """The file of a SQLite database URL (``None`` for other databases and in-memory SQLite)."""
    from sqlalchemy.engine import make_url

    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def cli_app(migrated: bool = True):
    """The survey app for a command, after checking that its database exists (and, with
    ``migrated``, has the app's tables); otherwise one ``Error:`` line and exit status 2."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import SQLAlchemyError

    from craftwave.survey_app import create_app
    from craftwave.survey_app.extensions import db

    app = create_app()
    where = describe(app)
    path = sqlite_file(app)
    if path is not None and not path.is_file():
        fail(f"no craftwave database at {where}: the file does not exist. Create it with "
             f"`craftwave db upgrade` (or `make run` for the demo), or {HOW_TO_POINT}.")
    if not migrated:
        return app
    try:
        with app.app_context():
            tables = set(inspect(db.engine).get_table_names())
            db.engine.dispose()
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
        fail(f"cannot open the database {where}: {reason}. Check the address, or {HOW_TO_POINT}.")
    if not {"alembic_version", "studies"} <= tables:
        fail(f"the database {where} has no craftwave tables yet. Run `craftwave db upgrade`, "
             f"or {HOW_TO_POINT}.")
    return app


def base_url_for(app, given: str | None) -> tuple[str, str | None]:
    """The address a command's links start with: ``--base-url`` when given, else the app's
    (:func:`craftwave.survey_app.config.public_base_url`); and then a note saying where it
    came from, for the command to print on stderr after the link."""
    from craftwave.survey_app.config import public_base_url

    if given:
        return given.rstrip("/"), None
    url, source = public_base_url(app.config, app.instance_path)
    return url, (f"(the address {url} is from {source}; --base-url, CRAFTWAVE_BASE_URL or "
                 "PUBLIC_BASE_URL in instance/config.py set another)")


def require_study(app, study_id: str) -> None:
    """Stop with one ``Error:`` line unless ``study_id`` is loaded in ``app``'s database."""
    from craftwave.survey_app.studies import get_study

    with app.app_context():
        if get_study(study_id) is None:
            fail(f"no study '{study_id}' is loaded; run `craftwave study load FILE` first")


def point_instance_at(url: str, base_url: str | None = None) -> str:
    """Make ``url`` (the demo's database) the instance's database for later commands, unless
    the instance already has one of its own; returns a line saying which database commands use.

    With ``base_url`` (the address ``make run`` serves on) that address is kept beside it
    (``instance/base_url``), so the links commands print point where the app is served.
    """
    from craftwave.survey_app import create_app
    from craftwave.survey_app.config import BASE_URL_POINTER, DATABASE_POINTER

    plain = create_app()
    pointer = Path(plain.instance_path) / DATABASE_POINTER
    own_file = sqlite_file(plain)
    source = plain.config.get("DATABASE_SOURCE")
    if source == str(pointer) or (source == "the default in the instance folder"
                                  and own_file is not None and not own_file.exists()):
        pointer.parent.mkdir(parents=True, exist_ok=True)
        pointer.write_text(url + "\n", encoding="utf-8")
        if base_url:
            (pointer.parent / BASE_URL_POINTER).write_text(base_url + "\n", encoding="utf-8")
        return f"commands run here (e.g. `craftwave study link`) use it: {pointer} points to it"
    return (f"commands run here use {describe(plain)}; to use the demo's instead, set "
            f"CRAFTWAVE_DATABASE_URL={url}")
