"""Crash safety of sending: SIGKILL the sender at each step; nothing is lost silently.

``craftwave email invite`` runs as a subprocess against a loopback SMTP server that pauses
at a chosen step, and is killed there:

1. after it claimed the message, before the SMTP conversation (the server holds at EHLO):
   nothing was sent, so once the lease expires the message is queued again and then sent once;
2. after the server accepted the message, before the ledger commit (the server holds its
   ``250`` reply): the message is in the inbox but the ledger cannot know, so it becomes
   ``unknown``, is listed by ``email status``, is not resent while the study holds unknowns,
   and a resend chosen by the researcher is the one duplicate, counted in ``resends``;
3. after the commit: the message is ``sent`` and never sent again.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from flask_migrate import upgrade

from craftwave.survey_app import MIGRATIONS_DIR, create_app
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import SentMessage
from craftwave.survey_app.studies import load_study_file
from tests.survey_app.mail_helpers import Inbox, LoopbackSMTP
from tests.survey_app.researcher_fixtures import STUDY_YAML, enrol

CRAFTWAVE = str(Path(sys.executable).parent / "craftwave")
LEASE = 1

pytestmark = pytest.mark.slow


class Field:
    """A study on a SQLite file, an instance folder configured for the loopback server."""

    def __init__(self, tmp: Path, port: int) -> None:
        self.instance = tmp / "instance"
        self.instance.mkdir()
        self.url = f"sqlite:///{tmp / 'field.sqlite'}"
        (self.instance / "config.py").write_text(
            f"MAIL_HOST = '127.0.0.1'\nMAIL_PORT = {port}\nMAIL_SECURITY = 'none'\n"
            f"MAIL_FROM = 'study@example.org'\nMAIL_LEASE_SECONDS = {LEASE}\n", encoding="utf-8")
        self.env = {**os.environ, "CRAFTWAVE_INSTANCE_PATH": str(self.instance),
                    "CRAFTWAVE_DATABASE_URL": self.url, "CRAFTWAVE_SECRET_KEY": "crash-test"}
        self.app = create_app({"SQLALCHEMY_DATABASE_URI": self.url, "SECRET_KEY": "crash-test"})
        study = tmp / "study.yaml"
        study.write_text(STUDY_YAML + 'sending_hours: "00:00-24:00"\n', encoding="utf-8")
        with self.app.app_context():
            upgrade(directory=MIGRATIONS_DIR)
            load_study_file(study)
        self.pid = enrol(self.app, email="ana@example.org", consent=False)

    def start(self, *args: str) -> subprocess.Popen:
        self.log = self.instance / "sender.log"
        with open(self.log, "ab") as fh:
            return subprocess.Popen([CRAFTWAVE, *args], env=self.env, stdout=fh, stderr=fh,
                                    start_new_session=True)

    def run(self, *args: str) -> subprocess.CompletedProcess:
        done = subprocess.run([CRAFTWAVE, *args], env=self.env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return done

    def row(self) -> SentMessage:
        with self.app.app_context():
            row = db.session.execute(db.select(SentMessage)).scalar_one()
            db.session.expunge(row)
            db.engine.dispose()
            return row

    def status(self) -> list[dict]:
        return json.loads(self.run("email", "status", "rs-study", "--json").stdout)


def _kill(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def _wait(event, proc: subprocess.Popen, what: str, log: Path) -> None:
    if not event.wait(timeout=60):
        _kill(proc)
        raise AssertionError(f"the sender never reached {what}: {log.read_text()}")


def test_killed_before_the_smtp_conversation_is_queued_again_and_sent_once(tmp_path):
    inbox = Inbox(pause_at="EHLO")
    with LoopbackSMTP(inbox) as server:
        field = Field(tmp_path, server.port)
        proc = field.start("email", "invite", "rs-study")
        _wait(inbox.reached, proc, "EHLO", field.log)
        row = field.row()
        assert row.status == "sending" and row.handed_over_at is None
        _kill(proc)
        inbox.release()
        time.sleep(LEASE + 0.5)
        listed = field.status()
        assert [r["status"] for r in listed] == ["queued"]
        assert "stopped before contacting the server" in listed[0]["last_error"]
        assert inbox.messages == []
        field.run("email", "invite", "rs-study")
        assert inbox.to() == ["ana@example.org"]
        row = field.row()
        assert row.status == "sent" and row.resends == 0


def test_killed_after_the_server_accepted_is_unknown_and_a_chosen_resend_is_counted(tmp_path):
    inbox = Inbox(pause_at="DATA")
    with LoopbackSMTP(inbox) as server:
        field = Field(tmp_path, server.port)
        proc = field.start("email", "invite", "rs-study")
        _wait(inbox.reached, proc, "DATA", field.log)
        assert field.row().handed_over_at is not None
        _kill(proc)
        inbox.release()
        time.sleep(LEASE + 0.5)
        listed = field.status()
        assert [(r["email"], r["status"]) for r in listed] == [("ana@example.org", "unknown")]
        assert "may or may not have been delivered" in listed[0]["last_error"]
        # the study holds unknowns (on_unknown: hold): another run does not resend
        field.run("email", "invite", "rs-study")
        assert inbox.to() == ["ana@example.org"] and field.row().status == "unknown"
        # the researcher chooses to resend: the one possible duplicate, and it is counted
        field.run("email", "requeue", "rs-study", "--status", "unknown")
        field.run("email", "invite", "rs-study")
        assert inbox.to() == ["ana@example.org", "ana@example.org"]
        row = field.row()
        assert row.status == "sent" and row.resends == 1 and row.attempts == 2


def test_killed_after_the_commit_is_sent_and_never_sent_again(tmp_path):
    inbox = Inbox()
    with LoopbackSMTP(inbox) as server:
        field = Field(tmp_path, server.port)
        proc = field.start("email", "invite", "rs-study")
        deadline = time.monotonic() + 60
        while True:
            with field.app.app_context():
                status = db.session.execute(db.select(SentMessage.status)).scalar_one_or_none()
                db.engine.dispose()
            if status == "sent" or time.monotonic() > deadline:
                break
            time.sleep(0.02)
        if proc.poll() is None:
            _kill(proc)
        proc.wait(timeout=30)
        assert status == "sent"
        time.sleep(LEASE + 0.5)
        assert [r["status"] for r in field.status()] == ["sent"]
        field.run("email", "invite", "rs-study")
        assert inbox.to() == ["ana@example.org"]
