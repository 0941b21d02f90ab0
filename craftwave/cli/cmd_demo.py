"""``craftwave demo`` (the end-to-end demo) and ``craftwave run-demo`` (what ``make run`` runs)."""

from __future__ import annotations

from pathlib import Path

import click

from .output import fail

LOGIN_FILE = "researcher-login.json"
DEMO_EMAIL = "demo@craftwave.invalid"


def _formats(value: str) -> tuple[str, ...]:
    fmts = tuple(f.strip() for f in value.split(",") if f.strip())
    bad = [f for f in fmts if f not in ("html", "pdf")]
    if bad or not fmts:
        raise click.BadParameter(f"choose html and/or pdf, not {value!r}")
    return fmts


def _options(participants, seed, careless, out, db, reports, formats, bootstrap):
    from craftwave.demo import DEFAULT_OUT, DemoOptions

    return DemoOptions(participants=participants, seed=seed, careless=careless,
                       out=Path(out) if out else DEFAULT_OUT, db_url=db, reports=reports,
                       report_formats=_formats(formats), bootstrap=bootstrap)


def _common(f):
    f = click.option("--bootstrap", type=click.IntRange(min=0), default=500, show_default=True,
                     help="Bootstrap resamples of the reports' moderated mediation.")(f)
    f = click.option("--format", "formats", default="html", show_default=True,
                     help="Report formats, comma-separated: html, pdf.")(f)
    f = click.option("--no-reports", "reports", is_flag=True, flag_value=False, default=True,
                     help="Stop after the export.")(f)
    f = click.option("--db", default=None,
                     help="SQLAlchemy URL of an EMPTY database (default: a new SQLite file in --out).")(f)
    f = click.option("--out", type=click.Path(file_okay=False), default=None,
                     help="Output directory (default: demo_out/ in the repository).")(f)
    f = click.option("--careless", type=click.FloatRange(0, 0.9), default=0.09, show_default=True,
                     help="Share of careless responders (straight-liners, random, speeders).")(f)
    f = click.option("--seed", type=int, default=1, show_default=True, help="Seed of every draw.")(f)
    f = click.option("--participants", type=click.IntRange(min=10), default=400, show_default=True,
                     help="People who open the study link.")(f)
    return f


def _run(opts):
    from craftwave.demo import run_demo
    from craftwave.instruments.errors import CraftwaveError

    try:
        return run_demo(opts, log=click.echo)
    except CraftwaveError as exc:  # DemoError, or an error of the export or the reports
        fail(f"demo: {exc}")


def _print_summary(result) -> None:
    s = result.summary
    c = s["counts"]
    click.echo(f"\n{c['entered']} people entered: {c['declined']} declined consent, "
               f"{c['screened_out']} were screened out, {c['panel']} joined the panel.")
    click.echo("completed: " + ", ".join(f"wave {k[1:]} {v}" for k, v in c["completed"].items())
               + f"; {c['abandoned_mid_wave']} abandoned a wave, "
               f"{c['resumed_after_closing_browser']} closed the browser and resumed, "
               f"{c['withdrew']['stop_contact']} withdrew (stop contact), "
               f"{c['withdrew']['delete']} withdrew asking for deletion; careless: "
               + (", ".join(f"{v} {k}" for k, v in c["careless"].items()) or "none"))
    skipped = [st for st in result.steps if st.status == "skipped"]
    for st in skipped:
        click.echo(f"{st.name}: skipped, {st.detail}")
    click.echo(f"done in {s['seconds']} s ({s['cpu_seconds']} s CPU); everything is in "
               f"{result.options.out}")


@click.command("demo")
@_common
def demo(participants, seed, careless, out, db, reports, formats, bootstrap):
    """Build the demo study, let simulated participants take it over HTTP, export, analyse, report.

    \b
    Examples:
      craftwave demo                       # 400 people, into demo_out/
      craftwave demo --participants 60 --no-reports --out /tmp/demo
    """
    opts = _options(participants, seed, careless, out, db, reports, formats, bootstrap)
    _print_summary(_run(opts))


def ensure_login(app, out: Path) -> dict:
    """The demo researcher (owner) account: kept in ``out/researcher-login.json`` (mode 0600)
    and created in the database if it is missing there."""
    import json
    import os
    import secrets

    from craftwave.survey_app.accounts import add_researcher
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models.researcher import Researcher

    path = Path(out) / LOGIN_FILE
    try:
        login = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        login = {"email": DEMO_EMAIL, "password": secrets.token_urlsafe(12)}
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(login, fh, indent=2)
    with app.app_context():
        known = db.session.execute(db.select(Researcher.id).where(
            Researcher.email == login["email"])).first()
        if known is None:
            add_researcher(login["email"], login["password"], "owner", actor="cli:demo")
        db.session.remove()
    return login


@click.command("run-demo")
@_common
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=5000, show_default=True)
@click.option("--workers", type=int, default=2, show_default=True, help="gunicorn workers.")
@click.option("--force", is_flag=True, help="Rebuild the demo even if it is up to date.")
@click.option("--prepare-only", is_flag=True, help="Prepare everything, print, do not serve.")
def run_demo_cmd(participants, seed, careless, out, db, reports, formats, bootstrap, host, port, workers,
                 force, prepare_only):
    """Prepare the demo (if missing or stale) and serve the app on HOST:PORT (``make run``).

    Migrates the demo database, loads the demo study, runs ``craftwave demo`` when its output
    is missing or was made by other code or options, creates the demo researcher login, and
    serves the app with gunicorn, printing the participant link, the login and the reports.
    """
    import os

    from craftwave.cli.appdb import point_instance_at
    from craftwave.demo import demo_app, is_current, prepare_database, read_state

    opts = _options(participants, seed, careless, out, db, reports, formats, bootstrap)
    current, why = is_current(opts)
    if force or not current:
        click.echo(f"preparing the demo: {'--force was given' if force else why}")
        _print_summary(_run(opts))
    else:
        click.echo(f"demo in {opts.out}: {why}")
    app = demo_app(opts.database_url)
    prepare_database(app, opts.study_file, fresh=False)
    login = ensure_login(app, opts.out)
    state = read_state(opts.out) or {}
    base = f"http://{host}:{port}"
    study_id = state.get("study_id", "gigpanel-demo")
    lines = [("Participant link", f"{base}/study/{study_id}"),
             ("Prolific-style link", f"{base}/study/{study_id}?PROLIFIC_PID=5f0000000000000000c0ffee&STUDY_ID=demo"
                                     "&SESSION_ID=s1"),
             ("Researcher login", f"{base}/researcher/login"),
             ("", f"email {login['email']}  password {login['password']}"),
             ("", f"(kept in {Path(opts.out) / LOGIN_FILE})")]
    for name, path in sorted(state.get("reports", {}).items()):
        kind, _, fmt = name.partition("_")
        if fmt in ("html", "pdf"):
            lines.append((f"{kind.capitalize()} report ({fmt})", path))
    if state.get("reports"):
        lines.append(("All report files", str(Path(next(iter(state["reports"].values()))).parent)))
    if state.get("export_dir"):
        lines.append(("Export directory", state["export_dir"]))
    lines.append(("Database", opts.database_url))
    lines.append(("", point_instance_at(opts.database_url, base)))
    click.echo("")
    for label, value in lines:
        click.echo(f"{label + ':' if label else '':<28}{value}")
    if prepare_only:
        return
    click.echo(f"\nServing on {base} with gunicorn ({workers} workers) and `craftwave worker` "
               "beside it; Ctrl-C stops both.")
    os.environ["CRAFTWAVE_DATABASE_URL"] = opts.database_url
    os.environ.setdefault("CRAFTWAVE_REPORT_JOBS", "worker")  # report builds go to the worker
    import subprocess
    import sys

    from craftwave.survey_app.wsgi_server import run_gunicorn

    # The worker sends due invitations and reminders (when SMTP is configured) beside the server.
    worker = subprocess.Popen([sys.executable, "-c", "from craftwave.cli import main; main()",
                               "worker"])
    try:
        run_gunicorn(host=host, port=port, workers=workers)
    finally:
        worker.terminate()
        worker.wait(timeout=30)


COMMANDS = [demo, run_demo_cmd]
