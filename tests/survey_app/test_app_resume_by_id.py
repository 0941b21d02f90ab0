"""A recruitment id is not a secret: a browser that knows only a participant's Prolific or MTurk
id resumes at the first unanswered page, sees and changes no saved answer, has no withdraw or
delete form, and may only ask for deletion (queued for the researcher, audited)."""

from __future__ import annotations

import re

import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import participant_for_token
from craftwave.survey_app.models import Answer, Participant, WithdrawalRequest
from craftwave.survey_app.models.researcher import AuditEntry
from tests.survey_app.app_helpers import BACKENDS, DEMO_STUDY, Walker, question_names
from tests.survey_app.browser_helpers import chromium_page, serve_copy
from tests.survey_app.researcher_fixtures import csrf_of

PID = "5f00aa11bb22cc33dd44ee55"
PROLIFIC = f"/study/{DEMO_STUDY}?PROLIFIC_PID={PID}&STUDY_ID=st01&SESSION_ID=se01"
MTURK = (f"/study/{DEMO_STUDY}?assignmentId=A1B2C3&hitId=H9&workerId=A0WORKER0777"
         "&turkSubmitTo=https://workersandbox.mturk.com")


def _answers(app) -> list[tuple]:
    with app.app_context():
        return db.session.execute(db.select(Answer.item_id, Answer.value, Answer.page)
                                  .order_by(Answer.item_id)).all()


def _owner_start(app, url=PROLIFIC) -> tuple[Walker, str]:
    """The real participant: consents, screens, answers page 1 with 2s; returns their token."""
    w = Walker(app.test_client())
    w.consent(url)
    w.screen()
    assert "Page 1 of 3" in w.html
    w.answer_page(value_for=lambda n, i: 2)
    assert "Page 2 of 3" in w.html
    return w, w.url.split("/")[2]


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_id_alone_resumes_at_first_unanswered_page_and_reveals_nothing(app):
    owner, token = _owner_start(app)
    before = _answers(app)
    assert before and 2.0 in {value for _item, value, _page in before}

    other = Walker(app.test_client())
    resp = other.client.get(PROLIFIC)
    assert resp.status_code == 303 and "/s/" not in resp.location and token not in resp.location
    other.get(PROLIFIC)
    assert other.url == f"/study/{DEMO_STUDY}/continue/w/1/2" and "Page 2 of 3" in other.html
    assert token not in other.html and "/s/" not in other.html
    assert " checked" not in other.html  # page 2 has no saved answer; nothing is pre-checked
    assert "Back" not in other.html
    assert "Withdraw" not in other.html and "/withdraw" not in other.html
    assert "Ask for your answers to be deleted" in other.html

    # page 1 is locked: not shown, and a post to it changes nothing
    resp = other.client.get(f"/study/{DEMO_STUDY}/continue/w/1/1")
    assert resp.status_code == 303 and resp.location.endswith("/continue/w/1/2")
    page2 = other.html
    names1 = question_names(owner.client.get(f"/s/{token}/w/1/1").get_data(as_text=True))
    resp = other.client.post(f"/study/{DEMO_STUDY}/continue/w/1/1",
                             data={"csrf_token": csrf_of(page2), **{n: "5" for n in names1}})
    assert resp.status_code == 303 and resp.location.endswith("/continue/w/1/2")
    assert _answers(app) == before
    # the personal link's pages stay out of reach of the id-only browser
    assert other.client.get(f"/study/{DEMO_STUDY}/continue/w/1/3").status_code == 303

    # the first unanswered page is taken and stored once
    other.answer_page(value_for=lambda n, i: 4)
    assert other.url == f"/study/{DEMO_STUDY}/continue/w/1/3"
    after = _answers(app)
    assert len(after) > len(before) and set(before) <= set(after)
    # the real participant still reads back their own answers with the personal link
    back = owner.client.get(f"/s/{token}/w/1/1").get_data(as_text=True)
    assert back.count(" checked") == len(names1)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(Participant)).scalar_one() == 1


def test_id_only_session_may_only_ask_for_deletion(app, owner_client):
    _, token = _owner_start(app)
    before = _answers(app)
    other = Walker(app.test_client())
    other.get(PROLIFIC)
    form = other.get(f"/study/{DEMO_STUDY}/continue/delete")
    assert form.status_code == 200 and "confirm it with you" in other.html
    for _ in range(2):  # a second click queues nothing more
        resp = other.client.post(f"/study/{DEMO_STUDY}/continue/delete",
                                 data={"csrf_token": csrf_of(other.html)})
        assert resp.status_code == 200 and "request was sent" in resp.get_data(as_text=True)
    assert other.client.post(f"/study/{DEMO_STUDY}/continue/delete", data={}).status_code == 400
    assert _answers(app) == before
    with app.app_context():
        p = participant_for_token(token)
        assert p.withdrawal == "none" and p.link_generation == 1  # nothing changed, link works
        reqs = db.session.execute(db.select(WithdrawalRequest.kind)
                                  .where(WithdrawalRequest.participant_id == p.id)).scalars().all()
        audit = db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "withdrawal")
                                   ).scalars().all()
        assert reqs == ["delete_request"]
        assert [(a.target, a.detail["kind"]) for a in audit] == [(p.pid, "delete_request")]
        pid = p.pid
    # the researcher sees it, with the way to act on it
    dash = owner_client.get(f"/researcher/study/{DEMO_STUDY}").get_data(as_text=True)
    assert "1 withdrawal request(s) waiting" in dash
    page = owner_client.get(f"/researcher/study/{DEMO_STUDY}/withdrawals").get_data(as_text=True)
    assert pid in page and "delete_request" in page and "Delete all data" in page
    assert owner_client.get(f"/s/{token}").status_code in (200, 303)


def test_consenting_with_a_known_id_in_another_browser_gives_no_personal_link(app):
    """Two browsers open the link with the same id before either consents."""
    first, second = Walker(app.test_client()), Walker(app.test_client())
    first.get(PROLIFIC)
    second.get(PROLIFIC)
    first.post({"decision": "agree"})
    assert first.url.startswith("/s/")
    token = first.url.split("/")[2]
    resp = second.post({"decision": "agree"}, follow=False)
    assert resp.status_code == 303
    assert "/s/" not in resp.location and resp.location.endswith(f"/study/{DEMO_STUDY}/continue")
    second.get(resp.location)
    assert token not in second.html


def test_mturk_id_resumes_the_same_way_and_withdrawal_ends_it(app):
    owner, token = _owner_start(app, MTURK)
    other = Walker(app.test_client())
    other.get(MTURK)
    # MTurk frames the HIT, where no cookie is sent: the id-only session rides in the URL
    assert other.url.split("?")[0].endswith("/continue/w/1/2") and "?r=" in other.url
    assert token not in other.html
    resumed = other.url
    # the participant withdraws with their personal link: the id-only session ends with it
    owner.get(f"/s/{token}/withdraw")
    owner.post({"kind": "delete"})
    assert other.client.get(resumed).status_code == 404
    other.get(MTURK)
    assert "You have withdrawn" in other.html and "Page" not in other.html


def test_a_browser_with_no_id_only_session_gets_404(app):
    client = app.test_client()
    for url in ("/continue", "/continue/w/1/1", "/continue/delete"):
        assert client.get(f"/study/{DEMO_STUDY}{url}").status_code == 404


@pytest.mark.browser
@pytest.mark.slow
def test_chromium_with_only_the_prolific_id_sees_and_changes_nothing(sqlite_template, tmp_path):
    with serve_copy(sqlite_template, tmp_path) as url, chromium_page() as page:
        # the participant, in their own browser context
        page.goto(f"{url}{PROLIFIC}")
        page.get_by_role("button", name="I agree and want to take part").click()
        page.wait_for_url("**/screening")
        for group in page.locator("fieldset").all():
            group.locator("input[type=radio]").first.check()
        page.get_by_role("button", name="Next").click()
        page.wait_for_url("**/w/1/1")
        for group in page.locator("fieldset").all():
            group.locator("input[type=radio]").nth(1).check()
        page.get_by_role("button", name="Next").click()
        page.wait_for_url("**/w/1/2")
        token = re.search(r"/s/([^/]+)/", page.url).group(1)
        page.context.clear_cookies()  # a new browser: nothing but the id

        page.goto(f"{url}{PROLIFIC}")
        page.wait_for_url("**/continue/w/1/2")
        assert token not in page.content()
        assert page.locator("input[type=radio]:checked").count() == 0
        assert page.get_by_role("link", name="Back").count() == 0
        assert page.get_by_role("link", name=re.compile("Withdraw")).count() == 0
        page.goto(f"{url}/study/{DEMO_STUDY}/continue/w/1/1")  # the answered page is locked
        page.wait_for_url("**/continue/w/1/2")
        page.get_by_role("link", name="Ask for your answers to be deleted").click()
        page.wait_for_url("**/continue/delete")
        page.get_by_role("button", name="Send the request").click()
        page.wait_for_selector("text=Your request was sent")
        page.goto(f"{url}/s/{token}/w/1/1")  # the participant's own link still shows their answers
        assert page.locator("input[type=radio]:checked").count() > 0
