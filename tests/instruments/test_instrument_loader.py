"""Every rule of the instrument loader, each with the message a researcher sees."""

from __future__ import annotations

import re

import pytest

from craftwave.instruments import (
    Instrument,
    InstrumentError,
    instrument_from_dict,
    load_instrument,
    load_library,
)


def _set(path: str, value):
    """A change that sets ``d[a][b]...`` (integers index lists)."""

    def change(d: dict) -> None:
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        target = d
        for k in keys[:-1]:
            target = target[k]
        target[keys[-1]] = value

    return change


def _drop(path: str):
    def change(d: dict) -> None:
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        target = d
        for k in keys[:-1]:
            target = target[k]
        del target[keys[-1]]

    return change


def _append(key: str, entry):
    return lambda d: d[key].append(entry)


CASES = {
    "unknown subscale": (
        _set("items.1.subscale", "aa"),
        "item 'a_2': unknown subscale 'aa' (declared: a, b)",
    ),
    "duplicate item id": (
        _set("items.4.id", "b_1"),
        "item 'b_1': duplicate item id (used 2 times)",
    ),
    "attention check id clashes with an item": (
        _set("attention_checks.0.id", "a_1"),
        "item 'a_1': duplicate item id (used 2 times)",
    ),
    "reverse key on unknown item": (
        _set("scoring.reverse", ["a_3", "b_9"]),
        "scoring: reverse key on unknown item 'b_9'",
    ),
    "reverse key on a number item": (
        lambda d: (d["items"].append({"id": "n", "type": "number", "min": 0, "max": 9,
                                      "text": {"en": "how many"}}),
                   d["scoring"]["reverse"].append("n")),
        "scoring: reverse key on item 'n', which is not a scale item",
    ),
    "expected answer outside the scale": (
        _set("attention_checks.0.expected", 6),
        "attention check 'check': expected answer 6 is outside the scale 'agree5' (values [1, 2, 3, 4, 5])",
    ),
    "expected answer is a missing code": (
        _set("attention_checks.0.expected", 99),
        "attention check 'check': expected answer 99 is outside the scale 'agree5'",
    ),
    "attention check on an unknown scale": (
        _set("attention_checks.0.scale", "agree7"),
        "attention check 'check': unknown or missing response scale",
    ),
    "missing text for a declared language (item)": (
        _set("languages", ["en", "de"]),
        "item 'a_1': missing text for declared language 'de'",
    ),
    "missing text for a declared language (option label)": (
        _set("languages", ["en", "de"]),
        "response scale 'agree5': option 1: missing text for declared language 'de'",
    ),
    "missing text for a declared language (title)": (
        _set("title", {"en": "  "}),
        "title: missing text for declared language 'en'",
    ),
    "missing text for a declared language (subscale)": (
        _set("subscales.1.label", {"en": ""}),
        "subscale 'b': missing text for declared language 'en'",
    ),
    "unknown response scale": (
        _set("items.0.scale", "agree7"),
        "item 'a_1': unknown response scale 'agree7'",
    ),
    "no response scale at all": (
        _drop("default_scale"),
        "item 'a_1': no response scale (set 'scale' or the instrument's default_scale)",
    ),
    "unknown default scale": (
        _set("default_scale", "freq5"),
        "default_scale 'freq5' is not a declared response scale",
    ),
    "number item without bounds": (
        _append("items", {"id": "hours", "type": "number", "min": 0, "text": {"en": "hours"}}),
        "item 'hours': a number item needs both min and max",
    ),
    "number item with min not below max": (
        _append("items", {"id": "hours", "type": "number", "min": 5, "max": 5, "text": {"en": "h"}}),
        "item 'hours': min 5.0 is not below max 5.0",
    ),
    "number item with a response scale": (
        _append("items", {"id": "hours", "type": "number", "min": 0, "max": 80, "scale": "agree5",
                          "text": {"en": "h"}}),
        "item 'hours': a number item takes min/max, not a response scale ('agree5')",
    ),
    "scale item with bounds": (
        _set("items.0.max", 3),
        "item 'a_1': min/max apply to number items; a scale item takes its options",
    ),
    "response scale defined twice": (
        lambda d: d["response_scales"].append(dict(d["response_scales"][0])),
        "response scale 'agree5' is defined 2 times",
    ),
    "option value used twice": (
        _set("response_scales.0.options.1.value", 1),
        "response scale 'agree5': value 1 is used by 2 options",
    ),
    "every option missing": (
        lambda d: d["response_scales"].append(
            {"id": "nothing", "options": [{"value": 8, "label": {"en": "x"}, "missing": True},
                                          {"value": 9, "label": {"en": "y"}, "missing": True}]}),
        "response scale 'nothing': every option is marked missing",
    ),
    "subscale declared twice": (
        _append("subscales", {"id": "a", "label": {"en": "again"}}),
        "subscale 'a' is declared 2 times",
    ),
    "subscale without items": (
        _append("subscales", {"id": "c", "label": {"en": "empty"}}),
        "subscale 'c' has no items",
    ),
    "min_items above a subscale's items": (
        _set("scoring.min_items", 4),
        "subscale 'a': scoring.min_items = 4 exceeds its 3 items",
    ),
    "total_min_items above the scored items": (
        _set("scoring.total_min_items", 7),
        "scoring: the whole scale needs 7 answered items (total_min_items/min_items) but has only 6",
    ),
    "scoring without items": (
        lambda d: (d.update(items=[], subscales=[]), d["scoring"].update(reverse=[])),
        "scoring is declared but no item can be scored",
    ),
    "missing required field": (
        _drop("version"),
        "field 'version': field required",
    ),
    "unknown field": (
        _set("colour", "blue"),
        "field 'colour': extra inputs are not permitted",
    ),
    "bad wording value": (
        _set("wording", "borrowed"),
        "field 'wording': input should be 'project', 'licensed' or 'own'",
    ),
    "item field of the wrong type": (
        _set("items.2.required", "perhaps"),
        "item 'a_3': field 'required': input should be a valid boolean",
    ),
    "item id breaking the pattern": (
        _set("items.0.id", "A 1"),
        "item 'A 1': field 'id': string should match pattern",
    ),
    "item without an id": (
        _drop("items.0.id"),
        "item #1: field 'id': field required",
    ),
    "min_items below one": (
        _set("scoring.min_items", 0),
        "field 'scoring.min_items': input should be greater than or equal to 1",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_each_rule_names_file_item_and_problem(case, tiny, write_yaml):
    change, message = CASES[case]
    change(tiny)
    path = write_yaml(tiny, name="broken.yaml")
    with pytest.raises(InstrumentError) as info:
        load_instrument(path)
    text = str(info.value)
    assert text.startswith("broken.yaml: "), text
    assert message in text, text
    # every line of a multi-problem message names the file
    assert all(line.startswith("broken.yaml: ") for line in text.splitlines())


def test_the_fixture_itself_is_valid(tiny):
    inst = instrument_from_dict(tiny, source="tiny")
    assert isinstance(inst, Instrument)
    assert [s.id for s in inst.subscales] == ["a", "b"]


def test_several_problems_are_reported_together(tiny, write_yaml):
    tiny["items"][0]["subscale"] = "zz"
    tiny["scoring"]["reverse"].append("nope")
    with pytest.raises(InstrumentError) as info:
        load_instrument(write_yaml(tiny))
    lines = str(info.value).splitlines()
    assert any("unknown subscale 'zz'" in line for line in lines)
    assert any("reverse key on unknown item 'nope'" in line for line in lines)


def test_bad_yaml(write_yaml):
    path = write_yaml("id: x\nitems: [a, b\n", name="mangled.yaml")
    with pytest.raises(InstrumentError, match=r"^mangled\.yaml: not valid YAML"):
        load_instrument(path)


def test_yaml_that_is_not_a_mapping(write_yaml):
    with pytest.raises(InstrumentError, match=r"^list\.yaml: the file must hold a mapping of fields, not list"):
        load_instrument(write_yaml("- a\n- b\n", name="list.yaml"))


def test_missing_file(tmp_path):
    with pytest.raises(InstrumentError, match=r"^absent\.yaml: cannot read the file"):
        load_instrument(tmp_path / "absent.yaml")


def test_library_rejects_an_id_defined_twice(tiny, write_yaml):
    write_yaml(tiny, name="one.yaml")
    tiny["prefix"] = "other"
    path = write_yaml(tiny, name="two.yaml")
    with pytest.raises(InstrumentError, match=re.escape("two.yaml: instrument id 'tiny' is defined twice")):
        load_library(path.parent)


def test_library_rejects_a_shared_prefix(tiny, write_yaml):
    write_yaml(tiny, name="one.yaml")
    tiny["id"] = "tiny_copy"
    path = write_yaml(tiny, name="two.yaml")
    with pytest.raises(InstrumentError, match="prefix used by more than one instrument: tiny"):
        load_library(path.parent)


def test_a_bad_file_in_a_library_is_named(tiny, write_yaml):
    write_yaml(tiny, name="good.yaml")
    tiny["id"] = "other"
    tiny["prefix"] = "other"
    tiny["items"][0]["subscale"] = "zz"
    path = write_yaml(tiny, name="worse.yaml")
    with pytest.raises(InstrumentError, match=r"^worse\.yaml: item 'a_1': unknown subscale 'zz'"):
        load_library(path.parent)
