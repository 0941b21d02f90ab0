"""Researcher side: every non-participant route needs a login; login, lockout, roles, limits."""

from __future__ import annotations

import re

import pytest

from tests.survey_app.app_helpers import DEMO_STUDY
from tests.survey_app.researcher_fixtures import PASSWORD, csrf_of, enrol, join, login

# Reachable without a researcher: the participant blueprints, static files, the login page,
# the participants' landing page, the load balancer's health check, and the one-click
# unsubscribe link of the emails (signed per participant; RFC 8058 forbids a sign-in).
PUBLIC = {"static", "auth.static", "auth.login", "auth.login_code", "index", "healthz"}
PUBLIC_BLUEPRINTS = {"entry", "survey", "resume", "unsubscribe", "copy"}  # resume: id-only sessions; copy: own answers


def _url_for_rule(rule) -> str:
    """A concrete URL for a rule: each variable replaced by a plausible value."""
    values = {"study_id": "rs-study", "int": "1", "name": "response", "pid": "p0000000000000000",
              "filename": "researcher.css", "token": "x" * 32}
    def fill(m):
        conv, var = m.group(1), m.group(2)
        return values.get(var) or values.get(conv or "", "1")
    return re.sub(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>", fill, rule.rule)


def test_every_route_but_participant_pages_static_and_login_needs_a_researcher(app, client, rs_study):
    checked = 0
    for rule in app.url_map.iter_rules():
        public = rule.endpoint in PUBLIC or rule.endpoint.split(".")[0] in PUBLIC_BLUEPRINTS
        if public:
            continue
        url = _url_for_rule(rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            resp = client.open(url, method=method)
            if method == "GET":
                assert resp.status_code == 302, (rule.rule, method, resp.status_code)
                assert resp.location.startswith("/researcher/login"), (rule.rule, resp.location)
            else:  # CSRF or not, an anonymous POST is refused before anything happens
                assert resp.status_code in (400, 401), (rule.rule, method, resp.status_code)
            json_resp = client.open(url, method=method, headers={"Accept": "application/json"})
            if method == "GET":
                assert json_resp.status_code == 401
                assert json_resp.get_json()["error"]["code"] == "unauthorized"
            checked += 1
    assert checked >= 8  # the dashboard, chart, download, withdrawals, audit, delete, ... routes


def test_anonymous_post_with_a_valid_csrf_token_is_still_401(app, client, rs_study):
    pid = enrol(app, email="a@example.org")
    page = client.get("/researcher/login")
    token = csrf_of(page.get_data(as_text=True))
    resp = client.post(f"/researcher/study/rs-study/participants/{pid}/delete", data={"csrf_token": token})
    assert resp.status_code == 401
    from tests.survey_app.researcher_fixtures import pid_row_counts
    assert pid_row_counts(app, pid)["participants"] == 1


def test_participant_pages_stay_public(client):
    assert client.get(f"/study/{DEMO_STUDY}").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/researcher/login").status_code == 200
    css = client.get("/researcher/static/researcher.css")
    assert css.status_code == 200
    css.close()


def test_login_logout_and_the_audit_of_both(app, client, make_researcher):
    email = make_researcher("Owner@Example.org", "owner")
    assert email  # stored lower-case
    resp = login(client, "owner@example.org")
    assert resp.status_code == 303
    assert client.get("/researcher/").status_code == 200
    page = client.get("/researcher/").get_data(as_text=True)
    resp = client.post("/researcher/logout", data={"csrf_token": csrf_of(page)})
    assert resp.status_code == 303
    assert client.get("/researcher/").status_code == 302
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models.researcher import AuditEntry, Researcher
    with app.app_context():
        actions = [e.action for e in db.session.execute(
            db.select(AuditEntry).where(AuditEntry.action != "study_loaded").order_by(AuditEntry.id)).scalars()]
        user = db.session.execute(db.select(Researcher)).scalar_one()
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
    assert actions == ["researcher_added", "login", "logout"]


def test_wrong_password_and_unknown_email_look_the_same(app, client, make_researcher):
    make_researcher()
    a = login(client, "owner@example.org", "wrong password here")
    b = login(client, "nobody@example.org", "wrong password here")
    assert a.status_code == b.status_code == 401
    text = lambda r: re.sub(r'value="[^"]*"', "", r.get_data(as_text=True))  # noqa: E731
    assert text(a).replace("owner@", "x@") == text(b).replace("nobody@", "x@")
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models.researcher import AuditEntry
    with app.app_context():
        actors = db.session.execute(db.select(AuditEntry.actor).where(
            AuditEntry.action == "login_failed").order_by(AuditEntry.id)).scalars().all()
    assert actors == ["owner@example.org", "(unknown account)"]  # typed text is not kept


def _from(client, address: str):
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_failed_logins_slow_down_and_nobody_can_lock_an_owner_out(app, make_researcher):
    app.config.update(LOGIN_MAX_FAILURES=3, LOGIN_DELAY_SECONDS=2.0, LOGIN_ACCOUNT_MAX_DELAY_SECONDS=60.0,
                      LOGIN_ADDRESS_MAX_DELAY_SECONDS=900.0)
    clock = app.config["CLOCK"]
    make_researcher()
    owner = _from(app.test_client(), "192.0.2.10")
    assert login(owner, "owner@example.org").status_code == 303  # this browser is now known
    owner.post("/researcher/logout", data={"csrf_token": csrf_of(owner.get("/researcher/").get_data(as_text=True))})
    attacker = _from(app.test_client(), "203.0.113.66")
    for _ in range(3):
        assert login(attacker, "owner@example.org", "not the password").status_code == 401
    # the attacker's address now waits, even with the right password, and is told how long
    resp = login(attacker, "owner@example.org")
    assert resp.status_code == 429 and "2 seconds" in resp.get_data(as_text=True)
    # the owner's known browser is not held by the account's delay
    assert login(owner, "owner@example.org").status_code == 303
    owner.post("/researcher/logout", data={"csrf_token": csrf_of(owner.get("/researcher/").get_data(as_text=True))})
    # the attacker keeps going, waiting out each delay: the address's delay doubles ...
    for i in range(12):
        clock.advance(seconds=901)
        from_new = _from(app.test_client(), f"198.51.100.{i}")  # ... so they spread over addresses
        assert login(from_new, "owner@example.org", "not the password").status_code == 401
    # ... but the account's delay never exceeds a minute, for a fresh browser of the owner too
    fresh = _from(app.test_client(), "192.0.2.11")
    resp = login(fresh, "owner@example.org")
    assert resp.status_code == 429 and "60 seconds" in resp.get_data(as_text=True)
    clock.advance(seconds=61)
    assert login(fresh, "owner@example.org").status_code == 303
    # the single address that failed often waits ever longer (doubling, up to 15 minutes)
    for _ in range(6):
        clock.advance(seconds=901)
        assert login(attacker, "owner@example.org", "not the password").status_code == 401
    clock.advance(seconds=400)
    assert login(attacker, "owner@example.org").status_code == 429
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models.researcher import AuditEntry
    with app.app_context():
        actions = [e.action for e in db.session.execute(db.select(AuditEntry).order_by(AuditEntry.id)).scalars()]
    assert "login_delay" in actions and "lockout" not in actions
    assert actions.count("login") == 3


def test_a_correct_login_resets_the_failure_count(app, client, make_researcher):
    app.config["LOGIN_MAX_FAILURES"] = 3
    make_researcher()
    for _ in range(2):
        login(client, "owner@example.org", "not the password")
    assert login(client, "owner@example.org").status_code == 303
    client.post("/researcher/logout", data={"csrf_token": csrf_of(client.get("/researcher/").get_data(as_text=True))})
    for _ in range(2):
        login(client, "owner@example.org", "not the password")
    assert login(client, "owner@example.org").status_code == 303


def test_login_is_rate_limited_per_address(app, client, make_researcher):
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    make_researcher()
    codes = [login(client, "owner@example.org", "not the password").status_code for _ in range(4)]
    assert codes[:3] == [401, 401, 401]
    assert codes[3] == 429
    assert client.get("/researcher/login").status_code == 200  # only POSTs count


def test_public_entry_points_are_rate_limited(app, client):
    app.config["ENTRY_RATE_LIMIT"] = "2 per minute"
    codes = [client.get(f"/study/{DEMO_STUDY}").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_next_parameter_only_leads_within_the_site(app, client, make_researcher):
    make_researcher()
    page = client.get("/researcher/login?next=//evil.example/x")
    resp = client.post("/researcher/login?next=//evil.example/x", data={
        "csrf_token": csrf_of(page.get_data(as_text=True)), "email": "owner@example.org",
        "password": PASSWORD})
    assert resp.status_code == 303
    assert resp.location == "/researcher/"


def test_analyst_reads_but_cannot_delete_handle_or_see_the_audit(app, analyst_client, rs_study):
    join(app)
    pid = enrol(app, email="a@example.org")
    assert analyst_client.get("/researcher/study/rs-study").status_code == 200
    assert analyst_client.get("/researcher/study/rs-study/withdrawals").status_code == 200
    assert analyst_client.get("/researcher/audit").status_code == 403
    token = csrf_of(analyst_client.get("/researcher/study/rs-study").get_data(as_text=True))
    resp = analyst_client.post(f"/researcher/study/rs-study/participants/{pid}/delete",
                               data={"csrf_token": token})
    assert resp.status_code == 403
    assert analyst_client.get(f"/researcher/study/rs-study/participants/{pid}/delete").status_code == 403
    assert analyst_client.post("/researcher/study/rs-study/withdrawals/1/handled",
                               data={"csrf_token": token}).status_code == 403
    from tests.survey_app.researcher_fixtures import pid_row_counts
    assert pid_row_counts(app, pid)["participants"] == 1


def test_owner_sees_the_audit_log(owner_client):
    html = owner_client.get("/researcher/audit").get_data(as_text=True)
    assert "researcher_added" in html and "login" in html


@pytest.mark.parametrize("bad", ["", "short", "x@y"])
def test_accounts_refuse_bad_input(app, bad):
    from craftwave.survey_app.accounts import AccountError, add_researcher
    with app.app_context(), pytest.raises(AccountError):
        if "@" in bad:
            add_researcher(bad, PASSWORD, "owner", actor="t")
        else:
            add_researcher("a@example.org", bad, "owner", actor="t")
    with app.app_context(), pytest.raises(AccountError, match="role"):
        add_researcher("a@example.org", PASSWORD, "admin", actor="t")


def test_the_sqlite_limit_store_is_shared_by_workers(tmp_path):
    from craftwave.survey_app.ratelimit_store import SQLiteStorage
    uri = f"craftwave-sqlite:///{tmp_path / 'limits.sqlite'}"
    a, b = SQLiteStorage(uri), SQLiteStorage(uri)  # two workers, one file
    assert [a.incr("k", 60), b.incr("k", 60), a.incr("k", 60)] == [1, 2, 3]
    assert b.get("k") == 3 and a.get("other") == 0
    assert a.get_expiry("k") > 0
    a.incr("short", 0)  # an expired window starts again at one
    assert b.incr("short", 60) == 1
    b.clear("k")
    assert a.get("k") == 0 and a.check()


def test_login_limit_counts_across_two_workers(tmp_path, sqlite_template):
    import shutil

    from craftwave.survey_app import create_app
    db_path = tmp_path / "shared.sqlite"
    shutil.copy(sqlite_template, db_path)
    cfg = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}", "SECRET_KEY": "k",
           "LOGIN_RATE_LIMIT": "3 per minute",
           "RATELIMIT_STORAGE_URI": f"craftwave-sqlite:///{tmp_path / 'limits.sqlite'}"}
    workers = [create_app(cfg), create_app(cfg)]
    codes = [login(w.test_client(), "nobody@example.org", "whatever it is").status_code
             for w in (workers[0], workers[1], workers[0], workers[1])]
    assert codes == [401, 401, 401, 429]
    from craftwave.survey_app.extensions import db
    for w in workers:
        with w.app_context():
            db.engine.dispose()
