"""The participant's everyday moves keep their answers: Back saves the page without asking for
the missing ones; a post whose session or CSRF token expired re-renders the page as typed."""

from __future__ import annotations

import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import participant_for_token, token_for
from craftwave.survey_app.models import Answer, AnswerHistory, WaveStatus
from tests.survey_app.app_helpers import BACKENDS, Walker, hidden_fields, question_names

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)


def _state(app, token: str) -> tuple[int, str, dict[str, float]]:
    """(next_page, status, answers by field name) of the participant's wave 1."""
    with app.app_context():
        p = participant_for_token(token)
        ws = db.session.get(WaveStatus, (p.id, 1))
        rows = db.session.execute(db.select(Answer.instrument_id, Answer.item_id, Answer.value)
                                  .filter_by(participant_id=p.id, wave=1)).all()
        return ws.next_page, ws.status, {f"{i}__{item}": v for i, item, v in rows
                                         if i != "screening"}


def _checked(html: str, name: str) -> str | None:
    import re

    m = re.search(rf'name="{name}" value="([^"]+)" checked', html)
    return m.group(1) if m else None


def test_back_saves_a_partly_answered_page_and_next_still_validates(app, client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    w.answer_page()  # page 1 done: on page 2
    assert "Page 2 of 3" in w.html
    names = question_names(w.html)
    partial = {names[0]: "2", names[1]: "5"}
    resp = w.post({**partial, "nav": "back"}, follow=False)
    assert resp.status_code == 303 and resp.location.endswith(f"/s/{token}/w/1/1")
    next_page, status, saved = _state(app, token)
    assert next_page == 1 and status == "started"  # kept, but not moved on
    assert {saved[n] for n in names[:2]} == {2.0, 5.0}
    # Next from page 1 comes back to page 2 with the two answers in place
    w.get(f"/s/{token}/w/1/1")
    w.answer_page()
    assert "Page 2 of 3" in w.html
    assert _checked(w.html, names[0]) == "2" and _checked(w.html, names[1]) == "5"
    # Next still asks for every required answer
    w.post({names[0]: "2", names[1]: "5"})
    assert "error-summary" in w.html and _state(app, token)[0] == 1


def test_back_on_the_last_page_does_not_finish_the_wave(app, client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    w.answer_page()
    w.answer_page()
    assert "Page 3 of 3" in w.html
    names = question_names(w.html)
    w.post({n: "1" for n in names} | {"nav": "back"})
    assert "Page 2 of 3" in w.html
    next_page, status, saved = _state(app, token)
    assert status == "started" and next_page == 2
    assert all(saved[n] == 1.0 for n in names)


def test_back_records_changes_and_skips_invalid_answers(app, client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    w.answer_page(value_for=lambda n, i: 3)
    w.answer_page(value_for=lambda n, i: 3)  # on page 3; pages 1-2 saved with 3s
    w.get(f"/s/{token}/w/1/2")
    names = question_names(w.html)
    w.post({names[0]: "4", names[1]: "99", "nav": "back"})  # 99 is not a choice
    assert "Page 1 of 3" in w.html
    _, _, saved = _state(app, token)
    assert saved[names[0]] == 4.0
    assert saved[names[1]] == 3.0  # the invalid answer left the saved one
    with app.app_context():
        changes = db.session.execute(db.select(
            AnswerHistory.instrument_id, AnswerHistory.item_id, AnswerHistory.old_value,
            AnswerHistory.new_value)).all()
    assert (*names[0].split("__"), 3.0, 4.0) in changes


def test_there_is_no_back_on_the_first_page(app, client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    assert 'value="back"' not in w.html and 'value="next"' in w.html
    names = question_names(w.html)
    w.post({names[0]: "1", "nav": "back"})  # a forged Back on page 1 is an ordinary Next
    assert "error-summary" in w.html


def test_a_post_after_the_session_was_lost_keeps_the_answers(app, client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    names = question_names(w.html)
    answers = {n: str(1 + i % 5) for i, n in enumerate(names)}
    stale = hidden_fields(w.html)
    # the cookie is gone (another browser profile, a cleared session): same form, no session
    fresh = Walker(app.test_client())
    resp = fresh.client.post(f"/s/{token}/w/1/1", data={**stale, **answers})
    # the form's CSRF secret comes from the personal link itself (as in MTurk's frame, where
    # no cookie reaches the app), so the page is saved as sent: nothing typed is lost
    assert resp.status_code == 303 and resp.location.endswith(f"/s/{token}/w/1/2")
    assert len(_state(app, token)[2]) == len(names)


def test_a_forged_token_is_still_refused_but_keeps_the_answers(app, client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    names = question_names(w.html)
    resp = client.post(f"/s/{token}/w/1/1", data={names[0]: "2", "csrf_token": "forged",
                                                  "shown": hidden_fields(w.html)["shown"]})
    assert resp.status_code == 200 and _checked(resp.get_data(as_text=True), names[0]) == "2"
    assert _state(app, token)[2] == {}


def test_screening_after_a_lost_session_keeps_the_answers(app, make_participant):
    token = make_participant(consented=True)
    w = Walker(app.test_client())
    w.get(f"/s/{token}/screening")
    resp = app.test_client().post(f"/s/{token}/screening",
                                  data={**hidden_fields(w.html), "gig_work": "1"})
    html = resp.get_data(as_text=True)
    # as above: the personal link carries the form's CSRF secret, so the answers are taken;
    # an invalid screening comes back with what was chosen
    assert resp.status_code == 200 and 'name="gig_work" value="1" checked' in html


def test_public_consent_after_a_lost_session_keeps_the_recruitment_id(app):
    from craftwave.survey_app.models import Participant as P

    pid = "5f1a2b3c4d5e6f7a8b9c0d1e"
    link = f"/study/test-study?PROLIFIC_PID={pid}&STUDY_ID=st01&SESSION_ID=se01"
    first = Walker(app.test_client())
    first.get(link)
    # the consent form is posted from a browser that lost the session cookie
    second = Walker(app.test_client())
    second.html, second.url = first.html, link
    second.post({"decision": "agree"})  # the form carries the signed entry (and its CSRF)
    assert "A few questions first" in second.html
    with app.app_context():
        p = db.session.execute(db.select(P)).scalar_one()
    assert p.external_id == pid and p.recruitment["study_id"] == "st01"


def _participants(app) -> list:
    from craftwave.survey_app.models import Participant as P

    with app.app_context():
        rows = db.session.execute(db.select(P).order_by(P.id)).scalars().all()
        for r in rows:
            db.session.expunge(r)
        return rows


def test_the_public_link_opened_again_in_the_same_browser_resumes(app, client):
    w = Walker(client)
    w.consent("/study/test-study")
    w.screen()
    assert "Page 1 of 3" in w.html
    people = _participants(app)
    assert len(people) == 1
    # the personal link is offered on the first page, to bookmark
    with app.app_context():
        link = f"/s/{token_for(people[0])}"
    assert link in w.html and "Your personal link" in w.html
    w.answer_page()
    w.get("/study/test-study")  # the public link again, same browser
    assert "Page 2 of 3" in w.html and "Before you start" not in w.html
    assert len(_participants(app)) == 1
    # another browser is another participant
    other = Walker(app.test_client())
    other.get("/study/test-study")
    assert "Before you start" in other.html


def test_recruitment_ids_are_normalised_before_they_identify_anyone(app):
    pid = "5f1a2b3c4d5e6f7a8b9c0d1e"
    Walker(app.test_client()).consent(f"/study/test-study?PROLIFIC_PID={pid}")
    # the same id with a trailing newline, spaces or capitals, in another browser
    for variant in (f"{pid}%0A", f"%20{pid}%20", pid.upper()):
        w = Walker(app.test_client())
        w.get(f"/study/test-study?PROLIFIC_PID={variant}")
        assert "A few questions first" in w.html  # resumed: straight to the screening
    people = _participants(app)
    assert [(p.source, p.external_id) for p in people] == [("prolific", pid)]
    # a personal link is not offered to who came with a recruitment id
    w.screen()
    assert "Your personal link" not in w.html


@pytest.mark.parametrize("query, named", [
    ("PROLIFIC_PID=5f1a2b3c4d", "is not a Prolific ID"),
    ("PROLIFIC_PID=5f1a2b3c4d5e6f7a8b9c0d1z", "is not a Prolific ID"),
    ("PROLIFIC_PID=%0A", "lacks its 'PROLIFIC_PID' parameter"),
    ("workerId=W12345&assignmentId=3X4J&turkSubmitTo=https%3A%2F%2Fwww.mturk.com",
     "is not an MTurk worker ID"),
])
def test_malformed_recruitment_ids_get_a_clear_400(app, client, query, named):
    resp = client.get(f"/study/test-study?{query}")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400 and named in html.replace("&#39;", "'")
    assert "open the study again" in html or "lacks" in html
    assert _participants(app) == []


def test_the_small_things_participants_notice(app, client, make_participant):
    w = Walker(client)
    w.get("/study/test-study")
    assert "Each survey takes about 10 minutes." in w.html and "There are 3 surveys" in w.html
    copy = client.get("/study/test-study/consent-text").get_data(as_text=True)
    assert "Consent version 2026-11-v1" in copy and "pseudonymous code" in copy
    assert '<form' not in copy  # a page to print, nothing to submit
    token = make_participant(consented=True, eligible=True)
    w.get(f"/s/{token}")
    assert "Survey 1 of 3 · Page 1 of 3" in w.html
    assert f'href="/s/{token}/withdraw"' in w.html
    w.get(f"/s/{token}/withdraw")
    assert "Withdraw from the study" in w.html  # the heading ...
    assert f'href="/s/{token}/withdraw"' not in w.html  # ... but no link to itself
    w.post({})
    assert 'href="#f-kind"' in w.html and 'id="f-kind"' in w.html
    w.post({"kind": "stop_contact"})
    assert "You have withdrawn" in w.html and f'href="/s/{token}/withdraw"' not in w.html
    assert w.client.get(f"/s/{token}").status_code == 404  # withdrawal ends the personal link


def test_error_summary_links_point_at_each_questions_first_input(app, client, make_participant):
    import re

    token = make_participant(consented=True)
    w = Walker(client)
    w.get(f"/s/{token}/screening")
    w.post({})
    assert "Please check 2 answers" in w.html
    for target in re.findall(r'<li><a href="#([^"]+)"', w.html):
        assert f'id="{target}"' in w.html and re.search(rf'<input type="radio" id="{target}"', w.html)
    w.post({"gig_work": "1", "adult": "1"})
    w.post({})
    targets = re.findall(r'<li><a href="#([^"]+)"', w.html)
    assert len(targets) == len(question_names(w.html))
    assert all(re.search(rf'<input type="radio" id="{t}" name="{t[2:]}"', w.html) for t in targets)


def test_link_parameters_cannot_break_the_links_built_from_them(app, client):
    resp = client.get("/study/test-study?study_id=other&lang=xx")
    assert resp.status_code == 200
    assert 'action="/study/test-study/consent?lang=xx"' in resp.get_data(as_text=True)


def test_consent_from_a_second_tab_resumes_the_first(app, client):
    w = Walker(client)
    w.get("/study/test-study")
    tab2 = w.html
    w.post({"decision": "agree"})
    assert "A few questions first" in w.html
    w.html = tab2  # the consent page left open in another tab of the same browser
    w.post({"decision": "agree"})
    assert "A few questions first" in w.html
    assert len(_participants(app)) == 1


def _contact(app) -> str | None:
    from craftwave.survey_app.models import Contact

    with app.app_context():
        return db.session.execute(db.select(Contact.email)).scalar_one_or_none()


def test_a_public_participant_may_have_the_link_emailed_keeping_the_page(app, client):
    w = Walker(client)
    w.consent("/study/test-study")
    w.screen()
    names = question_names(w.html)
    assert 'id="contact_email"' in w.html
    w.post({names[0]: "2", "nav": "email", "contact_email": "not-an-address"})
    assert "Please enter an email address" in w.html and 'href="#contact_email"' in w.html
    assert _checked(w.html, names[0]) == "2" and _contact(app) is None
    w.post({names[0]: "2", names[1]: "4", "nav": "email", "contact_email": " me@example.org "})
    assert "Page 1 of 3" in w.html and "We are sending it to me@example.org now" in w.html
    assert _contact(app) == "me@example.org"
    assert _checked(w.html, names[0]) == "2" and _checked(w.html, names[1]) == "4"  # kept
    # Enter in the email field sends the page with Next: a new address is kept too
    w.answer_page()
    assert "Page 2 of 3" in w.html


def test_no_email_option_for_who_came_with_a_recruitment_id(app):
    w = Walker(app.test_client())
    w.consent("/study/test-study?PROLIFIC_PID=5f1a2b3c4d5e6f7a8b9c0d1e")
    w.screen()
    assert 'id="contact_email"' not in w.html
    names = question_names(w.html)
    resp = w.post({names[0]: "1", "nav": "email", "contact_email": "me@example.org"},
                  follow=False)
    assert resp.status_code == 200 and "Please enter an email address" in w.html
    assert _contact(app) is None
