"""Scoring rules: reverse keys, missing answers, the minimum-items rule and bad values."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from craftwave.instruments import DataError, instrument_from_dict, score, score_columns


@pytest.fixture
def icraft(library):
    return library["icraft"]


def _row(prefix: str, answers: dict, wave: int | None = 1) -> pd.DataFrame:
    suffix = f"_w{wave}" if wave is not None else ""
    return pd.DataFrame([{f"{prefix}_{k}{suffix}": v for k, v in answers.items()}])


def test_hand_worked_example(icraft):
    # task: 5, 4, 3 and reversed task_4 = 2 -> 6 - 2 = 4; mean (5 + 4 + 3 + 4) / 4 = 4.0
    # relational: 1, 2, 3 -> 2.0
    # cognitive: 4, 5 and reversed cognitive_3 = 5 -> 1; mean 10 / 3
    # total: (16 + 6 + 10) / 10 = 3.2
    answers = {"task_1": 5, "task_2": 4, "task_3": 3, "task_4": 2, "relational_1": 1,
               "relational_2": 2, "relational_3": 3, "cognitive_1": 4, "cognitive_2": 5,
               "cognitive_3": 5}
    out = score(_row("icraft", answers), icraft, wave=1).iloc[0]
    assert list(out.index) == ["icraft_task_w1", "icraft_relational_w1", "icraft_cognitive_w1",
                               "icraft_w1"]
    assert out["icraft_task_w1"] == pytest.approx(4.0)
    assert out["icraft_relational_w1"] == pytest.approx(2.0)
    assert out["icraft_cognitive_w1"] == pytest.approx(10 / 3)
    assert out["icraft_w1"] == pytest.approx(3.2)


def test_minimum_items_rule(icraft):
    # min_items = 2 per subscale, total_min_items = 7
    one = score(_row("icraft", {"task_1": 5}), icraft, wave=1).iloc[0]
    assert math.isnan(one["icraft_task_w1"])  # one answer: missing, not 5
    two = score(_row("icraft", {"task_1": 5, "task_4": 5}), icraft, wave=1).iloc[0]
    assert two["icraft_task_w1"] == pytest.approx(3.0)  # (5 + (6 - 5)) / 2
    six = {"task_1": 4, "task_2": 4, "task_3": 4, "relational_1": 4, "relational_2": 4,
           "cognitive_1": 4}
    assert math.isnan(score(_row("icraft", six), icraft, wave=1).iloc[0]["icraft_w1"])
    seven = {**six, "cognitive_2": 2}
    assert score(_row("icraft", seven), icraft, wave=1).iloc[0]["icraft_w1"] == pytest.approx(26 / 7)


def test_missing_columns_count_as_unanswered_and_other_columns_are_ignored(icraft):
    data = _row("icraft", {"task_1": 3, "task_2": 5})
    data["participant_id"] = ["p1"]
    data["icraft_task_1_w2"] = [1]  # another wave: ignored
    out = score(data, icraft, wave=1).iloc[0]
    assert out["icraft_task_w1"] == pytest.approx(4.0)
    assert math.isnan(out["icraft_relational_w1"])


def test_names_without_wave(icraft):
    out = score(_row("icraft", {"task_1": 3, "task_2": 5}, wave=None), icraft)
    assert list(out.columns) == [name for name, _ in score_columns(icraft)]
    assert list(out.columns)[-1] == "icraft"
    assert out.iloc[0]["icraft_task"] == pytest.approx(4.0)


def test_index_is_kept(icraft):
    data = pd.concat([_row("icraft", {"task_1": 2, "task_2": 2}),
                      _row("icraft", {"task_1": 4, "task_2": 5})])
    data.index = pd.Index(["p7", "p3"], name="participant_id")
    out = score(data, icraft, wave=1)
    assert list(out.index) == ["p7", "p3"] and out.index.name == "participant_id"
    assert out.loc["p3", "icraft_task_w1"] == pytest.approx(4.5)


def test_non_substantive_codes_are_missing(library):
    community = library["community"]
    data = _row("community", {"platform_1": 98, "platform_2": 4, "platform_3": 2})
    out = score(data, community, wave=1).iloc[0]
    assert out["community_platform_w1"] == pytest.approx(3.0)  # 98 is not averaged in
    data = _row("community", {"platform_1": 98, "platform_2": 98, "platform_3": 5})
    assert math.isnan(score(data, community, wave=1).iloc[0]["community_platform_w1"])
    assert "community_w1" not in score(data, community, wave=1).columns  # no total declared


def test_missing_code_of_the_tiny_scale(tiny):
    inst = instrument_from_dict(tiny)
    data = _row("tiny", {"a_1": 99, "a_2": 2, "a_3": 1})
    # a_3 reversed: 6 - 1 = 5 -> (2 + 5) / 2
    assert score(data, inst, wave=1).iloc[0]["tiny_a_w1"] == pytest.approx(3.5)


def test_out_of_scale_value_raises_naming_column_and_row(icraft):
    data = pd.concat([_row("icraft", {"task_1": 3}), _row("icraft", {"task_1": 6})],
                     ignore_index=True)
    with pytest.raises(DataError, match=r"column 'icraft_task_1_w1': value 6 in row 1 is not on "
                                        r"the scale 'freq5' \(\[1, 2, 3, 4, 5\]\)"):
        score(data, icraft, wave=1)


def test_missing_code_of_another_scale_is_out_of_scale(icraft):
    with pytest.raises(DataError, match="value 99 in row 0 is not on the scale"):
        score(_row("icraft", {"relational_2": 99}), icraft, wave=1)


def test_fractional_value_is_out_of_scale(icraft):
    with pytest.raises(DataError, match="value 2.5 in row 0"):
        score(_row("icraft", {"cognitive_1": 2.5}), icraft, wave=1)


def test_non_numeric_value_raises(icraft):
    with pytest.raises(DataError, match=r"column 'icraft_task_2_w1': non-numeric value 'often' in row 0"):
        score(_row("icraft", {"task_2": "often"}), icraft, wave=1)


def test_numeric_strings_are_read_as_numbers(icraft):
    out = score(_row("icraft", {"task_1": "4", "task_2": "2"}), icraft, wave=1)
    assert out.iloc[0]["icraft_task_w1"] == pytest.approx(3.0)


def test_unscored_instrument_raises(library):
    with pytest.raises(DataError, match="instrument 'profile' defines no scoring"):
        score(pd.DataFrame({"profile_age_w1": [2]}), library["profile"], wave=1)


def test_single_scale_instrument(library):
    ccommit = library["ccommit"]
    answers = {"1": 7, "2": 1, "3": 7, "4": 7, "5": 1}  # 2 and 5 reversed: 8 - 1 = 7
    out = score(_row("ccommit", answers, wave=3), ccommit, wave=3)
    assert list(out.columns) == ["ccommit_w3"]
    assert out.iloc[0]["ccommit_w3"] == pytest.approx(7.0)
    fewer = {k: v for k, v in answers.items() if k != "5"}  # 4 answers < min_items 5
    assert math.isnan(score(_row("ccommit", fewer, wave=3), ccommit, wave=3).iloc[0]["ccommit_w3"])


def test_sum_scoring_prorates_missing_items(tiny):
    tiny["scoring"]["method"] = "sum"
    inst = instrument_from_dict(tiny)
    full = _row("tiny", {"a_1": 4, "a_2": 2, "a_3": 1})  # 4 + 2 + 5
    assert score(full, inst, wave=1).iloc[0]["tiny_a_w1"] == pytest.approx(11.0)
    partial = _row("tiny", {"a_1": 4, "a_3": 1})  # (4 + 5) / 2 * 3 items
    assert score(partial, inst, wave=1).iloc[0]["tiny_a_w1"] == pytest.approx(13.5)


def test_no_total_when_not_declared(tiny):
    tiny["scoring"]["total"] = False
    inst = instrument_from_dict(tiny)
    assert [n for n, _ in score_columns(inst, 2)] == ["tiny_a_w2", "tiny_b_w2"]
    out = score(_row("tiny", {"a_1": 1, "a_2": 1}, wave=2), inst, wave=2)
    assert list(out.columns) == ["tiny_a_w2", "tiny_b_w2"]


def test_all_missing_rows_give_missing_scores(icraft):
    cols = [f"icraft_{i.id}_w1" for i in icraft.items]
    data = pd.DataFrame(np.nan, index=range(3), columns=cols)
    assert score(data, icraft, wave=1).isna().all().all()
