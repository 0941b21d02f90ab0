"""Switching language mid-page keeps what was typed: the switcher's buttons belong to the page's
own form, so a switch posts the page (kept as Back keeps it, without the required check) and it
comes back in the other language; Enter in an answer still means Next. No JavaScript."""

from __future__ import annotations

import shutil

import pytest
import yaml

from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import participant_for_token
from craftwave.survey_app.models import Answer, Participant, WaveStatus
from tests.survey_app.app_helpers import BACKENDS, Walker, question_names
from tests.survey_app.browser_helpers import chromium_page, serious_violations, serve_copy
from tests.survey_app.test_app_browser_moves import shots  # noqa: F401 (a fixture)
from tests.survey_app.test_app_i18n import STUDY, STUDY_DEF, de_app  # noqa: F401 (a fixture)
from tests.survey_app.test_app_language import INSTRUMENT


def _checked(html: str, name: str) -> str | None:
    import re

    m = re.search(rf'name="{name}" value="([^"]+)" checked', html)
    return m.group(1) if m else None


def _state(app, token: str):
    with app.app_context():
        p = participant_for_token(token)
        ws = db.session.get(WaveStatus, (p.id, 1))
        answers = {item: v for item, v in db.session.execute(
            db.select(Answer.item_id, Answer.value).filter_by(participant_id=p.id, wave=1,
                                                              instrument_id="bitask")).all()}
        return p.language, ws.next_page, ws.status, answers


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_a_switch_keeps_the_pages_answers_both_ways(de_app):  # noqa: F811
    w = Walker(de_app.test_client())
    w.get(f"/study/{STUDY}")
    w.post({"decision": "agree"})
    w.post({"works": "1"})
    token = w.url.split("/")[2]
    names = question_names(w.html)
    assert "English statement" in w.html and 'form="page-form" name="switch_lang" value="de"' in w.html
    w.post({names[0]: "3", "switch_lang": "de"})  # one of two answered: no "please answer"
    assert w.url == f"/s/{token}/w/1/1" and '<html lang="de">' in w.html
    assert "Deutsche Aussage" in w.html and "Bitte" not in w.html
    assert _checked(w.html, names[0]) == "3"
    assert _state(de_app, token) == ("de", 0, "started", {"1": 3.0})  # kept, not advanced
    w.post({names[0]: "3", names[1]: "1", "switch_lang": "en"})
    assert '<html lang="en">' in w.html and "English statement" in w.html
    assert _checked(w.html, names[0]) == "3" and _checked(w.html, names[1]) == "1"
    # a language the study does not have changes nothing but still keeps the answers
    w.post({names[0]: "2", names[1]: "1", "switch_lang": "fr"})
    assert '<html lang="en">' in w.html and _checked(w.html, names[0]) == "2"
    assert _state(de_app, token)[0] == "en"
    # Next still validates and goes on
    w.post({names[0]: "2", names[1]: "1", "nav": "next"})
    assert w.url == f"/s/{token}/w/1/2"


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_an_answer_that_fails_its_check_comes_back_with_its_error(de_app):  # noqa: F811
    w = Walker(de_app.test_client())
    w.get(f"/study/{STUDY}")
    w.post({"decision": "agree"})
    w.post({"works": "1"})
    token = w.url.split("/")[2]
    names = question_names(w.html)
    resp = w.post({names[0]: "3", names[1]: "9", "switch_lang": "de"}, follow=False)
    assert resp.status_code == 200 and '<html lang="de">' in w.html
    assert "error-summary" in w.html and _checked(w.html, names[0]) == "3"
    assert _state(de_app, token)[::3] == ("de", {"1": 3.0})  # the valid one was kept


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_screening_answers_survive_a_switch(de_app):  # noqa: F811
    w = Walker(de_app.test_client())
    w.get(f"/study/{STUDY}")
    w.post({"decision": "agree"})
    assert "/screening" in w.url and 'form="screening-form"' in w.html
    w.post({"works": "0", "switch_lang": "de"})
    assert '<html lang="de">' in w.html and "Arbeiten Sie?" in w.html
    assert 'value="0" checked' in w.html
    with de_app.app_context():
        p = db.session.execute(db.select(Participant)).scalar_one()
        assert (p.language, p.eligibility) == ("de", "pending")  # nothing decided by a switch


@pytest.mark.browser
@pytest.mark.slow
def test_answers_typed_on_a_page_survive_a_switch_in_chromium(sqlite_template, tmp_path,
                                                             shots):  # noqa: F811
    lib = tmp_path / "library"
    from craftwave.instruments import LIBRARY_DIR

    shutil.copytree(LIBRARY_DIR, lib)
    (lib / "bitask.yaml").write_text(yaml.safe_dump(INSTRUMENT, allow_unicode=True), "utf-8")
    study_file = tmp_path / "de.yaml"
    study_file.write_text(yaml.safe_dump(STUDY_DEF, allow_unicode=True), "utf-8")

    def seed(app):
        from craftwave.survey_app.studies import load_study_file

        with app.app_context():
            load_study_file(study_file)

    def checked(page) -> dict[str, str]:
        return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
            'input[type=radio]:checked')].map(i => [i.name, i.value]))""")

    with serve_copy(sqlite_template, tmp_path, seed=seed, INSTRUMENT_LIBRARY=str(lib)) as url, \
            chromium_page(viewport={"width": 360, "height": 740}, is_mobile=True,
                          has_touch=True) as page:
        page.goto(f"{url}/study/{STUDY}")
        page.get_by_role("button", name="I agree and want to take part").click()
        page.wait_for_url("**/screening")
        page.locator("#f-works").check()
        # the screening's answer survives a switch too
        page.get_by_role("button", name="Deutsch").click()
        page.wait_for_selector("html[lang=de]")
        assert page.locator("#f-works").is_checked()
        page.get_by_role("button", name="Weiter").click()
        page.wait_for_url("**/w/1/1")
        groups = page.locator("fieldset.question")
        groups.nth(0).get_by_role("radio").nth(2).check()
        typed = checked(page)
        assert len(typed) == 1
        # German to English: the answer typed on the page is there
        page.get_by_role("button", name="English").click()
        page.wait_for_selector("html[lang=en]")
        assert "English statement" in page.content() and checked(page) == typed
        assert page.url.endswith("/w/1/1")
        groups.nth(1).get_by_role("radio").nth(0).check()
        typed = checked(page)
        # English to German: both answers are there
        page.get_by_role("button", name="Deutsch").click()
        page.wait_for_selector("html[lang=de]")
        assert "Deutsche Aussage" in page.content() and checked(page) == typed
        shots(page, "10-language-switched-answers-kept")
        assert serious_violations(page, "German page after a switch") == []
        # Enter in the email field is Next, not a language button (they come first in the page)
        page.locator("#contact_email").press("Enter")
        page.wait_for_url("**/w/1/2")
        assert page.locator("html").get_attribute("lang") == "de"
        # on a later page, and back: nothing lost
        page.locator("fieldset.question").nth(0).get_by_role("radio").nth(1).check()
        later = checked(page)
        page.get_by_role("button", name="English").click()
        page.wait_for_selector("html[lang=en]")
        assert checked(page) == later and page.url.endswith("/w/1/2")
        page.get_by_role("button", name="Back").click()
        page.wait_for_url("**/w/1/1")
        assert checked(page) == typed
