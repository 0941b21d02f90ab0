"""The payment ledger: approval, bonus and qualification files that pay everyone once."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner
from sqlalchemy.exc import IntegrityError

from craftwave.cli import main
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.payments import PaymentItem
from craftwave.survey_app.payments import (
    PaymentError,
    batch_files,
    bonus_token,
    confirm_batch,
    create_batch,
    parse_amount,
    qualification_csv,
    void_batch,
)
from craftwave.survey_app.studies import load_study_file
from tests.survey_app.app_helpers import BACKENDS, DEMO_FILE, DEMO_STUDY, Walker

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)

EXPECTED = {"attn__1": 2, "attn__2": 5}  # the instructed answers of the checks placed below


@pytest.fixture
def checked_study(app, tmp_path):
    """The test study with two attention checks in wave 1."""
    raw = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    pages = raw["waves"][0]["pages"]
    pages[0]["attention_checks"] = [{"instrument": "attn", "id": "1"}]
    pages[1]["attention_checks"] = [{"instrument": "attn", "id": "2"}]
    path = tmp_path / "checked.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with app.app_context():
        load_study_file(path)


def complete_wave1(app, url: str, attentive: bool = True) -> None:
    def value(name, i):
        if name in EXPECTED:
            return EXPECTED[name] if attentive else 1
        return 1 + i % 5

    w = Walker(app.test_client())
    w.consent(url)
    w.screen()
    for _ in range(3):
        w.answer_page(value_for=value)
    assert w.url.endswith("/w/1/done"), w.url


def prolific(pid: str) -> str:
    return f"/study/{DEMO_STUDY}?PROLIFIC_PID={pid}&STUDY_ID=S1&SESSION_ID=X{pid}"


def mturk(worker: str, assignment: str) -> str:
    return (f"/study/{DEMO_STUDY}?assignmentId={assignment}&hitId=H1&workerId={worker}"
            "&turkSubmitTo=https%3A%2F%2Fworkersandbox.mturk.com")


def test_approvals_hold_failed_checks_and_nobody_is_in_two_batches(app, checked_study):
    for pid in ("5f00000000000000000000aa", "5f00000000000000000000bb"):
        complete_wave1(app, prolific(pid))
    complete_wave1(app, prolific("5f00000000000000000000cc"), attentive=False)
    with app.app_context():
        first = create_batch(DEMO_STUDY, 1, "approval", "prolific", actor="t")
        assert (first.n, first.held, first.state) == (3, 1, "pending")
        files = batch_files(first.id)
        assert files == batch_files(first.id)  # a pending batch re-exports byte for byte
        approve, review = sorted(files)
        assert files[approve] == "5f00000000000000000000aa\n5f00000000000000000000bb\n"
        assert files[review].splitlines()[1:] == [
            '5f00000000000000000000cc,"failed 2 of 2 attention checks: attn.1, attn.2"']
        with pytest.raises(PaymentError, match="nobody"):
            create_batch(DEMO_STUDY, 1, "approval", "prolific", actor="t")
    complete_wave1(app, prolific("5f00000000000000000000dd"))
    with app.app_context():
        second = create_batch(DEMO_STUDY, 1, "approval", "prolific", actor="t")
        assert second.n == 1 and list(batch_files(second.id).values())[0] == "5f00000000000000000000dd\n"
        confirm_batch(first.id, actor="t")
        with pytest.raises(PaymentError, match="paid, not pending"):
            void_batch(first.id, actor="t")  # a paid batch stays paid
        void_batch(second.id, actor="t")
        third = create_batch(DEMO_STUDY, 1, "approval", "prolific", actor="t")
        assert third.n == 1  # only 5f00000000000000000000dd is due again: the paid batch's participants never are
        assert list(batch_files(third.id).values())[0] == "5f00000000000000000000dd\n"


def test_bonus_files_and_deterministic_request_tokens(app):
    complete_wave1(app, prolific("5f00000000000000000000aa"))
    complete_wave1(app, mturk("A0WORKER0001", "ASG1"))
    complete_wave1(app, mturk("A0WORKER0002", "ASG2"))
    with app.app_context():
        pro = create_batch(DEMO_STUDY, 1, "bonus", "prolific", actor="t", amount="1.5")
        assert list(batch_files(pro.id).values()) == ["5f00000000000000000000aa,1.50\n"]
        with pytest.raises(PaymentError, match="reason"):
            create_batch(DEMO_STUDY, 1, "bonus", "mturk", actor="t", amount="0.75")
        mt = create_batch(DEMO_STUDY, 1, "bonus", "mturk", actor="t", amount="0.75",
                          reason="Thank you for wave 1")
        assert mt.total == "1.50"
        text = batch_files(mt.id)
        lines = list(text.values())[0].splitlines()
        assert lines[0] == "worker_id,assignment_id,amount,reason,unique_request_token"
        rows = [line.split(",") for line in lines[1:]]
        assert [(r[0], r[1], r[2]) for r in rows] == [("A0WORKER0001", "ASG1", "0.75"), ("A0WORKER0002", "ASG2", "0.75")]
        tokens = [r[4] for r in rows]
        assert len(set(tokens)) == 2 and all(len(t) <= 64 for t in tokens)
        pids = dict(db.session.execute(db.select(Participant.external_id, Participant.pid)).all())
        assert tokens[0] == bonus_token(DEMO_STUDY, pids["A0WORKER0001"], 1)
        # voided and batched again, each worker keeps their token: SendBonus sees a retry
        void_batch(mt.id, actor="t")
        again = create_batch(DEMO_STUDY, 1, "bonus", "mturk", actor="t", amount="0.75",
                             reason="Thank you for wave 1")
        assert [r.split(",")[4] for r in list(batch_files(again.id).values())[0].splitlines()[1:]] == tokens
        qual = qualification_csv(DEMO_STUDY, "cw-panel")
        assert qual == "Worker ID,UPDATE-cw-panel\nA0WORKER0001,1\nA0WORKER0002,1\n"
        assert qualification_csv(DEMO_STUDY, "cw-panel") == qual


def test_the_database_refuses_a_second_live_item(app):
    complete_wave1(app, prolific("5f00000000000000000000aa"))
    with app.app_context():
        batch = create_batch(DEMO_STUDY, 1, "bonus", "prolific", actor="t", amount="2")
        item = db.session.execute(db.select(PaymentItem)).scalar_one()
        with pytest.raises(IntegrityError), write_transaction():
            db.session.add(PaymentItem(batch_id=batch.id, participant_id=item.participant_id,
                                       wave=1, kind="bonus", active=1, amount_cents=200))
        db.session.rollback()


@pytest.mark.parametrize("text", ["0", "-1", "1.005", "abc", "nan"])
def test_amounts_must_be_positive_cents(app, text):
    with pytest.raises(PaymentError):
        parse_amount(text)


def test_cli_creates_exports_the_same_file_and_confirms(app, monkeypatch, tmp_path):
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", app.config["SECRET_KEY"])
    complete_wave1(app, prolific("5f00000000000000000000aa"))
    with app.app_context():
        db.engine.dispose()
    runner = CliRunner()
    res = runner.invoke(main, ["payments", "create", DEMO_STUDY, "--wave", "1", "--kind", "bonus",
                               "--site", "prolific", "--amount", "3", "--out", str(tmp_path / "a"),
                               "--json"])
    assert res.exit_code == 0, res.output
    made = json.loads(res.output)
    assert made["state"] == "pending" and made["n"] == 1 and made["total"] == "3.00"
    res = runner.invoke(main, ["payments", "export", str(made["id"]), "--out", str(tmp_path / "b")])
    assert res.exit_code == 0, res.output
    name = next((tmp_path / "a").iterdir()).name
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    res = runner.invoke(main, ["payments", "confirm", str(made["id"]), "--json"])
    assert json.loads(res.output)["state"] == "paid"
    res = runner.invoke(main, ["payments", "create", DEMO_STUDY, "--wave", "1", "--kind", "bonus",
                               "--site", "prolific", "--amount", "3"])
    assert res.exit_code == 2 and "nobody" in res.output
    listed = json.loads(runner.invoke(main, ["payments", "list", DEMO_STUDY, "--json"]).output)
    assert [(b["id"], b["state"]) for b in listed] == [(made["id"], "paid")]
