"""Every in-process cache has a size bound: hostile posts and URLs cannot grow memory.

The memory figure (RSS after thousands of invalid 60-kB posts) is in
``bench/memory_posts.py``; here the bound is checked by counting cache entries.
"""

from __future__ import annotations

import pytest

from craftwave.survey_app import studies
from craftwave.survey_app.bounded import BoundedCache
from craftwave.survey_app.participant.rendering import MAX_CACHED_VALUE
from tests.survey_app.app_helpers import DEMO_STUDY, Walker, hidden_fields, question_names
from tests.survey_app.test_app_security import stored

pytestmark = pytest.mark.slow


def test_bounded_cache_drops_the_least_recently_used():
    cache = BoundedCache(3)
    for i in range(3):
        cache.set(i, str(i))
    assert cache.get(0) == "0"  # 0 is now the most recently used
    cache.set(3, "3")
    assert len(cache) == 3 and cache.get(1) is None and cache.get(0) == "0"
    cache.set("none", None)
    assert cache.lookup("none") == (True, None) and cache.lookup("gone") == (False, None)


def test_thousands_of_invalid_large_posts_leave_the_page_cache_bounded(app, client, make_participant):
    app.extensions["craftwave_limiter"].enabled = False  # one link posting 3,000 times
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    names = question_names(w.html)
    hidden = hidden_fields(w.html)
    with app.app_context():
        page = studies.get_study(DEMO_STUDY).pages[1][0]
    cache = page.fragment_cache
    assert cache.maxsize == studies.FRAGMENTS_PER_PAGE
    n_posts = 3000
    for i in range(n_posts):
        if i % 2:  # a large invalid answer: never cached
            data = {**hidden, **{n: "3" for n in names}, names[i % len(names)]: f"{i}" + "x" * 60_000}
        else:  # short, distinct invalid answers on every question: each would be a new entry
            data = {**hidden, **{n: f"v{i}" for n in names}}
        resp = client.post(f"/s/{token}/w/1/1", data=data)
        assert resp.status_code in (200, 400), resp.status_code
    assert len(names) * n_posts // 2 > studies.FRAGMENTS_PER_PAGE  # the bound was reached
    assert len(cache) <= studies.FRAGMENTS_PER_PAGE
    keys = list(cache._cache.keys())
    assert keys and all(len(k[3] or "") <= MAX_CACHED_VALUE for k in keys)
    assert stored(app) == 0


def test_unknown_study_ids_in_urls_leave_the_hash_cache_bounded(app, client, monkeypatch):
    small = BoundedCache(100, ttl=studies.HASH_TTL)
    monkeypatch.setattr(studies, "_hashes", small)
    app.config["RATELIMIT_ENABLED"] = False
    app.extensions["craftwave_limiter"].enabled = False
    for i in range(1000):
        assert client.get(f"/study/no-such-study-{i}").status_code == 404
    assert len(small) == 100
