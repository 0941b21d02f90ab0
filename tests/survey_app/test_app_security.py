"""Bad input gets a clear 4xx or a re-rendered page and stores nothing; headers and cookies."""

from __future__ import annotations

import re

import pytest

from craftwave.survey_app.models import Answer, PageVisit, Participant
from tests.survey_app.app_helpers import DEMO_STUDY, Walker, hidden_fields, question_names
from tests.survey_app.test_app_path import count


def start(client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    return token, w


def stored(app):
    return count(app, Answer, page="icraft") + count(app, PageVisit)


def test_missing_csrf_token_stores_nothing(app, client, make_participant):
    token, w = start(client, make_participant)
    names = question_names(w.html)
    data = {"shown": hidden_fields(w.html)["shown"], **{n: "3" for n in names}}
    # refused, but the page comes back with the answers given and a fresh token
    resp = client.post(f"/s/{token}/w/1/1", data=data)
    assert resp.status_code == 200 and "shown again" in resp.get_data(as_text=True)
    assert hidden_fields(resp.get_data(as_text=True))["csrf_token"]
    bad = {**data, "csrf_token": "forged"}
    assert "shown again" in client.post(f"/s/{token}/w/1/1", data=bad).get_data(as_text=True)
    assert stored(app) == 0


def test_consent_without_csrf_is_refused(app, client):
    client.get(f"/study/{DEMO_STUDY}")
    resp = client.post(f"/study/{DEMO_STUDY}/consent", data={"decision": "agree"})
    assert resp.status_code == 303 and resp.location.endswith(f"/study/{DEMO_STUDY}")
    assert count(app, Participant) == 0


def test_unknown_item_id_is_400(app, client, make_participant):
    token, w = start(client, make_participant)
    names = question_names(w.html)
    resp = w.post({**{n: "3" for n in names}, "icraft__task_99": "3"}, follow=False)
    assert resp.status_code == 400 and "icraft__task_99" in resp.get_data(as_text=True)
    assert stored(app) == 0


def test_oversized_post_is_413(app, client, make_participant):
    token, w = start(client, make_participant)
    names = question_names(w.html)
    resp = w.post({**{n: "3" for n in names}, names[0]: "3" * 100_000}, follow=False)
    assert resp.status_code == 413
    assert stored(app) == 0


@pytest.mark.parametrize("url", [
    "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/s/short", "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/w/1/1",
    "/study/no-such-study", "/study/../etc",
])
def test_forged_token_or_study_is_404(client, url):
    resp = client.get(url)
    assert resp.status_code == 404
    assert "Please check your link" in resp.get_data(as_text=True)


def test_forged_shown_token_is_400(app, client, make_participant):
    token, w = start(client, make_participant)
    names = question_names(w.html)
    page = w.html
    for forged in ["", "garbage", hidden_fields(page)["shown"][:-3] + "abc"]:
        w.html = page
        resp = w.post({**{n: "3" for n in names}, "shown": forged}, follow=False)
        assert resp.status_code == 400
    assert stored(app) == 0


def test_shown_token_of_another_page_is_refused(app, client, make_participant):
    token, w = start(client, make_participant)
    other_token = make_participant(consented=True, eligible=True)
    o = Walker(app.test_client())
    o.get(f"/s/{other_token}")
    names = question_names(w.html)
    resp = w.post({**{n: "3" for n in names}, "shown": hidden_fields(o.html)["shown"]}, follow=False)
    assert resp.status_code == 400
    assert stored(app) == 0


@pytest.mark.parametrize("query", [
    "PROLIFIC_PID=<script>", "PROLIFIC_PID=", "workerId=W1&assignmentId=A1",
    "PROLIFIC_PID=" + "a" * 200,
])
def test_malformed_recruitment_parameters_are_400(app, client, query):
    resp = client.get(f"/study/{DEMO_STUDY}?{query}")
    assert resp.status_code == 400
    assert "<script>" not in resp.get_data(as_text=True)
    assert count(app, Participant) == 0


def test_wrong_methods_and_pages_never_500(app, client, make_participant):
    token, w = start(client, make_participant)
    assert client.delete(f"/s/{token}/w/1/1").status_code == 405
    assert client.get(f"/s/{token}/w/9/1").status_code == 303
    assert client.get(f"/s/{token}/w/1/99").status_code == 303
    assert client.get(f"/s/{token}/w/1/0").status_code == 303
    junk = client.post(f"/s/{token}/w/1/1", data="\x00\xff", content_type="application/octet-stream")
    assert junk.status_code == 200 and "shown again" in junk.get_data(as_text=True)


def test_security_headers_and_cookie_flags(client):
    resp = client.get(f"/study/{DEMO_STUDY}")
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert resp.headers["X-Frame-Options"] == "DENY"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    html = resp.get_data(as_text=True)
    # scripts only as first-party static files (the CSP forbids inline ones anyway)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert all(re.search(r'src="/static/[a-z_]+\.js"', attrs) and not body.strip()
               for attrs, body in scripts)
    assert html.count("<script") == len(scripts) and " style=" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # no CDN: every asset is local


def test_static_assets_are_served_by_the_app(client):
    resp = client.get("/static/craftwave.css")
    assert resp.status_code == 200 and "fieldset" in resp.get_data(as_text=True)
    resp.close()
