"""Benchmark: false flags among attentive participant-waves and recall by careless type.

For each of ``--seeds`` seeds (drawn at random and printed, or given), one wave is simulated
from a random population (2-4 correlated scales of 3-12 items with loadings .35-.85, a fifth of
them reverse keyed, 4, 5 or 7 categories with a random skew; a missing-data pattern among none,
a few items skipped at random, a block of items many skip, skipping that depends on the trait;
attentive reading times log-normal around 4 s per item). A share of the rows answers
carelessly, split evenly among the types:

``random``          uniform answers, normal speed
``straightlining``  one answer to every item, 2 s per item
``speeding``        uniform answers at about 1 s per item
``partial_25``      attentive, then uniform answers for the last 25% of items, normal speed
``partial_50``      the same for the last 50%
``pattern``         a repeated sequence (1-2-3-4-5-1-...), normal speed

``quality_flags`` runs with the default policy (2% budget split among the flags). The table gives,
per index and for any flag, the share of attentive participant-waves flagged (with and without a
skipped item) and the recall of each careless type.

Run: ``.venv/bin/python bench/quality_calibration.py [--seeds 5] [--seed S ...] [--n 500]
[--careless 0.15] [--json]``
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.quality import FLAGS, QualityPolicy, quality_flags

TYPES = ("random", "straightlining", "speeding", "partial_25", "partial_50", "pattern")


def simulate_wave(rng: np.random.Generator, n: int, careless: float
                  ) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray, dict]:
    """One wave: answers, page timings, each row's type ("" = attentive), the model."""
    k = int(rng.integers(2, 5))
    per = rng.integers(3, 13, size=k)
    p = int(per.sum())
    cats = int(rng.choice([4, 5, 7]))
    eta = rng.multivariate_normal(np.zeros(k), 0.3 * np.ones((k, k)) + 0.7 * np.eye(k), n)
    cols, names = [], []
    for f in range(k):
        for j in range(per[f]):
            lam = rng.uniform(0.35, 0.85) * (-1 if rng.random() < 0.2 else 1)
            z = lam * eta[:, f] + np.sqrt(1 - lam**2) * rng.standard_normal(n)
            cuts = stats.norm.ppf(np.arange(1, cats) / cats) + rng.uniform(-0.8, 0.8)
            cols.append(1.0 + np.searchsorted(cuts, z))
            names.append(f"s{f}_{j + 1}_w1")
    x = np.column_stack(cols)
    kind = np.full(n, "", dtype=object)
    chosen = np.flatnonzero(rng.random(n) < careless)
    kind[chosen] = np.asarray(TYPES, dtype=object)[np.arange(chosen.size) % len(TYPES)]
    spi = 4.0 * rng.lognormal(0.0, rng.uniform(0.15, 0.5), n)
    for i in chosen:
        t = kind[i]
        if t in ("random", "speeding"):
            x[i] = rng.integers(1, cats + 1, p)
        elif t == "straightlining":
            x[i] = rng.integers(1, cats + 1)
            spi[i] = 2.0 * rng.lognormal(0, 0.2)
        elif t.startswith("partial"):
            share = int(t.split("_")[1]) / 100
            start = int(round(p * (1 - share)))
            x[i, start:] = rng.integers(1, cats + 1, p - start)
        elif t == "pattern":
            x[i] = 1 + (np.arange(p) + rng.integers(cats)) % cats
        if t == "speeding":
            spi[i] = 1.0 * rng.lognormal(0, 0.2)
    pattern = str(rng.choice(["none", "random", "block", "trait"]))
    if pattern == "random":
        for i in np.flatnonzero(rng.random(n) < 0.4):
            x[i, rng.choice(p, rng.integers(1, 5), replace=False)] = np.nan
    elif pattern == "block":
        x[np.ix_(rng.random(n) < 0.35, rng.choice(p, max(2, p // 5), replace=False))] = np.nan
    elif pattern == "trait":
        prob = 1 / (1 + np.exp(-(eta[:, 0] - 0.5)))
        for i in np.flatnonzero(rng.random(n) < 0.5 * prob):
            x[i, rng.choice(p, rng.integers(1, 4), replace=False)] = np.nan
    ids = [f"r{i}" for i in range(n)]
    data = pd.DataFrame(x, columns=names).assign(participant_id=ids)
    t0 = pd.Timestamp("2026-01-01T00:00:00Z")
    timings = pd.DataFrame({
        "participant_id": ids, "wave": 1, "page": 1, "shown_at": t0.isoformat(),
        "submitted_at": [(t0 + pd.Timedelta(seconds=float(s * p))).isoformat() for s in spi],
        "n_items": p})
    return data, timings, kind, {"items": p, "scales": k, "categories": cats,
                                 "missing": pattern}


def run(seeds: list[int], n: int, careless: float) -> tuple[pd.DataFrame, list[dict]]:
    policy = QualityPolicy()
    rows, models = [], []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        data, timings, kind, model = simulate_wave(rng, n, careless)
        t = time.perf_counter()
        q = quality_flags(data, timings, policy=policy)
        model.update(seed=seed, seconds=round(time.perf_counter() - t, 2))
        models.append(model)
        q["type"] = kind[q["participant_id"].str[1:].astype(int).to_numpy()]
        rows.append(q)
    return pd.concat(rows, ignore_index=True), models


def table(q: pd.DataFrame) -> pd.DataFrame:
    att = q[q["type"] == ""]
    skipped = att["n_answered"] < att["n_items"]
    out = []
    for name in [*FLAGS, "any"]:
        col = "flagged" if name == "any" else f"flag_{name}"
        hit = q[col].fillna(False).astype(bool)
        row = {"index": name,
               "attentive": hit[att.index].mean(),
               "attentive_skipped": hit[att.index[skipped.to_numpy()]].mean()
               if skipped.any() else np.nan,
               "attentive_complete": hit[att.index[~skipped.to_numpy()]].mean()}
        for t in TYPES:
            rows = q.index[q["type"] == t]
            row[t] = hit[rows].mean() if len(rows) else np.nan
        out.append(row)
    return pd.DataFrame(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=5, help="How many seeds to draw.")
    ap.add_argument("--seed", type=int, action="append", help="Use these seeds instead.")
    ap.add_argument("--n", type=int, default=500, help="Rows per wave.")
    ap.add_argument("--careless", type=float, default=0.15, help="Share of careless rows.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    seeds = args.seed or [int(s) for s in np.random.SeedSequence().generate_state(args.seeds)]
    print(f"seeds: {' '.join(map(str, seeds))}  (repeat with --seed S for each)")
    q, models = run(seeds, args.n, args.careless)
    for m in models:
        print(f"  seed {m['seed']}: {m['items']} items in {m['scales']} scales, "
              f"{m['categories']} categories, missing: {m['missing']}, {m['seconds']} s")
    att = q[q["type"] == ""]
    counts = {t: int((q["type"] == t).sum()) for t in TYPES}
    print(f"attentive participant-waves: {len(att)} "
          f"({int((att['n_answered'] < att['n_items']).sum())} with a skipped item); "
          f"careless: {counts}")
    tab = table(q)
    if args.json:
        print(json.dumps({"seeds": seeds, "models": models, "counts": counts,
                          "table": tab.to_dict("records")}, indent=2, default=float))
        return
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(tab.to_string(index=False, float_format=lambda v: f"{v:.3f}"))


if __name__ == "__main__":
    main()
