"""``craftwave worker``: catching up after downtime, and two workers on one PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from craftwave.survey_app.catchup import missed, reopen
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant, WaveStatus
from craftwave.survey_app.models.researcher import SentMessage
from craftwave.survey_app.worker import run_once
from tests.survey_app.mail_helpers import Inbox, LoopbackSMTP
from tests.survey_app.researcher_fixtures import STUDY_YAML, answer_wave, csrf_of, enrol

CRAFTWAVE = str(Path(sys.executable).parent / "craftwave")


@pytest.fixture
def inbox(app):
    box = Inbox()
    with LoopbackSMTP(box) as server:
        app.config.update(MAIL_HOST="127.0.0.1", MAIL_PORT=server.port, MAIL_SECURITY="none",
                          MAIL_FROM="study@example.org", PUBLIC_BASE_URL="https://survey.example.org")
        yield box


def _pass(app):
    with app.app_context():
        return run_once()


def _wave2_rows(app):
    with app.app_context():
        return {pid: (ws.status, ws.opens_at, ws.closes_at) for pid, ws in db.session.execute(
            db.select(Participant.pid, WaveStatus).join(WaveStatus, WaveStatus.participant_id == Participant.id)
            .where(WaveStatus.wave == 2)).all()}


def test_catch_up_after_downtime_lists_missed_waves_and_reopens_them(app, rs_study, inbox, owner_client):
    clock = app.config["CLOCK"]
    early = enrol(app, email="early@example.org")
    late = enrol(app, email="late@example.org")
    _pass(app)
    assert inbox.to() == ["early@example.org", "late@example.org"]  # wave 1 invitations
    answer_wave(app, early, 1)
    clock.advance(days=20)
    answer_wave(app, late, 1)  # wave 2 opens day 30 for 'early', day 50 for 'late'
    clock.advance(days=11)
    _pass(app)
    assert [m["To"] for m in inbox.messages[2:]] == ["early@example.org"]
    # the worker is down for a year: 'late' has wave 2 open and close with no invitation
    clock.advance(days=370)
    _pass(app)
    assert len(inbox.messages) == 3  # nothing goes for a window that closed
    with app.app_context():
        gone = missed("rs-study")
    assert gone[["participant_id", "wave"]].values.tolist() == [[late, 2]]  # 'early' was invited

    page = owner_client.get("/researcher/study/rs-study").get_data(as_text=True)
    assert "missed: never invited" in page and "data-missed-wave=\"2\"" in page
    resp = owner_client.post("/researcher/study/rs-study/reopen/2",
                             data={"csrf_token": csrf_of(page)})
    assert resp.status_code == 303
    status, opens, closes = _wave2_rows(app)[late]
    assert status == "invited" and opens == clock() and closes == clock() + (closes - opens)
    assert (closes - opens).days == 14
    with app.app_context():
        assert missed("rs-study").empty
    _pass(app)
    assert inbox.to().count("late@example.org") == 2
    body = inbox.messages[-1].get_content()
    assert closes.strftime("%d %B %Y") + " (UTC)" in body
    _pass(app)
    assert len(inbox.messages) == 4  # reopened once, invited once


def test_reopen_by_command_line_for_named_people(app, rs_study, inbox, monkeypatch):
    from click.testing import CliRunner

    from craftwave.cli import cmd_fieldwork, main

    clock = app.config["CLOCK"]
    pids = [enrol(app, email=f"p{i}@example.org") for i in range(3)]
    for pid in pids:
        answer_wave(app, pid, 1)
    clock.advance(days=100)
    monkeypatch.setattr(cmd_fieldwork, "_app", lambda: app)
    listed = CliRunner().invoke(main, ["email", "missed", "rs-study", "--json"])
    assert listed.exit_code == 0, listed.output
    assert sorted(r["participant_id"] for r in __import__("json").loads(listed.output)) == sorted(pids)
    res = CliRunner().invoke(main, ["email", "reopen", "rs-study", "--wave", "2",
                                    "--participant", pids[0]])
    assert res.exit_code == 0, res.output
    assert "reopened wave 2 for 1" in res.output
    with app.app_context():
        assert sorted(missed("rs-study")["participant_id"]) == sorted(pids[1:])
    with app.app_context():
        with pytest.raises(Exception, match="has no wave 7"):
            reopen("rs-study", 7, "test")


def test_a_study_this_host_cannot_load_does_not_stop_the_others(app, rs_study, inbox):
    """A study whose instruments this host lacks (another host's library) waits; others send."""
    from datetime import datetime

    import yaml

    from craftwave.survey_app.models import StudyRecord

    enrol(app, email="someone@example.org")
    broken = yaml.safe_load(STUDY_YAML.replace("id: rs-study", "id: rs-elsewhere"))
    broken["waves"][0]["pages"][0]["blocks"] = [{"instrument": "not_in_this_library"}]
    with app.app_context():
        db.session.add(StudyRecord(id="rs-elsewhere", title="elsewhere",
                                   source_yaml=yaml.safe_dump(broken), content_hash="x" * 64,
                                   loaded_at=datetime(2026, 1, 1)))
        db.session.commit()
    done = _pass(app)
    assert "not_in_this_library" in done.skipped["rs-elsewhere"]
    assert inbox.to() == ["someone@example.org"]


# -- two workers on one PostgreSQL ----------------------------------------------------------
class _Rendezvous(Inbox):
    """Holds every message until two SMTP sessions are open: both workers are sending."""

    def __init__(self) -> None:
        super().__init__()
        self.sessions: set[int] = set()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        self.sessions.add(id(session))
        return await super().handle_EHLO(server, session, envelope, hostname, responses)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        deadline = time.monotonic() + 60
        while len(self.sessions) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.01)
        return await super().handle_DATA(server, session, envelope)


@pytest.mark.postgres
@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_two_workers_on_one_postgresql_never_send_a_message_twice(app, researcher_tables, tmp_path):
    from craftwave.survey_app.studies import load_study_file

    study = tmp_path / "allday.yaml"
    study.write_text(STUDY_YAML.replace("id: rs-study", "id: rs-allday")
                     + 'sending_hours: "00:00-24:00"\n', encoding="utf-8")
    with app.app_context():
        load_study_file(study)
    people = [f"w{i:02d}@example.org" for i in range(30)]
    for e in people:
        enrol(app, study_id="rs-allday", email=e, consent=False)
    box = _Rendezvous()
    with LoopbackSMTP(box) as server:
        instance = tmp_path / "instance"
        instance.mkdir()
        (instance / "config.py").write_text(
            f"MAIL_HOST = '127.0.0.1'\nMAIL_PORT = {server.port}\nMAIL_SECURITY = 'none'\n"
            "MAIL_FROM = 'study@example.org'\n", encoding="utf-8")
        env = {**os.environ, "CRAFTWAVE_INSTANCE_PATH": str(instance), "CRAFTWAVE_SECRET_KEY": "k",
               "CRAFTWAVE_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"]}
        logs = [tmp_path / f"worker{i}.log" for i in range(2)]
        procs = []
        for log in logs:
            with open(log, "wb") as fh:
                procs.append(subprocess.Popen([CRAFTWAVE, "worker", "--once"], env=env,
                                              stdout=fh, stderr=fh))
        for proc, log in zip(procs, logs, strict=True):
            assert proc.wait(timeout=180) == 0, log.read_text()
    assert len(box.sessions) == 2, [log.read_text() for log in logs]  # both were sending at once
    assert box.to() == sorted(people)  # each exactly once
    with app.app_context():
        rows = db.session.execute(db.select(SentMessage.status, SentMessage.attempts).join(
            Participant, Participant.id == SentMessage.participant_id)
            .where(Participant.study_id == "rs-allday")).all()
    assert sorted(rows) == [("sent", 1)] * len(people)
