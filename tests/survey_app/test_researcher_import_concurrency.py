"""Two imports of the same file at the same moment on PostgreSQL create each person once (the
import reads and writes under a lock on the study)."""

from __future__ import annotations

import threading

import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.panel import import_participants


def _count(app):
    with app.app_context():
        return db.session.execute(db.select(db.func.count()).select_from(Participant).where(
            Participant.study_id == "rs-study")).scalar_one()


@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_two_imports_at_once_create_each_person_once(app, backend, rs_study):
    text = "email,external_id\n" + "".join(f"p{i}@example.org,E{i}\n" for i in range(40))
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            with app.app_context():
                barrier.wait()
                results.append(import_participants(rs_study, text, "test"))
                db.session.remove()
        except Exception as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(len(r.created) for r in results) == [0, 40]
    assert sorted(len(r.linked) for r in results) == [0, 40]
    assert _count(app) == 40
