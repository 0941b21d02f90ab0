"""Slow clients against ``craftwave serve``: does the app still answer while they hold sockets?

Starts ``craftwave serve`` (waitress, or gunicorn's gthread worker) on a fresh SQLite instance
with the test study, keeps the write path busy with simulated participants submitting pages,
opens ``--slow`` connections that send their request headers one byte every ``--drip``
seconds, and meanwhile times ``/healthz`` and a participant page (the study's entry link)::

    python bench/slow_clients.py --server waitress --slow 50
    python bench/slow_clients.py --server gunicorn --slow 50 --threads 64
    python bench/slow_clients.py --server gunicorn --slow 50 --threads 1   # the old sync worker

It prints the median and worst latency of each probe and how many probes got no answer
within ``--timeout`` seconds. Everything listens on 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
STUDY_FILE = ROOT / "tests" / "survey_app" / "test_study.yaml"
STUDY = "test-study"
CRAFTWAVE = str(Path(sys.executable).parent / "craftwave")


def prepare(instance: Path) -> None:
    """A migrated SQLite database with the study loaded, and rate limits off (one address)."""
    from flask_migrate import upgrade

    from craftwave.survey_app import MIGRATIONS_DIR, create_app
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.studies import load_study_file

    (instance / "config.py").write_text("RATELIMIT_ENABLED = False\n", encoding="utf-8")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'craftwave.sqlite'}",
                      "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_study_file(STUDY_FILE)
        db.session.remove()
        db.engine.dispose()


def start(instance: Path, port: int, server: str, threads: int | None, workers: int) -> subprocess.Popen:
    env = {**os.environ, "CRAFTWAVE_INSTANCE_PATH": str(instance), "CRAFTWAVE_SECRET_KEY": "bench"}
    env.pop("CRAFTWAVE_DATABASE_URL", None)
    cmd = [CRAFTWAVE, "serve", "--port", str(port), "--server", server]
    if server == "gunicorn":
        cmd += ["--workers", str(workers)]
    if threads:
        cmd += ["--threads", str(threads)]
    log = open(instance / "server.log", "ab")  # noqa: SIM115  (closed with the process)
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stdout=log, stderr=log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError((instance / "server.log").read_text()) from None
            time.sleep(0.1)
    raise RuntimeError("craftwave serve did not start")


async def probe(port: int, path: str, timeout: float) -> float | None:
    from craftwave.survey_app.simulate import ServerGone, request

    t0 = time.perf_counter()
    try:
        resp = await request("127.0.0.1", port, "GET", path, timeout=timeout)
    except ServerGone:
        return None
    return time.perf_counter() - t0 if resp.status < 500 else None


async def run(port: int, n_slow: int, drip: float, seconds: float, timeout: float,
              writers: int) -> dict[str, list[float | None]]:
    from craftwave.survey_app.simulate import Tally, open_loop, slow_connection

    stop = asyncio.Event()
    slow = [asyncio.ensure_future(slow_connection(port, drip, stop)) for _ in range(n_slow)]
    await asyncio.sleep(1.0)  # let every slow connection be accepted
    tally = Tally()
    load = asyncio.ensure_future(open_loop("127.0.0.1", port, STUDY, writers, seconds,
                                           np.random.default_rng(3), tally, think=0.05))
    results: dict[str, list[float | None]] = {"healthz": [], "entry": []}
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        results["healthz"].append(await probe(port, "/healthz", timeout))
        results["entry"].append(await probe(port, f"/study/{STUDY}?PROLIFIC_PID=probe{i:05d}"
                                            "&STUDY_ID=b&SESSION_ID=s", timeout))
        i += 1
        await asyncio.sleep(0.2)
    stop.set()
    await asyncio.gather(*slow)
    await load
    results["pages"] = [s.latency for s in tally.submissions]
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server", choices=["waitress", "gunicorn"], default="waitress")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--slow", type=int, default=50, help="slow connections held open")
    ap.add_argument("--drip", type=float, default=1.0, help="seconds between the bytes they send")
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--writers", type=float, default=4.0, help="participants starting per second")
    args = ap.parse_args()
    from craftwave.survey_app.pgtemp import free_port

    with tempfile.TemporaryDirectory(prefix="craftwave-slow-") as tmp:
        instance = Path(tmp)
        prepare(instance)
        port = free_port()
        proc = start(instance, port, args.server, args.threads, args.workers)
        try:
            res = asyncio.run(run(port, args.slow, args.drip, args.seconds, args.timeout, args.writers))
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
    label = f"{args.server}" + (f" threads={args.threads}" if args.threads else "")
    print(f"{label}, {args.slow} slow connections, {args.seconds:.0f} s, write path busy")
    for name, values in res.items():
        ok = [v for v in values if v is not None]
        if ok:
            print(f"  {name:8s} n={len(values):4d} unanswered={len(values) - len(ok):3d} "
                  f"median={statistics.median(ok) * 1000:7.1f} ms  max={max(ok) * 1000:7.1f} ms")
        else:
            print(f"  {name:8s} n={len(values):4d} unanswered={len(values):3d}")


if __name__ == "__main__":
    main()
