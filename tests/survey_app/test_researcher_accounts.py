"""Account management: the CLI commands, the password page, the accounts page, the last-owner
rule, deactivated accounts and the audit of every change."""

from __future__ import annotations

import json
import threading

import pytest
from click.testing import CliRunner

from craftwave.cli import main
from craftwave.survey_app.accounts import AccountError
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import AuditEntry, Researcher
from craftwave.survey_app.researcher import accounts as accounts_module
from craftwave.survey_app.researcher.accounts import (
    list_researchers,
    set_active,
    set_password,
    set_role,
)
from craftwave.survey_app.researcher.auth import FAILED
from tests.survey_app.app_helpers import BACKENDS
from tests.survey_app.researcher_fixtures import PASSWORD, csrf_of, login

NEW_PASSWORD = "a different and long passphrase"


@pytest.fixture
def cli(app, monkeypatch, tmp_path):
    """Run ``craftwave`` on the test app's database (the commands build their own app)."""
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    monkeypatch.setenv("CRAFTWAVE_INSTANCE_PATH", str(tmp_path / "instance"))

    def run(*args, stdin: str | None = None):
        return CliRunner().invoke(main, list(args), input=stdin)

    return run


def _audit(app, action: str) -> list[AuditEntry]:
    with app.app_context():
        return db.session.execute(db.select(AuditEntry).where(AuditEntry.action == action)
                                  .order_by(AuditEntry.id)).scalars().all()


def _account(app, email: str) -> Researcher:
    with app.app_context():
        user = db.session.execute(db.select(Researcher).where(Researcher.email == email)).scalar_one()
        db.session.expunge(user)
        return user


# -- the operations and the CLI -----------------------------------------------------------------
def test_list_shows_every_account_as_text_and_json(app, make_researcher, cli):
    make_researcher("owner@example.org", "owner")
    make_researcher("ana@example.org", "analyst")
    with app.app_context():
        set_active("ana@example.org", False, actor="test")
    result = cli("researcher", "list", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["researchers"]
    assert [(r["email"], r["role"], r["active"]) for r in rows] == [
        ("owner@example.org", "owner", True), ("ana@example.org", "analyst", False)]
    assert all("password" not in k for r in rows for k in r)
    text = cli("researcher", "list")
    assert text.exit_code == 0
    lines = text.output.splitlines()
    assert lines[0].split()[:3] == ["owner@example.org", "owner", "active"]
    assert lines[1].split()[:3] == ["ana@example.org", "analyst", "deactivated"]


def test_passwd_changes_the_password_lifts_a_login_delay_and_is_audited(app, client, make_researcher, cli):
    email = make_researcher("owner@example.org", "owner")
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        login(client, email, "wrong password, wrong password")
    app.config["CLOCK"].advance(minutes=20)  # the address's own delay is over; the account's is not
    assert _account(app, email).locked_until is not None
    short = cli("researcher", "passwd", email, "--password-stdin", stdin="short\n")
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    ok = cli("researcher", "passwd", email.upper(), "--password-stdin", stdin=NEW_PASSWORD + "\n")
    assert ok.exit_code == 0, ok.output
    assert _account(app, email).locked_until is None
    assert login(client, email, PASSWORD).status_code == 401
    app.config["CLOCK"].advance(minutes=1)  # that failure's delay for this address
    assert login(client, email, NEW_PASSWORD).status_code == 303
    entries = _audit(app, "password_changed")
    assert len(entries) == 1 and entries[0].actor.startswith("cli:")
    assert entries[0].detail == {"email": email}
    unknown = cli("researcher", "passwd", "nobody@example.org", "--password-stdin",
                  stdin=NEW_PASSWORD + "\n")
    assert unknown.exit_code != 0 and "no account" in unknown.output


def test_a_deactivated_account_cannot_log_in_and_gets_the_wrong_password_message(
        app, make_researcher, cli):
    make_researcher("owner@example.org", "owner")
    email = make_researcher("ana@example.org", "analyst")
    assert cli("researcher", "deactivate", email).exit_code == 0
    wrong = login(app.test_client(), "owner@example.org", "not the password at all")
    refused = login(app.test_client(), email, PASSWORD)
    assert refused.status_code == wrong.status_code == 401
    assert FAILED in refused.get_data(as_text=True) and FAILED in wrong.get_data(as_text=True)
    assert cli("researcher", "activate", email).exit_code == 0
    assert login(app.test_client(), email, PASSWORD).status_code == 303
    assert [e.detail["email"] for e in _audit(app, "researcher_deactivated")] == [email]
    assert [e.detail["email"] for e in _audit(app, "researcher_activated")] == [email]


def test_an_open_session_ends_when_its_account_is_deactivated(app, analyst_client):
    assert analyst_client.get("/researcher/").status_code == 200
    with app.app_context():
        set_active("analyst@example.org", False, actor="test")
    resp = analyst_client.get("/researcher/")
    assert resp.status_code == 302 and resp.location.startswith("/researcher/login")


def test_an_open_session_ends_when_the_password_is_changed_elsewhere(app, owner_client):
    assert owner_client.get("/researcher/").status_code == 200
    with app.app_context():
        set_password("owner@example.org", NEW_PASSWORD, actor="test")
    assert owner_client.get("/researcher/").status_code == 302


def test_the_last_active_owner_is_never_deactivated_or_demoted(app, make_researcher, cli):
    owner = make_researcher("owner@example.org", "owner")
    second = make_researcher("second@example.org", "owner")
    make_researcher("ana@example.org", "analyst")
    assert cli("researcher", "deactivate", second).exit_code == 0
    refused = cli("researcher", "deactivate", owner)
    assert refused.exit_code != 0 and "last active owner" in refused.output
    demote = cli("researcher", "role", owner, "analyst")
    assert demote.exit_code != 0 and "last active owner" in demote.output
    # a deactivated owner does not count: promoting the analyst lets the first owner go
    assert cli("researcher", "role", "ana@example.org", "owner").exit_code == 0
    assert cli("researcher", "role", owner, "analyst").exit_code == 0
    with app.app_context():
        with pytest.raises(AccountError, match="last active owner"):
            set_active("ana@example.org", False, actor="test")
        owners = [a.email for a in list_researchers() if a.role == "owner" and a.active]
    assert owners == ["ana@example.org"]
    changes = [(e.detail["email"], e.detail["from"], e.detail["to"]) for e in _audit(app, "role_changed")]
    assert changes == [("ana@example.org", "analyst", "owner"), (owner, "owner", "analyst")]


def test_role_and_account_errors(app, make_researcher, cli):
    make_researcher("owner@example.org", "owner")
    assert cli("researcher", "role", "owner@example.org", "admin").exit_code == 2  # click's choice
    with app.app_context():
        with pytest.raises(AccountError, match="role must be"):
            set_role("owner@example.org", "admin")
        with pytest.raises(AccountError, match="no account"):
            set_active("ghost@example.org", False)
        with pytest.raises(AccountError, match="not an email"):
            set_password("not an email", NEW_PASSWORD)
    # no-op changes are not audited
    assert cli("researcher", "role", "owner@example.org", "owner").exit_code == 0
    assert cli("researcher", "activate", "owner@example.org").exit_code == 0
    assert _audit(app, "role_changed") == [] and _audit(app, "researcher_activated") == []


# -- the password page --------------------------------------------------------------------------
def _change(client, current: str, new: str, confirm: str | None = None):
    page = client.get("/researcher/account/password")
    assert page.status_code == 200
    return client.post("/researcher/account/password", data={
        "csrf_token": csrf_of(page.get_data(as_text=True)), "current": current, "new": new,
        "confirm": new if confirm is None else confirm})


def test_a_researcher_changes_their_own_password(app, analyst_client):
    other = app.test_client()
    assert login(other, "analyst@example.org").status_code == 303
    resp = _change(analyst_client, PASSWORD, NEW_PASSWORD)
    assert resp.status_code == 303
    assert "password was changed" in analyst_client.get(resp.location).get_data(as_text=True)
    # this session goes on, the other one ended
    assert analyst_client.get("/researcher/").status_code == 200
    assert other.get("/researcher/").status_code == 302
    assert login(app.test_client(), "analyst@example.org", NEW_PASSWORD).status_code == 303
    entries = _audit(app, "password_changed")
    assert [(e.actor, e.detail["email"]) for e in entries] == [("analyst@example.org",) * 2]


@pytest.mark.parametrize(("current", "new", "confirm", "message"), [
    ("wrong current password", NEW_PASSWORD, None, "current password is not correct"),
    (PASSWORD, "too short", None, "at least 12 characters"),
    (PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!", "two new passwords differ"),
])
def test_the_password_page_refuses_bad_input(app, owner_client, current, new, confirm, message):
    resp = _change(owner_client, current, new, confirm)
    assert resp.status_code == 400
    assert message in resp.get_data(as_text=True)
    assert login(app.test_client(), "owner@example.org", PASSWORD).status_code == 303
    assert _audit(app, "password_changed") == []


def test_the_password_page_is_rate_limited_like_the_login(app, owner_client):
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    codes = [_change(owner_client, f"guess number {i}", NEW_PASSWORD).status_code for i in range(4)]
    assert codes == [400, 400, 400, 429]
    assert owner_client.get("/researcher/account/password").status_code == 200  # only POSTs count


def test_the_password_page_needs_the_csrf_token(app, owner_client):
    resp = owner_client.post("/researcher/account/password", data={
        "current": PASSWORD, "new": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert resp.status_code == 400
    assert login(app.test_client(), "owner@example.org", PASSWORD).status_code == 303


# -- the accounts page ----------------------------------------------------------------------------
def _post_action(client, account_id: int, action: str):
    page = client.get("/researcher/accounts")
    return client.post(f"/researcher/accounts/{account_id}/{action}",
                       data={"csrf_token": csrf_of(page.get_data(as_text=True))})


def test_owner_deactivates_and_reactivates_an_account(app, owner_client, make_researcher):
    email = make_researcher("ana@example.org", "analyst")
    ana = _account(app, email)
    page = owner_client.get("/researcher/accounts").get_data(as_text=True)
    assert 'data-email="ana@example.org"' in page and "Deactivate ana@example.org" in page
    resp = _post_action(owner_client, ana.id, "deactivate")
    assert resp.status_code == 303
    assert "ana@example.org was deactivated" in owner_client.get(resp.location).get_data(as_text=True)
    assert not _account(app, email).active
    assert login(app.test_client(), email).status_code == 401
    assert _post_action(owner_client, ana.id, "activate").status_code == 303
    assert _account(app, email).active
    assert [e.actor for e in _audit(app, "researcher_deactivated")] == ["owner@example.org"]
    assert [e.actor for e in _audit(app, "researcher_activated")] == ["owner@example.org"]


def test_the_last_owner_cannot_deactivate_their_own_account_on_the_page(app, owner_client):
    me = _account(app, "owner@example.org")
    resp = _post_action(owner_client, me.id, "deactivate")
    assert resp.status_code == 303
    assert "last active owner" in owner_client.get(resp.location).get_data(as_text=True)
    assert _account(app, "owner@example.org").active
    assert owner_client.get("/researcher/accounts").status_code == 200
    assert _audit(app, "researcher_deactivated") == []


def test_analysts_cannot_see_or_change_accounts(app, analyst_client, make_researcher):
    make_researcher("owner@example.org", "owner")
    owner = _account(app, "owner@example.org")
    assert analyst_client.get("/researcher/accounts").status_code == 403
    token = csrf_of(analyst_client.get("/researcher/account/password").get_data(as_text=True))
    resp = analyst_client.post(f"/researcher/accounts/{owner.id}/deactivate",
                               data={"csrf_token": token})
    assert resp.status_code == 403
    assert _account(app, "owner@example.org").active
    assert "Accounts</a>" not in analyst_client.get("/researcher/").get_data(as_text=True)


def test_unknown_account_and_missing_token(app, owner_client):
    assert _post_action(owner_client, 999, "deactivate").status_code == 404
    me = _account(app, "owner@example.org")
    assert owner_client.post(f"/researcher/accounts/{me.id}/deactivate").status_code == 400


# -- concurrency ----------------------------------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_two_owners_deactivating_each_other_at_once_leave_one_active_owner(
        app, make_researcher, monkeypatch):
    make_researcher("a@example.org", "owner")
    make_researcher("b@example.org", "owner")
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}
    # Widen the race: after counting the other owners, each transaction waits (up to a second)
    # for the other one to have counted too. Without the row locks both would count one other
    # owner and both would go ahead; with them the second one waits for the first's commit.
    after_count = threading.Barrier(2)
    count = accounts_module._other_active_owners

    def count_then_wait(user):
        n = count(user)
        try:
            after_count.wait(timeout=1)
        except threading.BrokenBarrierError:
            pass
        return n

    monkeypatch.setattr(accounts_module, "_other_active_owners", count_then_wait)

    def deactivate(actor: str, target: str) -> None:
        with app.app_context():
            barrier.wait(timeout=10)
            try:
                set_active(target, False, actor=actor)
                outcomes[actor] = "done"
            except AccountError as exc:
                outcomes[actor] = str(exc)

    threads = [threading.Thread(target=deactivate, args=pair)
               for pair in (("a@example.org", "b@example.org"), ("b@example.org", "a@example.org"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(v == "done" for v in outcomes.values()) == [False, True], outcomes
    with app.app_context():
        active = [a.email for a in list_researchers() if a.active]
    assert len(active) == 1
    assert len(_audit(app, "researcher_deactivated")) == 1
