"""The study's fieldwork fields: default time zone, sending hours, what to do with unknowns."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from craftwave.instruments import StudyError, load_library, study_from_dict

FROZEN = Path(__file__).resolve().parents[2] / "tests" / "survey_app" / "test_study.yaml"


@pytest.fixture(scope="module")
def library():
    return load_library()


def _study(library, **fields):
    data = copy.deepcopy(yaml.safe_load(FROZEN.read_text(encoding="utf-8")))
    data.update(fields)
    return study_from_dict(data, library=library, source="study.yaml")


def test_defaults(library):
    study = _study(library)
    assert (study.timezone, study.sending_hours, study.on_unknown) == ("UTC", "09:00-20:00", "hold")


def test_valid_values_are_kept(library):
    study = _study(library, timezone="America/St_Johns", sending_hours="00:00-24:00",
                   on_unknown="resend")
    assert (study.timezone, study.sending_hours, study.on_unknown) == (
        "America/St_Johns", "00:00-24:00", "resend")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("timezone", "Mars/Olympus", "(?i)not an IANA time zone"),
    ("timezone", "../../etc/passwd", "(?i)not an IANA time zone"),
    ("sending_hours", "9-20", "sending_hours"),
    ("sending_hours", "20:00-09:00", "the start must come before the end"),
    ("on_unknown", "maybe", "on_unknown"),
])
def test_bad_values_are_named(library, field, value, message):
    with pytest.raises(StudyError, match=message):
        _study(library, **{field: value})
