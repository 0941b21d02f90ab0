"""The end-to-end demo at a reduced size: ``craftwave demo`` and ``craftwave run-demo --prepare-only``.

The demo runs once per module (about 40 people over HTTP, then export and reports); the tests
check its output against the database and the export independently of the demo's own
reconciliation.
"""

from __future__ import annotations

import json
import stat
import warnings
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.cli import main

pytestmark = pytest.mark.slow  # one demo of 40 people over HTTP with reports: ~20 s of CPU

N = 40
SEED = 3
ARGS = ["--participants", str(N), "--seed", str(SEED), "--careless", "0.3", "--bootstrap", "50"]

try:
    import reports  # noqa: F401

    HAVE_REPORTS = True
except ImportError:
    HAVE_REPORTS = False


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    # At this size the reports' growth model (statsmodels' MixedLM) may find the random-effects
    # covariance singular and warn; that concerns the tiny sample, not the demo.
    from statsmodels.tools.sm_exceptions import SingularMatrixWarning

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Random effects covariance is singular",
                                SingularMatrixWarning)
        result = CliRunner().invoke(main, ["demo", *ARGS, "--out", str(out)])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return out


@pytest.fixture(scope="module")
def state(demo_out) -> dict:
    return json.loads((demo_out / "demo.json").read_text())


@pytest.fixture(scope="module")
def people(demo_out) -> pd.DataFrame:
    return pd.read_csv(demo_out / "simulation" / "people.csv", keep_default_na=False,
                       na_values=[""], dtype={"resumed_waves": str})


@pytest.fixture(scope="module")
def db_rows(demo_out):
    """Participants and answers read straight from the demo's database."""
    from survey_app import create_app
    from survey_app.extensions import db
    from survey_app.models import Answer, Participant

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{demo_out / 'demo.sqlite'}",
                      "SECRET_KEY": "test"})
    with app.app_context():
        parts = pd.DataFrame(db.session.execute(db.select(
            Participant.pid, Participant.token, Participant.external_id, Participant.arm)).all(),
            columns=["pid", "token", "external_id", "arm"])
        answers = pd.DataFrame(db.session.execute(
            db.select(Participant.token, Answer.wave, Answer.instrument_id, Answer.item_id,
                      Answer.value)
            .join(Participant, Participant.id == Answer.participant_id)).all(),
            columns=["token", "wave", "instrument_id", "item_id", "value"])
        db.engine.dispose()
    return parts, answers


def test_every_step_ran(state):
    steps = {s["name"]: s for s in state["steps"]}
    for name in ("database", "simulate", "fieldwork", "reconcile", "export"):
        assert steps[name]["status"] == "done", steps[name]
    for name in ("researcher report", "platform report"):
        assert steps[name]["status"] == ("done" if HAVE_REPORTS else "skipped")
    c = state["counts"]
    assert c["entered"] == N
    assert c["declined"] + c["screened_out"] + c["panel"] == N


def test_database_holds_exactly_the_acknowledged_answers(demo_out, db_rows):
    acked = pd.read_csv(demo_out / "simulation" / "acknowledged.csv", dtype={"item_id": str})
    _, answers = db_rows
    answers = answers[answers["instrument_id"] != "screening"]
    key = ["token", "wave", "instrument_id", "item_id"]
    assert not acked.duplicated(key).any()
    merged = acked.merge(answers, on=key, how="outer", suffixes=("_acked", "_db"), indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"].head()
    assert (merged["value_acked"] == merged["value_db"]).all()
    assert len(acked) > N * 50  # a real amount of answers went through the app


def test_nobody_who_declined_is_stored_and_screen_outs_have_no_answers(people, db_rows):
    parts, answers = db_rows
    declined = set(people.loc[people["role"] == "decline", "external_id"])
    assert declined and not declined & set(parts["external_id"])
    screened = people.loc[people["role"] == "screened_out", "token"]
    assert set(screened) <= set(parts["token"])
    assert not set(screened) & set(answers.loc[answers["instrument_id"] != "screening", "token"])


def test_attrition_and_abandonment_show_in_the_export(demo_out, people, db_rows):
    parts, _ = db_rows
    exported = pd.read_csv(demo_out / "export" / "participants.csv")
    ids = parts[["pid", "token", "external_id"]]
    merged = exported.merge(ids, left_on="participant_id", right_on="pid").merge(
        people, on=["token", "external_id"], suffixes=("", "_sim"))
    assert len(merged) == len(people) - (people["role"] == "decline").sum()
    done = [int((exported[f"status_w{w}"] == "completed").sum()) for w in (1, 2, 3)]
    assert done[0] > done[1] > done[2] > 0
    for w in (1, 2, 3):
        assert ((merged[f"status_w{w}"] == "completed") == merged[f"completed_w{w}"]).all()
    # those who stopped mid-wave started that wave and did not complete it
    quit_ = merged[merged["abandoned_wave"].notna()]
    for row in quit_.itertuples():
        w = int(row.abandoned_wave)
        assert getattr(row, f"status_w{w}") != "completed"
        assert isinstance(getattr(row, f"started_at_w{w}"), str)
    # the app assigned the arms the demo predicted from the study's seeded block randomisation
    consented = merged[merged["role"] != "decline"]
    assert (consented["arm"] == consented["arm_sim"]).all()


def test_careless_responders_are_flagged_in_the_export(demo_out, people, db_rows):
    from analysis.quality import quality_flags

    parts, _ = db_rows
    wide = pd.read_csv(demo_out / "export" / "wide.csv")
    timings = pd.read_csv(demo_out / "export" / "page_timings.csv")
    flags = quality_flags(wide, timings).merge(parts[["pid", "token"]], left_on="participant_id",
                                               right_on="pid")
    flags = flags.merge(people[["token", "careless"]], on="token")
    speeders = flags[flags["careless"] == "speeder"]
    straight = flags[flags["careless"] == "straightliner"]
    careful = flags[flags["careless"].isna()]
    assert len(speeders) and len(straight)
    assert speeders["flag_speeding"].all()
    assert straight["flag_longstring"].all()
    assert not careful["flag_speeding"].fillna(False).any()
    # some careful participants miss an attention check now and then, careless ones far more
    fail_rate = flags.groupby(flags["careless"].fillna("careful"))["flag_attention"].mean()
    assert fail_rate.get("random", 1) > fail_rate["careful"]


@pytest.mark.skipif(not HAVE_REPORTS, reason="the reports package is not available")
def test_reports_exist(state):
    files = state["reports"]
    for key in ("researcher_html", "platform_html"):
        path = Path(files[key])
        assert path.is_file() and path.stat().st_size > 10_000
        assert "gigpanel-demo" in path.read_text() or "Shaping gig work" in path.read_text()


def test_run_demo_prepare_only_reuses_the_demo_and_creates_the_login(demo_out, state):
    from survey_app import create_app
    from survey_app.accounts import attempt_login

    before = (demo_out / "demo.json").read_text()
    result = CliRunner().invoke(main, ["run-demo", *ARGS, "--out", str(demo_out),
                                       "--prepare-only", "--port", "5099"])
    assert result.exit_code == 0, result.output + repr(result.exception)
    assert "the demo is up to date" in result.output
    assert (demo_out / "demo.json").read_text() == before  # not rebuilt
    assert "http://127.0.0.1:5099/study/gigpanel-demo" in result.output
    login_file = demo_out / "researcher-login.json"
    assert stat.S_IMODE(login_file.stat().st_mode) == 0o600
    login = json.loads(login_file.read_text())
    assert login["password"] in result.output
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{demo_out / 'demo.sqlite'}",
                      "SECRET_KEY": "test"})
    with app.app_context():
        assert attempt_login(login["email"], login["password"]).reason == "ok"
        from survey_app.extensions import db

        db.engine.dispose()
    # a second preparation keeps the same account
    again = CliRunner().invoke(main, ["run-demo", *ARGS, "--out", str(demo_out), "--prepare-only"])
    assert again.exit_code == 0 and login["password"] in again.output


def test_a_changed_option_makes_the_demo_stale(demo_out):
    from craftwave.demo import DemoOptions, is_current

    same = DemoOptions(participants=N, seed=SEED, careless=0.3, bootstrap=50, out=demo_out)
    assert is_current(same) == (True, "the demo is up to date")
    ok, why = is_current(DemoOptions(participants=N, seed=SEED + 1, careless=0.3, bootstrap=50,
                                     out=demo_out))
    assert not ok and "changed" in why
    ok, why = is_current(DemoOptions(out=demo_out / "nowhere"))
    assert not ok and "no demo" in why


def test_a_database_with_participants_is_refused(demo_out):
    from craftwave.demo import DemoError, DemoOptions, run_demo

    opts = DemoOptions(participants=10, out=demo_out / "second",
                       db_url=f"sqlite:///{demo_out / 'demo.sqlite'}", reports=False)
    with pytest.raises(DemoError, match="already holds"):
        run_demo(opts, log=lambda _line: None)


def test_the_same_seed_gives_the_same_fieldwork(tmp_path):
    """Participants go one after another on one seeded generator: two runs give the same
    answers, people and timings (tokens and pseudonymous ids are random by design)."""
    from craftwave.demo import DemoOptions, run_demo

    start = datetime(2026, 2, 2, 8, 0)
    runs = [run_demo(DemoOptions(participants=12, seed=11, careless=0.3, reports=False, start=start,
                                 out=tmp_path / str(i)), log=lambda _line: None) for i in (0, 1)]
    a, b = (r.ledger.drop(columns="token") for r in runs)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(*(r.people.drop(columns="token") for r in runs))
    t0, t1 = (pd.read_csv(tmp_path / str(i) / "export" / "page_timings.csv") for i in (0, 1))
    pd.testing.assert_frame_equal(t0.drop(columns="participant_id"),
                                  t1.drop(columns="participant_id"))
