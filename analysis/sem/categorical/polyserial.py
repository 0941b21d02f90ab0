"""Continuous and ordered variables together: polyserial correlations and the mixed NACOV.

lavaan's first stage for a model with some ordered and some continuous indicators (Muthen 1984;
``lav_samplestats_step1.R``, ``lav_samplestats_step2.R``, ``lav_bvmix.R``, ``lav_bvreg.R`` and
``lav_muthen1984.R`` of lavaan 0.6-14):

1. univariate: an ordered item's thresholds from its margins; a continuous variable's mean and
   (maximum likelihood, divide-by-N) variance;
2. bivariate, each pair with both variables' univariate statistics held fixed: polychoric
   correlations (ordered x ordered, as :mod:`polychoric`), polyserial correlations (continuous x
   ordered, maximum likelihood of ``f(x) P(y | x)``) and, for two continuous variables,
   Pearson's correlation;
3. the asymptotic covariance of everything, as the sandwich of the stacked casewise scores, then
   carried by the delta method from correlations to covariances (a continuous variable keeps
   its scale) and with the sign of the mean slots reversed, because lavaan's statistics vector
   holds ``-mean`` in a continuous variable's threshold slot.

The statistics vector (``wls_obs``) is lavaan's: thresholds and minus-means interleaved variable
by variable, then the continuous variables' variances, then the covariances below the diagonal,
column by column (correlations between ordered items, covariances with a continuous variable).

As lavaan, a row whose polyserial likelihood ``f(x) P(y | x)`` (the density in x's own scale) is
below ``sqrt(machine epsilon)`` is left out of that pair's likelihood (only rows far in a tail,
or on a continuous variable with a wide scale), and the conditional probability of an ordered
answer is kept above machine epsilon.

Cost: every continuous x ordered pair is one column of an N x Q array, and the Newton steps on
all Q correlations run together (each a handful of ``ndtr`` calls on the array); the scores for
NACOV are N x (slots + pairs) and one cross-product, as for the polychoric case.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.special import ndtr, ndtri
from threadpoolctl import threadpool_limits

from craftwave.analysis.errors import ConvergenceWarning, DataError
from craftwave.analysis.sem.categorical.polychoric import (
    OrdinalStats,
    _cells,
    _pairs,
    _phi,
    ordinal_stats,
    recode_ordinal,
)
from craftwave.analysis.sem.samplestats import GroupMoments

__all__ = ["MixedStats", "describe_variables", "group_moments", "mixed_stats", "numeric_mask",
           "ordered_names", "pair_scale", "polyserial"]

_PS_BOUND = 0.995          # lavaan's nlminb bounds for a polyserial correlation
_PR_BOUND = 0.999          # and for the two-step correlation of two continuous variables
_EPS = np.finfo(float).eps
_TOO_SMALL = np.sqrt(_EPS)
_INV_SQRT_2PI = 1.0 / np.sqrt(2.0 * np.pi)
_OFFSET = 100.0            # lavaan's stand-in for an infinite outer threshold


@dataclass
class MixedStats(OrdinalStats):
    """First-stage statistics of ordered and continuous variables together (one group).

    It is an :class:`OrdinalStats` whose ``thresholds`` list has, for a continuous variable, one
    slot holding its mean (lavaan's layout: the model reproduces ``-mean`` there); ``cor`` holds
    polychoric, polyserial and Pearson-type correlations, ``cov`` the same with the continuous
    variables' scales.

    Attributes
    ----------
    numeric : numpy.ndarray
        True where a variable is continuous.
    means, variances : numpy.ndarray
        Each variable's mean and variance (0 and 1 for an ordered item).
    """

    numeric: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    means: np.ndarray = field(default_factory=lambda: np.zeros(0))
    variances: np.ndarray = field(default_factory=lambda: np.zeros(0))

    @property
    def ordered_names(self) -> list[str]:
        """The ordered variables."""
        return [n for n, num in zip(self.names, self.numeric, strict=True) if not num]

    @property
    def continuous_names(self) -> list[str]:
        """The continuous variables."""
        return [n for n, num in zip(self.names, self.numeric, strict=True) if num]

    @property
    def cov(self) -> np.ndarray:
        """Covariances: the correlations with each continuous variable's standard deviation."""
        sd = np.sqrt(self.variances)
        return self.cor * np.outer(sd, sd)

    @property
    def threshold_names(self) -> list[str]:
        """``item|t1``, ... for ordered items and ``x~1`` for a continuous variable's slot."""
        out = []
        for n, th, num in zip(self.names, self.thresholds, self.numeric, strict=True):
            out += [f"{n}~1"] if num else [f"{n}|t{k + 1}" for k in range(len(th))]
        return out

    @property
    def wls_obs(self) -> np.ndarray:
        """lavaan's statistics: thresholds and -means, variances of the continuous variables,
        then the covariances below the diagonal."""
        col_j, col_i = _pairs(len(self.names))
        slots = [(-th if num else th) for th, num in zip(self.thresholds, self.numeric,
                                                       strict=True)]
        return np.concatenate([np.concatenate(slots), self.variances[self.numeric],
                               self.cov[col_i, col_j]])

    def threshold_table(self) -> pd.DataFrame:
        """Thresholds of the ordered items: item, threshold, value."""
        rows = [(n, f"t{k + 1}", float(v))
                for n, th, num in zip(self.names, self.thresholds, self.numeric, strict=True)
                if not num for k, v in enumerate(th)]
        return pd.DataFrame(rows, columns=["item", "threshold", "value"])


def mixed_stats(data: pd.DataFrame, names: list[str], ordered: list[str], *,
                missing: str = "listwise", nacov: bool = True) -> MixedStats:
    """Thresholds, means, variances, correlations and NACOV of ordered and continuous variables.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    names : list of str
        The variables, in the model's order.
    ordered : list of str
        Which of them are ordered; the others are continuous (numbers).
    missing : {"listwise", "pairwise"}
        ``"listwise"`` (lavaan's default for categorical data) drops rows with any missing
        value; ``"pairwise"`` uses every answer for a variable's univariate statistics and
        every row answering both for a pair's correlation (rows with no answer are dropped).
    nacov : bool
        Also compute N times the asymptotic covariance of ``wls_obs``.

    Returns
    -------
    MixedStats
    """
    if missing not in ("listwise", "pairwise"):
        raise DataError(f"missing must be listwise or pairwise; got {missing!r}")
    unknown = [c for c in names if c not in data.columns]
    if unknown:
        raise DataError(f"not in the data: {', '.join(unknown)}")
    frame = data[list(names)]
    frame = frame.dropna() if missing == "listwise" else frame.dropna(how="all")
    with threadpool_limits(limits=1, user_api="blas"):
        return _mixed_stats(frame, list(names), set(ordered), nacov, missing)


def _mixed_stats(frame: pd.DataFrame, names: list[str], ordered: set[str],
                 want_nacov: bool, missing: str = "listwise") -> MixedStats:
    n = len(frame)
    if n == 0:
        raise DataError("no complete rows" if missing == "listwise" else "no answers")
    obs = frame.notna().to_numpy()
    p = len(names)
    numeric = np.array([c not in ordered for c in names])
    y = np.zeros((n, p))
    codes = np.zeros((n, p), dtype=np.int64)
    levels: list[np.ndarray] = []
    thresholds: list[np.ndarray] = []
    means, variances = np.zeros(p), np.ones(p)
    for j, c in enumerate(names):
        if numeric[j]:
            col = pd.to_numeric(frame[c], errors="coerce")
            bad = col.isna() & frame[c].notna()
            if bad.any():
                raise DataError(f"{c}: a continuous variable needs numbers; got "
                                f"{frame[c][bad].iloc[0]!r}")
            yj = col.to_numpy(dtype=float)
            seen = obs[:, j]
            if seen.any():
                means[j] = yj[seen].mean()
                variances[j] = np.mean((yj[seen] - means[j]) ** 2)
            y[:, j] = np.where(seen, yj, means[j])           # missing rows carry no score
            if not variances[j] > 0:
                raise DataError(f"{c} has no variance")
            levels.append(np.array([]))
            thresholds.append(np.array([means[j]]))
        else:
            cj, lv = recode_ordinal(frame[c])
            if len(lv) < 2:
                raise DataError(f"an ordered item needs at least two observed categories: {c}")
            codes[:, j] = np.maximum(cj, 0)
            levels.append(lv)
            counts = np.bincount(cj[cj >= 0], minlength=len(lv))
            thresholds.append(ndtri(np.cumsum(counts)[:-1] / counts.sum()))
    col_j, col_i = _pairs(p)
    rho = np.zeros(len(col_i))
    kind = numeric[col_i].astype(int) + numeric[col_j].astype(int)      # 0 ord, 1 mixed, 2 num

    zero_tables: list[tuple[str, str]] = []
    ords = [c for c in names if c in ordered]
    if len(ords) >= 2:                                  # polychorics, with lavaan's cell rules
        poly = ordinal_stats(frame, ords, nacov=False, missing=missing)
        pos = {c: k for k, c in enumerate(ords)}
        for q in np.flatnonzero(kind == 0):
            rho[q] = poly.cor[pos[names[col_i[q]]], pos[names[col_j[q]]]]
        zero_tables = poly.zero_cell_tables
    mixed = np.flatnonzero(kind == 1)
    if mixed.size:
        xi = np.where(numeric[col_i[mixed]], col_i[mixed], col_j[mixed])
        oi = np.where(numeric[col_i[mixed]], col_j[mixed], col_i[mixed])
        rho[mixed] = _fit_polyserial(_standardise(y, means, variances, xi),
                                     *_edges(codes, thresholds, oi), y[:, xi], codes[:, oi],
                                     thresholds, oi, variances[xi],
                                     [(names[a], names[b]) for a, b in zip(xi, oi, strict=True)],
                                     obs[:, xi] & obs[:, oi])
    both = np.flatnonzero(kind == 2)
    if both.size:
        rho[both] = _fit_pearson(_standardise(y, means, variances, col_i[both]),
                                 _standardise(y, means, variances, col_j[both]),
                                 np.sqrt(variances[col_i[both]] * variances[col_j[both]]),
                                 obs[:, col_i[both]] & obs[:, col_j[both]])
    for q in np.flatnonzero(np.abs(rho) > 0.99):
        warnings.warn(f"the correlation of {names[col_i[q]]} and {names[col_j[q]]} is "
                      f"(nearly) 1 ({rho[q]:.3f})", ConvergenceWarning, stacklevel=3)
    cor = np.eye(p)
    cor[col_i, col_j] = cor[col_j, col_i] = rho
    stats = MixedStats(names=names, levels=levels, thresholds=thresholds, cor=cor, n=n,
                       zero_cell_tables=zero_tables, missing=missing, numeric=numeric,
                       means=np.where(numeric, means, 0.0), variances=variances)
    if want_nacov:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            stats.nacov = _nacov(stats, y, codes, obs)
        diag = np.diag(stats.nacov)
        if not (np.all(np.isfinite(stats.nacov)) and np.all(diag > 0)):
            raise DataError("the sampling covariance of the thresholds, means, variances and "
                            "correlations cannot be estimated (perfectly associated variables "
                            "or categories with too few answers)")
    return stats


def polyserial(x: np.ndarray, y: np.ndarray) -> float:
    """The polyserial correlation of a continuous ``x`` and an ordered ``y`` (two-step, lavaan).

    ``x``'s mean and variance and ``y``'s thresholds are their univariate estimates, held fixed.
    """
    frame = pd.DataFrame({"x": np.asarray(x, dtype=float), "y": np.asarray(y)})
    return float(mixed_stats(frame, ["x", "y"], ["y"], nacov=False).cor[0, 1])


# -- what the DWLS fit (dwls.py) asks of the first stage ---------------------------------------

def numeric_mask(stats: OrdinalStats) -> np.ndarray:
    """True for each continuous variable of ``stats`` (all False for ordered items only)."""
    if isinstance(stats, MixedStats):
        return stats.numeric.copy()
    return np.zeros(len(stats.names), dtype=bool)


def ordered_names(stats: OrdinalStats) -> list[str]:
    """The ordered variables of ``stats``."""
    return stats.ordered_names if isinstance(stats, MixedStats) else list(stats.names)


def describe_variables(stats: OrdinalStats) -> str:
    """``x1, x2`` or ``x1, x2; continuous: z1, z2`` for a summary line."""
    text = ", ".join(ordered_names(stats))
    if isinstance(stats, MixedStats):
        text += "; continuous: " + ", ".join(stats.continuous_names)
    return text


def group_moments(stats: OrdinalStats) -> GroupMoments:
    """The group's covariances and means as the SEM engine's moments (for start values)."""
    if isinstance(stats, MixedStats):
        return GroupMoments(n=float(stats.n), S=stats.cov, ybar=stats.means.copy())
    return GroupMoments(n=float(stats.n), S=stats.cor, ybar=np.zeros(len(stats.names)))


def pair_scale(stats: OrdinalStats) -> np.ndarray | float:
    """What turns a covariance residual into lavaan's SRMR residual (``cor.bentler``): one over
    the sample standard deviations of both variables (1 for ordered items)."""
    if not isinstance(stats, MixedStats):
        return 1.0
    col_j, col_i = _pairs(len(stats.names))
    return 1.0 / np.sqrt(stats.variances[col_i] * stats.variances[col_j])


# -- stage two ---------------------------------------------------------------------------------

def _standardise(y, means, variances, idx):
    return (y[:, idx] - means[idx]) / np.sqrt(variances[idx])


def _edges(codes, thresholds, oi):
    """Each row's upper and lower threshold (lavaan's +-100 for the outer ones), per pair."""
    n = codes.shape[0]
    z1 = np.empty((n, len(oi)))
    z2 = np.empty((n, len(oi)))
    for q, j in enumerate(oi):
        th = np.concatenate([[-_OFFSET], thresholds[j], [_OFFSET]])
        z1[:, q] = th[codes[:, j] + 1]
        z2[:, q] = th[codes[:, j]]
    return z1, z2


def _ps_parts(rho, Z, z1, z2):
    """Conditional probabilities and the score of rho, casewise, for polyserial pairs."""
    R = np.sqrt(1.0 - rho * rho)
    t1 = (z1 - rho * Z) / R
    t2 = (z2 - rho * Z) / R
    p = ndtr(t1) - ndtr(t2)
    p = np.maximum(p, _EPS)
    d1, d2 = _phi(t1), _phi(t2)
    score = (d1 * (z1 * rho - Z) - d2 * (z2 * rho - Z)) / (p * R ** 3)
    return p, t1, t2, d1, d2, score


def _fit_polyserial(Z, z1, z2, x, codes, thresholds, oi, var_x, labels, both,
                    tol=1e-12, max_iter=100):
    """Maximum likelihood polyserial correlations of all pairs together (Newton, bounded)."""
    n, Q = Z.shape
    py1 = _phi(Z) / np.sqrt(var_x)                     # the density of x, in x's own scale
    # start: Olsson (1982) eq. 38, as lavaan
    rho = np.empty(Q)
    for q in range(Q):
        m = both[:, q]
        c = codes[m, q].astype(float)
        sd_y = c.std()
        r = np.corrcoef(x[m, q], c)[0, 1] if sd_y > 0 else 0.0
        start = r * sd_y / _phi(thresholds[oi[q]]).sum()
        if not np.isfinite(start):
            start = 0.0
        elif abs(start) > 0.9:
            start /= 2
        rho[q] = start
    rho = np.clip(rho, -_PS_BOUND, _PS_BOUND)

    def evaluate(r, sel):
        """Log-likelihood, score and curvature of each pair in ``sel`` at ``r`` (one pass)."""
        zz, a1, a2 = Z[:, sel], z1[:, sel], z2[:, sel]
        R = np.sqrt(1.0 - r * r)
        t1 = (a1 - r * zz) / R
        t2 = (a2 - r * zz) / R
        p = np.maximum(ndtr(t1) - ndtr(t2), _EPS)
        lik = py1[:, sel] * p
        keep = (lik >= _TOO_SMALL) & both[:, sel]
        d1 = np.exp(-0.5 * t1 * t1) * _INV_SQRT_2PI    # finite: lavaan's +-100 outer edges
        d2 = np.exp(-0.5 * t2 * t2) * _INV_SQRT_2PI
        g1 = (r * a1 - zz) / R**3                     # d t / d rho
        g2 = (r * a2 - zz) / R**3
        h1 = (a1 * R * R + 3 * r * (r * a1 - zz)) / R**5
        h2 = (a2 * R * R + 3 * r * (r * a2 - zz)) / R**5
        dp = d1 * g1 - d2 * g2
        d2p = d1 * (h1 - t1 * g1 * g1) - d2 * (h2 - t2 * g2 * g2)
        score = dp / p
        curv = d2p / p - score * score
        ll = np.where(keep, np.log(np.where(keep, lik, 1.0)), 0.0).sum(axis=0)
        return (ll, np.where(keep, score, 0.0).sum(axis=0),
                np.where(keep, curv, 0.0).sum(axis=0))

    return _newton(rho, evaluate, _PS_BOUND, tol, max_iter, "polyserial", labels)


def _fit_pearson(Z1, Z2, sd12, both, tol=1e-12, max_iter=100):
    """The two-step correlation of continuous pairs.

    With every row answering both, Pearson's (lavaan returns it without optimising). With
    missing answers the means and variances come from each variable's own answers, so the
    two-step estimate is not Pearson's: maximum likelihood over the rows answering both, with
    lavaan's rule for tiny likelihoods (in the variables' own scales).
    """
    r0 = np.array([np.corrcoef(Z1[m, q], Z2[m, q])[0, 1] if m.sum() > 2 else 0.0
                   for q, m in enumerate(both.T)])
    if both.all():
        return np.clip(np.mean(Z1 * Z2, axis=0), -_PR_BOUND, _PR_BOUND)
    scale = 1.0 / (2 * np.pi * sd12)

    def grad(r, z1, z2, keep):
        R = 1.0 - r * r
        t1 = z1 * z2
        t2 = z1 * z1 - 2 * r * t1 + z2 * z2
        return np.where(keep, (r + t1 - t2 * r / R) / R, 0.0).sum(axis=0)

    def evaluate(r, sel):
        z1, z2 = Z1[:, sel], Z2[:, sel]
        R = 1.0 - r * r
        quad = (z1 * z1 - 2 * r * z1 * z2 + z2 * z2) / R
        lik = scale[sel] / np.sqrt(R) * np.exp(-0.5 * quad)
        keep = (lik >= _TOO_SMALL) & both[:, sel]
        ll = np.where(keep, np.log(np.where(keep, lik, 1.0)), 0.0).sum(axis=0)
        h = 1e-6
        curv = (grad(r + h, z1, z2, keep) - grad(r - h, z1, z2, keep)) / (2 * h)
        return ll, grad(r, z1, z2, keep), curv

    start = np.where(np.isfinite(r0) & (np.abs(r0) < 1), r0, 0.0)
    return _newton(np.clip(start, -_PR_BOUND, _PR_BOUND), evaluate, _PR_BOUND, tol, max_iter,
                   "Pearson", None)


def _newton(rho, evaluate, bound, tol, max_iter, what, labels):
    """Newton steps on every pair's one-dimensional log-likelihood at once.

    ``evaluate(r, sel)`` gives the log-likelihoods, scores and curvatures of the pairs ``sel``;
    step halving keeps each log-likelihood from falling, and the bounds are lavaan's.
    """
    rho = rho.copy()
    active = np.ones(len(rho), dtype=bool)
    ll, g, h = evaluate(rho, np.arange(len(rho)))
    for _ in range(max_iter):
        sel = np.flatnonzero(active)
        if sel.size == 0:
            break
        r = rho[sel]
        concave = h[sel] < 0
        step = np.where(concave, -g[sel] / np.where(concave, h[sel], -1.0),
                        0.05 * np.sign(g[sel]))
        new = r.copy()
        t = np.ones(sel.size)
        pending = np.ones(sel.size, dtype=bool)
        for _halve in range(50):
            idx = np.flatnonzero(pending)
            cand = np.clip(r[idx] + t[idx] * step[idx], -bound, bound)
            ll_c, g_c, h_c = evaluate(cand, sel[idx])
            ok = ll_c >= ll[sel[idx]] - 1e-12 * np.abs(ll[sel[idx]])
            took = idx[ok]
            new[took] = cand[ok]
            ll[sel[took]], g[sel[took]], h[sel[took]] = ll_c[ok], g_c[ok], h_c[ok]
            pending[took] = False
            if not pending.any():
                break
            t[pending] *= 0.5
        moved = np.abs(new - r)
        rho[sel] = new
        active[sel] = (moved > tol) & ~pending
    if active.any():
        which = ("; ".join(f"{a} and {b}" for (a, b), bad in zip(labels, active, strict=True)
                           if bad) if labels else f"{int(active.sum())} pair(s)")
        warnings.warn(f"the {what} correlation did not converge for {which}",
                      ConvergenceWarning, stacklevel=4)
    return rho


# -- NACOV -------------------------------------------------------------------------------------

def _nacov(stats: MixedStats, y: np.ndarray, codes: np.ndarray, obs: np.ndarray) -> np.ndarray:
    """N times the asymptotic covariance of ``wls_obs``, as lavaan's ``muthen1984``.

    A missing answer contributes no score (lavaan's NA scores, summed with ``na.rm``)."""
    n, p = y.shape
    numeric = stats.numeric
    nslot = np.array([len(t) for t in stats.thresholds])
    start = np.concatenate([[0], np.cumsum(nslot)[:-1]])
    nth = int(nslot.sum())
    num_idx = np.flatnonzero(numeric)
    var_col = {int(j): nth + k for k, j in enumerate(num_idx)}
    a11_size = nth + len(num_idx)
    rows = np.arange(n)
    mean, var = stats.means, stats.variances
    sd = np.sqrt(var)

    # univariate scores
    sc_uni = np.zeros((n, a11_size))
    for j in range(p):
        if numeric[j]:
            res = y[:, j] - mean[j]
            sc_uni[:, start[j]] = obs[:, j] * res / var[j]
            sc_uni[:, var_col[j]] = obs[:, j] * (-1.0 / (2 * var[j])
                                                 + res * res / (2 * var[j] ** 2))
        else:
            th = np.concatenate([[-np.inf], stats.thresholds[j], [np.inf]])
            c = codes[:, j]
            up, lo = th[c + 1], th[c]
            prob = ndtr(up) - ndtr(lo)
            has_up, has_lo = obs[:, j] & (c < nslot[j]), obs[:, j] & (c > 0)
            sc_uni[rows[has_up], start[j] + c[has_up]] += (_phi(up) / prob)[has_up]
            sc_uni[rows[has_lo], start[j] + c[has_lo] - 1] -= (_phi(lo) / prob)[has_lo]

    col_j, col_i = _pairs(p)
    npair = len(col_i)
    rho = stats.cor[col_i, col_j]
    sc_cor = np.zeros((n, npair))
    a21 = np.zeros((npair, a11_size))
    h21 = np.zeros((npair, a11_size))
    h22 = np.ones(npair)
    kind = numeric[col_i].astype(int) + numeric[col_j].astype(int)

    # continuous x continuous (lav_bvreg): y1 = i, y2 = j
    for q in np.flatnonzero(kind == 2):
        i, j = col_i[q], col_j[q]
        r = rho[q]
        R = 1 - r * r
        e1, e2 = y[:, i] - mean[i], y[:, j] - mean[j]
        s12 = sd[i] * sd[j]
        z = e1 * e1 / var[i] - 2 * r * e1 * e2 / s12 + e2 * e2 / var[j]
        s = (r / R + (e1 * e2 / (s12 * R) - z * r / (R * R))) * (obs[:, i] & obs[:, j])
        sc_cor[:, q] = s
        partial = {start[i]: (2 * e1 / var[i] - 2 * r * e2 / s12) / (2 * R),
                   start[j]: -(2 * r * e1 / s12 - 2 * e2 / var[j]) / (2 * R),
                   var_col[i]: -(0.5 / var[i] - (e1 * e1 / var[i] ** 2
                                                 - r * e1 * e2 / (var[i] * s12)) / (2 * R)),
                   var_col[j]: -(0.5 / var[j] + (r * e1 * e2 / (var[j] * s12)
                                                 - e2 * e2 / var[j] ** 2) / (2 * R))}
        for col, v in partial.items():
            a21[q, col] = s @ v
        h21[q, var_col[i]] = sd[j] * r / (2 * sd[i])
        h21[q, var_col[j]] = sd[i] * r / (2 * sd[j])
        h22[q] = s12

    # continuous x ordered (lav_bvmix)
    mixed = np.flatnonzero(kind == 1)
    if mixed.size:
        xi = np.where(numeric[col_i[mixed]], col_i[mixed], col_j[mixed])
        oi = np.where(numeric[col_i[mixed]], col_j[mixed], col_i[mixed])
        Z = _standardise(y, mean, var, xi)
        z1, z2 = _edges(codes, stats.thresholds, oi)
        r = rho[mixed]
        R = np.sqrt(1 - r * r)
        p_, _, _, d1, d2, s = _ps_parts(r, Z, z1, z2)
        s = s * (obs[:, xi] & obs[:, oi])
        sc_cor[:, mixed] = s
        dd = d1 - d2
        d_mu = (Z + (r / R) * dd / p_) / sd[xi]
        d_var = ((Z * Z - 1) + (r * Z / R) * dd / p_) / (2 * var[xi])
        a21[mixed, start[xi]] = np.einsum("nq,nq->q", s, d_mu)
        a21[mixed, [var_col[int(v)] for v in xi]] = np.einsum("nq,nq->q", s, d_var)
        # thresholds of the ordered variable: the row's upper (c) and lower (c-1) ones
        w_up = s * d1 / (R * p_)
        w_lo = -s * d2 / (R * p_)
        c = codes[:, oi]
        _scatter(a21, mixed, start[oi], nslot[oi], c, w_up, w_lo)
        h21[mixed, [var_col[int(v)] for v in xi]] = r / (2 * sd[xi])
        h22[mixed] = sd[xi]

    # ordered x ordered (lav_bvord): cell values looked up by each row's categories
    ords = np.flatnonzero(kind == 0)
    if ords.size:
        _ordinal_pairs(stats, codes, obs, ords, col_i, col_j, rho, start, nslot, sc_cor, a21)

    scores = np.hstack([sc_uni, sc_cor])
    inner = scores.T @ scores
    a11 = np.zeros((a11_size, a11_size))
    for j in range(p):
        idx = list(range(start[j], start[j] + nslot[j])) + ([var_col[j]] if numeric[j] else [])
        a11[np.ix_(idx, idx)] = inner[np.ix_(idx, idx)]
    a22 = np.einsum("nq,nq->q", sc_cor, sc_cor)
    a11_inv = np.linalg.inv(a11)
    size = a11_size + npair
    b_inv = np.zeros((size, size))
    b_inv[:a11_size, :a11_size] = a11_inv
    b_inv[a11_size:, a11_size:] = np.diag(1.0 / a22)
    b_inv[a11_size:, :a11_size] = -(a21 / a22[:, None]) @ a11_inv
    acov = b_inv @ inner @ b_inv.T
    H = np.eye(size)                                   # correlations -> covariances
    H[a11_size:, :a11_size] = h21
    H[a11_size:, a11_size:] = np.diag(h22)
    acov = H @ acov @ H.T
    flip = np.ones(size)
    flip[start[numeric]] = -1.0                        # lavaan's slot holds -mean
    return n * (acov * np.outer(flip, flip))


def _scatter(a21, pairs, start, nslot, c, w_up, w_lo):
    """Add each row's threshold partial scores to A21: tau_c (upper) and tau_{c-1} (lower)."""
    n, Q = c.shape
    width = a21.shape[1]
    qq = np.broadcast_to(pairs[None, :], (n, Q))
    up = c < nslot[None, :]
    lo = c > 0
    flat_up = (qq * width + start[None, :] + c)[up]
    flat_lo = (qq * width + start[None, :] + c - 1)[lo]
    add = np.bincount(flat_up, weights=w_up[up], minlength=a21.size)
    add += np.bincount(flat_lo, weights=w_lo[lo], minlength=a21.size)
    a21 += add.reshape(a21.shape)


def _ordinal_pairs(stats, codes, obs, ords, col_i, col_j, rho, start, nslot, sc_cor, a21):
    """Scores of the polychoric correlations and their partial scores in the thresholds."""
    i, j = col_i[ords], col_j[ords]
    kmax = int(max(nslot[np.concatenate([i, j])]) + 1)

    def edge_matrix(idx):
        out = np.full((len(idx), kmax + 1), np.inf)
        out[:, 0] = -np.inf
        for q, v in enumerate(idx):
            out[q, 1:nslot[v] + 1] = stats.thresholds[v]
        return out

    h = edge_matrix(i)[:, :, None]
    k = edge_matrix(j)[:, None, :]
    r = rho[ords]
    prob, dprob = _cells(h, k, r)
    safe = np.where(prob > 0, prob, 1.0)
    s_rho = dprob / safe
    rr = r[:, None, None]
    s = np.sqrt(1.0 - rr * rr)
    zi = (k - rr * h) / s
    zj = (h - rr * k) / s
    gi = np.where(np.isfinite(h), _phi(h) * ndtr(zi), 0.0)
    gj = np.where(np.isfinite(k), _phi(k) * ndtr(zj), 0.0)
    di_up = (gi[:, 1:, 1:] - gi[:, 1:, :-1]) / safe
    di_lo = -(gi[:, :-1, 1:] - gi[:, :-1, :-1]) / safe
    dj_up = (gj[:, 1:, 1:] - gj[:, :-1, 1:]) / safe
    dj_lo = -(gj[:, 1:, :-1] - gj[:, :-1, :-1]) / safe
    a, b = codes[:, i], codes[:, j]
    pidx = np.arange(len(ords))[None, :]
    sc = s_rho[pidx, a, b] * (obs[:, i] & obs[:, j])
    sc_cor[:, ords] = sc
    _scatter(a21, ords, start[i], nslot[i], a, sc * di_up[pidx, a, b], sc * di_lo[pidx, a, b])
    _scatter(a21, ords, start[j], nslot[j], b, sc * dj_up[pidx, a, b], sc * dj_lo[pidx, a, b])
