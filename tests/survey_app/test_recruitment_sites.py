"""MTurk and Prolific seams: which pages may be framed, per-wave ids, one code per outcome.

A test client without cookies stands for the browser inside MTurk's cross-site frame, which
sends none of the app's cookies: every step must carry its state in the URL or the form.
"""

from __future__ import annotations

import csv
import re

import pytest
import yaml

from craftwave.survey_app.export import write_export
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.recruitment import RecruitmentEntry
from craftwave.survey_app.studies import load_study_file
from tests.survey_app.app_helpers import BACKENDS, DEMO_FILE, DEMO_STUDY, Walker

WORKER_SITES = "frame-ancestors https://worker.mturk.com https://workersandbox.mturk.com"


def mturk(assignment: str, hit: str, worker: str = "A0WORKER0011") -> str:
    return (f"/study/{DEMO_STUDY}?assignmentId={assignment}&hitId={hit}&workerId={worker}"
            "&turkSubmitTo=https%3A%2F%2Fworkersandbox.mturk.com")


def prolific(study: str, sess: str) -> str:
    return f"/study/{DEMO_STUDY}?PROLIFIC_PID=5f0000000000000000000123&STUDY_ID={study}&SESSION_ID={sess}"


def take_wave(w: Walker, n_pages: int) -> None:
    for _ in range(n_pages):
        w.answer_page()


def entries(app, external_id: str) -> dict[int, RecruitmentEntry]:
    with app.app_context():
        p = db.session.execute(db.select(Participant).filter_by(external_id=external_id)).scalar_one()
        rows = db.session.execute(db.select(RecruitmentEntry).filter_by(participant_id=p.id)
                                  ).scalars().all()
        for r in rows:
            db.session.expunge(r)
        return {r.wave: r for r in rows}


def test_only_mturk_pages_may_be_framed_and_only_by_the_worker_sites(app, make_participant):
    client = app.test_client(use_cookies=False)
    public = client.get(f"/study/{DEMO_STUDY}")
    assert "frame-ancestors 'none'" in public.headers["Content-Security-Policy"]
    assert public.headers["X-Frame-Options"] == "DENY"
    for url in (mturk("A1", "H1"), f"/study/{DEMO_STUDY}?assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE"):
        resp = client.get(url)
        assert resp.status_code == 200
        assert WORKER_SITES in resp.headers["Content-Security-Policy"]
        assert "X-Frame-Options" not in resp.headers
    invited = client.get(f"/s/{make_participant(consented=True, eligible=True)}/w/1/1")
    assert "frame-ancestors 'none'" in invited.headers["Content-Security-Policy"]
    assert invited.headers["X-Frame-Options"] == "DENY"
    assert client.get("/researcher/login").headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_each_mturk_wave_keeps_and_submits_its_own_assignment(app, clock, tmp_path):
    w = Walker(app.test_client(use_cookies=False))  # as inside the frame: no cookie at all
    w.consent(mturk("ASG1", "HIT1"))
    assert w.url.endswith("/screening")
    personal = w.url
    assert WORKER_SITES in w.client.get(personal).headers["Content-Security-Policy"]
    w.screen()
    take_wave(w, 3)
    assert w.url.endswith("/w/1/done")
    assert 'name="assignmentId" value="ASG1"' in w.html
    assert "The next survey opens on" in w.html and "keep this page's link" not in w.html
    # wave 2 is a second HIT with its own assignment
    clock.advance(days=91)
    w.get(mturk("ASG2", "HIT2"))
    assert "/continue/w/2/1?r=" in w.url
    take_wave(w, 2)
    assert "/continue/w/2/done?r=" in w.url
    assert 'action="https://workersandbox.mturk.com/mturk/externalSubmit"' in w.html
    assert 'name="assignmentId" value="ASG2"' in w.html and "ASG1" not in w.html
    got = entries(app, "A0WORKER0011")
    assert {k: (v.assignment_id, v.hit_id, v.worker_id) for k, v in got.items()} == {
        1: ("ASG1", "HIT1", "A0WORKER0011"), 2: ("ASG2", "HIT2", "A0WORKER0011")}
    # a later entry never rewrites a completed wave's assignment
    w.get(mturk("ASG9", "HIT9"))
    assert entries(app, "A0WORKER0011")[2].assignment_id == "ASG2"
    with app.app_context():
        out = write_export(DEMO_STUDY, tmp_path / "ids", actor="test", with_recruitment_ids=True)
        write_export(DEMO_STUDY, tmp_path / "plain", actor="test")
    rows = list(csv.DictReader((out.directory / "recruitment.csv").read_text(encoding="utf-8").splitlines()))
    assert [(r["wave"], r["source"], r["assignment_id"], r["hit_id"]) for r in rows][:2] == [
        ("1", "mturk", "ASG1", "HIT1"), ("2", "mturk", "ASG2", "HIT2")]
    assert "recruitment.csv" in out.manifest["files"]
    assert out.manifest["rows"]["recruitment.csv"] == len(rows)
    from craftwave.analysis.data import read_export

    read_export(out.directory)  # the analysis side reads an export that carries the file
    assert not (tmp_path / "plain" / "recruitment.csv").exists()


def test_prolific_ids_are_kept_per_wave(app, clock):
    w = Walker(app.test_client())
    w.consent(prolific("STUDYW1", "SESSW1"))
    w.screen()
    take_wave(w, 3)
    clock.advance(days=91)
    other = Walker(app.test_client())  # wave 2 is another Prolific study, maybe another device
    other.get(prolific("STUDYW2", "SESSW2"))
    take_wave(other, 2)
    assert "C2DEMO02" in other.html and "cc=C2DEMO02" in other.html
    got = entries(app, "5f0000000000000000000123")
    assert {k: (v.site_study_id, v.site_session_id) for k, v in got.items()} == {
        1: ("STUDYW1", "SESSW1"), 2: ("STUDYW2", "SESSW2")}


@pytest.fixture
def coded_study(app, tmp_path):
    raw = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    raw["recruitment"]["mturk"].update({"screen_out_code": "MTSCREEN1", "decline_code": "MTDECL01"})
    raw["recruitment"]["prolific"]["decline_code"] = "PDECL001"
    path = tmp_path / "coded.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with app.app_context():
        load_study_file(path)


def codes(html: str) -> list[str]:
    return re.findall(r'class="code">([^<]+)<', html)


def test_mturk_screen_out_and_decline_say_how_to_return_the_hit(app, coded_study):
    w = Walker(app.test_client(use_cookies=False))
    w.consent(mturk("ASG1", "HIT1"))
    resp = w.screen(eligible=False)
    assert codes(w.html) == ["MTSCREEN1"] and "return this HIT" in w.html
    assert WORKER_SITES in resp.headers["Content-Security-Policy"]
    d = Walker(app.test_client(use_cookies=False))
    d.get(mturk("ASG7", "HIT1", worker="A0WORKER0017"))
    resp = d.post({"decision": "decline"})
    assert codes(d.html) == ["MTDECL01"] and "return this HIT" in d.html
    assert WORKER_SITES in resp.headers["Content-Security-Policy"]


def test_prolific_decline_code_is_the_one_sent(app, coded_study):
    d = Walker(app.test_client())
    d.get(prolific("S1", "X1"))
    d.post({"decision": "decline"})
    assert codes(d.html) == ["PDECL001"]
    assert 'href="https://app.prolific.com/submissions/complete?cc=PDECL001"' in d.html


def test_a_forged_id_only_reference_is_refused(app):
    w = Walker(app.test_client(use_cookies=False))
    w.consent(mturk("ASG1", "HIT1"))
    w.screen()
    r = Walker(app.test_client(use_cookies=False))
    r.get(mturk("ASG2", "HIT2"), follow=False)
    ref = r.client.get(mturk("ASG2", "HIT2")).location.split("r=")[1]
    assert r.client.get(f"/study/{DEMO_STUDY}/continue?r={ref}").status_code == 303
    assert r.client.get(f"/study/{DEMO_STUDY}/continue?r={ref[:-2]}xx").status_code == 404


def test_a_url_secret_never_stands_in_for_csrf_on_the_researcher_side(app):
    client = app.test_client(use_cookies=False)
    page = client.get("/researcher/login?r=anything").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    resp = client.post("/researcher/login?r=anything",
                       data={"csrf_token": token, "email": "a@example.org", "password": "x"})
    assert resp.status_code == 400  # no session: the CSRF check fails as it always did


def test_the_new_recruitment_fields_leave_existing_study_hashes_alone(tmp_path):
    from craftwave.instruments.study import load_study

    raw = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    base = load_study(DEMO_FILE).content_hash
    raw["recruitment"]["mturk"]["frame_ancestors"] = ["https://worker.mturk.com",
                                                      "https://workersandbox.mturk.com"]
    raw["recruitment"]["prolific"]["decline_code"] = None
    same = tmp_path / "same.yaml"
    same.write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert load_study(same).content_hash == base
    raw["recruitment"]["mturk"]["frame_ancestors"] = ["https://worker.mturk.com"]
    other = tmp_path / "other.yaml"
    other.write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert load_study(other).content_hash != base
