"""In Chromium: Back then Next keeps the page's answers, the public link opened again in the
same browser resumes, a lost session keeps the answers given, and the error summary's links
move the keyboard focus to the question. The pictures in docs/participants.md are taken here
(set ``CRAFTWAVE_SCREENSHOTS=docs/img/participants`` to write them there)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from craftwave.survey_app import create_app
from tests.survey_app.app_helpers import DEMO_STUDY
from tests.survey_app.browser_helpers import chromium_page, serious_violations, serve_copy

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def served(sqlite_template, tmp_path):
    with serve_copy(sqlite_template, tmp_path) as url:
        yield url, tmp_path / "browser.sqlite"


@pytest.fixture
def page():
    with chromium_page(viewport={"width": 360, "height": 740}, device_scale_factor=1,
                       is_mobile=True, has_touch=True) as pg:
        yield pg


@pytest.fixture
def shots(tmp_path):
    """Where screenshots go: docs/img/participants/ when asked for, else the test's folder."""
    target = os.environ.get("CRAFTWAVE_SCREENSHOTS")
    folder = (REPO / target) if target else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)

    def shoot(page, name: str, full_page: bool = True) -> None:
        page.screenshot(path=str(folder / f"{name}.png"), full_page=full_page)
        assert (folder / f"{name}.png").stat().st_size > 5000

    return shoot


def _participants(db_path: Path) -> int:
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}", "SECRET_KEY": "x"})
    with app.app_context():
        from craftwave.survey_app.extensions import db
        from craftwave.survey_app.models import Participant

        n = db.session.execute(db.select(db.func.count()).select_from(Participant)).scalar_one()
        db.engine.dispose()
    return n


def _answer_all(page, nth: int = 2) -> None:
    for group in page.locator("fieldset.question").all():
        group.get_by_role("radio").nth(nth).check()


def _checked(page) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries(
        [...document.querySelectorAll('input[type=radio]:checked')].map(i => [i.name, i.value]))""")


def _start(page, url: str, shots=None) -> None:
    page.goto(f"{url}/study/{DEMO_STUDY}")
    if shots:
        shots(page, "1-consent")
    page.get_by_role("button", name="I agree and want to take part").click()
    page.wait_for_url("**/screening")
    if shots:
        page.get_by_role("button", name="Next").click()
        page.wait_for_selector(".error-summary")
        shots(page, "2-screening-errors")
    page.locator("#f-gig_work").check()
    page.locator("#f-adult").check()
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/w/1/1")


def test_back_then_next_keeps_the_answers_of_both_pages(page, served, shots):
    url, _ = served
    _start(page, url, shots)
    assert page.get_by_role("heading", name="Your personal link").count() == 1
    shots(page, "3-first-page-personal-link", full_page=False)
    _answer_all(page, 3)
    first = _checked(page)
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/w/1/2")
    radios = page.locator("fieldset.question")
    for i in range(3):  # part of page 2 only
        radios.nth(i).get_by_role("radio").nth(1).check()
    partial = _checked(page)
    page.get_by_role("button", name="Back").click()
    page.wait_for_url("**/w/1/1")
    assert _checked(page) == first
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/w/1/2")
    assert _checked(page) == partial and len(partial) == 3


def test_the_public_link_opened_again_in_the_same_browser_resumes(page, served, shots):
    url, db_path = served
    _start(page, url)
    _answer_all(page)
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/w/1/2")
    page.goto(f"{url}/study/{DEMO_STUDY}")  # later, the same link from the same browser
    page.wait_for_url("**/w/1/2")
    assert "Before you start" not in page.content()
    assert _participants(db_path) == 1
    for n in (2, 3):
        _answer_all(page)
        page.get_by_role("button", name="Finish" if n == 3 else "Next").click()
    page.wait_for_url("**/w/1/done")
    assert "Survey 1 of 3 is complete" in page.content()
    shots(page, "6-done")


def test_a_lost_session_keeps_the_answers_given(page, served, shots):
    url, db_path = served
    _start(page, url)
    _answer_all(page, 4)
    given = _checked(page)
    page.context.clear_cookies()  # the session is gone while the page is open
    page.get_by_role("button", name="Next").click()
    page.wait_for_selector(".notice")
    assert "shown again" in page.locator(".notice").inner_text()
    assert _checked(page) == given
    shots(page, "5-lost-session-answers-kept", full_page=False)
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/w/1/2")


def test_error_links_move_the_focus_to_the_question(page, served, shots):
    url, _ = served
    _start(page, url)
    group = page.locator("fieldset.question").nth(0)
    group.get_by_role("radio").nth(0).check()  # one answered, the others missing
    page.get_by_role("button", name="Next").click()
    page.wait_for_selector(".error-summary")
    shots(page, "4-page-with-errors", full_page=False)
    assert serious_violations(page, "page with errors") == []
    links = page.locator(".error-summary a")
    assert links.count() == 9
    target = links.nth(3).get_attribute("href").lstrip("#")
    links.nth(3).click()
    assert page.evaluate("document.activeElement.id") == target
    # the focused question is one keypress from an answer
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True


def test_a_german_participant_in_chromium(sqlite_template, tmp_path, page, shots):
    import shutil

    import yaml

    from craftwave.instruments import LIBRARY_DIR
    from tests.survey_app.test_app_i18n import STUDY, STUDY_DEF
    from tests.survey_app.test_app_language import INSTRUMENT

    lib = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, lib)
    (lib / "bitask.yaml").write_text(yaml.safe_dump(INSTRUMENT, allow_unicode=True), "utf-8")
    study_file = tmp_path / "de.yaml"
    study_file.write_text(yaml.safe_dump(STUDY_DEF, allow_unicode=True), "utf-8")

    def seed(app):
        from craftwave.survey_app.studies import load_study_file

        with app.app_context():
            load_study_file(study_file)

    with serve_copy(sqlite_template, tmp_path, seed=seed, INSTRUMENT_LIBRARY=str(lib)) as url:
        page.set_extra_http_headers({"Accept-Language": "de-DE,de;q=0.9"})
        page.goto(f"{url}/study/{STUDY}")
        assert page.locator("html").get_attribute("lang") == "de"
        shots(page, "7-german-consent")
        page.get_by_role("button", name="Ich stimme zu und möchte teilnehmen").click()
        page.wait_for_url("**/screening")
        page.locator("#f-works").check()
        page.get_by_role("button", name="Weiter").click()
        page.wait_for_url("**/w/1/1")
        page.get_by_role("button", name="Weiter").click()
        page.wait_for_selector(".error-summary")
        assert "Bitte prüfen Sie 2 Antworten" in page.locator(".error-summary").inner_text()
        shots(page, "8-german-page-with-errors", full_page=False)
        assert serious_violations(page, "German page with errors and the switcher") == []
        # the switcher: the same page in English, the choice stored
        page.get_by_role("button", name="English").click()
        page.wait_for_url("**/w/1/1")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("button", name="Next").count() == 1
