"""A real browser (Playwright driving Debian's chromium) completes a wave on a phone screen.

axe-core (bundled by ``axe-playwright-python``, no CDN) must find no serious or critical
accessibility violation on the consent, screening, survey (also with errors) and completion
pages. Part of the wave is done with the keyboard only.
"""

from __future__ import annotations

import pytest

from tests.survey_app.app_helpers import DEMO_STUDY
from tests.survey_app.browser_helpers import chromium_page, serious_violations, serve_copy

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def live_url(sqlite_template, tmp_path):
    with serve_copy(sqlite_template, tmp_path) as url:
        yield url


@pytest.fixture
def page():
    with chromium_page(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                       is_mobile=True, has_touch=True) as pg:
        yield pg


def assert_accessible(page, where: str) -> None:
    bad = serious_violations(page, where)
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
        if n == 2:  # Back keeps the answers given on this page and the one before
            n_here = page.locator("input[type=radio]:checked").count()
            page.get_by_role("button", name="Back").click()
            page.wait_for_url("**/w/1/1")
            assert page.locator("input[type=radio]:checked").count() == 10
            page.get_by_role("button", name="Next").click()
            page.wait_for_url("**/w/1/2")
            assert page.locator("input[type=radio]:checked").count() == n_here > 0
        page.get_by_role("button", name="Finish" if n == 3 else "Next").click()
    page.wait_for_url("**/w/1/done")
    assert "completion code" in page.content()
    assert_accessible(page, "completion")
    page.get_by_role("link", name="Withdraw from the study").click()
    page.wait_for_url("**/withdraw")
    assert_accessible(page, "withdraw")
