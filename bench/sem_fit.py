"""Timing of craftwave's SEM engine against lavaan (run by hand; never a timed test).

Models: the Holzinger-Swineford three-factor CFA (N = 301) and a four-wave RI-CLPM simulated
here with a fixed seed at N = 600 and N = 100,000 (complete data; after the sample moments an
ML fit does not depend on N). For each it prints

* a full ``analysis.fit`` (estimates, SEs, every fit measure, std.all),
* the estimation alone from sample moments of a compiled model (``fit_moments``), cold and
  warm-started on a bootstrap resample from the full-sample estimate (what a bootstrap does),
* lavaan's ``sem()`` timed inside R with ``system.time`` (mean of repeated fits), and the
  ratios. The lavaan column is skipped, with a message, where Rscript is absent.

Usage::

    python bench/sem_fit.py            # all three data sets
    python bench/sem_fit.py --reps 20  # repetitions per timing
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]

from craftwave.analysis.sem import compile_model, fit, fit_moments, moments_from_data  # noqa: E402

HS_MODEL = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"


def riclpm_syntax(waves: int = 4) -> str:
    t = range(1, waves + 1)
    lines = ["RIx =~ " + " + ".join(f"1*x{i}" for i in t),
             "RIy =~ " + " + ".join(f"1*y{i}" for i in t)]
    lines += [f"wx{i} =~ 1*x{i}" for i in t] + [f"wy{i} =~ 1*y{i}" for i in t]
    lines += [f"x{i} ~~ 0*x{i}" for i in t] + [f"y{i} ~~ 0*y{i}" for i in t]
    for i in range(2, waves + 1):
        lines += [f"wx{i} ~ wx{i - 1} + wy{i - 1}", f"wy{i} ~ wx{i - 1} + wy{i - 1}"]
    lines += [f"wx{i} ~~ wy{i}" for i in t]
    lines += ["RIx ~~ RIy", "RIx + RIy ~~ 0*wx1 + 0*wy1"]
    return "\n".join(lines)


def simulate_riclpm(n: int, rng: np.random.Generator, waves: int = 4) -> pd.DataFrame:
    ri = rng.multivariate_normal([0, 0], [[1.0, 0.3], [0.3, 0.8]], size=n)
    wx = np.zeros((n, waves))
    wy = np.zeros((n, waves))
    wx[:, 0] = rng.normal(size=n)
    wy[:, 0] = 0.3 * wx[:, 0] + rng.normal(scale=0.95, size=n)
    for t in range(1, waves):
        wx[:, t] = 0.4 * wx[:, t - 1] + 0.15 * wy[:, t - 1] + rng.normal(scale=0.8, size=n)
        wy[:, t] = 0.1 * wx[:, t - 1] + 0.35 * wy[:, t - 1] + rng.normal(scale=0.8, size=n)
    cols = {}
    for t in range(waves):
        cols[f"x{t + 1}"] = 3 + ri[:, 0] + wx[:, t]
        cols[f"y{t + 1}"] = 2 + ri[:, 1] + wy[:, t]
    return pd.DataFrame(cols)


def time_python(model: str, data: pd.DataFrame, reps: int, rng: np.random.Generator) -> dict:
    t0 = time.perf_counter()
    for _ in range(reps):
        res = fit(model, data)
    full = (time.perf_counter() - t0) / reps
    cm = compile_model(model)
    Y = data[cm.ov_names].to_numpy()
    g = moments_from_data(Y, keep_raw=False)
    t0 = time.perf_counter()
    for _ in range(reps):
        cold = fit_moments(cm, [g])
    est_cold = (time.perf_counter() - t0) / reps
    n = len(data)
    weights = [rng.multinomial(n, np.full(n, 1 / n)).astype(float) for _ in range(reps)]
    boots = [moments_from_data(Y, w, keep_raw=False) for w in weights]
    t0 = time.perf_counter()
    iters = []
    for b in boots:
        st = fit_moments(cm, [b], start=cold.theta)
        iters.append(st.iterations)
    est_warm = (time.perf_counter() - t0) / reps
    return {"full": full, "cold": est_cold, "warm": est_warm, "iters_warm": float(np.mean(iters)),
            "chisq": res.fit_measures["chisq"], "converged": res.converged}


R_SCRIPT = r"""
suppressPackageStartupMessages(library(lavaan))
args <- commandArgs(trailingOnly = TRUE)
model <- paste(readLines(args[1]), collapse = "\n")
data <- read.csv(args[2])
reps <- as.integer(args[3])
fit <- sem(model, data = data)
el <- system.time(for (i in seq_len(reps)) fit <- sem(model, data = data))[["elapsed"]] / reps
cat(sprintf('{"seconds": %.6f, "chisq": %.8f}\n', el, fitMeasures(fit, "chisq")))
"""


def time_lavaan(model: str, data: pd.DataFrame, reps: int) -> dict | None:
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "model.lav").write_text(model)
        (tmp / "run.R").write_text(R_SCRIPT)
        data.to_csv(tmp / "data.csv", index=False)
        out = subprocess.run(["Rscript", str(tmp / "run.R"), str(tmp / "model.lav"),
                              str(tmp / "data.csv"), str(reps)],
                             capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=10)
    args = parser.parse_args()
    rng = np.random.default_rng(20261123)
    hs = pd.read_csv(REPO / "tests" / "reference" / "data" / "sem_hs.csv")
    cases = [("HS CFA (N=301)", HS_MODEL, hs),
             ("RI-CLPM 4 waves (N=600)", riclpm_syntax(), simulate_riclpm(600, rng)),
             ("RI-CLPM 4 waves (N=100,000)", riclpm_syntax(), simulate_riclpm(100_000, rng))]
    if shutil.which("Rscript") is None:
        print("Rscript not found: the lavaan column is skipped")
    header = (f"{'model':<30}{'fit()':>9}{'est.cold':>10}{'est.warm':>10}{'it.warm':>8}"
              f"{'lavaan':>9}{'x fit':>7}{'x warm':>8}  chisq (craftwave / lavaan)")
    print(header)
    for name, model, data in cases:
        py = time_python(model, data, args.reps, rng)
        lav = time_lavaan(model, data, args.reps)
        lav_s = lav["seconds"] if lav else float("nan")
        print(f"{name:<30}{py['full'] * 1e3:>7.1f}ms{py['cold'] * 1e3:>8.1f}ms"
              f"{py['warm'] * 1e3:>8.1f}ms{py['iters_warm']:>8.1f}"
              f"{lav_s * 1e3:>7.1f}ms{lav_s / py['full']:>7.1f}{lav_s / py['warm']:>8.1f}  "
              f"{py['chisq']:.4f} / {lav['chisq'] if lav else float('nan'):.4f}")


if __name__ == "__main__":
    main()
