"""Benchmark: craftwave's RI-CLPM against lavaan, side by side in one run.

1. A 4-wave, 2-construct RI-CLPM fitted to complete data at N = 600 and N = 100,000 (the whole
   fit: estimates, standard errors, fit measures and baseline model). After the sample moments
   an ML fit does not depend on N, so the large fit should cost little more than the small one.
2. A 500-replication Monte Carlo power run of the stationary RI-CLPM (N = 300 at wave 1, 15%
   attrition before each later wave, so every replication is fitted by FIML), on 2 cores: the
   same population, the same syntax, lavaan's sem(missing = "ml") in R with parallel::mclapply.

lavaan is timed inside R (Rscript start-up and package loading are excluded). Without Rscript
and lavaan the lavaan columns are skipped with a message. Run: .venv/bin/python bench/panel.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from craftwave.analysis.panel import riclpm  # noqa: E402
from craftwave.analysis.power import power  # noqa: E402
from craftwave.analysis.simulate import RICLPMPopulation, simulate  # noqa: E402

REPS_FIT = 5
POWER_N, POWER_REPS, ATTRITION, CORES, SEED = 300, 500, 0.15, 2, 2026

R_CODE = r"""
suppressPackageStartupMessages({library(lavaan); library(jsonlite); library(parallel)})
args <- commandArgs(TRUE)
mode <- args[1]
syntax <- paste(readLines(args[2]), collapse = "\n")
if (mode == "fit") {
  d <- read.csv(args[3]); reps <- as.integer(args[4])
  f <- sem(syntax, data = d, meanstructure = TRUE, fixed.x = FALSE)   # warm-up
  t <- replicate(reps, system.time(sem(syntax, data = d, meanstructure = TRUE,
                                        fixed.x = FALSE))[["elapsed"]])
  cat(toJSON(list(seconds = median(t), logl = fitMeasures(f, "logl")[[1]]), auto_unbox = TRUE,
             digits = NA))
} else {
  pop <- fromJSON(args[3]); n <- as.integer(args[4]); reps <- as.integer(args[5])
  att <- as.numeric(args[6]); cores <- as.integer(args[7]); seed <- as.integer(args[8])
  waves <- 4
  mvn <- function(n, s) matrix(rnorm(n * nrow(s)), n) %*% chol(s)
  B <- matrix(as.numeric(t(pop$lagged)), 2, byrow = TRUE)  # rows: outcome, cols: predictor
  one <- function(r) {
    set.seed(seed + r)
    ri <- mvn(n, matrix(c(pop$ri_var[1], pop$ri_cov, pop$ri_cov, pop$ri_var[2]), 2))
    w <- mvn(n, matrix(c(pop$w1_var[1], pop$w1_cov, pop$w1_cov, pop$w1_var[2]), 2))
    inn <- matrix(c(pop$innov_var[1], pop$innov_cov, pop$innov_cov, pop$innov_var[2]), 2)
    last <- rep(waves, n)
    for (t in 2:waves) last[last == waves & runif(n) < att] <- t - 1
    d <- data.frame(row.names = seq_len(n))
    for (t in 1:waves) {
      if (t > 1) w <- w %*% t(B) + mvn(n, inn)
      y <- w + ri
      y[last < t, ] <- NA
      d[[sprintf("icraft_w%d", t)]] <- y[, 1]; d[[sprintf("resil_w%d", t)]] <- y[, 2]
    }
    f <- try(sem(syntax, data = d, missing = "ml"), silent = TRUE)
    if (inherits(f, "try-error") || !lavInspect(f, "converged")) return(NULL)
    pe <- parameterEstimates(f)
    pe <- pe[pe$label %in% c("ar_icraft", "cl_resil_icraft", "cl_icraft_resil", "ar_resil"), ]
    pe <- pe[!duplicated(pe$label), ]
    data.frame(label = pe$label, est = pe$est, se = pe$se, p = pe$pvalue)
  }
  t0 <- proc.time()[["elapsed"]]
  res <- mclapply(seq_len(reps), one, mc.cores = cores)
  secs <- proc.time()[["elapsed"]] - t0
  res <- do.call(rbind, res[!vapply(res, is.null, TRUE)])
  pw <- tapply(res$p < 0.05, res$label, mean)
  est <- tapply(res$est, res$label, mean)
  cat(toJSON(list(seconds = secs, converged = nrow(res) / 4, power = as.list(pw),
                  mean_est = as.list(est)), auto_unbox = TRUE, digits = NA))
}
"""


def have_lavaan() -> bool:
    if shutil.which("Rscript") is None:
        return False
    ok = subprocess.run(["Rscript", "-e", "library(lavaan)"], capture_output=True)
    return ok.returncode == 0


def run_r(*args: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False) as fh:
        fh.write(R_CODE)
    try:
        out = subprocess.run(["Rscript", fh.name, *args], capture_output=True, text=True,
                             check=True)
    finally:
        os.unlink(fh.name)
    return json.loads(out.stdout.strip().splitlines()[-1])


def time_fit(spec, data: pd.DataFrame) -> tuple[float, float, float]:
    """Median seconds of the whole fit, its log-likelihood, and the seconds of the moments."""
    spec.fit(data, missing="listwise")  # warm-up (imports, caches)
    times = []
    for _ in range(REPS_FIT):
        t0 = time.perf_counter()
        res = spec.fit(data, missing="listwise")
        times.append(time.perf_counter() - t0)
    # the compiled path (as the bootstrap and power use it): moments, then estimates and SEs
    from craftwave.analysis.sem import fit_moments
    from craftwave.analysis.sem.estimation import Evaluator, moments_from_data
    from craftwave.analysis.sem.specification import compile_model

    model = compile_model(spec.syntax, meanstructure=True, fixed_x=False)
    y = data[model.ov_names].to_numpy(float)
    fast = []
    for _ in range(REPS_FIT):
        t0 = time.perf_counter()
        g = moments_from_data(y, keep_raw=False)
        state = fit_moments(model, [g])
        np.linalg.inv(Evaluator(model, [g]).expected_information(state.theta))
        fast.append(time.perf_counter() - t0)
    return float(np.median(times)), float(res.fit_measures["loglik"]), float(np.median(fast))


def main() -> None:
    lavaan = have_lavaan()
    if not lavaan:
        print("Rscript with lavaan not found: the lavaan columns are skipped.")
    spec = riclpm(["icraft", "resil"], [1, 2, 3, 4])
    work = Path(tempfile.mkdtemp(prefix="craftwave-bench-"))
    (work / "riclpm.lav").write_text(spec.syntax)
    print(f"RI-CLPM, 2 constructs x 4 waves, complete data, ML (median of {REPS_FIT} fits)")
    print("  craftwave s: analysis.fit (estimates, SEs, fit measures, baseline model);")
    print("  compiled s: compiled model from the moments (estimates and SEs), as power uses it")
    print(f"{'N':>8} {'craftwave s':>12} {'lavaan s':>10} {'ratio':>7}  "
          f"{'logl craftwave':>16} {'logl lavaan':>14}  {'compiled s':>10} {'ratio':>7}")
    for n in (600, 100_000):
        data = simulate(n=n, waves=4, model="riclpm", items=False, seed=n).latent
        ours, logl, mom = time_fit(spec, data)
        if lavaan:
            path = work / f"riclpm_{n}.csv"
            data.drop(columns="participant_id").to_csv(path, index=False)
            r = run_r("fit", str(work / "riclpm.lav"), str(path), str(REPS_FIT))
            print(f"{n:>8} {ours:>12.4f} {r['seconds']:>10.4f} {r['seconds'] / ours:>6.1f}x  "
                  f"{logl:>16.4f} {r['logl']:>14.4f}  {mom:>10.4f} {r['seconds'] / mom:>6.1f}x")
        else:
            print(f"{n:>8} {ours:>12.4f} {'-':>10} {'-':>7}  {logl:>16.4f} {'-':>14}  {mom:>10.4f}")

    print(f"\nPower run: stationary RI-CLPM, N = {POWER_N}, {POWER_REPS} replications, "
          f"attrition {ATTRITION} per wave (FIML), {CORES} cores")
    t0 = time.perf_counter()  # start the worker processes once (joblib/loky reuses them)
    power("riclpm", n=[POWER_N], reps=2 * CORES, attrition=ATTRITION, seed=SEED + 1,
          n_jobs=CORES, chunk_size=1)
    startup = time.perf_counter() - t0
    t0 = time.perf_counter()
    res = power("riclpm", n=[POWER_N], reps=POWER_REPS, attrition=ATTRITION, seed=SEED,
                n_jobs=CORES)
    ours = time.perf_counter() - t0
    print(f"(starting {CORES} worker processes and a warm-up: {startup:.1f} s, not counted)")
    table = res.table.set_index("parameter")
    if lavaan:
        pop = json.dumps({k: v for k, v in res.settings["population"].items()
                          if k != "constructs"})
        (work / "pop.json").write_text(pop)
        syn = riclpm(["icraft", "resil"], [1, 2, 3, 4], stationary=True).syntax
        (work / "stationary.lav").write_text(syn)
        r = run_r("power", str(work / "stationary.lav"), str(work / "pop.json"), str(POWER_N),
                  str(POWER_REPS), str(ATTRITION), str(CORES), str(SEED))
        print(f"craftwave {ours:.1f} s   lavaan {r['seconds']:.1f} s   ratio "
              f"{r['seconds'] / ours:.1f}x   (lavaan converged: {r['converged']:.0f})")
        print(f"{'parameter':>16} {'true':>6} {'power cw':>9} {'power lav':>10} "
              f"{'mean cw':>8} {'mean lav':>9}")
        for name, row in table.iterrows():
            print(f"{name:>16} {row.true:>6.2f} {row.power:>9.3f} {r['power'][name]:>10.3f} "
                  f"{row.mean_est:>8.3f} {r['mean_est'][name]:>9.3f}")
    else:
        print(f"craftwave {ours:.1f} s")
        print(table[["true", "power", "mean_est", "coverage"]].to_string())
    shutil.rmtree(work, ignore_errors=True)
    assert RICLPMPopulation  # the population the R code mirrors


if __name__ == "__main__":
    main()
