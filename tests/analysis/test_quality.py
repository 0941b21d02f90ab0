"""Careless-responding indices on constructed data where the answer is known."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.analysis.data import wide_to_long
from craftwave.analysis.quality import (
    INDEX_COLUMNS,
    QualityPolicy,
    quality_flags,
    seconds_per_item,
)
from craftwave.cli import main
from craftwave.instruments import DataError, instrument_from_dict, load_library
from craftwave.instruments.names import item_var

LIB = load_library()
DEMO_STUDY = Path(__file__).resolve().parents[2] / "data" / "demo" / "study.yaml"
ICRAFT = LIB["icraft"]
ATTN = LIB["attn"]
ITEMS_W = {w: [item_var("icraft", i.id, w) for i in ICRAFT.items] for w in (1, 2)}


def make_panel(rng: np.random.Generator, n: int = 80) -> pd.DataFrame:
    """icraft at waves 1 and 2, the four attention checks at wave 1, all answered correctly."""
    subs = [s.id for s in ICRAFT.subscales]
    cols: dict[str, object] = {"participant_id": [f"p{i:02d}" for i in range(n)]}
    for w in (1, 2):
        trait = rng.normal(size=(n, 3))
        for item in ICRAFT.items:
            x = 3 + 0.8 * trait[:, subs.index(item.subscale)] + rng.normal(scale=0.8, size=n)
            if ICRAFT.is_reversed(item.id):
                x = 6 - x
            cols[item_var("icraft", item.id, w)] = np.clip(np.round(x), 1, 5).astype(int)
        if w == 1:
            for check in ATTN.attention_checks:
                cols[item_var("attn", check.id, 1)] = int(check.expected)
    return pd.DataFrame(cols)


@pytest.fixture
def panel() -> pd.DataFrame:
    return make_panel(np.random.default_rng(2026))


def _row(q: pd.DataFrame, pid: str, wave: int) -> pd.Series:
    hit = q[(q["participant_id"] == pid) & (q["wave"] == wave)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_columns_and_one_row_per_participant_and_wave(panel):
    q = quality_flags(panel, instruments=LIB)
    assert list(q.columns) == INDEX_COLUMNS
    assert len(q) == 2 * len(panel)
    assert set(q["wave"]) == {1, 2}
    assert (q["n_items"] == 10).all()          # attention checks are not items


def test_straight_liner_gets_longstring_n_items_and_zero_irv(panel):
    panel.loc[3, ITEMS_W[2]] = 4
    q = quality_flags(panel, instruments=LIB)
    r = _row(q, "p03", 2)
    assert r["longstring"] == 10 and r["irv"] == 0
    assert bool(r["flag_longstring"]) and bool(r["flagged"]) and "longstring" in r["reasons"]
    assert not bool(_row(q, "p03", 1)["flag_longstring"])


def test_policy_budget_sets_every_threshold(panel):
    panel.loc[5, ITEMS_W[1]] = [2, 2, 2, 2, 2, 2, 2, 1, 3, 5]
    q = quality_flags(panel, instruments=LIB)
    r = _row(q, "p05", 1)
    # icraft alone: 10 items in 3 subscales, no synonym or antonym pairs, no page timings
    usable = len(QualityPolicy().flags) - 3
    assert r["threshold"] == pytest.approx(QualityPolicy().alpha / usable)
    assert bool(r["flag_longstring"]) == (r["longstring_p"] <= r["threshold"])
    loose = quality_flags(panel, instruments=LIB, policy=QualityPolicy(alpha=0.4))
    strict = quality_flags(panel, instruments=LIB, policy=QualityPolicy(alpha=0.001))
    assert loose["flagged"].sum() > q["flagged"].sum() >= strict["flagged"].sum()
    only = quality_flags(panel, instruments=LIB, policy=QualityPolicy(flags=["longstring"]))
    assert only["flag_irv"].isna().all() and only["flag_longstring"].notna().any()


def test_an_outlier_is_flagged_by_mahalanobis(panel):
    panel.loc[9, ITEMS_W[1]] = [5, 1, 5, 1, 5, 1, 5, 1, 5, 1]
    q = quality_flags(panel, instruments=LIB)
    r = _row(q, "p09", 1)
    assert r["mahalanobis_p"] < 0.002 and bool(r["flag_mahalanobis"])
    assert q["wave"].notna().all()


def test_attention_check_failures(panel):
    panel.loc[7, item_var("attn", "2", 1)] = 1          # expected 5
    panel.loc[8, [item_var("attn", c.id, 1) for c in ATTN.attention_checks]] = 3
    q = quality_flags(panel, instruments=LIB)
    assert _row(q, "p07", 1)["attention_failed"] == 1
    assert _row(q, "p08", 1)["attention_failed"] == 4
    assert _row(q, "p09", 1)["attention_checks"] == 4
    # one slip in four checks happens to 7.8% of attentive people: not a flag
    assert _row(q, "p07", 1)["attention_p"] == pytest.approx(1 - 0.98**4)
    assert not bool(_row(q, "p07", 1)["flag_attention"])
    assert bool(_row(q, "p08", 1)["flag_attention"])
    assert not bool(_row(q, "p09", 1)["flag_attention"])
    assert pd.isna(_row(q, "p07", 2)["flag_attention"])         # no checks at wave 2
    careless_slips = quality_flags(panel, instruments=LIB,
                                   policy=QualityPolicy(attention_slip_rate=0.0001))
    assert bool(_row(careless_slips, "p07", 1)["flag_attention"])


def _timings(fast: str, n: int = 80) -> pd.DataFrame:
    """Everyone's wave-1 pages: a consent page, then two pages of five items at about 6 s per
    item; ``fast`` spends 1 s per item."""
    rng = np.random.default_rng(5)
    rows = []
    for i in range(n):
        pid = f"p{i:02d}"
        t0 = pd.Timestamp("2026-03-01T10:00:00Z")
        rows.append((pid, 1, 0, t0.isoformat(), (t0 + pd.Timedelta(seconds=90)).isoformat(), 0))
        start = t0 + pd.Timedelta(seconds=90)
        for page in (1, 2):
            per_page = 5.0 if pid == fast else 30.0 * float(rng.lognormal(0, 0.2))
            end = start + pd.Timedelta(seconds=per_page)
            rows.append((pid, 1, page, start.isoformat(), end.isoformat(), 5))
            start = end
    return pd.DataFrame(rows, columns=["participant_id", "wave", "page", "shown_at",
                                       "submitted_at", "n_items"])


def test_seconds_per_item_from_page_timings(panel):
    t = _timings("p02")
    spi = seconds_per_item(t).set_index("participant_id")["seconds_per_item"]
    assert spi["p02"] == 1.0                                        # item-free page left out
    assert spi.drop("p02").between(3, 12).all()
    q = quality_flags(panel, t, instruments=LIB)
    assert bool(_row(q, "p02", 1)["flag_speeding"]) and "speeding" in _row(q, "p02", 1)["reasons"]
    assert not bool(_row(q, "p00", 1)["flag_speeding"])
    assert pd.isna(_row(q, "p03", 2)["flag_speeding"])          # no timings: unknown
    slow = quality_flags(panel, t, instruments=LIB, seconds_per_item_min=0.5)
    assert not bool(_row(slow, "p02", 1)["flag_speeding"])     # the absolute floor too


def test_timing_errors_name_the_row():
    t = _timings("p02")
    t.loc[4, "submitted_at"] = "2026-03-01T09:00:00+00:00"
    with pytest.raises(DataError, match="row 4: submitted_at is before shown_at"):
        seconds_per_item(t)
    with pytest.raises(DataError, match="missing column.*'n_items'"):
        seconds_per_item(t.drop(columns="n_items"))


def test_non_numeric_answer_names_column_and_row(panel):
    panel[ITEMS_W[1][2]] = panel[ITEMS_W[1][2]].astype(object)
    panel.loc[4, ITEMS_W[1][2]] = "often"
    with pytest.raises(DataError, match=f"column '{ITEMS_W[1][2]}': non-numeric value 'often' in row 4"):
        quality_flags(panel, instruments=LIB)


def test_non_substantive_answers_are_not_answers(panel):
    raw = ICRAFT.model_dump(mode="json")
    raw["response_scales"][0]["options"].append(
        {"value": 9, "label": {"en": "Prefer not to say"}, "missing": True})
    lib = {"icraft": instrument_from_dict(raw), "attn": ATTN}
    panel.loc[6, ITEMS_W[1][:4]] = 9
    r = _row(quality_flags(panel, instruments=lib), "p06", 1)
    assert r["n_answered"] == 6
    assert r["irv"] == pytest.approx(panel.loc[6, ITEMS_W[1][4:]].astype(float).std())


def test_unknown_items_are_named(panel):
    with pytest.raises(DataError, match="unknown variable.*'nope'"):
        quality_flags(panel, items=["icraft_task_1_w1", "nope"])


def test_long_answers_give_the_same_table(panel):
    long = wide_to_long(panel, LIB)
    a = quality_flags(panel, instruments=LIB)
    b = quality_flags(long, instruments=LIB)
    pd.testing.assert_frame_equal(a, b)


# -- exclusion --------------------------------------------------------------------------------

def test_exclude_blanks_the_flagged_wave_and_records_why(panel):
    panel.loc[3, ITEMS_W[2]] = 4
    ex = quality_flags(panel, _timings("p02"), instruments=LIB, exclude="any")
    rec = ex.excluded.set_index(["participant_id", "wave"])
    assert "longstring" in rec.loc[("p03", 2), "reasons"]
    assert rec.loc[("p02", 1), "reasons"] == "speeding"
    assert ex.kept.shape == panel.shape
    kept = ex.kept.set_index("participant_id")
    assert kept.loc["p03", ITEMS_W[2]].isna().all()
    assert kept.loc["p03", ITEMS_W[1]].notna().all()
    assert kept.loc["p02", ITEMS_W[1]].isna().all() and kept.loc["p02", ITEMS_W[2]].notna().all()
    untouched = kept.drop(index=["p02", "p03"] + list(rec.index.get_level_values(0)))
    original = panel.set_index("participant_id").loc[untouched.index]
    pd.testing.assert_frame_equal(untouched, original, check_dtype=False)


def test_exclude_chosen_flags_and_participant_scope(panel):
    panel.loc[3, ITEMS_W[2]] = 4
    ex = quality_flags(panel, _timings("p02"), instruments=LIB, exclude=["speeding"],
                       scope="participant")
    assert list(ex.excluded["participant_id"]) == ["p02"]
    assert "p02" not in set(ex.kept["participant_id"]) and "p03" in set(ex.kept["participant_id"])
    with pytest.raises(DataError, match="unknown flag.*'slow'"):
        quality_flags(panel, instruments=LIB, exclude=["slow"])


def test_exclude_on_long_answers_drops_rows(panel):
    panel.loc[3, ITEMS_W[2]] = 4
    long = wide_to_long(panel, LIB)
    ex = quality_flags(long, instruments=LIB, exclude="irv")
    pairs = set(zip(ex.excluded["participant_id"], ex.excluded["wave"], strict=True))
    assert ("p03", 2) in pairs
    gone = [(p, w) in pairs for p, w in zip(long["participant_id"], long["wave"], strict=True)]
    assert len(ex.kept) == len(long) - sum(gone)
    assert not ((ex.kept["participant_id"] == "p03") & (ex.kept["wave"] == 2)).any()


def test_plain_rows_without_waves_are_dropped():
    rng = np.random.default_rng(9)
    d = pd.DataFrame(rng.integers(1, 6, size=(40, 8)), columns=[f"q{i}" for i in range(8)])
    d.loc[5] = 3
    ex = quality_flags(d, exclude="irv")
    assert 5 not in ex.kept.index and len(ex.kept) == 39
    assert ex.excluded["participant_id"].tolist() == ["5"]


# -- the command line -------------------------------------------------------------------------

def test_cli_quality_json(tmp_path, panel):
    panel.loc[3, ITEMS_W[2]] = 4
    data, timing = tmp_path / "wide.csv", tmp_path / "timings.csv"
    panel.to_csv(data, index=False)
    _timings("p02").to_csv(timing, index=False)
    out = CliRunner().invoke(main, ["quality", str(data), "--timings", str(timing), "--json",
                                    "--flagged-only"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    got = {(r["participant_id"], r["wave"]): r["reasons"] for r in rows}
    assert "longstring" in got[("p03", 2)] and got[("p02", 1)] == "speeding"
    assert all(r["flagged"] for r in rows)
    assert all(r["flag_antonyms"] is None for r in rows)        # icraft has no antonym pair


def test_cli_quality_reads_the_export_and_its_timings(tmp_path, panel):
    import hashlib

    out_dir = tmp_path / "export"
    out_dir.mkdir()
    panel.to_csv(out_dir / "wide.csv", index=False)
    _timings("p02").to_csv(out_dir / "page_timings.csv", index=False)
    files = {name: hashlib.sha256((out_dir / name).read_bytes()).hexdigest()
             for name in ("wide.csv", "page_timings.csv")}
    (out_dir / "manifest.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    out = CliRunner().invoke(main, ["quality", str(out_dir), "--flagged-only"])
    assert out.exit_code == 0, out.output
    want = int(quality_flags(panel, _timings("p02"), instruments=LIB)["flagged"].sum())
    assert "speeding" in out.output and f"{want} of 160 participant x waves flagged" in out.output
    (out_dir / "page_timings.csv").write_text("tampered", encoding="utf-8")
    bad = CliRunner().invoke(main, ["quality", str(out_dir)])
    assert bad.exit_code == 2 and "does not match its sha256" in bad.output


# -- the policy: one in the study file, applied alike by the CLI and the reports ---------------

def test_default_policy_flags_and_excludes_nothing(panel):
    from craftwave.analysis.quality import apply_quality

    panel.loc[3, ITEMS_W[2]] = 4
    res = apply_quality(panel, _timings("p02"), instruments=LIB)
    assert res.indices["flagged"].sum() >= 2          # flagged and shown ...
    assert res.excluded.empty                          # ... but nothing excluded
    pd.testing.assert_frame_equal(res.kept, panel)


def test_policy_in_the_study_file_is_validated_and_leaves_old_hashes_alone():
    from craftwave.analysis.quality import policy_from_mapping
    from craftwave.instruments import StudyError
    from craftwave.instruments.study import load_study

    study = load_study(DEMO_STUDY)
    assert study.quality is None and study.quality_policy.exclude == {}
    raw = study.model_dump(mode="json")
    raw.pop("quality")
    raw.pop("analysis")  # unset, like quality: left out of the hash as before the field existed
    import hashlib

    from craftwave.instruments.study import _drop_recruitment_defaults

    _drop_recruitment_defaults(raw.get("recruitment") or {})  # the hash's other rule for old fields

    want = hashlib.sha256(json.dumps(raw, sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()
    assert study.content_hash == want
    pol = policy_from_mapping({"quality": {"exclude": {"sensitivity": ["any"]}}})
    assert pol.exclude == {"sensitivity": ["any"]}
    with pytest.raises(StudyError, match="unknown flag.*'slow'"):
        policy_from_mapping({"quality": {"exclude": {"primary": ["slow"]}}})
    import yaml

    from craftwave.instruments.study import study_from_dict

    raw = yaml.safe_load(DEMO_STUDY.read_text(encoding="utf-8"))
    raw["quality"] = {"exclude": {"sensitivity": ["any"]}, "alpha": 0.01}
    declared = study_from_dict(raw, source="study.yaml")
    assert declared.quality_policy.alpha == 0.01 and declared.content_hash != study.content_hash
    raw["quality"] = {"exclude": {"primary": ["slow"]}}
    with pytest.raises(StudyError, match="study.yaml: field 'quality.exclude'.*'slow'"):
        study_from_dict(raw, source="study.yaml")


def _export(tmp_path, panel, policy: str | None):
    import hashlib

    out_dir = tmp_path / "export"
    out_dir.mkdir()
    panel.to_csv(out_dir / "wide.csv", index=False)
    _timings("p02").to_csv(out_dir / "page_timings.csv", index=False)
    names = ["wide.csv", "page_timings.csv"]
    if policy is not None:
        (out_dir / "study.yaml").write_text(policy, encoding="utf-8")
        names.append("study.yaml")
    files = {n: hashlib.sha256((out_dir / n).read_bytes()).hexdigest() for n in names}
    (out_dir / "manifest.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    return out_dir


def test_cli_reproduces_the_policy_exclusions_with_one_command(tmp_path, panel):
    panel.loc[3, ITEMS_W[2]] = 4
    policy = "quality:\n  exclude:\n    primary: [speeding]\n"
    export = _export(tmp_path, panel, policy)
    (tmp_path / "policy.yaml").write_text(policy, encoding="utf-8")
    ex_csv = tmp_path / "exclusions.csv"
    out = CliRunner().invoke(main, ["quality", str(export), "--write-exclusions", str(ex_csv),
                                    "--json"])
    assert out.exit_code == 0, out.output
    listed = pd.read_csv(ex_csv, dtype={"participant_id": str})
    assert listed[["participant_id", "wave"]].values.tolist() == [["p02", 1]]
    items = ",".join(ITEMS_W[1])
    blanked = panel.copy()
    blanked.loc[blanked["participant_id"] == "p02", ITEMS_W[1]] = np.nan
    direct = tmp_path / "blanked.csv"
    blanked.to_csv(direct, index=False)
    runs = {}
    for name, args in {"direct": [str(direct)],
                       "policy": [str(export), "--quality-policy",
                                  str(tmp_path / "policy.yaml")],
                       "list": [str(export / "wide.csv"), "--exclusions", str(ex_csv)],
                       "none": [str(export / "wide.csv")]}.items():
        res = CliRunner().invoke(main, ["reliability", *args, "--items", items, "--json"])
        assert res.exit_code == 0, res.output
        runs[name] = json.loads(res.stdout)
    assert runs["policy"]["alpha"] == pytest.approx(runs["direct"]["alpha"])
    assert runs["list"]["alpha"] == pytest.approx(runs["direct"]["alpha"])
    assert runs["none"]["alpha"] != pytest.approx(runs["direct"]["alpha"], abs=1e-9)
