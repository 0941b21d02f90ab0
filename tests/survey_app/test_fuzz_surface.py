"""A fuzz of the whole surface: every route of the URL map, with hostile paths, query strings,
headers and cookies, logged out and logged in. 10,000+ requests: no 5xx, nothing stored.

The generator is a seeded numpy Generator, so a failure names a reproducible request.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import numpy as np
import pytest
from sqlalchemy import inspect

from craftwave.survey_app.extensions import db
from tests.survey_app.app_helpers import DEMO_STUDY
from tests.survey_app.researcher_fixtures import login

pytestmark = pytest.mark.slow

N_REQUESTS = 10_500
WATCHED = ("participants", "contacts", "wave_status", "withdrawal_requests", "answers",
           "answer_history", "page_visits", "allocation_log", "flow_counts", "researchers")
_ARG = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")

ODD_TEXT = ["", "0", "-1", "2147483648", str(2**64), "1e309", "NaN", "..", "../../etc/passwd",
            "%00", "%ff%fe", "%2e%2e%2f", "a" * 3000, "ü€𝄞", "<script>", "'; DROP TABLE x;--",
            "\u202e", "%0d%0aSet-Cookie:x=1", "=cmd|' /C calc'!A0", "{{7*7}}", "null", "[]",
            "%", "%%", "a/b", "a%2Fb", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]
HEADER_NAMES = ["Accept", "Accept-Language", "Content-Type", "X-Forwarded-For", "X-Forwarded-Proto",
                "X-Forwarded-Host", "Referer", "Origin", "User-Agent", "If-Modified-Since",
                "If-None-Match", "Range", "Authorization", "X-Requested-With", "X-CSRFToken"]
HEADER_VALUES = ["*/*", "application/json", "text/html;q=0.1, */*;q=0.2", "xx-YY, *;q=-1",
                 "zz;q=abc", "multipart/form-data; boundary=", "application/x-www-form-urlencoded",
                 "1.2.3.4, 5.6.7.8", "999.999.1.1", "evil.example", "https", "bytes=0-0,-1",
                 "Basic Zm9vOmJhcg==", "Thu, 01 Jan 1970 00:00:00 GMT", "W/\"x\"", "a" * 2000,
                 "ü".encode().decode("latin-1"), ""]
COOKIE_NAMES = ["craftwave_session", "session", "craftwave_known_browser", "remember_token", "x"]
COOKIE_VALUES = ["", "garbage", "eyJ4IjoxfQ.AAAA.BBBB", ".eJwrSS0uAQAEkgHF.Z.x", "a" * 4000, "%00",
                 "\"quoted\"", "ü".encode().decode("latin-1")]


def _counts(app) -> dict[str, int]:
    with app.app_context():
        names = set(inspect(db.engine).get_table_names())
        return {t: db.session.execute(db.text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in WATCHED if t in names}


def _pick(rng: np.random.Generator, seq):
    return seq[int(rng.integers(len(seq)))]


def _fill(rule: str, rng: np.random.Generator, real: dict[str, list[str]]) -> str:
    def one(m: re.Match) -> str:
        converter, name = m.group(1), m.group(2)
        options = real.get(name, []) + ODD_TEXT
        if converter == "int":
            options = [str(int(rng.integers(0, 5))), "2147483647", str(2**31), str(2**70), "00001"]
        value = _pick(rng, options)
        return value if "%" in value else quote(value, safe="")
    return _ARG.sub(one, rule)


def _query(rng: np.random.Generator) -> str:
    keys = ["PROLIFIC_PID", "STUDY_ID", "SESSION_ID", "assignmentId", "workerId", "hitId",
            "turkSubmitTo", "lang", "next", "page", "x"]
    parts = []
    for _ in range(int(rng.integers(0, 5))):
        value = _pick(rng, ODD_TEXT + ["ASSIGNMENT_ID_NOT_AVAILABLE", "https://www.mturk.com",
                                       "//evil.example", "/%09/evil", "en", "de"])
        parts.append(f"{_pick(rng, keys)}={value if '%' in value else quote(value, safe='')}")
    return "&".join(parts)


def test_every_route_survives_hostile_requests_and_nothing_is_stored(app, make_researcher, make_participant):
    app.config["RATELIMIT_ENABLED"] = False
    app.extensions["craftwave_limiter"].enabled = False
    app.config["PROPAGATE_EXCEPTIONS"] = False  # an exception must show as a 500, and fail below
    token = make_participant(consented=True, eligible=True)
    email = make_researcher("owner@example.org", "owner")
    before = _counts(app)
    real = {"token": [token], "study_id": [DEMO_STUDY], "filename": ["craftwave.css"],
            "name": ["waves"], "pid": ["p0001"], "kind": ["panel"], "fmt": ["html", "pdf"]}
    rules = [(r.rule, sorted((r.methods or set()) | {"GET", "POST", "PUT", "DELETE", "HEAD"}))
             for r in app.url_map.iter_rules()]
    rng = np.random.default_rng(20261204)
    anonymous = app.test_client()
    researcher = app.test_client()
    assert login(researcher, email).status_code == 303
    failures = []
    statuses: dict[int, int] = {}
    for i in range(N_REQUESTS):
        rule, methods = rules[i % len(rules)]
        path = _fill(rule, rng, real)
        query = _query(rng)
        client = researcher if rng.random() < 0.4 else anonymous
        headers = {_pick(rng, HEADER_NAMES): _pick(rng, HEADER_VALUES) for _ in range(int(rng.integers(0, 4)))}
        cookies = [(_pick(rng, COOKIE_NAMES), _pick(rng, COOKIE_VALUES))
                   for _ in range(int(rng.integers(0, 2)))] if client is anonymous else []
        for name, value in cookies:
            client.set_cookie(name, value)
        method = _pick(rng, methods)
        body = _pick(rng, [None, {"csrf_token": "x", "decision": "agree"}, {"a": "b" * 100}])
        resp = client.open(path + (f"?{query}" if query else ""), method=method, headers=headers,
                           data=body if method in ("POST", "PUT") else None)
        statuses[resp.status_code] = statuses.get(resp.status_code, 0) + 1
        if resp.status_code >= 500:
            failures.append((i, method, path, query, headers, cookies, resp.status_code))
        resp.close()
        for name, _ in cookies:
            client.delete_cookie(name)
    assert failures == []
    print(sorted(statuses.items()))
    assert {200, 302, 400, 404, 405} <= set(statuses)  # the requests reached real handlers
    after = _counts(app)
    # logins are the only writes allowed (the researcher's session); no data row came or went
    assert {k: v for k, v in after.items()} == before
