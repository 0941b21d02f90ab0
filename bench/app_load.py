"""Load benchmark of the survey app: open-loop simulated participants over HTTP.

Starts ``craftwave serve`` (gunicorn, the production configuration) on a fresh database,
loads the demo study, and sends simulated participants who each take wave 1 over HTTP
(entry, consent, screening, every page, completion), arriving as a Poisson process at rising
rates. For each rate it prints the page submissions per second achieved and the p50/p95/p99
latency of page submissions; then the highest rate sustained with p95 under 100 ms, and a
reconciliation of every acknowledged submission against the database (lost, duplicated).

Run by hand (never as a timed test)::

    python bench/app_load.py                      # SQLite (the default database)
    python bench/app_load.py --db postgres        # Debian's PostgreSQL in a temp directory
    python bench/app_load.py --rates 100 200 300 --step 15 --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from survey_app.simulate import Tally, open_loop, reconcile  # noqa: E402

DEMO = REPO / "data" / "demo" / "study.yaml"
CRAFTWAVE = [str(Path(sys.executable).parent / "craftwave")]


def pct(values, q):
    return float(np.percentile(values, q) * 1000) if len(values) else float("nan")


def wait_ready(port: int, timeout: float = 30) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--rates", type=float, nargs="+",
                    default=[100, 150, 200, 250, 300, 350, 400, 450])
    ap.add_argument("--step", type=float, default=12.0, help="seconds per rate")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()

    from survey_app.pgtemp import PostgresServer, find_pg_bin, free_port

    port = args.port or free_port()
    work = Path(tempfile.mkdtemp(prefix="craftwave-bench-"))
    env = {**os.environ, "CRAFTWAVE_INSTANCE_PATH": str(work), "CRAFTWAVE_SECRET_KEY": "bench"}
    # Every simulated participant comes from 127.0.0.1: switch the per-address entry limit off.
    (work / "config.py").write_text("RATELIMIT_ENABLED = False\n", encoding="utf-8")
    pg = None
    if args.db == "postgres":
        bindir = find_pg_bin()
        if bindir is None:
            raise SystemExit("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb)")
        pgdir = Path(tempfile.mkdtemp(prefix="craftwave-bench-pg-"))
        pg = PostgresServer(bindir, pgdir, fsync=True)
        pg.start()
        env["CRAFTWAVE_DATABASE_URL"] = pg.create_database("bench")
    subprocess.run([*CRAFTWAVE, "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run([*CRAFTWAVE, "study", "load", str(DEMO)], env=env, check=True, capture_output=True)
    server = subprocess.Popen([*CRAFTWAVE, "serve", "--port", str(port), "--workers", str(args.workers),
                               "--threads", str(args.threads)], env=env, start_new_session=True)
    try:
        wait_ready(port)
        time.sleep(1.0)
        os.environ.update({k: v for k, v in env.items() if k.startswith("CRAFTWAVE_")})
        run(args, port)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        if pg is not None:
            pg.stop()
            shutil.rmtree(pgdir, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def run(args, port: int) -> None:
    from instruments import load_study
    from survey_app import create_app

    study = load_study(DEMO)
    n_pages = len(study.waves[0].pages)
    rng = np.random.default_rng(args.seed)
    print(f"craftwave app load benchmark: {args.db}, gunicorn {args.workers} worker(s) x "
          f"{args.threads} thread(s), {os.cpu_count()} cores, demo study wave 1 "
          f"({n_pages} pages), open-loop Poisson arrivals, {args.step:.0f} s per rate")
    print(f"{'offered/s':>10} {'achieved/s':>11} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'GET p95':>8} {'errors':>7}")
    all_subs = []
    best = None
    for i, rate in enumerate(args.rates):
        tally = Tally()
        t0 = time.perf_counter()
        asyncio.run(open_loop("127.0.0.1", port, study.id, rate / n_pages, args.step, rng, tally,
                              prefix=f"r{i}x"))
        lat = [s.latency for s in tally.submissions]
        in_window = [s for s in tally.submissions if s.sent_at - t0 <= args.step]
        achieved = len(in_window) / args.step
        p50, p95, p99 = pct(lat, 50), pct(lat, 95), pct(lat, 99)
        print(f"{rate:10.0f} {achieved:11.1f} {p50:8.1f} {p95:8.1f} {p99:8.1f} "
              f"{pct(tally.get_latencies, 95):8.1f} {len(tally.errors):7d}", flush=True)
        all_subs += tally.submissions
        ok = p95 < 100 and not tally.errors and achieved >= 0.9 * rate
        if ok:
            best = (rate, achieved, p50, p95, p99)
        elif best is not None and p95 > 250:
            break
    app = create_app()
    with app.app_context():
        rec = reconcile(all_subs)
    if best:
        print(f"\nsustained: {best[1]:.0f} page submissions/s (offered {best[0]:.0f}/s) with "
              f"p50 {best[2]:.1f} ms, p95 {best[3]:.1f} ms, p99 {best[4]:.1f} ms")
    else:
        print("\nno rate was sustained with p95 under 100 ms")
    print(f"reconciliation: {rec.acknowledged} acknowledged page submissions, "
          f"{rec.expected_answers} answers: lost {rec.lost}, duplicated {rec.duplicated}, "
          f"mismatched {rec.mismatched}")
    if not rec.ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
