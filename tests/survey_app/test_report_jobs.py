"""Report builds as database jobs run by ``craftwave worker`` (``REPORT_JOBS = "worker"``)."""

from __future__ import annotations

import pytest

import craftwave.reports as reports
from craftwave.instruments.errors import DataError
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.jobs import ReportJob
from craftwave.survey_app.researcher import reports_download
from craftwave.survey_app.worker import run_once
from tests.survey_app.test_researcher_reports import cache, seeded  # noqa: F401  (fixtures)

URL = "/researcher/study/rs-study/report/researcher.html"


@pytest.fixture
def by_worker(app, cache):  # noqa: F811
    app.config["REPORT_JOBS"] = "worker"
    return app


def _jobs(app) -> list[tuple[str, str]]:
    with app.app_context():
        return [(j.status, j.actor) for j in db.session.execute(
            db.select(ReportJob).order_by(ReportJob.id)).scalars()]


def _pass(app):
    with app.app_context():
        return run_once()


def test_the_worker_builds_what_the_dashboard_asked_for(by_worker, seeded, owner_client):  # noqa: F811
    app = by_worker
    first = owner_client.get(URL)
    assert first.status_code == 202
    assert owner_client.get(URL).status_code == 202  # a second click waits for the same job
    assert _jobs(app) == [("queued", "owner@example.org")]
    assert reports_download._running == {}  # no thread in the web process
    assert _pass(app).reports == 1
    assert _jobs(app) == [("done", "owner@example.org")]
    resp = owner_client.get(first.headers["Refresh"].partition("; url=")[2])
    assert resp.status_code == 200 and "8 completed wave 1" in resp.get_data(as_text=True)
    assert _pass(app).reports == 0  # nothing left to do


def test_a_failed_job_is_shown_and_can_be_retried(by_worker, seeded, owner_client, monkeypatch):  # noqa: F811
    app = by_worker

    def broken(*args, **kwargs):
        raise DataError("the export could not be read")

    monkeypatch.setattr(reports, "build_report", broken)
    assert owner_client.get(URL).status_code == 202
    _pass(app)
    resp = owner_client.get(URL)
    assert resp.status_code == 500 and "the export could not be read" in resp.get_data(as_text=True)
    assert _pass(app).reports == 0  # not rebuilt on every click or pass
    monkeypatch.undo()
    assert owner_client.get(URL + "?retry=1").status_code == 202
    assert [s for s, _a in _jobs(app)] == ["queued"]
    _pass(app)
    assert owner_client.get(URL).status_code == 200


def test_a_report_built_by_another_hosts_worker_is_served_here(by_worker, seeded, owner_client, cache, tmp_path):  # noqa: F811
    """Each host has its own cache folder; the built file travels through the database."""
    from craftwave.survey_app import create_app
    from tests.survey_app.conftest import _config

    app = by_worker
    first = owner_client.get(URL)
    assert first.status_code == 202
    other_cache = tmp_path / "other-host-cache"
    other = create_app(_config(app.config["SQLALCHEMY_DATABASE_URI"], CLOCK=app.config["CLOCK"],
                               REPORT_JOBS="worker", REPORT_BOOTSTRAP=0, REPORT_CACHE_DIR=str(other_cache)))
    try:
        assert _pass(other).reports == 1  # the other host's worker builds it, into its own folder
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()
    assert list(other_cache.rglob("researcher-report.html"))
    assert not list(cache.rglob("researcher-report.html")) if cache.exists() else True
    resp = owner_client.get(first.headers["Refresh"].partition("; url=")[2])
    assert resp.status_code == 200 and "8 completed wave 1" in resp.get_data(as_text=True)
    assert list(cache.rglob("researcher-report.html"))  # now copied into this host's cache
    again = owner_client.get(URL)  # the current data's report, without the waiting page's hint
    assert again.status_code == 200 and again.get_data() == resp.get_data()
