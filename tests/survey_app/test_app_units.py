"""Pure functions of the app: arm assignment, tokens, the answers table's columns."""

from __future__ import annotations

import re

import pytest

from craftwave.instruments import load_study
from craftwave.instruments.errors import DataError
from craftwave.survey_app.export import EXPORT_STATUSES, export_status
from craftwave.survey_app.fieldwork import STATUSES
from craftwave.survey_app.links import derive_token, hash_token, link_keys
from craftwave.survey_app.models import Answer
from craftwave.survey_app.progress import assign_arm, new_pid
from tests.survey_app.app_helpers import DEMO_FILE


def test_block_randomisation_is_balanced_and_reproducible():
    study = load_study(DEMO_FILE)
    arms = [assign_arm(study, i) for i in range(40)]
    assert arms == [assign_arm(study, i) for i in range(40)]
    for b in range(20):
        assert sorted(arms[2 * b: 2 * b + 2]) == ["control", "crafting_exercise"]
    assert len(set(map(tuple, (arms[i:i + 2] for i in range(0, 40, 2))))) == 2


def test_tokens_are_long_keyed_and_ids_pseudonymous():
    link_key, lookup_key = link_keys({"SECRET_KEY": "k1"})
    tokens = {derive_token(link_key, "s", new_pid(), 1) for _ in range(200)}
    assert len(tokens) == 200
    assert all(len(t) == 43 and re.fullmatch(r"[A-Za-z0-9_-]+", t) for t in tokens)  # 256 bits
    # another generation, study or key gives another token; the stored hash is not the token
    assert derive_token(link_key, "s", "p1", 1) != derive_token(link_key, "s", "p1", 2)
    assert derive_token(link_key, "s", "p1", 1) != derive_token(link_key, "t", "p1", 1)
    assert derive_token(link_key, "s", "p1", 1) != derive_token(link_keys({"SECRET_KEY": "k2"})[0],
                                                                "s", "p1", 1)
    # a separate link key wins over the secret key
    assert link_keys({"SECRET_KEY": "k1", "LINK_KEY": "L"}) == link_keys({"SECRET_KEY": "k2", "LINK_KEY": "L"})
    t = derive_token(link_key, "s", "p1", 1)
    assert hash_token(lookup_key, t) != hash_token(link_key, t) and t not in hash_token(lookup_key, t)
    pids = {new_pid() for _ in range(200)}
    assert len(pids) == 200 and all(p.startswith("p") and len(p) == 17 for p in pids)


def test_answers_table_holds_no_ip_or_contact():
    cols = {c.name for c in Answer.__table__.columns}
    assert cols == {"id", "participant_id", "wave", "instrument_id", "instrument_version",
                    "instrument_hash", "item_id", "value", "page", "submitted_at"}


def test_export_statuses_are_designs_vocabulary():
    assert EXPORT_STATUSES == ("invited", "started", "completed", "screened out", "closed")
    exported = {export_status(s) for s in STATUSES}
    assert exported - {None} == set(EXPORT_STATUSES)  # every app status maps into DESIGN's five
    assert export_status("scheduled") is None and export_status(None) is None
    with pytest.raises(DataError, match="vocabulary"):
        export_status("paused")
