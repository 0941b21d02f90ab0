"""``craftwave payments``: the payment ledger's approval, bonus and qualification files.

``craftwave payments create STUDY --wave N --kind approval|bonus --site prolific|mturk
[--amount 1.50] [--reason TEXT] [--out DIR]``, ``payments export BATCH --out DIR``,
``payments confirm BATCH``, ``payments void BATCH``, ``payments list STUDY``,
``payments qualification STUDY --name QUAL --out FILE``; each with ``--json``. No site's API is
called: the files are for the researcher to upload (see docs/recruitment.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from .appdb import cli_app, require_study
from .output import echo_json, fail


@contextmanager
def _context(study_id: str | None = None) -> Iterator[None]:
    """An app context on the configured database, its connections closed afterwards; with
    ``study_id``, that study must be loaded."""
    from craftwave.survey_app.extensions import db

    app = cli_app()
    if study_id is not None:
        require_study(app, study_id)
    with app.app_context():
        try:
            yield
        finally:
            db.session.remove()
            db.engine.dispose()


def _write(files: dict[str, str], out: str) -> list[str]:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
        written.append(str(folder / name))
    return written


def _show(summary, as_json: bool, files: list[str] | None = None) -> None:
    payload = {**summary.as_dict(), **({"files": files} if files is not None else {})}
    if as_json:
        echo_json(payload)
        return
    total = f", total {summary.total}" if summary.total else ""
    held = f", {summary.held} held for review" if summary.held else ""
    click.echo(f"batch {summary.id}: {summary.study_id} wave {summary.wave} {summary.site} "
               f"{summary.kind}, {summary.n} participant(s){held}{total}: {summary.state}")
    for f in files or []:
        click.echo(f"  wrote {f}")


@click.group("payments")
def payments_group() -> None:
    """Approval and bonus files through a ledger that pays everyone once (no site API calls)."""


@payments_group.command("create")
@click.argument("study_id")
@click.option("--wave", type=int, required=True)
@click.option("--kind", type=click.Choice(["approval", "bonus"]), required=True)
@click.option("--site", type=click.Choice(["prolific", "mturk"]), required=True)
@click.option("--amount", help="Bonus per participant in the site's currency, e.g. 1.50.")
@click.option("--reason", help="MTurk bonus: the reason the worker sees.")
@click.option("--min-failed", type=int, default=2, show_default=True,
              help="Approvals: hold for review who failed at least this many attention checks.")
@click.option("--out", type=click.Path(file_okay=False), help="Also write the batch's files here.")
@click.option("--json", "as_json", is_flag=True)
def payments_create(study_id, wave, kind, site, amount, reason, min_failed, out, as_json) -> None:
    """Put everyone due (completed WAVE, in no live batch of KIND) into a new pending batch."""
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.payments import PaymentError, batch_files, create_batch

    with _context(study_id):
        try:
            summary = create_batch(study_id, wave, kind, site, actor=cli_actor(), amount=amount,
                                   reason=reason, min_failed=min_failed)
        except PaymentError as exc:
            fail(str(exc))
        files = _write(batch_files(summary.id), out) if out else None
    _show(summary, as_json, files)


@payments_group.command("export")
@click.argument("batch_id", type=int)
@click.option("--out", type=click.Path(file_okay=False), required=True)
@click.option("--json", "as_json", is_flag=True)
def payments_export(batch_id, out, as_json) -> None:
    """Write a batch's files again (a pending batch gives the same bytes every time)."""
    from craftwave.survey_app.payments import PaymentError, batch_files, batch_summary

    with _context():
        try:
            summary = batch_summary(batch_id)
            files = _write(batch_files(batch_id), out)
        except PaymentError as exc:
            fail(str(exc))
    _show(summary, as_json, files)


@payments_group.command("confirm")
@click.argument("batch_id", type=int)
@click.option("--json", "as_json", is_flag=True)
def payments_confirm(batch_id, as_json) -> None:
    """Record that the site accepted batch BATCH_ID: its participants are paid."""
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.payments import PaymentError, confirm_batch

    with _context():
        try:
            summary = confirm_batch(batch_id, actor=cli_actor())
        except PaymentError as exc:
            fail(str(exc))
    _show(summary, as_json)


@payments_group.command("void")
@click.argument("batch_id", type=int)
@click.option("--json", "as_json", is_flag=True)
def payments_void(batch_id, as_json) -> None:
    """Abandon pending batch BATCH_ID: its participants are due again."""
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.payments import PaymentError, void_batch

    with _context():
        try:
            summary = void_batch(batch_id, actor=cli_actor())
        except PaymentError as exc:
            fail(str(exc))
    _show(summary, as_json)


@payments_group.command("list")
@click.argument("study_id")
@click.option("--json", "as_json", is_flag=True)
def payments_list(study_id, as_json) -> None:
    """Every batch of STUDY_ID with its state."""
    from craftwave.survey_app.payments import list_batches

    with _context(study_id):
        batches = list_batches(study_id)
    if as_json:
        echo_json([b.as_dict() for b in batches])
        return
    for b in batches:
        _show(b, False)


@payments_group.command("qualification")
@click.argument("study_id")
@click.option("--name", "qualification", required=True,
              help="The MTurk qualification type's name (the CSV's UPDATE-<name> column).")
@click.option("--out", type=click.Path(dir_okay=False), required=True)
@click.option("--json", "as_json", is_flag=True)
def payments_qualification(study_id, qualification, out, as_json) -> None:
    """MTurk's worker CSV: each MTurk worker's score = the last wave they completed."""
    from craftwave.survey_app.payments import qualification_csv

    with _context(study_id):
        text = qualification_csv(study_id, qualification)
    Path(out).write_text(text, encoding="utf-8", newline="")
    n = max(text.count("\n") - 1, 0)
    if as_json:
        echo_json({"study_id": study_id, "qualification": qualification, "workers": n,
                   "file": out})
    else:
        click.echo(f"wrote {out}: {n} worker(s)")


COMMANDS = [payments_group]
