"""Fieldwork commands: ``craftwave email invite|remind|status|requeue|missed|reopen|bounces``
and ``craftwave worker``.

``email invite`` and ``email remind`` exit 0 when they ran, whatever single recipients did (a
refused recipient is data, shown by ``email status``); they exit non-zero only when they could
not run at all (no such study, no template, no sender address).
"""

from __future__ import annotations

import click

from .output import echo_json, fail


def _app():
    from craftwave.cli.appdb import cli_app

    return cli_app()


def _iso(value) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


@click.group("email")
def email_group() -> None:
    """Invitations and reminders through the outbox (safe to run from cron: each goes once)."""


def _report(run, as_json: bool) -> None:
    if as_json:
        echo_json({"kind": run.kind, "sent": len(run.sent), "queued": run.queued,
                   "waiting": run.waiting, "dropped": run.dropped, "unknown": run.unknown,
                   "resent_unknown": run.resent,
                   "deferred": [{"participant_id": p, "wave": w, "error": e} for p, w, e in run.deferred],
                   "failed": [{"participant_id": p, "wave": w, "error": e} for p, w, e in run.failed]})
        return
    click.echo(f"{run.kind}s sent: {len(run.sent)}; deferred: {len(run.deferred)}; "
               f"failed: {len(run.failed)}; waiting for sending hours or retry: {run.waiting}")
    for pid, wave, err in run.deferred:
        click.echo(f"  deferred: {pid} wave {wave}: {err}")
    for pid, wave, err in run.failed:
        click.echo(f"  failed: {pid} wave {wave}: {err}")
    if run.unknown:
        click.echo(f"  {run.unknown} message(s) now 'unknown' (a sender stopped mid-send): "
                   "see `craftwave email status`")


def _send(fn, study_id: str, as_json: bool, **kw) -> None:
    from craftwave.instruments import CraftwaveError
    from craftwave.survey_app.audit import cli_actor

    app = _app()
    with app.app_context():
        try:
            run = fn(study_id, cli_actor(), **kw)
        except CraftwaveError as exc:
            fail(str(exc))
    _report(run, as_json)


_RESEND = click.option("--resend-unknown/--hold-unknown", default=None,
                       help="Send 'unknown' messages again (they may arrive twice) or keep them "
                            "held; default: the study's on_unknown.")


@email_group.command("invite")
@click.argument("study_id")
@click.option("--wave", type=int, default=None, help="Only invitations to this wave.")
@_RESEND
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
def email_invite(study_id: str, wave: int | None, resend_unknown: bool | None, as_json: bool) -> None:
    """Invite everyone whose wave is open and who has not been invited to it yet."""
    from craftwave.survey_app.mailer import send_invitations

    _send(send_invitations, study_id, as_json, wave=wave, resend_unknown=resend_unknown)


@email_group.command("remind")
@click.argument("study_id")
@_RESEND
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
def email_remind(study_id: str, resend_unknown: bool | None, as_json: bool) -> None:
    """Remind those who have not completed their open wave, per the study's reminder schedule."""
    from craftwave.survey_app.mailer import send_reminders

    _send(send_reminders, study_id, as_json, resend_unknown=resend_unknown)


@email_group.command("status")
@click.argument("study_id")
@click.option("--status", "only", default=None, help="Only messages in this state.")
@click.option("--json", "as_json", is_flag=True, help="Every message as JSON.")
def email_status(study_id: str, only: str | None, as_json: bool) -> None:
    """Every message of the study with its state (queued, sending, sent, deferred, failed,
    bounced, unknown), attempts and last error."""
    from craftwave.survey_app import clock, outbox
    from craftwave.survey_app.studies import get_study

    app = _app()
    with app.app_context():
        if get_study(study_id) is None:
            fail(f"no study '{study_id}' is loaded")
        outbox.recover_expired(clock.now(), study_id)
        rows = [r for r in outbox.messages(study_id) if only is None or r["status"] == only]
    if as_json:
        echo_json([{"email": r["email"], "participant_id": r["participant_id"], "kind": r["kind"],
                    "wave": r["wave"], "status": r["status"], "attempts": r["attempts"],
                    "last_error": r["last_error"], "queued_at": _iso(r["queued_at"]),
                    "sent_at": _iso(r["sent_at"]), "next_attempt_at": _iso(r["next_attempt_at"]),
                    "resends": r["resends"]} for r in rows])
        return
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    click.echo(f"{len(rows)} message(s): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for r in rows:
        if r["status"] != "sent":
            click.echo(f"  {r['participant_id']}  {r['kind']} w{r['wave']}  {r['status']}  "
                       f"attempts {r['attempts']}  {r['last_error'] or ''}")


@email_group.command("requeue")
@click.argument("study_id")
@click.option("--status", "from_status", type=click.Choice(["unknown", "deferred"]),
              default="unknown", show_default=True, help="Which messages to send again.")
@click.option("--participant", "pids", multiple=True, help="Only these participants (pid).")
def email_requeue(study_id: str, from_status: str, pids: tuple[str, ...]) -> None:
    """Queue messages again: 'unknown' ones (they may arrive twice; each resend is counted),
    or 'deferred' ones now rather than after their backoff."""
    from craftwave.instruments import CraftwaveError
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.catchup import requeue

    app = _app()
    with app.app_context():
        try:
            n = requeue(study_id, from_status, list(pids) or None, cli_actor())
        except CraftwaveError as exc:
            fail(str(exc))
    click.echo(f"queued {n} {from_status} message(s) of '{study_id}' again")


@email_group.command("missed")
@click.argument("study_id")
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
def email_missed(study_id: str, as_json: bool) -> None:
    """Waves whose window passed with no invitation sent ("missed: never invited")."""
    from craftwave.instruments import CraftwaveError
    from craftwave.survey_app.catchup import missed

    app = _app()
    with app.app_context():
        try:
            frame = missed(study_id)
        except CraftwaveError as exc:
            fail(str(exc))
    rows = [{"participant_id": r.participant_id, "wave": int(r.wave), "opens_at": _iso(r.opens_at),
             "closes_at": _iso(r.closes_at)} for r in frame.itertuples(index=False)]
    if as_json:
        echo_json(rows)
        return
    click.echo(f"{len(rows)} wave(s) missed: never invited")
    for r in rows:
        click.echo(f"  {r['participant_id']}  wave {r['wave']}  window {r['opens_at']} to {r['closes_at']}")


@email_group.command("reopen")
@click.argument("study_id")
@click.option("--wave", type=int, required=True, help="The missed wave to reopen.")
@click.option("--participant", "pids", multiple=True,
              help="Only these participants (pid); default: everyone who missed it.")
def email_reopen(study_id: str, wave: int, pids: tuple[str, ...]) -> None:
    """Reopen a missed wave (from now, for its window) for those never invited to it."""
    from craftwave.instruments import CraftwaveError
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.catchup import reopen

    app = _app()
    with app.app_context():
        try:
            done = reopen(study_id, wave, cli_actor(), list(pids) or None)
        except CraftwaveError as exc:
            fail(str(exc))
    click.echo(f"reopened wave {wave} for {len(done)} participant(s); the worker (or "
               f"`craftwave email invite {study_id}`) sends their invitations")


@email_group.command("bounces")
@click.argument("mailbox_path", type=click.Path(exists=True))
@click.option("--study", "study_id", default=None, help="Only messages of this study.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
def email_bounces(mailbox_path: str, study_id: str | None, as_json: bool) -> None:
    """Read delivery-status notifications (RFC 3464) from a Maildir or mbox and mark the
    messages they report failed as 'bounced'. The mailbox is only read."""
    from craftwave.instruments import CraftwaveError
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.bounces import read_bounces

    app = _app()
    with app.app_context():
        try:
            run = read_bounces(mailbox_path, cli_actor(), study_id)
        except CraftwaveError as exc:
            fail(str(exc))
    summary = {"read": run.read, "reports": run.reports, "bounced": len(run.bounced),
               "delayed": run.delayed, "unmatched": run.unmatched}
    if as_json:
        echo_json(summary)
    else:
        click.echo(", ".join(f"{k} {v}" for k, v in summary.items()))


@click.command("worker")
@click.option("--interval", type=float, default=60.0, show_default=True,
              help="Seconds between passes.")
@click.option("--batch", type=int, default=200, show_default=True,
              help="At most this many messages per study and pass.")
@click.option("--once", is_flag=True, help="One pass, then exit (cron, tests).")
def worker(interval: float, batch: int, once: bool) -> None:
    """Send due invitations and reminders on time, for every loaded study, until stopped.

    Any number of workers may run against one database (PostgreSQL or SQLite): each message
    is claimed with a row lock and sent once. SIGTERM or Ctrl-C ends it after the current pass.
    """
    import logging

    from craftwave.survey_app.worker import serve

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    serve(_app(), interval=interval, batch=batch, once=once)


COMMANDS = [email_group, worker]
