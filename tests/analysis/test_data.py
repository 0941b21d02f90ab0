"""Data in: the export reader, long <-> wide, scoring every instrument, errors that name things."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.data import (
    item_columns,
    item_matrix,
    long_to_wide,
    manifest_hashes,
    numeric_items,
    read_data,
    read_export,
    score_all,
    sha256_file,
    verify_export,
    waves_in,
    wide_to_long,
)
from craftwave.instruments import DataError, load_library, score
from craftwave.instruments.names import item_var

LIB = load_library()
ICRAFT = LIB["icraft"]


def make_wide(rng: np.random.Generator, n: int = 30, waves=(1, 2)) -> pd.DataFrame:
    cols: dict[str, object] = {"participant_id": [f"p{i:02d}" for i in range(n)]}
    for w in waves:
        for item in ICRAFT.items:
            cols[item_var("icraft", item.id, w)] = rng.integers(1, 6, size=n)
    return pd.DataFrame(cols)


def write_export(directory, wide: pd.DataFrame) -> None:
    """A small export directory as ``craftwave export`` lays it out, with its manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    long = wide_to_long(wide, LIB)
    long["page"] = 1
    long["submitted_at"] = "2026-03-01T10:00:00+00:00"
    long.to_csv(directory / "answers_long.csv", index=False)
    wide.to_csv(directory / "wide.csv", index=False)
    timings = pd.DataFrame({"participant_id": wide["participant_id"], "wave": 1, "page": 1,
                            "shown_at": "2026-03-01T09:58:00+00:00",
                            "submitted_at": "2026-03-01T10:00:00+00:00", "n_items": 10})
    timings.to_csv(directory / "page_timings.csv", index=False)
    files = {name: {"sha256": sha256_file(directory / name), "rows": rows}
             for name, rows in [("answers_long.csv", len(long)), ("wide.csv", len(wide)),
                                ("page_timings.csv", len(timings))]}
    manifest = {"study_id": "demo", "craftwave_version": "0.1.0", "files": files}
    (directory / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def wide() -> pd.DataFrame:
    return make_wide(np.random.default_rng(41))


# -- the export directory ----------------------------------------------------------------------

def test_export_round_trip(tmp_path, wide):
    write_export(tmp_path / "exp", wide)
    export = read_export(tmp_path / "exp")
    pd.testing.assert_frame_equal(export.wide, wide)
    assert export.participants is None
    assert len(export.answers_long) == 30 * 10 * 2
    pd.testing.assert_frame_equal(long_to_wide(export.answers_long, LIB), wide,
                                  check_dtype=False)
    pd.testing.assert_frame_equal(read_data(tmp_path / "exp"), wide)
    assert export.page_timings["n_items"].tolist() == [10] * 30


def test_a_changed_byte_fails_the_hash(tmp_path, wide):
    write_export(tmp_path / "exp", wide)
    path = tmp_path / "exp" / "wide.csv"
    raw = bytearray(path.read_bytes())
    i = raw.index(b"\n") + 5
    raw[i] = ord("9") if raw[i] != ord("9") else ord("8")
    path.write_bytes(bytes(raw))
    with pytest.raises(DataError, match="'wide.csv' does not match its sha256"):
        read_export(tmp_path / "exp")
    assert read_export(tmp_path / "exp", verify=False).wide is not None


def test_missing_file_and_missing_manifest(tmp_path, wide):
    write_export(tmp_path / "exp", wide)
    (tmp_path / "exp" / "page_timings.csv").unlink()
    with pytest.raises(DataError, match="'page_timings.csv' is listed in the manifest but missing"):
        verify_export(tmp_path / "exp")
    (tmp_path / "exp" / "manifest.json").unlink()
    with pytest.raises(DataError, match="no manifest.json"):
        read_export(tmp_path / "exp")


def test_manifest_names_stay_inside_the_export(tmp_path, wide):
    write_export(tmp_path / "exp", wide)
    (tmp_path / "exp" / "manifest.json").write_text(
        json.dumps({"files": {"../secret.csv": "00"}}), encoding="utf-8")
    with pytest.raises(DataError, match="points outside the export directory"):
        read_export(tmp_path / "exp")


@pytest.mark.parametrize("shape", [
    lambda h: {"files": {"a.csv": h}},
    lambda h: {"files": {"a.csv": {"sha256": h, "rows": 3}}},
    lambda h: {"files": [{"name": "a.csv", "sha256": h}]},
    lambda h: {"sha256": {"a.csv": h}},
])
def test_manifest_shapes(shape):
    assert manifest_hashes(shape("ABC")) == {"a.csv": "abc"}


# -- long <-> wide -----------------------------------------------------------------------------

def test_wide_to_long_to_wide(wide):
    long = wide_to_long(wide, LIB)
    assert list(long.columns[:7]) == ["participant_id", "wave", "instrument_id",
                                      "instrument_version", "instrument_hash", "item_id", "value"]
    assert set(long["item_id"]) == {i.id for i in ICRAFT.items}
    assert (long["instrument_hash"] == ICRAFT.short_hash).all()
    back = long_to_wide(long, LIB)
    pd.testing.assert_frame_equal(back, wide, check_dtype=False)


def test_long_csv_is_read_as_wide(tmp_path, wide):
    path = tmp_path / "answers_long.csv"
    wide_to_long(wide, LIB).to_csv(path, index=False)
    pd.testing.assert_frame_equal(read_data(path, instruments=LIB), wide, check_dtype=False)


def test_long_to_wide_errors_name_the_row(wide):
    long = wide_to_long(wide, LIB)
    bad = long.copy()
    bad.loc[3, "instrument_id"] = "nosuch"
    with pytest.raises(DataError, match="row 3: unknown instrument_id 'nosuch'"):
        long_to_wide(bad, LIB)
    dup = pd.concat([long, long.iloc[[5]]], ignore_index=True)
    with pytest.raises(DataError, match=f"row {len(long)}: a second answer of participant"):
        long_to_wide(dup, LIB)
    bad = long.copy()
    bad["wave"] = bad["wave"].astype(float)
    bad.loc[2, "wave"] = 1.5
    with pytest.raises(DataError, match="row 2: wave 1.5"):
        long_to_wide(bad, LIB)


# -- items of an instrument, scoring -----------------------------------------------------------

def test_item_columns_and_waves(wide):
    assert waves_in(wide.columns, ICRAFT) == [1, 2]
    assert item_columns(wide.columns, ICRAFT, 2, "relational") == [
        "icraft_relational_1_w2", "icraft_relational_2_w2", "icraft_relational_3_w2"]
    assert item_columns(wide.columns, ICRAFT, 3) == []
    with pytest.raises(DataError, match="no subscale 'social'"):
        item_columns(wide.columns, ICRAFT, 1, "social")


def test_item_matrix_reverses_through_the_instrument(wide):
    m = item_matrix(wide, ICRAFT, 1, "task")
    assert (m["icraft_task_4_w1"] == 6 - wide["icraft_task_4_w1"]).all()
    assert (m["icraft_task_1_w1"] == wide["icraft_task_1_w1"]).all()


def test_score_all_is_instruments_score_at_every_wave(wide):
    scores = score_all(wide, LIB)
    want = pd.concat([score(wide, ICRAFT, 1), score(wide, ICRAFT, 2)], axis=1)
    pd.testing.assert_frame_equal(scores.drop(columns="participant_id"), want)
    assert list(score_all(wide, LIB, waves=[2]).columns) == [
        "participant_id", "icraft_task_w2", "icraft_relational_w2", "icraft_cognitive_w2",
        "icraft_w2"]


# -- checks --------------------------------------------------------------------------------------

def test_numeric_items_errors():
    d = pd.DataFrame({"a": [1, 2, 3, 4], "b": [2, 2, 2, 2], "c": [1, None, 3, "x"],
                      "d": [np.nan] * 4, "e": [4, 3, 2, 1]})
    with pytest.raises(DataError, match="unknown variable.*'z'"):
        numeric_items(d, ["a", "z"])
    with pytest.raises(DataError, match="column 'b' is constant"):
        numeric_items(d, ["a", "b"])
    with pytest.raises(DataError, match="column 'c': non-numeric value 'x' in row 3"):
        numeric_items(d, ["a", "c"])
    with pytest.raises(DataError, match="column 'd' is empty"):
        numeric_items(d, ["a", "d"])
    with pytest.raises(DataError, match="variable 'a' is listed twice"):
        numeric_items(d, ["a", "a"])
    with pytest.raises(DataError, match="the test needs at least 5 complete cases; the data have 4"):
        numeric_items(d, ["a", "e"], min_cases=5, purpose="the test")
    assert numeric_items(d, ["a", "e"]).dtypes.tolist() == [float, float]
