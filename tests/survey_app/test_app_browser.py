"""A real browser (Playwright driving Debian's chromium) completes a wave on a phone screen.

axe-core (bundled by ``axe-playwright-python``, no CDN) must find no serious or critical
accessibility violation on the consent, screening, survey (also with errors) and completion
pages. Part of the wave is done with the keyboard only.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from app_helpers import DEMO_STUDY

from survey_app import create_app
from survey_app.pgtemp import free_port

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def live_url(sqlite_template, tmp_path):
    from werkzeug.serving import make_server

    path = tmp_path / "browser.sqlite"
    shutil.copy(sqlite_template, path)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SECRET_KEY": "browser"})
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()
    with app.app_context():
        from survey_app.extensions import db

        db.engine.dispose()


@pytest.fixture
def page():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium): install it with "
                    "scripts/system_deps.sh to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                      is_mobile=True, has_touch=True)
        pg = context.new_page()
        yield pg
        context.close()
        browser.close()


def assert_accessible(page, where: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [(v["id"], v["impact"], v["help"]) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{where}: {bad}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{where}: the page scrolls sideways on a 360-px screen ({width} px)"


def test_phone_user_completes_a_wave_with_no_serious_accessibility_violation(page, live_url):
    page.goto(f"{live_url}/study/{DEMO_STUDY}")
    assert page.title().startswith("Consent")
    assert_accessible(page, "consent")
    page.get_by_role("button", name="I agree and want to take part").click()

    page.wait_for_url("**/screening")
    assert_accessible(page, "screening")
    # keyboard only: Tab into each radio group, Space picks the focused option
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # first group, first option ("Yes")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # second group
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the Next button
    page.keyboard.press("Enter")

    page.wait_for_url("**/w/1/1")
    assert page.locator("progress").count() == 1
    assert_accessible(page, "survey page")
    page.get_by_role("button", name="Next").click()  # nothing answered
    page.wait_for_selector(".error-summary")
    assert page.locator("p.error").count() == 10
    assert_accessible(page, "survey page with errors")
    for n in range(1, 4):
        if n > 1:
            page.wait_for_url(f"**/w/1/{n}")
        for group in page.locator("fieldset.question").all():
            group.get_by_role("radio").nth(2).check()
        if n == 2:  # Back keeps the answers given
            page.get_by_role("link", name="Back").click()
            page.wait_for_url("**/w/1/1")
            assert page.locator("input[type=radio]:checked").count() == 10
            page.get_by_role("button", name="Next").click()
            page.wait_for_url("**/w/1/2")
            for group in page.locator("fieldset.question").all():
                group.get_by_role("radio").nth(2).check()
        page.get_by_role("button", name="Finish" if n == 3 else "Next").click()
    page.wait_for_url("**/w/1/done")
    assert "completion code" in page.content()
    assert_accessible(page, "completion")
    page.get_by_role("link", name="Withdraw from the study").click()
    page.wait_for_url("**/withdraw")
    assert_accessible(page, "withdraw")
