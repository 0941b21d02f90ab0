"""CSV exports: text a spreadsheet would evaluate is neutralised; the export reader restores it."""

from __future__ import annotations

import csv
import json

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from craftwave.analysis.csv_cells import TRIGGERS, neutralise_cell, neutralise_frame, restore_cell
from craftwave.analysis.data import read_export
from craftwave.survey_app.export import write_export
from tests.survey_app.researcher_fixtures import answer_wave, enrol


@given(st.text(alphabet=st.sampled_from(list("'=+-@\t\rab1 ")), max_size=8) | st.text(max_size=8))
def test_neutralise_round_trips_and_never_starts_a_formula(value):
    safe = neutralise_cell(value)
    assert restore_cell(safe) == value
    assert not (safe[:1] and safe[0] in TRIGGERS)


def test_numbers_are_never_touched():
    frame = pd.DataFrame({"score": [-2.0, 3.5], "text": ["-2", "ok"]})
    out = neutralise_frame(frame)
    assert out["score"].tolist() == [-2.0, 3.5] and out["text"].tolist() == ["'-2", "ok"]
    assert frame["text"].tolist() == ["-2", "ok"]  # the input frame is not changed


def test_export_neutralises_hostile_ids_and_the_reader_restores_them(app, rs_study, tmp_path):
    bad = {"-2-3": "prolific", "=1+1": "prolific", "@SUM(A1)": "mturk"}
    good = "5f0c2b7e9a1d4c3b2a1f0e9d"
    pids = {ext: enrol(app, source=src, external_id=ext) for ext, src in bad.items()}
    pids[good] = enrol(app, source="prolific", external_id=good)
    answer_wave(app, pids[good], 1)
    with app.app_context():
        write_export(rs_study, tmp_path / "x", actor="test", with_recruitment_ids=True)
    with open(tmp_path / "x" / "participants.csv", newline="", encoding="utf-8") as fh:
        raw = {row["participant_id"]: row["external_id"] for row in csv.DictReader(fh)}
    for ext in bad:
        assert raw[pids[ext]] == "'" + ext  # a spreadsheet shows it as text
    assert raw[pids[good]] == good  # a well-formed id is written as it is: joins still work
    export = read_export(tmp_path / "x")
    back = dict(zip(export.participants["participant_id"], export.participants["external_id"], strict=True))
    assert {ext: back[pid] for ext, pid in pids.items()} == {ext: ext for ext in pids}
    manifest = json.loads((tmp_path / "x" / "manifest.json").read_text())
    assert manifest["recruitment_ids_malformed"] == len(bad)
