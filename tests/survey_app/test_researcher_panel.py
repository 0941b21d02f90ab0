"""Researcher side: importing participants from CSV, withdrawals, deleting a participant."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from craftwave.cli import main
from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import participant_for_token, token_for
from craftwave.survey_app.models import Contact, Participant
from craftwave.survey_app.models.researcher import AuditEntry
from craftwave.survey_app.panel import (
    ParticipantImportError,
    delete_participant,
    import_participants,
)
from tests.survey_app.app_helpers import BACKENDS
from tests.survey_app.researcher_fixtures import answer_wave, csrf_of, enrol, pid_row_counts


def _participants(app, study_id="rs-study"):
    with app.app_context():
        return db.session.execute(
            db.select(Participant.pid, Participant.external_id, Participant.source, Contact.email)
            .join(Contact, Contact.participant_id == Participant.id)
            .where(Participant.study_id == study_id).order_by(Participant.id)).all()


def test_import_creates_participants_with_personal_tokens(app, rs_study):
    text = "email,external_id\nana@example.org,A1\nbo@example.org,\n"
    with app.app_context():
        result = import_participants(rs_study, text, "test")
        people = db.session.execute(db.select(Participant)).scalars().all()
        tokens = [token_for(p) for p in people]
        assert all(participant_for_token(t).id == p.id for t, p in zip(tokens, people, strict=True))
    assert len(result.created) == 2
    assert len(set(tokens)) == len(tokens) and all(len(t) >= 32 for t in tokens)
    rows = _participants(app)
    assert [(r.external_id, r.source, r.email) for r in rows] == [
        ("A1", "invitation", "ana@example.org"), (None, "invitation", "bo@example.org")]
    # a second run with the same file adds nobody
    with app.app_context():
        again = import_participants(rs_study, text, "test")
    assert again.created == [] and again.skipped == [2, 3]
    assert len(_participants(app)) == 2


def test_malformed_rows_are_reported_by_line_and_nothing_is_imported(app, rs_study):
    text = ("email,external_id,language\n"
            "ok@example.org,E1,en\n"       # line 2: fine
            "not-an-email,E2,en\n"          # line 3
            "\n"                            # line 4: blank, ignored
            "dup@example.org,E3,en\n"       # line 5: fine
            "DUP@example.org,E4,en\n"       # line 6: duplicate email (case-insensitive)
            "x@example.org,E1,en\n"         # line 7: duplicate external id
            "y@example.org,E5,fr\n"         # line 8: unknown language
            "z@example.org,E6\n"            # line 9: field count
            ",E7,en\n")                     # line 10: no email
    with app.app_context(), pytest.raises(ParticipantImportError) as info:
        import_participants(rs_study, text, "test")
    lines = [n for n, _ in info.value.problems]
    assert lines == [3, 6, 7, 8, 9, 10]
    assert "line 6: email 'DUP@example.org' is also on line 5" in str(info.value)
    assert "nothing was imported" in str(info.value)
    assert _participants(app) == []


def test_bad_header_and_existing_external_id(app, rs_study):
    with app.app_context():
        with pytest.raises(ParticipantImportError, match="line 1: .*unknown column"):
            import_participants(rs_study, "mail,phone\na@example.org,1\n", "test")
        import_participants(rs_study, "email,external_id\na@example.org,E1\n", "test")
        with pytest.raises(ParticipantImportError, match="line 2: external_id 'E1' already belongs"):
            import_participants(rs_study, "email,external_id\nb@example.org,E1\n", "test")


def test_cli_import_reports_lines_and_exit_code(app, rs_study, tmp_path, monkeypatch):
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    bad = tmp_path / "bad.csv"
    bad.write_text("email\nfine@example.org\nbroken\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["participants", "import", rs_study, str(bad)])
    assert res.exit_code == 2
    assert "line 3: 'broken' is not an email address" in res.output
    good = tmp_path / "good.csv"
    good.write_text("\ufeffemail\nfine@example.org\nalso@example.org\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["participants", "import", rs_study, str(good)])
    assert res.exit_code == 0, res.output
    assert "imported 2 participant(s)" in res.output
    assert len(_participants(app)) == 2


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_deletion_removes_every_row_of_that_participant(app, backend, rs_study, owner_client):
    gone = enrol(app, email="gone@example.org")
    kept = enrol(app, email="kept@example.org")
    for pid in (gone, kept):
        answer_wave(app, pid, 1)
    # a changed answer (history) and a withdrawal request for the one to delete
    answer_wave(app, gone, 1, value_for=lambda q, i: q.scale.substantive_values[0], pages=1)
    withdraw_page = owner_client.get("/researcher/study/rs-study")
    assert withdraw_page.status_code == 200
    from craftwave.survey_app import clock
    from craftwave.survey_app.progress import withdraw
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == gone)).scalar_one()
        withdraw(p, "delete", clock.now())
        db.session.commit()
        pk = p.id
    before = pid_row_counts(app, gone)
    assert all(before[t] > 0 for t in ("participants", "contacts", "wave_status", "answers",
                                        "answer_history", "page_visits", "withdrawal_requests"))
    kept_before = pid_row_counts(app, kept)
    page = owner_client.get("/researcher/study/rs-study/withdrawals").get_data(as_text=True)
    assert gone in page
    page = owner_client.get(f"/researcher/study/rs-study/participants/{gone}/delete").get_data(as_text=True)
    assert "cannot be undone" in page and pid_row_counts(app, gone) == before  # asking deletes nothing
    resp = owner_client.post(f"/researcher/study/rs-study/participants/{gone}/delete",
                             data={"csrf_token": csrf_of(page)})
    assert resp.status_code == 303
    from tests.survey_app.researcher_fixtures import _counts_for
    with app.app_context():
        after = _counts_for(pk)
        emails = db.session.execute(db.select(db.func.count()).select_from(Contact)
                                    .where(Contact.email == "gone@example.org")).scalar_one()
        # on SQLite, nothing anywhere in the file holds the deleted email
        dump = ("\n".join(db.session.connection().connection.driver_connection.iterdump())
                if backend == "sqlite" else "")
        entries = db.session.execute(db.select(AuditEntry).where(
            AuditEntry.action == "participant_deleted")).scalars().all()
    assert set(after.values()) == {0}, after
    assert emails == 0 and "gone@example.org" not in dump
    assert pid_row_counts(app, kept) == kept_before
    assert [(e.actor, e.target, e.detail) for e in entries] == [
        ("owner@example.org", gone, {"on_request": True})]


def test_cli_delete_and_unknown_participant(app, rs_study, monkeypatch):
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    pid = enrol(app, email="a@example.org")
    res = CliRunner().invoke(main, ["participant", "delete", rs_study, "p-nobody", "--yes"])
    assert res.exit_code == 2 and "has no participant 'p-nobody'" in res.output
    res = CliRunner().invoke(main, ["participant", "delete", rs_study, pid, "--yes"])
    assert res.exit_code == 0, res.output
    assert pid_row_counts(app, pid)["participants"] == 0
    with app.app_context():
        with pytest.raises(Exception, match="has no participant"):
            delete_participant(rs_study, pid, "test")


def test_withdrawals_are_audited_listed_and_handled(app, rs_study, owner_client):
    from craftwave.survey_app import clock
    from craftwave.survey_app.progress import withdraw
    pid = enrol(app, email="a@example.org")
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one()
        withdraw(p, "stop_contact", clock.now())
        db.session.commit()
    page = owner_client.get("/researcher/study/rs-study/withdrawals").get_data(as_text=True)
    assert pid in page and "stop_contact" in page
    with app.app_context():
        from craftwave.survey_app.panel import withdrawal_requests
        (req,) = withdrawal_requests(rs_study)
    resp = owner_client.post(f"/researcher/study/rs-study/withdrawals/{req['id']}/handled",
                             data={"csrf_token": csrf_of(page)})
    assert resp.status_code == 303
    with app.app_context():
        assert withdrawal_requests(rs_study) == []
        actions = [(e.actor, e.action, e.target) for e in db.session.execute(
            db.select(AuditEntry).where(AuditEntry.target == pid).order_by(AuditEntry.id)).scalars()]
    assert actions == [("participant", "withdrawal", pid),
                       ("owner@example.org", "withdrawal_handled", pid)]


def test_researcher_add_cli_with_password_stdin(app, monkeypatch):
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    res = CliRunner().invoke(main, ["researcher", "add", "new@example.org", "--role", "analyst",
                                    "--password-stdin"], input="a long enough password\n")
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["researcher", "add", "new@example.org", "--role", "analyst",
                                    "--password-stdin"], input="a long enough password\n")
    assert res.exit_code == 2 and "already exists" in res.output
    res = CliRunner().invoke(main, ["researcher", "add", "b@example.org", "--role", "owner"],
                             input="too short\ntoo short\n")
    assert res.exit_code == 2 and "at least 12" in res.output


def test_study_loads_and_changes_are_audited(app, rs_study, tmp_path):
    from craftwave.instruments import StudyError
    from craftwave.survey_app.studies import load_study_file
    from tests.survey_app.researcher_fixtures import STUDY_YAML
    with app.app_context():
        created = db.session.execute(db.select(AuditEntry).where(
            AuditEntry.action == "study_loaded", AuditEntry.study_id == rs_study)).scalar_one()
    assert created.detail["created"] is True and created.actor.startswith("cli:")
    # once there are answers, a change that removes an instrument from a wave is refused
    answer_wave(app, enrol(app), 1)
    changed = tmp_path / "changed.yaml"
    changed.write_text(STUDY_YAML.replace(
        """      - id: about
        blocks: [{instrument: profile, items: [income_share, age, gender]}]
""", ""), encoding="utf-8")
    with app.app_context(), pytest.raises(StudyError, match="page 'about' of wave 1 was removed"):
        load_study_file(changed)
    retitled = tmp_path / "retitled.yaml"
    retitled.write_text(STUDY_YAML.replace("Researcher-side test study", "A new title"), encoding="utf-8")
    with app.app_context():
        load_study_file(retitled)
        updates = db.session.execute(db.select(AuditEntry).where(
            AuditEntry.action == "study_loaded", AuditEntry.study_id == rs_study)
            .order_by(AuditEntry.id)).scalars().all()
    assert [e.detail["created"] for e in updates] == [True, False]
