"""Each participant's local time: the import's ``timezone`` column, sending hours across
daylight-saving changes, local dates in emails, and one-click unsubscribe."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.researcher import SentMessage
from craftwave.survey_app.panel import ParticipantImportError, import_participants
from craftwave.survey_app.worker import run_once
from tests.survey_app.mail_helpers import Inbox, LoopbackSMTP
from tests.survey_app.researcher_fixtures import answer_wave

ZONES = ["Pacific/Auckland", "Australia/Sydney", "Asia/Tokyo", "Asia/Kathmandu", "Asia/Kolkata",
         "Africa/Nairobi", "Europe/Berlin", "Europe/London", "America/Sao_Paulo",
         "America/St_Johns", "America/New_York", "America/Los_Angeles"]
"""Twelve zones: half-hour and 45-minute offsets, northern spring-forward (US 8 March, EU 29
March 2026) and southern fall-back (5 April 2026), and zones without DST. From 5 March, wave 1
spans the US change, waves 2 and 3 fall either side of the EU one, wave 3 spans the southern."""

TZ_STUDY = """
id: tz-study
title: {en: Time zone study}
languages: [en]
consent: {version: "v1", text: {en: "You agree to take part."}}
recruitment: {invitations: {enabled: true}}
sending_hours: "09:00-20:00"
waves:
  - number: 1
    pages: [{id: crafting, blocks: [{instrument: icraft}]}]
  - number: 2
    after_days: 12
    window_days: 7
    pages: [{id: crafting, blocks: [{instrument: icraft}]}]
  - number: 3
    after_days: 12
    window_days: 7
    pages: [{id: crafting, blocks: [{instrument: icraft}]}]
reminders: {days_after_open: [2], max_count: 1}
email_templates:
  invitation:
    subject: {en: "Survey {wave} is open"}
    body: {en: "Open until {closes_on}: {link}\\n"}
  reminder:
    subject: {en: "Reminder: survey {wave}"}
    body: {en: "Still open until {closes_on}: {link}\\n"}
"""


@pytest.fixture
def tz_study(app, tmp_path, researcher_tables):
    from craftwave.survey_app.studies import load_study_file

    path = tmp_path / "tz.yaml"
    path.write_text(TZ_STUDY, encoding="utf-8")
    with app.app_context():
        load_study_file(path)
    return "tz-study"


@pytest.fixture
def inbox(app):
    box = Inbox()
    with LoopbackSMTP(box) as server:
        app.config.update(MAIL_HOST="127.0.0.1", MAIL_PORT=server.port, MAIL_SECURITY="none",
                          MAIL_FROM="study@example.org", PUBLIC_BASE_URL="https://survey.example.org")
        yield box


def _import(app, study_id: str, rows: list[tuple[str, str]]) -> list[str]:
    text = "email,timezone\n" + "".join(f"{e},{z}\n" for e, z in rows)
    with app.app_context():
        return import_participants(study_id, text, "test").created


def test_import_keeps_the_time_zone_and_names_a_bad_one(app, tz_study):
    _import(app, tz_study, [("a@example.org", "Asia/Kathmandu"), ("b@example.org", "")])
    with app.app_context():
        zones = dict(db.session.execute(db.select(Participant.pid, Participant.timezone)).all())
    assert sorted(zones.values(), key=str) == ["Asia/Kathmandu", None]
    with app.app_context(), pytest.raises(ParticipantImportError,
                                           match="line 3: timezone 'Mars/Base' is not an IANA"):
        import_participants(tz_study, "email,timezone\nc@example.org,UTC\nd@example.org,Mars/Base\n",
                            "test")


def _inside(local_time: time) -> bool:
    return time(9) <= local_time < time(20)


@pytest.mark.slow
def test_a_panel_in_twelve_zones_is_written_to_inside_local_hours_across_dst(app, tz_study, inbox):
    """Three waves for a panel across twelve zones; the clock crosses three DST changes.
    Every message goes inside 09:00-20:00 in its recipient's zone, dates in it are local."""
    from craftwave.survey_app.progress import record_consent
    from craftwave.survey_app.studies import get_study

    clock = app.config["CLOCK"]
    clock.current = datetime(2026, 3, 5, 0, 0)
    emails = {f"p{i:02d}@example.org": zone for i, zone in enumerate(ZONES)}
    pids = dict(zip(_import(app, tz_study, list(emails.items())), emails, strict=True))
    by_email = {e: p for p, e in pids.items()}
    rng = np.random.default_rng(20260305)
    answer_at: dict[tuple[str, int], datetime] = {}
    seen = 0
    end = datetime(2026, 4, 12)
    while clock() < end:
        with app.app_context():
            run_once()
        for msg in inbox.messages[seen:]:
            subject = msg["Subject"]
            if subject.startswith("Survey"):
                wave = int(subject.split()[1])
                # each answers after a random delay (some after the reminder)
                answer_at[(by_email[msg["To"]], wave)] = clock() + timedelta(
                    hours=float(rng.uniform(1, 70)))
        seen = len(inbox.messages)
        for (pid, wave), when in sorted(answer_at.items(), key=lambda kv: kv[1]):
            if when <= clock():
                del answer_at[(pid, wave)]
                with app.app_context():
                    p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one()
                    if not p.consented:
                        record_consent(p, get_study(tz_study), clock())
                        db.session.commit()
                answer_wave(app, pid, wave, seconds_per_page=30)
        clock.current = clock().replace(second=0, microsecond=0) + timedelta(minutes=50)
    invitations = [m for m in inbox.messages if m["Subject"].startswith("Survey")]
    reminders = [m for m in inbox.messages if m["Subject"].startswith("Reminder")]
    assert len(invitations) == 3 * len(ZONES)  # every wave reached everyone, once
    assert sorted((m["To"], m["Subject"]) for m in invitations) == sorted(
        (e, f"Survey {w} is open") for e in emails for w in (1, 2, 3))
    assert reminders  # some answered late enough to be reminded
    for msg in inbox.messages:
        zone = ZoneInfo(emails[msg["To"]])
        sent = parsedate_to_datetime(msg["Date"])
        assert _inside(sent.astimezone(zone).time()), (msg["To"], zone.key, msg["Date"])
        assert sent.utcoffset() == sent.astimezone(zone).utcoffset()  # the Date is local
    with app.app_context():
        rows = db.session.execute(db.select(SentMessage, Participant.timezone).join(
            Participant, Participant.id == SentMessage.participant_id)).all()
    assert {m.status for m, _z in rows} == {"sent"}
    for m, zone in rows:
        local = m.sent_at.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
        assert _inside(local.time()), (zone, m.kind, m.wave, local)
    waited = [m for m, _z in rows if m.sent_at - m.claimed_at >= timedelta(hours=1)]
    assert len(waited) >= len(ZONES)  # sending hours held messages back, in every zone's night
    # a wave 2 closing date is the recipient's local date, with the zone named
    wave2 = next(m for m in invitations if m["To"] == "p00@example.org" and "2" in m["Subject"])
    assert "(Pacific/Auckland)" in wave2.get_content()


def test_one_click_unsubscribe_records_stop_contact_without_sign_in(app, tz_study, inbox):
    import re

    _import(app, tz_study, [("a@example.org", "Europe/Berlin")])
    with app.app_context():
        run_once()
    msg = inbox.messages[0]
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(https://survey\.example\.org(/u/[^>]+))>", msg["List-Unsubscribe"])
    assert url and url.group(1) in msg.get_content()
    client = app.test_client()
    path = url.group(2)
    page = client.get(path)
    assert page.status_code == 200 and b"Stop all emails" in page.data
    with app.app_context():
        assert db.session.execute(db.select(Participant.withdrawal)).scalar_one() == "none"
    # what a mail client sends for RFC 8058: a POST with this body, no cookie, no token
    resp = client.post(path, data="List-Unsubscribe=One-Click",
                       content_type="application/x-www-form-urlencoded")
    assert resp.status_code == 200
    with app.app_context():
        assert db.session.execute(db.select(Participant.withdrawal)).scalar_one() == "stop_contact"
    assert client.post(path[:-1] + ("0" if path[-1] != "0" else "1")).status_code == 404
    app.config["CLOCK"].advance(days=5)
    with app.app_context():
        run_once()
    assert len(inbox.messages) == 1  # no reminder after unsubscribing
