"""Ordered indicators: craftwave's WLSMV against lavaan's, side by side (run by hand; never a test).

1. The three-factor CFA of nine 4-category items (N = 301, simulated here with a fixed seed):
   a whole ``fit_ordinal`` (thresholds, polychorics, NACOV, DWLS, robust SEs, scaled test, fit
   indices) against lavaan's ``cfa(..., ordered = TRUE)`` (WLSMV), each timed over repeated fits;
   then a one-factor model of the same items with lavaan's ``fitMeasures`` of the robust CFI,
   TLI and RMSEA (Savalei's catML, which lavaan computes only there; craftwave in every fit).
2. Stage one at panel scale: 24 five-category items (two constructs x four waves x three
   indicators) at N = 3,000: thresholds, polychoric correlations and NACOV, against lavaan's
   ``lavCor(..., output = "fit")`` with WLSMV (the same first stage).
3. The four-wave ordinal RI-CLPM on those items (three ordinal indicators per construct and
   wave, thresholds equal across waves; ``riclpm(..., ordered=True)``) at N = 3,000: the whole
   WLSMV fit against lavaan's ``sem(..., ordered = TRUE, estimator = "WLSMV")`` of the same
   syntax.
4. The four-wave ordinal multiple-indicator CLPM on the same items (a factor per construct and
   wave, loadings and thresholds equal across waves, each item's residuals covarying across
   waves; ``clpm(..., ordered=True)``), the whole WLSMV fit against lavaan's of the same syntax.
5. Continuous and ordered indicators together: a three-factor CFA with two 4-category items and
   two continuous indicators per factor (N = 500), the whole WLSMV fit; and the mixed first stage
   (12 five-category items and 12 continuous variables at N = 3,000: thresholds, means,
   variances, polychoric, polyserial and Pearson correlations, NACOV) against ``lavCor``.
6. The bootstrap of the CFA (100 resamples, DWLS refits, percentile intervals) against lavaan's
   ``bootstrapLavaan(fit, R = 100)``.

The cost that sets the target: a pair's likelihood depends on the data only through its K x K
table, so one pass over N x P (row, pair) cells builds every table; Fisher scoring then costs
P (K+1)^2 bivariate-normal evaluations per step (276 pairs x 36 corners x 20 quadrature nodes
= 0.2 Mflop) for all pairs at once. NACOV is one N x (thresholds + P) score matrix and its
cross-product: 3,000 x 372^2 = 0.4 Gflop. lavaan loops over pairs in R. A polyserial pair
has no table (its likelihood needs every row), so the mixed first stage runs its Newton steps on
an N x Q array of all continuous x ordered pairs at once: 144 pairs x 3,000 rows, a few ``ndtr``
calls per step.

Usage::

    python bench/ordinal.py [--reps 5]
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

from craftwave.analysis.sem.categorical import fit_ordinal, ordinal_stats
from craftwave.analysis.sem.categorical.polyserial import mixed_stats

CFA = "f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6\nf3 =~ y7 + y8 + y9"

R_SCRIPT = r"""
suppressPackageStartupMessages(library(lavaan))
args <- commandArgs(trailingOnly = TRUE)
what <- args[1]; data <- read.csv(args[2]); reps <- as.integer(args[3])
ord <- if (length(args) >= 5 && nzchar(args[5])) strsplit(args[5], ",")[[1]] else names(data)
if (what == "cfa") {
  model <- paste(readLines(args[4]), collapse = "\n")
  run <- function() cfa(model, data, ordered = ord, estimator = "WLSMV")
  fit <- run()
  value <- fitMeasures(fit, "chisq.scaled")
} else if (what == "cfa_robust") {
  model <- paste(readLines(args[4]), collapse = "\n")
  run <- function() fitMeasures(cfa(model, data, ordered = names(data), estimator = "WLSMV"),
                                c("cfi.robust", "tli.robust", "rmsea.robust"))
  value <- run()[["cfi.robust"]]
} else if (what == "sem") {
  model <- paste(readLines(args[4]), collapse = "\n")
  run <- function() sem(model, data, ordered = ord, estimator = "WLSMV")
  fit <- run()
  value <- fitMeasures(fit, "chisq.scaled")
} else if (what == "boot") {
  model <- paste(readLines(args[4]), collapse = "\n")
  fit0 <- cfa(model, data, ordered = names(data), estimator = "DWLS")
  set.seed(1)
  run <- function() bootstrapLavaan(fit0, R = 100L, type = "ordinary", FUN = "coef")
  fit <- run()
  value <- sum(stats::complete.cases(fit))
} else {
  run <- function() lavCor(data, ordered = ord, output = "fit", estimator = "WLSMV",
                           se = "robust.sem")
  fit <- run()
  value <- sum(lavInspect(fit, "sampstat")$cov)
}
el <- system.time(for (i in seq_len(reps)) run())[["elapsed"]] / reps
cat(sprintf('{"seconds": %.6f, "value": %.10f}\n', el, value))
"""


def cut_items(rng: np.random.Generator, n: int, factors: int, per: int, cats: int,
              loading: float = 0.7) -> pd.DataFrame:
    """Items cut from a factor model with correlated factors, with skewed thresholds."""
    corr = 0.4 * np.ones((factors, factors)) + 0.6 * np.eye(factors)
    eta = rng.standard_normal((n, factors)) @ np.linalg.cholesky(corr).T
    cols = {}
    for f in range(factors):
        for j in range(per):
            z = loading * eta[:, f] + np.sqrt(1 - loading**2) * rng.standard_normal(n)
            cuts = np.sort(rng.normal(0.0, 0.8, cats - 1))
            cols[f"y{f * per + j + 1}"] = np.searchsorted(cuts, z) + 1
    return pd.DataFrame(cols)


def ordinal_riclpm_data(rng: np.random.Generator, n: int, waves: int = 4) -> pd.DataFrame:
    """Two constructs, three 5-category items each, from a within/between panel process."""
    ri = rng.multivariate_normal([0, 0], [[0.5, 0.2], [0.2, 0.5]], n)
    w = np.zeros((n, 2, waves))
    w[:, :, 0] = rng.multivariate_normal([0, 0], [[0.5, 0.15], [0.15, 0.5]], n)
    for t in range(1, waves):
        w[:, 0, t] = 0.4 * w[:, 0, t - 1] + 0.15 * w[:, 1, t - 1] + rng.normal(0, 0.6, n)
        w[:, 1, t] = 0.1 * w[:, 0, t - 1] + 0.35 * w[:, 1, t - 1] + rng.normal(0, 0.6, n)
    cols = {}
    for k, construct in enumerate(("icraft", "resil")):
        for j, (item, lam) in enumerate(zip("abc", (1.0, 0.9, 0.8), strict=True)):
            cuts = np.array([-1.2, -0.4, 0.4, 1.2]) + 0.2 * j
            ri_item = lam * ri[:, k] + rng.normal(0, 0.25, n)
            for t in range(waves):
                y = ri_item + lam * w[:, k, t] + rng.normal(0, 0.55, n)
                cols[f"{construct}_{item}_w{t + 1}"] = np.searchsorted(cuts, y) + 1
    return pd.DataFrame(cols)


def mixed_items(rng: np.random.Generator, n: int, factors: int, per: int, cats: int
                ) -> tuple[pd.DataFrame, list[str]]:
    """``cut_items``, with the second half of each factor's indicators left continuous."""
    corr = 0.4 * np.ones((factors, factors)) + 0.6 * np.eye(factors)
    eta = rng.standard_normal((n, factors)) @ np.linalg.cholesky(corr).T
    cols, ordered = {}, []
    for f in range(factors):
        for j in range(per):
            z = 0.7 * eta[:, f] + np.sqrt(1 - 0.49) * rng.standard_normal(n)
            name = f"y{f * per + j + 1}"
            if j < per // 2:
                cols[name] = np.searchsorted(np.sort(rng.normal(0.0, 0.8, cats - 1)), z) + 1
                ordered.append(name)
            else:
                cols[name] = np.round(10 * z + 50, 2)
    return pd.DataFrame(cols), ordered


def time_lavaan(what: str, data: pd.DataFrame, reps: int, model: str = "",
                ordered: list[str] | None = None) -> dict | None:
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "run.R").write_text(R_SCRIPT)
        (tmp / "model.lav").write_text(model)
        data.to_csv(tmp / "data.csv", index=False)
        out = subprocess.run(["Rscript", str(tmp / "run.R"), what, str(tmp / "data.csv"),
                              str(reps), str(tmp / "model.lav"), ",".join(ordered or [])],
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
    rng = np.random.default_rng(20261204)
    cfa_data = cut_items(rng, 301, 3, 3, 4)
    panel_items = cut_items(rng, 3000, 8, 3, 5)
    if shutil.which("Rscript") is None:
        print("Rscript not found: the lavaan column is skipped")
    print(f"{'case':<52}{'craftwave':>11}{'lavaan':>11}{'ratio':>8}  check (craftwave / lavaan)")
    t_py, res = timed(lambda: fit_ordinal(CFA, cfa_data), args.reps)
    lav = time_lavaan("cfa", cfa_data, args.reps, CFA)
    _row("CFA, 9 items x 4 categories, N = 301 (WLSMV fit)", t_py, lav,
         res.fit["chisq_scaled"])
    one = "g =~ " + " + ".join(f"y{i}" for i in range(1, 10))      # misfits: robust CFI < 1
    t_py, res = timed(lambda: fit_ordinal(one, cfa_data), args.reps)
    lav = time_lavaan("cfa_robust", cfa_data, args.reps, one)
    _row("1 factor, same items, + robust CFI/TLI/RMSEA", t_py, lav, res.fit["cfi_robust"])
    t_py, stats = timed(lambda: ordinal_stats(panel_items), args.reps)
    lav = time_lavaan("cor", panel_items, args.reps)
    _row("24 items x 5 categories, N = 3,000 (stage one)", t_py, lav, float(stats.cor.sum()))
    from craftwave.analysis.panel import clpm, riclpm

    ri_data = ordinal_riclpm_data(rng, 3000)
    spec = riclpm(["icraft", "resil"], [1, 2, 3, 4], ordered=True,
                  indicators={"icraft": ["a", "b", "c"], "resil": ["a", "b", "c"]})
    syntax = spec.full_syntax(ri_data)
    t_py, res = timed(lambda: spec.fit(ri_data, missing="listwise"), args.reps)
    lav = time_lavaan("sem", ri_data, args.reps, syntax)
    _row("ordinal RI-CLPM, 4 waves x 2 x 3 items, N = 3,000", t_py, lav,
         res.fit["chisq_scaled"])
    spec = clpm(["icraft", "resil"], [1, 2, 3, 4], ordered=True,
                indicators={"icraft": ["a", "b", "c"], "resil": ["a", "b", "c"]})
    syntax = spec.full_syntax(ri_data)
    t_py, res = timed(lambda: spec.fit(ri_data, missing="listwise"), args.reps)
    lav = time_lavaan("sem", ri_data, args.reps, syntax)
    _row("ordinal CLPM, 4 waves x 2 x 3 items, N = 3,000", t_py, lav,
         res.fit["chisq_scaled"])
    mixed, ordered = mixed_items(rng, 500, 3, 4, 4)
    model = "\n".join(f"f{f + 1} =~ " + " + ".join(f"y{4 * f + j + 1}" for j in range(4))
                      for f in range(3))
    t_py, res = timed(lambda: fit_ordinal(model, mixed, ordered=ordered), args.reps)
    lav = time_lavaan("cfa", mixed, args.reps, model, ordered)
    _row("mixed CFA, 6 ordered + 6 continuous, N = 500", t_py, lav, res.fit["chisq_scaled"])
    big, ordered = mixed_items(rng, 3000, 6, 4, 5)
    t_py, stats = timed(lambda: mixed_stats(big, list(big.columns), ordered), args.reps)
    lav = time_lavaan("cor", big, args.reps, "", ordered)
    _row("12 ordered + 12 continuous, N = 3,000 (stage one)", t_py, lav, float(stats.cov.sum()))
    bench_bootstrap(cfa_data)


def bench_bootstrap(cfa_data: pd.DataFrame) -> None:
    """6. Bootstrap of the CFA (DWLS), 100 resamples, against lavaan's bootstrapLavaan.

    Both recompute thresholds, polychorics and the DWLS weights of every resample and refit
    from the estimates; craftwave computes the first stage of all resamples together. Timed
    once each (lavaan takes tens of seconds); the check column is the resamples that refitted.
    """
    from craftwave.analysis.sem.categorical.bootstrap import bootstrap_ordinal

    fit = fit_ordinal(CFA, cfa_data, estimator="dwls")
    t_py, boot = timed(lambda: bootstrap_ordinal(fit, cfa_data, n=100, seed=1,
                                                 progress=False), 1)
    lav = time_lavaan("boot", cfa_data, 1, CFA)
    _row("bootstrap of the CFA, 100 resamples (DWLS)", t_py, lav,
         float(boot.draws.shape[0]))


def _row(name: str, t_py: float, lav: dict | None, value: float) -> None:
    t_lav = lav["seconds"] if lav else float("nan")
    ratio = t_lav / t_py if lav else float("nan")
    check = lav["value"] if lav else float("nan")
    print(f"{name:<52}{t_py * 1e3:>9.1f}ms{t_lav * 1e3:>9.1f}ms{ratio:>7.1f}x  "
          f"{value:.6f} / {check:.6f}")


if __name__ == "__main__":
    main()
