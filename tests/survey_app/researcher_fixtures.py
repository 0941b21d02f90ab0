"""Fixtures (made visible by ``conftest.py``) and helpers of the test_researcher_* modules.

A small study of our own (two waves: icraft with an attention check, and three profile
questions whose scales have a "prefer not to say" code), researcher accounts, a logged-in
client, and helpers that walk participants through waves with the app's own functions.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

__all__ = ["analyst_client", "make_researcher", "owner_client", "researcher_tables", "rs_study"]

RS_STUDY = "rs-study"
PASSWORD = "correct horse battery staple"

STUDY_YAML = """
id: rs-study
title: {en: Researcher-side test study}
languages: [en]
consent: {version: "v1", text: {en: "You agree to take part."}}
recruitment: {public: true, invitations: {enabled: true}}
waves:
  - number: 1
    pages:
      - id: crafting
        blocks: [{instrument: icraft}]
        attention_checks: [{instrument: attn, id: "1", position: 3}]
      - id: about
        blocks: [{instrument: profile, items: [income_share, age, gender]}]
  - number: 2
    after_days: 30
    window_days: 14
    pages:
      - id: crafting
        blocks: [{instrument: icraft}]
reminders: {days_after_open: [3, 7], max_count: 2}
email_templates:
  invitation:
    subject: {en: "Survey {wave} of {study_title} is open"}
    body: {en: "Hello,\\n\\nyour survey is open until {closes_on}: {link}\\n"}
  reminder:
    subject: {en: "Reminder: survey {wave}"}
    body: {en: "Hello,\\n\\na reminder, the survey closes on {closes_on}: {link}\\n"}
"""

_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]*)"')


def csrf_of(html: str) -> str:
    m = _CSRF.search(html)
    if m is None:
        raise AssertionError("no csrf_token on the page")
    return unescape(m.group(1))


@pytest.fixture
def researcher_tables(app, backend):
    """On the shared PostgreSQL database, empty the researcher side's tables first (the app
    fixture empties the participant side's)."""
    if backend == "postgres":
        from craftwave.survey_app.extensions import db

        with app.app_context(), db.engine.begin() as conn:
            conn.exec_driver_sql("TRUNCATE researchers, audit_log, sent_messages RESTART IDENTITY CASCADE")


@pytest.fixture
def rs_study(app, tmp_path, researcher_tables) -> str:
    """Load the researcher-side test study into the app's database."""
    from craftwave.survey_app.studies import load_study_file

    path = tmp_path / "rs-study.yaml"
    path.write_text(STUDY_YAML, encoding="utf-8")
    with app.app_context():
        load_study_file(path)
    return RS_STUDY


@pytest.fixture
def make_researcher(app, researcher_tables):
    """Factory: a researcher account (``role`` owner or analyst); returns the email."""
    from craftwave.survey_app.accounts import add_researcher

    def make(email: str = "owner@example.org", role: str = "owner") -> str:
        with app.app_context():
            add_researcher(email, PASSWORD, role, actor="test")
        return email

    return make


def login(client, email: str, password: str = PASSWORD):
    page = client.get("/researcher/login")
    return client.post("/researcher/login", data={
        "csrf_token": csrf_of(page.get_data(as_text=True)), "email": email, "password": password})


@pytest.fixture
def owner_client(app, make_researcher):
    client = app.test_client()
    resp = login(client, make_researcher("owner@example.org", "owner"))
    assert resp.status_code == 303
    return client


@pytest.fixture
def analyst_client(app, make_researcher):
    client = app.test_client()
    resp = login(client, make_researcher("analyst@example.org", "analyst"))
    assert resp.status_code == 303
    return client


def join(app, email: str = "analyst@example.org", study_id: str = RS_STUDY,
         role: str = "analyst", identifiers: bool | None = None) -> None:
    """Make a researcher a member of a study (the rights service, as the CLI does)."""
    from craftwave.survey_app.rights import add_member

    with app.app_context():
        add_member(study_id, email, role, "test", identifiers=identifiers)


# -- participants --------------------------------------------------------------------------
def enrol(app, study_id: str = RS_STUDY, email: str | None = None, source: str = "invitation",
          external_id: str | None = None, consent: bool = True) -> str:
    """A participant (with an email when given), consented by default; returns the pid."""
    from craftwave.survey_app import clock
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Contact
    from craftwave.survey_app.progress import create_participant, record_consent
    from craftwave.survey_app.studies import get_study

    with app.app_context():
        now = clock.now()
        p = create_participant(study_id, source, external_id, {"note": "x"} if external_id else {}, now)
        if email:
            db.session.add(Contact(participant_id=p.id, email=email, created_at=now))
        if consent:
            record_consent(p, get_study(study_id), now)
        db.session.commit()
        return p.pid


def answer_wave(app, pid: str, wave: int, value_for=None, seconds_per_page: float = 60.0,
                pages: int | None = None) -> dict[str, float]:
    """Answer (the first ``pages``) pages of a wave as the participant would; returns the answers
    by variable name. ``value_for(question, index)`` gives each answer (default: the scale's
    substantive values in turn, attention checks as instructed)."""
    from craftwave.instruments.names import item_var
    from craftwave.survey_app import clock
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Participant, WaveStatus
    from craftwave.survey_app.progress import current_wave, save_page
    from craftwave.survey_app.studies import get_study

    def default(q, i):
        if q.is_check:
            return q.item.expected
        return q.scale.substantive_values[i % len(q.scale.substantive_values)]

    value_for = value_for or default
    answers = {}
    with app.app_context():
        fake = app.config["CLOCK"]
        p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one()
        cs = get_study(p.study_id)
        current_wave(p, cs.study, clock.now(), create=True)
        ws = db.session.get(WaveStatus, (p.id, wave))
        assert ws is not None, f"wave {wave} is not open for {pid}"
        for page in cs.pages[wave][:pages]:
            shown = clock.now()
            fake.advance(seconds=seconds_per_page)
            values = {}
            for i, q in enumerate(page.all_questions):
                values[q.name] = value_for(q, i)
                answers[item_var(q.instrument.prefix, q.item_id, wave)] = values[q.name]
            save_page(p, ws, page, values, shown, page.order_for(p.pid), clock.now())
        db.session.commit()
    return answers


def pid_row_counts(app, pid: str) -> dict[str, int]:
    """Rows that refer to a participant, per table (by database id, looked up once)."""
    from craftwave.survey_app.extensions import db

    with app.app_context():
        pk = db.session.execute(db.text("SELECT id FROM participants WHERE pid = :p"), {"p": pid}).scalar()
        return _counts_for(pk)


def _counts_for(pk) -> dict[str, int]:
    from craftwave.survey_app.extensions import db

    tables = ["contacts", "wave_status", "withdrawal_requests", "answers", "answer_history",
              "page_visits", "sent_messages"]
    out = {"participants": db.session.execute(
        db.text("SELECT count(*) FROM participants WHERE id = :i"), {"i": pk}).scalar()}
    for t in tables:
        out[t] = db.session.execute(
            db.text(f"SELECT count(*) FROM {t} WHERE participant_id = :i"), {"i": pk}).scalar()
    return out


TESTS_DIR = Path(__file__).parent
