"""Pilot mode: a study or a link in pilot mode marks its participants `test`; they are kept out
of exports, counts and randomisation, shown apart on the dashboard, and "reset pilot data"
removes them. Also: the dashboard writes statuses in the export's words."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import yaml
from click.testing import CliRunner

from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.researcher import AuditEntry
from craftwave.survey_app.pilot import pilot_token
from tests.survey_app.app_helpers import DEMO_STUDY, Walker
from tests.survey_app.researcher_fixtures import STUDY_YAML, answer_wave, csrf_of, enrol

BASE = "/researcher/study/rs-study"


def _enter(app, url: str) -> str:
    """Consent through a public link as a new visitor; returns the new participant's pid."""
    w = Walker(app.test_client())
    w.consent(url)
    with app.app_context():
        return db.session.execute(db.select(Participant.pid).order_by(Participant.id.desc())
                                  .limit(1)).scalar_one()


def _people(app):
    with app.app_context():
        return {p.pid: p for p in db.session.execute(db.select(Participant)).scalars()}


def _export(client):
    resp = client.get(f"{BASE}/export.zip")
    assert resp.status_code == 200
    with zipfile.ZipFile(io.BytesIO(resp.data)) as zf:
        return (pd.read_csv(zf.open("rs-study/participants.csv")),
                pd.read_csv(zf.open("rs-study/answers_long.csv")),
                pd.read_csv(zf.open("rs-study/page_timings.csv")))


def test_the_pilot_link_marks_test_participants_kept_out_of_exports_and_counts(
        app, rs_study, owner_client):
    with app.app_context():
        token = pilot_token("rs-study")
    pilot = _enter(app, f"/study/rs-study?pilot={token}")
    forged = _enter(app, f"/study/rs-study?pilot={token[:-2]}xx")
    real = enrol(app, email="real@example.org")
    for pid in (pilot, forged, real):
        answer_wave(app, pid, 1)
    people = _people(app)
    assert people[pilot].test and not people[forged].test and not people[real].test
    part, long, timings = _export(owner_client)
    assert sorted(part["participant_id"]) == sorted([forged, real])
    assert pilot not in set(long["participant_id"]) | set(timings["participant_id"])
    html = owner_client.get(BASE).get_data(as_text=True)
    waves = html.split('id="waves"', 1)[1].split("</table>", 1)[0]
    assert 'data-col="invited">2<' in waves and 'data-col="completed">2<' in waves
    main_table = html.split('id="participants"', 1)[1].split("</table>", 1)[0]
    pilot_table = html.split('id="pilot"', 1)[1].split("</table>", 1)[0]
    assert pilot not in main_table and pilot in pilot_table and real not in pilot_table
    assert f"pilot={token}" in html  # owners see the pilot link


def test_a_study_in_pilot_mode_tests_everyone_and_randomises_nobody(app, rs_study, tmp_path,
                                                                    owner_client):
    from craftwave.survey_app.studies import load_study_file

    raw = yaml.safe_load(STUDY_YAML)
    raw["pilot"] = True
    raw["intervention"] = {"after_wave": 1, "arms": [{"name": "a"}, {"name": "b"}]}
    path = tmp_path / "pilot.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with app.app_context():
        load_study_file(path)
    tried = [_enter(app, "/study/rs-study") for _ in range(3)]
    people = _people(app)
    assert all(people[p].test and people[p].arm is None for p in tried)
    raw["pilot"] = False  # launch: pilot mode off (randomisation has not started)
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with app.app_context():
        load_study_file(path)
    first = _enter(app, "/study/rs-study")
    people = _people(app)
    assert not people[first].test and people[first].arm_sequence == 0  # pilots took no slot
    part, _, _ = _export(owner_client)
    assert part["participant_id"].tolist() == [first]


def test_reset_pilot_data_deletes_test_participants_only_and_is_audited(
        app, rs_study, owner_client, monkeypatch):
    with app.app_context():
        token = pilot_token("rs-study")
    pilots = [_enter(app, f"/study/rs-study?pilot={token}") for _ in range(2)]
    answer_wave(app, pilots[0], 1)
    real = enrol(app, email="real@example.org")
    page = owner_client.get(BASE).get_data(as_text=True)
    assert "Reset pilot data (2 test participant(s))" in page
    resp = owner_client.post(f"{BASE}/pilot/reset", data={"csrf_token": csrf_of(page)})
    assert resp.status_code == 303
    assert list(_people(app)) == [real]
    with app.app_context():
        (entry,) = db.session.execute(db.select(AuditEntry).where(
            AuditEntry.action == "pilot_reset")).scalars()
    assert entry.actor == "owner@example.org" and entry.detail == {"deleted": 2}
    # the command line does the same
    again = _enter(app, f"/study/rs-study?pilot={token}")
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", app.config["SECRET_KEY"])
    from craftwave.cli import main
    res = CliRunner().invoke(main, ["study", "reset-pilot", "rs-study", "--yes"])
    assert res.exit_code == 0 and "deleted 1 test participant(s)" in res.output
    assert again not in _people(app)
    link = CliRunner().invoke(main, ["study", "pilot-link", "rs-study", "--base-url", "https://x.org"])
    assert link.output.strip() == f"https://x.org/study/rs-study?pilot={token}"


def test_the_dashboard_writes_statuses_in_the_exports_words(app, owner_client, make_participant):
    make_participant(consented=True, eligible=False)
    html = owner_client.get(f"/researcher/study/{DEMO_STUDY}").get_data(as_text=True)
    table = html.split('id="participants"', 1)[1].split("</table>", 1)[0]
    assert "<td>screened out</td>" in table and "screened_out" not in html
