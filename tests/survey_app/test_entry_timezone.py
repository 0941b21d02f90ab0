"""The participant's time zone at entry: the browser's, preselected by a small first-party
script; a list to choose from without it; unknown values fall back to the study's default."""

from __future__ import annotations

import sqlite3

import pytest
from babel.dates import format_date, format_time

from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import token_for
from craftwave.survey_app.models import Participant
from tests.survey_app.app_helpers import DEMO_STUDY, Walker
from tests.survey_app.browser_helpers import chromium_page, serve_copy


def _zones(app) -> list:
    with app.app_context():
        return list(db.session.execute(db.select(Participant.timezone).order_by(Participant.id)).scalars())


def test_the_consent_form_keeps_a_known_zone_and_drops_an_unknown_one(app, client):
    page = Walker(client).get(f"/study/{DEMO_STUDY}")
    html = page.get_data(as_text=True)
    assert '<select name="timezone" id="timezone">' in html and ">Asia/Kathmandu<" in html
    assert "/static/timezone.js" in html
    for zone in ("America/St_Johns", "Nowhere/Else", ""):
        w = Walker(app.test_client())
        w.get(f"/study/{DEMO_STUDY}")
        w.post({"decision": "agree", "timezone": zone})
    assert _zones(app) == ["America/St_Johns", None, None]


def _stored_zone(path) -> str | None:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT timezone FROM participants").fetchone()[0]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("javascript", "expected"), [(True, "America/St_Johns"), (False, "Europe/Berlin")])
def test_browser_zone_is_preselected_and_the_list_works_without_script(sqlite_template, tmp_path,
                                                                      javascript, expected):
    with serve_copy(sqlite_template, tmp_path) as url, chromium_page(
            timezone_id="America/St_Johns", java_script_enabled=javascript) as page:
        page.goto(f"{url}/study/{DEMO_STUDY}")
        select = page.locator("select#timezone")
        if javascript:
            assert select.input_value() == "America/St_Johns"
            assert page.locator("#timezone-shown").inner_text() == "America/St_Johns"
        else:
            assert select.input_value() == ""
            page.locator("details.timezone summary").click()
            select.select_option("Europe/Berlin")
        page.get_by_role("button", name="I agree and want to take part").click()
        page.wait_for_url("**/screening")
        assert _stored_zone(tmp_path / "browser.sqlite") == expected


def test_pages_give_dates_in_the_participants_zone(app, rs_study):
    from datetime import UTC
    from zoneinfo import ZoneInfo

    from craftwave.survey_app.models import WaveStatus
    from tests.survey_app.researcher_fixtures import answer_wave, enrol

    pid = enrol(app, email="kiri@example.org")
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one()
        p.timezone = "Pacific/Auckland"
        db.session.commit()
        token = token_for(p)
    answer_wave(app, pid, 1)
    w = Walker(app.test_client())
    w.get(f"/s/{token}")
    with app.app_context():
        opens = db.session.execute(db.select(WaveStatus.opens_at).where(WaveStatus.wave == 2)).scalar_one()
    local = opens.replace(tzinfo=UTC).astimezone(ZoneInfo("Pacific/Auckland"))
    moment = f"{format_date(local, 'long', locale='en')} at {format_time(local, 'short', locale='en')}"
    assert f"It opens on <strong>{moment} (Pacific/Auckland)</strong>" in w.html
    assert local.date() != opens.date() or local.hour != opens.hour  # not the UTC time


def test_a_personal_invitation_keeps_the_imported_zone_over_the_browsers(app, rs_study):
    from craftwave.survey_app.panel import import_participants

    with app.app_context():
        import_participants(rs_study, "email,timezone\na@example.org,Asia/Tokyo\nb@example.org,\n", "t")
        tokens = [token_for(p) for p in
                  db.session.execute(db.select(Participant).order_by(Participant.id)).scalars()]
    for token in tokens:
        w = Walker(app.test_client())
        w.get(f"/s/{token}/consent")
        w.post({"decision": "agree", "timezone": "America/Sao_Paulo"})
    assert _zones(app) == ["Asia/Tokyo", "America/Sao_Paulo"]
