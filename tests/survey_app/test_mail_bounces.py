"""Bounces: RFC 3464 reports read from a Maildir or an mbox mark the messages ``bounced``."""

from __future__ import annotations

import json
import mailbox

import pytest
from click.testing import CliRunner

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


def dsn(to: str, recipient: str, action: str, returned_id: str | None = None) -> bytes:
    """A delivery-status notification as a receiving server writes one (RFC 3464)."""
    returned = (f"--BOUND\nContent-Type: text/rfc822-headers\n\nMessage-ID: {returned_id}\n"
                "Subject: Survey 1 is open\n\n") if returned_id else ""
    code = "5.1.1" if action == "failed" else "4.4.1"
    return (f"From: MAILER-DAEMON@mx.example.net\nTo: {to}\nSubject: Delivery Status Notification\n"
            "MIME-Version: 1.0\n"
            'Content-Type: multipart/report; report-type=delivery-status; boundary="BOUND"\n\n'
            "--BOUND\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n"
            "--BOUND\nContent-Type: message/delivery-status\n\n"
            "Reporting-MTA: dns; mx.example.net\n\n"
            f"Final-Recipient: rfc822; {recipient}\nAction: {action}\nStatus: {code}\n"
            f"Diagnostic-Code: smtp; {code[0]}50 {code} mailbox unavailable\n\n"
            f"{returned}--BOUND--\n").encode()


def _sent(app, inbox):
    for name in ("gone", "slow", "moved"):
        enrol(app, email=f"{name}@example.org", consent=False)
    with app.app_context():
        send_invitations("rs-study", "test")
    return {m["To"]: (env, m["Message-ID"]) for m, env in zip(inbox.messages, inbox.envelope_from,
                                                                strict=True)}


def _states(app) -> dict[int, str]:
    from craftwave.survey_app.models import Contact

    with app.app_context():
        return dict(db.session.execute(db.select(Contact.email, SentMessage.status).join(
            SentMessage, SentMessage.participant_id == Contact.participant_id)).all())


def test_each_message_has_its_own_signed_return_path(app, rs_study, inbox):
    sent = _sent(app, inbox)
    paths = [env for env, _mid in sent.values()]
    assert len(set(paths)) == 3
    assert all(p.startswith("study+b-") and p.endswith("@example.org") for p in paths)
    with app.app_context():
        stored = set(db.session.execute(db.select(SentMessage.return_path)).scalars())
    assert stored == set(paths)


@pytest.mark.parametrize("kind", ["maildir", "mbox"])
def test_bounces_from_a_mailbox_mark_failed_reports_only(app, rs_study, inbox, tmp_path, monkeypatch, kind):
    from craftwave.cli import cmd_fieldwork, main

    sent = _sent(app, inbox)
    gone_verp, _ = sent["gone@example.org"]
    slow_verp, _ = sent["slow@example.org"]
    _moved_verp, moved_id = sent["moved@example.org"]
    forged = gone_verp.rsplit("-", 1)[0] + "-0000000000@example.org"
    mails = [
        dsn(gone_verp, "gone@example.org", "failed"),                     # by VERP
        dsn(slow_verp, "slow@example.org", "delayed"),                     # still trying
        dsn("study@example.org", "moved@example.org", "failed", moved_id),  # by Message-ID
        dsn(forged, "slow@example.org", "failed"),                          # bad signature
        b"From: someone@example.net\nTo: study@example.org\nSubject: hello\n\nnot a report\n",
    ]
    if kind == "maildir":
        path = tmp_path / "Maildir"
        box = mailbox.Maildir(path, create=True)
    else:
        path = tmp_path / "bounces.mbox"
        box = mailbox.mbox(path, create=True)
    for raw in mails:
        box.add(raw)
    box.close()
    monkeypatch.setattr(cmd_fieldwork, "_app", lambda: app)
    res = CliRunner().invoke(main, ["email", "bounces", str(path), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == {"read": 5, "reports": 4, "bounced": 2, "delayed": 1,
                                      "unmatched": 1}
    assert _states(app) == {"gone@example.org": "bounced", "slow@example.org": "sent",
                            "moved@example.org": "bounced"}
    with app.app_context():
        errors = db.session.execute(db.select(SentMessage.last_error).where(
            SentMessage.status == "bounced")).scalars().all()
    assert all(e.startswith("bounced: 5.1.1") for e in errors)
    again = CliRunner().invoke(main, ["email", "bounces", str(path), "--json"])
    assert json.loads(again.output)["bounced"] == 0  # reading twice changes nothing
    missing = CliRunner().invoke(main, ["email", "bounces", str(tmp_path)])
    assert missing.exit_code == 2 and "not a Maildir" in missing.output
