"""The bundled library loads and keeps the rules of the project's wordings."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from craftwave.instruments import LIBRARY_DIR, load_instrument

EXPECTED = {"icraft", "ccraft", "resil", "meaning", "ccommit", "community", "workdesign",
            "sustain", "profile", "attn"}
UNSCORED = {"profile", "attn"}
# Behaviour-frequency scales: "how often did you ..." has no natural reversed wording.
FORWARD_ONLY = {"community"}
STATUS = "not validated; check with craftwave's CFA, invariance and reliability on pilot data"


def _scored(library):
    return [i for i in library.values() if i.scoring is not None]


def test_every_file_loads_and_the_library_is_complete(library):
    assert set(library) == EXPECTED
    assert len(list(LIBRARY_DIR.glob("*.yaml"))) == len(EXPECTED)
    for inst in library.values():
        assert inst.prefix == inst.id
        assert load_instrument(LIBRARY_DIR / f"{inst.id}.yaml").content_hash == inst.content_hash


def test_scored_and_unscored(library):
    assert {i.id for i in _scored(library)} == EXPECTED - UNSCORED
    for iid in UNSCORED:
        assert library[iid].scoring is None


def test_project_wording_with_source_status_and_licence(library):
    for inst in library.values():
        assert inst.wording == "project", inst.id
        assert re.search(r"\((19|20)\d\d|n\.d\.\)", inst.follows.citation), inst.id
        assert inst.follows.dimensions, inst.id
        assert inst.validation_status.startswith("not validated"), inst.id
        assert inst.licence.strip(), inst.id
        assert inst.construct_definition.strip(), inst.id
    for inst in _scored(library):
        assert " ".join(inst.validation_status.split()) == STATUS, inst.id


def test_at_least_three_items_per_subscale(library):
    for inst in _scored(library):
        groups = ([inst.subscale_items(s.id) for s in inst.subscales] if inst.subscales
                  else [inst.scored_items])
        for group in groups:
            assert len(group) >= 3, (inst.id, [i.id for i in group])
        assert inst.scored_items == [i for i in inst.items if i.type == "scale"], inst.id


def test_mixed_keying_where_the_construct_allows(library):
    for inst in _scored(library):
        reverse = set(inst.scoring.reverse)
        if inst.id in FORWARD_ONLY:
            assert not reverse, inst.id
            continue
        assert reverse, f"{inst.id}: no reverse-keyed item"
        # reversed items are a minority overall and never a whole subscale
        assert len(reverse) <= len(inst.scored_items) / 2, inst.id
        for sub in inst.subscales:
            ids = {i.id for i in inst.subscale_items(sub.id)}
            assert ids - reverse, (inst.id, sub.id)


def test_five_or_seven_point_labelled_scales(library):
    for inst in _scored(library) + [library["attn"]]:
        for item in inst.scored_items + list(inst.attention_checks):
            scale = inst.scale_of(item)
            values = scale.substantive_values
            assert len(values) in (5, 7), (inst.id, item.id)
            assert values == list(range(1, len(values) + 1)), (inst.id, scale.id)
            assert all(o.label["en"].strip() for o in scale.options)
            assert scale.level == "ordinal"


def test_item_ids_follow_the_naming_pattern(library):
    for inst in _scored(library):
        if inst.subscales:
            for sub in inst.subscales:
                ids = [i.id for i in inst.subscale_items(sub.id)]
                assert ids == [f"{sub.id}_{n}" for n in range(1, len(ids) + 1)], inst.id
        else:
            assert [i.id for i in inst.items] == [str(n) for n in range(1, len(inst.items) + 1)]


def test_min_items_rules_are_sensible(library):
    for inst in _scored(library):
        rules = inst.scoring
        for sub in inst.subscales:
            n = len(inst.subscale_items(sub.id))
            # at least two answers behind a subscale score, and one item may always be skipped
            assert 2 <= rules.min_items <= n - 1, (inst.id, sub.id)
        if rules.total or not inst.subscales:
            n = len(inst.scored_items)
            need = rules.total_min_items or rules.min_items
            assert n / 2 < need < n, inst.id


def test_no_item_text_is_used_twice(library):
    texts = Counter(i.text["en"].strip().lower() for inst in library.values()
                    for i in [*inst.items, *inst.attention_checks])
    assert [t for t, n in texts.items() if n > 1] == []


def test_profile_questions(library):
    profile = library["profile"]
    by_id = profile.items_by_id
    platforms = [i for i in profile.items if i.id.startswith("platform_")]
    assert len(platforms) >= 5
    for item in platforms:
        scale = profile.scale_of(item)
        assert scale.level == "nominal" and sorted(scale.values) == [0, 1]
    hours = by_id["hours"]
    assert hours.type == "number" and hours.min == 0 and 0 < hours.max <= 168
    assert not hours.required  # may be skipped: a number item has no "prefer not to say"
    for sensitive in ("income_share", "country", "age", "gender"):
        scale = profile.scale_of(by_id[sensitive])
        missing = [o for o in scale.options if o.missing]
        assert [o.value for o in missing] == [99], sensitive
        assert missing[0].label["en"] == "Prefer not to say"
    assert profile.scale_of(by_id["country"]).level == "nominal"
    assert profile.scale_of(by_id["gender"]).level == "nominal"
    assert profile.scale_of(by_id["age"]).level == "ordinal"
    assert "Another country" in [o.label["en"] for o in profile.scale_of(by_id["country"]).options]
    assert profile.scale_of(by_id["tenure"]).level == "ordinal"


def test_attention_checks(library):
    attn = library["attn"]
    assert attn.items == [] and attn.scoring is None
    expected = [c.expected for c in attn.attention_checks]
    assert len(expected) >= 3
    assert len(set(expected)) == len(expected)  # straight-lining on any option fails a check
    scale = attn.scale_of(attn.attention_checks[0])
    for check in attn.attention_checks:
        label = scale.label_of(check.expected)
        assert f'"{label}"' in check.text["en"], check.id  # the text names the expected answer


@pytest.mark.parametrize("iid", sorted(EXPECTED - UNSCORED))
def test_subscale_definitions_and_labels(library, iid):
    inst = library[iid]
    for sub in inst.subscales:
        assert sub.label["en"].strip()
    assert inst.instructions is not None and inst.instructions["en"].strip()
