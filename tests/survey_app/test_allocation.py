"""Concealed randomisation after eligibility: who holds an arm, the log, the frozen
declaration, the flow counts, and block balance under simultaneous consents (PostgreSQL)."""

from __future__ import annotations

import threading
from collections import Counter

import pytest

from craftwave.instruments import StudyError, load_study
from craftwave.survey_app import clock as app_clock
from craftwave.survey_app.allocation import draw_block, flow_counts
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.allocation import AllocationLog, AllocationState, StudyDeclaration
from craftwave.survey_app.progress import create_participant, record_consent, record_screening
from craftwave.survey_app.studies import get_study, load_study_file
from tests.survey_app.app_helpers import BACKENDS, DEMO_FILE, DEMO_STUDY, Walker

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)

LINK = f"/study/{DEMO_STUDY}?PROLIFIC_PID={{pid}}&STUDY_ID=st01&SESSION_ID=se01"


def _all(app, model):
    with app.app_context():
        out = db.session.execute(db.select(model)).scalars().all()
        for r in out:
            db.session.expunge(r)
        return out


def test_declining_and_screened_out_people_hold_no_arm(app, client):
    outcomes = ["decline", "screen_out", "eligible", "eligible", "screen_out", "decline",
                "eligible"]
    for i, what in enumerate(outcomes):
        w = Walker(app.test_client())
        w.get(LINK.format(pid=f"{i + 1:024x}"))
        w.post({"decision": "decline" if what == "decline" else "agree"})
        if what != "decline":
            w.screen(eligible=what == "eligible")
    people = _all(app, Participant)
    assert len(people) == 5  # the declines left no row
    assert sorted(p.eligibility for p in people) == ["eligible"] * 3 + ["screened_out"] * 2
    assert all((p.arm is not None) == (p.eligibility == "eligible") for p in people)
    log = _all(app, AllocationLog)
    assert sorted(r.sequence for r in log) == [0, 1, 2]
    with app.app_context():
        assert flow_counts(DEMO_STUDY) == {"entered": 7, "declined": 2, "screened_out": 2}


def test_first_consent_freezes_the_declaration(app, make_participant, clock, tmp_path):
    with app.app_context():
        assert db.session.get(StudyDeclaration, DEMO_STUDY) is None
    first = clock()
    make_participant(consented=True)
    clock.advance(days=3)
    make_participant(consented=True, eligible=True)
    study = load_study(DEMO_FILE)
    (row,) = _all(app, StudyDeclaration)
    assert row.declared_at == first  # the first consent's time, not a later one
    assert row.declaration_hash == study.intervention.declaration_hash()
    assert row.declaration["arms"] == [["control", 1], ["crafting_exercise", 1]]
    changed = tmp_path / "changed.yaml"
    changed.write_text(DEMO_FILE.read_text().replace(
        "{name: crafting_exercise, ratio: 1", "{name: crafting_exercise, ratio: 2"))
    with app.app_context(), pytest.raises(StudyError, match="froze its intervention declaration|needs a new study version"):
        load_study_file(changed)
    with app.app_context():  # the same declaration loads again
        load_study_file(DEMO_FILE)


N_THREADS = 8
PER_THREAD = 6


def test_simultaneous_consents_keep_block_balance(app, backend):
    """Consented people pass screening at the same moment, each in their own transaction and
    thread, so their randomisations compete for the allocation row."""
    barrier = threading.Barrier(N_THREADS)
    errors: list[BaseException] = []
    with app.app_context():
        cs = get_study(DEMO_STUDY)
        ids = []
        for _ in range(N_THREADS * PER_THREAD):
            now = app_clock.now()
            with write_transaction():
                p = create_participant(DEMO_STUDY, "public", None, {}, now)
                record_consent(p, cs, now)
                ids.append(p.id)
        db.session.remove()

    def person(t: int) -> None:
        try:
            with app.app_context():
                cs = get_study(DEMO_STUDY)
                for i, pid in enumerate(ids[t::N_THREADS]):
                    if i == 0:
                        barrier.wait(timeout=30)
                    now = app_clock.now()
                    with write_transaction():
                        p = db.session.get(Participant, pid)
                        record_screening(p, cs, {"gig_work": 1, "adult": 1}, now)
                db.session.remove()
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=person, args=(t,)) for t in range(N_THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert not errors, errors
    n = N_THREADS * PER_THREAD
    people = _all(app, Participant)
    log = sorted(_all(app, AllocationLog), key=lambda r: r.sequence)
    assert len(people) == n and all(p.arm is not None for p in people)
    assert [r.sequence for r in log] == list(range(n))  # no sequence taken twice or skipped
    assert sorted(p.arm_sequence for p in people) == list(range(n))
    (state,) = _all(app, AllocationState)
    iv = load_study(DEMO_FILE).intervention
    replay = [a for b in range(1, state.block_number + 1) for a in draw_block(iv, state.seed, b)]
    assert [r.arm for r in log] == replay[:n]  # each assignment took the next arm of its block
    by_block = Counter((r.block_number, r.arm) for r in log)
    for b in range(1, state.block_number):  # every completed block is balanced
        assert by_block[(b, "control")] == by_block[(b, "crafting_exercise")]
    arms = Counter(p.arm for p in people)
    assert abs(arms["control"] - arms["crafting_exercise"]) <= 6  # at most one open block


def test_export_carries_flow_counts_allocation_log_and_declaration(app, make_participant,
                                                                   tmp_path):
    from craftwave.analysis.data import declaration, read_export
    from craftwave.analysis.data import flow_counts as read_flow
    from craftwave.survey_app.export import write_export
    from craftwave.survey_app.progress import record_decline, withdraw

    for i in range(6):
        make_participant(consented=True, eligible=i != 0)
    with app.app_context():
        with write_transaction():
            record_decline(DEMO_STUDY)
        p = db.session.execute(db.select(Participant).where(Participant.arm_sequence == 1)).scalar_one()
        gone = p.pid
        with write_transaction():
            withdraw(p, "delete", app_clock.now())
            db.session.delete(p)  # as the researcher's deletion does
        plain = write_export(DEMO_STUDY, tmp_path / "plain", actor="test")
        full = write_export(DEMO_STUDY, tmp_path / "full", actor="test", with_recruitment_ids=True)
    exp = read_export(plain.directory)
    assert read_flow(exp) == {"entered": 7, "declined": 1, "screened_out": 1}
    assert exp.allocation is None and not (plain.directory / "allocation.csv").exists()
    dec = declaration(exp)
    assert dec["sha256"] == load_study(DEMO_FILE).intervention.declaration_hash()
    assert dec["declared_at"].endswith("Z")
    log = read_export(full.directory).allocation
    assert log["sequence"].tolist() == [0, 1, 2, 3, 4]  # the deleted person's row stays
    assert log.loc[log["sequence"] == 1, "participant_id"].isna().all()
    assert gone not in set(log["participant_id"].dropna())
    parts = exp.participants.set_index("participant_id")
    assert set(log["participant_id"].dropna()) == set(parts.index[parts["arm"].notna()])


def test_an_instance_secret_makes_the_seed_reproducible(app):
    from craftwave.survey_app.allocation import new_seed

    with app.app_context():
        assert new_seed("s1") != new_seed("s1")  # default: fresh random bits each time
        app.config["ALLOCATION_SECRET"] = "instance-secret"
        a, b, c = new_seed("s1"), new_seed("s1"), new_seed("s2")
        assert a == b != c and len(a) == 32
