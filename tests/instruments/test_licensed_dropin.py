"""A licence holder's published wording dropped in with the same ids.

The test writes a ``wording: licensed`` copy of a bundled instrument whose item texts differ
(placeholders here: craftwave ships no published items) and shows that it scores the same,
gives the same variable names, and carries its own hash, so data say which wording was asked.
"""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest
import yaml

from craftwave.instruments import LIBRARY_DIR, load_instrument, load_library, score
from craftwave.instruments.codebook import codebook

SAME_COLUMNS = ["variable", "instrument", "version", "item_id", "subscale", "wave", "kind",
                "reverse_keyed", "response_scale", "value_labels_text", "level"]


@pytest.fixture
def licensed_dir(tmp_path):
    """A library directory: the bundled files, with icraft replaced by a licensed wording."""
    for path in LIBRARY_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    raw = yaml.safe_load((LIBRARY_DIR / "icraft.yaml").read_text(encoding="utf-8"))
    raw["wording"] = "licensed"
    raw["licence"] = "Used under the licence held by the research team (placeholder for a test)."
    for item in raw["items"]:
        item["text"] = {"en": f"[licensed wording of item {item['id']}]"}
    (tmp_path / "icraft.yaml").write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return tmp_path


def test_drop_in_scores_and_names_alike_with_its_own_hash(licensed_dir):
    bundled = load_library()
    dropped = load_library(licensed_dir)
    ours, theirs = bundled["icraft"], dropped["icraft"]
    assert theirs.wording == "licensed"
    assert [i.text for i in theirs.items] != [i.text for i in ours.items]
    assert theirs.content_hash != ours.content_hash
    assert [i.id for i in theirs.items] == [i.id for i in ours.items]
    # the other instruments are untouched
    assert {k: v.content_hash for k, v in dropped.items() if k != "icraft"} == {
        k: v.content_hash for k, v in bundled.items() if k != "icraft"}

    rng = np.random.default_rng(20261123)
    cols = [f"icraft_{i.id}_w1" for i in ours.items]
    answers = pd.DataFrame(rng.integers(1, 6, size=(40, len(cols))), columns=cols).astype(float)
    answers = answers.mask(rng.random(answers.shape) < 0.15)
    pd.testing.assert_frame_equal(score(answers, theirs, wave=1), score(answers, ours, wave=1))

    waves = {1: ["icraft", "attn"], 2: ["icraft"]}
    cb_ours, cb_theirs = codebook(bundled, waves), codebook(dropped, waves)
    pd.testing.assert_frame_equal(cb_ours[SAME_COLUMNS], cb_theirs[SAME_COLUMNS])
    icraft_rows = cb_theirs.instrument == "icraft"
    assert set(cb_theirs.loc[icraft_rows, "hash"]) == {theirs.content_hash}
    items = cb_theirs.kind == "item"
    assert cb_theirs.loc[items, "label"].str.startswith("[licensed wording").all()


def test_drop_in_loads_alone(licensed_dir):
    inst = load_instrument(licensed_dir / "icraft.yaml")
    assert inst.prefix == "icraft" and inst.scoring == load_instrument(LIBRARY_DIR / "icraft.yaml").scoring


def test_a_study_runs_on_the_drop_in(licensed_dir):
    from craftwave.instruments.study import study_from_dict

    study_def = {
        "id": "dropin",
        "title": {"en": "Drop-in"},
        "consent": {"version": "1", "text": {"en": "You agree."}},
        "waves": [{"number": 1, "pages": [{"id": "p", "blocks": [{"instrument": "icraft"}]}]}],
    }
    bundled, dropped = load_library(), load_library(licensed_dir)
    cb_ours = codebook(bundled, study_from_dict(study_def, library=bundled))
    cb_theirs = codebook(dropped, study_from_dict(study_def, library=dropped))
    assert cb_theirs.variable.tolist() == cb_ours.variable.tolist()
    assert set(cb_theirs.hash) == {dropped["icraft"].content_hash} != set(cb_ours.hash)
