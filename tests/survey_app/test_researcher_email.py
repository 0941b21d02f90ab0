"""Invitations and reminders against a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner

from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import token_for
from craftwave.survey_app.mailer import MailError, send_invitations, send_reminders
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.researcher import AuditEntry, SentMessage
from tests.survey_app.app_helpers import BACKENDS
from tests.survey_app.mail_helpers import Inbox, LoopbackSMTP, free_port
from tests.survey_app.researcher_fixtures import answer_wave, enrol


@pytest.fixture
def smtp(app):
    """A loopback SMTP server the app is configured to use; yields its inbox."""
    inbox = Inbox()
    with LoopbackSMTP(inbox) as server:
        app.config.update(MAIL_HOST="127.0.0.1", MAIL_PORT=server.port, MAIL_SECURITY="none",
                          MAIL_FROM="study@example.org", PUBLIC_BASE_URL="https://survey.example.org")
        yield inbox


def _token(app, pid):
    with app.app_context():
        return token_for(db.session.execute(
            db.select(Participant).where(Participant.pid == pid)).scalar_one())


def _invite(app, **kw):
    with app.app_context():
        return send_invitations("rs-study", "test", **kw)


def _remind(app):
    with app.app_context():
        return send_reminders("rs-study", "test")


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_invite_twice_sends_one_message_each(app, rs_study, smtp):
    a = enrol(app, email="ana@example.org", consent=False)
    b = enrol(app, email="bo@example.org", consent=False)
    enrol(app, email=None, source="public")  # no email: nothing to send
    first = _invite(app)
    second = _invite(app)
    assert len(first.sent) == 2 and second.sent == [] and second.failed == []
    assert smtp.to() == ["ana@example.org", "bo@example.org"]
    msg = next(m for m in smtp.messages if m["To"] == "ana@example.org")
    assert msg["From"] == "study@example.org"
    assert msg["Subject"] == "Survey 1 of Researcher-side test study is open"
    body = msg.get_content()
    assert f"https://survey.example.org/s/{_token(app, a)}" in body
    assert "no fixed closing date" in body  # wave 1 has no window
    assert _token(app, b) not in body
    with app.app_context():
        ledger = db.session.execute(db.select(SentMessage.kind, SentMessage.wave,
                                              SentMessage.sent_at.is_not(None))).all()
        audits = db.session.execute(db.select(AuditEntry).where(
            AuditEntry.action == "invitations_sent")).scalars().all()
    assert sorted(ledger) == [("invitation", 1, True), ("invitation", 1, True)]
    assert [e.detail["sent"] for e in audits] == [2]


def test_reminders_follow_the_schedule_and_skip_completers_and_the_withdrawn(app, rs_study, smtp):
    clock = app.config["CLOCK"]
    done = enrol(app, email="done@example.org", consent=False)
    slow = enrol(app, email="slow@example.org", consent=False)
    started = enrol(app, email="started@example.org", consent=False)
    gone = enrol(app, email="gone@example.org", consent=False)
    _invite(app)
    assert len(smtp.messages) == 4
    # 'done' completes wave 1, 'started' answers one page; 'gone' withdraws
    from craftwave.survey_app.progress import record_consent, withdraw
    from craftwave.survey_app.studies import get_study
    with app.app_context():
        for pid in (done, started):
            p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one()
            record_consent(p, get_study("rs-study"), clock())
        p = db.session.execute(db.select(Participant).where(Participant.pid == gone)).scalar_one()
        withdraw(p, "stop_contact", clock())
        db.session.commit()
    answer_wave(app, done, 1)
    answer_wave(app, started, 1, pages=1)
    clock.advance(days=2)
    assert _remind(app).sent == []  # nothing due before day 3
    clock.advance(days=1, minutes=1)
    first = _remind(app)
    assert sorted(m["To"] for m in smtp.messages[4:]) == ["slow@example.org", "started@example.org"]
    assert all(m["Subject"] == "Reminder: survey 1" for m in smtp.messages[4:])
    assert sorted(p for p, _w in first.sent) == sorted([slow, started])
    assert _remind(app).sent == []  # the same reminder never goes twice
    clock.advance(days=5)
    second = _remind(app)
    assert len(second.sent) == 2
    clock.advance(days=30)
    assert _remind(app).sent == []  # max_count 2: no third reminder
    assert len(smtp.messages) == 8
    to = [m["To"] for m in smtp.messages]
    assert to.count("gone@example.org") == 1  # the invitation, before withdrawing
    assert to.count("done@example.org") == 1  # completed: no reminder
    with app.app_context():
        kinds = sorted(db.session.execute(db.select(SentMessage.kind)).scalars())
    assert kinds == ["invitation"] * 4 + ["reminder_1"] * 2 + ["reminder_2"] * 2


def test_after_a_long_pause_only_the_latest_due_reminder_goes(app, rs_study, smtp):
    enrol(app, email="a@example.org", consent=False)
    _invite(app)
    app.config["CLOCK"].advance(days=10)
    run = _remind(app)
    assert [m["Subject"] for m in smtp.messages] == ["Survey 1 of Researcher-side test study is open",
                                                      "Reminder: survey 1"]
    assert len(run.sent) == 1
    assert _remind(app).sent == []


def test_wave_two_invitation_when_due_with_its_closing_date(app, rs_study, smtp):
    clock = app.config["CLOCK"]
    pid = enrol(app, email="a@example.org", consent=False)
    _invite(app)
    from craftwave.survey_app.progress import record_consent
    from craftwave.survey_app.studies import get_study
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one()
        record_consent(p, get_study("rs-study"), clock())
        db.session.commit()
        pk = p.id
    answer_wave(app, pid, 1)
    assert _invite(app).sent == []  # wave 2 opens 30 days after completion
    clock.advance(days=29)
    assert _invite(app, wave=2).sent == []
    clock.advance(days=1, hours=1)
    run = _invite(app, wave=2)
    assert run.sent == [(pid, 2)]
    msg = smtp.messages[-1]
    assert msg["Subject"] == "Survey 2 of Researcher-side test study is open"
    with app.app_context():
        from craftwave.survey_app.models import WaveStatus
        ws = db.session.get(WaveStatus, (pk, 2))
        closes = ws.closes_at.strftime("%d %B %Y")
    assert closes in msg.get_content()
    assert _invite(app).sent == []


def _refusing(smtp, codes: dict[str, str]) -> None:
    """Make the loopback server answer RCPT TO for the given local parts with these replies."""

    async def handle_rcpt(server, session, envelope, address, rcpt_options):
        reply = codes.get(address.split("@")[0])
        if reply is not None:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp.handle_RCPT = handle_rcpt


def _status(app, monkeypatch) -> list[dict]:
    import json

    from craftwave.cli import cmd_fieldwork, main

    monkeypatch.setattr(cmd_fieldwork, "_app", lambda: app)
    res = CliRunner().invoke(main, ["email", "status", "rs-study", "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_refused_for_good_fails_refused_for_now_is_deferred_then_sent(app, rs_study, smtp, monkeypatch):
    """The issue's done-when: 550 -> failed and never retried; 451 -> deferred, sent on a later
    run; nobody gets two messages; both runs exit 0."""
    from craftwave.cli import cmd_fieldwork, main

    for name in ("ok", "gone", "busy"):
        enrol(app, email=f"{name}@example.org", consent=False)
    _refusing(smtp, {"gone": "550 5.1.1 No such user", "busy": "451 4.2.0 Mailbox busy, try later"})
    monkeypatch.setattr(cmd_fieldwork, "_app", lambda: app)
    first = CliRunner().invoke(main, ["email", "invite", "rs-study", "--json"])
    assert first.exit_code == 0, first.output
    status = {r["email"]: r for r in _status(app, monkeypatch)}
    assert {e: r["status"] for e, r in status.items()} == {
        "ok@example.org": "sent", "gone@example.org": "failed", "busy@example.org": "deferred"}
    assert status["gone@example.org"]["last_error"].startswith("550")
    assert status["busy@example.org"]["last_error"].startswith("451")
    assert all(r["attempts"] == 1 and r["kind"] == "invitation" and r["wave"] == 1
               for r in status.values())
    assert {r["participant_id"] for r in status.values()} == {
        p for p, in _pids(app)}

    # before the backoff has passed, a run sends nothing
    again = CliRunner().invoke(main, ["email", "invite", "rs-study", "--json"])
    assert again.exit_code == 0 and smtp.to() == ["ok@example.org"]
    del smtp.handle_RCPT  # the busy mailbox accepts now; the unknown user would too
    app.config["CLOCK"].advance(minutes=10)
    second = CliRunner().invoke(main, ["email", "invite", "rs-study", "--json"])
    assert second.exit_code == 0, second.output
    assert smtp.to() == ["busy@example.org", "ok@example.org"]  # one each; 'gone' never again
    status = {r["email"]: r for r in _status(app, monkeypatch)}
    assert status["busy@example.org"]["status"] == "sent" and status["busy@example.org"]["attempts"] == 2
    assert status["gone@example.org"]["status"] == "failed" and status["gone@example.org"]["attempts"] == 1


def _pids(app):
    with app.app_context():
        return db.session.execute(db.select(Participant.pid)).all()


def test_deferred_messages_give_up_after_the_attempt_limit(app, rs_study, smtp):
    enrol(app, email="busy@example.org", consent=False)
    _refusing(smtp, {"busy": "421 4.3.2 Try again later"})
    app.config["MAIL_MAX_ATTEMPTS"] = 3
    clock = app.config["CLOCK"]
    for _ in range(5):
        _invite(app)
        clock.advance(hours=7)  # past any backoff
    with app.app_context():
        row = db.session.execute(db.select(SentMessage)).scalar_one()
    assert row.status == "failed" and row.attempts == 3
    assert row.last_error.startswith("gave up after 3 attempts: 421")
    assert smtp.messages == []


def test_an_unreachable_server_defers_and_a_missing_sender_cannot_run(app, rs_study):
    enrol(app, email="a@example.org", consent=False)
    enrol(app, email="b@example.org", consent=False)
    app.config.update(MAIL_FROM=None, MAIL_HOST="127.0.0.1", MAIL_PORT=free_port(),
                      MAIL_SECURITY="none")
    with app.app_context(), pytest.raises(MailError, match="no sender address"):
        send_invitations("rs-study", "test")
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(SentMessage)).scalar_one() == 0
    app.config["MAIL_FROM"] = "s@example.org"
    run = _invite(app)
    assert run.sent == [] and len(run.deferred) == 2
    with app.app_context():
        rows = db.session.execute(db.select(SentMessage)).scalars().all()
        assert [(r.status, r.attempts) for r in rows] == [("deferred", 1), ("deferred", 1)]
        assert all("cannot use the SMTP server" in r.last_error for r in rows)
        assert all(r.next_attempt_at > app.config["CLOCK"]() for r in rows)


def test_two_overlapping_runs_send_each_message_once(app, rs_study, smtp):
    """Two runs at once on one SQLite file (each its own session): the claims let one send."""
    import asyncio

    people = [f"p{i}@example.org" for i in range(12)]
    for e in people:
        enrol(app, email=e, consent=False)
    real = smtp.handle_DATA

    async def slow_data(server, session, envelope):
        await asyncio.sleep(0.03)
        return await real(server, session, envelope)

    smtp.handle_DATA = slow_data
    runs, errors = [], []

    def one():
        try:
            runs.append(_invite(app))
        except Exception as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert smtp.to() == sorted(people)
    assert sum(len(r.sent) for r in runs) == 12 and all(r.sent for r in runs)


def test_cli_invite_and_remind(app, rs_study, smtp, monkeypatch):
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    monkeypatch.setenv("CRAFTWAVE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("CRAFTWAVE_SMTP_PORT", str(app.config["MAIL_PORT"]))
    monkeypatch.setenv("CRAFTWAVE_SMTP_SECURITY", "none")
    monkeypatch.setenv("CRAFTWAVE_MAIL_FROM", "cron@example.org")
    enrol(app, email="a@example.org", consent=False)
    from craftwave.cli import cmd_fieldwork, main
    from craftwave.survey_app import create_app

    # the environment configures the command's app; only the test clock is injected
    monkeypatch.setattr(cmd_fieldwork, "_app", lambda: create_app({"CLOCK": app.config["CLOCK"]}))
    for _ in range(2):
        res = CliRunner().invoke(main, ["email", "invite", "rs-study", "--json"])
        assert res.exit_code == 0, res.output
    assert len(smtp.messages) == 1 and smtp.messages[0]["From"] == "cron@example.org"
    res = CliRunner().invoke(main, ["email", "remind", "rs-study"])
    assert res.exit_code == 0 and "reminders sent: 0" in res.output
    res = CliRunner().invoke(main, ["email", "invite", "no-such-study"])
    assert res.exit_code != 0 and "no study 'no-such-study'" in res.output
