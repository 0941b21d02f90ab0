"""lavaan's further fit measures: NNFI, RFI, NFI, PNFI, IFI, RNI, RMSEA close-fit tests, BIC2.

Formulas as lavaan 0.6 (``lav_fit_cfi.R``: ``lav_fit_nnfi``, ``lav_fit_rfi``, ``lav_fit_nfi``,
``lav_fit_pnfi``, ``lav_fit_ifi``, ``lav_fit_rni``; ``lav_fit_rmsea.R``:
``lav_fit_rmsea_closefit`` and ``lav_fit_rmsea_notclosefit`` with H0 RMSEA .05 and .08;
``lav_fit_aic.R``: the sample-size adjusted BIC, -2 logl + k log((N + 2) / 24); Hoelter's
critical N, chi2_(1-alpha)(df) / (X2 / N) + 1; McDonald's MFI, exp(-(X2 - df) / (2N)); the ECVI,
X2 / N + 2k / N). The
``_scaled`` versions put the scaled statistics of model and baseline into the same formulas;
``nnfi_robust`` and ``rni_robust`` take the robust non-centrality (X2 - c df), as CFI and TLI do.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special, stats

__all__ = ["EXTRA_KEYS", "add_more_measures", "add_residual_measures", "add_gfi"]

EXTRA_KEYS = ("nnfi", "rfi", "nfi", "pnfi", "ifi", "rni", "nnfi_scaled", "rfi_scaled",
              "nfi_scaled", "pnfi_scaled", "ifi_scaled", "rni_scaled", "nnfi_robust",
              "rni_robust", "rmsea_pvalue", "rmsea_notclose_pvalue", "rmsea_pvalue_scaled",
              "rmsea_notclose_pvalue_scaled", "rmsea_pvalue_robust",
              "rmsea_notclose_pvalue_robust", "bic2", "cn_05", "cn_01", "mfi", "ecvi",
              "rmr", "rmr_nomean", "srmr_bentler", "srmr_bentler_nomean", "crmr",
              "crmr_nomean", "srmr_mplus", "srmr_mplus_nomean", "gfi", "agfi", "pgfi")
CLOSE_H0 = 0.05
NOTCLOSE_H0 = 0.08
_NAN = math.nan


def _finite(*xs: float) -> bool:
    return all(x is not None and np.isfinite(x) for x in xs)


def nnfi(x2, df, x20, df0, c=1.0, c0=1.0) -> float:
    if not _finite(x2, df, x20, df0, c, c0):
        return _NAN
    t1 = (x2 - c * df) * df0
    t2 = (x20 - c0 * df0) * df
    return 1.0 - t1 / t2 if df > 0 and abs(t2) > 0 else 1.0


def rni(x2, df, x20, df0, c=1.0, c0=1.0) -> float:
    if not _finite(x2, df, x20, df0, c, c0):
        return _NAN
    use_c = df > 0 and c != 1 and c0 != 1
    t1 = x2 - (c * df if use_c else df)
    t2 = x20 - (c0 * df0 if use_c else df0)
    return _NAN if math.isclose(t2, 0.0, abs_tol=1.5e-8) else 1.0 - t1 / t2


def nfi(x2, df, x20, df0) -> float:
    if not _finite(x2, df, x20, df0):
        return _NAN
    if df > df0 or math.isclose(x20, 0.0, abs_tol=1.5e-8):
        return _NAN
    return (x20 - x2) / x20 if df > 0 else 1.0


def rfi(x2, df, x20, df0) -> float:
    if not _finite(x2, df, x20, df0):
        return _NAN
    if df > df0:
        return _NAN
    if df > 0 and df0 > 0:
        t1, t2 = x20 / df0 - x2 / df, x20 / df0
        return 1.0 if t1 < 0 or t2 < 0 else t1 / t2
    return 1.0


def pnfi(x2, df, x20, df0) -> float:
    if not _finite(x2, df, x20, df0) or not (df0 > 0 and x20 > 0):
        return _NAN
    return (df / df0) * (x20 - x2) / x20


def ifi(x2, df, x20, df0) -> float:
    if not _finite(x2, df, x20, df0):
        return _NAN
    t1, t2 = x20 - x2, x20 - df
    if t2 < 0:
        return 1.0
    return _NAN if math.isclose(t2, 0.0, abs_tol=1.5e-8) else t1 / t2


def rmsea_close(x2, df, n, G, c=1.0, h0=CLOSE_H0, notclose=False) -> float:
    """lavaan's close-fit p-value (or, with ``notclose``, the not-close-fit one)."""
    if not _finite(x2, df, n, c) or df <= 0:
        return _NAN
    ncp = n * df / c * h0 ** 2 / G
    cdf = float(special.chndtr(x2, df, ncp))
    return cdf if notclose else 1.0 - cdf


def _incremental(fm: dict, x2, df, x20, df0, suffix: str = "") -> None:
    fm["nnfi" + suffix] = nnfi(x2, df, x20, df0)
    fm["rfi" + suffix] = rfi(x2, df, x20, df0)
    fm["nfi" + suffix] = nfi(x2, df, x20, df0)
    fm["pnfi" + suffix] = pnfi(x2, df, x20, df0)
    fm["ifi" + suffix] = ifi(x2, df, x20, df0)
    fm["rni" + suffix] = rni(x2, df, x20, df0)


def add_more_measures(fm: dict, *, n: float, n_groups: int,
                      robust_c: tuple[float, float] | None = None,
                      robust_x2: tuple[float, float] | None = None,
                      scaled_rmsea: tuple[float, float] | None = None,
                      robust_rmsea: tuple[float, float] | None = None) -> dict:
    """Add :data:`EXTRA_KEYS` to ``fm`` (in place) from the statistics it already holds.

    Parameters
    ----------
    fm : dict
        Fit measures with ``chisq``, ``df``, ``baseline_chisq``, ``baseline_df`` (and the
        ``_scaled`` statistics when there is a scaled test).
    n : float
        The N of RMSEA (lavaan: N, or N less the groups for estimators other than ML).
    n_groups : int
    robust_c : (c, c0), optional
        The c of model and baseline in the robust non-centrality (nnfi_robust, rni_robust).
    robust_x2 : (X2, X2_0), optional
        The statistics of model and baseline those take (default: ``chisq`` and
        ``baseline_chisq``; lavaan's FIML-corrected ones under FIML).
    scaled_rmsea : (X2, df), optional
        The statistic and df of lavaan's scaled RMSEA (its close-fit tests).
    robust_rmsea : (X2_scaled, c), optional
        The scaled statistic and scaling factor of lavaan's robust RMSEA interval and tests.
    """
    x2, df = fm["chisq"], fm["df"]
    x20, df0 = fm.get("baseline_chisq", _NAN), fm.get("baseline_df", _NAN)
    _incremental(fm, x2, df, x20, df0)
    fm["rmsea_pvalue"] = rmsea_close(x2, df, n, n_groups)
    fm["rmsea_notclose_pvalue"] = rmsea_close(x2, df, n, n_groups, h0=NOTCLOSE_H0,
                                              notclose=True)
    if "chisq_scaled" in fm:
        _incremental(fm, fm["chisq_scaled"], df, fm.get("baseline_chisq_scaled", _NAN),
                     fm.get("baseline_df_scaled", df0), "_scaled")
    if robust_c is not None:
        c, c0 = robust_c
        r2, r20 = robust_x2 if robust_x2 is not None else (x2, x20)
        fm["nnfi_robust"] = nnfi(r2, df, r20, df0, c, c0)
        fm["rni_robust"] = rni(r2, df, r20, df0, c, c0)
    if scaled_rmsea is not None:
        xs, dfs = scaled_rmsea
        fm["rmsea_pvalue_scaled"] = rmsea_close(xs, dfs, n, n_groups)
        fm["rmsea_notclose_pvalue_scaled"] = rmsea_close(xs, dfs, n, n_groups,
                                                         h0=NOTCLOSE_H0, notclose=True)
    if robust_rmsea is not None:
        xs, c = robust_rmsea
        fm["rmsea_pvalue_robust"] = rmsea_close(xs, df, n, n_groups, c=c)
        fm["rmsea_notclose_pvalue_robust"] = rmsea_close(xs, df, n, n_groups, c=c,
                                                         h0=NOTCLOSE_H0, notclose=True)
    # Hoelter's critical N, McDonald's MFI and the ECVI (lav_fit_measures.R), with the same N
    for key, alpha in (("cn_05", 0.05), ("cn_01", 0.01)):
        fm[key] = (_NAN if (df == 0 and x2 < np.finfo(float).eps) or not _finite(x2) else
                   float(stats.chi2.ppf(1 - alpha, df)) / (x2 / n) + 1.0 if x2 > 0 else
                   math.inf)
    fm["mfi"] = math.exp(-0.5 * (x2 - df) / n) if _finite(x2) else _NAN
    fm["ecvi"] = x2 / n + 2.0 * fm["npar"] / n if _finite(x2) else _NAN
    logl = fm.get("loglik", _NAN)
    if _finite(logl):
        fm["bic2"] = -2.0 * logl + fm["npar"] * math.log((fm["ntotal"] + 2.0) / 24.0)
    return fm


def add_residual_measures(fm: dict, samples: list[tuple[np.ndarray, np.ndarray]],
                          implied: list[tuple[np.ndarray, np.ndarray]], weights: list[float],
                          meanstructure: bool) -> dict:
    """RMR, Bentler's and Mplus's SRMR and the CRMR, with and without the means (as lavaan).

    Per group: the root mean square of the raw residuals (RMR), of the residuals scaled by the
    sample standard deviations (SRMR) and of the correlation residuals without the diagonal
    (CRMR); the means (scaled by the sample SDs for SRMR and CRMR) join the ``_nomean``-less
    versions under a mean structure; groups weighted by n_g / N.
    """
    acc = {k: 0.0 for k in ("rmr", "rmr_nomean", "srmr_bentler", "srmr_bentler_nomean",
                            "crmr", "crmr_nomean", "srmr_mplus", "srmr_mplus_nomean")}
    for (S, ybar), (Sigma, mu), w in zip(samples, implied, weights, strict=True):
        p = S.shape[0]
        j, k = np.triu_indices(p)
        jo, ko = np.triu_indices(p, 1)
        R = S - Sigma
        m = ybar - mu
        sd = np.sqrt(np.diag(S))
        sds = np.sqrt(np.diag(Sigma))
        Rs = R / np.outer(sd, sd)
        C = S / np.outer(sd, sd) - Sigma / np.outer(sds, sds)

        def rms(x):
            return math.sqrt(float(np.mean(np.square(x)))) if len(x) else _NAN

        parts = {"rmr": (R[j, k], m), "srmr_bentler": (Rs[j, k], m / sd),
                 "crmr": (C[jo, ko], m / sd)}
        for key, (cov, mean) in parts.items():
            acc[key + "_nomean"] += w * rms(cov)
            acc[key] += w * (rms(np.concatenate([mean, cov])) if meanstructure else rms(cov))
        # Mplus's SRMR: correlation residuals, relative variance residuals, standardised means
        core = float(np.sum(C[jo, ko] ** 2) + np.sum(((np.diag(S) - np.diag(Sigma))
                                                       / np.diag(S)) ** 2))
        e = p * (p + 1) / 2
        nomean = math.sqrt(core / e)
        acc["srmr_mplus_nomean"] += w * nomean
        if meanstructure:
            rm = ybar / sd - mu / sds
            acc["srmr_mplus"] += w * math.sqrt((core + float(np.sum(rm ** 2))) / (e + p))
        else:
            acc["srmr_mplus"] += w * nomean
    fm.update(acc)
    return fm


def add_gfi(fm: dict, obs: list[np.ndarray], est: list[np.ndarray], weights: list[np.ndarray],
            nobs: list[float], nel: float | None = None) -> dict:
    """lavaan's GFI, AGFI and PGFI from the moments, the model's moments and the weight matrices.

    GFI_g = 1 - (s - sigma)' W (s - sigma) / s' W s per group (groups weighted by n_g),
    AGFI = 1 - (k / df)(1 - GFI) and PGFI = (df / k) GFI with k the number of moments
    (``nel``; lavaan counts the fixed.x moments too, though they carry no weight).
    """
    gfis = []
    for s, sig, W in zip(obs, est, weights, strict=True):
        d = s - sig
        gfis.append(1.0 - float(d @ W @ d) / float(s @ W @ s))
    n = np.asarray(nobs, dtype=float)
    gfi = float(n @ np.array(gfis) / n.sum())
    nel = float(sum(len(s) for s in obs)) if nel is None else float(nel)
    df = fm["df"]
    fm["gfi"] = gfi
    fm["agfi"] = 1.0 - (nel / df) * (1.0 - gfi) if df > 0 else 1.0
    fm["pgfi"] = (df / nel) * gfi if nel > 0 else _NAN
    return fm
