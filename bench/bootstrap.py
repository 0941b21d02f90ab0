"""Bootstrap benchmark: craftwave against lavaan, side by side, in one run on this machine.

1. 5,000 resamples of the moderated mediation model (PROCESS model 7, N = 334, the reference
   CSV): craftwave's closed form against lavaan's ``se = "bootstrap"`` (timed inside R).
2. 1,000 resamples of the three-factor Holzinger-Swineford CFA (N = 301): craftwave's general
   path (compiled model, warm starts, weighted moments) against lavaan's bootstrap.
3. 1,000 resamples of the 4-wave RI-CLPM (two constructs, N = 500, complete data; the builder's
   FIML on complete rows is ML with a mean structure, which both sides fit).
4. The FIML bootstrap lavaan users wait for (lavaan issue #519): a three-wave multiple-indicator
   RI-CLPM, 2 constructs x 4 items x 3 waves = 24 observed variables, N = 1,000, 30% monotone
   attrition by wave 3 plus 1% item nonresponse. craftwave runs 2,000 resamples; lavaan refits
   the first 100 of the same resamples (their row indices are passed to R) exactly as its own
   bootstrap does per draw; the ratio is per resample.

Both sides use 2 cores (lavaan: ``parallel = "multicore", ncpus = 2``; craftwave: ``n_jobs=2``
for the general path; the closed form is faster on one core than the cost of starting workers).
Where Rscript is absent only craftwave's times are printed. Never run as a test.

Run from the repository root:  .venv/bin/python bench/bootstrap.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]

MED_CSV = ROOT / "tests" / "reference" / "data" / "mediation.csv"
HS_CSV = ROOT / "tests" / "reference" / "data" / "sem_hs.csv"
RI_CSV = ROOT / "tests" / "reference" / "data" / "panel_riclpm.csv"
HS_MODEL = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
CPUS = 2

R_MEDIATION = r"""
suppressPackageStartupMessages(library(lavaan))
d <- read.csv("{csv}")
d$icraft_w1 <- d$icraft_w1 - mean(d$icraft_w1)
d$ccraft_w1 <- d$ccraft_w1 - mean(d$ccraft_w1)
d$icraft_w1_x_ccraft_w1 <- d$icraft_w1 * d$ccraft_w1
s <- sd(read.csv("{csv}")$ccraft_w1)
model <- paste0(
  "resil_w2 ~ a1*icraft_w1 + a2*ccraft_w1 + a3*icraft_w1_x_ccraft_w1 + tenure\n",
  "ccommit_w3 ~ cp*icraft_w1 + b*resil_w2 + tenure\n",
  "ind_lo := (a1 - a3*", s, ")*b\nind_mid := a1*b\nind_hi := (a1 + a3*", s, ")*b\n",
  "index := a3*b")
set.seed(1)
secs <- system.time(fit <- sem(model, data = d, fixed.x = TRUE, meanstructure = TRUE,
  se = "bootstrap", bootstrap = {b}, parallel = "multicore", ncpus = {cpus},
  iseed = 1))[["elapsed"]]
pe <- parameterEstimates(fit, boot.ci.type = "perc")
cat("SECONDS", secs, "\n")
for (nm in c("ind_lo", "ind_mid", "ind_hi", "index")) {{
  r <- pe[pe$lhs == nm, ]
  cat("CI", nm, r$ci.lower, r$ci.upper, "\n")
}}
"""

R_CFA = r"""
suppressPackageStartupMessages(library(lavaan))
d <- read.csv("{csv}")
model <- "{model}"
set.seed(1)
secs <- system.time(fit <- cfa(model, data = d, se = "bootstrap", bootstrap = {b},
  parallel = "multicore", ncpus = {cpus}, iseed = 1))[["elapsed"]]
cat("SECONDS", secs, "\n")
pe <- parameterEstimates(fit, boot.ci.type = "perc")
pe <- pe[pe$se > 0, ]
for (i in seq_len(nrow(pe))) {{
  cat("CI", paste0(pe$lhs[i], pe$op[i], pe$rhs[i]), pe$ci.lower[i], pe$ci.upper[i], "\n")
}}
"""


def run_r(script: str) -> dict | None:
    """Run an R script; return its SECONDS and CI lines, or None without Rscript."""
    if shutil.which("Rscript") is None:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False) as fh:
        fh.write(script)
        path = fh.name
    try:
        out = subprocess.run(["Rscript", path], capture_output=True, text=True, check=True)
    finally:
        os.unlink(path)
    result: dict = {"ci": {}}
    for line in out.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == "SECONDS":
            result["seconds"] = float(parts[1])
        elif parts and parts[0] == "CI":
            result["ci"][parts[1]] = (float(parts[2]), float(parts[3]))
    return result


def best_of(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def bench_mediation(n_boot: int) -> None:
    from craftwave.analysis.mediation import moderated_mediation

    data = pd.read_csv(MED_CSV)

    def run():
        return moderated_mediation(data, x="icraft_w1", w="ccraft_w1", m="resil_w2",
                                   y="ccommit_w3", covariates=["tenure"], model=7,
                                   bootstrap=n_boot, seed=1)

    run()  # warm-up: imports, BLAS threads
    secs, res = best_of(run, 5)
    print(f"\n[1] moderated mediation, model 7, N = {len(data)}, {n_boot} resamples")
    print(f"    craftwave closed form (whole call, incl. ML fit, probes, CIs): {secs:8.3f} s")
    r = run_r(R_MEDIATION.format(csv=MED_CSV, b=n_boot, cpus=CPUS))
    if r is None:
        print("    lavaan: Rscript not found; craftwave only")
        return
    print(f"    lavaan se = 'bootstrap' ({CPUS} cores):                         "
          f"{r['seconds']:8.3f} s")
    print(f"    ratio lavaan / craftwave: {r['seconds'] / secs:8.0f}x   (target >= 100x)")
    names = ["ind_lo", "ind_mid", "ind_hi"]
    rows = list(res.conditional_indirect.itertuples()) + list(res.index.itertuples())
    diffs = []
    for name, row in zip([*names, "index"], rows, strict=True):
        lo, hi = r["ci"][name]
        diffs += [abs(row.ci_lower - lo), abs(row.ci_upper - hi)]
    print(f"    largest |CI bound difference| vs lavaan (different RNGs): {max(diffs):.4f}")


def bench_cfa(n_boot: int) -> None:
    print(f"\n[2] three-factor CFA (Holzinger-Swineford, N = 301), {n_boot} resamples")
    try:
        from craftwave.analysis import bootstrap as general_bootstrap
        from craftwave.analysis import fit
    except ImportError as exc:
        print(f"    craftwave general path not available yet ({exc})")
        general_bootstrap = None
    data = pd.read_csv(HS_CSV)
    secs = None
    if general_bootstrap is not None and callable(general_bootstrap):
        result = fit(HS_MODEL, data)

        def run():
            return general_bootstrap(result, data, n=n_boot, seed=1, n_jobs=CPUS, progress=False)

        secs, boot = best_of(run, 2)
        print(f"    craftwave general path ({CPUS} workers):   {secs:8.3f} s "
              f"({boot.n_failed} failed)")
    r = run_r(R_CFA.format(csv=HS_CSV, model=HS_MODEL.replace("\n", "\\n"), b=n_boot, cpus=CPUS))
    if r is None:
        print("    lavaan: Rscript not found; craftwave only")
        return
    print(f"    lavaan se = 'bootstrap' ({CPUS} cores):   {r['seconds']:8.3f} s")
    if secs:
        print(f"    ratio lavaan / craftwave: {r['seconds'] / secs:8.1f}x   (target >= 10x)")
        table = boot.params
        diffs = []
        for _, row in table[table.free >= 0].iterrows():
            key = f"{row.lhs}{row.op}{row.rhs}"
            if key in r["ci"]:
                lo, hi = r["ci"][key]
                diffs.append(max(abs(row.ci_lower - lo), abs(row.ci_upper - hi)) / row.se)
        print(f"    largest |CI bound difference| vs lavaan, in ML standard errors: "
              f"{max(diffs):.3f} over {len(diffs)} parameters (two independent Monte Carlo runs: "
              "at B = 1000 the largest is typically 0.3-0.6 SE, at B = 5000 about 0.2-0.3)")


R_RICLPM = r"""
suppressPackageStartupMessages(library(lavaan))
d <- read.csv("{csv}")
model <- paste(readLines("{model}"), collapse = "\n")
set.seed(1)
secs <- system.time(fit <- sem(model, data = d, meanstructure = TRUE, se = "bootstrap",
  bootstrap = {b}, parallel = "multicore", ncpus = {cpus}, iseed = 1))[["elapsed"]]
cat("SECONDS", secs, "\n")
"""


def bench_riclpm(n_boot: int) -> None:
    import craftwave.analysis as analysis

    print(f"\n[3] RI-CLPM, 2 constructs x 4 waves (N = 500, complete), {n_boot} resamples")
    data = pd.read_csv(RI_CSV)
    model = analysis.riclpm(["icraft", "resil"], [1, 2, 3, 4])
    result = analysis.fit(model.syntax, data, missing="fiml")

    def run():
        return analysis.bootstrap(result, data, n=n_boot, seed=1, n_jobs=CPUS, progress=False)

    secs, boot = best_of(run, 1)
    print(f"    craftwave general path (batched, complete rows): {secs:8.3f} s "
          f"({boot.n_failed} failed)")
    with tempfile.NamedTemporaryFile("w", suffix=".lav", delete=False) as fh:
        fh.write(model.syntax)
        lav = fh.name
    try:
        r = run_r(R_RICLPM.format(csv=RI_CSV, model=lav, b=n_boot, cpus=CPUS))
    finally:
        os.unlink(lav)
    if r is None:
        print("    lavaan: Rscript not found; craftwave only")
        return
    print(f"    lavaan se = 'bootstrap' ({CPUS} cores):             {r['seconds']:8.3f} s")
    print(f"    ratio lavaan / craftwave: {r['seconds'] / secs:8.1f}x   (target >= 10x)")


# -- [4] the FIML bootstrap ------------------------------------------------------------------------

RI_ITEMS = ["a", "b", "c", "d"]
RI_CONSTRUCTS = ["icraft", "resil"]


def riclpm_fiml_data(n: int = 1000, seed: int = 519) -> pd.DataFrame:
    """Seeded three-wave panel: per item a stable part (its construct's random intercept times the
    loading plus a specific part), within-person factors with lagged effects, measurement error;
    15% drop out after wave 1 and 18% of the rest after wave 2 (monotone: 30% missing at wave
    3), then 1% of the remaining answers are missing at random."""
    from craftwave.analysis.simulate import dropout_waves

    rng = np.random.default_rng(seed)
    lam = np.array([1.0, 0.9, 0.8, 0.85])
    nu = np.array([3.5, 3.2, 3.8, 3.0])
    ri = rng.multivariate_normal([0.0, 0.0], [[0.5, 0.2], [0.2, 0.4]], size=n)
    lagged = np.array([[0.4, 0.15], [0.1, 0.35]])
    w = np.empty((n, 2, 3))
    w[:, :, 0] = rng.multivariate_normal([0.0, 0.0], [[1.0, 0.3], [0.3, 1.0]], size=n)
    for t in (1, 2):
        w[:, :, t] = w[:, :, t - 1] @ lagged.T + rng.multivariate_normal(
            [0.0, 0.0], [[0.8, 0.2], [0.2, 0.8]], size=n)
    cols = {}
    for ci, c in enumerate(RI_CONSTRUCTS):
        for k, it in enumerate(RI_ITEMS):
            stable = lam[k] * ri[:, ci] + rng.normal(scale=np.sqrt(0.05), size=n)
            for t in range(3):
                cols[f"{c}_{it}_w{t + 1}"] = (nu[k] + stable + lam[k] * w[:, ci, t]
                                              + rng.normal(scale=np.sqrt(0.4), size=n))
    values = pd.DataFrame(cols).to_numpy().copy()
    names = list(cols)
    last = dropout_waves(n, 3, [0.15, 0.18], rng)
    for t in (2, 3):
        wave_cols = [j for j, c in enumerate(names) if c.endswith(f"_w{t}")]
        values[np.ix_(last < t, wave_cols)] = np.nan
    item = ~np.isnan(values) & (rng.random(values.shape) < 0.01)
    values[item] = np.nan
    return pd.DataFrame(values, columns=names)


R_FIML = r"""
suppressPackageStartupMessages(library(lavaan))
d <- read.csv("{csv}")
model <- paste(readLines("{model}"), collapse = "\n")
idx <- as.matrix(read.csv("{idx}", header = FALSE))
fit <- sem(model, data = d, missing = "fiml", meanstructure = TRUE)
# what lavaan's bootstrap (lav_bootstrap_internal) does for one ordinary draw, with our rows
lavdata <- fit@Data; lavmodel <- fit@Model; lavpartable <- fit@ParTable
opt <- fit@Options
opt$test <- "none"; opt$verbose <- FALSE; opt$check.start <- FALSE; opt$check.post <- FALSE
opt$optim.attempts <- 1L; opt$baseline <- FALSE; opt$h1 <- FALSE; opt$loglik <- FALSE
opt$implied <- FALSE; opt$store.vcov <- FALSE; opt$se <- "none"
X <- lavdata@X[[1]]
free <- lavpartable$free > 0
cat("NAMES", paste0(lavpartable$lhs, lavpartable$op, lavpartable$rhs)[free], "\n")
one <- function(b) {{
  i <- idx[b, ]
  nd <- lav_data_update(lavdata = lavdata, newX = list(X[i, , drop = FALSE]),
                        BOOT.idx = list(i), lavoptions = opt)
  ss <- try(lav_samplestats_from_data(lavdata = nd, lavoptions = opt), silent = TRUE)
  if (inherits(ss, "try-error")) return(NULL)
  f <- suppressWarnings(lavaan(slotOptions = opt, slotParTable = lavpartable,
                               slotModel = lavmodel, slotSampleStats = ss, slotData = nd))
  if (!f@optim$converged) return(NULL)
  parTable(f)$est[free]
}}
secs <- 0
for (start in seq(1, nrow(idx), by = 10)) {{
  todo <- start:min(start + 9, nrow(idx))
  secs <- secs + system.time(
    res <- parallel::mclapply(todo, one, mc.cores = {cpus}))[["elapsed"]]
  for (k in seq_along(todo)) {{
    if (is.null(res[[k]]) || inherits(res[[k]], "try-error")) cat("FAILED", todo[k], "\n")
    else cat("EST", todo[k], res[[k]], "\n")
  }}
  cat("DONE", length(todo), "\n")
  flush(stdout())
}}
cat("SECONDS", secs, "\n")
"""


def run_r_fiml(script: str, n: int) -> dict | None:
    """Run the lavaan side with a progress bar; its seconds, failures and estimates."""
    if shutil.which("Rscript") is None:
        return None
    from tqdm.auto import tqdm

    with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False) as fh:
        fh.write(script)
        path = fh.name
    out: dict = {"est": {}, "failed": 0}
    try:
        proc = subprocess.Popen(["Rscript", path], stdout=subprocess.PIPE, text=True)
        with tqdm(total=n, desc="lavaan", unit="resample") as bar:
            for line in proc.stdout:
                parts = line.split()
                if not parts:
                    continue
                if parts[0] == "NAMES":
                    out["names"] = parts[1:]
                elif parts[0] == "EST":
                    out["est"][int(parts[1]) - 1] = np.array(parts[2:], dtype=float)
                elif parts[0] == "FAILED":
                    out["failed"] += 1
                elif parts[0] == "DONE":
                    bar.update(int(parts[1]))
                elif parts[0] == "SECONDS":
                    out["seconds"] = float(parts[1])
        if proc.wait() != 0:
            raise RuntimeError("the lavaan side failed (Rscript exited with an error)")
    finally:
        os.unlink(path)
    return out


def bench_fiml(n_boot: int, n_lavaan: int) -> None:
    import craftwave.analysis as analysis
    from craftwave.analysis.bootstrap import resample_weights

    print(f"\n[4] FIML bootstrap: multiple-indicator RI-CLPM, 2 constructs x 4 items x 3 waves "
          f"(24 variables), N = 1,000,\n    30% attrition by wave 3 + 1% item nonresponse; "
          f"craftwave {n_boot} resamples, lavaan the first {n_lavaan} of the same")
    data = riclpm_fiml_data()
    model = analysis.riclpm(RI_CONSTRUCTS, [1, 2, 3],
                            indicators={c: RI_ITEMS for c in RI_CONSTRUCTS})
    result = analysis.fit(model.syntax, data, missing="fiml")
    patterns = len(np.unique(data.notna().to_numpy(), axis=0))
    print(f"    {patterns} missing-data patterns, {result.theta.size} free parameters, "
          f"{data.iloc[:, -1].isna().mean():.0%} missing at wave 3")
    weights = resample_weights(len(data), n_boot, seed=519)
    t0 = time.perf_counter()
    boot = analysis.bootstrap(result, data, n=n_boot, seed=519, n_jobs=CPUS, progress=True)
    secs = time.perf_counter() - t0
    per_cw = secs / n_boot
    print(f"    craftwave ({CPUS} workers): {secs:8.2f} s for {n_boot} = {1e3 * per_cw:7.1f} ms "
          f"per resample; failed: {boot.n_failed}")
    with tempfile.TemporaryDirectory() as tmp:
        csv, lav, idx = (os.path.join(tmp, f) for f in ("d.csv", "m.lav", "idx.csv"))
        data.to_csv(csv, index=False)
        Path(lav).write_text(model.syntax)
        rows = np.array([np.repeat(np.arange(1, len(data) + 1), w) for w in weights[:n_lavaan]])
        np.savetxt(idx, rows, fmt="%d", delimiter=",")
        r = run_r_fiml(R_FIML.format(csv=csv, model=lav, idx=idx, cpus=CPUS), n_lavaan)
    if r is None:
        print("    lavaan: Rscript not found; craftwave only")
        return
    per_lav = r["seconds"] / n_lavaan
    print(f"    lavaan  ({CPUS} cores):   {r['seconds']:8.2f} s for {n_lavaan} = "
          f"{1e3 * per_lav:7.1f} ms per resample; failed: {r['failed']}")
    print(f"    ratio per resample, lavaan / craftwave: {per_lav / per_cw:8.1f}x   (target >= 20x)")
    # the same resamples give the same estimates
    if boot.n_failed == 0:
        mine = boot.draws[:n_lavaan]
    else:
        mine = analysis.bootstrap(result, data, weights=weights[:n_lavaan], progress=False).draws
    col = {f"{row.lhs}{row.op}{row.rhs}": int(row.free)
           for row in boot.params.itertuples() if row.free >= 0}
    cols = [col.get(nm, -1) for nm in r.get("names", [])]
    diffs = [np.max(np.abs(est - mine[b][cols])) for b, est in r["est"].items()
             if b < mine.shape[0] and -1 not in cols and np.all(np.isfinite(mine[b]))]
    if diffs:
        print(f"    largest |estimate difference| on the same resamples: {max(diffs):.1e} "
              f"over {len(diffs)} resamples x {len(cols)} parameters")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer resamples (a smoke run)")
    parser.add_argument("--fiml-only", action="store_true", help="only case [4], the FIML bootstrap")
    args = parser.parse_args()
    print(f"bootstrap benchmark: {os.cpu_count()} CPUs, numpy {np.__version__}")
    if args.fiml_only:
        bench_fiml(200 if args.quick else 2000, 10 if args.quick else 100)
        return
    bench_mediation(500 if args.quick else 5000)
    bench_cfa(100 if args.quick else 1000)
    bench_riclpm(100 if args.quick else 1000)
    bench_fiml(200 if args.quick else 2000, 10 if args.quick else 100)


if __name__ == "__main__":
    main()
