"""Idempotent storage, answer history, page timings, randomisation and arm assignment."""

from __future__ import annotations

from collections import Counter

import pytest

from craftwave.instruments import load_study
from craftwave.survey_app.allocation import draw_block
from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import participant_for_token
from craftwave.survey_app.models import Answer, AnswerHistory, PageVisit, Participant, WaveStatus
from craftwave.survey_app.models.allocation import AllocationLog, AllocationState
from tests.survey_app.app_helpers import BACKENDS, DEMO_FILE, Walker, hidden_fields, question_names

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)


def rows(app, model, **where):
    with app.app_context():
        out = db.session.execute(db.select(model).filter_by(**where)).scalars().all()
        for r in out:
            db.session.expunge(r)
        return out


def start(client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    return token, w


def test_double_submit_stores_once(app, client, make_participant):
    token, w = start(client, make_participant)
    page = w.html
    names = question_names(page)
    data = {**hidden_fields(page), **{n: "2" for n in names}}
    first = client.post(f"/s/{token}/w/1/1", data=data)
    second = client.post(f"/s/{token}/w/1/1", data=data)  # the double click
    assert first.status_code == second.status_code == 303
    answers = rows(app, Answer, page="icraft")
    assert len(answers) == len(names) == 10
    assert Counter((a.instrument_id, a.item_id) for a in answers).most_common(1)[0][1] == 1
    visit = rows(app, PageVisit, page="icraft")[0]
    assert visit.n_submissions == 2 and visit.n_items == 10
    assert rows(app, AnswerHistory) == []


def test_changed_answer_after_back_is_replaced_and_kept_in_history(app, client, make_participant, clock):
    token, w = start(client, make_participant)
    w.answer_page(value_for=lambda n, i: 2)
    clock.advance(minutes=1)
    w.get(f"/s/{token}/w/1/1")
    names = question_names(w.html)
    w.post({**{n: "2" for n in names}, names[0]: "5"})
    assert "Page 2 of 3" in w.html
    changed = [a for a in rows(app, Answer, page="icraft") if a.value == 5]
    assert len(changed) == 1 and len(rows(app, Answer, page="icraft")) == 10
    hist = rows(app, AnswerHistory)
    assert [(h.old_value, h.new_value, h.page) for h in hist] == [(2.0, 5.0, "icraft")]
    visit = rows(app, PageVisit, page="icraft")[0]
    assert visit.n_submissions == 2 and visit.last_submitted_at > visit.submitted_at


def test_two_tabs_on_one_link_never_duplicate(app, make_participant):
    token = make_participant(consented=True, eligible=True)
    a, b = Walker(app.test_client()), Walker(app.test_client())
    a.get(f"/s/{token}")
    b.get(f"/s/{token}")
    names = question_names(a.html)
    ra = a.post({n: "1" for n in names}, follow=False)
    rb = b.post({n: "4" for n in names}, follow=False)
    assert ra.status_code == rb.status_code == 303
    answers = rows(app, Answer, page="icraft")
    assert len(answers) == 10 and {x.value for x in answers} == {4.0}
    assert len(rows(app, AnswerHistory)) == 10
    # and both tabs continue at page 2
    a.get(f"/s/{token}")
    assert "Page 2 of 3" in a.html


def test_double_submit_of_last_page_completes_once(app, client, make_participant, clock):
    token, w = start(client, make_participant)
    w.answer_page()
    w.answer_page()
    page = w.html
    data = {**hidden_fields(page), **{n: "3" for n in question_names(page)}}
    r1 = client.post(f"/s/{token}/w/1/3", data=data)
    (ws1,) = rows(app, WaveStatus)
    clock.advance(seconds=5)
    r2 = client.post(f"/s/{token}/w/1/3", data=data)
    (ws2,) = rows(app, WaveStatus)
    assert r1.status_code == r2.status_code == 303
    assert r1.location == r2.location
    assert (ws1.completed_at, ws1.completion_code) == (ws2.completed_at, ws2.completion_code)
    assert len(rows(app, Answer)) == 2 + 21


def test_page_timings_are_server_times(app, client, make_participant, clock):
    token, w = start(client, make_participant)
    shown = clock()
    clock.advance(seconds=42)
    w.answer_page()
    visit = rows(app, PageVisit, page="icraft")[0]
    assert visit.shown_at == shown
    assert (visit.submitted_at - visit.shown_at).total_seconds() == 42


def test_randomised_order_is_seeded_per_participant_and_recorded(app, make_participant):
    orders = []
    for _ in range(4):
        token = make_participant(consented=True, eligible=True)
        w = Walker(app.test_client())
        w.get(f"/s/{token}")
        shown = question_names(w.html)
        w.get(f"/s/{token}/w/1/1")
        assert question_names(w.html) == shown  # the same order on every visit
        w.answer_page()
        with app.app_context():
            pid = participant_for_token(token).id
        (visit,) = rows(app, PageVisit, participant_id=pid, page="icraft")
        assert visit.item_order == shown
        orders.append(tuple(shown))
    assert len(set(orders)) > 1
    assert all(sorted(o) == sorted(orders[0]) for o in orders)
    # a page without randomisation keeps the instrument's order
    w.answer_page()
    names = question_names(w.html)
    assert names == sorted(names, key=lambda n: int(n.rsplit("_", 1)[1]))


def test_arms_go_to_eligible_people_in_order_and_are_logged(app, make_participant):
    for i in range(9):
        make_participant(consented=True, eligible=i % 3 != 0)
    make_participant(consented=True)  # screening pending: no arm yet
    people = rows(app, Participant)
    with_arm = sorted((p for p in people if p.arm is not None), key=lambda p: p.arm_sequence)
    assert all(p.eligibility == "eligible" for p in with_arm)
    assert all(p.arm is None for p in people if p.eligibility != "eligible")
    assert [p.arm_sequence for p in with_arm] == list(range(6))
    log = sorted(rows(app, AllocationLog), key=lambda r: r.sequence)
    assert [(r.sequence, r.arm, r.participant_id) for r in log] == [
        (p.arm_sequence, p.arm, p.id) for p in with_arm]
    (state,) = rows(app, AllocationState)
    study = load_study(DEMO_FILE)
    replay = [a for b in range(1, state.block_number + 1)
              for a in draw_block(study.intervention, state.seed, b)]
    assert [p.arm for p in with_arm] == replay[:6]


def test_concurrent_submissions_of_one_page_store_once(app, make_participant):
    """Two tabs (threads, own connections) send the last page at the same moment."""
    import threading

    token, w = start(app.test_client(), make_participant)
    w.answer_page()
    w.answer_page()
    page = w.html
    barrier = threading.Barrier(4)
    results = []

    def send(value: str) -> None:
        client = app.test_client()
        with w.client.session_transaction() as sess:
            cookie = dict(sess)
        with client.session_transaction() as sess:
            sess.update(cookie)
        data = {**hidden_fields(page), **{n: value for n in question_names(page)}}
        barrier.wait()
        results.append(client.post(f"/s/{token}/w/1/3", data=data).status_code)

    threads = [threading.Thread(target=send, args=(str(v),)) for v in (1, 2, 3, 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [303] * 4
    (ws,) = rows(app, WaveStatus)
    assert ws.status == "completed"
    answers = rows(app, Answer, page="ccraft_challenge")
    assert len(answers) == 3 and len({a.value for a in answers}) == 1
    (visit,) = rows(app, PageVisit, page="ccraft_challenge")
    assert visit.n_submissions == 1  # the first completed the wave; the others stored nothing
