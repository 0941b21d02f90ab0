"""Data hygiene: no caching of researcher data, HSTS, trusted proxy hops, one open withdrawal
request, deletion that leaves no trace in the database files, CSV cells a spreadsheet cannot run."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import request
from sqlalchemy.exc import IntegrityError

from craftwave.survey_app import clock, create_app
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.erasure import participant_tables
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant, WithdrawalRequest
from craftwave.survey_app.panel import delete_participant
from craftwave.survey_app.progress import file_withdrawal_request
from tests.survey_app.conftest import _config
from tests.survey_app.researcher_fixtures import answer_wave, enrol


@pytest.mark.parametrize("path", ["/researcher/", "/researcher/study/rs-study",
                                  "/researcher/study/rs-study/export.zip",
                                  "/researcher/study/rs-study/due.csv",
                                  "/researcher/study/rs-study/withdrawals", "/researcher/audit"])
def test_every_researcher_response_with_data_is_no_store(app, rs_study, owner_client, path):
    pid = enrol(app, email="someone@example.org")
    answer_wave(app, pid, 1)
    resp = owner_client.get(path)
    assert resp.status_code == 200
    assert resp.headers["Cache-Control"] == "no-store"


def test_static_files_stay_cacheable(client):
    with client.get("/static/craftwave.css") as resp:
        assert resp.status_code == 200 and "no-store" not in resp.headers.get("Cache-Control", "")
        resp.close()


def test_hsts_only_with_secure_cookies(app, tmp_path):
    assert "Strict-Transport-Security" not in app.test_client().get("/healthz").headers
    secure = create_app(_config(app.config["SQLALCHEMY_DATABASE_URI"], SESSION_COOKIE_SECURE=True))
    resp = secure.test_client().get("/healthz")
    assert resp.headers["Strict-Transport-Security"].startswith("max-age=")


@pytest.mark.parametrize("hops, expected", [(0, "10.9.9.9"), (1, "203.0.113.7"), (2, "198.51.100.1")])
def test_client_address_comes_from_the_trusted_proxy_hops(app, hops, expected):
    proxied = create_app(_config(app.config["SQLALCHEMY_DATABASE_URI"], PROXY_HOPS=hops))
    seen = []
    proxied.before_request(lambda: seen.append(request.remote_addr))
    proxied.test_client().get("/healthz", environ_base={"REMOTE_ADDR": "10.9.9.9"},
                              headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.7"})
    assert seen == [expected]


def _files_blob(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_sqlite_deletion_leaves_no_email_or_token_hash_in_the_files(app, rs_study):
    email = "erase.me.please@example.org"
    pid = enrol(app, email=email, source="prolific", external_id="ERASEME0042")
    answer_wave(app, pid, 1)
    keep = enrol(app, email="stays@example.org")
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one()
        # (the pid stays: the audit log records which pseudonymous id was deleted)
        secrets = [email.encode(), p.token_hash.encode(), b"ERASEME0042"]
        path = Path(db.engine.url.database)
    blob = _files_blob(path)
    assert all(s in blob for s in secrets)  # they were really written
    with app.app_context():
        delete_participant(rs_study, pid, "test")
    blob = _files_blob(path)  # read while the app is still up: no dispose, no manual checkpoint
    for s in secrets:
        assert s not in blob, s
    assert b"stays@example.org" in blob
    with app.app_context():
        assert db.session.execute(db.select(Participant.pid).where(Participant.pid == keep)).scalar_one()


@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_postgres_deletion_vacuums_the_touched_tables(app, rs_study):
    pid = enrol(app, email="vacuum.me@example.org")
    answer_wave(app, pid, 1)
    with app.app_context():
        delete_participant(rs_study, pid, "test")
        dead = dict(db.session.execute(db.text(
            "SELECT relname, n_dead_tup FROM pg_stat_user_tables WHERE relname IN "
            "('participants', 'contacts', 'answers')")).all())
        vacuumed = db.session.execute(db.text(
            "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN "
            "('participants', 'contacts', 'answers') AND last_vacuum IS NOT NULL")).scalar_one()
    assert vacuumed == 3
    assert set(dead) == {"participants", "contacts", "answers"} and all(v == 0 for v in dead.values())
    assert set(participant_tables()) >= {"participants", "contacts", "answers", "withdrawal_requests"}


def test_one_open_withdrawal_request_per_participant(app, rs_study):
    pid = enrol(app)
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one()
        for kind in ["delete_request", "stop_contact", "delete_request", "delete", "stop_contact"]:
            with write_transaction():
                file_withdrawal_request(p, kind, clock.now())
        rows = db.session.execute(db.select(WithdrawalRequest.kind).where(
            WithdrawalRequest.participant_id == p.id)).scalars().all()
        assert rows == ["delete"]  # one request, of the strongest kind asked for
        with pytest.raises(IntegrityError), write_transaction():  # the database enforces it too
            db.session.add(WithdrawalRequest(participant_id=p.id, kind="delete", requested_at=clock.now()))
        with write_transaction():
            db.session.execute(db.update(WithdrawalRequest).values(handled_at=clock.now()))
            file_withdrawal_request(p, "stop_contact", clock.now())  # a new one after handling
        assert db.session.execute(db.select(db.func.count()).select_from(WithdrawalRequest)).scalar_one() == 2
