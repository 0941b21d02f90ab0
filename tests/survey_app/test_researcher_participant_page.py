"""A page per participant: search by email, recruitment id or pseudonymous id; status per wave
in the export's words, messages, timings, flags and notes; the audited actions "stop
contacting", "resend the personal link" (over a real loopback SMTP server) and "reopen this
wave" (the participant then answers it through their own link)."""

from __future__ import annotations

import io
import zipfile

import numpy as np
import pandas as pd
import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import token_for
from craftwave.survey_app.mailer import send_invitations
from craftwave.survey_app.models import Participant, WaveStatus
from craftwave.survey_app.models.researcher import AuditEntry
from tests.survey_app.app_helpers import BACKENDS
from tests.survey_app.researcher_fixtures import answer_wave, csrf_of, enrol, join
from tests.survey_app.test_researcher_email import smtp  # noqa: F401  (the SMTP fixture)

BASE = "/researcher/study/rs-study"

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)


def _audit(app, action):
    with app.app_context():
        return [(e.actor, e.target, e.detail) for e in db.session.execute(
            db.select(AuditEntry).where(AuditEntry.action == action)
            .order_by(AuditEntry.id)).scalars()]


def _post(client, pid, action):
    page = client.get(f"{BASE}/participant/{pid}")
    return client.post(f"{BASE}/participant/{pid}/{action}",
                       data={"csrf_token": csrf_of(page.get_data(as_text=True))})


def _token(app, pid):
    with app.app_context():
        return token_for(db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one())


def test_search_finds_by_email_recruitment_id_or_pid_ignoring_case_and_spaces(app, rs_study, owner_client):
    ana = enrol(app, email="Ana.Lima@Example.org")
    pro = enrol(app, source="prolific", external_id="5f0aBC12")
    for query, pid in (("  ana.lima@example.ORG ", ana), ("5F0ABC12", pro), (pro.upper(), pro)):
        resp = owner_client.get(f"{BASE}/participants", query_string={"q": query})
        assert resp.status_code == 303 and resp.location.endswith(f"/participant/{pid}"), query
    html = owner_client.get(f"{BASE}/participants?q=nobody@example.org").get_data(as_text=True)
    assert "No participant of this study matches" in html
    dashboard = owner_client.get(BASE).get_data(as_text=True)
    assert 'role="search"' in dashboard and f"/participant/{ana}" in dashboard


def test_the_page_shows_waves_in_the_exports_words_timings_and_flags(app, rs_study, owner_client):
    clock = app.config["CLOCK"]
    # twelve attentive participants give the wave its norm for speed (the flags are the
    # study's, as the dashboard and the reports count them)
    rng = np.random.default_rng(22)

    def attentive(q, i):
        if q.is_check:
            return q.item.expected
        values = q.scale.substantive_values
        return values[int(rng.integers(len(values)))]

    for k in range(12):
        answer_wave(app, enrol(app, email=f"crowd{k}@example.org"), 1, value_for=attentive,
                    seconds_per_page=float(60 * rng.lognormal(0, 0.2)))
    pid = enrol(app, email="fast@example.org")
    answer_wave(app, pid, 1, seconds_per_page=1)  # a speeder
    clock.advance(days=50)  # wave 2 opened after 30 days and closed 14 days later, untouched
    html = owner_client.get(f"{BASE}/participant/{pid}").get_data(as_text=True)
    assert 'data-wave="1"><th scope="row">1</th><td data-col="status">completed' in html
    assert 'data-wave="2"><th scope="row">2</th><td data-col="status">missed' in html
    assert 'id="timings"' in html and "crafting" in html and "about" in html
    assert 'id="flags"' in html and "speeding" in html
    assert "fast@example.org" in html  # owners hold the identifiers right
    assert "Reopen this wave" in html


def test_stop_contacting_is_audited_ends_emails_and_marks_later_waves_withdrawn(app, rs_study, owner_client, smtp):  # noqa: F811
    stop = enrol(app, email="stop@example.org", consent=False)
    keep = enrol(app, email="keep@example.org", consent=False)
    resp = _post(owner_client, stop, "stop")
    assert resp.status_code == 303
    assert _audit(app, "contact_stopped") == [("owner@example.org", stop, {})]
    with app.app_context():
        run = send_invitations("rs-study", "test")
    assert [pid for pid, _ in run.sent] == [keep] and smtp.to() == ["keep@example.org"]
    html = owner_client.get(f"{BASE}/participant/{stop}").get_data(as_text=True)
    assert 'id="withdrawal">stop contact' in html and "Stop contacting</button>" not in html

    # a consented participant who stops after wave 1: wave 2 is "withdrawn", not "closed"
    clock = app.config["CLOCK"]
    done = enrol(app, email="done@example.org")
    answer_wave(app, done, 1)
    assert _post(owner_client, done, "stop").status_code == 303
    clock.advance(days=60)
    zipped = owner_client.get(f"{BASE}/export.zip")
    with zipfile.ZipFile(io.BytesIO(zipped.data)) as zf:
        part = pd.read_csv(zf.open("rs-study/participants.csv")).set_index("participant_id")
    assert part.loc[done, ["status_w1", "status_w2", "withdrawal"]].tolist() == [
        "completed", "withdrawn", "stop contact"]
    dash = owner_client.get(BASE).get_data(as_text=True)
    assert "withdrawn" in dash and "screened_out" not in dash


def test_resend_the_personal_link_over_smtp(app, rs_study, owner_client, smtp):  # noqa: F811
    pid = enrol(app, email="lost@example.org")
    assert _post(owner_client, pid, "resend").status_code == 303
    (msg,) = smtp.messages
    assert msg["To"] == "lost@example.org"
    assert f"https://survey.example.org/s/{_token(app, pid)}" in msg.get_content()
    assert _audit(app, "link_resent") == [("owner@example.org", pid, {"wave": 1})]
    html = owner_client.get(f"{BASE}/participant/{pid}").get_data(as_text=True)
    assert 'id="messages"' in html and "personal link" in html
    nomail = enrol(app, source="prolific", external_id="P1")
    resp = _post(owner_client, nomail, "resend")
    assert "has no email on file" in owner_client.get(resp.location).get_data(as_text=True)
    assert len(smtp.messages) == 1


def test_reopen_a_missed_wave_and_the_participant_answers_it(app, rs_study, owner_client, client):
    clock = app.config["CLOCK"]
    pid = enrol(app, email="late@example.org")
    answer_wave(app, pid, 1)
    clock.advance(days=50)
    token = _token(app, pid)
    assert "closed" in client.get(f"/s/{token}", follow_redirects=True).get_data(as_text=True).lower()
    resp = _post(owner_client, pid, "reopen/2")
    assert resp.status_code == 303
    assert "Wave 2 is open again" in owner_client.get(resp.location).get_data(as_text=True)
    (entry,) = _audit(app, "wave_reopened")
    assert entry[0] == "owner@example.org" and entry[1] == pid and entry[2]["wave"] == 2
    landing = client.get(f"/s/{token}")
    assert landing.status_code == 303 and landing.location.endswith(f"/s/{token}/w/2/1")
    answer_wave(app, pid, 2)
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one()
        assert db.session.get(WaveStatus, (p.id, 2)).status == "completed"
    again = _post(owner_client, pid, "reopen/2")
    assert "Not reopened" in owner_client.get(again.location).get_data(as_text=True)


def test_notes_are_kept_and_audited_and_analysts_cannot_act(app, rs_study, owner_client, analyst_client):
    pid = enrol(app, email="n@example.org")
    page = owner_client.get(f"{BASE}/participant/{pid}")
    resp = owner_client.post(f"{BASE}/participant/{pid}/note", data={
        "csrf_token": csrf_of(page.get_data(as_text=True)), "text": "Asked by phone to pause."})
    assert resp.status_code == 303
    assert "Asked by phone to pause." in owner_client.get(resp.location).get_data(as_text=True)
    assert _audit(app, "note_added") == [("owner@example.org", pid, {})]
    join(app)
    html = analyst_client.get(f"{BASE}/participant/{pid}").get_data(as_text=True)
    assert "Asked by phone to pause." in html and "Stop contacting" not in html
    assert "n@example.org" not in html
    token = csrf_of(html)  # the logout form's
    for action in ("stop", "resend", "reopen/1", "note"):
        assert analyst_client.post(f"{BASE}/participant/{pid}/{action}",
                                   data={"csrf_token": token, "text": "x"}).status_code == 403
