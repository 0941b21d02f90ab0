"""A seeded simulated export directory for the report tests.

``analysis.simulate`` draws the study's focal constructs (individual and collaborative
crafting, resilience, career commitment) as item answers following the published pattern,
with two randomised arms (the forum arm raises individual crafting after wave 1), dropout
between waves and careless responders with their page times. ``make_export`` adds what the
platform report needs and the simulator does not draw (meaningful work and community
participation, from the simulated latent scores), a recruitment source with only a handful of
people (the small group the platform report must hide), and writes the export directory with
its manifest and a study.yaml.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from craftwave.analysis.simulate import simulate
from craftwave.instruments import load_library, score
from craftwave.instruments.codebook import codebook
from craftwave.instruments.names import item_var

INSTRUMENTS = ("icraft", "ccraft", "resil", "meaning", "ccommit", "community")
SIMULATED = ("icraft", "ccraft", "resil", "ccommit")
DEMO_STUDY = Path(__file__).resolve().parents[2] / "data" / "demo" / "study.yaml"


def _extra_latents(rng: np.random.Generator, latent: pd.DataFrame, arm: np.ndarray,
                   waves: int) -> dict[tuple[str, int], np.ndarray]:
    n = len(latent)
    forum = (arm == "forum").astype(float)
    out = {}
    for w in range(1, waves + 1):
        cc = latent[f"ccraft_w{w}"].to_numpy()
        out["community", w] = 0.7 * cc + 0.7 * rng.normal(size=n) + (0.5 * forum if w > 1 else 0)
        out["meaning", w] = (0.4 * latent[f"resil_w{w}"].to_numpy()
                             + 0.3 * latent[f"icraft_w{w}"].to_numpy() + 0.8 * rng.normal(size=n))
    return out


def _items(rng: np.random.Generator, inst, eta: np.ndarray) -> dict[str, np.ndarray]:
    n = len(eta)
    cols = {}
    for item in inst.items:
        scale = inst.scales_by_id[item.scale or inst.default_scale]
        lo, hi = scale.minimum, scale.maximum
        mid, spread = (lo + hi) / 2, (hi - lo) / 4
        x = np.clip(np.rint(mid + spread * (0.8 * (eta + 0.3 * rng.normal(size=n))
                                            + 0.6 * rng.normal(size=n))), lo, hi)
        if inst.scoring and item.id in inst.scoring.reverse:
            x = lo + hi - x
        cols[item.id] = x
    return cols


def make_export(directory: Path, *, n: int = 240, seed: int = 7, waves: int = 3,
                small_source: int = 4) -> Path:
    """Write a simulated export directory (and its study.yaml) into ``directory``."""
    rng = np.random.default_rng(seed)
    lib = load_library()
    directory.mkdir(parents=True, exist_ok=True)
    sim = simulate(n=n, waves=waves, attrition=0.2, careless=0.06, arms=["control", "forum"],
                   arm_effect=0.6, seed=seed)
    base = sim.wide
    pid = base["participant_id"].astype(str).to_numpy()
    arm = base["arm"].astype(str).to_numpy()
    last = base["last_wave"].to_numpy()
    present = {w: last >= w for w in range(1, waves + 1)}
    source = np.where(rng.random(n) < 0.7, "prolific", "invitation")
    source[rng.choice(n, small_source, replace=False)] = "mturk"
    extra = _extra_latents(rng, sim.latent.fillna(0.0), arm, waves)

    columns: dict[str, np.ndarray] = {"participant_id": pid}
    timings = []
    start = pd.Timestamp("2026-01-05 09:00", tz="UTC")
    for w in range(1, waves + 1):
        t0 = start + pd.Timedelta(days=90 * (w - 1))
        for page, iid in enumerate(INSTRUMENTS, start=1):
            inst = lib[iid]
            if iid in SIMULATED:
                items = {i.id: base[item_var(inst.prefix, i.id, w)].to_numpy(float)
                         for i in inst.items}
                secs = base[f"pagetime_{inst.prefix}_w{w}"].to_numpy(float)
            else:
                items = _items(rng, inst, extra[iid, w])
                secs = rng.uniform(3, 8, size=n) * len(inst.items)
            for item_id, x in items.items():
                columns[item_var(inst.prefix, item_id, w)] = np.where(present[w], x, np.nan)
            for i in np.flatnonzero(present[w]):
                shown = t0 + pd.Timedelta(seconds=60 * page + float(i))
                timings.append({"participant_id": pid[i], "wave": w, "page": iid,
                                "shown_at": shown.isoformat(),
                                "submitted_at": (shown + pd.Timedelta(seconds=float(secs[i])))
                                .isoformat(), "n_items": len(inst.items)})
    wide = pd.DataFrame(columns)
    score_frames = [wide[["participant_id"]]]
    for iid in INSTRUMENTS:
        for w in range(1, waves + 1):
            score_frames.append(score(wide, lib[iid], wave=w))
    scores = pd.concat(score_frames, axis=1)
    long_rows = []
    for iid in INSTRUMENTS:
        inst = lib[iid]
        for w in range(1, waves + 1):
            for item in inst.items:
                vals = wide[item_var(inst.prefix, item.id, w)]
                ok = vals.notna().to_numpy()
                long_rows.append(pd.DataFrame({
                    "participant_id": pid[ok], "wave": w, "instrument_id": iid,
                    "instrument_version": inst.version, "item_id": item.id,
                    "value": vals[ok].to_numpy()}))
    answers = pd.concat(long_rows, ignore_index=True)

    part = {"participant_id": pid, "source": source, "arm": arm}
    for w in range(1, waves + 1):
        prev = present.get(w - 1, present[1])
        part[f"status_w{w}"] = np.where(present[w], "completed",
                                        np.where(prev, "invited", "closed"))
    part["withdrawal"] = np.where(rng.random(n) < 0.02, "stop contact", "none")
    part["consented_at"] = [(start + pd.Timedelta(hours=i)).isoformat() for i in range(n)]
    participants = pd.DataFrame(part)

    n_declined, n_screened = 7, 12  # anonymous counts, as the app's flow.csv carries
    flow = pd.DataFrame({"event": ["entered", "declined", "screened_out"],
                         "n": [n + n_declined + n_screened, n_declined, n_screened]})
    files = {
        "participants.csv": participants, "wide.csv": wide, "scores.csv": scores,
        "answers_long.csv": answers, "page_timings.csv": pd.DataFrame(timings),
        "flow.csv": flow,
    }
    for name, frame in files.items():
        frame.to_csv(directory / name, index=False)
    cb = codebook({i: lib[i] for i in INSTRUMENTS}, {w: list(INSTRUMENTS) for w in range(1, waves + 1)})
    cb.to_csv(directory / "codebook.csv", index=False)
    sums = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.glob("*.csv"))}
    manifest = {"study_id": "report-test", "exported_at": "2026-11-23T12:00:00Z",
                "craftwave_version": "0.1.0",
                "row_counts": {k: int(len(v)) for k, v in files.items()}, "files": sums,
                "declaration": {"declared_at": "2026-01-05T09:00:00Z", "sha256": "ab" * 32}}
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
        "after_wave": 1, "primary": {"outcome": "resil", "wave": waves}}
    raw["k_threshold"] = 10
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="session")
def export_dir(tmp_path_factory) -> Path:
    """A simulated export directory (N = 240, 3 waves, two arms) with its study.yaml."""
    return make_export(tmp_path_factory.mktemp("export") / "export")
