"""The participant's whole path through the Flask test client, for each entry type."""

from __future__ import annotations

import re

import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.links import participant_for_token
from craftwave.survey_app.models import (
    Answer,
    PageVisit,
    Participant,
    WaveStatus,
    WithdrawalRequest,
)
from tests.survey_app.app_helpers import BACKENDS, DEMO_STUDY, Walker, question_names

PROLIFIC = f"/study/{DEMO_STUDY}?PROLIFIC_PID=5f1a2b3c4d5e6f7a8b9c0d1e&STUDY_ID=st01&SESSION_ID=se01"
MTURK = (f"/study/{DEMO_STUDY}?assignmentId=A1B2C3&hitId=H9&workerId=A1B2C3D4E5F6G7"
         "&turkSubmitTo=https%3A%2F%2Fworkersandbox.mturk.com")
N_ITEMS_W1 = 10 + 8 + 3  # icraft, ccraft task+resources, ccraft challenge

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)


def count(app, model, **where):
    with app.app_context():
        stmt = db.select(db.func.count()).select_from(model).filter_by(**where)
        return db.session.execute(stmt).scalar_one()


def participant(app, **where) -> Participant:
    with app.app_context():
        p = db.session.execute(db.select(Participant).filter_by(**where)).scalar_one()
        db.session.expunge(p)
        return p


def token_of(url: str) -> str:
    return re.match(r"/s/([^/]+)", url).group(1)


def take_wave(w: Walker, n_pages: int = 3):
    for _ in range(n_pages - 1):
        resp, _ = w.answer_page()
        assert resp.status_code == 200
    return w.answer_page(follow=False)[0]


def test_prolific_path_consent_screening_pages_redirect(app, client):
    w = Walker(client)
    assert w.get(PROLIFIC).status_code == 200
    assert "Before you start" in w.html and "2026-11-v1" in w.html
    assert count(app, Participant) == 0  # nothing stored before consent
    w.post({"decision": "agree"})
    assert "A few questions first" in w.html
    p = participant(app, external_id="5f1a2b3c4d5e6f7a8b9c0d1e")
    assert p.source == "prolific" and p.consent_version == "2026-11-v1"
    assert p.consented_at is not None and p.recruitment == {"study_id": "st01", "session_id": "se01"}
    assert p.arm is None  # randomised only after passing screening
    w.screen()
    assert "Page 1 of 3" in w.html and 'role="alert"' not in w.html
    assert participant(app, external_id="5f1a2b3c4d5e6f7a8b9c0d1e").arm in {"control", "crafting_exercise"}
    final = take_wave(w)
    # the participant sees the code and the next wave's date before returning to Prolific
    assert final.status_code == 303 and final.location.endswith("/w/1/done")
    assert count(app, Answer, instrument_id="icraft") + count(app, Answer, instrument_id="ccraft") == N_ITEMS_W1
    assert count(app, Answer, instrument_id="screening") == 2
    assert count(app, PageVisit) == 3
    with app.app_context():
        ws = db.session.get(WaveStatus, (p.id, 1))
        assert ws.status == "completed" and ws.completion_code == "C1DEMO01"
        row = db.session.execute(db.select(Answer).filter_by(item_id="task_1", instrument_id="icraft")).scalar_one()
        assert row.page == "icraft" and row.instrument_version == "1.0" and len(row.instrument_hash) == 64
    done = w.get(f"/s/{token_of(w.url)}/w/1/done")
    assert done.status_code == 200 and "C1DEMO01" in w.html and "Return to Prolific" in w.html
    assert 'href="https://app.prolific.com/submissions/complete?cc=C1DEMO01"' in w.html
    assert "The next survey opens on <strong>April 5, 2026 (UTC)</strong>" in w.html
    assert w.html.index("next survey opens") < w.html.index("Return to Prolific")


def test_same_prolific_id_resumes_never_duplicates(app, client):
    w = Walker(client)
    w.consent(PROLIFIC)
    w.screen()
    w.answer_page()
    assert "Page 2 of 3" in w.html
    other = Walker(app.test_client())  # another device
    other.get(PROLIFIC)
    assert "Page 2 of 3" in other.html
    assert count(app, Participant) == 1


def test_mturk_preview_stores_nothing_and_completion_posts_back(app, client):
    w = Walker(client)
    resp = w.get(f"/study/{DEMO_STUDY}?assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE&hitId=H9")
    assert resp.status_code == 200 and "Accept the HIT" in w.html
    assert "Set-Cookie" not in resp.headers
    assert count(app, Participant) == 0
    w.consent(MTURK)
    w.screen()
    take_wave(w)
    done = w.get(f"/s/{token_of(w.url)}/w/1/done")
    assert 'action="https://workersandbox.mturk.com/mturk/externalSubmit"' in w.html
    assert 'name="assignmentId" value="A1B2C3"' in w.html
    assert "form-action 'self' https://workersandbox.mturk.com" in done.headers["Content-Security-Policy"]
    p = participant(app, external_id="A1B2C3D4E5F6G7")
    assert p.recruitment["assignment_id"] == "A1B2C3"


def test_mturk_foreign_submit_host_is_refused(app, client):
    resp = client.get(MTURK.replace("workersandbox.mturk.com", "evil.example"))
    assert resp.status_code == 400
    assert count(app, Participant) == 0


def test_public_link_and_decline(app, client):
    w = Walker(client)
    w.get(f"/study/{DEMO_STUDY}")
    resp = w.post({"decision": "decline"})
    assert resp.status_code == 200 and "Nothing about you has been stored" in w.html
    assert count(app, Participant) == 0
    w.consent(f"/study/{DEMO_STUDY}")
    w.screen()
    take_wave(w)
    assert count(app, Participant, source="public") == 1


def test_invitation_path_with_completion_code_and_next_wave_date(app, client, make_participant):
    token = make_participant()
    w = Walker(client)
    w.get(f"/s/{token}")
    assert "Before you start" in w.html
    w.post({"decision": "agree"})
    w.screen()
    final = take_wave(w)
    assert final.status_code == 303 and final.location.endswith(f"/s/{token}/w/1/done")
    w.get(f"/s/{token}/w/1/done")
    code = re.search(r'class="code">([0-9A-F]{10})<', w.html).group(1)
    assert "The next survey opens on <strong>April 5, 2026 (UTC)</strong>" in w.html
    w.get(f"/s/{token}/w/1/done")
    assert code in w.html  # the code is stable


def test_screen_out_gets_code_and_no_survey(app, client):
    w = Walker(client)
    w.consent(PROLIFIC)
    w.screen(eligible=False)
    # one code: the one shown is the one the button sends back to Prolific
    assert re.findall(r'class="code">([^<]+)<', w.html) == ["SCRDEMO0"]
    assert "https://app.prolific.com/submissions/complete?cc=SCRDEMO0" in w.html
    assert "DEMO-SCREENED" not in w.html
    token = token_of(w.url)
    w.get(f"/s/{token}/w/1/1")
    assert "SCRDEMO0" in w.html and "Page 1" not in w.html
    p = participant(app, external_id="5f1a2b3c4d5e6f7a8b9c0d1e")
    assert p.eligibility == "screened_out"
    with app.app_context():
        assert db.session.get(WaveStatus, (p.id, 1)).status == "screened_out"


def test_validation_messages_per_item_and_nothing_stored(app, client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    names = question_names(w.html)
    answers = {n: "3" for n in names}
    answers[names[0]] = "9"       # out of range
    answers[names[1]] = "abc"     # not a number
    del answers[names[2]]         # missing
    resp = w.post(answers)
    assert resp.status_code == 200
    assert w.html.count('class="error"') == 3
    assert "Please answer this question." in w.html
    assert w.html.count("Please choose one of the answers shown.") >= 2
    assert f'aria-describedby="e-{names[2]}"' in w.html
    assert count(app, Answer) == 2  # the two screening answers only
    # the answers given are kept in the re-rendered form
    assert f'name="{names[3]}" value="3" checked' in w.html


def test_resume_on_fresh_client_and_back(app, client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    _, first = w.answer_page(value_for=lambda n, i: 4)
    other = Walker(app.test_client())
    other.get(f"/s/{token}")
    assert "Page 2 of 3" in other.html
    other.get(f"/s/{token}/w/1/1")  # Back
    for name in first:
        assert f'name="{name}" value="4" checked' in other.html
    other.get(f"/s/{token}/w/1/3")  # not reached yet: sent to the page they stopped at
    assert "Page 2 of 3" in other.html


def test_wave_windows_follow_the_injected_clock(app, client, clock, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    take_wave(w)
    w.get(f"/s/{token}")
    assert "Survey 2 is not open yet" in w.html and "April 5, 2026" in w.html
    clock.advance(days=89, hours=23)
    w.get(f"/s/{token}")
    assert "not open yet" in w.html
    clock.advance(hours=2)
    w.get(f"/s/{token}")
    assert "Page 1 of 2" in w.html
    take_wave(w, n_pages=2)
    clock.advance(days=90 + 21 + 1)  # wave 3 opened and closed meanwhile
    w.get(f"/s/{token}")
    assert "Survey 3 has closed" in w.html
    with app.app_context():
        rows = {ws.wave: ws.status for ws in db.session.execute(db.select(WaveStatus)).scalars()}
    assert rows == {1: "completed", 2: "completed", 3: "closed"}


def test_missed_wave_closes_and_next_wave_opens_from_its_opening(app, client, clock, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    take_wave(w)
    clock.advance(days=90 + 21 + 1)  # wave 2 missed
    w.get(f"/s/{token}")
    # wave 3 opens 90 days after wave 2 opened (day 90 + 90 = day 180)
    assert "Survey 3 is not open yet" in w.html and "July 4, 2026" in w.html
    clock.advance(days=70)
    w.get(f"/s/{token}")
    assert "Page 1 of 2" in w.html


def test_completed_wave_cannot_be_taken_again(app, client, make_participant):
    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    w.answer_page()
    page2 = w.html
    w.answer_page()
    take_wave(w, n_pages=1)
    before = count(app, Answer)
    w.html = page2
    resp = w.post({n: "1" for n in question_names(page2)}, url=f"/s/{token}/w/1/2", follow=False)
    assert resp.status_code == 303 and resp.location.endswith(f"/s/{token}/w/1/done")
    assert count(app, Answer) == before
    w.get(f"/s/{token}/w/1/1")
    assert "Page 1" not in w.html


@pytest.mark.parametrize("kind", ["stop_contact", "delete"])
def test_withdrawal(app, client, make_participant, kind):
    token = make_participant(consented=True, eligible=True)
    with app.app_context():
        pid = participant_for_token(token).pid
    w = Walker(client)
    w.get(f"/s/{token}")
    assert f'href="/s/{token}/withdraw"' in w.html
    w.get(f"/s/{token}/withdraw")
    w.post({})
    assert "Please choose one of the two options." in w.html
    w.post({"kind": kind})
    assert "You have withdrawn" in w.html
    p = participant(app, pid=pid)
    assert p.withdrawal == kind and p.withdrawn_at is not None
    assert count(app, WithdrawalRequest, participant_id=p.id, kind=kind) == 1
    # withdrawal revokes the link: it opens nothing any more
    assert client.get(f"/s/{token}/w/1/1").status_code == 404
    assert client.get(f"/s/{token}").status_code == 404


def test_bundled_demo_study_runs_end_to_end(app, client):
    """The demo study (every bundled instrument, attention checks) loads and completes."""
    from pathlib import Path

    from craftwave.survey_app.studies import load_study_file

    demo = Path(__file__).resolve().parents[2] / "data" / "demo" / "study.yaml"
    with app.app_context():
        study, _ = load_study_file(demo)
    w = Walker(client)
    w.consent(f"/study/{study.id}")
    w.screen()
    n_pages = len(study.waves[0].pages)
    for k in range(n_pages):
        assert f"Page {k + 1} of {n_pages}" in w.html, w.html
        if k == 1:
            assert "attn__1" in question_names(w.html)
        resp, _ = w.answer_page(value_for=lambda n, i: 1)
        assert resp.status_code == 200
    assert "you have finished this survey" in w.html
    with app.app_context():
        n = db.session.execute(db.select(db.func.count()).select_from(Answer)
                               .where(Answer.instrument_id == "attn")).scalar_one()
    assert n == 2


def test_number_item_range_and_optional_blank(app, client):
    from pathlib import Path

    from craftwave.survey_app.studies import load_study_file

    demo = Path(__file__).resolve().parents[2] / "data" / "demo" / "study.yaml"
    with app.app_context():
        study, _ = load_study_file(demo)
    w = Walker(client)
    w.consent(f"/study/{study.id}")
    w.screen()
    radios = {n: "1" for n in question_names(w.html)}
    w.post({**radios, "profile__hours": "250"})
    assert "Please enter a number from 0 to 100." in w.html
    assert 'value="250"' in w.html  # the entry is shown back for correction
    w.post({**radios, "profile__hours": "12.5x"})
    assert 'id="e-profile__hours"' in w.html
    w.post({**radios, "profile__hours": ""})  # optional: may stay empty
    assert "Page 2 of" in w.html
    with app.app_context():
        stored = db.session.execute(db.select(Answer.item_id).where(
            Answer.instrument_id == "profile")).scalars().all()
    assert "hours" not in stored and len(stored) == len(radios)


def test_study_reload_cannot_change_the_design_once_answers_exist(app, client, make_participant):
    import tempfile
    from pathlib import Path

    import yaml

    from craftwave.instruments import StudyError
    from craftwave.survey_app.studies import load_study_file
    from tests.survey_app.app_helpers import DEMO_FILE

    token = make_participant(consented=True, eligible=True)
    w = Walker(client)
    w.get(f"/s/{token}")
    w.answer_page()
    raw = yaml.safe_load(DEMO_FILE.read_text())
    raw["waves"][0]["pages"][0]["blocks"] = [{"instrument": "icraft", "subscales": ["task"]}]
    with tempfile.TemporaryDirectory() as tmp:
        changed = Path(tmp) / "study.yaml"
        changed.write_text(yaml.safe_dump(raw))
        with app.app_context(), pytest.raises(StudyError, match="already has answers"):
            load_study_file(changed)
        raw = yaml.safe_load(DEMO_FILE.read_text())
        raw["title"] = {"en": "A new title is fine"}
        changed.write_text(yaml.safe_dump(raw))
        with app.app_context():
            study, created = load_study_file(changed)
    assert not created and study.title["en"] == "A new title is fine"


def test_consented_participant_without_a_wave_row_starts_wave_one(app, client, make_participant):

    token = make_participant()
    with app.app_context():  # e.g. consent recorded elsewhere (an import) without a wave row
        p = participant_for_token(token)
        p.consent_version, p.consented_at, p.eligibility = "v", p.created_at, "eligible"
        db.session.commit()
    w = Walker(client)
    w.get(f"/s/{token}")
    assert "Page 1 of 3" in w.html
