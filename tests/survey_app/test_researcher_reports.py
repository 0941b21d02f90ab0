"""Reports from the app: ``craftwave report --study`` and the dashboard's report downloads."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import craftwave.reports as reports
from craftwave.cli import main
from craftwave.instruments.errors import DataError
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Answer, Participant, WaveStatus
from craftwave.survey_app.models.researcher import AuditEntry
from craftwave.survey_app.researcher import reports_download
from tests.survey_app.researcher_fixtures import answer_wave, enrol, join

RNG_SEED = 20261123


@pytest.fixture
def seeded(app, rs_study):
    """Nine participants with seeded answers: eight complete wave 1 (one only its first page),
    five of them wave 2 thirty-one days later."""
    import numpy as np

    rng = np.random.default_rng(RNG_SEED)
    clock = app.config["CLOCK"]

    def draw(q, i):
        if q.is_check:
            return q.item.expected
        values = q.scale.substantive_values
        return values[int(rng.integers(len(values)))]

    pids = [enrol(app, email=f"p{i}@example.org") for i in range(9)]
    for pid in pids[:8]:
        answer_wave(app, pid, 1, value_for=draw)
    answer_wave(app, pids[8], 1, value_for=draw, pages=1)
    clock.advance(days=31)
    for pid in pids[:5]:
        answer_wave(app, pid, 2, value_for=draw)
    return pids


def completed_per_wave(app) -> dict[int, int]:
    """Completed participants per wave, read from the database (not from the export)."""
    with app.app_context():
        rows = db.session.execute(
            db.select(WaveStatus.wave, db.func.count())
            .join(Participant, Participant.id == WaveStatus.participant_id)
            .where(Participant.study_id == "rs-study", WaveStatus.completed_at.is_not(None))
            .group_by(WaveStatus.wave)).all()
    return {int(w): int(n) for w, n in rows}


def audit(app, action: str) -> list[AuditEntry]:
    with app.app_context():
        return db.session.execute(db.select(AuditEntry).where(AuditEntry.action == action)
                                  .order_by(AuditEntry.id)).scalars().all()


@pytest.fixture
def build_spy(monkeypatch):
    """Counts calls of the real :func:`craftwave.reports.build_report` (which still runs)."""
    calls = []
    real = reports.build_report

    def spy(*args, **kwargs):
        calls.append((args, kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(reports, "build_report", spy)
    return calls


# -- the command line --------------------------------------------------------------------------


@pytest.fixture
def cli_env(app, monkeypatch, tmp_path):
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    monkeypatch.setenv("CRAFTWAVE_INSTANCE_PATH", str(tmp_path / "instance"))


def test_cli_report_from_a_study_in_the_database(app, seeded, cli_env, tmp_path):
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["report", "researcher", "--study", "rs-study", "--out", str(out),
                                    "--format", "html", "--bootstrap", "0", "--quiet"])
    assert res.exit_code == 0, res.output
    html = (out / "researcher-report.html").read_text(encoding="utf-8")
    done = completed_per_wave(app)
    assert done == {1: 8, 2: 5}
    for wave, n in done.items():
        assert f"{n} completed wave {wave}" in html
    assert "9 participants entered the study" in html
    assert "Researcher-side test study" in html  # the title from the stored study definition
    (entry,) = audit(app, "export")
    assert entry.actor.startswith("cli:") and entry.study_id == "rs-study"
    assert entry.detail["participants"] == 9
    assert not list((tmp_path / "instance").glob("**/*.csv"))  # the export was temporary


def test_cli_study_and_data_are_exclusive(app, seeded, cli_env, tmp_path):
    runner = CliRunner()
    both = runner.invoke(main, ["report", "researcher", "--study", "rs-study", "--data", str(tmp_path),
                                "--out", str(tmp_path / "o")])
    assert both.exit_code == 2 and "exactly one of --study" in both.output
    neither = runner.invoke(main, ["report", "platform", "--out", str(tmp_path / "o")])
    assert neither.exit_code == 2 and "exactly one of --study" in neither.output
    unknown = runner.invoke(main, ["report", "researcher", "--study", "nope", "--out",
                                   str(tmp_path / "o"), "--quiet"])
    assert unknown.exit_code == 2 and "no study 'nope'" in unknown.output
    assert not audit(app, "export")


# -- dashboard downloads -----------------------------------------------------------------------


@pytest.fixture
def cache(app, tmp_path):
    app.config.update(REPORT_CACHE_DIR=str(tmp_path / "report-cache"), REPORT_BOOTSTRAP=0)
    yield tmp_path / "report-cache"
    reports_download.wait_for_builds(120)


def fetch(client, url: str, timeout: float = 120):
    """Ask for a report as a browser would: follow the waiting page's Refresh until the file."""
    resp = client.get(url)
    if resp.status_code == 202:
        refresh = resp.headers["Refresh"]
        seconds, _, again = refresh.partition("; url=")
        assert int(seconds) >= 1 and again.startswith("/researcher/study/")
        reports_download.wait_for_builds(timeout)
        resp = client.get(again)
    return resp


def test_dashboard_links_to_the_four_reports(owner_client, rs_study, cache):
    html = owner_client.get("/researcher/study/rs-study").get_data(as_text=True)
    for kind in ("researcher", "platform"):
        for fmt in ("html", "pdf"):
            assert f'href="/researcher/study/rs-study/report/{kind}.{fmt}"' in html


@pytest.mark.parametrize("who", ["owner_client", "analyst_client"])
def test_report_download_is_built_once_then_served_from_the_cache(request, who, app, seeded,
                                                                  cache, build_spy):
    client = request.getfixturevalue(who)
    if who == "analyst_client":
        join(app)  # the analyst is a member of the study (the owner needs no membership)
    first = client.get("/researcher/study/rs-study/report/researcher.html")
    assert first.status_code == 202
    page = first.get_data(as_text=True)
    assert "being built" in page and "<script" not in page
    assert "script-src 'self'" in first.headers["Content-Security-Policy"]
    resp = fetch(client, "/researcher/study/rs-study/report/researcher.html")
    assert resp.status_code == 200, resp.get_data(as_text=True)[:500]
    assert resp.mimetype == "text/html"
    assert resp.headers["Content-Disposition"] == (
        "attachment; filename=rs-study-researcher-report.html")
    assert "default-src 'none'" in resp.headers["Content-Security-Policy"]
    body = resp.get_data(as_text=True)
    assert "8 completed wave 1" in body and "5 completed wave 2" in body
    assert len(build_spy) == 1

    again = client.get("/researcher/study/rs-study/report/researcher.html")
    assert again.status_code == 200 and again.get_data(as_text=True) == body
    assert len(build_spy) == 1  # served from the cache, not rebuilt

    email = "owner@example.org" if who == "owner_client" else "analyst@example.org"
    served = audit(app, "report")
    assert [(e.actor, e.detail["kind"], e.detail["format"]) for e in served] == [
        (email, "researcher", "html")] * 2
    exports = audit(app, "export")
    assert len(exports) == 1 and exports[0].actor == email  # the build's export, once


def test_new_answers_make_a_new_report(app, seeded, owner_client, cache, build_spy):
    url = "/researcher/study/rs-study/report/researcher.html"
    assert "5 completed wave 2" in fetch(owner_client, url).get_data(as_text=True)
    answer_wave(app, seeded[5], 2)
    assert owner_client.get(url).status_code == 202  # the data changed: not the old file
    body = fetch(owner_client, url).get_data(as_text=True)
    assert "6 completed wave 2" in body
    assert len(build_spy) == 2
    assert len([d for d in cache.joinpath("rs-study").iterdir() if not d.name.startswith(".")]) == 2


def test_pdf_download_is_a_pdf(app, seeded, analyst_client, cache):
    join(app)
    resp = fetch(analyst_client, "/researcher/study/rs-study/report/platform.pdf")
    assert resp.status_code == 200
    assert resp.mimetype == "application/pdf"
    data = resp.get_data()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
    assert resp.headers["Content-Disposition"].endswith("rs-study-platform-report.pdf")


def test_a_waiting_researcher_gets_the_report_even_if_answers_arrived_meanwhile(
        app, seeded, owner_client, cache, build_spy):
    url = "/researcher/study/rs-study/report/researcher.html"
    first = owner_client.get(url)
    assert first.status_code == 202
    reports_download.wait_for_builds(120)
    answer_wave(app, seeded[6], 2)  # after the export the build used
    since_url = first.headers["Refresh"].partition("; url=")[2]
    resp = owner_client.get(since_url)
    assert resp.status_code == 200 and "5 completed wave 2" in resp.get_data(as_text=True)
    assert owner_client.get(url).status_code == 202  # a fresh request wants the fresh data
    reports_download.wait_for_builds(120)
    assert len(build_spy) == 2
    assert "6 completed wave 2" in owner_client.get(url).get_data(as_text=True)


def test_a_failed_build_says_why_and_can_be_retried(app, seeded, owner_client, cache,
                                                    monkeypatch):
    def broken(*args, **kwargs):
        raise DataError("the export could not be read")

    monkeypatch.setattr(reports, "build_report", broken)
    url = "/researcher/study/rs-study/report/platform.html"
    resp = fetch(owner_client, url)
    assert resp.status_code == 500
    assert "could not be built" in resp.get_data(as_text=True)
    assert "the export could not be read" in resp.get_data(as_text=True)
    assert owner_client.get(url).status_code == 500  # not rebuilt on every click
    monkeypatch.undo()
    retried = owner_client.get(url + "?retry=1")
    assert retried.status_code == 202
    reports_download.wait_for_builds(120)
    assert owner_client.get(url).status_code == 200


def test_report_routes_need_a_login_and_known_names(app, client, seeded, owner_client, cache):
    resp = client.get("/researcher/study/rs-study/report/researcher.html")
    assert resp.status_code == 302 and resp.location.startswith("/researcher/login")
    assert client.get("/researcher/study/rs-study/report/researcher.pdf",
                      headers={"Accept": "application/json"}).status_code == 401
    assert owner_client.get("/researcher/study/rs-study/report/weekly.html").status_code == 404
    assert owner_client.get("/researcher/study/rs-study/report/researcher.docx").status_code == 404
    assert owner_client.get("/researcher/study/nope/report/researcher.html").status_code == 404
    assert not audit(app, "report") and not audit(app, "export")
    assert not cache.exists() or not any(cache.rglob("*.html"))


def test_the_cache_key_is_the_export_manifest(app, seeded, tmp_path):
    from craftwave.survey_app.export import write_export

    options = {"bootstrap": 0, "seed": 1}
    with app.app_context():
        key = reports_download.current_key("rs-study", options)
        result = write_export("rs-study", tmp_path / "e", actor="test")
    assert reports_download.manifest_key(result.manifest, options) == key
    assert reports_download.manifest_key(result.manifest, {"bootstrap": 10, "seed": 1}) != key
    with app.app_context():
        first = db.session.execute(db.select(Answer).order_by(Answer.id).limit(1)).scalar_one()
        first.value = 2 if first.value == 1 else 1  # another substantive answer
        db.session.commit()
        assert reports_download.current_key("rs-study", options) != key
    assert re.fullmatch(r"[0-9a-f]{64}", key)


def test_clicks_during_a_build_wait_for_it_instead_of_building_again(
        app, seeded, owner_client, analyst_client, cache, build_spy):
    join(app)
    url = "/researcher/study/rs-study/report/platform.html"
    with reports_download._build_lock:  # hold the build back while both researchers click
        waits = [c.get(url) for c in (owner_client, analyst_client, owner_client)]
        assert [w.status_code for w in waits] == [202, 202, 202]
        assert len(build_spy) == 0
    reports_download.wait_for_builds(120)
    for client, wait in zip((owner_client, analyst_client, owner_client), waits, strict=True):
        resp = client.get(wait.headers["Refresh"].partition("; url=")[2])
        assert resp.status_code == 200 and resp.mimetype == "text/html"
    assert len(build_spy) == 1
    assert len(audit(app, "report")) == 3 and len(audit(app, "export")) == 1


def test_pilot_participants_are_in_no_report_and_statuses_use_the_shared_words(
        app, seeded, owner_client, cache):
    """Three pilot participants complete both waves; one real participant withdraws after wave
    1. The researcher report counts only the real nine and writes "Missed" and "Withdrawn"."""
    clock = app.config["CLOCK"]
    pilots = [enrol(app, email=f"pilot{i}@example.org") for i in range(3)]
    with app.app_context():
        for p in db.session.execute(db.select(Participant).where(
                Participant.pid.in_(pilots))).scalars():
            p.test = True
        db.session.commit()
    clock.advance(days=-31)  # the pilots answer wave 1 with the others, then wave 2
    for pid in pilots:
        answer_wave(app, pid, 1)
    clock.advance(days=31)
    for pid in pilots:
        answer_wave(app, pid, 2)
    from craftwave.survey_app.person import stop_contacting
    with app.app_context():
        stop_contacting("rs-study", seeded[7], "test")  # completed wave 1 only
    clock.advance(days=20)  # every wave-2 window has closed
    body = fetch(owner_client, "/researcher/study/rs-study/report/researcher.html").get_data(as_text=True)
    assert "9 participants entered the study" in body
    assert "8 completed wave 1" in body and "5 completed wave 2" in body
    table = body.split('id="tab-sample"', 1)[1].split("</table>", 1)[0]
    assert "Missed" in table and "Withdrawn" in table and "Screened out" in table
    assert "pilot" not in body
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", table.split("<tbody>", 1)[1])
    wave2 = cells[len(cells) // 2:]  # Wave, Invited, Started, Completed, Screened out, Closed,
    assert wave2[:8] == ["2", "0", "0", "5", "0", "0", "2", "1"]  # Missed, Withdrawn
