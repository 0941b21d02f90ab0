"""Issue 15: redirects only to this site, numbers out of range are 404, researcher sessions
end, and personal links whose tokens a copy of the database does not hold."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import participant_for_token, token_for
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.researcher import AuditEntry
from tests.survey_app.app_helpers import DEMO_STUDY, Walker
from tests.survey_app.researcher_fixtures import PASSWORD, csrf_of, login

STUDIES = "/researcher/"


# -- redirects --------------------------------------------------------------------------------
@pytest.mark.parametrize("target", [
    "//evil.example/x", "/%09/evil.example", "/\t/evil.example", "/\n/evil.example",
    "/\r\n/evil.example", "\\\\evil.example", "/\\evil.example", "https://evil.example/",
    "javascript:alert(1)", "evil.example", "/ok\u2028/x", "/x\x7f", "", "/" + "a" * 2100,
    "///evil.example", "/researcher/\x00",
])
def test_next_stays_on_this_site_and_never_500(app, make_researcher, target):
    client = app.test_client()
    make_researcher()
    page = client.get("/researcher/login", query_string={"next": target})
    assert page.status_code == 200
    resp = client.post("/researcher/login", query_string={"next": target}, data={
        "csrf_token": csrf_of(page.get_data(as_text=True)), "email": "owner@example.org",
        "password": PASSWORD})
    assert resp.status_code == 303
    assert resp.location == STUDIES, (target, resp.location)
    # logged in already: the login page sends on at once, to the same safe place
    again = client.get("/researcher/login", query_string={"next": target})
    assert again.status_code == 302 and again.location == STUDIES


def test_raw_encoded_tab_in_next_stays_on_site(app, make_researcher):
    """The exact request of the report: ``?next=/%09/evil.example`` (and %0a, %0d)."""
    make_researcher()
    for enc in ("%09", "%0a", "%0d", "%0d%0a"):
        client = app.test_client()
        url = f"/researcher/login?next=/{enc}/evil.example"
        page = client.get(url)
        resp = client.post(url, data={"csrf_token": csrf_of(page.get_data(as_text=True)),
                                      "email": "owner@example.org", "password": PASSWORD})
        assert resp.status_code == 303 and resp.location == STUDIES


def test_a_local_next_is_kept(app, make_researcher):
    client = app.test_client()
    make_researcher()
    target = f"/researcher/study/{DEMO_STUDY}?spi=3"
    page = client.get("/researcher/login", query_string={"next": target})
    resp = client.post("/researcher/login", query_string={"next": target}, data={
        "csrf_token": csrf_of(page.get_data(as_text=True)), "email": "owner@example.org",
        "password": PASSWORD})
    assert resp.location == target


# -- numbers in URLs --------------------------------------------------------------------------
@pytest.mark.parametrize("number", [str(2**64), str(2**31), "99999999999999999999999999", "-1"])
def test_huge_numbers_in_urls_are_404(app, make_participant, owner_client, number):
    token = make_participant(consented=True, eligible=True)
    for url in (f"/s/{token}/w/{number}/1", f"/s/{token}/w/1/{number}", f"/s/{token}/w/{number}/done"):
        assert app.test_client().get(url).status_code == 404, url
    for url in (f"/researcher/study/{DEMO_STUDY}/withdrawals/{number}/handled",
                f"/researcher/accounts/{number}/deactivate"):
        assert owner_client.post(url, data={}).status_code == 404, url


def test_largest_number_is_routed_and_page_query_is_clamped(app, make_participant, owner_client):
    token = make_participant(consented=True, eligible=True)
    resp = app.test_client().get(f"/s/{token}/w/{2**31 - 1}/1")
    assert resp.status_code == 303  # a wave that does not exist: back to the participant's page
    assert owner_client.get(f"/researcher/audit?page={2**64}").status_code == 200


# -- sessions ---------------------------------------------------------------------------------
def _cookie(client, app) -> dict:
    with client.session_transaction() as sess:
        return dict(sess)


def _with_cookie(app, saved: dict):
    other = app.test_client()
    with other.session_transaction() as sess:
        sess.update(saved)
    return other


def _logout(client) -> None:
    home = client.get(STUDIES)
    resp = client.post("/researcher/logout", data={"csrf_token": csrf_of(home.get_data(as_text=True))})
    assert resp.status_code == 303


def test_a_cookie_saved_before_logout_is_refused_after(app, make_researcher):
    client = app.test_client()
    login(client, make_researcher())
    saved = _cookie(client, app)
    copy = _with_cookie(app, saved)
    assert copy.get(f"/researcher/study/{DEMO_STUDY}/export.zip").status_code == 200
    _logout(client)
    copy = _with_cookie(app, saved)
    resp = copy.get(f"/researcher/study/{DEMO_STUDY}/export.zip")
    assert resp.status_code == 302 and "/researcher/login" in resp.location
    # a fresh login works again, and is a new session
    fresh = app.test_client()
    assert login(fresh, "owner@example.org").status_code == 303
    assert fresh.get(STUDIES).status_code == 200


def test_password_change_and_reactivation_end_older_cookies(app, make_researcher):
    from craftwave.survey_app.researcher.accounts import set_active, set_password

    owner = make_researcher("owner@example.org", "owner")
    analyst = make_researcher("analyst@example.org", "analyst")
    client = app.test_client()
    login(client, analyst)
    saved = _cookie(client, app)
    with app.app_context():
        set_active(analyst, False, actor="test")
        set_active(analyst, True, actor="test")  # reactivation must not revive the old cookie
    assert _with_cookie(app, saved).get(STUDIES).status_code == 302
    client = app.test_client()
    login(client, owner)
    saved = _cookie(client, app)
    with app.app_context():
        set_password(owner, "another long password", actor="test")
    assert _with_cookie(app, saved).get(STUDIES).status_code == 302


def test_idle_and_absolute_timeouts(app, make_researcher):
    now = [1_000_000.0]
    app.config.update(SESSION_CLOCK=lambda: now[0], RESEARCHER_IDLE_MINUTES=30,
                      RESEARCHER_SESSION_HOURS=12)
    make_researcher()
    client = app.test_client()
    login(client, "owner@example.org")
    now[0] += 29 * 60
    assert client.get(STUDIES).status_code == 200  # used within 30 minutes: goes on
    now[0] += 31 * 60
    assert client.get(STUDIES).status_code == 302  # idle 31 minutes: ended
    login(client, "owner@example.org")
    logged_in = now[0]
    for _ in range(40):  # active every 29 minutes ... until the absolute timeout
        now[0] += 29 * 60
        if client.get(STUDIES).status_code != 200:
            break
    elapsed = now[0] - logged_in
    assert 12 * 3600 - 29 * 60 < elapsed <= 12 * 3600 + 29 * 60
    assert client.get(STUDIES).status_code == 302


def test_logout_is_audited_and_old_id_format_is_refused(app, make_researcher):
    client = app.test_client()
    login(client, make_researcher())
    _logout(client)
    with app.app_context():
        actions = db.session.execute(db.select(AuditEntry.action).order_by(AuditEntry.id)).scalars().all()
    assert actions[-2:] == ["login", "logout"]
    # a cookie in the format of 0.2 ("<id>.<fingerprint>") is refused
    old = _with_cookie(app, {"_user_id": "1.0123456789abcdef", "_fresh": True})
    assert old.get(STUDIES).status_code == 302


# -- personal links ---------------------------------------------------------------------------
def test_database_file_holds_no_issued_token(app, client, make_participant):
    """Tokens issued (and used) are nowhere in the SQLite file's bytes, WAL included."""
    tokens = [make_participant(consented=True, eligible=True) for _ in range(5)]
    w = Walker(client)
    w.consent(f"/study/{DEMO_STUDY}?PROLIFIC_PID=5f0000000000000000000001&STUDY_ID=s&SESSION_ID=x")
    tokens.append(w.url.split("/")[2])
    for t in tokens:
        Walker(client).get(f"/s/{t}")  # each link works
        assert client.get(f"/s/{t}").status_code in (200, 303)
    with app.app_context():
        path = Path(db.engine.url.database)
        db.session.execute(db.text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.session.remove()
        db.engine.dispose()
    blob = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    assert len(blob) > 10_000
    for t in tokens:
        assert t.encode() not in blob
    # nor does any column hold a token under another name
    with sqlite3.connect(path) as conn:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(participants)")]
    assert "token" not in cols and "token_hash" in cols


def test_links_are_rederived_and_withdrawal_revokes(app, client, make_participant):
    token = make_participant(consented=True, eligible=True)
    with app.app_context():
        p = participant_for_token(token)
        assert token_for(p) == token and token_for(p) == token  # the same on every call
        pid = p.pid
    w = Walker(client)
    w.get(f"/s/{token}/withdraw")
    w.post({"kind": "stop_contact"})
    assert "You have withdrawn" in w.html
    assert client.get(f"/s/{token}").status_code == 404
    with app.app_context():
        p = db.session.execute(db.select(Participant).filter_by(pid=pid)).scalar_one()
        assert p.link_generation == 2 and token_for(p) != token
        assert participant_for_token(token) is None


def test_another_secret_yields_no_working_link(app, make_participant, tmp_path):
    """The database with another instance's secret (a leaked copy) opens no personal link."""
    from craftwave.survey_app import create_app

    token = make_participant(consented=True, eligible=True)
    with app.app_context():
        url = str(db.engine.url)
        p = participant_for_token(token)
        pid, study = p.pid, p.study_id
    thief = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "guess"})
    with thief.app_context():
        stolen = db.session.execute(db.select(Participant).filter_by(pid=pid)).scalar_one()
        guessed = token_for(stolen)
        assert guessed != token and participant_for_token(guessed) is None
        db.engine.dispose()
    assert thief.test_client().get(f"/s/{guessed}").status_code == 404
    assert app.test_client().get(f"/s/{guessed}").status_code == 404
    # a separate CRAFTWAVE_LINK_KEY: the link key no longer follows the secret key
    with_link_key = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url,
                                "SECRET_KEY": "test-secret-key", "LINK_KEY": "other"})
    with with_link_key.app_context():
        assert participant_for_token(token) is None
        db.engine.dispose()
    assert study == DEMO_STUDY


def test_upgraded_database_keeps_old_links_working_by_hash(tmp_path):
    """A 0.1.0 database: after the migration its plain tokens are gone from the file, the old
    links still open the survey, and the derived link works too."""
    from flask_migrate import upgrade

    from craftwave.survey_app import MIGRATIONS_DIR, create_app
    from tests.survey_app.test_migrations import RELEASE_0_1_0

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript(RELEASE_0_1_0.read_text(encoding="utf-8"))
        old = dict(conn.execute("SELECT pid, token FROM participants").fetchall())
    assert len(old) >= 5
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                      "SECRET_KEY": "instance secret"})
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        db.session.execute(db.text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.session.remove()
        db.engine.dispose()
    blob = b"".join(p.read_bytes() for p in tmp_path.glob("old.sqlite*"))
    assert not any(t.encode() in blob for t in old.values())
    with app.app_context():
        for pid, legacy in list(old.items())[:5]:
            p = participant_for_token(legacy)
            assert p is not None and p.pid == pid
            assert token_for(p) != legacy and participant_for_token(token_for(p)).pid == pid
        db.engine.dispose()
    client = app.test_client()
    pid, legacy = next(iter(old.items()))
    assert client.get(f"/s/{legacy}").status_code in (200, 303)


def test_owner_issues_a_new_link_and_the_old_one_stops(app, make_participant, owner_client,
                                                        analyst_client):
    token = make_participant(consented=True, eligible=True)
    with app.app_context():
        pid = participant_for_token(token).pid
    url = f"/researcher/study/{DEMO_STUDY}/participants/{pid}/new-link"
    csrf = csrf_of(owner_client.get(f"/researcher/study/{DEMO_STUDY}").get_data(as_text=True))
    assert analyst_client.post(url, data={"csrf_token": csrf}).status_code in (400, 403)
    assert app.test_client().get(f"/s/{token}").status_code in (200, 303)
    resp = owner_client.post(url, data={"csrf_token": csrf})
    assert resp.status_code == 303
    assert app.test_client().get(f"/s/{token}").status_code == 404
    with app.app_context():
        p = db.session.execute(db.select(Participant).filter_by(pid=pid)).scalar_one()
        new = token_for(p)
        entry = db.session.execute(db.select(AuditEntry).where(
            AuditEntry.action == "link_reissued")).scalar_one()
    assert entry.target == pid and entry.actor == "owner@example.org"
    assert app.test_client().get(f"/s/{new}").status_code in (200, 303)
    assert owner_client.post(url.replace(pid, "pnobody"), data={"csrf_token": csrf}).status_code == 404
