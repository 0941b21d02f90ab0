"""Configuration: defaults, then the instance ``config.py``, then the environment and tests.

Settings read from the environment:

``CRAFTWAVE_DATABASE_URL``
    SQLAlchemy URL of the database (e.g. ``postgresql+psycopg://user@host/db``). Without it
    (and without ``SQLALCHEMY_DATABASE_URI`` in ``instance/config.py``): the URL in the
    instance folder's ``database_url`` file (``make run`` writes it for the demo database),
    else the SQLite file ``craftwave.sqlite`` in the instance folder.
``CRAFTWAVE_SECRET_KEY``
    The key that signs sessions and CSRF tokens. Default: generated once into
    ``instance/secret_key`` (mode 0600), never into the repository.
``CRAFTWAVE_LINK_KEY``
    The key personal links are derived from (:mod:`craftwave.survey_app.links`). Default: the
    secret key. Set it to keep links working across a rotation of the secret key.
``CRAFTWAVE_SQLITE_SYNCHRONOUS``
    ``NORMAL`` (default: durable when the process is killed, not on power loss) or ``FULL``.
``CRAFTWAVE_SECURE_COOKIES``
    ``1`` to send the session cookie only over HTTPS (set it behind an HTTPS proxy); it also
    sends ``Strict-Transport-Security``.
``CRAFTWAVE_PROXY_HOPS``
    The number of trusted proxies in front of the app (nginx alone: ``1``). Client addresses
    (which rate limits count) and the scheme are then read from ``X-Forwarded-*`` through
    Werkzeug's ProxyFix. Default ``0``: the connection's own address.
``CRAFTWAVE_REPORT_JOBS``
    ``worker`` to have ``craftwave worker`` build the dashboard's reports (default ``thread``).
``CRAFTWAVE_BASE_URL``
    The app's public address, for the links in emails and printed by commands (see
    :func:`public_base_url`).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

DEFAULTS: dict[str, object] = {
    "SQLALCHEMY_TRACK_MODIFICATIONS": False,
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": False},
    "SQLITE_SYNCHRONOUS": "NORMAL",
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,
    "SESSION_COOKIE_NAME": "craftwave_session",
    "WTF_CSRF_TIME_LIMIT": None,  # a page may stay open for hours on a phone
    "WTF_CSRF_SSL_STRICT": False,
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "MAX_FORM_PARTS": 400,
    "SEND_FILE_MAX_AGE_DEFAULT": 3600,
    "DEFAULT_LANGUAGE": "en",
    # None: each study's allocation seed is 128 random bits kept in the database. Reproducible
    # runs (the demo, benchmarks) set a secret here instead: the seed is then derived from it
    # and the study id (HMAC-SHA256). Never put it in a study file.
    "ALLOCATION_SECRET": None,
    "PROXY_HOPS": 0,
    "CLOCK": None,  # a callable returning naive UTC datetimes; None: the system clock
}


def instance_secret_key(instance_path: str | Path) -> str:
    """Read ``instance/secret_key``, creating it (0600, 256 random bits) on first use."""
    path = Path(instance_path) / "secret_key"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another worker won the race
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key + "\n")
    return key


DATABASE_POINTER = "database_url"
"""A file in the instance folder holding the URL of the instance's database (one line)."""


def database_pointer(instance_path: str | Path) -> str | None:
    """The URL in ``instance/database_url``, or ``None`` when there is no such file."""
    try:
        url = (Path(instance_path) / DATABASE_POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return url or None


BASE_URL_POINTER = "base_url"
"""A file in the instance folder holding the address ``make run`` serves the app on."""

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
"""Where ``craftwave serve`` serves without options."""


def public_base_url(config, instance_path: str | Path) -> tuple[str, str]:
    """The app's public address (no trailing slash) and where it came from.

    First found wins: ``PUBLIC_BASE_URL`` in ``instance/config.py`` (or the app's settings);
    ``CRAFTWAVE_BASE_URL``; the instance folder's ``base_url`` file (``make run`` writes the
    address it serves on, with the ``database_url`` of the demo); else ``craftwave serve``'s
    default, ``http://127.0.0.1:8000``.
    """
    if config.get("PUBLIC_BASE_URL"):
        return str(config["PUBLIC_BASE_URL"]).rstrip("/"), "PUBLIC_BASE_URL in the app's settings"
    if os.environ.get("CRAFTWAVE_BASE_URL"):
        return os.environ["CRAFTWAVE_BASE_URL"].rstrip("/"), "$CRAFTWAVE_BASE_URL"
    path = Path(instance_path) / BASE_URL_POINTER
    try:
        written = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        written = ""
    if written:
        return written.rstrip("/"), f"{path}, written by `make run`"
    return DEFAULT_BASE_URL, "the default of `craftwave serve`"


def apply_environment(config: dict, instance_path: str) -> None:
    """Fill the database URL, secret key and durability settings from the environment.

    The database URL, first found wins: ``CRAFTWAVE_DATABASE_URL``; ``SQLALCHEMY_DATABASE_URI``
    of ``instance/config.py``; the instance folder's ``database_url`` file; the SQLite file
    ``instance/craftwave.sqlite``. ``DATABASE_SOURCE`` says which, for messages.
    """
    env = os.environ
    pointer = database_pointer(instance_path)
    if env.get("CRAFTWAVE_DATABASE_URL"):
        config["SQLALCHEMY_DATABASE_URI"] = env["CRAFTWAVE_DATABASE_URL"]
        config["DATABASE_SOURCE"] = "$CRAFTWAVE_DATABASE_URL"
    elif config.get("SQLALCHEMY_DATABASE_URI"):
        config["DATABASE_SOURCE"] = str(Path(instance_path) / "config.py")
    elif pointer is not None:
        config["SQLALCHEMY_DATABASE_URI"] = pointer
        config["DATABASE_SOURCE"] = str(Path(instance_path) / DATABASE_POINTER)
    else:
        config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + str(Path(instance_path) / "craftwave.sqlite")
        config["DATABASE_SOURCE"] = "the default in the instance folder"
    if env.get("CRAFTWAVE_SECRET_KEY"):
        config["SECRET_KEY"] = env["CRAFTWAVE_SECRET_KEY"]
    if env.get("CRAFTWAVE_LINK_KEY"):
        config["LINK_KEY"] = env["CRAFTWAVE_LINK_KEY"]
    if env.get("CRAFTWAVE_SQLITE_SYNCHRONOUS"):
        config["SQLITE_SYNCHRONOUS"] = env["CRAFTWAVE_SQLITE_SYNCHRONOUS"].upper()
    if env.get("CRAFTWAVE_REPORT_JOBS"):
        config["REPORT_JOBS"] = env["CRAFTWAVE_REPORT_JOBS"]
    if env.get("CRAFTWAVE_PROXY_HOPS"):
        config["PROXY_HOPS"] = int(env["CRAFTWAVE_PROXY_HOPS"])
    if env.get("CRAFTWAVE_SECURE_COOKIES") == "1":
        config["SESSION_COOKIE_SECURE"] = True
