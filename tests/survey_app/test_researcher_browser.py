"""The researcher pages in a real browser (Playwright driving Debian's chromium): axe-core
(bundled by ``axe-playwright-python``, no CDN) finds no serious or critical violation on the
login page (also with its error), the studies list, a study's dashboard, a participant's page
(found with the search box, before and after an action), the withdrawal list,
the participant import (also with errors), the password page (also with an error) and the
accounts page. The upload and the password change are done through the browser's own form
controls, with the keyboard where it matters."""

from __future__ import annotations

import pytest

from tests.survey_app.app_helpers import DEMO_STUDY
from tests.survey_app.browser_helpers import chromium_page, serious_violations, serve_copy
from tests.survey_app.researcher_fixtures import PASSWORD

OWNER = "owner@example.org"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _seed(app) -> None:
    """An owner, an analyst, two invited participants and a withdrawal request of each kind."""
    from craftwave.survey_app import clock
    from craftwave.survey_app.accounts import add_researcher
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Participant, WithdrawalRequest
    from craftwave.survey_app.panel import import_participants

    with app.app_context():
        add_researcher(OWNER, PASSWORD, "owner", actor="test")
        add_researcher("analyst@example.org", PASSWORD, "analyst", actor="test")
        created = import_participants(DEMO_STUDY, "email\nana@example.org\nbo@example.org\n", "test").created
        ids = db.session.execute(db.select(Participant.id).where(
            Participant.pid.in_(created)).order_by(Participant.id)).scalars().all()
        for pk, kind in zip(ids, ("stop_contact", "delete"), strict=True):
            db.session.add(WithdrawalRequest(participant_id=pk, kind=kind, requested_at=clock.now()))
        db.session.commit()


@pytest.fixture
def live_url(sqlite_template, tmp_path):
    with serve_copy(sqlite_template, tmp_path, seed=_seed,
                    RATELIMIT_STORAGE_URI="memory://") as url:
        yield url


@pytest.fixture
def page():
    with chromium_page(viewport={"width": 1280, "height": 900}) as pg:
        yield pg


def assert_accessible(page, where: str) -> None:
    bad = serious_violations(page, where)
    assert bad == [], f"{where}: {bad}"


def test_researcher_pages_have_no_serious_accessibility_violation(page, live_url, tmp_path):
    page.goto(f"{live_url}/researcher/login")
    assert_accessible(page, "login")
    page.get_by_label("Email").fill(OWNER)
    page.get_by_label("Password").fill("not the right password")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page, "login with an error")

    page.get_by_label("Email").fill(OWNER)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_url}/researcher/")
    assert_accessible(page, "studies")

    page.get_by_role("link", name=DEMO_STUDY).click()
    page.wait_for_url(f"**/researcher/study/{DEMO_STUDY}")
    assert_accessible(page, "dashboard")
    page.get_by_text("Import participants from a CSV file").click()  # open the <details>
    assert_accessible(page, "dashboard with the import form open")

    bad_csv = tmp_path / "panel.csv"
    bad_csv.write_text("email\nnot-an-email\ncy@example.org\n", encoding="utf-8")
    page.get_by_label("CSV file").set_input_files(str(bad_csv))
    page.get_by_role("button", name="Import participants").click()
    assert page.locator("#problems").is_visible()
    assert "line" in page.get_by_role("alert").inner_text().lower()
    assert_accessible(page, "import with errors")
    good_csv = tmp_path / "good.csv"
    good_csv.write_text("email\ncy@example.org\n", encoding="utf-8")
    page.get_by_label("CSV file").set_input_files(str(good_csv))
    page.get_by_role("button", name="Import participants").click()
    page.wait_for_url(f"**/researcher/study/{DEMO_STUDY}")
    assert "Imported 1 participant(s)" in page.get_by_role("status").inner_text()

    page.goto(f"{live_url}/researcher/study/{DEMO_STUDY}/withdrawals")
    assert page.locator("#withdrawals tbody tr").count() == 2
    assert_accessible(page, "withdrawals")

    page.get_by_role("link", name="Accounts").click()
    page.wait_for_url("**/researcher/accounts")
    assert_accessible(page, "accounts")
    page.get_by_role("button", name="Deactivate analyst@example.org").click()
    assert "deactivated" in page.get_by_role("status").inner_text()
    assert_accessible(page, "accounts after a change")

    page.get_by_role("link", name="Password").click()
    page.get_by_label("Current password").fill("wrong current password")
    page.get_by_label("New password", exact=True).fill("another long passphrase")
    page.get_by_label("New password again").fill("another long passphrase")
    page.get_by_role("button", name="Change password").click()
    assert "not correct" in page.get_by_role("alert").first.inner_text()
    assert_accessible(page, "password with an error")
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill("another long passphrase")
    page.get_by_label("New password again").fill("another long passphrase")
    page.keyboard.press("Enter")
    assert "password was changed" in page.get_by_role("status").inner_text()
    assert_accessible(page, "password changed")

    # find a participant by email with the search box, and act on their page
    page.goto(f"{live_url}/researcher/study/{DEMO_STUDY}")
    page.get_by_label("Participant id, recruitment id or email").fill(" ANA@example.org")
    page.keyboard.press("Enter")
    page.wait_for_url("**/participant/p*")
    assert page.get_by_text("ana@example.org").is_visible()
    assert_accessible(page, "participant page")
    assert page.get_by_role("button", name="Reopen this wave").count() == 0  # nothing closed
    page.get_by_role("button", name="Stop contacting").click()
    assert "No more invitations" in page.get_by_role("status").inner_text()
    assert_accessible(page, "participant page after an action")
