"""The panel simulator: determinism, names, attrition, careless responders, population values."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from craftwave.analysis.simulate import FocalPopulation, RICLPMPopulation, simulate
from craftwave.analysis.simulate_extra import ExtraPopulation
from craftwave.instruments.errors import DataError
from craftwave.instruments.loader import load_library
from craftwave.instruments.names import item_var


@pytest.fixture(scope="module")
def panel():
    return simulate(n=400, waves=3, attrition=[0.2, 0.1], careless=0.15,
                    arms=["control", "crafting"], arm_effect=0.5, seed=42)


def test_same_seed_same_panel(panel):
    again = simulate(n=400, waves=3, attrition=[0.2, 0.1], careless=0.15,
                     arms=["control", "crafting"], arm_effect=0.5, seed=42)
    pd.testing.assert_frame_equal(panel.wide, again.wide)
    pd.testing.assert_frame_equal(panel.long, again.long)
    other = simulate(n=400, waves=3, attrition=[0.2, 0.1], careless=0.15,
                     arms=["control", "crafting"], arm_effect=0.5, seed=43)
    assert not panel.wide.equals(other.wide)


def test_codebook_names_and_scales(panel):
    lib = {i.prefix: i for i in load_library().values()}
    for prefix in FocalPopulation().constructs:
        inst = lib[prefix]
        for item in inst.scored_items:
            col = f"{prefix}_{item.id}_w2"
            values = set(panel.wide[col].dropna().unique())
            assert values <= set(inst.scale_of(item).substantive_values), col
        assert f"{prefix}_w3" in panel.wide and f"pagetime_{prefix}_w1" in panel.wide
    assert {"participant_id", "arm", "last_wave", "sim_careless"} <= set(panel.wide.columns)
    assert panel.long.columns[:3].tolist() == ["participant_id", "wave", "arm"]


def test_monotone_attrition(panel):
    w = panel.wide
    for t in (2, 3):
        gone = w.last_wave < t
        assert w.loc[gone, f"resil_w{t}"].isna().all()
        assert w.loc[gone, f"icraft_task_1_w{t}"].isna().all()
        assert w.loc[~gone, f"resil_w{t}"].notna().mean() > 0.95
    # 20% then 10% of the rest drop out: expected 400 * 0.8 = 320 at wave 2, 288 at wave 3
    assert abs((w.last_wave >= 2).sum() - 320) < 3 * np.sqrt(400 * 0.2 * 0.8)
    assert len(panel.long) == int(w.last_wave.sum())


def test_careless_responders(panel):
    w = panel.wide
    items = [c for c in w.columns if c.startswith("resil_") and c.endswith("_w1")
             and c.count("_") == 3]
    straight = w.sim_careless == "straightliner"
    assert straight.sum() > 5
    assert (w.loc[straight, items].nunique(axis=1) == 1).all()
    normal = w.sim_careless == ""
    assert (w.loc[normal, items].nunique(axis=1) == 1).mean() < 0.2
    speed = w.sim_careless == "speeder"
    assert w.loc[speed, "pagetime_resil_w1"].median() < 0.5 * w.loc[normal, "pagetime_resil_w1"].median()


def test_scores_track_the_latent_scores(panel):
    ok = panel.wide.sim_careless == ""
    for c in FocalPopulation().constructs:
        r = np.corrcoef(panel.wide.loc[ok, f"{c}_w1"], panel.latent.loc[ok, f"{c}_w1"])[0, 1]
        assert r > 0.85, c  # 7 to 14 items with loadings .65-.85: reliability about .9


def test_intervention_raises_later_individual_crafting(panel):
    lat = panel.latent.assign(arm=panel.wide.arm)
    diff = lat.groupby("arm")[["icraft_w1", "icraft_w2"]].mean().diff().iloc[-1]
    assert abs(diff["icraft_w1"]) < 0.25 and diff["icraft_w2"] > 0.25


def test_focal_population_values_hold_in_a_large_sample():
    pop = FocalPopulation()
    sim = simulate(n=40_000, waves=3, items=False, seed=3)
    d = sim.latent
    X = np.column_stack([np.ones(len(d)), d.icraft_w1, d.ccraft_w1, d.icraft_w1 * d.ccraft_w1,
                         d.resil_w1])
    coef = np.linalg.lstsq(X, d.resil_w2, rcond=None)[0]
    # SE of each slope is about 1/sqrt(40000) = .005: 5 SE = .025
    np.testing.assert_allclose(coef[1:], [pop.a1, pop.a2, pop.a3, pop.ar_resil], atol=0.025)
    assert np.var(d.icraft_w1) == pytest.approx(1, abs=0.03)


def test_riclpm_generator_moments():
    pop = RICLPMPopulation()
    sim = simulate(n=40_000, waves=3, model="riclpm", items=False, seed=4)
    d = sim.latent
    # wave-1 variance = random-intercept variance + within variance
    assert np.var(d.icraft_w1) == pytest.approx(pop.ri_var[0] + pop.w1_var[0], abs=0.04)
    assert list(sim.wide.columns[:3]) == ["participant_id", "last_wave", "sim_careless"]


def test_errors():
    with pytest.raises(DataError, match="more waves"):
        simulate(n=10, waves=2)
    with pytest.raises(DataError, match="attrition"):
        simulate(n=10, waves=3, attrition=1.2)
    with pytest.raises(DataError, match="careless types"):
        simulate(n=10, waves=3, careless=0.1, careless_types=["sleepy"])


def test_answers_long_round_trips_to_the_wide_answers(panel):
    long = panel.answers_long()
    assert list(long.columns) == ["participant_id", "wave", "instrument_id", "item_id", "value"]
    first = panel.wide.iloc[0]
    mine = long[(long.participant_id == first.participant_id) & (long.wave == 1)]
    for r in mine.itertuples():
        prefix = {i.id: i.prefix for i in load_library().values()}[r.instrument_id]
        assert first[f"{prefix}_{r.item_id}_w1"] == r.value
    # dropouts have no answers after their last wave
    gone = panel.wide.loc[panel.wide.last_wave == 1, "participant_id"]
    assert not long[long.participant_id.isin(gone) & (long.wave > 1)].size


# -- the instruments drawn beyond the focal model (analysis.simulate_extra) -------------------

DEMO_STUDY = Path(__file__).resolve().parents[2] / "data" / "demo" / "study.yaml"
KW = dict(n=400, waves=3, attrition=[0.2, 0.1], careless=0.15, arms=["control", "crafting"],
          arm_effect=0.5, seed=42)


@pytest.fixture(scope="module")
def extended():
    return simulate(**KW, extra="all")


def test_extras_leave_every_focal_column_and_the_stream_unchanged(panel, extended):
    pd.testing.assert_frame_equal(panel.wide, extended.wide[panel.wide.columns])
    pd.testing.assert_frame_equal(panel.long, extended.long[panel.long.columns])
    pd.testing.assert_frame_equal(panel.latent, extended.latent[panel.latent.columns])
    assert list(extended.wide.columns[: panel.wide.shape[1]]) == list(panel.wide.columns)
    first, second = np.random.default_rng(5), np.random.default_rng(5)
    simulate(n=30, seed=first)
    simulate(n=30, seed=second, extra="all")
    assert first.random() == second.random()  # a shared generator continues identically
    again = simulate(**KW, extra="all")
    pd.testing.assert_frame_equal(extended.wide, again.wide)


def test_extras_answer_every_question_the_demo_study_asks(extended):
    lib = {i.id: i for i in load_library().values()}
    study = yaml.safe_load(DEMO_STUDY.read_text())
    wide = extended.wide
    for wave in study["waves"]:
        t = wave["number"]
        present = wide["last_wave"] >= t
        asked = []
        for page in wave["pages"]:
            for block in page["blocks"]:
                inst = lib[block["instrument"]]
                subs, only = block.get("subscales"), block.get("items")
                asked += [(inst, i) for i in inst.items if (subs is None or i.subscale in subs)
                          and (only is None or i.id in only)]
            for check in page.get("attention_checks", []):
                inst = lib[check["instrument"]]
                asked += [(inst, c) for c in inst.attention_checks if c.id == check["id"]]
        assert asked
        for inst, item in asked:
            col = item_var(inst.prefix, item.id, t)
            assert col in wide, col
            answered = wide.loc[present, col].notna().mean()
            optional = getattr(item, "required", True) is False
            assert answered > (0.85 if optional else 0.999), col
            assert wide.loc[~present, col].isna().all(), col


def test_extra_answers_lie_on_their_scales(extended):
    lib = {i.prefix: i for i in load_library().values()}
    wide = extended.wide
    for prefix in ("meaning", "community", "workdesign", "sustain", "profile", "attn"):
        inst = lib[prefix]
        for item in [*inst.items, *inst.attention_checks]:
            scale = inst.scale_of(item)
            for t in (1, 2, 3):
                col = item_var(prefix, item.id, t)
                if prefix == "profile" and t > 1:
                    assert col not in wide  # the profile is asked once
                    continue
                values = set(wide[col].dropna().unique())
                if scale is None:  # hours: a number in its range
                    assert min(values) >= item.min and max(values) <= item.max
                else:
                    assert values <= set(scale.values), col
    # the "not offered" code only where the scale has it, stable over waves, about 15 %
    plat = wide[item_var("community", "platform_1", 1)]
    assert 0.08 < (plat == 98).mean() < 0.22
    assert not (wide[item_var("community", "forums_1", 1)] == 98).any()
    both = wide[item_var("community", "platform_1", 3)].notna()
    assert ((plat[both] == 98) == (wide.loc[both, item_var("community", "platform_1", 3)]
                                   == 98)).all()
    gender = wide[item_var("profile", "gender", 1)]
    assert 0.01 < (gender == 99).mean() < 0.10
    assert extended.wide.filter(regex=r"^profile_platform_").sum(axis=1).min() >= 1
    assert {"meaning", "meaning_positive", "community_forums", "sustain"} <= set(
        extended.long.columns)
    long = extended.answers_long()
    assert {"attn", "profile", "meaning", "community"} <= set(long["instrument_id"])


def test_attention_checks_tell_careless_from_attentive(extended):
    wide = extended.wide
    inst = {i.prefix: i for i in load_library().values()}["attn"]
    expected = {c.id: c.expected for c in inst.attention_checks}
    kind = wide["sim_careless"]
    for t in (1, 2):
        for cid, exp in expected.items():
            col = item_var("attn", cid, t)
            ok = wide[col] == exp
            present = wide[col].notna()
            assert ok[(kind == "") & present].mean() > 0.95
            assert ok[kind.isin(["random", "speeder"]) & present].mean() < 0.45
            straight = (kind == "straightliner") & present
            first = item_var("icraft", load_library()["icraft"].scored_items[0].id, t)
            assert (wide.loc[straight, col] == wide.loc[straight, first]).all()


def test_extra_population_relations():
    """Latent scores of a large sample show the documented relations; the forum arm raises
    forum use, and one wave later resilience by exactly forums_to_resil times as much."""
    kw = dict(n=30000, waves=4, arms=["control", "forum"], items=False, seed=3)
    base = simulate(**kw)
    sim = simulate(**kw, extra=["meaning", "community", "workdesign", "sustain"],
                   arm_forums_effect=0.5)
    pop = ExtraPopulation()
    lat = sim.latent
    corr = lat.filter(regex="_w2$").corr()
    assert 0.35 < corr.loc["meaning_w2", "resil_w2"] < 0.55
    assert 0.35 < corr.loc["meaning_w2", "ccommit_w2"] < 0.55
    assert 0.35 < corr.loc["community_w2", "ccraft_w2"] < 0.55
    assert 0.30 < corr.loc["workdesign_w2", "icraft_w2"] < 0.50
    treated = (sim.wide["arm"] == "forum").to_numpy()
    num = lat.drop(columns="participant_id")
    gap = num[treated].mean() - num[~treated].mean()
    assert abs(gap["community_forums_w1"]) < 0.05
    assert gap["community_forums_w2"] == pytest.approx(0.5, abs=0.05)
    assert abs(gap["community_w2"]) < 0.05  # the arm targets forum use only
    shift = (lat["resil_w3"] - base.latent["resil_w3"]).to_numpy()
    np.testing.assert_allclose(shift[treated], pop.forums_to_resil * 0.5, atol=1e-12)
    np.testing.assert_allclose(shift[~treated], 0.0, atol=1e-12)
    pd.testing.assert_series_equal(lat["resil_w2"], base.latent["resil_w2"])
    # in the control arm, forum use predicts the next wave's resilience beyond the focal model
    c = lat[~treated]
    X = np.column_stack([np.ones(len(c)), c["resil_w2"], c["icraft_w2"], c["ccraft_w2"],
                         c["icraft_w2"] * c["ccraft_w2"], c["community_forums_w2"]])
    beta = np.linalg.lstsq(X, c["resil_w3"].to_numpy(), rcond=None)[0]
    assert beta[1] == pytest.approx(FocalPopulation().ar_resil, abs=0.03)
    assert 0.09 < beta[5] < 0.19


def test_extra_scale_scores_carry_the_relations(extended):
    wide = extended.wide
    r = wide[["meaning_w2", "resil_w2", "community_forums_w2", "ccraft_w2"]].corr()
    assert r.loc["meaning_w2", "resil_w2"] > 0.2
    assert r.loc["community_forums_w2", "ccraft_w2"] > 0.2
    forum = simulate(**{**KW, "arms": ["control", "forum"]}, extra=["community"],
                     arm_forums_effect=0.8)
    w = forum.wide
    gap = w.groupby("arm")["community_forums_w2"].mean()
    assert gap["forum"] - gap["control"] > 0.2


def test_extra_errors():
    with pytest.raises(DataError, match="no extra instrument"):
        simulate(n=20, extra=["wellbeing"])
    with pytest.raises(DataError, match="use model='focal'"):
        simulate(n=20, waves=3, model="riclpm", extra=["meaning"])
    with pytest.raises(DataError, match="needs arms and 'community'"):
        simulate(n=20, arms=["a", "b"], arm_forums_effect=0.3, extra=["meaning"])
    with pytest.raises(DataError, match="'all'"):
        simulate(n=20, extra="meaning")
    riclpm = simulate(n=40, waves=3, model="riclpm", extra="all", seed=1)
    assert "attn_1_w3" in riclpm.wide and "profile_age_w1" in riclpm.wide
