"""A public participant who gives their email on their first page is sent their personal link
at once: queued in the outbox by the page, delivered by ``craftwave worker``'s pass to a real
loopback SMTP server (aiosmtpd), in their language and time zone, with the unsubscribe
headers, and only once however often the page is sent again or reloaded."""

from __future__ import annotations

import copy

import pytest
import yaml

from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import token_for
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.researcher import SentMessage
from craftwave.survey_app.worker import serve
from tests.survey_app.app_helpers import BACKENDS, DEMO_STUDY, Walker, question_names
from tests.survey_app.browser_helpers import chromium_page, serve_copy
from tests.survey_app.mail_helpers import Inbox, LoopbackSMTP
from tests.survey_app.test_app_browser_moves import shots  # noqa: F401 (a fixture)
from tests.survey_app.test_app_i18n import STUDY_DEF, de_app  # noqa: F401 (a fixture)

on_both = pytest.mark.parametrize("backend", BACKENDS, indirect=True)

STUDY = "de-link"
BASE = "https://survey.example.org"


@pytest.fixture
def link_app(de_app, tmp_path):  # noqa: F811 (the fixture imported above)
    """The German-English study with a one-week window for wave 1 (a closing date to show)."""
    from craftwave.survey_app.studies import load_study_file

    study = copy.deepcopy(STUDY_DEF)
    study["id"] = STUDY
    study["waves"][0]["window_days"] = 7
    path = tmp_path / "de-link.yaml"
    path.write_text(yaml.safe_dump(study, allow_unicode=True), encoding="utf-8")
    with de_app.app_context():
        load_study_file(path)
    return de_app


@pytest.fixture
def inbox(link_app):
    box = Inbox()
    with LoopbackSMTP(box) as server:
        link_app.config.update(MAIL_HOST="127.0.0.1", MAIL_PORT=server.port,
                               MAIL_SECURITY="none", MAIL_FROM="study@example.org",
                               PUBLIC_BASE_URL=BASE)
        yield box


def _worker_pass(app) -> None:
    serve(app, once=True)  # what `craftwave worker` runs every interval


def _outbox(app) -> list[tuple[str, int, str]]:
    with app.app_context():
        rows = db.session.execute(db.select(SentMessage.kind, SentMessage.wave,
                                            SentMessage.status)).all()
        return [tuple(r) for r in rows]


def _first_page(app, lang: str, zone: str) -> Walker:
    w = Walker(app.test_client())
    w.get(f"/study/{STUDY}?lang={lang}")
    w.post({"decision": "agree", "timezone": zone})
    w.post({"works": "1"})
    assert "/w/1/1" in w.url
    return w


@on_both
def test_the_personal_link_is_emailed_at_once_once_in_the_participants_language_and_zone(
        link_app, inbox, clock):
    # 23:30 UTC is 00:30 the next day in Berlin, and outside the study's sending hours there:
    # the participant asked for the link just now, so it goes all the same
    clock.advance(hours=14, minutes=30)
    w = _first_page(link_app, "de", "Europe/Berlin")
    names = question_names(w.html)
    w.post({names[0]: "2", "nav": "email", "contact_email": "teil@example.org"})
    assert "Wir senden ihn jetzt an teil@example.org" in w.html
    assert _outbox(link_app) == [("personal_link", 1, "queued")]
    # the same address again, a reload, and the page sent with Next: nothing more is queued
    w.post({names[0]: "2", "nav": "email", "contact_email": "teil@example.org"})
    w.get(w.url)
    w.post({names[0]: "2", names[1]: "3", "nav": "next", "contact_email": "teil@example.org"})
    assert "/w/1/2" in w.url
    assert _outbox(link_app) == [("personal_link", 1, "queued")]

    _worker_pass(link_app)
    assert inbox.to() == ["teil@example.org"]
    msg = inbox.messages[0]
    with link_app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.study_id == STUDY)).scalar_one()
        token, pid = token_for(p), p.pid
    assert msg["Subject"] == "Ihr persönlicher Link: Arbeit im Wandel"
    body = msg.get_content()
    assert f"{BASE}/s/{token}" in body and "Dies ist Ihr persönlicher Link" in body
    # wave 1 opened at 23:30 UTC on 5 January and closes a week later: 00:30 on 13 January
    # in Berlin, so the German date of the participant's own zone
    assert "Befragung 1 ist bis 13 Januar 2026 (Europe/Berlin) geöffnet." in body
    assert msg["Date"].endswith("+0100")
    assert msg["List-Unsubscribe"] == f"<{BASE}/u/{pid}/" + msg["List-Unsubscribe"].split("/")[-1]
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"{BASE}/u/{pid}/" in body  # the footer, as in every message without {unsubscribe}
    assert _outbox(link_app) == [("personal_link", 1, "sent")]
    # later passes send nothing more
    _worker_pass(link_app)
    w.post({names[0]: "2", "nav": "email", "contact_email": "teil@example.org"},
           url=w.url.replace("/w/1/2", "/w/1/1"))
    _worker_pass(link_app)
    assert len(inbox.messages) == 1


@on_both
def test_an_english_participant_gets_it_in_english(link_app, inbox):
    w = _first_page(link_app, "en", "America/New_York")
    w.post({"nav": "email", "contact_email": "worker@example.org"})
    assert "We are sending it to worker@example.org now" in w.html
    _worker_pass(link_app)
    msg = inbox.messages[0]
    assert msg["Subject"] == "Your personal link: Work over time"
    body = msg.get_content()
    assert "Thank you for taking part in Work over time." in body
    # 09:00 UTC on 5 January is 04:00 in New York; a week later, 12 January there
    assert "Survey 1 is open until 12 January 2026 (America/New_York)." in body
    assert msg["Date"].endswith("-0500")


@on_both
def test_an_address_given_with_next_alone_is_sent_the_link(link_app, inbox):
    """Enter in the email field sends the page with Next: the address counts all the same."""
    w = _first_page(link_app, "en", "Europe/Berlin")
    names = question_names(w.html)
    w.post({names[0]: "1", names[1]: "2", "nav": "next", "contact_email": "enter@example.org"})
    assert "/w/1/2" in w.url
    assert _outbox(link_app) == [("personal_link", 1, "queued")]
    _worker_pass(link_app)
    assert inbox.to() == ["enter@example.org"]


@on_both
def test_nothing_goes_to_who_withdrew_before_the_worker_came(link_app, inbox):
    w = _first_page(link_app, "en", "Europe/Berlin")
    w.post({"nav": "email", "contact_email": "gone@example.org"})
    token = w.url.split("/")[2]
    w.get(f"/s/{token}/withdraw")
    w.post({"kind": "stop_contact"})
    _worker_pass(link_app)
    assert inbox.messages == [] and _outbox(link_app) == []


@on_both
def test_a_bad_address_queues_nothing(link_app, inbox):
    w = _first_page(link_app, "en", "Europe/Berlin")
    w.post({"nav": "email", "contact_email": "not-an-address"})
    assert "Please enter an email address" in w.html
    _worker_pass(link_app)
    assert inbox.messages == [] and _outbox(link_app) == []


@pytest.mark.browser
@pytest.mark.slow
def test_in_chromium_the_link_asked_for_arrives_by_the_worker(sqlite_template, tmp_path,
                                                               shots):  # noqa: F811
    from craftwave.survey_app import create_app

    box = Inbox()
    with LoopbackSMTP(box) as smtp:
        mail = {"MAIL_HOST": "127.0.0.1", "MAIL_PORT": smtp.port, "MAIL_SECURITY": "none",
                "MAIL_FROM": "study@example.org", "PUBLIC_BASE_URL": BASE}
        with serve_copy(sqlite_template, tmp_path, **mail) as url, \
                chromium_page(viewport={"width": 360, "height": 740}, is_mobile=True,
                              has_touch=True) as page:
            page.goto(f"{url}/study/{DEMO_STUDY}")
            page.get_by_role("button", name="I agree and want to take part").click()
            page.wait_for_url("**/screening")
            page.locator("#f-gig_work").check()
            page.locator("#f-adult").check()
            page.get_by_role("button", name="Next").click()
            page.wait_for_url("**/w/1/1")
            page.locator("fieldset.question").nth(0).get_by_role("radio").nth(3).check()
            page.get_by_label("Your email address").fill("me@example.org")
            page.get_by_role("button", name="Email me my link").click()
            page.wait_for_selector("text=We are sending it to me@example.org now")
            assert page.locator("fieldset.question").nth(0).get_by_role("radio").nth(3).is_checked()
            link = page.locator(".resume-link a").first.get_attribute("href")
            shots(page, "9-personal-link-emailed", full_page=False)
            page.reload()  # a reload queues nothing more
            page.get_by_role("button", name="Email me my link").click()
            page.wait_for_selector("text=We are sending it to me@example.org now")
        worker_app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'browser.sqlite'}",
                                 "SECRET_KEY": "browser", **mail})
        _worker_pass(worker_app)
        _worker_pass(worker_app)
        with worker_app.app_context():
            db.engine.dispose()
    assert box.to() == ["me@example.org"]
    body = box.messages[0].get_content()
    # the same personal link as on the page, at the app's public address
    assert f"{BASE}/s/{link.rsplit('/s/', 1)[1]}" in body
    assert box.messages[0]["List-Unsubscribe"].startswith(f"<{BASE}/u/")


@on_both
def test_a_study_can_ask_for_no_address(link_app, inbox, tmp_path):
    """``recruitment.public_email: false``: the link is shown, no address is asked for or kept."""
    from craftwave.survey_app.models import Contact
    from craftwave.survey_app.studies import load_study_file

    study = copy.deepcopy(STUDY_DEF)
    study.update(id="de-anon", recruitment={"public": True, "public_email": False})
    path = tmp_path / "anon.yaml"
    path.write_text(yaml.safe_dump(study, allow_unicode=True), encoding="utf-8")
    with link_app.app_context():
        load_study_file(path)
    w = Walker(link_app.test_client())
    w.get("/study/de-anon?lang=en")
    w.post({"decision": "agree"})
    w.post({"works": "1"})
    assert "Your personal link" in w.html and 'id="contact_email"' not in w.html
    assert "by email" not in w.html
    names = question_names(w.html)
    resp = w.post({names[0]: "1", "nav": "email", "contact_email": "me@example.org"}, follow=False)
    assert resp.status_code == 200 and "Please enter an email address" in w.html  # (forged)
    w.post({names[0]: "1", names[1]: "2", "nav": "next", "contact_email": "me@example.org"})
    assert "/w/1/2" in w.url
    _worker_pass(link_app)
    with link_app.app_context():
        assert db.session.execute(db.select(Contact)).first() is None
    assert inbox.messages == [] and _outbox(link_app) == []


def test_the_new_study_fields_leave_existing_study_hashes_alone(tmp_path):
    from craftwave.instruments.study import load_study
    from tests.survey_app.app_helpers import DEMO_FILE

    raw = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    raw.pop("time_estimate_minutes", None)
    plain = tmp_path / "plain.yaml"
    plain.write_text(yaml.safe_dump(raw), encoding="utf-8")
    base = load_study(plain).content_hash
    raw["recruitment"]["public_email"] = True
    raw["time_estimate_minutes"] = None
    same = tmp_path / "same.yaml"
    same.write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert load_study(same).content_hash == base
    for key, value in (("public_email", False), ("time_estimate_minutes", 10)):
        changed = copy.deepcopy(raw)
        (changed["recruitment"] if key == "public_email" else changed)[key] = value
        other = tmp_path / f"{key}.yaml"
        other.write_text(yaml.safe_dump(changed), encoding="utf-8")
        assert load_study(other).content_hash != base


@on_both
def test_a_study_may_word_the_message_itself(link_app, inbox, tmp_path):
    from craftwave.survey_app.studies import load_study_file

    study = copy.deepcopy(STUDY_DEF)
    study["id"] = "de-worded"
    study["email_templates"]["personal_link"] = {
        "subject": {"en": "Keep this: {study_title}", "de": "Bitte aufheben: {study_title}"},
        "body": {"en": "Here it is: {link} ({minutes} minutes). Stop: {unsubscribe}",
                 "de": "Hier ist er: {link} ({minutes} Minuten). Abmelden: {unsubscribe}"}}
    path = tmp_path / "worded.yaml"
    path.write_text(yaml.safe_dump(study, allow_unicode=True), encoding="utf-8")
    with link_app.app_context():
        load_study_file(path)
    w = Walker(link_app.test_client())
    w.get("/study/de-worded?lang=de")
    w.post({"decision": "agree"})
    w.post({"works": "1"})
    w.post({"nav": "email", "contact_email": "eigen@example.org"})
    _worker_pass(link_app)
    msg = inbox.messages[0]
    assert msg["Subject"] == "Bitte aufheben: Arbeit im Wandel"
    body = msg.get_content()
    assert f"Hier ist er: {BASE}/s/" in body and "(5 Minuten). Abmelden: " + BASE + "/u/" in body
    assert "-- \n" not in body  # the template has {unsubscribe}: no footer added
