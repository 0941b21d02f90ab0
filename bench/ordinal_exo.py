"""Ordered indicators with covariates: craftwave's WLSMV against lavaan's conditional.x, side by side
(run by hand; never a test).

1. A MIMIC model with a direct effect (four items with 3-4 categories, two covariates, N = 600,
   the fixture data of tests/reference/r/ordinal_exo.R): a whole ``fit_ordinal`` (probit
   regressions, residual polychorics, NACOV, DWLS, robust SEs, scaled test, fit indices)
   against lavaan's ``sem(..., ordered = ...)`` (WLSMV, conditional.x = TRUE).
2. A two-factor MIMIC on twelve 5-category items with three covariates at N = 3,000.

The cost: with covariates every row has its own thresholds (tau - x'beta), so no table of
counts summarises a pair; each Newton step of the residual correlations evaluates the bivariate
normal at four corners per row and pair (3,000 rows x 66 pairs x 4 x 20 quadrature nodes =
16 Mflop, vectorised over all pairs at once), and NACOV is one N x (thresholds + slopes +
pairs) score matrix and its cross-product. lavaan loops over pairs in R.

Usage::

    python bench/ordinal_exo.py [--reps 5]
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

from craftwave.analysis.sem.categorical import fit_ordinal

ROOT = Path(__file__).resolve().parents[1]
DIF = "f =~ y1 + y2 + y3 + y4\nf ~ x1 + x2\ny1 ~ x1"
BIG = ("f1 =~ y1 + y2 + y3 + y4 + y5 + y6\nf2 =~ y7 + y8 + y9 + y10 + y11 + y12\n"
       "f1 ~ x1 + x2 + x3\nf2 ~ f1 + x1 + x3")

R_SCRIPT = r"""
suppressPackageStartupMessages(library(lavaan))
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1]); reps <- as.integer(args[2])
model <- paste(readLines(args[3]), collapse = "\n")
items <- strsplit(args[4], ",")[[1]]
run <- function() sem(model, data, ordered = items, estimator = "WLSMV")
fit <- run()
stopifnot(lavInspect(fit, "options")$conditional.x)
value <- fitMeasures(fit, "chisq.scaled")
el <- system.time(for (i in seq_len(reps)) run())[["elapsed"]] / reps
cat(sprintf('{"seconds": %.6f, "value": %.10f}\n', el, value))
"""


def mimic_data(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Twelve 5-category items of two factors driven by three covariates."""
    x = rng.normal(size=(n, 3))
    f1 = x @ [0.5, -0.3, 0.2] + rng.normal(size=n)
    f2 = 0.4 * f1 + x @ [0.2, 0.0, 0.3] + rng.normal(size=n)
    cols = {}
    for j in range(12):
        z = 0.7 * (f1 if j < 6 else f2) + rng.normal(0, 0.7, n)
        cuts = np.sort(rng.normal(0.0, 0.8, 4))
        cols[f"y{j + 1}"] = np.searchsorted(cuts, z) + 1
    return pd.DataFrame(cols).assign(x1=x[:, 0], x2=x[:, 1], x3=x[:, 2])


def time_lavaan(data: pd.DataFrame, reps: int, model: str, items: list[str]) -> dict | None:
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "run.R").write_text(R_SCRIPT)
        (tmp / "model.lav").write_text(model)
        data.to_csv(tmp / "data.csv", index=False)
        out = subprocess.run(["Rscript", str(tmp / "run.R"), str(tmp / "data.csv"), str(reps),
                              str(tmp / "model.lav"), ",".join(items)],
                             capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def timed(fn, reps: int) -> tuple[float, object]:
    result = fn()
    t0 = time.perf_counter()
    for _ in range(reps):
        result = fn()
    return (time.perf_counter() - t0) / reps, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(20261205)
    if shutil.which("Rscript") is None:
        print("Rscript not found: the lavaan column is skipped")
    print(f"{'case':<56}{'craftwave':>11}{'lavaan':>11}{'ratio':>8}  check (craftwave / lavaan)")
    small = pd.read_csv(ROOT / "tests" / "reference" / "data" / "ordinal_exo.csv")
    items = ["y1", "y2", "y3", "y4"]
    t_py, res = timed(lambda: fit_ordinal(DIF, small, ordered=items, function="sem"), args.reps)
    _row("MIMIC + direct effect, 4 items, 2 covariates, N = 600", t_py,
         time_lavaan(small, args.reps, DIF, items), res.fit["chisq_scaled"])
    big = mimic_data(rng, 3000)
    items = [f"y{j}" for j in range(1, 13)]
    t_py, res = timed(lambda: fit_ordinal(BIG, big, ordered=items, function="sem"), args.reps)
    _row("two-factor MIMIC, 12 items x 5 cats, 3 covariates, N = 3,000", t_py,
         time_lavaan(big, args.reps, BIG, items), res.fit["chisq_scaled"])


def _row(name: str, t_py: float, lav: dict | None, value: float) -> None:
    t_lav = lav["seconds"] if lav else float("nan")
    ratio = t_lav / t_py if lav else float("nan")
    check = lav["value"] if lav else float("nan")
    print(f"{name:<56}{t_py * 1e3:>9.1f}ms{t_lav * 1e3:>9.1f}ms{ratio:>7.1f}x  "
          f"{value:.6f} / {check:.6f}")


if __name__ == "__main__":
    main()
