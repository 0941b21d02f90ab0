"""Rights per study (as REDCap's user rights): membership with a role, 404 for other studies,
the identifiers right off for analysts by default, the CLI, and the migration's seed."""

from __future__ import annotations

import io
import sqlite3
import zipfile

import pandas as pd
import pytest
from click.testing import CliRunner
from flask_migrate import upgrade

from craftwave.survey_app import MIGRATIONS_DIR, create_app
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import AuditEntry
from tests.survey_app.researcher_fixtures import (
    STUDY_YAML,
    answer_wave,
    csrf_of,
    enrol,
    join,
    login,
)
from tests.survey_app.test_migrations import RELEASE_0_1_0

OTHER = "other-study"


@pytest.fixture
def two_studies(app, rs_study, tmp_path):
    """rs-study and a second study, each with one participant who answered wave 1 and whose
    recruitment id is known."""
    from craftwave.survey_app.studies import load_study_file

    path = tmp_path / "other.yaml"
    path.write_text(STUDY_YAML.replace("id: rs-study", f"id: {OTHER}"), encoding="utf-8")
    with app.app_context():
        load_study_file(path)
    pids = {}
    for study, ext in ((rs_study, "PRO-RS-1"), (OTHER, "PRO-OTHER-1")):
        pids[study] = enrol(app, study_id=study, source="prolific", external_id=ext)
        answer_wave(app, pids[study], 1)
    return pids


def _urls(study: str, pid: str) -> list[str]:
    base = f"/researcher/study/{study}"
    return [base, f"{base}/export.zip", f"{base}/chart/response.svg", f"{base}/withdrawals",
            f"{base}/due.csv", f"{base}/report/researcher.html", f"{base}/participant/{pid}",
            f"{base}/participants?q={pid}", f"{base}/participants/import"]


def test_a_non_member_gets_404_for_everything_of_another_study(app, two_studies, analyst_client):
    join(app)  # a member of rs-study only
    listing = analyst_client.get("/researcher/").get_data(as_text=True)
    assert "rs-study" in listing and OTHER not in listing
    for url in _urls(OTHER, two_studies[OTHER]):
        assert analyst_client.get(url).status_code == 404, url
    # the same pages of their own study answer (the import page: 403, analysts do not import)
    assert analyst_client.get("/researcher/study/rs-study").status_code == 200
    assert analyst_client.get(f"/researcher/study/rs-study/participant/{two_studies['rs-study']}"
                              ).status_code == 200
    assert analyst_client.get("/researcher/study/rs-study/participants/import").status_code == 403


def test_a_researcher_in_no_study_sees_none(app, two_studies, analyst_client):
    for study, pid in two_studies.items():
        for url in _urls(study, pid):
            assert analyst_client.get(url).status_code == 404, url


def test_an_analyst_exports_without_recruitment_ids_until_granted(app, two_studies, analyst_client):
    join(app)
    html = analyst_client.get("/researcher/study/rs-study").get_data(as_text=True)
    assert "recruitment_ids=1" not in html
    plain = analyst_client.get("/researcher/study/rs-study/export.zip")
    assert plain.status_code == 200
    with zipfile.ZipFile(io.BytesIO(plain.data)) as zf:
        part = pd.read_csv(zf.open("rs-study/participants.csv"))
    assert "external_id" not in part.columns and "PRO-RS-1" not in plain.data.decode("latin-1")
    assert analyst_client.get("/researcher/study/rs-study/export.zip?recruitment_ids=1").status_code == 403
    assert analyst_client.get("/researcher/study/rs-study/due.csv").status_code == 403
    # the participant page shows no recruitment id or email, and search by them finds nobody
    page = analyst_client.get(f"/researcher/study/rs-study/participant/{two_studies['rs-study']}")
    assert "PRO-RS-1" not in page.get_data(as_text=True)
    found = analyst_client.get("/researcher/study/rs-study/participants?q=pro-rs-1")
    assert found.status_code == 200 and two_studies["rs-study"] not in found.get_data(as_text=True)

    from craftwave.survey_app.rights import set_right
    with app.app_context():
        set_right("rs-study", "analyst@example.org", "identifiers", True, "test")
    with_ids = analyst_client.get("/researcher/study/rs-study/export.zip?recruitment_ids=1")
    assert with_ids.status_code == 200
    with zipfile.ZipFile(io.BytesIO(with_ids.data)) as zf:
        part = pd.read_csv(zf.open("rs-study/participants.csv"))
    assert part["external_id"].tolist() == ["PRO-RS-1"]
    assert analyst_client.get("/researcher/study/rs-study/due.csv").status_code == 200
    found = analyst_client.get("/researcher/study/rs-study/participants?q=%20pro-rs-1%20")
    assert found.status_code == 303 and two_studies["rs-study"] in found.location


def test_a_study_owner_manages_only_their_study(app, two_studies, make_researcher):
    make_researcher("lead@example.org", "analyst")  # no instance-wide rights
    join(app, "lead@example.org", role="owner")
    client = app.test_client()
    assert login(client, "lead@example.org").status_code == 303
    assert client.get("/researcher/study/rs-study/participants/import").status_code == 200
    assert client.get("/researcher/study/rs-study/export.zip?recruitment_ids=1").status_code == 200
    pid = two_studies["rs-study"]
    token = csrf_of(client.get(f"/researcher/study/rs-study/participants/{pid}/delete")
                    .get_data(as_text=True))
    resp = client.post(f"/researcher/study/rs-study/participants/{pid}/delete",
                       data={"csrf_token": token})
    assert resp.status_code == 303
    other = two_studies[OTHER]
    assert client.post(f"/researcher/study/{OTHER}/participants/{other}/delete",
                       data={"csrf_token": token}).status_code == 404
    assert client.get("/researcher/audit").status_code == 403  # the audit log: instance owners


def test_instance_owners_see_every_study(app, two_studies, owner_client):
    listing = owner_client.get("/researcher/").get_data(as_text=True)
    assert "rs-study" in listing and OTHER in listing
    for study in two_studies:
        assert owner_client.get(f"/researcher/study/{study}/export.zip?recruitment_ids=1").status_code == 200


def test_cli_adds_grants_lists_and_removes_members(app, two_studies, make_researcher, monkeypatch):
    make_researcher("ana@example.org", "analyst")
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    from craftwave.cli import main

    def cli(*args):
        return CliRunner().invoke(main, ["study", "member", *args])

    res = cli("add", "rs-study", "Ana@Example.org", "--role", "analyst")
    assert res.exit_code == 0, res.output
    assert "without the identifiers right" in res.output
    assert cli("grant", "rs-study", "ana@example.org", "identifiers").exit_code == 0
    listed = cli("list", "rs-study", "--json")
    assert '"identifiers": true' in listed.output and "ana@example.org" in listed.output
    assert cli("revoke", "rs-study", "ana@example.org", "identifiers").exit_code == 0
    assert cli("remove", "rs-study", "ana@example.org").exit_code == 0
    bad = cli("remove", "rs-study", "ana@example.org")
    assert bad.exit_code == 2 and "is not a member" in bad.output
    assert cli("add", "no-such-study", "ana@example.org").exit_code == 2
    with app.app_context():
        actions = [(e.action, e.study_id, e.detail.get("email")) for e in db.session.execute(
            db.select(AuditEntry).where(AuditEntry.action.in_(
                ["member_added", "member_removed", "right_changed"])).order_by(AuditEntry.id)).scalars()]
    assert actions == [("member_added", "rs-study", "ana@example.org"),
                       ("right_changed", "rs-study", "ana@example.org"),
                       ("right_changed", "rs-study", "ana@example.org"),
                       ("member_removed", "rs-study", "ana@example.org")]


def test_the_migration_keeps_analysts_in_the_studies_they_could_open(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript(RELEASE_0_1_0.read_text(encoding="utf-8"))
        for email, role in (("boss@example.org", "owner"), ("ana@example.org", "analyst")):
            conn.execute("INSERT INTO researchers (email, password_hash, role, active, created_at, "
                         "failed_logins) VALUES (?, 'x', ?, 1, '2026-01-01 00:00:00', 0)",
                         (email, role))
        studies = [r[0] for r in conn.execute("SELECT id FROM studies")]
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                      "SECRET_KEY": "test"})
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        db.session.remove()
        db.engine.dispose()
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT m.study_id, r.email, m.role, m.identifiers FROM study_members m "
                            "JOIN researchers r ON r.id = m.researcher_id").fetchall()
        tests = conn.execute("SELECT DISTINCT test FROM participants").fetchall()
    assert rows == [(s, "ana@example.org", "analyst", 0) for s in studies] and studies
    assert tests == [(0,)]
