"""Memory under hostile posts: RSS of an app process after thousands of invalid 60-kB page posts.

Builds the app on a fresh SQLite database with the test study, enters one participant, then
posts ``--posts`` invalid pages (each question answered with a distinct invalid value, half of
the posts carrying a 60-kB answer) and prints the process's resident memory before and after,
and the size of the page's fragment cache (bounded: ``FRAGMENTS_PER_PAGE``)::

    python bench/memory_posts.py --posts 4500
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--posts", type=int, default=4500)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from flask_migrate import upgrade

    from craftwave.survey_app import MIGRATIONS_DIR, clock, create_app, studies
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.links import token_for
    from craftwave.survey_app.progress import create_participant, record_consent, record_screening
    from tests.survey_app.app_helpers import (
        DEMO_FILE,
        DEMO_STUDY,
        Walker,
        hidden_fields,
        question_names,
    )

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/m.sqlite", "SECRET_KEY": "m",
                          "RATELIMIT_ENABLED": False})
        with app.app_context():
            upgrade(directory=MIGRATIONS_DIR)
            studies.load_study_file(DEMO_FILE)
            cs = studies.get_study(DEMO_STUDY)
            now = clock.now()
            p = create_participant(DEMO_STUDY, "invitation", None, {}, now)
            record_consent(p, cs, now)
            record_screening(p, cs, {"gig_work": 1, "adult": 1}, now)
            db.session.commit()
            token = token_for(p)
            page = cs.pages[1][0]
        client = app.test_client()
        w = Walker(client)
        w.get(f"/s/{token}")
        names, hidden = question_names(w.html), hidden_fields(w.html)
        for i in range(200):  # warm up: templates, connections
            client.post(f"/s/{token}/w/1/1", data={**hidden, **{n: f"w{i}" for n in names}})
        gc.collect()
        before = rss_mib()
        for i in range(args.posts):
            if i % 2:
                data = {**hidden, **{n: "3" for n in names}, names[i % len(names)]: f"{i}" + "x" * 60_000}
            else:
                data = {**hidden, **{n: f"v{i}" for n in names}}
            client.post(f"/s/{token}/w/1/1", data=data)
        gc.collect()
        after = rss_mib()
        print(f"{args.posts} invalid posts: RSS {before:.1f} -> {after:.1f} MiB (+{after - before:.1f}); "
              f"fragment cache {len(page.fragment_cache)} of at most {page.fragment_cache.maxsize}")
        with app.app_context():
            db.engine.dispose()


if __name__ == "__main__":
    main()
