"""Property tests (hypothesis) of the scoring rules on every scored bundled instrument."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from craftwave.instruments import item_var, load_library, reverse_value, score, score_columns

LIBRARY = load_library()  # deterministic files, no random state
SCORED = sorted(i for i, inst in LIBRARY.items() if inst.scoring is not None)
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def answer_sheets(draw, wave: int = 1):
    """An instrument id and a wide DataFrame of its answers, with gaps and missing codes."""
    iid = draw(st.sampled_from(SCORED))
    inst = LIBRARY[iid]
    n = draw(st.integers(1, 6))
    data = {}
    for item in inst.scored_items:
        scale = inst.scale_of(item)
        choices = [*scale.substantive_values, *scale.missing_values, math.nan]
        data[item_var(inst.prefix, item.id, wave)] = draw(
            st.lists(st.sampled_from(choices), min_size=n, max_size=n))
    return iid, pd.DataFrame(data, dtype=float)


def _oracle(inst, data: pd.DataFrame, wave: int = 1) -> pd.DataFrame:
    """Scores computed the slow, obvious way: one row, one subscale at a time."""
    rules = inst.scoring
    out = {}
    for name, sub in score_columns(inst, wave):
        items = inst.subscale_items(sub) if sub else inst.scored_items
        need = rules.min_items if sub else (rules.total_min_items or rules.min_items)
        col = []
        for _, row in data.iterrows():
            vals = []
            for item in items:
                scale = inst.scale_of(item)
                v = row.get(item_var(inst.prefix, item.id, wave), math.nan)
                if math.isnan(v) or v in scale.missing_values:
                    continue
                vals.append(scale.minimum + scale.maximum - v if inst.is_reversed(item.id) else v)
            if len(vals) < need:
                col.append(math.nan)
            else:
                mean = sum(vals) / len(vals)
                col.append(mean if rules.method == "mean" else mean * len(items))
        out[name] = col
    return pd.DataFrame(out, index=data.index)


@given(lo=st.integers(-3, 5), width=st.integers(1, 10), data=st.data())
def test_reversing_twice_is_identity_and_stays_on_the_scale(lo, width, data):
    hi = lo + width
    x = np.array(data.draw(st.lists(st.integers(lo, hi), min_size=1, max_size=20)))
    once = reverse_value(x, lo, hi)
    assert np.array_equal(reverse_value(once, lo, hi), x)
    assert once.min() >= lo and once.max() <= hi
    # reversal turns the order around
    order = np.argsort(x, kind="stable")
    assert np.all(np.diff(once[order]) <= 0)


@SETTINGS
@given(sheet=answer_sheets())
def test_scores_match_an_independent_computation(sheet):
    iid, data = sheet
    inst = LIBRARY[iid]
    pd.testing.assert_frame_equal(score(data, inst, wave=1), _oracle(inst, data), check_dtype=False)


@SETTINGS
@given(sheet=answer_sheets())
def test_scores_stay_within_the_scale(sheet):
    iid, data = sheet
    inst = LIBRARY[iid]
    scores = score(data, inst, wave=1)
    lo = min(inst.scale_of(i).minimum for i in inst.scored_items)
    hi = max(inst.scale_of(i).maximum for i in inst.scored_items)
    values = scores.to_numpy().ravel()
    values = values[~np.isnan(values)]
    assert np.all(values >= lo - 1e-12) and np.all(values <= hi + 1e-12)


@SETTINGS
@given(sheet=answer_sheets(), seed=st.integers(0, 2**32 - 1))
def test_permuting_columns_or_rows_changes_nothing(sheet, seed):
    iid, data = sheet
    inst = LIBRARY[iid]
    rng = np.random.default_rng(seed)
    base = score(data, inst, wave=1)
    shuffled_cols = data[list(rng.permutation(data.columns))]
    pd.testing.assert_frame_equal(score(shuffled_cols, inst, wave=1), base)
    rows = rng.permutation(len(data))
    pd.testing.assert_frame_equal(score(data.iloc[rows], inst, wave=1), base.iloc[rows])
    extra = data.assign(unrelated_w1=rng.integers(0, 1000, len(data)))
    pd.testing.assert_frame_equal(score(extra, inst, wave=1), base)


@SETTINGS
@given(iid=st.sampled_from(SCORED), data=st.data())
def test_straight_liner(iid, data):
    inst = LIBRARY[iid]
    scale = inst.scale_of(inst.scored_items[0])
    v = data.draw(st.sampled_from(scale.substantive_values))
    row = pd.DataFrame([{item_var(inst.prefix, i.id, 1): v for i in inst.scored_items}], dtype=float)
    out = score(row, inst, wave=1).iloc[0]
    for name, sub in score_columns(inst, 1):
        items = inst.subscale_items(sub) if sub else inst.scored_items
        r = sum(inst.is_reversed(i.id) for i in items)
        f = len(items) - r
        expected = (f * v + r * (scale.minimum + scale.maximum - v)) / (f + r)
        assert out[name] == pytest.approx(expected)
        if r == f:  # a balanced (sub)scale puts every straight-liner at the midpoint
            assert out[name] == pytest.approx((scale.minimum + scale.maximum) / 2)


def test_a_balanced_subscale_exists():
    """The straight-liner property above really meets a balanced subscale (resilience)."""
    resil = LIBRARY["resil"]
    bounce = resil.subscale_items("bounce")
    assert 2 * sum(resil.is_reversed(i.id) for i in bounce) == len(bounce)


@SETTINGS
@given(sheet=answer_sheets(), data=st.data())
def test_raising_an_answer_moves_its_scores_in_the_keyed_direction(sheet, data):
    iid, frame = sheet
    inst = LIBRARY[iid]
    item = data.draw(st.sampled_from(inst.scored_items))
    scale = inst.scale_of(item)
    col = item_var(inst.prefix, item.id, 1)
    low = frame.copy()
    high = frame.copy()
    low[col] = scale.minimum
    high[col] = scale.maximum
    s_low, s_high = score(low, inst, wave=1), score(high, inst, wave=1)
    names = [n for n, sub in score_columns(inst, 1) if sub in (None, item.subscale)]
    both = s_low[names].notna() & s_high[names].notna()
    diff = (s_high[names] - s_low[names])[both]
    if inst.is_reversed(item.id):
        assert (diff.fillna(0) < 0).sum().sum() == both.sum().sum()
    else:
        assert (diff.fillna(0) > 0).sum().sum() == both.sum().sum()
