"""An optional second factor: TOTP with recovery codes, a CLI reset, and an owner requirement."""

from __future__ import annotations

import re
import time

import numpy as np
import pyotp
from click.testing import CliRunner

from craftwave.cli import main
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import AuditEntry, Researcher
from tests.survey_app.researcher_fixtures import csrf_of, login

_SECRET = re.compile(r'<code id="totp-secret">([A-Z2-7]+)</code>')
_CODES = re.compile(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>")


def _turn_on(client) -> tuple[str, list[str]]:
    page = client.get("/researcher/account/two-factor").get_data(as_text=True)
    secret = _SECRET.search(page).group(1)
    wrong = client.post("/researcher/account/two-factor", data={
        "csrf_token": csrf_of(page), "secret": secret, "code": "000000"})
    assert wrong.status_code == 400 or pyotp.TOTP(secret).now() == "000000"
    resp = client.post("/researcher/account/two-factor", data={
        "csrf_token": csrf_of(page), "secret": secret, "code": pyotp.TOTP(secret).now()})
    assert resp.status_code == 200
    return secret, _CODES.findall(resp.get_data(as_text=True))


def _code_step(client, code: str):
    page = client.get("/researcher/login/code")
    return client.post("/researcher/login/code", data={"csrf_token": csrf_of(page.get_data(as_text=True)),
                                                      "code": code})


def test_totp_login_needs_the_code_and_recovery_codes_work_once(app, make_researcher):
    email = make_researcher("owner@example.org", "owner")
    client = app.test_client()
    assert login(client, email).status_code == 303
    secret, codes = _turn_on(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    with app.app_context():
        stored = db.session.execute(db.select(Researcher).where(Researcher.email == email)).scalar_one()
        assert stored.totp_secret == secret and all(c not in str(stored.totp_recovery) for c in codes)
    fresh = app.test_client()
    resp = login(fresh, email)
    assert resp.status_code == 303 and resp.location.endswith("/researcher/login/code")
    assert fresh.get("/researcher/").status_code == 302  # the password alone does not log in
    assert _code_step(fresh, "123456" if pyotp.TOTP(secret).now() != "123456" else "654321").status_code == 401
    # the code of the next 30-second step (clock drift is allowed one step): the step used to
    # turn the factor on is spent
    code = pyotp.TOTP(secret).at(time.time() + 30)
    assert _code_step(fresh, code).status_code == 303
    assert fresh.get("/researcher/").status_code == 200
    replay = app.test_client()
    login(replay, email)
    assert _code_step(replay, code).status_code == 401  # a code is accepted once
    other = app.test_client()
    login(other, email)
    assert _code_step(other, codes[0]).status_code == 303  # a recovery code works once ...
    again = app.test_client()
    login(again, email)
    assert _code_step(again, codes[0]).status_code == 401  # ... and only once
    with app.app_context():
        actions = db.session.execute(db.select(AuditEntry.action)).scalars().all()
    assert "totp_enabled" in actions and actions.count("recovery_code_used") == 1


def test_cli_reset_turns_the_factor_off_and_ends_sessions(app, make_researcher, monkeypatch, tmp_path):
    email = make_researcher("owner@example.org", "owner")
    client = app.test_client()
    login(client, email)
    _turn_on(client)
    assert client.get("/researcher/").status_code == 200
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    monkeypatch.setenv("CRAFTWAVE_INSTANCE_PATH", str(tmp_path / "instance"))
    result = CliRunner().invoke(main, ["researcher", "totp-reset", email])
    assert result.exit_code == 0, result.output
    assert client.get("/researcher/").status_code == 302  # its sessions ended
    fresh = app.test_client()
    assert login(fresh, email).location.endswith("/researcher/")  # password alone again
    with app.app_context():
        assert db.session.execute(db.select(Researcher.totp_secret)).scalar_one() is None


def test_an_instance_can_require_the_factor_for_owners(app, make_researcher):
    app.config["REQUIRE_TOTP_FOR_OWNERS"] = True
    owner = make_researcher("owner@example.org", "owner")
    analyst = make_researcher("analyst@example.org", "analyst")
    o, a = app.test_client(), app.test_client()
    login(o, owner)
    login(a, analyst)
    resp = o.get("/researcher/")
    assert resp.status_code == 303 and resp.location.endswith("/researcher/account/two-factor")
    assert a.get("/researcher/").status_code == 200  # analysts are not required to
    _turn_on(o)
    assert o.get("/researcher/").status_code == 200


def test_wrong_codes_from_many_addresses_slow_the_account_down(app, make_researcher):
    app.config.update(LOGIN_MAX_FAILURES=3)
    email = make_researcher("owner@example.org", "owner")
    owner = app.test_client()
    login(owner, email)
    secret, _ = _turn_on(owner)
    right = pyotp.TOTP(secret).at(time.time() + 30)
    wrong = "111111" if right != "111111" else "222222"
    owner.post("/researcher/logout", data={"csrf_token": csrf_of(owner.get("/researcher/").get_data(as_text=True))})
    for i in range(3):  # someone with the password guesses codes, each time from a new address
        guesser = app.test_client()
        guesser.environ_base["REMOTE_ADDR"] = f"198.51.100.{i}"
        assert login(guesser, email).status_code == 303
        assert _code_step(guesser, wrong).status_code == 401
    # the account now waits: a fresh browser from yet another address is held at the password
    late = app.test_client()
    late.environ_base["REMOTE_ADDR"] = "198.51.100.200"
    assert login(late, email).status_code == 429
    # the owner's own browser (it logged in before) is not held by the account's wait
    assert login(owner, email).status_code == 303
    assert _code_step(owner, right).status_code == 303


_SVG = re.compile(r'<figure id="totp-qr">(<svg[^>]*>.*?</svg>)</figure>', re.S)


def _modules(svg: str) -> np.ndarray:
    """The dark modules the inline SVG draws (segno's path: one horizontal run per ``h``)."""
    scale = float(re.search(r'transform="scale\(([\d.]+)\)"', svg).group(1))
    size = int(float(re.search(r'width="([\d.]+)"', svg).group(1)) / scale)
    grid = np.zeros((size, size), dtype=bool)
    x = y = 0.0
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", re.search(r' d="([^"]+)"', svg).group(1)):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            grid[int(y), int(x):int(x + float(a))] = True
            x += float(a)
    return grid


def test_the_set_up_page_shows_the_otpauth_address_as_an_inline_qr_code(app, make_researcher):
    import zxingcpp

    client = app.test_client()
    login(client, make_researcher("qr.owner@example.org", "owner"))
    resp = client.get("/researcher/account/two-factor")
    page = resp.get_data(as_text=True)
    secret = _SECRET.search(page).group(1)
    svg = _SVG.search(page).group(1)
    # drawn in the page: no image request, no other site, no inline style for the CSP to allow
    assert "<img" not in page and "http" not in svg and "<script" not in svg
    assert "data:" not in svg and "style=" not in svg
    pixels = np.kron(~_modules(svg), np.ones((6, 6), dtype=bool)).astype(np.uint8) * 255
    found = zxingcpp.read_barcodes(pixels)
    assert [r.format for r in found] == [zxingcpp.BarcodeFormat.QRCode]
    uri = found[0].text
    assert uri == pyotp.TOTP(secret).provisioning_uri(name="qr.owner@example.org", issuer_name="craftwave")
    parsed = pyotp.parse_uri(uri)
    assert (parsed.secret, parsed.name, parsed.issuer) == (secret, "qr.owner@example.org", "craftwave")
    assert uri.startswith("otpauth://totp/craftwave:qr.owner%40example.org?")
    # the code from an app that scanned it turns the factor on
    on = client.post("/researcher/account/two-factor", data={
        "csrf_token": csrf_of(page), "secret": secret, "code": parsed.now()})
    assert on.status_code == 200 and len(_CODES.findall(on.get_data(as_text=True))) == 10
