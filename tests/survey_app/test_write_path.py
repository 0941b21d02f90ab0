"""One write path: researchers log in, open dashboards and export while participants submit
pages, on SQLite and PostgreSQL, and nobody gets a 5xx or a ``database is locked``."""

from __future__ import annotations

import threading

import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.models.researcher import AuditEntry
from tests.survey_app.app_helpers import BACKENDS, DEMO_STUDY, Walker
from tests.survey_app.researcher_fixtures import PASSWORD, csrf_of

N_PARTICIPANTS = 4  # threads
PER_THREAD = 8
N_RESEARCHERS = 2
ROUNDS = 3


def _participant_loop(app, tokens: list[str], statuses: list, errors: list,
                      stop: threading.Event) -> None:
    """Participants one after another, each through wave 1, until the researchers are done."""
    try:
        for token in tokens:
            if stop.is_set():
                return
            w = Walker(app.test_client())
            w.get(f"/s/{token}")
            while "/w/1/" in w.url and "done" not in w.url:
                resp, _ = w.answer_page()
                statuses.append(resp.status_code)
    except Exception as exc:  # noqa: BLE001  (every failure is what the test counts)
        errors.append(f"participant: {type(exc).__name__}: {exc}")


def _researcher_loop(app, email: str, n: int, statuses: list, errors: list) -> None:
    try:
        for r in range(ROUNDS):
            client = app.test_client()
            page = client.get("/researcher/login")
            addr = {"REMOTE_ADDR": f"127.0.{n}.{r + 1}"}  # the login limit counts per address
            resp = client.post("/researcher/login", environ_base=addr, data={
                "csrf_token": csrf_of(page.get_data(as_text=True)), "email": email,
                "password": PASSWORD})
            statuses.append(resp.status_code)
            for url in ("/researcher/", f"/researcher/study/{DEMO_STUDY}",
                        f"/researcher/study/{DEMO_STUDY}/export.zip",
                        f"/researcher/study/{DEMO_STUDY}/due.csv"):
                statuses.append(client.get(url).status_code)
            home = client.get("/researcher/")
            statuses.append(client.post("/researcher/logout", data={
                "csrf_token": csrf_of(home.get_data(as_text=True))}).status_code)
    except Exception as exc:  # noqa: BLE001
        errors.append(f"researcher: {type(exc).__name__}: {exc}")


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_researchers_and_participants_write_at_once(app, make_participant, make_researcher):
    tokens = [[make_participant(consented=True, eligible=True) for _ in range(PER_THREAD)]
              for _ in range(N_PARTICIPANTS)]
    emails = [make_researcher(f"r{i}@example.org", "owner") for i in range(N_RESEARCHERS)]
    p_status: list[int] = []
    r_status: list[int] = []
    errors: list[str] = []
    stop = threading.Event()
    participants = [threading.Thread(target=_participant_loop, args=(app, t, p_status, errors, stop))
                    for t in tokens]
    researchers = [threading.Thread(target=_researcher_loop, args=(app, e, i, r_status, errors))
                   for i, e in enumerate(emails)]
    for t in participants + researchers:
        t.start()
    for t in researchers:
        t.join(timeout=300)
    stop.set()
    for t in participants:
        t.join(timeout=300)
    assert errors == []
    assert p_status and all(s < 500 for s in p_status)
    assert r_status and all(s < 500 for s in r_status), r_status
    # every login, export, due list and logout left its audit row
    with app.app_context():
        actions = db.session.execute(db.select(AuditEntry.action, db.func.count())
                                     .group_by(AuditEntry.action)).all()
    counts = dict(actions)
    n = N_RESEARCHERS * ROUNDS
    assert counts.get("login") == n and counts.get("logout") == n
    assert counts.get("export") == n and counts.get("due_list") == n
