"""Slow clients cannot freeze ``craftwave serve``: 50 connections dripping headers, app still answers.

Runs the production server (waitress, the default of ``craftwave serve``) as a subprocess on a
SQLite instance, keeps its write path busy with simulated participants submitting pages, opens
50 connections that send request headers one byte at a time, and checks that ``/healthz`` and
a participant page (the study's entry link) still answer. Latency figures are in
``bench/slow_clients.py``, not here: the timeout below is deliberately generous.
"""

from __future__ import annotations

import asyncio
import os
import signal

import numpy as np
import pytest
from flask_migrate import upgrade

from craftwave.survey_app import MIGRATIONS_DIR, create_app
from craftwave.survey_app.extensions import db
from craftwave.survey_app.pgtemp import free_port
from craftwave.survey_app.simulate import Tally, open_loop, request, slow_connection
from craftwave.survey_app.studies import load_study_file
from tests.survey_app.app_helpers import DEMO_FILE
from tests.survey_app.test_app_crash import start_server

pytestmark = pytest.mark.slow

N_SLOW = 50


async def _scenario(port: int) -> tuple[list[int], Tally]:
    stop = asyncio.Event()
    slow = [asyncio.ensure_future(slow_connection(port, 0.5, stop)) for _ in range(N_SLOW)]
    await asyncio.sleep(1.5)
    tally = Tally()
    load = asyncio.ensure_future(open_loop("127.0.0.1", port, "test-study", 4.0, 4.0,
                                           np.random.default_rng(11), tally, think=0.05))
    statuses = []
    for i in range(5):
        statuses.append((await request("127.0.0.1", port, "GET", "/healthz", timeout=20)).status)
        resp = await request("127.0.0.1", port, "GET",
                             f"/study/test-study?PROLIFIC_PID={i + 1:024x}&STUDY_ID=a&SESSION_ID=b",
                             timeout=20)
        statuses.append(resp.status)
        assert "Before you start" in resp.body
        await asyncio.sleep(0.3)
    still_open = sum(not t.done() for t in slow)
    await load
    stop.set()
    await asyncio.gather(*slow)
    assert still_open == N_SLOW  # the slow connections were really held open meanwhile
    return statuses, tally


def test_fifty_slow_connections_do_not_freeze_the_server(tmp_path):
    (tmp_path / "config.py").write_text("RATELIMIT_ENABLED = False\n", encoding="utf-8")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'craftwave.sqlite'}",
                      "SECRET_KEY": "slow"})
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_study_file(DEMO_FILE)
        db.session.remove()
        db.engine.dispose()
    env = {**os.environ, "CRAFTWAVE_INSTANCE_PATH": str(tmp_path), "CRAFTWAVE_SECRET_KEY": "slow"}
    env.pop("CRAFTWAVE_DATABASE_URL", None)
    port = free_port()
    proc = start_server(env, port, tmp_path / "server.log", server="waitress")
    try:
        statuses, tally = asyncio.run(_scenario(port))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    assert statuses == [200] * 10
    assert len(tally.submissions) > 0 and not tally.errors
