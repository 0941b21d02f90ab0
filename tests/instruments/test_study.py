"""The study schema: the demo file validates; every broken reference is named."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from craftwave.instruments import StudyError, load_library, load_study, study_from_dict
from craftwave.instruments.study import block_items

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo" / "study.yaml"
FROZEN = REPO / "tests" / "survey_app" / "test_study.yaml"  # a fixed design to break on purpose


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load(FROZEN.read_text(encoding="utf-8"))


def broken(raw, edit):
    data = copy.deepcopy(raw)
    edit(data)
    return data


def test_demo_study_validates(library):
    study = load_study(DEMO, library=library)
    assert study.id == "gigpanel-demo"
    assert [w.number for w in study.waves] == [1, 2, 3]
    assert study.waves[1].after_days == 90 and study.waves[1].window_days == 21
    assert set(study.instrument_ids) <= set(library)
    assert {"icraft", "ccraft", "resil", "meaning", "ccommit"} <= set(study.instrument_ids)
    for wave in study.waves:  # every construct at every wave
        asked = {b.instrument for p in wave.pages for b in p.blocks}
        assert {"icraft", "ccraft", "resil", "meaning", "ccommit"} <= asked
    assert study.recruitment.prolific.completion_codes[2] == "C2DEMO02"
    assert study.recruitment.sources == ["prolific", "mturk", "invitation", "public"]
    assert [a.name for a in study.intervention.arms] == ["control", "mentoring_forum"]
    assert study.k_threshold == 10 and study.reminders.max_count == 2
    assert "invitation" in study.email_templates
    assert len(study.content_hash) == 64


def test_block_selects_subscales(library):
    study = load_study(FROZEN, library=library)
    block = study.waves[0].pages[1].blocks[0]
    items = block_items(library["ccraft"], block)
    assert {i.subscale for i in items} == {"task", "resources"}


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["waves"][0]["pages"][0]["blocks"].append({"instrument": "nosuch"}),
     "wave 1: page 'icraft': unknown instrument 'nosuch'"),
    (lambda d: d["waves"][0]["pages"][1]["blocks"][0].update(subscales=["tsak"]),
     "unknown subscale 'tsak' of instrument 'ccraft'"),
    (lambda d: d["waves"][0]["pages"][0]["blocks"][0].update(items=["task_99"]),
     "unknown item 'task_99' of instrument 'icraft'"),
    (lambda d: d["waves"][0]["pages"][0].update(
        attention_checks=[{"instrument": "icraft", "id": "nope"}]),
     "unknown attention check 'nope' of instrument 'icraft'"),
    (lambda d: d["waves"][1].update(number=5), "waves must be numbered 1, 2, ... in order"),
    (lambda d: d["waves"][0].update(after_days=3), "wave 1: after_days must be 0"),
    (lambda d: d["recruitment"]["prolific"]["completion_codes"].pop(3),
     "no completion code for wave(s) [3]"),
    (lambda d: d["eligibility"]["questions"][0].update(eligible=[7]),
     "eligible values [7] are not options"),
    (lambda d: d["waves"][1]["pages"].append(copy.deepcopy(d["waves"][1]["pages"][0])),
     "page id 'icraft' is used 2 times"),
    (lambda d: d["waves"][1]["pages"][1]["blocks"].append({"instrument": "icraft"}),
     "item 'task_1' of instrument 'icraft' is asked 2 times"),
    (lambda d: d["intervention"].update(after_wave=3), "leaves no later wave"),
    (lambda d: d["intervention"].update(seed=7), "'seed' must not be in the study file"),
    (lambda d: d["intervention"].update(primary={"outcome": "resil", "wave": 1}),
     "field 'intervention.primary.wave'"),
    (lambda d: d["intervention"].update(primary={"outcome": "resil", "wave": 4}),
     "primary wave 4 must be after the intervention"),
    (lambda d: d["intervention"].update(primary={"outcome": "stress", "wave": 3}),
     "primary outcome 'stress' is not measured"),
    (lambda d: d.update(languages=["en", "de"]), "missing text for declared language 'de'"),
    (lambda d: d.update(k_threshold=0), "field 'k_threshold'"),
    (lambda d: d.update(colour="blue"), "field 'colour': extra inputs are not permitted"),
])
def test_broken_study_is_named(raw, library, edit, message):
    with pytest.raises(StudyError) as info:
        study_from_dict(broken(raw, edit), library=library, source="study.yaml")
    assert message in str(info.value)
    assert str(info.value).startswith("study.yaml: ")


def test_eligibility_rule(library):
    elig = load_study(DEMO, library=library).eligibility
    assert elig.qualifies({"gig_work": 1, "adult": 1})
    assert not elig.qualifies({"gig_work": 0, "adult": 1})
    assert not elig.qualifies({"gig_work": 1})


def test_unreadable_and_invalid_files(tmp_path, library):
    with pytest.raises(StudyError, match="cannot read"):
        load_study(tmp_path / "missing.yaml", library=library)
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(StudyError, match="not valid YAML"):
        load_study(bad, library=library)
    bad.write_text("- a list", encoding="utf-8")
    with pytest.raises(StudyError, match="mapping"):
        load_study(bad, library=library)


def test_demo_declares_its_primary_contrast_and_its_hash_covers_it(library):
    iv = load_study(DEMO, library=library).intervention
    assert (iv.primary.outcome, iv.primary.wave) == ("resil", 3) and iv.seed is None
    changed = iv.model_copy(update={"primary": iv.primary.model_copy(update={"wave": 2})})
    assert changed.declaration_hash() != iv.declaration_hash()
    assert iv.declaration()["primary"]["wave"] == 3
