"""Every command finds the database `make run` prepared, or says which database it looked at
and how to point elsewhere; none creates an empty database; none prints a traceback for a
user's mistake."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from craftwave.cli import main
from craftwave.data import __file__ as DATA_INIT

DEMO_STUDY_FILE = Path(DATA_INIT).parent / "demo" / "study.yaml"


@pytest.fixture
def instance(tmp_path, monkeypatch) -> Path:
    """A fresh instance folder, as in a new checkout (no database, no settings)."""
    folder = tmp_path / "instance"
    monkeypatch.setenv("CRAFTWAVE_INSTANCE_PATH", str(folder))
    monkeypatch.delenv("CRAFTWAVE_DATABASE_URL", raising=False)
    return folder


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def _one_error_line(result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"uncaught {type(result.exception).__name__}: {result.exception}"
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    return errors[0]


@pytest.mark.parametrize("args", [
    ("study", "link", "gigpanel-demo", "--source", "prolific"),
    ("study", "load", str(DEMO_STUDY_FILE)),
    ("researcher", "list"),
    ("email", "invite", "gigpanel-demo"),
    ("export", "--study", "gigpanel-demo", "--out", "out"),
])
def test_without_a_database_a_command_names_it_and_creates_nothing(instance, args):
    result = run(*args)
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert str(instance / "craftwave.sqlite") in line and "does not exist" in line
    assert "craftwave db upgrade" in line and "CRAFTWAVE_DATABASE_URL" in line
    assert not (instance / "craftwave.sqlite").exists()


def test_an_empty_database_file_is_named_not_a_traceback(instance):
    instance.mkdir(parents=True)
    (instance / "craftwave.sqlite").write_bytes(b"")
    line = _one_error_line(run("study", "link", "gigpanel-demo"))
    assert "has no craftwave tables yet" in line and "craftwave db upgrade" in line


def test_study_link_finds_the_database_make_run_prepared(instance, tmp_path, monkeypatch):
    """What `craftwave run-demo` does: migrate the demo database outside the instance, load
    the study, and point the instance at it; then `study link` works in the same checkout."""
    from craftwave.cli.appdb import point_instance_at
    from craftwave.demo import demo_app, prepare_database

    url = f"sqlite:///{tmp_path / 'demo_out' / 'demo.sqlite'}"
    (tmp_path / "demo_out").mkdir()
    app = demo_app(url)
    prepare_database(app, DEMO_STUDY_FILE, fresh=False)
    with app.app_context():
        from craftwave.survey_app.extensions import db

        db.engine.dispose()
    said = point_instance_at(url, "http://127.0.0.1:5000")  # where `make run` serves
    assert "study link" in said and (instance / "database_url").read_text().strip() == url
    result = run("study", "link", "gigpanel-demo", "--source", "prolific")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("http://127.0.0.1:5000/study/gigpanel-demo?PROLIFIC_PID=")
    info = run("db", "info").output
    assert str(tmp_path / "demo_out" / "demo.sqlite") in info
    assert str(instance / "database_url") in info
    assert not (instance / "craftwave.sqlite").exists()
    # an explicit database wins over the pointer, and the message says where it came from
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", f"sqlite:///{tmp_path / 'other.sqlite'}")
    line = _one_error_line(run("study", "link", "gigpanel-demo"))
    assert "other.sqlite" in line and "$CRAFTWAVE_DATABASE_URL" in line
    assert not (tmp_path / "other.sqlite").exists()


def test_links_start_with_the_address_the_app_is_served_on(instance, tmp_path, monkeypatch):
    """`make run` serves on its --port and says so in instance/base_url; `craftwave serve`
    without options serves where the default points; settings and --base-url win."""
    from craftwave.cli import cmd_app, cmd_demo
    from craftwave.cli.appdb import point_instance_at
    from craftwave.survey_app import create_app
    from craftwave.survey_app.config import DEFAULT_BASE_URL
    from craftwave.survey_app.smtp_send import mail_settings

    monkeypatch.delenv("CRAFTWAVE_BASE_URL", raising=False)
    serve_port = next(p.default for p in cmd_app.serve.params if p.name == "port")
    assert DEFAULT_BASE_URL == f"http://127.0.0.1:{serve_port}"
    assert run("db", "upgrade").exit_code == 0
    assert run("study", "load", str(DEMO_STUDY_FILE)).exit_code == 0
    plain = run("study", "link", "gigpanel-demo")
    assert plain.output.startswith(f"{DEFAULT_BASE_URL}/study/gigpanel-demo\n")
    assert "the default of `craftwave serve`" in plain.output
    # an instance `make run` prepared: its port, for the links and the emails alike
    for part in instance.glob("craftwave.sqlite*"):  # with its -wal and -shm files
        part.rename(tmp_path / part.name.replace("craftwave", "demo"))
    run_demo_port = next(p.default for p in cmd_demo.run_demo_cmd.params if p.name == "port")
    point_instance_at(f"sqlite:///{tmp_path / 'demo.sqlite'}", f"http://127.0.0.1:{run_demo_port}")
    made = run("study", "link", "gigpanel-demo")
    assert made.output.startswith(f"http://127.0.0.1:{run_demo_port}/study/gigpanel-demo\n")
    assert str(instance / "base_url") in made.output
    pilot = run("study", "pilot-link", "gigpanel-demo")
    assert pilot.exit_code == 0 and f"http://127.0.0.1:{run_demo_port}/" in pilot.output
    app = create_app()
    with app.app_context():
        monkeypatch.setenv("CRAFTWAVE_MAIL_FROM", "study@example.org")
        assert mail_settings().base_url == f"http://127.0.0.1:{run_demo_port}"
    # the environment, the instance's settings and --base-url each win over it
    monkeypatch.setenv("CRAFTWAVE_BASE_URL", "https://env.example.org/")
    assert run("study", "link", "gigpanel-demo").output.startswith(
        "https://env.example.org/study/gigpanel-demo")
    (instance / "config.py").write_text('PUBLIC_BASE_URL = "https://survey.example.org"\n')
    assert run("study", "link", "gigpanel-demo").output.startswith(
        "https://survey.example.org/study/gigpanel-demo")
    given = run("study", "link", "gigpanel-demo", "--base-url", "https://given.example.org/")
    assert given.output == "https://given.example.org/study/gigpanel-demo\n"


def test_the_pointer_never_overrides_an_instance_database_of_its_own(instance, tmp_path):
    from craftwave.cli.appdb import point_instance_at

    assert run("db", "upgrade").exit_code == 0
    said = point_instance_at(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    assert "CRAFTWAVE_DATABASE_URL=" in said and not (instance / "database_url").exists()


def _leaves(group: click.Group, path=()):
    for name, cmd in sorted(group.commands.items()):
        if isinstance(cmd, click.Group):
            yield from _leaves(cmd, (*path, name))
        else:
            yield (*path, name), cmd


# A wrong argument for each command whose required arguments alone would not be one
SPECIAL = {
    ("serve",): ["--port", "not-a-port"], ("run-demo",): ["--port", "not-a-port"],
    ("demo",): ["--participants", "-5"], ("db", "upgrade"): ["--revision", "no-such-revision"],
    ("example",): ["no-such-example", "--out", "ex"], ("codebook",): ["--study", "no-such-file"],
    ("power",): ["focal", "--reps", "1"], ("quality",): ["{garbage}", "--items", "no_such_item"],
    ("participant", "delete"): ["no-such-study", "p0", "--yes"],
    ("db", "backup"): ["{garbage}/no-such-folder/backup.zip"],
    ("email", "bounces"): ["{garbage}/no-such-mailbox"],
}


def _wrong_arguments(path, cmd, garbage: Path) -> list[str]:
    if path in SPECIAL:
        return [a.replace("{garbage}", str(garbage)) for a in SPECIAL[path]]
    args: list[str] = []
    for p in cmd.params:
        if not p.required:
            continue
        if isinstance(p.type, click.Choice):
            value = p.type.choices[0]
        elif isinstance(p.type, click.Path):
            value = str(garbage) if p.type.exists else "out"
        else:
            value = "no_such_thing"
        args += [value] if isinstance(p, click.Argument) else [p.opts[0], value]
    return args or ["--no-such-option"]


def test_every_command_answers_a_wrong_argument_with_one_clear_line(instance, tmp_path,
                                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("db", "upgrade").exit_code == 0
    garbage = tmp_path / "garbage.csv"
    garbage.write_text("this is not,what it should be\n1,2\n", encoding="utf-8")
    commands = list(_leaves(main))
    assert len(commands) > 25
    for path, cmd in commands:
        args = _wrong_arguments(path, cmd, garbage)
        result = run(*path, *args, input="long-enough-password-1\nlong-enough-password-1\n")
        assert result.exit_code != 0, f"craftwave {' '.join(path)} {args}: {result.output}"
        try:
            _one_error_line(result)
        except AssertionError as exc:
            raise AssertionError(f"craftwave {' '.join(path)} {' '.join(args)}: {exc}") from None
