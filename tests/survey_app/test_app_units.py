"""Pure functions of the app: arm assignment, tokens, the answers table's columns."""

from __future__ import annotations

import re

import pytest

from craftwave.instruments import load_study
from craftwave.instruments.errors import DataError
from craftwave.survey_app.allocation import draw_block, new_seed
from craftwave.survey_app.export import EXPORT_STATUSES, export_status
from craftwave.survey_app.fieldwork import STATUSES
from craftwave.survey_app.links import derive_token, hash_token, link_keys
from craftwave.survey_app.models import Answer
from craftwave.survey_app.progress import new_pid
from tests.survey_app.app_helpers import DEMO_FILE


def test_permuted_blocks_are_balanced_reproducible_and_vary_in_size():
    iv = load_study(DEMO_FILE).intervention
    seed = new_seed()
    blocks = [draw_block(iv, seed, b) for b in range(1, 200)]
    assert blocks == [draw_block(iv, seed, b) for b in range(1, 200)]
    for block in blocks:
        assert block.count("control") == block.count("crafting_exercise")
    assert {len(b) for b in blocks} == {2, 4, 6}  # random block sizes: the next arm is concealed
    assert len({tuple(b) for b in blocks if len(b) == 4}) > 1
    assert draw_block(iv, new_seed(), 1) is not None and new_seed() != seed


def test_unequal_ratios_keep_their_proportion_in_every_block():
    from craftwave.instruments.study import Arm, Intervention

    iv = Intervention(arms=[Arm(name="a", ratio=2), Arm(name="b", ratio=1)], after_wave=1)
    seed = new_seed()
    for b in range(1, 60):
        block = draw_block(iv, seed, b)
        assert block.count("a") == 2 * block.count("b")


def test_seed_in_the_study_file_is_refused(tmp_path):
    from craftwave.instruments import StudyError

    bad = tmp_path / "seeded.yaml"
    bad.write_text(DEMO_FILE.read_text().replace("  after_wave: 1\n", "  seed: 7\n  after_wave: 1\n"))
    with pytest.raises(StudyError, match="'seed' must not be in the study file"):
        load_study(bad)


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
    assert EXPORT_STATUSES == ("invited", "started", "completed", "screened out", "closed",
                               "missed", "withdrawn")
    exported = {export_status(s) for s in STATUSES}
    assert exported - {None} == set(EXPORT_STATUSES)  # every app status maps into DESIGN's seven
    assert export_status("scheduled") is None and export_status(None) is None
    with pytest.raises(DataError, match="vocabulary"):
        export_status("paused")
