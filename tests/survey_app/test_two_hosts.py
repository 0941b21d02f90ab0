"""Several hosts: two ``craftwave serve`` processes and two ``craftwave worker`` processes on one
PostgreSQL, participants alternating between the hosts.

Each simulated participant sends every request to the other host than the one before (the
session cookie is signed with the shared secret from the environment). Rate limits stay on,
counted in the database that both hosts share. Beside the web servers, each host runs
``craftwave worker`` (a pass every 0.3 s) against a real loopback SMTP server: invited people
with contact emails are due their wave-1 invitation, and each follows the link in the email
and takes the wave on both hosts, while public-link participants take the other study's wave
at the same time. Afterwards every invitation went exactly once (none lost, none twice), both
workers sent, every acknowledged page is stored exactly once and everyone completed the wave.
Then a researcher logged in on one host asks for the study's report: one worker builds it (a
database job) and both hosts serve the same file, though each has its own instance folder.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import time
from html import unescape
from urllib.parse import urlsplit

import numpy as np
import pytest

from craftwave.survey_app import create_app
from craftwave.survey_app.accounts import add_researcher
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant as ParticipantRow
from craftwave.survey_app.models.jobs import ReportFile, ReportJob
from craftwave.survey_app.models.researcher import RateCounter, SentMessage
from craftwave.survey_app.pgtemp import free_port
from craftwave.survey_app.simulate import Participant as SimParticipant
from craftwave.survey_app.simulate import Tally, reconcile
from craftwave.survey_app.studies import load_study_file
from tests.survey_app.app_helpers import DEMO_STUDY
from tests.survey_app.conftest import TABLES, _config
from tests.survey_app.mail_helpers import Inbox, LoopbackSMTP
from tests.survey_app.researcher_fixtures import STUDY_YAML, enrol
from tests.survey_app.test_app_crash import CRAFTWAVE, start_server

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
N_PUBLIC = 30   # enter the demo study through a Prolific-style link
N_INVITED = 24  # have a contact email and are due their wave-1 invitation
SECRET = "two hosts"
MAIL_STUDY = "two-hosts-mail"
OWNER = ("owner@example.org", "correct horse battery staple")
REPORT = f"/researcher/study/{MAIL_STUDY}/report/researcher.html"
_LINK = re.compile(r"https://survey\.example\.org(/s/[A-Za-z0-9_-]+)")


class Alternating(SimParticipant):
    """A participant whose every request goes to the next host in turn."""

    def __init__(self, ports: list[int], *args, **kwargs) -> None:
        super().__init__("127.0.0.1", ports[0], *args, **kwargs)
        self.ports, self.turn = ports, 0
        self.hosts_used: set[int] = set()

    async def _do(self, method, path, body=None):
        self.port = self.ports[self.turn % len(self.ports)]
        self.turn += 1
        self.hosts_used.add(self.port)
        return await super()._do(method, path, body)

    async def follow_link(self, path: str) -> None:
        """Open the personal link from the invitation and answer every page of the wave."""
        path, resp = await self._get(path)
        await self.resume(path, resp)


class Sessions(Inbox):
    """An inbox that also counts SMTP sessions (one per worker's sending run)."""

    def __init__(self) -> None:
        super().__init__()
        self.sessions: set[int] = set()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        self.sessions.add(id(session))
        return await super().handle_EHLO(server, session, envelope, hostname, responses)


async def _invited(ports, box: Inbox, email: str, rng, tally: Tally) -> Alternating:
    deadline = time.monotonic() + 120
    while True:  # wait for the invitation, as a person would
        with box.lock:
            mail = [m for m in box.messages if m["To"] == email]
        if mail:
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"no invitation reached {email}")
        await asyncio.sleep(0.05)
    link = _LINK.search(mail[0].get_content())
    assert link is not None, mail[0].get_content()
    p = Alternating(ports, MAIL_STUDY, "", rng, tally, think=0.01)
    await p.follow_link(urlsplit(link.group(0)).path)
    return p


async def _walk(ports: list[int], box: Inbox, emails: list[str]) -> tuple[Tally, list[Alternating]]:
    tally = Tally()
    rng = np.random.default_rng(23)
    public = [Alternating(ports, DEMO_STUDY, f"{i + 1:024x}", np.random.default_rng(rng.integers(2**63)),
                          tally, think=0.01) for i in range(N_PUBLIC)]
    invited = [_invited(ports, box, e, np.random.default_rng(rng.integers(2**63)), tally) for e in emails]
    results = await asyncio.gather(*(p.take_wave() for p in public), *invited)
    return tally, public + [p for p in results if p is not None]


def _report_across_hosts(ports: list[int]) -> list[tuple[int, bytes]]:
    """A researcher logs in on one host and asks for the study's report; a worker (either
    host's) builds it; each host then serves the same file."""
    import requests

    web = requests.Session()
    first, second = (f"http://127.0.0.1:{p}" for p in ports)
    page = web.get(f"{first}/researcher/login", timeout=30).text
    token = unescape(re.search(r'name="csrf_token"[^>]*value="([^"]*)"', page).group(1))
    login = web.post(f"{first}/researcher/login", data={"csrf_token": token, "email": OWNER[0],
                                                        "password": OWNER[1]},
                     allow_redirects=False, timeout=30)
    assert login.status_code == 303, login.text
    asked = web.get(f"{first}{REPORT}", allow_redirects=False, timeout=30)
    assert asked.status_code == 202, asked.text
    again = asked.headers["Refresh"].partition("; url=")[2]
    deadline = time.monotonic() + 180
    while True:  # the waiting page, asked of the other host
        resp = web.get(f"{second}{again}", timeout=60)
        if resp.status_code == 200:
            break
        assert resp.status_code == 202 and time.monotonic() < deadline, resp.text[:500]
        time.sleep(0.5)
    return [(port, web.get(f"http://127.0.0.1:{port}{again}", timeout=60).content) for port in ports]


def _study_file(tmp_path):
    path = tmp_path / "mail-study.yaml"
    path.write_text(STUDY_YAML.replace("id: rs-study", f"id: {MAIL_STUDY}")
                    + 'sending_hours: "00:00-24:00"\n', encoding="utf-8")
    return path


def test_two_hosts_with_workers_on_one_postgres_lose_and_duplicate_nothing(postgres_url, tmp_path):
    app = create_app(_config(postgres_url, SECRET_KEY=SECRET))  # the hosts' key: links derive from it
    with app.app_context(), db.engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {TABLES}, rate_counters, sent_messages RESTART IDENTITY CASCADE")
    with app.app_context():
        load_study_file(_study_file(tmp_path))
    emails = [f"invited{i:02d}@example.org" for i in range(N_INVITED)]
    for e in emails:
        enrol(app, study_id=MAIL_STUDY, email=e)
    with app.app_context(), db.engine.begin() as conn:
        conn.exec_driver_sql("TRUNCATE researchers, audit_log, report_jobs, report_files RESTART IDENTITY CASCADE")
    with app.app_context():
        add_researcher(*OWNER, "owner", actor="test")
    box = Sessions()
    ports, servers, workers = [free_port(), free_port()], [], []
    with LoopbackSMTP(box) as smtp:
        hosts = []
        for n in range(2):  # each host has its own instance folder: nothing shared on disk
            instance = tmp_path / f"host{n}"
            instance.mkdir()
            (instance / "config.py").write_text(
                f"MAIL_HOST = '127.0.0.1'\nMAIL_PORT = {smtp.port}\nMAIL_SECURITY = 'none'\n"
                "MAIL_FROM = 'study@example.org'\nPUBLIC_BASE_URL = 'https://survey.example.org'\n"
                "REPORT_JOBS = 'worker'\nREPORT_BOOTSTRAP = 0\nREPORT_REFRESH_SECONDS = 1\n",
                encoding="utf-8")
            hosts.append({**os.environ, "CRAFTWAVE_DATABASE_URL": postgres_url,
                          "CRAFTWAVE_SECRET_KEY": SECRET, "CRAFTWAVE_INSTANCE_PATH": str(instance)})
        try:
            for n, (env, port) in enumerate(zip(hosts, ports, strict=True)):
                servers.append(start_server(env, port, tmp_path / f"host{n}.log", server="waitress"))
            for n, env in enumerate(hosts):
                with open(tmp_path / f"worker{n}.log", "wb") as fh:
                    workers.append(subprocess.Popen(
                        [CRAFTWAVE, "worker", "--interval", "0.3", "--batch", "3"], env=env,
                        start_new_session=True, stdout=fh, stderr=fh))
            tally, people = asyncio.run(_walk(ports, box, emails))
            report = _report_across_hosts(ports)
            time.sleep(1.0)  # a few more passes of both workers: nothing further may go
        finally:
            for proc in servers + workers:
                os.killpg(proc.pid, signal.SIGTERM)
            for proc in servers + workers:
                proc.wait(timeout=30)
    logs = [(tmp_path / f"worker{n}.log").read_text() for n in range(2)]
    assert not tally.errors and tally.unacknowledged == 0
    assert all(p.hosts_used == set(ports) for p in people)
    assert tally.completed == N_PUBLIC + N_INVITED
    # every invitation went exactly once, and both hosts' workers sent some of them
    assert box.to() == sorted(emails)
    assert all(m["Subject"].startswith("Survey 1 of") for m in box.messages)
    assert len(box.sessions) >= 2
    assert all(re.search(r": sent [1-9]", log) for log in logs), logs
    with app.app_context():
        rows = db.session.execute(db.select(SentMessage.status, SentMessage.attempts).join(
            ParticipantRow, ParticipantRow.id == SentMessage.participant_id)
            .where(ParticipantRow.study_id == MAIL_STUDY)).all()
        assert sorted(rows) == [("sent", 1)] * N_INVITED
        rec = reconcile(tally.submissions)
        assert rec.acknowledged == len(tally.submissions) > N_PUBLIC + N_INVITED
        assert (rec.lost, rec.duplicated, rec.mismatched) == (0, 0, 0)
        # one build, by one worker; each host served the same file (the other from the database)
        jobs = db.session.execute(db.select(ReportJob.status)).scalars().all()
        assert jobs == ["done"]
        stored = db.session.execute(db.select(ReportFile.content)).scalars().all()
        assert len(stored) == 1 and b"Researcher-side test study" in stored[0]
        assert [body for _port, body in report] == stored * 2
        # the rate-limit counters both hosts used are in the shared database
        assert db.session.execute(db.select(db.func.count()).select_from(RateCounter)).scalar_one() > 0
        db.session.remove()
        db.engine.dispose()
