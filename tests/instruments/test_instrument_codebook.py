"""The codebook: one row per variable, consistent with the names, the scorer and the YAML."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pyreadstat
import pytest

import craftwave.instruments.codebook as codebook_module
import craftwave.instruments.loader as loader_module
import craftwave.instruments.scoring as scoring_module
from craftwave.instruments import (
    DataError,
    StudyError,
    instrument_from_dict,
    item_var,
    score,
    score_columns,
)
from craftwave.instruments.codebook import (
    COLUMNS,
    KINDS,
    codebook,
    codebook_markdown,
    read_codebook,
    spss_metadata,
    write_codebook,
)
from craftwave.instruments.study import study_from_dict


@pytest.fixture(scope="module")
def full(library):
    """Every bundled instrument at three waves."""
    return codebook(library, 3)


def test_columns_and_kinds(full):
    assert list(full.columns) == COLUMNS
    assert set(full.kind) == set(KINDS)
    assert full.variable.is_unique
    assert sorted(full.wave.unique()) == [1, 2, 3]
    assert full.wave.is_monotonic_increasing


def test_item_rows_follow_the_yaml(full, library):
    for inst in library.values():
        for wave in (1, 3):
            rows = full[(full.instrument == inst.id) & (full.wave == wave)].set_index("item_id")
            for item in inst.items:
                r = rows.loc[item.id]
                assert r.variable == item_var(inst.prefix, item.id, wave)
                assert r.kind == "item"
                assert r.label == item.text["en"]
                assert r.subscale == item.subscale or (item.subscale is None and pd.isna(r.subscale))
                assert bool(r.reverse_keyed) == inst.is_reversed(item.id)
                assert r.version == inst.version and r.hash == inst.content_hash
                scale = inst.scale_of(item)
                if scale is None:
                    assert r.value_labels == {} and r.level == "scale"
                    assert (r["min"], r["max"]) == (item.min, item.max)
                else:
                    assert r.response_scale == scale.id
                    assert r.value_labels == {o.value: o.label["en"] for o in scale.options}
                    assert r.missing_codes == scale.missing_values
                    assert r.level == scale.level


def test_score_rows_are_exactly_what_the_scorer_makes(full, library):
    for inst in library.values():
        for wave in (1, 2, 3):
            rows = full[(full.instrument == inst.id) & (full.wave == wave)
                        & full.kind.str.endswith("score")]
            if inst.scoring is None:
                assert rows.empty
                continue
            empty = pd.DataFrame(index=[0])
            assert rows.variable.tolist() == list(score(empty, inst, wave=wave).columns)
            assert rows.variable.tolist() == [n for n, _ in score_columns(inst, wave)]
            assert (rows.level == "scale").all() and not rows.reverse_keyed.any()


def test_score_labels_and_ranges(full, library):
    r = full.set_index("variable").loc["resil_career_w2"]
    assert r.kind == "subscale score" and r.subscale == "career"
    assert "Career resilience in gig work" in r.label and "mean" in r.label
    assert (r["min"], r["max"]) == (1, 5)
    total = full.set_index("variable").loc["ccommit_w1"]
    assert total.kind == "scale score" and (total["min"], total["max"]) == (1, 7)
    assert "over all 7 items" in total.label


def test_reverse_flags(full, library):
    flagged = set(full.loc[full.reverse_keyed & (full.wave == 1), "variable"])
    expected = {item_var(i.prefix, r, 1) for i in library.values() if i.scoring
                for r in i.scoring.reverse}
    assert flagged == expected and len(expected) > 10


def test_missing_codes_and_value_labels(full):
    rows = full[full.wave == 1].set_index("variable")
    for var in ("profile_income_share_w1", "profile_country_w1", "profile_age_w1",
                "profile_gender_w1"):
        assert rows.loc[var, "missing_codes"] == [99]
        assert rows.loc[var, "value_labels"][99] == "Prefer not to say"
        assert "99 = Prefer not to say (missing)" in rows.loc[var, "value_labels_text"]
    assert rows.loc["community_platform_2_w1", "missing_codes"] == [98]
    assert rows.loc["community_forums_2_w1", "missing_codes"] == []
    assert rows.loc["icraft_task_1_w1", "value_labels_text"].startswith("1 = Never; 2 = Rarely")
    levels = rows.level.to_dict()
    assert levels["profile_country_w1"] == "nominal"
    assert levels["profile_platform_micro_w1"] == "nominal"
    assert levels["profile_age_w1"] == "ordinal"
    assert levels["profile_hours_w1"] == "scale"
    assert levels["icraft_task_1_w1"] == "ordinal"


def test_attention_checks(full, library):
    rows = full[(full.kind == "attention check") & (full.wave == 2)]
    assert rows.variable.tolist() == [f"attn_{c.id}_w2" for c in library["attn"].attention_checks]
    assert rows.expected.tolist() == [c.expected for c in library["attn"].attention_checks]
    assert full.loc[full.kind != "attention check", "expected"].isna().all()


def test_wave_plan_order_and_selection(library):
    cb = codebook(library, {2: ["ccommit"], 1: ["resil", "icraft"]})
    assert cb.instrument.drop_duplicates().tolist() == ["resil", "icraft", "ccommit"]
    assert cb.wave.tolist() == sorted(cb.wave.tolist())
    part = codebook(library, {1: {"icraft": ["task_1", "task_4", "cognitive_1"], "attn": ["3"]}})
    assert part.variable.tolist() == [
        "icraft_task_1_w1", "icraft_task_4_w1", "icraft_cognitive_1_w1",
        # task has 2 asked items = min_items; cognitive 1 < 2; the total needs 7
        "icraft_task_w1", "attn_3_w1"]


def test_from_a_study(library):
    study = study_from_dict({
        "id": "mini",
        "title": {"en": "Mini"},
        "consent": {"version": "1", "text": {"en": "You agree."}},
        "waves": [
            {"number": 1, "pages": [
                {"id": "one", "blocks": [{"instrument": "icraft", "subscales": ["task"]},
                                         {"instrument": "profile", "items": ["age", "gender"]}],
                 "attention_checks": [{"instrument": "attn", "id": "2"}]},
                {"id": "two", "blocks": [{"instrument": "icraft", "subscales": ["relational"]}]},
            ]},
            {"number": 2, "after_days": 30, "pages": [
                {"id": "again", "blocks": [{"instrument": "ccommit"}]},
            ]},
        ],
    }, library=library)
    cb = codebook(library, study)
    w1 = cb[cb.wave == 1].variable.tolist()
    assert w1 == (
        [f"icraft_task_{n}_w1" for n in range(1, 5)]
        + [f"icraft_relational_{n}_w1" for n in range(1, 4)]
        # 7 of icraft's 10 items are asked: enough for its total (total_min_items = 7)
        + ["icraft_task_w1", "icraft_relational_w1", "icraft_w1", "profile_age_w1",
           "profile_gender_w1", "attn_2_w1"])
    assert cb[cb.wave == 2].variable.tolist() == [f"ccommit_{n}_w2" for n in range(1, 8)] + ["ccommit_w2"]


@pytest.mark.parametrize("waves, message", [
    ({1: ["icraft", "nope"]}, "codebook: wave 1: unknown instrument 'nope' (known: "),
    ({0: ["icraft"]}, "codebook: waves count from 1; got wave 0"),
    ({1: {"icraft": ["task_1", "task_9"]}}, "codebook: wave 1: instrument 'icraft' has no item 'task_9'"),
    (0, "codebook: the number of waves must be at least 1, not 0"),
    ("icraft", "codebook: waves must be a mapping wave -> instrument ids"),
])
def test_bad_wave_plans(library, waves, message):
    with pytest.raises(StudyError) as info:
        codebook(library, waves)
    assert message in str(info.value)


def test_clashing_names_are_refused(library, tiny):
    # an instrument whose prefix and item ids produce a name another instrument also makes
    tiny.update(id="clash", prefix="icraft")
    tiny["subscales"] = [{"id": "task", "label": {"en": "T"}}]
    for n, item in enumerate(tiny["items"], start=1):
        item.update(id=f"task_{n}", subscale="task")
    tiny["scoring"] = {"reverse": [], "min_items": 2}
    tiny["attention_checks"] = []
    clash = instrument_from_dict(tiny)
    with pytest.raises(StudyError, match="variable names used twice: icraft_task_1_w1"):
        codebook([library["icraft"], clash], 1)


def test_csv_round_trip(full, tmp_path):
    csv_path, md_path = write_codebook(full, tmp_path / "out")
    assert csv_path.name == "codebook.csv" and md_path.name == "codebook.md"
    back = read_codebook(csv_path)
    assert list(back.columns) == COLUMNS
    for col in COLUMNS:
        a, b = full[col].tolist(), back[col].tolist()
        same = [x == y or (pd.isna(x) and pd.isna(y)) if not isinstance(x, (dict, list)) else x == y
                for x, y in zip(a, b, strict=True)]
        assert all(same), col
    raw = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    row = raw.set_index("variable").loc["profile_gender_w1"]
    assert row.missing_codes == "[99]"
    assert '"99": "Prefer not to say"' in row.value_labels


def test_markdown(library):
    cb = codebook(library, {1: ["icraft", "profile"], 2: ["icraft"]})
    md = codebook_markdown(cb)
    assert md.startswith("# Codebook\n")
    assert f"`{library['icraft'].content_hash}`" in md
    assert "## Wave 1" in md and "## Wave 2" in md and "## Wave 3" not in md
    lines = {line.split("|")[1].strip(): line for line in md.splitlines() if line.startswith("| `")}
    assert set(lines) == {f"`{v}`" for v in cb.variable}
    assert "| task | yes |" in lines["`icraft_task_4_w2`"]
    assert "| 0 to 100 |" in lines["`profile_hours_w1`"]
    assert "| 99 | nominal |" in lines["`profile_gender_w1`"]
    assert "nan" not in md


def test_markdown_escapes_pipes(tiny):
    tiny["items"][0]["text"]["en"] = "either | or"
    cb = codebook([instrument_from_dict(tiny)], 1)
    assert "either \\| or" in codebook_markdown(cb)


def test_spss_metadata_round_trip_through_a_sav_file(library, tmp_path):
    cb = codebook(library, 2)
    rng = np.random.default_rng(7)
    data = pd.DataFrame({
        "participant_id": [f"p{i}" for i in range(6)],
        "profile_gender_w1": [1, 2, 99, 3, 4, np.nan],
        "profile_hours_w1": rng.uniform(0, 60, 6).round(1),
        "icraft_task_4_w2": rng.integers(1, 6, 6).astype(float),
        "icraft_task_w2": rng.uniform(1, 5, 6),
    })
    meta = spss_metadata(cb, columns=data.columns)
    assert set(meta) == {"column_labels", "variable_value_labels", "missing_ranges", "variable_measure"}
    assert "participant_id" not in meta["column_labels"]
    path = tmp_path / "study.sav"
    pyreadstat.write_sav(data, path, **meta)
    back, info = pyreadstat.read_sav(path, user_missing=True)
    labels = info.column_names_to_labels
    assert labels["icraft_task_4_w2"] == "[w2] " + library["icraft"].items_by_id["task_4"].text["en"]
    assert labels["participant_id"] is None
    assert info.variable_value_labels["profile_gender_w1"][99] == "Prefer not to say"
    assert info.variable_value_labels["icraft_task_4_w2"][1] == "Never"
    assert "profile_hours_w1" not in info.variable_value_labels
    assert info.missing_ranges == {"profile_gender_w1": [{"lo": 99.0, "hi": 99.0}]}
    assert info.variable_measure["profile_gender_w1"] == "nominal"
    assert info.variable_measure["icraft_task_4_w2"] == "ordinal"
    assert info.variable_measure["icraft_task_w2"] == "scale"
    assert back.loc[2, "profile_gender_w1"] == 99  # the code is kept ...
    plain, _ = pyreadstat.read_sav(path)
    assert np.isnan(plain.loc[2, "profile_gender_w1"])  # ... and is missing in SPSS's sense


def test_spss_missing_ranges_for_many_codes(tiny):
    codes = [96, 97, 98, 99]
    tiny["response_scales"][0]["options"] = [
        *[{"value": v, "label": {"en": f"p{v}"}} for v in range(1, 6)],
        *[{"value": c, "label": {"en": f"m{c}"}, "missing": True} for c in codes]]
    cb = codebook([instrument_from_dict(tiny)], 1)
    meta = spss_metadata(cb)
    assert meta["missing_ranges"]["tiny_a_1_w1"] == [{"lo": 96, "hi": 99}]
    assert "tiny_a_w1" not in meta["missing_ranges"]  # scores carry no codes
    # a substantive value between the codes: one range cannot declare them
    tiny["response_scales"][0]["options"].append({"value": 97.5, "label": {"en": "a real answer"}})
    with pytest.raises(DataError, match="would also cover the value"):
        spss_metadata(codebook([instrument_from_dict(tiny)], 1))


def test_spss_refuses_names_that_are_too_long(tiny):
    tiny["items"][0]["id"] = "a_" + "x" * 70
    cb = codebook([instrument_from_dict(tiny)], 1)
    with pytest.raises(DataError, match="longer than SPSS's 64 bytes"):
        spss_metadata(cb)


def test_wave_in_label_can_be_left_out(library):
    meta = spss_metadata(codebook(library, {1: ["icraft"]}), wave_in_label=False)
    assert meta["column_labels"]["icraft_task_1_w1"] == library["icraft"].items[0].text["en"]


@pytest.mark.parametrize("module", [codebook_module, scoring_module, loader_module])
def test_docstring_examples_run(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_reading_a_csv_that_is_not_a_codebook(tmp_path):
    path = tmp_path / "other.csv"
    pd.DataFrame({"variable": ["x"], "label": ["y"]}).to_csv(path, index=False)
    with pytest.raises(DataError, match=r"other\.csv: not a codebook, missing columns: instrument"):
        read_codebook(path)
