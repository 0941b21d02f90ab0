"""Researcher-side commands: accounts, participant import, email waves, export, deletion.

``craftwave researcher add|list|passwd|deactivate|activate|role``, ``craftwave participants import``,
``craftwave export`` and ``craftwave participant delete`` (email: ``cmd_fieldwork``). Each
runs on the app's database (``CRAFTWAVE_DATABASE_URL`` or the instance folder) and writes
what it did to the audit log under ``cli:<user>``.
"""

from __future__ import annotations

import sys

import click

from .appdb import cli_app
from .output import echo_json, fail


@click.group("researcher")
def researcher_group() -> None:
    """Researcher accounts (owners manage studies and delete data; analysts read and export)."""


@researcher_group.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(["owner", "analyst"]), required=True)
@click.option("--password-stdin", is_flag=True,
              help="Read the password from the first line of standard input (for scripts).")
def researcher_add(email: str, role: str, password_stdin: bool) -> None:
    """Create a researcher account for EMAIL (prompts for the password)."""
    from craftwave.survey_app.accounts import AccountError, add_researcher

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    app = cli_app()
    with app.app_context():
        try:
            user = add_researcher(email, password, role)
        except AccountError as exc:
            fail(str(exc))
        click.echo(f"added {user.role} {user.email}")


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("New password", hide_input=True, confirmation_prompt=True)


@researcher_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the accounts as JSON.")
def researcher_list(as_json: bool) -> None:
    """List the researcher accounts (email, role, status, last login)."""
    from craftwave.survey_app.researcher.accounts import list_researchers

    app = cli_app()
    with app.app_context():
        accounts = [a.to_dict() for a in list_researchers()]
    if as_json:
        echo_json({"researchers": accounts})
        return
    if not accounts:
        click.echo("no researcher accounts; add one with `craftwave researcher add EMAIL --role owner`")
    width = max((len(a["email"]) for a in accounts), default=5)
    for a in accounts:
        status = "active" if a["active"] else "deactivated"
        if a["active"] and a["locked_until"]:
            status = f"locked until {a['locked_until']}"
        click.echo(f"{a['email']:<{width}}  {a['role']:<7}  {status:<11}  "
                   f"last login {a['last_login_at'] or 'never'}")


def _account_change(change, *args, done) -> None:
    """Run one account change of ``survey_app.researcher.accounts`` in an app context and print
    ``done(result)`` there (while the account is still attached); an ``AccountError`` becomes
    the command's error message."""
    from craftwave.survey_app.accounts import AccountError

    with cli_app().app_context():
        try:
            result = change(*args)
        except AccountError as exc:
            fail(str(exc))
        click.echo(done(result))


@researcher_group.command("passwd")
@click.argument("email")
@click.option("--password-stdin", is_flag=True,
              help="Read the password from the first line of standard input (for scripts).")
def researcher_passwd(email: str, password_stdin: bool) -> None:
    """Set a new password for EMAIL (also lifts a lockout; open sessions end)."""
    from craftwave.survey_app.researcher.accounts import set_password

    _account_change(set_password, email, _read_password(password_stdin),
                    done=lambda _: f"changed the password of {email.strip().lower()}")


@researcher_group.command("totp-reset")
@click.argument("email")
def researcher_totp_reset(email: str) -> None:
    """Turn EMAIL's second factor off (a lost phone); its open sessions end. Audited."""
    from craftwave.survey_app.totp import reset

    _account_change(reset, email, done=lambda u: f"turned two-step login off for {u.email}")


def _set_active(email: str, active: bool) -> None:
    from craftwave.survey_app.researcher.accounts import set_active

    _account_change(set_active, email, active,
                    done=lambda u: f"{'activated' if active else 'deactivated'} {u.email}")


@researcher_group.command("deactivate")
@click.argument("email")
def researcher_deactivate(email: str) -> None:
    """Deactivate EMAIL: it cannot log in, its open sessions end (never the last owner)."""
    _set_active(email, False)


@researcher_group.command("activate")
@click.argument("email")
def researcher_activate(email: str) -> None:
    """Reactivate EMAIL (also lifts a lockout)."""
    _set_active(email, True)


@researcher_group.command("role")
@click.argument("email")
@click.argument("role", type=click.Choice(["owner", "analyst"]))
def researcher_role(email: str, role: str) -> None:
    """Make EMAIL an owner or an analyst (the last active owner stays an owner)."""
    from craftwave.survey_app.researcher.accounts import set_role

    _account_change(set_role, email, role, done=lambda u: f"{u.email} is now {u.role}")


@click.group("participants")
def participants_group() -> None:
    """The panel of a study."""


@participants_group.command("import")
@click.argument("study_id")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
def participants_import(study_id: str, csv_file: str) -> None:
    """Import participants from CSV_FILE (columns: email, optional external_id and language).

    Every row is checked first; any malformed row is reported by line number and nothing is
    imported. Emails already in the study are skipped, so importing a file twice adds nobody.
    """
    from craftwave.instruments import CraftwaveError
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.panel import import_participants

    try:
        with open(csv_file, encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
    except UnicodeDecodeError:
        fail(f"{csv_file}: not UTF-8 text")
    app = cli_app()
    with app.app_context():
        try:
            result = import_participants(study_id, text, cli_actor())
        except CraftwaveError as exc:
            fail(f"{csv_file}: {exc}")
    click.echo(f"imported {len(result.created)} participant(s) into '{study_id}'; "
               f"skipped {len(result.skipped)} already in the study")


@click.command("export")
@click.option("--study", "study_id", required=True, help="The study id.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="A new or empty directory.")
@click.option("--with-recruitment-ids", is_flag=True,
              help="Add the recruitment sites' ids (Prolific PID, MTurk worker id) to participants.csv.")
def export(study_id: str, out_dir: str, with_recruitment_ids: bool) -> None:
    """Write the export directory of a study (answers, wide, scores, SPSS, codebook, manifest)."""
    from craftwave.instruments import CraftwaveError
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.export import write_export

    app = cli_app()
    with app.app_context():
        try:
            result = write_export(study_id, out_dir, actor=cli_actor(),
                                  with_recruitment_ids=with_recruitment_ids)
        except CraftwaveError as exc:
            fail(str(exc))
    rows = result.manifest["rows"]
    click.echo(f"exported '{study_id}' to {result.directory}: {rows['participants.csv']} participants, "
               f"{rows['answers_long.csv']} answers")


@click.group("participant")
def participant_group() -> None:
    """One participant of a study."""


@participant_group.command("delete")
@click.argument("study_id")
@click.argument("pid")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def participant_delete(study_id: str, pid: str, yes: bool) -> None:
    """Delete every row of participant PID (answers, history, timings, contact, ledger).

    The audit log keeps that the deletion happened, not the data.
    """
    from craftwave.instruments import CraftwaveError
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.panel import delete_participant

    if not yes:
        click.confirm(f"Delete all data of participant {pid} in '{study_id}'? This cannot be undone",
                      abort=True)
    app = cli_app()
    with app.app_context():
        try:
            delete_participant(study_id, pid, cli_actor())
        except CraftwaveError as exc:
            fail(str(exc))
    click.echo(f"deleted participant {pid} of '{study_id}'")


COMMANDS = [researcher_group, participants_group, export, participant_group]
