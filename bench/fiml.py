"""Timing of a FIML fit with many missing-data patterns against lavaan (run by hand; never a test).

The model is a nine-factor CFA with four indicators per factor (36 observed variables, 144 free
parameters with the mean structure FIML switches on), simulated here with a fixed seed at
N = 1,000, then 15% of the values deleted completely at random (MCAR), which leaves almost every
row with its own missing-data pattern (about 1,000 patterns). It prints

* craftwave's full ``analysis.fit(..., missing="fiml")`` (estimates, observed-information SEs,
  the EM unrestricted model, the baseline, every fit measure), mean of ``--reps`` fits;
* the observed information alone: the analytic FIML Hessian
  (:func:`craftwave.analysis.sem.hessian.fiml_hessian`) against Richardson differences of the
  analytic gradient (what the engine did before; ``--no-numeric`` skips it), with their largest
  difference;
* lavaan's ``sem(..., missing = "fiml")`` timed inside R with ``system.time`` (the same data via
  a CSV), its chi-square and the largest difference between the two programs' estimates and
  standard errors. The lavaan column is skipped, with a message, where Rscript is absent.

Usage::

    python bench/fiml.py                     # N = 1,000, 15% MCAR
    python bench/fiml.py --rate 0.10 --reps 3
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

from craftwave.analysis.sem import fit
from craftwave.analysis.sem.hessian import fiml_hessian

N_FACTORS, PER_FACTOR = 9, 4


def cfa_syntax() -> str:
    return "\n".join(
        f"f{f + 1} =~ " + " + ".join(f"y{f * PER_FACTOR + j + 1}" for j in range(PER_FACTOR))
        for f in range(N_FACTORS))


def simulate(n: int, rate: float, seed: int) -> pd.DataFrame:
    """Nine correlated factors (r = .3), loadings .6-.9, intercepts 2, then MCAR deletion."""
    rng = np.random.default_rng(seed)
    phi = 0.3 + 0.7 * np.eye(N_FACTORS)
    F = rng.multivariate_normal(np.zeros(N_FACTORS), phi, size=n)
    cols = {}
    for f in range(N_FACTORS):
        for j in range(PER_FACTOR):
            lam = 0.6 + 0.1 * j
            cols[f"y{f * PER_FACTOR + j + 1}"] = (
                2.0 + lam * F[:, f] + rng.normal(scale=np.sqrt(1 - 0.9 * lam ** 2), size=n))
    data = pd.DataFrame(cols)
    return data.mask(rng.random(data.shape) < rate)


R_SCRIPT = r"""
suppressPackageStartupMessages(library(lavaan))
args <- commandArgs(trailingOnly = TRUE)
model <- paste(readLines(args[1]), collapse = "\n")
data <- read.csv(args[2])
reps <- as.integer(args[3])
el <- system.time(for (i in seq_len(reps))
  fit <- sem(model, data = data, missing = "fiml"))[["elapsed"]] / reps
pe <- parameterEstimates(fit)
out <- list(seconds = el, chisq = unname(fitMeasures(fit, "chisq")),
            npatterns = fit@Data@Mp[[1]]$npatterns,
            lhs = pe$lhs, op = pe$op, rhs = pe$rhs, est = pe$est, se = pe$se)
cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE), "\n")
"""


def time_lavaan(model: str, data: pd.DataFrame, reps: int) -> dict | None:
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "model.lav").write_text(model)
        (tmp / "run.R").write_text(R_SCRIPT)
        data.to_csv(tmp / "data.csv", index=False, na_rep="NA")
        out = subprocess.run(["Rscript", str(tmp / "run.R"), str(tmp / "model.lav"),
                              str(tmp / "data.csv"), str(reps)],
                             capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=0.15, help="share of values deleted (MCAR)")
    parser.add_argument("--reps", type=int, default=1, help="fits per timing (both sides)")
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--no-numeric", action="store_true",
                        help="skip the numerical Hessian (about 40 s at the defaults)")
    args = parser.parse_args()
    model = cfa_syntax()
    data = simulate(args.n, args.rate, args.seed)

    fit(model, data.iloc[:200], missing="fiml")        # warm-up (imports, BLAS threads)
    t0 = time.perf_counter()
    for _ in range(args.reps):
        res = fit(model, data, missing="fiml")
    t_fit = (time.perf_counter() - t0) / args.reps
    ev = res.evaluator
    n_pat = sum(len(g.patterns) for g in ev.groups)
    print(f"9-factor CFA, 36 indicators, N = {args.n}, {args.rate:.0%} MCAR: {n_pat} missing-data "
          f"patterns, {ev.model.n_free} free parameters")

    t0 = time.perf_counter()
    H = fiml_hessian(ev, res.theta)
    t_an = time.perf_counter() - t0
    line = f"observed information: analytic {t_an:.2f} s"
    if not args.no_numeric:
        t0 = time.perf_counter()
        Hn = ev.observed_information(res.theta)
        t_num = time.perf_counter() - t0
        rel = np.abs(H - Hn).max() / np.abs(Hn).max()
        line += (f", Richardson differences of the gradient {t_num:.2f} s "
                 f"({t_num / t_an:.0f}x); largest difference {np.abs(H - Hn).max():.1e} "
                 f"({rel:.1e} of the largest element)")
    print(line)

    lav = time_lavaan(model, data, args.reps)
    chisq = res.fit_measures["chisq"]
    if lav is None:
        print(f"craftwave fit {t_fit:.2f} s, chisq {chisq:.4f}; Rscript not found: lavaan skipped")
        return
    pe = pd.DataFrame({k: lav[k] for k in ("lhs", "op", "rhs", "est", "se")})
    both = res.params.merge(pe, on=["lhs", "op", "rhs"], suffixes=("", "_lav"))
    d_est = float(np.nanmax(np.abs(both["est"] - both["est_lav"])))
    d_se = float(np.nanmax(np.abs(both["se"] - both["se_lav"])))
    print(f"{'':<12}{'fit':>10}{'chisq':>14}{'patterns':>10}")
    print(f"{'craftwave':<12}{t_fit:>9.2f}s{chisq:>14.4f}{n_pat:>10}")
    print(f"{'lavaan':<12}{lav['seconds']:>9.2f}s{lav['chisq']:>14.4f}{lav['npatterns']:>10}")
    print(f"ratio lavaan / craftwave: {lav['seconds'] / t_fit:.1f}x; chi-square "
          f"{'agrees' if abs(chisq - lav['chisq']) < 1e-3 * max(1.0, lav['chisq']) else 'DIFFERS'}"
          f" ({abs(chisq - lav['chisq']):.1e}); over {len(both)} parameters the largest "
          f"difference in estimates {d_est:.1e}, in standard errors {d_se:.1e}")


if __name__ == "__main__":
    main()
