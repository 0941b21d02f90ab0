"""The panel simulator: determinism, names, attrition, careless responders, population values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.simulate import FocalPopulation, RICLPMPopulation, simulate
from instruments.errors import DataError
from instruments.loader import load_library


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
