"""The export directory: files and columns, SPSS round trip, manifest, deletion, recruitment ids."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import numpy as np
import pandas as pd
import pyreadstat
import pytest
from click.testing import CliRunner

from craftwave.instruments.codebook import read_codebook
from craftwave.instruments.errors import DataError
from craftwave.survey_app.export import FILES, write_export
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Answer, Participant
from tests.survey_app.app_helpers import BACKENDS
from tests.survey_app.researcher_fixtures import answer_wave, enrol, join


@pytest.fixture
def seeded(app, rs_study):
    """Four participants: one says "prefer not to say", one deleted, one partial, one with ids."""
    clock = app.config["CLOCK"]
    ppl = {}
    ppl["private"] = enrol(app, email="private@example.org")
    ppl["full"] = enrol(app, email="full@example.org", source="prolific", external_id="PROLIFIC123")
    ppl["partial"] = enrol(app, email="partial@example.org")
    ppl["deleted"] = enrol(app, email="deleted@example.org")

    def private(q, i):
        if q.is_check:
            return q.item.expected
        if q.instrument.id == "profile" and q.item_id in ("income_share", "age"):
            return 99  # prefer not to say
        return q.scale.substantive_values[(i * 3) % len(q.scale.substantive_values)]

    answers = {"private": answer_wave(app, ppl["private"], 1, value_for=private)}
    answers["full"] = answer_wave(app, ppl["full"], 1)
    answers["partial"] = answer_wave(app, ppl["partial"], 1, pages=1)
    answer_wave(app, ppl["deleted"], 1)
    clock.advance(days=31)
    answers["full"].update(answer_wave(app, ppl["full"], 2))
    from craftwave.survey_app.progress import withdraw
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == ppl["deleted"])).scalar_one()
        withdraw(p, "delete", clock())
        db.session.commit()
    return ppl, answers


def _export(app, out, **kw):
    with app.app_context():
        return write_export("rs-study", out, actor="test", **kw)


def test_files_and_columns_are_as_the_design_says(app, seeded, tmp_path):
    ppl, _ = seeded
    result = _export(app, tmp_path / "out")
    out = result.directory
    assert sorted(p.name for p in out.iterdir()) == sorted([*FILES, "manifest.json"])
    long = pd.read_csv(out / "answers_long.csv", dtype={"participant_id": str})
    assert list(long.columns) == ["participant_id", "wave", "instrument_id", "instrument_version",
                                  "instrument_hash", "item_id", "value", "page", "submitted_at"]
    timings = pd.read_csv(out / "page_timings.csv")
    assert list(timings.columns) == ["participant_id", "wave", "page", "shown_at", "submitted_at", "n_items"]
    parts = pd.read_csv(out / "participants.csv")
    assert {"participant_id", "source", "arm", "status_w1", "status_w2", "withdrawal"} <= set(parts.columns)
    assert set(parts["timezone"]) == {"UTC"}  # nobody gave a zone: the study's default
    assert "external_id" not in parts.columns and "recruitment" not in parts.columns
    # the deleted participant is absent everywhere; no email anywhere
    for name in FILES + ("manifest.json",):
        blob = (out / name).read_bytes()
        assert ppl["deleted"].encode() not in blob, name
        assert b"@example.org" not in blob, name
    assert set(long.participant_id) == {ppl["private"], ppl["full"], ppl["partial"]}
    status = parts.set_index("participant_id")
    assert status.loc[ppl["full"], ["status_w1", "status_w2"]].tolist() == ["completed", "completed"]
    assert status.loc[ppl["partial"], "status_w1"] == "started"
    assert status.loc[ppl["private"], "status_w2"] == "invited"  # due 30 days after wave 1
    # long rows = the stored answers of the exported participants
    with app.app_context():
        n = db.session.execute(db.select(db.func.count()).select_from(Answer).join(Participant)
                               .where(Participant.pid.in_([ppl["private"], ppl["full"], ppl["partial"]]))
                               ).scalar_one()
    assert len(long) == n == result.manifest["rows"]["answers_long.csv"]


def test_wide_and_scores_follow_the_codebook_and_the_scoring_rules(app, seeded, tmp_path):
    ppl, answers = seeded
    out = _export(app, tmp_path / "out").directory
    cb = read_codebook(out / "codebook.csv")
    wide = pd.read_csv(out / "wide.csv", dtype={"participant_id": str}).set_index("participant_id")
    items = cb.loc[cb.kind.isin(["item", "attention check"]), "variable"].tolist()
    assert list(wide.columns) == items
    assert "icraft_task_1_w1" in items and "attn_1_w1" in items and "profile_age_w1" in items
    for who, given in answers.items():
        for var, value in given.items():
            assert wide.loc[ppl[who], var] == value, (who, var)
    scores = pd.read_csv(out / "scores.csv", dtype={"participant_id": str}).set_index("participant_id")
    assert list(scores.columns) == cb.loc[cb.kind.str.endswith("score"), "variable"].tolist()
    a = answers["full"]
    task = np.mean([a["icraft_task_1_w1"], a["icraft_task_2_w1"], a["icraft_task_3_w1"],
                    6 - a["icraft_task_4_w1"]])  # task_4 is reverse keyed on 1..5
    assert scores.loc[ppl["full"], "icraft_task_w1"] == pytest.approx(task)
    assert np.isnan(scores.loc[ppl["private"], "icraft_task_w2"])


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_sav_round_trip_values_labels_and_user_missing(app, seeded, tmp_path):
    ppl, answers = seeded
    out = _export(app, tmp_path / "out").directory
    df, meta = pyreadstat.read_sav(str(out / "study.sav"), user_missing=True)
    df = df.set_index("participant_id")
    # every stored answer comes back with its own code, "prefer not to say" (99) included
    with app.app_context():
        stored = db.session.execute(
            db.select(Participant.pid, Answer.instrument_id, Answer.item_id, Answer.wave, Answer.value)
            .join(Participant).where(Participant.withdrawal != "delete")).all()
    from craftwave.instruments import load_library
    from craftwave.instruments.names import item_var
    lib = load_library()
    for pid, inst, item, wave, value in stored:
        assert df.loc[pid, item_var(lib[inst].prefix, item, wave)] == value
    assert df.loc[ppl["private"], "profile_income_share_w1"] == 99
    # labels from the codebook
    cb = read_codebook(out / "codebook.csv").set_index("variable")
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    assert labels["icraft_task_1_w1"] == f"[w1] {cb.loc['icraft_task_1_w1', 'label']}"
    vl = meta.variable_value_labels
    assert vl["icraft_task_1_w1"] == {float(k): v for k, v in cb.loc["icraft_task_1_w1", "value_labels"].items()}
    assert vl["profile_income_share_w1"][99.0] == "Prefer not to say"
    # 99 is user-missing, never a value on the scale
    assert meta.missing_ranges["profile_income_share_w1"] == [{"lo": 99.0, "hi": 99.0}]
    assert "icraft_task_1_w1" not in meta.missing_ranges
    plain, _ = pyreadstat.read_sav(str(out / "study.sav"))  # user-missing read as missing
    assert np.isnan(plain.set_index("participant_id").loc[ppl["private"], "profile_income_share_w1"])
    assert "icraft_w1" in df.columns  # scores travel in the .sav too


def test_manifest_hashes_verify_and_analysis_reads_the_export(app, seeded, tmp_path):
    result = _export(app, tmp_path / "out")
    out, manifest = result.directory, result.manifest
    assert manifest["study_id"] == "rs-study" and manifest["recruitment_ids"] is False
    assert set(manifest["instruments"]) == {"icraft", "attn", "profile"}
    for name, entry in manifest["files"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == entry["sha256"]
    assert json.loads((out / "manifest.json").read_text()) == manifest
    from craftwave.analysis import read_export
    from craftwave.analysis.data import verify_export
    from craftwave.reports import load_export
    export = read_export(out)
    assert len(export.wide) == manifest["rows"]["wide.csv"]
    # the reports read the same files the same way (DESIGN: one export, one reader)
    report_data = load_export(out)
    assert report_data.participants.equals(export.participants)
    assert report_data.waves == [1, 2]
    assert set(report_data.status(1).dropna()) <= {"invited", "started", "completed",
                                                   "screened out", "closed"}
    (out / "wide.csv").write_text("tampered\n")
    with pytest.raises(DataError, match="does not match its sha256"):
        verify_export(out)
    with pytest.raises(DataError, match="does not match its sha256"):
        load_export(out)


def test_recruitment_ids_only_when_asked(app, seeded, tmp_path):
    ppl, _ = seeded
    out = _export(app, tmp_path / "ids", with_recruitment_ids=True).directory
    parts = pd.read_csv(out / "participants.csv").set_index("participant_id")
    assert parts.loc[ppl["full"], "external_id"] == "PROLIFIC123"
    assert json.loads(parts.loc[ppl["full"], "recruitment"]) == {"note": "x"}
    plain = _export(app, tmp_path / "plain").directory
    assert b"PROLIFIC123" not in b"".join((plain / n).read_bytes() for n in FILES)


def test_export_refuses_a_non_empty_directory_and_is_audited(app, seeded, tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "x.txt").write_text("x")
    with pytest.raises(Exception, match="must be new or empty"):
        _export(app, tmp_path / "busy")
    _export(app, tmp_path / "ok")
    from craftwave.survey_app.models.researcher import AuditEntry
    with app.app_context():
        entries = db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "export")).scalars().all()
    assert [(e.actor, e.study_id) for e in entries] == [("test", "rs-study")]


def test_download_zip_is_authenticated_and_audited(app, seeded, analyst_client, client):
    join(app)
    assert client.get("/researcher/study/rs-study/export.zip").status_code == 302
    resp = analyst_client.get("/researcher/study/rs-study/export.zip")
    assert resp.status_code == 200 and resp.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(resp.data)) as zf:
        names = sorted(n.split("/", 1)[1] for n in zf.namelist())
        manifest = json.loads(zf.read("rs-study/manifest.json"))
        for name, entry in manifest["files"].items():
            assert hashlib.sha256(zf.read(f"rs-study/{name}")).hexdigest() == entry["sha256"]
    assert names == sorted([*FILES, "manifest.json"])
    from craftwave.survey_app.models.researcher import AuditEntry
    with app.app_context():
        (entry,) = db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "export")).scalars()
    assert entry.actor == "analyst@example.org"


def test_cli_export(app, seeded, tmp_path, monkeypatch):
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    from craftwave.cli import main
    res = CliRunner().invoke(main, ["export", "--study", "rs-study", "--out", str(tmp_path / "e"),
                                    "--with-recruitment-ids"])
    assert res.exit_code == 0, res.output
    assert "3 participants" in res.output
    assert json.loads((tmp_path / "e" / "manifest.json").read_text())["recruitment_ids"] is True
    res = CliRunner().invoke(main, ["export", "--study", "nope", "--out", str(tmp_path / "f")])
    assert res.exit_code == 2 and "no study 'nope'" in res.output


def test_export_carries_the_study_file_as_loaded(app, seeded, tmp_path):
    from craftwave.analysis.data import read_export
    from craftwave.survey_app.models import StudyRecord

    out = _export(app, tmp_path / "out").directory
    with app.app_context():
        record = db.session.get(StudyRecord, "rs-study")
        source, study_hash = record.source_yaml, record.content_hash
    assert (out / "study.yaml").read_text(encoding="utf-8") == source
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["study_hash"] == study_hash
    assert manifest["files"]["study.yaml"]["sha256"] == hashlib.sha256(source.encode()).hexdigest()
    export = read_export(out)
    assert export.study["id"] == "rs-study"
    (out / "study.yaml").write_text(source + "\n# changed\n", encoding="utf-8")
    with pytest.raises(DataError, match="study.yaml"):
        read_export(out)  # the manifest's hash protects it like every other file
