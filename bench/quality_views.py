"""Researcher views that show data-quality flags: the dashboard and a participant's page.

Both pages show the whole study's flags (a participant's flags depend on everyone who answered
the wave). This times each page over HTTP through the app (Flask's test client, a logged-in
owner): the first view, then each page after a new answer in wave 1 (that wave's flags are
recomputed) and unchanged (every wave's flags from the cache, after the version query).

Run by hand (never as a timed test)::

    python bench/quality_views.py --db sqlite:////tmp/demo/demo.sqlite   # e.g. the demo's database
    python bench/quality_views.py --participants 2000 --items 64          # a synthetic study

The synthetic study is the demo study's file on a fresh SQLite database, with ``--participants``
consented people who each answered the first ``--items`` questions of wave 1 (random answers on
each item's scale, page timings around a minute a page).
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from html import unescape
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "data" / "demo" / "study.yaml"
OWNER = ("bench-owner@example.org", "ochre lantern over a quiet harbour")
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]*)"')


def _app(url: str):
    from craftwave.survey_app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "RATELIMIT_ENABLED": False,
                       "WTF_CSRF_ENABLED": True})


def synthetic(path: Path, participants: int, items: int, seed: int) -> str:
    """A SQLite database with the demo study and ``participants`` x ``items`` answers of wave 1."""
    from flask_migrate import upgrade

    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Answer, PageVisit
    from craftwave.survey_app.progress import create_participant, record_consent
    from craftwave.survey_app.studies import get_study, load_study_file

    url = f"sqlite:///{path}"
    app = _app(url)
    rng = np.random.default_rng(seed)
    with app.app_context():
        upgrade(directory=str(REPO / "survey_app" / "migrations"))
        study, _ = load_study_file(DEMO)
        cs = get_study(study.id)
        plan = []  # (page, question) in the order shown, the first `items`
        for page in cs.pages[1]:
            for q in page.all_questions:
                if len(plan) < items and (q.is_check or q.scale is not None):
                    plan.append((page, q))
        start = datetime(2026, 3, 2, 9, 0)
        answers, visits = [], []
        for k in range(participants):
            now = start + timedelta(minutes=k)
            p = create_participant(study.id, "invitation", None, {}, now)
            record_consent(p, cs, now)
            db.session.flush()
            shown = now
            for page in [pg for i, (pg, _) in enumerate(plan) if i == 0 or plan[i - 1][0] is not pg]:
                qs = [q for pg, q in plan if pg is page]
                submitted = shown + timedelta(seconds=float(8 * len(qs) * rng.lognormal(0, 0.4)))
                for q in qs:
                    if q.is_check:
                        value = q.item.expected if rng.random() > 0.05 else q.item.expected % 5 + 1
                    else:
                        values = q.scale.substantive_values
                        value = values[int(rng.integers(len(values)))]
                    answers.append(dict(participant_id=p.id, wave=1, instrument_id=q.instrument.id,
                                        instrument_version=q.instrument.version,
                                        instrument_hash=q.instrument.content_hash, item_id=q.item_id,
                                        value=float(value), page=page.id, submitted_at=submitted))
                visits.append(dict(participant_id=p.id, wave=1, page=page.id, shown_at=shown,
                                   submitted_at=submitted, last_submitted_at=submitted, n_items=len(qs),
                                   n_submissions=1, item_order=[q.name for q in qs]))
                shown = submitted
        db.session.execute(db.insert(Answer), answers)
        db.session.execute(db.insert(PageVisit), visits)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return url


def _login(app):
    from craftwave.survey_app.accounts import add_researcher
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models.researcher import Researcher

    with app.app_context():
        if db.session.execute(db.select(Researcher).where(Researcher.email == OWNER[0])).first() is None:
            add_researcher(OWNER[0], OWNER[1], "owner", actor="bench")
    client = app.test_client()
    page = client.get("/researcher/login").get_data(as_text=True)
    resp = client.post("/researcher/login", data={"csrf_token": unescape(_CSRF.search(page).group(1)),
                                                  "email": OWNER[0], "password": OWNER[1]})
    if resp.status_code != 303:
        raise SystemExit(f"login answered {resp.status_code}")
    return client


def _touch(app, study_id: str) -> None:
    """A new answer: one participant's first answer of wave 1 changes (as a Back-and-change)."""
    from craftwave.survey_app.db import write_transaction
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Answer, Participant

    with app.app_context(), write_transaction():
        a = db.session.execute(db.select(Answer).join(Participant, Participant.id == Answer.participant_id)
                               .where(Participant.study_id == study_id, Answer.wave == 1,
                                      Answer.instrument_id != "screening")
                               .order_by(Answer.id).limit(1)).scalar_one()
        a.value = a.value + 1 if a.value < 3 else a.value - 1


def _timed(client, path: str, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        resp = client.get(path)
        out.append(time.perf_counter() - t0)
        if resp.status_code != 200:
            raise SystemExit(f"GET {path}: {resp.status_code}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="SQLAlchemy URL of a database with a loaded study (default: synthetic)")
    ap.add_argument("--study", help="study id (default: the first loaded)")
    ap.add_argument("--participants", type=int, default=2000)
    ap.add_argument("--items", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=23)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="craftwave-quality-")
    if args.db:
        url = args.db
    else:
        t0 = time.perf_counter()
        url = synthetic(Path(tmp.name) / "bench.sqlite", args.participants, args.items, args.seed)
        print(f"synthetic study: {args.participants} participants x {args.items} items "
              f"({time.perf_counter() - t0:.0f} s to build)")
    app = _app(url)
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Participant, StudyRecord

    with app.app_context():
        study_id = args.study or db.session.execute(db.select(StudyRecord.id).order_by(StudyRecord.id)).scalars().first()
        pid = db.session.execute(db.select(Participant.pid).where(
            Participant.study_id == study_id, ~Participant.test).order_by(Participant.id)).scalars().first()
        n = db.session.execute(db.select(db.func.count()).select_from(Participant).where(
            Participant.study_id == study_id)).scalar_one()
    client = _login(app)
    print(f"study {study_id}: {n} participants")
    pages = {"dashboard": f"/researcher/study/{study_id}",
             "participant page": f"/researcher/study/{study_id}/participant/{pid}"}
    first = _timed(client, pages["dashboard"], 1)
    print(f"dashboard         first view (every wave computed) {first[0]:6.2f} s")
    for name, path in pages.items():
        _touch(app, study_id)
        changed = _timed(client, path, 1)
        same = _timed(client, path, args.repeat)
        print(f"{name:17s} after a new answer {changed[0]:6.2f} s; unchanged: median "
              f"{statistics.median(same):6.3f} s (max {max(same):.3f} s, {args.repeat} views)")


if __name__ == "__main__":
    main()
