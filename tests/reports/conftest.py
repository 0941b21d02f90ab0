"""A seeded simulated export directory for the report tests.

Until ``analysis.simulate`` can write a whole export directory, ``make_export`` draws one here:
participants in two randomised arms over three waves, item answers on the bundled instruments'
scales following the study's pattern (individual crafting predicts later resilience,
collaborative crafting compensates when individual crafting is low, resilience predicts career
commitment, the forum arm raises resilience), dropout between waves, straight-liners and
speeders, and a recruitment source with only a handful of people (the small group the platform
report must hide).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from instruments import load_library, score
from instruments.names import item_var

INSTRUMENTS = ("icraft", "ccraft", "resil", "meaning", "ccommit", "community")
DEMO_STUDY = Path(__file__).resolve().parents[2] / "data" / "demo" / "study.yaml"


def _latents(rng: np.random.Generator, n: int, arm: np.ndarray, waves: int) -> dict:
    lat: dict[tuple[str, int], np.ndarray] = {}
    forum = (arm == "forum").astype(float)
    ic_trait, cc_trait = rng.normal(size=n), rng.normal(size=n)
    for w in range(1, waves + 1):
        lat["icraft", w] = 0.8 * ic_trait + 0.6 * rng.normal(size=n)
        lat["ccraft", w] = 0.8 * cc_trait + 0.2 * ic_trait + 0.5 * rng.normal(size=n)
        lat["community", w] = 0.7 * lat["ccraft", w] + 0.7 * rng.normal(size=n) + (
            0.5 * forum if w > 1 else 0.0)
    ic1, cc1 = lat["icraft", 1], lat["ccraft", 1]
    lat["resil", 1] = 0.3 * ic1 + 0.9 * rng.normal(size=n)
    for w in range(2, waves + 1):
        lat["resil", w] = (0.45 * lat["resil", w - 1] + 0.35 * ic1 + 0.15 * cc1
                           - 0.2 * ic1 * cc1 + 0.4 * forum + 0.7 * rng.normal(size=n))
    lat["ccommit", 1] = 0.3 * lat["resil", 1] + 0.9 * rng.normal(size=n)
    for w in range(2, waves + 1):
        lat["ccommit", w] = (0.5 * lat["ccommit", w - 1] + 0.35 * lat["resil", w]
                             + 0.7 * rng.normal(size=n))
    for w in range(1, waves + 1):
        lat["meaning", w] = 0.4 * lat["resil", w] + 0.3 * lat["icraft", w] + 0.8 * rng.normal(size=n)
    return lat


def make_export(directory: Path, *, n: int = 240, seed: int = 7, waves: int = 3,
                small_source: int = 4) -> Path:
    """Write a simulated export directory (and its study.yaml) into ``directory``."""
    rng = np.random.default_rng(seed)
    lib = load_library()
    directory.mkdir(parents=True, exist_ok=True)
    pid = np.array([f"P{i:04d}" for i in range(1, n + 1)])
    arm = rng.permutation(np.repeat(["control", "forum"], [n // 2, n - n // 2]))
    source = np.where(rng.random(n) < 0.7, "prolific", "invitation")
    source[rng.choice(n, small_source, replace=False)] = "mturk"
    lat = _latents(rng, n, arm, waves)

    present = {1: np.ones(n, bool)}
    for w in range(2, waves + 1):
        p_stay = 0.82 - 0.06 * (arm == "control") + 0.04 * lat["resil", w - 1]
        present[w] = present[w - 1] & (rng.random(n) < p_stay)
    straight = rng.random(n) < 0.04
    speeder = (rng.random(n) < 0.04) & ~straight

    columns: dict[str, np.ndarray] = {"participant_id": pid}
    long_rows, timings = [], []
    start = pd.Timestamp("2026-01-05 09:00", tz="UTC")
    for w in range(1, waves + 1):
        t0 = start + pd.Timedelta(days=90 * (w - 1))
        for page, iid in enumerate(INSTRUMENTS, start=1):
            inst = lib[iid]
            subs = {s.id for s in inst.subscales}
            for item in inst.items:
                scale = inst.scales_by_id[item.scale or inst.default_scale]
                lo, hi = scale.minimum, scale.maximum
                mid, spread = (lo + hi) / 2, (hi - lo) / 4
                eta = lat[iid, w] + (0.3 * rng.normal(size=n) if subs else 0)
                x = np.clip(np.rint(mid + spread * (0.8 * eta + 0.6 * rng.normal(size=n))), lo, hi)
                if inst.scoring and item.id in inst.scoring.reverse:
                    x = lo + hi - x
                if w == 1:
                    x = np.where(straight, lo + 2 if hi - lo >= 2 else lo, x)
                x = np.where(present[w], x, np.nan)
                columns[item_var(inst.prefix, item.id, w)] = x
            n_items = len(inst.items)
            secs = np.where(speeder, 0.8, rng.uniform(3, 8, size=n)) * n_items
            for i in np.flatnonzero(present[w]):
                shown = t0 + pd.Timedelta(seconds=60 * page + float(i))
                timings.append({"participant_id": pid[i], "wave": w, "page": iid,
                                "shown_at": shown.isoformat(),
                                "submitted_at": (shown + pd.Timedelta(seconds=float(secs[i])))
                                .isoformat(), "n_items": n_items})
    wide = pd.DataFrame(columns)
    score_frames = [wide[["participant_id"]]]
    for iid in INSTRUMENTS:
        for w in range(1, waves + 1):
            score_frames.append(score(wide, lib[iid], wave=w))
    scores = pd.concat(score_frames, axis=1)
    for col in [c for c in wide.columns if c != "participant_id"]:
        vals = wide[col]
        ok = vals.notna()
        stem = col.rsplit("_w", 1)
        long_rows.append(pd.DataFrame({
            "participant_id": pid[ok], "wave": int(stem[1]), "instrument_id": col.split("_")[0],
            "item_id": stem[0].split("_", 1)[1], "value": vals[ok].to_numpy()}))
    answers = pd.concat(long_rows, ignore_index=True)

    part = {"participant_id": pid, "source": source, "arm": arm}
    for w in range(1, waves + 1):
        part[f"status_w{w}"] = np.where(present[w], "completed",
                                        np.where(present.get(w - 1, present[1]), "invited",
                                                 "closed"))
    part["withdrawal"] = np.where(rng.random(n) < 0.02, "stop contact", "none")
    part["consented_at"] = [(start + pd.Timedelta(hours=i)).isoformat() for i in range(n)]
    participants = pd.DataFrame(part)

    files = {
        "participants.csv": participants, "wide.csv": wide, "scores.csv": scores,
        "answers_long.csv": answers, "page_timings.csv": pd.DataFrame(timings),
    }
    for name, frame in files.items():
        frame.to_csv(directory / name, index=False)
    try:
        from instruments.codebook import codebook

        cb = codebook({i: lib[i] for i in INSTRUMENTS},
                      {w: list(INSTRUMENTS) for w in range(1, waves + 1)})
        cb.to_csv(directory / "codebook.csv", index=False)
    except Exception:  # noqa: BLE001 - the codebook is optional for the reports
        pass
    sums = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.glob("*.csv"))}
    manifest = {"study_id": "report-test", "exported_at": "2026-11-23T12:00:00Z",
                "craftwave_version": "0.1.0",
                "row_counts": {k: int(len(v)) for k, v in files.items()}, "files": sums}
    (directory / "manifest.json").write_text(json.dumps(manifest, indent=2))
    _write_study(directory / "study.yaml", waves)
    return directory


def _write_study(path: Path, waves: int) -> None:
    raw = yaml.safe_load(DEMO_STUDY.read_text(encoding="utf-8"))
    raw["id"] = "report-test"
    raw["title"] = {"en": "Report test study"}
    pages = [{"id": iid, "blocks": [{"instrument": iid}]} for iid in INSTRUMENTS]
    raw["waves"] = [{"number": w, "after_days": 0 if w == 1 else 90, "pages": pages}
                    for w in range(1, waves + 1)]
    if "recruitment" in raw and raw["recruitment"].get("prolific"):
        raw["recruitment"]["prolific"]["completion_codes"] = {
            w: f"CODE{w:04d}" for w in range(1, waves + 1)}
    raw["intervention"] = {
        "arms": [{"name": "control", "description": "No change."},
                 {"name": "forum", "description": "Offered a moderated peer forum."}],
        "seed": 11, "after_wave": 1}
    raw["k_threshold"] = 10
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="session")
def export_dir(tmp_path_factory) -> Path:
    """A simulated export directory (N = 240, 3 waves, two arms) with its study.yaml."""
    return make_export(tmp_path_factory.mktemp("export") / "export")
