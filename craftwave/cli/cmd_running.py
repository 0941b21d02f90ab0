"""Running a study: members and their rights, pilot data, retention, closing, backups.

``craftwave study member add|remove|grant|revoke|list``, ``craftwave study reset-pilot``,
``craftwave study retention``, ``craftwave study close`` and ``craftwave db backup|restore``.
They join the ``study`` and ``db`` groups of :mod:`craftwave.cli.cmd_app`; each runs on the
app's database and is audited under ``cli:<user>``. The command line is the server's
administrator: it is not bound by a researcher's rights.
"""

from __future__ import annotations

from pathlib import Path

import click

from .appdb import cli_app, require_study
from .cmd_app import db_group, study_group
from .output import echo_json, fail


def _run(change, *args):
    """Run a service call in an app context; a CraftwaveError becomes the command's error."""
    from craftwave.instruments.errors import CraftwaveError

    with cli_app().app_context():
        try:
            return change(*args)
        except CraftwaveError as exc:
            fail(str(exc))


@study_group.group("member")
def member_group() -> None:
    """Who may see a study, with which role, and who may export its identifiers."""


@member_group.command("add")
@click.argument("study_id")
@click.argument("email")
@click.option("--role", type=click.Choice(["owner", "analyst"]), default="analyst",
              show_default=True, help="owner: manages the study; analyst: reads and exports.")
@click.option("--identifiers/--no-identifiers", default=None,
              help="The right to export recruitment ids (default: on for owners, off for "
                   "analysts).")
def member_add(study_id: str, email: str, role: str, identifiers: bool | None) -> None:
    """Make researcher EMAIL a member of STUDY_ID (or change their role there)."""
    require_study(cli_app(), study_id)
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.rights import add_member

    def go():
        m = add_member(study_id, email, role, cli_actor(), identifiers=identifiers)
        return m.role, m.identifiers

    role, ids = _run(go)
    click.echo(f"{email.strip().lower()} is {role} of '{study_id}'"
               f"{' with' if ids else ' without'} the identifiers right")


@member_group.command("remove")
@click.argument("study_id")
@click.argument("email")
def member_remove(study_id: str, email: str) -> None:
    """End EMAIL's membership of STUDY_ID (they no longer see the study)."""
    require_study(cli_app(), study_id)
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.rights import remove_member

    _run(remove_member, study_id, email, cli_actor())
    click.echo(f"{email.strip().lower()} is no longer a member of '{study_id}'")


def _set_right(study_id: str, email: str, right: str, on: bool) -> None:
    require_study(cli_app(), study_id)
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.rights import set_right

    _run(lambda: set_right(study_id, email, right, on, cli_actor()) and None)
    click.echo(f"{'granted' if on else 'revoked'} {right} for {email.strip().lower()} "
               f"in '{study_id}'")


@member_group.command("grant")
@click.argument("study_id")
@click.argument("email")
@click.argument("right", type=click.Choice(["identifiers"]))
def member_grant(study_id: str, email: str, right: str) -> None:
    """Grant RIGHT (identifiers: export recruitment ids, due lists) to a member."""
    _set_right(study_id, email, right, True)


@member_group.command("revoke")
@click.argument("study_id")
@click.argument("email")
@click.argument("right", type=click.Choice(["identifiers"]))
def member_revoke(study_id: str, email: str, right: str) -> None:
    """Revoke RIGHT from a member."""
    _set_right(study_id, email, right, False)


@member_group.command("list")
@click.argument("study_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def member_list(study_id: str, as_json: bool) -> None:
    """The members of STUDY_ID (instance owners see every study without membership)."""
    require_study(cli_app(), study_id)
    from craftwave.survey_app.rights import members

    rows = _run(members, study_id)
    if as_json:
        echo_json({"study_id": study_id, "members": rows})
        return
    for r in rows:
        click.echo(f"{r['email']}  {r['role']}  {'identifiers' if r['identifiers'] else ''}".rstrip())


@study_group.command("reset-pilot")
@click.argument("study_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def reset_pilot_cmd(study_id: str, yes: bool) -> None:
    """Delete every pilot (test) participant of STUDY_ID with all their data."""
    require_study(cli_app(), study_id)
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.panel import reset_pilot

    if not yes:
        click.confirm(f"Delete every test participant of '{study_id}'?", abort=True)
    n = _run(reset_pilot, study_id, cli_actor())
    click.echo(f"deleted {n} test participant(s) of '{study_id}'")


@study_group.command("pilot-link")
@click.argument("study_id")
@click.option("--base-url", default=None,
              help="The app's public address (default: as `craftwave study link`).")
def pilot_link(study_id: str, base_url: str | None) -> None:
    """Print the pilot link of STUDY_ID: whoever enters through it is a test participant."""
    app = cli_app()
    require_study(app, study_id)
    from craftwave.cli.appdb import base_url_for
    from craftwave.survey_app.pilot import pilot_url
    from craftwave.survey_app.studies import get_study

    base, note = base_url_for(app, base_url)
    with app.app_context():
        if get_study(study_id) is None:
            fail(f"no study '{study_id}' is loaded; run `craftwave study load FILE` first")
        click.echo(pilot_url(base, study_id))
    if note:
        click.echo(note, err=True)


@study_group.command("retention")
@click.argument("study_id")
def retention_cmd(study_id: str) -> None:
    """Delete contact data the study's `retention:` says are due for deletion (cron-safe)."""
    require_study(cli_app(), study_id)
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.ending import apply_retention

    run = _run(apply_retention, study_id, cli_actor())
    if run.days is None:
        click.echo(f"study '{study_id}' sets no retention: nothing deleted")
        return
    click.echo(f"deleted the contact data of {len(run.deleted)} participant(s) of '{study_id}' "
               f"({run.days} days after their last wave)")


@study_group.command("close")
@click.argument("study_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def close_cmd(study_id: str, yes: bool) -> None:
    """Anonymise STUDY_ID: emails and recruitment ids deleted, answers kept (audited)."""
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.ending import close_study

    require_study(cli_app(), study_id)
    if not yes:
        click.confirm(f"Delete every email and recruitment id of '{study_id}'? Answers stay; "
                      "this cannot be undone", abort=True)
    run = _run(close_study, study_id, cli_actor())
    click.echo(f"closed '{study_id}': deleted {run.contacts} email(s) and "
               f"{run.recruitment_ids} recruitment id(s); answers kept")


@db_group.command("backup")
@click.argument("out", type=click.Path(dir_okay=False))
def db_backup(out: str) -> None:
    """Write the whole database into the backup file OUT (a zip; engine-independent)."""
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.backup import backup

    folder = Path(out).resolve().parent
    if not folder.is_dir():
        fail(f"cannot write the backup {out}: the folder {folder} does not exist")
    manifest = _run(backup, out, cli_actor())
    rows = sum(t["rows"] for t in manifest["tables"].values())
    click.echo(f"backed up {rows} rows of {len(manifest['tables'])} tables "
               f"(revision {manifest['revision']}) to {out}")


@db_group.command("restore")
@click.argument("backup_file", type=click.Path(exists=True, dir_okay=False))
def db_restore(backup_file: str) -> None:
    """Load BACKUP_FILE into this database (new, and migrated with `craftwave db upgrade`)."""
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.backup import restore

    manifest = _run(restore, backup_file, cli_actor())
    click.echo(f"restored the backup of {manifest['created_at']} "
               f"(revision {manifest['revision']})")


COMMANDS: list = []  # the commands above join the existing ``study`` and ``db`` groups
