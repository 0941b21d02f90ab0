"""Robust CFI, TLI, RNI and RMSEA for ordered indicators, as lavaan 0.6-14 reports them.

lavaan's ``cfi.robust``, ``tli.robust`` (``nnfi.robust``), ``rni.robust`` and ``rmsea.robust``
(with its interval and close-fit p-values) for WLSMV and ULSMV follow Savalei (2021), "Improving
fit indices in structural equation modeling with categorical data": the "catML" approach of
``lav_fit_catml_dwls`` (``lav_fit_cfi.R``, ``lav_fit_rmsea.R``). The model's correlation
structure is evaluated, at the DWLS estimates, by the normal-theory ML discrepancy against the
polychoric correlations:

- ``XX3 = sum_g N_g F_ML(R_g(theta), S_g)``, ``F_ML = log|R| - log|S| + tr(S R^-1) - p``, on the
  correlations only (the catML model has no thresholds, intercepts or means), with ``df3``
  correlations minus the free parameters that remain;
- its scaling factor ``c3 = tr(U' V U Gamma) / df3`` over the stacked groups, with
  ``U = I - Delta (sum_g f_g Delta_g' W_g Delta_g)^-1 Delta' W`` (DWLS information, weights
  ``f_g = N_g / N``), ``V_g`` the ML weight of the correlations at ``R_g``
  (``V[ij, kl] = R^ik R^jl + R^il R^jk``) times ``f_g``, ``Gamma_g / f_g`` the NACOV of the
  correlations;
- the baseline: ``XX3_0 = -sum_g N_g log|S_g|`` with ``df3_0`` the number of correlations and
  ``c3_0 = tr(Gamma) / df3_0``.

Then ``cfi.robust = 1 - max(XX3 - c3 df, 0) / max(XX3 - c3 df, XX3_0 - c3_0 df_0, 0)`` (df and
df_0 of the DWLS model and baseline), TLI and RNI alike, and
``rmsea.robust = sqrt(G) sqrt(max(XX3 / (N df3) - c3 / N, 0))`` with ``N`` = total - groups; its
interval inverts ``XX3 / c3`` with ``df3`` and multiplies the non-centrality by ``c3``.

lavaan 0.6-14 gives NA for all of them where its catML model cannot be built or is not defined,
and so does craftwave: an equality constraint that involves a threshold, an intercept or a
latent mean (the catML model drops those parameters and its constraint no longer finds them:
for example ``group_equal = "thresholds"`` or the thresholds, metric and scalar levels of
ordinal invariance), a sample correlation matrix that is not positive definite, continuous
indicators next to ordered ones, or exogenous covariates (``conditional.x``). Why they are NA is
given in ``robust_na_reason``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import special
from scipy.linalg import block_diag

from craftwave.analysis.sem import fitmeasures as fmx
from craftwave.analysis.sem.categorical.polychoric import _pairs
from craftwave.analysis.sem.categorical.polyserial import ordered_names
from craftwave.analysis.sem.specification import ALPHA, NU

__all__ = ["ROBUST_KEYS", "catml_free", "catml_robust", "robust_from_problem", "robust_measures",
           "robust_na_reason", "robust_summary_line"]

ROBUST_KEYS = ("cfi_robust", "tli_robust", "nnfi_robust", "rni_robust", "rmsea_robust",
               "rmsea_ci_lower_robust", "rmsea_ci_upper_robust", "rmsea_pvalue_robust",
               "rmsea_notclose_pvalue_robust")
_EPS_PD = math.sqrt(np.finfo(float).eps)     # lavaan: .Machine$double.eps^(1/2)


def _all_equal_zero(x: float) -> bool:
    """R's ``isTRUE(all.equal(x, 0))`` (absolute tolerance 1.5e-8 against 0)."""
    return abs(x) < 1.5e-8


def _use_c(df: float, c: float, c0: float) -> bool:
    return df > 0 and c != 1 and c0 != 1


def cfi(x2: float, df: float, x20: float, df0: float, c: float, c0: float) -> float:
    """lavaan's ``lav_fit_cfi`` with scaling factors (the robust CFI)."""
    if np.isnan([x2, df, x20, df0, c, c0]).any():      # R's anyNA: Inf passes
        return math.nan
    if _use_c(df, c, c0):
        t1 = max(x2 - c * df, 0.0)
        t2 = max(x2 - c * df, x20 - c0 * df0, 0.0)
    else:
        t1 = max(x2 - df, 0.0)
        t2 = max(x2 - df, x20 - df0, 0.0)
    if _all_equal_zero(t1) and _all_equal_zero(t2):
        return 1.0
    return 1.0 - t1 / t2


def tli(x2: float, df: float, x20: float, df0: float, c: float, c0: float) -> float:
    """lavaan's ``lav_fit_tli`` (and ``lav_fit_nnfi``) with scaling factors."""
    if np.isnan([x2, df, x20, df0, c, c0]).any():      # R's anyNA: Inf passes
        return math.nan
    if _use_c(df, c, c0):
        t1, t2 = (x2 - c * df) * df0, (x20 - c0 * df0) * df
    else:
        t1, t2 = (x2 - df) * df0, (x20 - df0) * df
    if df > 0 and abs(t2) > 0:
        return 1.0 - t1 / t2
    return 1.0


def rni(x2: float, df: float, x20: float, df0: float, c: float, c0: float) -> float:
    """lavaan's ``lav_fit_rni`` with scaling factors."""
    if np.isnan([x2, df, x20, df0, c, c0]).any():      # R's anyNA: Inf passes
        return math.nan
    if _use_c(df, c, c0):
        t1, t2 = x2 - c * df, x20 - c0 * df0
    else:
        t1, t2 = x2 - df, x20 - df0
    if _all_equal_zero(t2):
        return math.nan
    return 1.0 - t1 / t2


def _rmsea(x2: float, df: float, n: float, G: int, c: float) -> float:
    """lavaan's ``lav_fit_rmsea`` with ``c.hat``."""
    if not np.isfinite(x2):
        return math.nan
    if df <= 0:
        return 0.0
    return math.sqrt(max(x2 / n / df - c / n, 0.0)) * math.sqrt(G)


def _rmsea_p(x2s: float, df: float, n: float, G: int, c: float, h0: float,
             close: bool) -> float:
    """lavaan's ``lav_fit_rmsea_closefit`` / ``_notclosefit`` on the scaled statistic."""
    if not (np.isfinite(x2s) and np.isfinite(c)) or df <= 0:
        return math.nan
    ncp = (n * df / c * h0 ** 2) / G
    below = float(special.chndtr(x2s, df, ncp))
    return 1.0 - below if close else below


def robust_measures(xx3: float, df3: float, c3: float, xx3_0: float, c3_0: float, df: float,
                    df0: float, n: float, G: int, level: float = 0.90) -> dict[str, float]:
    """The robust indices from the catML statistics (``lav_fit_cfi_lavobject``,
    ``lav_fit_rmsea_lavobject``).

    Parameters
    ----------
    xx3, df3, c3 : float
        The catML statistic, its degrees of freedom and scaling factor.
    xx3_0, c3_0 : float
        The catML baseline statistic and its scaling factor.
    df, df0 : float
        Degrees of freedom of the DWLS model and of its baseline (CFI, TLI and RNI use these).
    n : float
        lavaan's N for the RMSEA: the total minus the number of groups.
    G : int
        Number of groups.
    """
    out = {"cfi_robust": cfi(xx3, df, xx3_0, df0, c3, c3_0),
           "tli_robust": tli(xx3, df, xx3_0, df0, c3, c3_0)}
    out["nnfi_robust"] = out["tli_robust"]
    out["rni_robust"] = rni(xx3, df, xx3_0, df0, c3, c3_0)
    out["rmsea_robust"] = _rmsea(xx3, df3, n, G, c3)
    with np.errstate(divide="ignore", invalid="ignore"):
        xx3s = float(np.float64(xx3) / np.float64(c3))
    if np.isfinite(xx3s) and np.isfinite(df3):
        if df3 < 1:
            lo, hi = 0.0, 0.0
        else:
            lo, hi = fmx.rmsea_ci(xx3s * c3, df3, n, G, level=level, c=c3)
    else:
        lo = hi = math.nan
    out["rmsea_ci_lower_robust"], out["rmsea_ci_upper_robust"] = lo, hi
    out["rmsea_pvalue_robust"] = _rmsea_p(xx3s, df3, n, G, c3, 0.05, close=True)
    out["rmsea_notclose_pvalue_robust"] = _rmsea_p(xx3s, df3, n, G, c3, 0.08, close=False)
    return {k: float(v) for k, v in out.items()}


def _ml_weight(R: np.ndarray) -> np.ndarray:
    """The ML (expected, structured) weight of the correlations at R:
    ``V[ij, kl] = R^ik R^jl + R^il R^jk`` over the pairs below the diagonal."""
    Ri = np.linalg.inv(R)
    j, i = _pairs(R.shape[0])
    return Ri[np.ix_(i, i)] * Ri[np.ix_(j, j)] + Ri[np.ix_(i, j)] * Ri[np.ix_(j, i)]


def _as_matrix(vech: np.ndarray, p: int) -> np.ndarray:
    R = np.eye(p)
    j, i = _pairs(p)
    R[i, j] = R[j, i] = vech
    return R


def catml_robust(*, sample_cor: Sequence[np.ndarray], implied_cor: Sequence[np.ndarray],
                 jacobians: Sequence[np.ndarray], weights: Sequence[np.ndarray],
                 nacov: Sequence[np.ndarray], n: Sequence[int], n_catml_free: int, df: float,
                 df0: float, level: float = 0.90) -> dict[str, float]:
    """The robust indices of one fit (Savalei's catML, as lavaan 0.6-14).

    Parameters
    ----------
    sample_cor : per group, the polychoric correlation matrix.
    implied_cor : per group, the model's correlations below the diagonal (lavaan's order).
    jacobians : per group, d (thresholds, correlations) / d parameters at the estimates.
    weights : per group, the diagonal DWLS (or ULS) weights of (thresholds, correlations).
    nacov : per group, NACOV of (thresholds, correlations).
    n : per group, the number of rows.
    n_catml_free : free parameters of the catML model (all but thresholds, intercepts and
        means).
    df, df0 : degrees of freedom of the DWLS model and its baseline.
    """
    G = len(n)
    N = float(sum(n))
    fg = np.asarray(n, dtype=float) / N
    p = sample_cor[0].shape[0]
    pstar = p * (p - 1) // 2
    xx3 = 0.0
    xx3_0 = 0.0
    full_info = 0.0
    blocks_D, blocks_W, blocks_V, blocks_G = [], [], [], []
    for g in range(G):
        S = sample_cor[g]
        R = _as_matrix(implied_cor[g], p)
        sign_r, logdet_r = np.linalg.slogdet(R)
        _, logdet_s = np.linalg.slogdet(S)
        if sign_r <= 0:
            return dict.fromkeys(ROBUST_KEYS, math.nan)
        xx3 += n[g] * (logdet_r - logdet_s + float(np.trace(S @ np.linalg.inv(R))) - p)
        xx3_0 += n[g] * (-logdet_s)
        D, w = jacobians[g], weights[g]
        full_info = full_info + fg[g] * (D.T * w) @ D
        k = D.shape[0] - pstar                 # thresholds come first
        blocks_D.append(D[k:])
        blocks_W.append(fg[g] * w[k:])
        blocks_V.append(fg[g] * _ml_weight(R))
        blocks_G.append(nacov[g][k:, k:] / fg[g])
    df3 = G * pstar - n_catml_free
    df3_0 = G * pstar
    try:
        e_inv = np.linalg.inv(full_info)
    except np.linalg.LinAlgError:
        return dict.fromkeys(ROBUST_KEYS, math.nan)
    Dc = np.vstack(blocks_D)
    Wc = np.concatenate(blocks_W)
    V = block_diag(*blocks_V)
    Gam = block_diag(*blocks_G)
    WiU = np.eye(len(Wc)) - Dc @ e_inv @ (Dc.T * Wc)
    ks = float(np.sum((WiU.T @ V @ WiU) * Gam.T))
    with np.errstate(divide="ignore", invalid="ignore"):   # as R: ks / 0 is Inf (or NaN)
        c3 = float(np.float64(ks) / np.float64(df3))
    c3_0 = float(np.trace(Gam)) / df3_0
    return robust_measures(xx3, df3, c3, xx3_0, c3_0, df, df0, N - G, G, level)



def robust_na_reason(cm, tau_map: np.ndarray, sample_cor: Sequence[np.ndarray],
                     ordered: Sequence[str]) -> str | None:
    """Why lavaan 0.6-14 gives no robust indices for this fit (None: it gives them).

    Parameters
    ----------
    cm : CompiledModel
        The model (after the ordered indicators' defaults).
    tau_map : numpy.ndarray
        The thresholds' map (slots x free thresholds): a column with several slots is an
        equality constraint.
    sample_cor : the polychoric correlation matrix of each group.
    ordered : the ordered indicators.
    """
    if cm.ov_x:
        return "exogenous covariates (lavaan's conditional.x)"
    continuous = [v for v in cm.ov_names if v not in set(ordered)]
    if continuous:
        return "continuous indicators next to ordered ones"
    if tau_map.size and np.any(np.count_nonzero(tau_map, axis=0) > 1):
        return "equality constraints on thresholds"
    kinds: dict[int, list[bool]] = {}
    for r in cm.rows:
        if r.free >= 0:
            kinds.setdefault(r.free, []).append(r.op == "~1" and r.mat in (NU, ALPHA))
    if any(len(flags) > 1 and any(flags) for flags in kinds.values()):
        return "equality constraints on intercepts or latent means"
    for S in sample_cor:
        if np.min(np.linalg.eigvalsh(S)) < _EPS_PD:
            return "a polychoric correlation matrix that is not positive definite"
    return None


def catml_free(cm, n_scale_free: int) -> int:
    """Free parameters of lavaan's catML model: the model's, without intercepts and latent
    means, plus free scale factors (the thresholds are dropped)."""
    means = {r.free for r in cm.rows if r.free >= 0 and r.op == "~1"}
    return cm.n_free - len(means) + n_scale_free


def robust_from_problem(prob, x: np.ndarray, jacobians: Sequence[np.ndarray], df: float,
                        df0: float) -> dict:
    """The robust indices of a DWLS fit (``dwls._Problem`` at the estimates ``x``), or NaN
    with ``robust_na_reason`` where lavaan 0.6-14 gives NA."""
    stats = prob.stats
    reason = robust_na_reason(prob.cm, prob.tau.T, [s.cor for s in stats],
                              ordered_names(stats[0]))
    if reason is not None:
        return {**dict.fromkeys(ROBUST_KEYS, math.nan), "robust_na_reason": reason}
    nth = prob.nth
    implied = [prob.sigma(x, g)[nth:] for g in range(prob.G)]
    n_scale = 0 if prob.theta_param else prob.scale.T.shape[1]
    return catml_robust(sample_cor=[s.cor for s in stats], implied_cor=implied,
                        jacobians=jacobians, weights=prob.w, nacov=[s.nacov for s in stats],
                        n=[s.n for s in stats], n_catml_free=catml_free(prob.cm, n_scale),
                        df=df, df0=df0)


def robust_summary_line(fit: dict) -> str:
    """One summary line with the robust indices, or why lavaan gives none."""
    if "cfi_robust" not in fit:
        return "  Robust CFI/TLI/RMSEA: not computed"
    if fit.get("robust_na_reason"):
        return (f"  Robust CFI/TLI/RMSEA: not available ({fit['robust_na_reason']}; "
                "NA in lavaan 0.6-14 too)")
    return (f"  CFI (robust) = {fit['cfi_robust']:.3f}, TLI (robust) = {fit['tli_robust']:.3f}, "
            f"RMSEA (robust) = {fit['rmsea_robust']:.3f} "
            f"[{fit['rmsea_ci_lower_robust']:.3f}, {fit['rmsea_ci_upper_robust']:.3f}] "
            "(Savalei's catML, as lavaan)")
