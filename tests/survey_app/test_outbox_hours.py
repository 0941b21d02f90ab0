"""The outbox and sending hours: a message due at night waits in the state it was in."""

from __future__ import annotations

from datetime import datetime

import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.mailer import send_invitations
from craftwave.survey_app.models.researcher import SentMessage
from tests.survey_app.mail_helpers import Inbox, LoopbackSMTP
from tests.survey_app.researcher_fixtures import enrol


@pytest.fixture
def inbox(app):
    box = Inbox()
    with LoopbackSMTP(box) as server:
        app.config.update(MAIL_HOST="127.0.0.1", MAIL_PORT=server.port, MAIL_SECURITY="none",
                          MAIL_FROM="study@example.org", PUBLIC_BASE_URL="https://survey.example.org")
        yield box


def _row(app) -> SentMessage:
    with app.app_context():
        row = db.session.execute(db.select(SentMessage)).scalar_one()
        db.session.expunge(row)
        return row


def _invite(app, **kw):
    with app.app_context():
        return send_invitations("rs-study", "test", **kw)


def test_a_deferred_message_due_at_night_stays_deferred_until_morning(app, rs_study, inbox):
    clock = app.config["CLOCK"]  # 09:00 UTC; the study's zone is UTC, hours 09:00-20:00
    enrol(app, email="busy@example.org", consent=False)

    async def busy(server, session, envelope, address, rcpt_options):
        return "451 4.2.0 try later"

    inbox.handle_RCPT = busy
    _invite(app)
    assert (_row(app).status, _row(app).attempts) == ("deferred", 1)
    del inbox.handle_RCPT
    clock.current = datetime(2026, 1, 5, 21, 0)
    run = _invite(app)
    assert run.sent == [] and run.waiting == 1
    row = _row(app)
    assert (row.status, row.attempts, row.next_attempt_at) == ("deferred", 1, datetime(2026, 1, 6, 9, 0))
    clock.current = datetime(2026, 1, 6, 9, 0)
    assert len(_invite(app).sent) == 1
    assert (_row(app).status, _row(app).attempts) == ("sent", 2)


def test_an_unknown_message_resent_at_night_waits_and_is_counted_when_sent(app, rs_study, inbox):
    clock = app.config["CLOCK"]
    enrol(app, email="maybe@example.org", consent=False)
    _invite(app)
    with app.app_context():  # as if the sender had died while handing it over
        db.session.execute(db.update(SentMessage).values(status="unknown", sent_at=None))
        db.session.commit()
    clock.current = datetime(2026, 1, 5, 22, 30)
    assert _invite(app).sent == []  # the study holds unknowns
    run = _invite(app, resend_unknown=True)
    assert run.waiting == 1 and _row(app).status == "unknown"
    clock.current = datetime(2026, 1, 6, 9, 15)
    run = _invite(app, resend_unknown=True)
    assert run.resent == 1
    row = _row(app)
    assert (row.status, row.resends) == ("sent", 1)
    assert inbox.to() == ["maybe@example.org", "maybe@example.org"]
