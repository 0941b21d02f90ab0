"""Passwords per NIST SP 800-63B: length, a blocklist of common passwords, no context words."""

from __future__ import annotations

import pytest

from craftwave.survey_app.accounts import AccountError, add_researcher
from craftwave.survey_app.passwords import PasswordRejected, check_new_password, common_passwords
from tests.survey_app.researcher_fixtures import PASSWORD


def test_the_blocklist_is_large_and_holds_the_usual_suspects():
    common = common_passwords()
    assert len(common) > 20_000
    assert {"password", "123456", "qwerty", "letmein"} <= common


@pytest.mark.parametrize("bad, why", [
    ("short", "at least 12"),
    ("passwordpassword", "repeated"),
    ("Password1234!!", "commonly used"),        # a common word with digits and symbols added
    ("1234567890123", "consecutive"),
    ("zzzzzzzzzzzzzzzz", "repeated"),
    ("abcdefghijklm", "consecutive"),
    ("my craftwave login 2026", "context"),
    ("grace.hopper rules ok", "context"),       # the email's name
    ("Universitas lovely days", "context"),     # the email's domain label
    ("test study is my password", "context"),   # a loaded study's id (test-study)
])
def test_bad_passwords_are_refused_with_a_reason(app, bad, why):
    with app.app_context(), pytest.raises(PasswordRejected, match=why):
        check_new_password(bad, "grace.hopper@universitas.example")


@pytest.mark.parametrize("good", [PASSWORD, "tangerine bicycle over the moor", "Zq7#pL0v!mW2xR"])
def test_long_uncommon_passwords_pass(app, good):
    with app.app_context():
        check_new_password(good, "grace.hopper@universitas.example")


def test_account_creation_applies_the_policy(app, researcher_tables):
    with app.app_context(), pytest.raises(AccountError, match="commonly used"):
        add_researcher("new@example.org", "iloveyou12345", "owner", actor="t")
    with app.app_context():
        assert add_researcher("new@example.org", "tangerine bicycle over the moor", "owner", actor="t")
