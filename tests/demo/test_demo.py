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
SEED = 5  # a seed whose 40 people include declines, both withdrawals, speeders, straight-liners
ARGS = ["--participants", str(N), "--seed", str(SEED), "--careless", "0.3", "--bootstrap", "50"]

WATCHED: list[Path] = []  # the real watch list, read before the fixture below narrows it


@pytest.fixture(scope="module", autouse=True)
def demo_sources_only():
    """Watch only the demo's own files for staleness here: in a working tree where others edit
    the app, analysis or reports at the same time, the full watch list (all of them) would make
    the demo stale between two tests of this module."""
    import craftwave.demo.run as run

    files = sorted(Path(run.__file__).parent.glob("*.py"))
    WATCHED.extend(run._source_files())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(run, "_source_files", lambda: files)
        yield


@pytest.fixture(scope="module", autouse=True)
def own_instance(tmp_path_factory):
    """An instance folder of the tests' own: run-demo points the instance at the demo database,
    which must not touch the checkout's instance/."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CRAFTWAVE_INSTANCE_PATH", str(tmp_path_factory.mktemp("instance")))
        mp.delenv("CRAFTWAVE_DATABASE_URL", raising=False)
        yield


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
def db_rows(demo_out, people):
    """Participants and answers read straight from the demo's database. The database keeps no
    tokens (only keyed hashes), so rows are tied to the simulated people by their Prolific id."""
    from craftwave.survey_app import create_app
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import Answer, Participant

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{demo_out / 'demo.sqlite'}",
                      "SECRET_KEY": "test"})
    with app.app_context():
        parts = pd.DataFrame(db.session.execute(db.select(
            Participant.pid, Participant.external_id, Participant.arm)).all(),
            columns=["pid", "external_id", "arm"])
        answers = pd.DataFrame(db.session.execute(
            db.select(Participant.external_id, Answer.wave, Answer.instrument_id, Answer.item_id,
                      Answer.value)
            .join(Participant, Participant.id == Answer.participant_id)).all(),
            columns=["external_id", "wave", "instrument_id", "item_id", "value"])
        db.engine.dispose()
    token_of = dict(zip(people["external_id"], people["token"], strict=True))
    parts.insert(1, "token", parts["external_id"].map(token_of))
    answers.insert(0, "token", answers.pop("external_id").map(token_of))
    return parts, answers


def test_every_step_ran(demo_out, state):
    steps = {s["name"]: s for s in state["steps"]}
    for name in ("database", "simulate", "fieldwork", "reconcile", "export"):
        assert steps[name]["status"] == "done", steps[name]
    for name in ("researcher report", "platform report"):
        assert steps[name]["status"] == "done", steps[name]
    truth = json.loads((demo_out / "simulation" / "truth.json").read_text())
    assert truth["model"] == "focal" and truth["population"]["a3"] < 0 < truth["population"]["a1"]
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


def test_only_eligible_consenting_people_hold_an_arm(demo_out, people, db_rows):
    parts, _ = db_rows
    screened = set(people.loc[people["role"] == "screened_out", "external_id"])
    assert screened and parts.loc[parts["external_id"].isin(screened), "arm"].isna().all()
    panel = set(people.loc[people["role"] == "panel", "external_id"])
    assert parts.loc[parts["external_id"].isin(panel), "arm"].notna().all()
    flow = pd.read_csv(demo_out / "export" / "flow.csv").set_index("event")["n"]
    assert flow["entered"] == N
    assert flow["declined"] == (people["role"] == "decline").sum()
    assert flow["screened_out"] == len(screened)


def test_attrition_and_abandonment_show_in_the_export(demo_out, people, db_rows):
    parts, _ = db_rows
    exported = pd.read_csv(demo_out / "export" / "participants.csv")
    ids = parts[["pid", "token", "external_id"]]
    merged = exported.merge(ids, left_on="participant_id", right_on="pid").merge(
        people, on=["token", "external_id"], suffixes=("", "_sim"))
    gone = (people["role"] == "decline") | (people["withdrawal"] == "delete")
    assert len(merged) == len(people) - gone.sum()
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
    # the simulation answered as the arm the app assigned (concealed: read after screening)
    randomised = merged[merged["role"] == "panel"]
    assert (randomised["arm"] == randomised["arm_sim"]).all()
    assert merged.loc[merged["role"] == "screened_out", "arm"].isna().all()


def test_withdrawals_reach_the_export(demo_out, people, db_rows):
    parts, _ = db_rows
    exported = pd.read_csv(demo_out / "export" / "participants.csv", keep_default_na=False)
    answers = pd.read_csv(demo_out / "export" / "answers_long.csv")
    pid = dict(zip(parts["token"], parts["pid"], strict=True))
    withdrew = people[people["withdrawal"] != "none"]
    assert len(withdrew)
    for row in withdrew.itertuples():
        assert pid[row.token] in set(parts["pid"])  # still in the database until deleted there
        if row.withdrawal == "delete":  # asked for deletion: absent from every export file
            assert pid[row.token] not in set(exported["participant_id"])
            assert pid[row.token] not in set(answers["participant_id"])
        else:
            line = exported[exported["participant_id"] == pid[row.token]]
            assert line["withdrawal"].tolist() == ["stop contact"]  # DESIGN's vocabulary


def test_careless_responders_are_flagged_in_the_export(demo_out, people, db_rows):
    from craftwave.analysis.quality import quality_flags

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
    noisy = flags["careless"].isin(["random", "speeder"])
    assert flags.loc[noisy, "flag_attention"].mean() > 2 * careful["flag_attention"].mean()
    # issue 16: at most 2% of attentive participant-waves carry any flag, skipped items or not
    skipped = careful["n_answered"] < careful["n_items"]
    assert careful["flagged"].sum() <= 1 + 0.02 * len(careful)
    assert careful.loc[skipped, "flagged"].sum() <= 1 + 0.02 * skipped.sum()


def test_reports_exist(state):
    files = state["reports"]
    for key in ("researcher_html", "platform_html"):
        path = Path(files[key])
        assert path.is_file() and path.stat().st_size > 10_000
        assert "gigpanel-demo" in path.read_text() or "Shaping gig work" in path.read_text()


def test_run_demo_prepare_only_reuses_the_demo_and_creates_the_login(demo_out, state):
    from craftwave.survey_app import create_app
    from craftwave.survey_app.accounts import attempt_login

    before = (demo_out / "demo.json").read_text()
    result = CliRunner().invoke(main, ["run-demo", *ARGS, "--out", str(demo_out),
                                       "--prepare-only", "--port", "5099"])
    assert result.exit_code == 0, result.output + repr(result.exception)
    assert "the demo is up to date" in result.output
    assert (demo_out / "demo.json").read_text() == before  # not rebuilt
    assert "http://127.0.0.1:5099/study/gigpanel-demo" in result.output
    # the commands run next in this checkout use the demo's database (`craftwave study link`)
    import os

    pointer = Path(os.environ["CRAFTWAVE_INSTANCE_PATH"]) / "database_url"
    assert pointer.read_text().strip() == f"sqlite:///{(demo_out / 'demo.sqlite').resolve()}"
    link = CliRunner().invoke(main, ["study", "link", "gigpanel-demo", "--source", "prolific"])
    assert link.exit_code == 0  # at the address run-demo serves on (its --port)
    assert link.output.startswith("http://127.0.0.1:5099/study/gigpanel-demo?PROLIFIC_PID=")
    login_file = demo_out / "researcher-login.json"
    assert stat.S_IMODE(login_file.stat().st_mode) == 0o600
    login = json.loads(login_file.read_text())
    assert login["password"] in result.output
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{demo_out / 'demo.sqlite'}",
                      "SECRET_KEY": "test"})
    with app.app_context():
        assert attempt_login(login["email"], login["password"]).reason == "ok"
        from craftwave.survey_app.extensions import db

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


def test_the_demo_watches_the_code_it_runs():
    names = {(f.parent.name, f.name) for f in WATCHED}
    for expected in [("survey_app", "export.py"), ("reports", "build.py"), ("analysis", "simulate.py"),
                     ("versions", "0001_participant_side.py"), ("demo", "fieldwork.py")]:
        assert expected in names


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


@pytest.mark.postgres
def test_the_demo_runs_on_postgresql(tmp_path):
    """``--db`` takes any empty database: the same fieldwork on PostgreSQL reconciles too."""
    import shutil
    import tempfile

    from craftwave.demo import DemoOptions, run_demo
    from craftwave.survey_app.pgtemp import PostgresServer, find_pg_bin

    bindir = find_pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (scripts/system_deps.sh installs it)")
    workdir = Path(tempfile.mkdtemp(prefix="craftwave-demo-pg-"))  # readable by 'postgres'
    server = PostgresServer(bindir, workdir)
    try:
        try:
            server.start()
        except RuntimeError as exc:
            pytest.skip(f"PostgreSQL could not be started here: {exc}")
        url = server.create_database("craftwave_demo")
        res = run_demo(DemoOptions(participants=12, seed=5, reports=False, db_url=url,
                                   out=tmp_path), log=lambda _line: None)
        check = res.summary["reconciliation"]
        assert check["acknowledged"] == check["stored"] > 0
        assert check["lost"] == check["changed"] == check["unexpected"] == 0
        assert res.summary["database_file"] is None
        assert (tmp_path / "export" / "manifest.json").is_file()
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def test_every_answer_comes_from_the_one_simulation(demo_out):
    """Re-draw the demo's plan (same seed) and compare: every acknowledged answer is the
    simulated panel's answer for that person, item and wave (profile, community, meaning and
    the attention checks included); straight-liners keep their simulated individual-crafting
    answer across the wave; everyone's simulated row is of the arm the app assigned."""
    import numpy as np

    from craftwave.demo import DemoOptions
    from craftwave.demo.fieldwork import plan_people
    from craftwave.instruments.loader import load_library
    from craftwave.instruments.names import item_var
    from craftwave.instruments.study import load_study

    opts = DemoOptions(participants=N, seed=SEED, careless=0.3, bootstrap=50, out=demo_out)
    library = load_library()
    study = load_study(opts.study_file, library=library)
    _, panel, truth = plan_people(opts, study, np.random.default_rng(SEED))
    people = pd.read_csv(demo_out / "simulation" / "people.csv", keep_default_na=False,
                         na_values=[""], dtype={"resumed_waves": str})
    assert truth["extra"] == ["meaning", "community", "profile", "attn"]
    assert truth["arms"] == ["control", "mentoring_forum"] and truth["arm_forums_effect"] > 0
    acked = pd.read_csv(demo_out / "simulation" / "acknowledged.csv", dtype={"item_id": str})
    by_id = {p.external_id: p for p in people.itertuples(index=False)}
    assert set(acked["instrument_id"]) == set(study.instrument_ids)
    checked = 0
    for row in acked.itertuples():
        p = by_id[row.external_id]
        sim_row = int(p.sim_row)
        assert panel.at[sim_row, "arm"] == p.arm
        col = item_var(library[row.instrument_id].prefix, row.item_id, row.wave)
        simulated = panel.at[sim_row, col]
        if p.careless == "straightliner" and row.instrument_id != "profile":
            first = item_var("icraft", library["icraft"].scored_items[0].id, row.wave)
            assert row.value in (simulated, panel.at[sim_row, first])
        else:
            assert row.value == simulated, (row, simulated)
        checked += 1
    assert checked == len(acked) > N * 50


def test_the_demo_population_carries_the_platform_story():
    """The demo's one simulation, at a size where its relations are clear: offering the
    mentoring forum raises forum use from wave 2 on but not before, and resilience a wave
    later (wave 3, not wave 2); forum use goes with collaborative crafting; meaningful work
    with resilience and commitment; careless responders fail attention checks far more."""
    import numpy as np

    from craftwave.demo import DemoOptions
    from craftwave.demo.fieldwork import simulate_panel
    from craftwave.instruments.loader import load_library
    from craftwave.instruments.study import load_study

    opts = DemoOptions(careless=0.09)
    library = load_library()
    study = load_study(opts.study_file, library=library)
    w = simulate_panel(opts, study, 4000, np.random.default_rng(8)).wide
    treated = w["arm"] == "mentoring_forum"

    def gap(col: str) -> float:  # mean difference, forum arm minus control, in pooled SDs
        return float((w.loc[treated, col].mean() - w.loc[~treated, col].mean()) / w[col].std())

    assert abs(gap("community_forums_w1")) < 0.1
    assert gap("community_forums_w2") > 0.4 and gap("community_forums_w3") > 0.4
    assert abs(gap("resil_w2") - gap("resil_w1")) < 0.1
    assert gap("resil_w3") - gap("resil_w1") > 0.08
    corr = w.corr(numeric_only=True)
    assert corr.at["community_forums_w1", "ccraft_w1"] > 0.2
    assert corr.at["meaning_w1", "resil_w1"] > 0.2 and corr.at["meaning_w1", "ccommit_w1"] > 0.2
    asked = {c.id for page in study.waves[0].pages for c in page.attention_checks}
    expected = {c.id: c.expected for c in library["attn"].attention_checks if c.id in asked}
    assert len(expected) == 2
    missed = sum((w[f"attn_{k}_w1"] != v).astype(int) for k, v in expected.items()) > 0
    careless = w["sim_careless"].isin(["random", "speeder"])
    assert missed[careless].mean() > 0.5 > 0.1 > missed[w["sim_careless"] == ""].mean()
