"""Rate limits that fit fieldwork, counted in the database so every host shares them."""

from __future__ import annotations

import time

import pytest

from craftwave.survey_app import create_app
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import RateCounter
from tests.survey_app.app_helpers import DEMO_STUDY, Walker, hidden_fields
from tests.survey_app.conftest import _config

pytestmark = pytest.mark.slow

NAT = "198.51.100.20"  # one campus address in front of a whole class


def _db_limited(app, **extra):
    """A second app on the same database with the production store (the database)."""
    return create_app(_config(app.config["SQLALCHEMY_DATABASE_URI"],
                              RATELIMIT_STORAGE_URI="craftwave-db://", **extra))


def _start(client, i: int) -> int:
    """One participant of the class enters and consents; returns the consent's status."""
    w = Walker(client)
    w.get(f"/study/{DEMO_STUDY}?PROLIFIC_PID={i + 1:024x}&STUDY_ID=s&SESSION_ID=x", follow=False)
    resp = w.post({"decision": "agree"}, follow=False)
    return resp.status_code


def test_a_class_of_200_behind_one_address_starts_and_a_flood_gets_the_wait_page(app):
    limited = _db_limited(app)
    t0 = time.monotonic()
    codes = []
    for i in range(200):
        client = limited.test_client()
        client.environ_base["REMOTE_ADDR"] = NAT
        codes.append(_start(client, i))
    assert codes == [303] * 200  # everyone consented and went on to the survey
    assert time.monotonic() - t0 < 60
    # a flood from the same address: beyond the documented 600 a minute, a calm wait page
    flood = limited.test_client()
    flood.environ_base["REMOTE_ADDR"] = NAT
    statuses = [flood.get(f"/study/{DEMO_STUDY}").status_code for _ in range(700)]
    assert 429 in statuses
    assert statuses.index(429) <= 600 - 200  # the class used at least one request a person
    resp = flood.get(f"/study/{DEMO_STUDY}")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 429 and "Please wait about" in html and "Nothing you have answered is lost" in html
    assert 0 < int(resp.headers["Refresh"]) <= 61 and resp.headers["Retry-After"] == resp.headers["Refresh"]
    # another address is not held up by the flood
    other = limited.test_client()
    other.environ_base["REMOTE_ADDR"] = "192.0.2.99"
    assert other.get(f"/study/{DEMO_STUDY}").status_code == 200
    # the counters are in the database, as keyed hashes: no address is stored
    with limited.app_context():
        keys = db.session.execute(db.select(RateCounter.key)).scalars().all()
        assert keys and all(len(k) == 64 and NAT not in k for k in keys)
        db.engine.dispose()


def test_per_study_limit_counts_every_address_and_two_hosts_share_it(app):
    hosts = [_db_limited(app, ENTRY_STUDY_RATE_LIMIT="5 per minute") for _ in range(2)]
    codes = []
    for i in range(6):
        client = hosts[i % 2].test_client()
        client.environ_base["REMOTE_ADDR"] = f"192.0.2.{i}"
        codes.append(client.get(f"/study/{DEMO_STUDY}").status_code)
    assert codes == [200] * 5 + [429]
    for h in hosts:
        with h.app_context():
            db.engine.dispose()


def _post_page(client, token: str, n: int) -> list[int]:
    w = Walker(client)
    w.get(f"/s/{token}")
    hidden = hidden_fields(w.html)
    return [client.post(f"/s/{token}/w/1/1", data={**hidden, "not_a_question": "1"}).status_code
            for _ in range(n)]


def test_page_posts_are_limited_per_personal_link(app, make_participant):
    limited = _db_limited(app, PAGE_POST_RATE_LIMIT="3 per minute")
    token = make_participant(consented=True, eligible=True)
    assert _post_page(limited.test_client(), token, 4) == [400, 400, 400, 429]
    other = make_participant(consented=True, eligible=True)  # another link is not held up
    assert _post_page(limited.test_client(), other, 1) == [400]
    with limited.app_context():
        db.engine.dispose()


def test_expired_counters_are_deleted(app, monkeypatch):
    from craftwave.survey_app import ratelimit_store

    monkeypatch.setattr(ratelimit_store, "CLEANUP_EVERY", 1)
    with app.app_context():
        ratelimit_store.hit("old", 10, now=1000.0)
        ratelimit_store.hit("new", 10, now=time.time())
        assert db.session.execute(db.select(db.func.count()).select_from(RateCounter)).scalar_one() == 1
        assert ratelimit_store.peek("new")[0] == 1 and ratelimit_store.peek("old")[0] == 0
