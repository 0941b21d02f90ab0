"""A study that ends cleanly: retention deletes contact data after the last wave, `study
close` anonymises (answers kept), a participant downloads their own answers, and `db backup`
/ `db restore` round-trip to the same export on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from flask_migrate import upgrade

from craftwave.survey_app import MIGRATIONS_DIR, create_app
from craftwave.survey_app.export import write_export
from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import token_for
from craftwave.survey_app.models import Answer, Contact, Participant
from craftwave.survey_app.models.researcher import AuditEntry
from tests.survey_app.app_helpers import BACKENDS
from tests.survey_app.researcher_fixtures import STUDY_YAML, answer_wave, enrol


@pytest.fixture
def cli(app, monkeypatch):
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", app.config["SECRET_KEY"])
    from craftwave.cli import main

    def run(*args):
        return CliRunner().invoke(main, list(args))

    return run


def _emails(app):
    with app.app_context():
        return sorted(db.session.execute(db.select(Contact.email)).scalars())


def _audit(app, action):
    with app.app_context():
        return [e.detail for e in db.session.execute(
            db.select(AuditEntry).where(AuditEntry.action == action)).scalars()]


def test_retention_deletes_contact_data_days_after_the_last_wave(app, rs_study, tmp_path, cli):
    from craftwave.survey_app.ending import apply_retention
    from craftwave.survey_app.studies import load_study_file

    def retention():
        with app.app_context():
            return apply_retention("rs-study", "test").deleted

    raw = yaml.safe_load(STUDY_YAML)
    raw["retention"] = {"days_after_last_wave": 30}
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with app.app_context():
        load_study_file(path)
    clock = app.config["CLOCK"]
    a = enrol(app, email="a@example.org")
    b = enrol(app, email="b@example.org")
    for pid in (a, b):
        answer_wave(app, pid, 1)
    clock.advance(days=31)
    answer_wave(app, a, 2)  # a's last wave ends now; b's wave 2 closes unanswered in 14 days
    c = enrol(app, email="c@example.org")
    answer_wave(app, c, 1)
    clock.advance(days=29)
    assert retention() == []
    clock.advance(days=2)
    assert retention() == [a]
    assert _emails(app) == ["b@example.org", "c@example.org"]
    clock.advance(days=14)  # 31 days after b's wave 2 closed (missed); c is in wave 2
    assert retention() == [b]
    assert retention() == []  # idempotent
    assert _emails(app) == ["c@example.org"]
    assert _audit(app, "retention_applied") == [
        {"contacts_deleted": 1, "days_after_last_wave": 30}] * 2
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(Answer)).scalar_one() > 0
    # the command line (on the real clock, long after every wave here): c's wave 2 is over too
    res = cli("study", "retention", "rs-study")
    assert res.exit_code == 0 and "of 1 participant(s)" in res.output and _emails(app) == []


def test_study_close_anonymises_and_keeps_the_answers(app, rs_study, tmp_path, cli, owner_client):
    pro = enrol(app, source="prolific", external_id="PRO-9", email="p@example.org")
    inv = enrol(app, email="i@example.org")
    for pid in (pro, inv):
        answer_wave(app, pid, 1)
    with app.app_context():
        before = write_export("rs-study", tmp_path / "before", actor="test")
    assert cli("study", "close", "rs-study").exit_code == 1  # asks first
    res = cli("study", "close", "rs-study", "--yes")
    assert res.exit_code == 0 and "deleted 2 email(s) and 1 recruitment id(s)" in res.output
    assert _emails(app) == []
    with app.app_context():
        people = db.session.execute(db.select(Participant)).scalars().all()
        assert all(p.external_id is None and p.recruitment == {} for p in people)
        after = write_export("rs-study", tmp_path / "after", actor="test")
    for name in ("answers_long.csv", "wide.csv", "scores.csv", "page_timings.csv"):
        assert before.manifest["files"][name] == after.manifest["files"][name], name
    assert _audit(app, "study_closed") == [{"contacts_deleted": 2, "recruitment_ids_deleted": 1}]
    listing = owner_client.get("/researcher/").get_data(as_text=True)
    assert "closed (anonymised)" in listing
    assert app.test_client().get("/study/rs-study").status_code == 410  # nobody new
    assert owner_client.get("/researcher/study/rs-study").status_code == 200
    with app.app_context():  # closing is not recorded as a reload of the study
        loads = db.session.execute(db.select(db.func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "study_loaded", AuditEntry.study_id == "rs-study")).scalar_one()
    assert loads == 1


def test_a_participant_downloads_a_copy_of_their_own_answers(app, rs_study, client):
    me = enrol(app, email="me@example.org")
    other = enrol(app, email="other@example.org")
    mine = answer_wave(app, me, 1)
    answer_wave(app, other, 1, value_for=lambda q, i: q.item.expected if q.is_check
                else q.scale.substantive_values[-1])
    with app.app_context():
        token = token_for(db.session.execute(db.select(Participant).where(Participant.pid == me)).scalar_one())
    resp = client.get(f"/s/{token}/my-answers.csv")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    assert len(rows) == len(mine)
    assert sorted(float(r["answer"]) for r in rows) == sorted(float(v) for v in mine.values())
    assert all(r["question"] and r["wave"] == "1" and r["answered_at"].endswith("Z") for r in rows)
    assert any(r["answer_label"] for r in rows)
    assert "@" not in resp.get_data(as_text=True)
    assert client.get("/s/" + "x" * 32 + "/my-answers.csv").status_code == 404
    with app.app_context():
        (entry,) = db.session.execute(db.select(AuditEntry).where(
            AuditEntry.action == "participant_copy")).scalars()
    assert entry.actor == "participant" and entry.target == me
    # the copy is offered before they leave the study; leaving ends the personal link
    assert f"/s/{token}/my-answers.csv" in client.get(f"/s/{token}/withdraw").get_data(as_text=True)
    from craftwave.survey_app import clock
    from craftwave.survey_app.progress import withdraw
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == me)).scalar_one()
        withdraw(p, "stop_contact", clock.now())
        db.session.commit()
    assert client.get(f"/s/{token}/my-answers.csv").status_code == 404


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_backup_and_restore_give_the_same_export(app, backend, rs_study, tmp_path, cli, request):
    clock = app.config["CLOCK"]
    pids = [enrol(app, email=f"p{i}@example.org", source="prolific" if i % 2 else "invitation",
                  external_id=f"EXT{i}" if i % 2 else None) for i in range(4)]
    for pid in pids[:3]:
        answer_wave(app, pid, 1)
    clock.advance(days=31)
    answer_wave(app, pids[0], 2)
    with app.app_context():
        before = write_export("rs-study", tmp_path / "before", actor="test",
                              with_recruitment_ids=True)
    from craftwave.survey_app.backup import BackupError, restore
    from craftwave.survey_app.backup import backup as take_backup

    backup = tmp_path / "craftwave.backup"
    if backend == "sqlite":  # the command line (its app reads the database from the environment)
        res = cli("db", "backup", str(backup))
        assert res.exit_code == 0, res.output
        assert cli("db", "backup", str(backup)).exit_code == 2  # never overwrites
    else:
        with app.app_context():
            take_backup(backup, "test")

    if backend == "postgres":
        server = request.getfixturevalue("postgres_server")
        url = server.create_database(f"restored_{tmp_path.name[-8:].lower().replace('-', '_')}")
    else:
        url = f"sqlite:///{tmp_path / 'restored.sqlite'}"
    fresh = create_app({**{k: app.config[k] for k in ("TESTING", "SECRET_KEY", "CLOCK")},
                        "SQLALCHEMY_DATABASE_URI": url})
    with fresh.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        restore(backup, "test")
        with pytest.raises(BackupError, match="not empty"):
            restore(backup, "test")
        after = write_export("rs-study", tmp_path / "after", actor="test",
                             with_recruitment_ids=True)
        n_audit = db.session.execute(db.select(db.func.count()).select_from(AuditEntry)).scalar_one()
        # new rows get fresh ids after a restore (PostgreSQL sequences moved on)
        p = enrol(fresh, email="new@example.org")
        db.session.remove()
        db.engine.dispose()
    assert p
    for name in ("answers_long.csv", "wide.csv", "scores.csv", "participants.csv",
                 "page_timings.csv", "study.yaml"):
        assert (Path(before.directory) / name).read_bytes() == (Path(after.directory) / name).read_bytes(), name
    assert n_audit >= 3
