"""Pure functions of the app: arm assignment, tokens, the answers table's columns."""

from __future__ import annotations

import pytest

from craftwave.instruments import load_study
from craftwave.instruments.errors import DataError
from craftwave.survey_app.export import EXPORT_STATUSES, export_status
from craftwave.survey_app.fieldwork import STATUSES
from craftwave.survey_app.models import Answer
from craftwave.survey_app.progress import assign_arm, new_pid, new_token
from tests.survey_app.app_helpers import DEMO_FILE


def test_block_randomisation_is_balanced_and_reproducible():
    study = load_study(DEMO_FILE)
    arms = [assign_arm(study, i) for i in range(40)]
    assert arms == [assign_arm(study, i) for i in range(40)]
    for b in range(20):
        assert sorted(arms[2 * b: 2 * b + 2]) == ["control", "crafting_exercise"]
    assert len(set(map(tuple, (arms[i:i + 2] for i in range(0, 40, 2))))) == 2


def test_tokens_are_long_random_and_ids_pseudonymous():
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(len(t) == 32 for t in tokens)  # 24 bytes = 192 bits, URL-safe base64
    pids = {new_pid() for _ in range(200)}
    assert len(pids) == 200 and all(p.startswith("p") and len(p) == 17 for p in pids)


def test_answers_table_holds_no_ip_or_contact():
    cols = {c.name for c in Answer.__table__.columns}
    assert cols == {"id", "participant_id", "wave", "instrument_id", "instrument_version",
                    "instrument_hash", "item_id", "value", "page", "submitted_at"}


def test_export_statuses_are_designs_vocabulary():
    assert EXPORT_STATUSES == ("invited", "started", "completed", "screened out", "closed",
                               "missed", "withdrawn")
    exported = {export_status(s) for s in STATUSES}
    assert exported - {None} == set(EXPORT_STATUSES)  # every app status maps into DESIGN's seven
    assert export_status("scheduled") is None and export_status(None) is None
    with pytest.raises(DataError, match="vocabulary"):
        export_status("paused")
