"""Load benchmark of the survey app: open-loop simulated participants over HTTP.

Starts ``craftwave serve`` (gunicorn, the production configuration) on a fresh database,
loads the demo study, and sends simulated participants who each take wave 1 over HTTP
(entry, consent, screening, every page, completion), arriving as a Poisson process at rising
rates. For each rate it prints the page submissions per second achieved and the p50/p95/p99
latency of page submissions; then the highest rate sustained with p95 under 100 ms, and a
reconciliation of every acknowledged submission against the database (lost, duplicated).

With ``--researchers N`` it then runs a mixed load: participants arrive at 60% of the rate
sustained alone while N researchers each log in, open the studies list and the study's
dashboard, download the export zip and the due list, and log out, over and over. It prints
both sides' throughput and latencies, the 5xx answers each side got, and how often the
server's log says ``database is locked`` (the target: 0 and 0).

Run by hand (never as a timed test)::

    python bench/app_load.py                      # SQLite (the default database)
    python bench/app_load.py --db postgres        # Debian's PostgreSQL in a temp directory
    python bench/app_load.py --rates 100 200 300 --step 15 --workers 2
    python bench/app_load.py --researchers 3 --rates 60 120 --step 10 --mixed 30
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]

from craftwave.survey_app.simulate import (  # noqa: E402
    ServerGone,
    Tally,
    open_loop,
    reconcile,
    request,
)

DEMO = REPO / "data" / "demo" / "study.yaml"
CRAFTWAVE = [str(Path(sys.executable).parent / "craftwave")]
RESEARCHER = ("bench-owner@example.org", "ochre lantern over a quiet harbour")
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]*)"')


@dataclass
class ResearcherTally:
    """What the simulated researchers saw: latency per action, statuses, failures."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rounds: int = 0


async def researcher_loop(port: int, study_id: str, seconds: float, think: float,
                          rng: np.random.Generator, tally: ResearcherTally) -> None:
    """One researcher: log in, studies list, dashboard, export, due list, log out; repeat."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        cookie: str | None = None

        async def do(action: str, method: str, path: str, body: dict | None = None):
            nonlocal cookie
            t0 = time.perf_counter()
            resp = await request("127.0.0.1", port, method, path, body, cookie, timeout=120)
            tally.latencies.setdefault(action, []).append(time.perf_counter() - t0)
            tally.statuses.append(resp.status)
            if resp.status >= 500:
                tally.errors.append(f"{method} {path}: {resp.status}")
            sc = resp.headers.get("set-cookie")
            if sc:
                cookie = sc.split(";", 1)[0]
            return resp

        try:
            page = await do("login page", "GET", "/researcher/login")
            csrf = unescape(_CSRF.search(page.body).group(1))
            r = await do("login", "POST", "/researcher/login",
                         {"csrf_token": csrf, "email": RESEARCHER[0], "password": RESEARCHER[1]})
            if r.status != 303:
                tally.errors.append(f"login answered {r.status}")
                continue
            await do("studies", "GET", "/researcher/")
            dash = await do("dashboard", "GET", f"/researcher/study/{study_id}")
            await do("export", "GET", f"/researcher/study/{study_id}/export.zip")
            await do("due list", "GET", f"/researcher/study/{study_id}/due.csv")
            m = _CSRF.search(dash.body)
            if m is not None:
                await do("logout", "POST", "/researcher/logout",
                         {"csrf_token": unescape(m.group(1))})
            tally.rounds += 1
        except (ServerGone, AttributeError) as exc:
            tally.errors.append(f"{type(exc).__name__}: {exc}")
        await asyncio.sleep(rng.exponential(think))


def cpu_seconds(root_pids: list[int]) -> float:
    """User+system CPU seconds of the given processes and all their descendants (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    stats: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        stats[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    keep = set(root_pids)
    changed = True
    while changed:
        changed = False
        for pid, ppid in parents.items():
            if ppid in keep and pid not in keep:
                keep.add(pid)
                changed = True
    return sum(stats.get(pid, 0.0) for pid in keep)


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
    ap.add_argument("--server", choices=["waitress", "gunicorn"], default="waitress")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn only")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--researchers", type=int, default=0,
                    help="then run a mixed load with this many researchers (0: none)")
    ap.add_argument("--mixed", type=float, default=30.0, help="seconds of mixed load")
    ap.add_argument("--think", type=float, default=1.0,
                    help="mean seconds a researcher waits between rounds")
    args = ap.parse_args()

    from craftwave.survey_app.pgtemp import PostgresServer, find_pg_bin, free_port

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
    subprocess.run([*CRAFTWAVE, "researcher", "add", RESEARCHER[0], "--role", "owner",
                    "--password-stdin"], env=env, check=True, capture_output=True,
                   input=RESEARCHER[1] + "\n", text=True)
    log_path = work / "server.log"
    log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115  (closed after the server stops)
    serve_args = ["--server", args.server]
    if args.server == "gunicorn":
        serve_args += ["--workers", str(args.workers)]
    if args.threads:
        serve_args += ["--threads", str(args.threads)]
    server = subprocess.Popen([*CRAFTWAVE, "serve", "--port", str(port), *serve_args], env=env,
                              start_new_session=True,
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_ready(port)
        os.environ.update({k: v for k, v in env.items() if k.startswith("CRAFTWAVE_")})
        run(args, port, server.pid, pg.postmaster_pid() if pg is not None else None, log_path)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
        if pg is not None:
            pg.stop()
            shutil.rmtree(pgdir, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def run(args, port: int, server_pid: int, db_pid: int | None, log_path: Path) -> None:
    from craftwave.instruments import load_study
    from craftwave.survey_app import create_app

    study = load_study(DEMO)
    n_pages = len(study.waves[0].pages)
    rng = np.random.default_rng(args.seed)
    server = (f"gunicorn {args.workers} worker(s) x {args.threads or 64} thread(s)"
              if args.server == "gunicorn" else f"waitress 1 process x {args.threads or 8} thread(s)")
    print(f"craftwave app load benchmark: {args.db}, {server}, {os.cpu_count()} cores, demo study wave 1 "
          f"({n_pages} pages), open-loop Poisson arrivals, {args.step:.0f} s per rate")
    print(f"load average before the run: {os.getloadavg()[0]:.2f} (other processes share these cores)")
    print(f"{'offered/s':>10} {'achieved/s':>11} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'GET p95':>8} {'errors':>7} {'CPU ms/submission: app':>23} {'db':>5} {'loadgen':>8}")
    all_subs = []
    cpu_rows: list[float] = []
    best = None
    peak = 0.0  # the highest rate achieved without errors, whatever the latency
    # Warm-up (not reported): workers finish booting, compile templates, statements and the study.
    warm = Tally()
    asyncio.run(open_loop("127.0.0.1", port, study.id, 20 / n_pages, 4.0, rng, warm, prefix="warm"))
    all_subs += warm.submissions
    for i, rate in enumerate(args.rates):
        tally = Tally()
        cpu_app, cpu_db, cpu_gen = cpu_seconds([server_pid]), cpu_seconds([db_pid] if db_pid else []), time.process_time()
        t0 = time.perf_counter()
        asyncio.run(open_loop("127.0.0.1", port, study.id, rate / n_pages, args.step, rng, tally,
                              prefix=f"r{i}x"))
        n = max(len(tally.submissions), 1)
        cpu_app = (cpu_seconds([server_pid]) - cpu_app) / n * 1000
        cpu_db = (cpu_seconds([db_pid]) - cpu_db) / n * 1000 if db_pid else 0.0
        cpu_gen = (time.process_time() - cpu_gen) / n * 1000
        lat = [s.latency for s in tally.submissions]
        warm = min(4.0, args.step / 3)  # participants need a few requests before their first page
        acked = [s for s in tally.submissions if warm <= s.sent_at + s.latency - t0 <= args.step]
        achieved = len(acked) / (args.step - warm)
        p50, p95, p99 = pct(lat, 50), pct(lat, 95), pct(lat, 99)
        print(f"{rate:10.0f} {achieved:11.1f} {p50:8.1f} {p95:8.1f} {p99:8.1f} "
              f"{pct(tally.get_latencies, 95):8.1f} {len(tally.errors):7d} {cpu_app:23.2f} "
              f"{cpu_db:5.2f} {cpu_gen:8.2f}", flush=True)
        cpu_rows.append(cpu_app + cpu_db + cpu_gen)
        all_subs += tally.submissions
        if not tally.errors:
            peak = max(peak, achieved)
        ok = p95 < 100 and not tally.errors and achieved >= 0.8 * rate
        if ok:
            best = (rate, achieved, p50, p95, p99)
        elif best is not None and p95 > 250:
            break
    if args.researchers > 0:
        # the rate sustained alone: with p95 under 100 ms if any was, else the highest achieved
        alone = best[1] if best else (peak or None)
        all_subs += mixed(args, port, study, n_pages, rng, alone, log_path)
    app = create_app()
    with app.app_context():
        rec = reconcile(all_subs)
    if best:
        print(f"\nsustained: {best[1]:.0f} page submissions/s (offered {best[0]:.0f}/s) with "
              f"p50 {best[2]:.1f} ms, p95 {best[3]:.1f} ms, p99 {best[4]:.1f} ms")
    else:
        print("\nno rate was sustained with p95 under 100 ms")
    per_sub = float(np.median(cpu_rows))
    print(f"CPU per page submission (median over rates, incl. the page GET that follows it and "
          f"the entry requests): {per_sub:.2f} ms, i.e. a ceiling of about "
          f"{1000 * (os.cpu_count() or 1) / per_sub:.0f} submissions/s on {os.cpu_count()} idle cores")
    print(f"reconciliation: {rec.acknowledged} acknowledged page submissions, "
          f"{rec.expected_answers} answers: lost {rec.lost}, duplicated {rec.duplicated}, "
          f"mismatched {rec.mismatched}")
    if not rec.ok:
        raise SystemExit(1)


def mixed(args, port: int, study, n_pages: int, rng: np.random.Generator, alone: float | None,
          log_path: Path) -> list:
    """Participants at 60% of the rate sustained alone, with researchers alongside."""
    if alone is None:
        raise SystemExit("no participant rate was sustained alone; cannot run the mixed load")
    rate = 0.6 * alone
    locked_before = log_path.read_text(encoding="utf-8", errors="replace").count("database is locked")
    print(f"\nmixed load: participants at {rate:.0f} page submissions/s (60% of {alone:.0f}/s "
          f"sustained alone) with {args.researchers} researcher(s) for {args.mixed:.0f} s", flush=True)
    tally = Tally()
    rt = ResearcherTally()

    async def both():
        await asyncio.gather(
            open_loop("127.0.0.1", port, study.id, rate / n_pages, args.mixed, rng, tally,
                      prefix="mix"),
            *(researcher_loop(port, study.id, args.mixed, args.think,
                              np.random.default_rng(rng.integers(2**63)), rt)
              for _ in range(args.researchers)))

    t0 = time.perf_counter()
    asyncio.run(both())
    elapsed = time.perf_counter() - t0
    lat = [s.latency for s in tally.submissions]
    p5xx = sum(1 for e in tally.errors if re.search(r": 5\d\d$", e))
    print(f"participants: {len(tally.submissions) / args.mixed:.1f} page submissions/s "
          f"(offered {rate:.0f}/s), p50 {pct(lat, 50):.1f} ms, p95 {pct(lat, 95):.1f} ms, "
          f"p99 {pct(lat, 99):.1f} ms, GET p95 {pct(tally.get_latencies, 95):.1f} ms; "
          f"errors {len(tally.errors)} (5xx {p5xx})")
    r5xx = sum(1 for s in rt.statuses if s >= 500)
    print(f"researchers: {rt.rounds} rounds in {elapsed:.0f} s ({len(rt.statuses)} requests, "
          f"{len(rt.statuses) / elapsed:.1f}/s), 5xx {r5xx}, other failures "
          f"{len(rt.errors) - r5xx}")
    for action, values in rt.latencies.items():
        print(f"  {action:<11} n {len(values):4d}  p50 {pct(values, 50):8.1f} ms  "
              f"p95 {pct(values, 95):8.1f} ms  max {max(values) * 1000:8.1f} ms")
    log = log_path.read_text(encoding="utf-8", errors="replace")
    print(f"server log: 'database is locked' {log.count('database is locked') - locked_before} "
          f"times, tracebacks {log.count('Traceback')}")
    for e in (tally.errors + rt.errors)[:5]:
        print(f"  e.g. {e}")
    return tally.submissions


if __name__ == "__main__":
    main()
