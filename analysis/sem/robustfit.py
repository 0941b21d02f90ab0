"""Fit measures of the MLM, MLMV, ULS and GLS estimators, named as lavaan's ``fitMeasures``.

MLM and MLMV (lavaan's ``lav_fit_cfi_lavobject``, ``lav_fit_rmsea_lavobject``):

* ``*_scaled``: the ordinary formulas on the scaled statistics; for the Satorra-Bentler test the
  scaled RMSEA keeps the unscaled chi-square with tr(U Gamma) as its degrees of freedom;
* ``*_robust`` (Brosseau-Liard, Savalei and Li): the ordinary chi-square with c df in place of
  df, c the scaling factor (MLMV: c = (1/a) (df - b) / df with shift b); the robust RMSEA's
  interval inverts the scaled statistic and multiplies the non-centrality by the scaling factor.

ULS and GLS (:mod:`craftwave.analysis.sem.leastsquares`): chi-square, baseline, CFI, TLI, RMSEA
and SRMR from their own test statistic; no log-likelihood (lavaan gives none).
"""

from __future__ import annotations

import math

import numpy as np

from craftwave.analysis.sem import fitmeasures as fmx
from craftwave.analysis.sem.estimation import Evaluator, GroupMoments
from craftwave.analysis.sem.fitextra import add_gfi, add_more_measures, add_residual_measures
from craftwave.analysis.sem.information import _h1_keep, saturated_h1
from craftwave.analysis.sem.leastsquares import LSFit
from craftwave.analysis.sem.robust import (
    full_gammas,
    robust_c_hat,
    robust_parts,
    robust_sem_vcov,
    scaled_test,
    ugamma_traces,
)
from craftwave.analysis.sem.specification import CompiledModel

__all__ = ["satorra_bentler", "least_squares_measures", "residual_fit", "TEST_NAMES"]

TEST_NAMES = {"ML": "standard", "MLR": "yuan.bentler.mplus", "MLM": "satorra.bentler",
              "MLMV": "scaled.shifted", "ULS": "standard", "GLS": "standard"}


def model_test(ev: Evaluator, theta: np.ndarray, chisq: float, df: int, estimator: str,
               gammas: list[np.ndarray] | None = None) -> tuple[dict, np.ndarray]:
    """The scaled test of one model and its robust.sem covariance matrix."""
    kind = TEST_NAMES[estimator]
    rp = robust_parts(ev, theta, gammas=gammas)
    tr1, tr2 = ugamma_traces(rp, second=kind == "scaled.shifted")
    return scaled_test(chisq, df, tr1, tr2, kind), robust_sem_vcov(rp, ev.N)


def satorra_bentler(ev: Evaluator, theta: np.ndarray, fm: dict, base: dict,
                    estimator: str) -> np.ndarray:
    """Add MLM's or MLMV's scaled test and robust indices to ``fm``; return the robust vcov."""
    gammas = full_gammas(ev)
    df, df0 = fm["df"], base["df"]
    chisq, chisq0 = fm["chisq"], base["chisq"]
    test, V = model_test(ev, theta, chisq, df, estimator, gammas)
    test0, _ = model_test(base["ev"], base["theta"], chisq0, df0, estimator, gammas)
    N = ev.N
    G = ev.model.n_groups
    shifted = estimator == "MLMV"
    fm["scaling_factor"] = test["scaling_factor"]
    fm["chisq_scaled"] = test["stat"]
    fm["pvalue_scaled"] = fmx.chisq_pvalue(test["stat"], df)
    fm["baseline_scaling_factor"] = test0["scaling_factor"]
    fm["baseline_chisq_scaled"] = test0["stat"]
    fm["baseline_df_scaled"] = df0
    fm["baseline_pvalue_scaled"] = fmx.chisq_pvalue(test0["stat"], df0)
    if shifted:
        fm["shift_parameter"] = test["shift"]
        fm["baseline_shift_parameter"] = test0["shift"]
    xs, xs0 = test["stat"], test0["stat"]
    fm["cfi_scaled"] = fmx.cfi(xs, df, xs0, df0)
    fm["tli_scaled"] = fmx.tli(xs, df, xs0, df0)
    # lavaan: the SB-scaled RMSEA keeps X2 with tr(U Gamma) degrees of freedom
    x2s, df2 = (xs, df) if shifted else (chisq, test["trace"] if df > 0 else math.nan)
    if np.isfinite(df2):
        fm["rmsea_scaled"] = fmx.rmsea(x2s, df2, N, G) if df > 0 else 0.0
    else:
        fm["rmsea_scaled"] = math.nan
    fm["rmsea_ci_lower_scaled"], fm["rmsea_ci_upper_scaled"] = _rmsea_ci(x2s, df2, N, G)
    c, c0 = robust_c_hat(test, df), robust_c_hat(test0, df0)
    robust = np.isfinite(c) and np.isfinite(c0)     # lavaan: NA without both factors
    fm["cfi_robust"] = fmx.cfi(chisq, df, chisq0, df0, c, c0) if robust else math.nan
    fm["tli_robust"] = fmx.tli(chisq, df, chisq0, df0, c, c0) if robust else math.nan
    fm["rmsea_robust"] = fmx.rmsea(chisq, df, N, G, c) if df > 0 else 0.0
    lo, hi = _rmsea_ci(xs, df, N, G, c=test["scaling_factor"])
    fm["rmsea_ci_lower_robust"], fm["rmsea_ci_upper_robust"] = lo, hi
    add_more_measures(fm, n=N, n_groups=G, robust_c=(c, c0) if robust else None,
                      scaled_rmsea=(x2s, df2), robust_rmsea=(xs, test["scaling_factor"]))
    return V


def _rmsea_ci(x2: float, df: float, n: float, G: int, c: float = 1.0) -> tuple[float, float]:
    """lavaan's lav_fit_rmsea_ci on an (already scaled) statistic x2 with scaling factor c."""
    if not (np.isfinite(x2) and np.isfinite(df)):
        return math.nan, math.nan
    if df < 1:
        return 0.0, 0.0
    if not np.isfinite(c):
        return math.nan, math.nan
    return fmx.rmsea_ci(x2 * c, df, n, G, c=c)


def _moment_vector(S: np.ndarray, mu: np.ndarray, ms: bool) -> np.ndarray:
    j, k = np.triu_indices(S.shape[0])
    return np.concatenate([mu, S[j, k]]) if ms else S[j, k]


def residual_fit(fm: dict, ev: Evaluator, theta: np.ndarray,
                 samples: list[tuple[np.ndarray, np.ndarray]],
                 weights: list[np.ndarray] | None = None) -> dict:
    """Add RMR, SRMR (Bentler), CRMR and, for complete data, GFI, AGFI and PGFI to ``fm``.

    ``samples`` are the moments the residuals are taken from (the EM moments under FIML);
    ``weights`` the estimator's W per group (default: ML's, the unrestricted model's expected
    information at the model-implied moments, as lavaan's structured WLS.V).
    """
    cm = ev.model
    ms = cm.meanstructure
    implied = [(p["Sigma"], p["mu"]) for p in (ev.parts(theta, g) for g in range(cm.n_groups))]
    add_residual_measures(fm, samples, implied, [g.n / ev.N for g in ev.groups], ms)
    if ev.fiml:
        return fm
    obs, est, ws = [], [], []
    nel = 0
    for gi, ((S, ybar), (Sigma, mu)) in enumerate(zip(samples, implied, strict=True)):
        W = (saturated_h1(GroupMoments(ev.groups[gi].n, Sigma, mu), ms)["A1"]
             if weights is None else weights[gi])
        keep = _h1_keep(ev, W.shape[0])
        nel += keep.size
        obs.append(_moment_vector(S, ybar, ms)[keep])
        est.append(_moment_vector(Sigma, mu, ms)[keep])
        ws.append(W[np.ix_(keep, keep)])
    return add_gfi(fm, obs, est, ws, [g.n for g in ev.groups], nel)


def least_squares_measures(cm: CompiledModel, ls: LSFit, base: LSFit, estimator: str) -> dict:
    """lavaan's fit measures of a ULS or GLS fit (no log-likelihood, AIC or BIC)."""
    ev = ls.ev
    N, G, df = ev.N, cm.n_groups, cm.df
    chisq, chisq0, df0 = ls.chisq, base.chisq, base.ev.model.df
    pval = ((lambda x, d: math.nan) if estimator == "ULS" else fmx.chisq_pvalue)
    nan = math.nan
    fm: dict[str, float] = {
        "npar": cm.n_free, "fmin": ls.state.fmin, "chisq": chisq, "df": df,
        "pvalue": pval(chisq, df), "baseline_chisq": chisq0, "baseline_df": df0,
        "baseline_pvalue": pval(chisq0, df0),
        "cfi": fmx.cfi(chisq, df, chisq0, df0), "tli": fmx.tli(chisq, df, chisq0, df0),
        "rmsea": fmx.rmsea(chisq, df, N - G, G), "loglik": nan, "unrestricted_loglik": nan,
        "aic": nan, "bic": nan, "ntotal": N,
    }
    # lavaan's lav_utils_get_ntotal: N less the number of groups for estimators other than ML
    fm["rmsea_ci_lower"], fm["rmsea_ci_upper"] = fmx.rmsea_ci(chisq, df, N - G, G)
    implied = [(p["Sigma"], p["mu"]) for p in (ev.parts(ls.state.theta, g) for g in range(G))]
    samples = [(g.S, g.ybar) for g in ev.groups]
    fm["srmr"] = fmx.srmr(samples, implied, [g.n / N for g in ev.groups], cm.meanstructure)
    add_more_measures(fm, n=N - G, n_groups=G)
    residual_fit(fm, ev, ls.state.theta, samples, ls.weights)
    fmx.add_lavaan_names(fm)
    return fm
