"""Thresholds, polychoric correlations and their asymptotic covariance, all pairs at once.

lavaan's first stage for ordered indicators (Muthen 1984, in ``lav_samplestats_step1.R``,
``lav_samplestats_step2.R``, ``lav_bvord.R`` and ``lav_muthen1984.R``):

1. each item's thresholds from its own margins, ``qnorm`` of the cumulative proportions;
2. each pair's polychoric correlation by maximum likelihood with both items' thresholds held at
   their step-1 values (the "two-step" estimator), with lavaan's rules for 2 x 2 tables with an
   empty cell;
3. the asymptotic covariance of (thresholds, correlations) as the sandwich ``B^-1 M B^-T`` of the
   stacked casewise scores, the bread built from outer products of scores as lavaan builds it.
   ``nacov`` is that matrix times N, lavaan's ``NACOV`` (``lavInspect(fit, "gamma")``).

Cost: every item pair's likelihood depends on the data only through its K x K table of counts, so
the data are read once (one ``bincount`` over rows x pairs) and the Fisher scoring runs on all
P = p(p-1)/2 tables together: each iteration is one vectorised bivariate normal evaluation at
P (K+1)^2 corners. The casewise scores needed for the covariance are cell values looked up by
each row's categories: an N x (thresholds + P) matrix and one cross-product.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.special import ndtr, ndtri
from threadpoolctl import threadpool_limits

from craftwave.analysis.errors import ConvergenceWarning, DataError
from craftwave.analysis.sem.categorical.bivariate import (
    bivariate_normal_cdf,
    bivariate_normal_pdf,
)

__all__ = ["OrdinalStats", "ordinal_stats", "recode_ordinal"]

_RHO_BOUND = 0.999          # lavaan's nlminb bounds for a polychoric correlation
_MISSING = ("listwise", "pairwise")


@dataclass
class OrdinalStats:
    """The first-stage statistics of a set of ordered items (one group).

    Attributes
    ----------
    names : list of str
        The items, in the order of the matrices.
    levels : list of numpy.ndarray
        Each item's observed values, in order; category k of an item is ``levels[j][k]``.
    thresholds : list of numpy.ndarray
        Each item's thresholds (one fewer than its categories).
    cor : numpy.ndarray
        The polychoric correlation matrix (unit diagonal).
    n : int
        Rows used (listwise) or rows with any answer (pairwise).
    nacov : numpy.ndarray or None
        N times the asymptotic covariance of ``(thresholds..., correlations...)``, thresholds
        item by item, then the correlations below the diagonal column by column (lavaan's order).
    zero_cell_tables : list of tuple
        Item pairs whose table has an empty cell.
    """

    names: list[str]
    levels: list[np.ndarray]
    thresholds: list[np.ndarray]
    cor: np.ndarray
    n: int
    nacov: np.ndarray | None = None
    zero_cell_tables: list[tuple[str, str]] = field(default_factory=list)
    missing: str = "listwise"

    @property
    def threshold_names(self) -> list[str]:
        """``item|t1``, ``item|t2``, ... as lavaan names thresholds."""
        return [f"{n}|t{k + 1}" for n, th in zip(self.names, self.thresholds, strict=True)
                for k in range(len(th))]

    @property
    def wls_obs(self) -> np.ndarray:
        """The statistics the model reproduces: thresholds, then the correlations (vech)."""
        col_j, col_i = _pairs(len(self.names))
        return np.concatenate([np.concatenate(self.thresholds), self.cor[col_i, col_j]])

    def threshold_table(self) -> pd.DataFrame:
        """Thresholds as a tidy table: item, threshold, value."""
        rows = [(n, f"t{k + 1}", float(v)) for n, th in zip(self.names, self.thresholds, strict=True)
                for k, v in enumerate(th)]
        return pd.DataFrame(rows, columns=["item", "threshold", "value"])


def recode_ordinal(column: pd.Series | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes 0..K-1 for an ordered column (NaN stays -1) and the observed levels, in order.

    Categories nobody chose do not exist for the model (as lavaan, which takes the observed
    levels of an ordered variable).
    """
    values = pd.Series(column)
    if isinstance(values.dtype, pd.CategoricalDtype) and values.cat.ordered:
        present = [c for c in values.cat.categories if (values == c).any()]
        levels = np.asarray(present, dtype=object)
        codes = values.map({c: i for i, c in enumerate(present)})
    else:
        numeric = pd.to_numeric(values, errors="coerce")
        bad = numeric.isna() & values.notna()
        if bad.any():
            raise DataError(f"{values.name}: ordered values must be numbers or an ordered "
                            f"category; got {values[bad].iloc[0]!r}")
        levels = np.sort(numeric.dropna().unique())
        codes = numeric.map({v: i for i, v in enumerate(levels)})
    return codes.fillna(-1).to_numpy(dtype=np.int64), levels


def code_items(frame: pd.DataFrame, items: list[str], missing: str
               ) -> tuple[np.ndarray, list[list], int]:
    """Category codes (-1 where unanswered), each item's observed levels, and the number of
    rows with an answer; an item with fewer than two categories, or no answer at all, is a
    DataError."""
    coded = [recode_ordinal(frame[c]) for c in items]
    codes = np.column_stack([c for c, _ in coded])
    levels = [lv for _, lv in coded]
    few = [c for c, lv in zip(items, levels, strict=True) if len(lv) < 2]
    if few:
        raise DataError(f"an ordered item needs at least two observed categories: "
                        f"{', '.join(few)}")
    n = int((codes >= 0).any(axis=1).sum())
    if n == 0:
        raise DataError("no complete rows" if missing == "listwise" else "no answers")
    return codes, levels, n


def ordinal_stats(data: pd.DataFrame, items: list[str] | None = None, *,
                  missing: str = "listwise", nacov: bool = True) -> OrdinalStats:
    """Thresholds, polychoric correlations and (optionally) their asymptotic covariance.

    See :func:`_ordinal_stats` for the parameters; the work runs on one BLAS thread (its
    matrices are small or thin, and extra threads only stall on a busy machine).
    """
    with threadpool_limits(limits=1, user_api="blas"):
        return _ordinal_stats(data, items, missing=missing, nacov=nacov)


def _ordinal_stats(data: pd.DataFrame, items: list[str] | None = None, *,
                   missing: str = "listwise", nacov: bool = True) -> OrdinalStats:
    """Thresholds, polychoric correlations and (optionally) their asymptotic covariance.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent; the items as numbers or ordered categoricals.
    items : list of str, optional
        The ordered items (default: every column).
    missing : {"listwise", "pairwise"}
        lavaan's default for categorical data is listwise; ``"pairwise"`` uses, for each
        threshold, every answer to that item and, for each correlation, every row answering both.
    nacov : bool
        Also compute the asymptotic covariance (needed for DWLS weights, robust SEs and tests).

    Returns
    -------
    OrdinalStats
    """
    if missing not in _MISSING:
        raise DataError(f"missing must be one of {', '.join(_MISSING)}; got {missing!r}")
    items = list(items) if items is not None else [str(c) for c in data.columns]
    unknown = [c for c in items if c not in data.columns]
    if unknown:
        raise DataError(f"not in the data: {', '.join(unknown)}")
    if len(items) < 2:
        raise DataError("polychoric correlations need at least two ordered items")
    frame = data[items]
    if missing == "listwise":
        frame = frame.dropna()
    codes, levels, n = code_items(frame, items, missing)
    answered = codes >= 0
    p = len(items)
    ncat = np.array([len(lv) for lv in levels])
    kmax = int(ncat.max())

    # step 1: thresholds from the margins
    counts = np.stack([np.bincount(codes[answered[:, j], j], minlength=kmax)
                       for j in range(p)]).astype(float)               # (p, kmax)
    cum = np.cumsum(counts, axis=1) / counts.sum(axis=1, keepdims=True)
    thresholds = [ndtri(cum[j, :ncat[j] - 1]) for j in range(p)]
    edges = np.full((p, kmax + 1), np.inf)                              # category upper bounds
    edges[:, 0] = -np.inf
    for j in range(p):
        edges[j, 1:ncat[j]] = thresholds[j]

    # step 2: every pair's table, then all correlations by Fisher scoring together
    col_j, col_i = _pairs(p)                                            # lavaan's vech order
    both = answered[:, col_i] & answered[:, col_j]                      # (N, P)
    cell = np.where(both, codes[:, col_i] * kmax + codes[:, col_j], 0)
    npair = len(col_i)
    flat = (cell + np.arange(npair) * kmax * kmax)[both]
    tables = np.bincount(flat, minlength=npair * kmax * kmax).reshape(npair, kmax, kmax)
    tables = tables.astype(float)
    h = edges[col_i][:, :, None]
    k = edges[col_j][:, None, :]
    rho, fixed, zero_pairs = _special_tables(tables, ncat[col_i], ncat[col_j],
                                             edges[col_i, 1], edges[col_j, 1])
    free = ~fixed
    if free.any():
        rho[free] = _fit_rho(tables[free], h[free], k[free], _start(tables[free]))
    near = np.flatnonzero(np.abs(rho) > 0.99)
    for q in near:
        warnings.warn(f"the polychoric correlation of {items[col_i[q]]} and {items[col_j[q]]} "
                      f"is (nearly) 1 ({rho[q]:.3f})", ConvergenceWarning, stacklevel=2)
    cor = np.eye(p)
    cor[col_i, col_j] = rho
    cor[col_j, col_i] = rho
    stats = OrdinalStats(names=items, levels=levels, thresholds=thresholds, cor=cor, n=n,
                         zero_cell_tables=[(items[col_j[q]], items[col_i[q]])
                                           for q in np.flatnonzero(zero_pairs)],
                         missing=missing)
    if nacov:
        with np.errstate(divide="ignore", invalid="ignore"):
            stats.nacov = _nacov(codes, answered, edges, ncat, rho, col_i, col_j, n)
        diag = np.diag(stats.nacov)
        if not (np.all(np.isfinite(stats.nacov)) and np.all(diag > 0)):
            perfect = [f"{items[col_j[q]]} and {items[col_i[q]]}"
                       for q in np.flatnonzero(np.abs(rho) >= _RHO_BOUND)]
            why = (f"perfectly associated items ({'; '.join(perfect)}): drop one of each pair"
                   if perfect else "too few answers in some categories for these items")
            raise DataError("the sampling covariance of the thresholds and polychoric "
                            f"correlations cannot be estimated: {why}")
    return stats


def _pairs(p: int) -> tuple[np.ndarray, np.ndarray]:
    """(j, i) with i > j, column by column: lavaan's order of the correlations."""
    j, i = np.triu_indices(p, 1)
    return j, i


def _special_tables(tables: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                    th_row: np.ndarray, th_col: np.ndarray
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """lavaan's rules for empty cells and its closed forms for 2 x 2 tables.

    Returns the correlations fixed by a rule, which pairs they are, and which tables had an
    empty cell. ``tables`` is edited in place where lavaan adds 0.5 to an empty cell (keeping
    the margins).
    """
    npair = len(tables)
    rho = np.zeros(npair)
    fixed = np.zeros(npair, dtype=bool)
    zero = np.zeros(npair, dtype=bool)
    for q in range(npair):
        t = tables[q, :rows[q], :cols[q]]
        zero[q] = bool((t == 0).any())
        if rows[q] != 2 or cols[q] != 2:
            continue
        empty = np.flatnonzero(t.ravel(order="F") == 0)
        if len(empty) >= 2:
            warnings.warn("two empty cells in a 2 x 2 table: the correlation is set to +-1",
                          ConvergenceWarning, stacklevel=3)
            rho[q], fixed[q] = (1.0 if t[0, 0] > 0 else -1.0), True
            continue
        if len(empty) == 1:
            add = 0.5 if empty[0] in (0, 3) else -0.5                    # keep the margins
            t[0, 0] += add
            t[1, 1] += add
            t[1, 0] -= add
            t[0, 1] -= add
        if t[0, 0] * t[1, 1] == t[0, 1] * t[1, 0]:
            rho[q], fixed[q] = 0.0, True
        elif th_row[q] == 0 and th_col[q] == 0:
            rho[q], fixed[q] = -np.cos(2 * np.pi * t[0, 0] / t.sum()), True
    return rho, fixed, zero


def _start(tables: np.ndarray) -> np.ndarray:
    """Pearson correlations of the category codes: a start inside the bounds."""
    kmax = tables.shape[1]
    a = np.arange(kmax, dtype=float)
    n = tables.sum(axis=(1, 2))
    pr = tables.sum(axis=2) / n[:, None]
    pc = tables.sum(axis=1) / n[:, None]
    mr, mc = pr @ a, pc @ a
    vr = pr @ a**2 - mr**2
    vc = pc @ a**2 - mc**2
    cov = np.einsum("qab,a,b->q", tables, a, a) / n - mr * mc
    with np.errstate(invalid="ignore", divide="ignore"):
        r = cov / np.sqrt(vr * vc)
    return np.clip(np.nan_to_num(r), -0.9, 0.9)


def _cells(h: np.ndarray, k: np.ndarray, rho: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cell probabilities and their derivatives in rho, for every pair's table."""
    r = rho[:, None, None]
    cdf = bivariate_normal_cdf(h, k, r)
    pdf = bivariate_normal_pdf(h, k, r)
    prob = cdf[:, 1:, 1:] - cdf[:, :-1, 1:] - cdf[:, 1:, :-1] + cdf[:, :-1, :-1]
    dprob = pdf[:, 1:, 1:] - pdf[:, :-1, 1:] - pdf[:, 1:, :-1] + pdf[:, :-1, :-1]
    return prob, dprob


def _loglik(tables: np.ndarray, prob: np.ndarray) -> np.ndarray:
    used = tables > 0
    with np.errstate(divide="ignore"):
        return np.where(used, tables * np.log(np.where(used, prob, 1.0)), 0.0).sum(axis=(1, 2))


def _fit_rho(tables: np.ndarray, h: np.ndarray, k: np.ndarray, rho: np.ndarray,
             tol: float = 1e-11, max_iter: int = 100) -> np.ndarray:
    """Maximum likelihood correlations given the thresholds: Fisher scoring on all tables."""
    rho = rho.copy()
    prob, dprob = _cells(h, k, rho)
    ll = _loglik(tables, prob)
    active = np.ones(len(rho), dtype=bool)
    for _ in range(max_iter):
        idx = np.flatnonzero(active)
        if idx.size == 0:
            break
        t, pr, dp = tables[idx], prob[idx], dprob[idx]
        safe = np.where(pr > 0, pr, 1.0)
        grad = np.where(t > 0, t * dp / safe, 0.0).sum(axis=(1, 2))
        info = t.sum(axis=(1, 2)) * np.where(pr > 0, dp * dp / safe, 0.0).sum(axis=(1, 2))
        step = grad / info
        scale = np.ones(idx.size)
        new = rho[idx].copy()
        pending = np.ones(idx.size, dtype=bool)
        for _halve in range(40):                      # step-halving keeps the likelihood rising
            cand = np.clip(rho[idx] + scale * step, -_RHO_BOUND, _RHO_BOUND)
            sel = np.flatnonzero(pending)
            p_new, d_new = _cells(h[idx[sel]], k[idx[sel]], cand[sel])
            ll_new = _loglik(t[sel], p_new)
            ok = ll_new >= ll[idx[sel]] - 1e-12 * np.abs(ll[idx[sel]])
            take = sel[ok]
            new[take] = cand[take]
            prob[idx[take]], dprob[idx[take]] = p_new[ok], d_new[ok]
            ll[idx[take]] = ll_new[ok]
            pending[take] = False
            if not pending.any():
                break
            scale[pending] *= 0.5
        moved = np.abs(new - rho[idx])
        rho[idx] = new
        active[idx] = (moved > tol) & ~pending
    if active.any():
        warnings.warn(f"{int(active.sum())} polychoric correlation(s) did not converge",
                      ConvergenceWarning, stacklevel=3)
    return rho


def _nacov(codes: np.ndarray, answered: np.ndarray, edges: np.ndarray, ncat: np.ndarray,
           rho: np.ndarray, col_i: np.ndarray, col_j: np.ndarray, n: int) -> np.ndarray:
    """N times the sandwich covariance of (thresholds, correlations), as ``muthen1984``."""
    nrow, p = codes.shape
    nth = ncat - 1
    th_start = np.concatenate([[0], np.cumsum(nth)[:-1]])
    total_th = int(nth.sum())
    npair = len(col_i)
    safe_codes = np.where(answered, codes, 0)

    # univariate scores: d log P(y = c) / d tau, for tau_c (upper) and tau_{c-1} (lower)
    sc_th = np.zeros((nrow, total_th))
    rows = np.arange(nrow)
    for j in range(p):
        up, lo = edges[j, safe_codes[:, j] + 1], edges[j, safe_codes[:, j]]
        prob = ndtr(up) - ndtr(lo)
        ok = answered[:, j]
        d_up = np.where(ok & np.isfinite(up), _phi(up) / prob, 0.0)
        d_lo = np.where(ok & np.isfinite(lo), -_phi(lo) / prob, 0.0)
        c = safe_codes[:, j]
        upper_col = th_start[j] + c                  # tau_c is threshold index c (0-based)
        lower_col = th_start[j] + c - 1
        has_up = ok & (c < nth[j])
        has_lo = ok & (c > 0)
        sc_th[rows[has_up], upper_col[has_up]] += d_up[has_up]
        sc_th[rows[has_lo], lower_col[has_lo]] += d_lo[has_lo]

    # bivariate scores, per cell, looked up by each row's cell
    h = edges[col_i][:, :, None]
    k = edges[col_j][:, None, :]
    prob, dprob = _cells(h, k, rho)
    safe = np.where(prob > 0, prob, 1.0)
    s_rho = dprob / safe                                          # (P, K, K)
    # d pi / d tau_i at the row thresholds and d pi / d tau_j at the column thresholds
    r = rho[:, None, None]
    s = np.sqrt(1.0 - r * r)
    with np.errstate(invalid="ignore"):
        zi = (k - r * h) / s                                       # (P, K+1, K+1)
        zj = (h - r * k) / s
    gi = _phi(h) * ndtr(zi)                                        # d Phi2 / d h
    gj = _phi(k) * ndtr(zj)                                        # d Phi2 / d k
    gi = np.where(np.isfinite(h), gi, 0.0)
    gj = np.where(np.isfinite(k), gj, 0.0)
    # cell (a, b): + at upper row edge a+1, - at lower row edge a, each a column difference
    di_up = (gi[:, 1:, 1:] - gi[:, 1:, :-1]) / safe               # for tau_i[a] (upper edge)
    di_lo = -(gi[:, :-1, 1:] - gi[:, :-1, :-1]) / safe            # for tau_i[a-1]
    dj_up = (gj[:, 1:, 1:] - gj[:, :-1, 1:]) / safe
    dj_lo = -(gj[:, 1:, :-1] - gj[:, :-1, :-1]) / safe

    both = answered[:, col_i] & answered[:, col_j]
    a = safe_codes[:, col_i]
    b = safe_codes[:, col_j]
    pidx = np.arange(npair)[None, :]
    sc_cor = np.where(both, s_rho[pidx, a, b], 0.0)               # (N, P)

    a21 = np.zeros((npair, total_th))
    w_up_i = np.where(both, di_up[pidx, a, b], 0.0)
    w_lo_i = np.where(both, di_lo[pidx, a, b], 0.0)
    w_up_j = np.where(both, dj_up[pidx, a, b], 0.0)
    w_lo_j = np.where(both, dj_lo[pidx, a, b], 0.0)
    for q in range(npair):
        i, j = col_i[q], col_j[q]
        sq = sc_cor[:, q]
        for var, codes_v, up, lo in ((i, a[:, q], w_up_i[:, q], w_lo_i[:, q]),
                                     (j, b[:, q], w_up_j[:, q], w_lo_j[:, q])):
            cols_up = np.bincount(codes_v, weights=sq * up, minlength=nth[var] + 1)[:nth[var]]
            cols_lo = np.bincount(codes_v, weights=sq * lo, minlength=nth[var] + 1)[1:]
            a21[q, th_start[var]:th_start[var] + nth[var]] += cols_up[:nth[var]] + cols_lo
    scores = np.hstack([sc_th, sc_cor])
    inner = scores.T @ scores
    a11 = np.zeros((total_th, total_th))
    for j in range(p):
        sl = slice(th_start[j], th_start[j] + nth[j])
        a11[sl, sl] = inner[sl, sl]
    a22 = np.einsum("nq,nq->q", sc_cor, sc_cor)
    a11_inv = np.linalg.inv(a11)
    b_inv = np.zeros_like(inner)
    b_inv[:total_th, :total_th] = a11_inv
    b_inv[total_th:, total_th:] = np.diag(1.0 / a22)
    b_inv[total_th:, :total_th] = -(a21 / a22[:, None]) @ a11_inv
    return n * (b_inv @ inner @ b_inv.T)


def _phi(x: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", over="ignore"):
        out = np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi)
    return np.where(np.isfinite(x), out, 0.0)
