"""Several hosts: two ``craftwave serve`` processes on one PostgreSQL, participants alternating.

Each simulated participant sends every request to the other host than the one before (the
session cookie is signed with the shared secret from the environment). Rate limits stay on,
counted in the database that both hosts share. Afterwards every acknowledged page is stored
exactly once and every participant completed the wave.
"""

from __future__ import annotations

import asyncio
import os
import signal

import numpy as np
import pytest

from craftwave.survey_app import create_app
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import RateCounter
from craftwave.survey_app.pgtemp import free_port
from craftwave.survey_app.simulate import Participant as SimParticipant
from craftwave.survey_app.simulate import Tally, reconcile
from tests.survey_app.app_helpers import DEMO_STUDY
from tests.survey_app.conftest import TABLES, _config
from tests.survey_app.test_app_crash import start_server

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
N_PEOPLE = 30


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


async def _walk(ports: list[int]) -> tuple[Tally, list[Alternating]]:
    tally = Tally()
    rng = np.random.default_rng(23)
    people = [Alternating(ports, DEMO_STUDY, f"{i + 1:024x}", np.random.default_rng(rng.integers(2**63)),
                          tally, think=0.01) for i in range(N_PEOPLE)]
    await asyncio.gather(*(p.take_wave() for p in people))
    return tally, people


def test_two_hosts_on_one_postgres_lose_and_duplicate_nothing(postgres_url, tmp_path):
    app = create_app(_config(postgres_url))
    with app.app_context(), db.engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {TABLES}, rate_counters RESTART IDENTITY CASCADE")
    env = {**os.environ, "CRAFTWAVE_DATABASE_URL": postgres_url, "CRAFTWAVE_SECRET_KEY": "two hosts",
           "CRAFTWAVE_INSTANCE_PATH": str(tmp_path)}
    ports, servers = [free_port(), free_port()], []
    try:
        for n, port in enumerate(ports):
            servers.append(start_server(env, port, tmp_path / f"host{n}.log", server="waitress"))
        tally, people = asyncio.run(_walk(ports))
    finally:
        for s in servers:
            os.killpg(s.pid, signal.SIGTERM)
            s.wait(timeout=20)
    assert not tally.errors and tally.unacknowledged == 0
    assert all(p.hosts_used == set(ports) for p in people)
    assert tally.completed == N_PEOPLE
    with app.app_context():
        app.config["SECRET_KEY"] = "two hosts"  # the hosts' key: token hashes are keyed by it
        rec = reconcile(tally.submissions)
        assert rec.acknowledged == len(tally.submissions) > N_PEOPLE
        assert (rec.lost, rec.duplicated, rec.mismatched) == (0, 0, 0)
        # the rate-limit counters both hosts used are in the shared database
        assert db.session.execute(db.select(db.func.count()).select_from(RateCounter)).scalar_one() > 0
        db.session.remove()
        db.engine.dispose()
