"""What the real-browser tests share: the app on a loopback port, Debian's chromium driven by
Playwright, and axe-core (bundled by ``axe-playwright-python``, no CDN)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from craftwave.survey_app import create_app
from craftwave.survey_app.pgtemp import free_port

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@contextmanager
def serve_copy(sqlite_template: Path, tmp_path: Path, seed=None, ssl_context=None,
               **config) -> Iterator[str]:
    """Serve an app on a copy of the migrated template database; yields its base URL
    (``https://`` when given an ``ssl.SSLContext``)."""
    from werkzeug.serving import make_server

    path = tmp_path / "browser.sqlite"
    shutil.copy(sqlite_template, path)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SECRET_KEY": "browser",
                      **config})
    if seed is not None:
        seed(app)
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True, ssl_context=ssl_context)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{'https' if ssl_context is not None else 'http'}://127.0.0.1:{port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        with app.app_context():
            from craftwave.survey_app.extensions import db

            db.engine.dispose()


@contextmanager
def chromium_page(**context_options) -> Iterator[object]:
    """A fresh page in headless Debian chromium (skips the test where it is not installed)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium): install it with "
                    "scripts/system_deps.sh to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(**context_options)
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def serious_violations(page, where: str) -> list[tuple]:
    """axe-core's serious and critical violations on the page (after checking axe ran)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert len(results.response["passes"]) > 10, f"{where}: axe-core did not run"
    return [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
