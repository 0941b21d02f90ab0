"""Thresholds, polychoric correlations and DWLS weights of many resamples at once.

A resample of ordered answers is a vector of counts (how often each row was drawn). Every
first-stage statistic depends on the rows only through tables: an item's thresholds through its
category counts, a pair's polychoric correlation through its K x K table. So for B resamples
the tables come from one product of the (B, n) count matrix with the (sparse) one-hot matrix of
every row's categories and cells, the thresholds from their cumulative sums, and the B x P
correlations from one vectorised Fisher scoring over all tables (the estimator of
:mod:`~craftwave.analysis.sem.categorical.polychoric`). The DWLS weights need the diagonal of
each resample's NACOV, whose casewise scores are evaluated at that resample's estimates: the
one step done resample by resample (its rows are the drawn rows).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.special import ndtri

from craftwave.analysis.sem.categorical.polychoric import (
    OrdinalStats,
    _fit_rho,
    _nacov,
    _pairs,
    _special_tables,
    _start,
)

__all__ = ["CodedItems", "resampled_stats"]


class CodedItems:
    """One group's answers coded 0..K-1 by the fitted levels (-1 missing), and their one-hots."""

    def __init__(self, codes: np.ndarray, stats: OrdinalStats) -> None:
        self.codes = codes
        self.stats = stats
        self.answered = codes >= 0
        n, p = codes.shape
        self.ncat = np.array([len(lv) for lv in stats.levels])
        self.kmax = int(self.ncat.max())
        kmax = self.kmax
        rows = np.arange(n)
        # item margins: column j * kmax + category
        ok = self.answered
        r, c = np.nonzero(ok)
        self.margin = sparse.csr_matrix((np.ones(r.size), (rows[r], c * kmax + codes[r, c])),
                                        shape=(n, p * kmax))
        self.col_j, self.col_i = _pairs(p)
        both = ok[:, self.col_i] & ok[:, self.col_j]
        rr, q = np.nonzero(both)
        cell = codes[rr, self.col_i[q]] * kmax + codes[rr, self.col_j[q]]
        npair = self.col_i.size
        self.table = sparse.csr_matrix((np.ones(rr.size), (rr, q * kmax * kmax + cell)),
                                       shape=(n, npair * kmax * kmax))
        self.any_answer = ok.any(axis=1)


def resampled_stats(items: CodedItems, counts: np.ndarray, *, nacov: bool = True
                    ) -> list[OrdinalStats | None]:
    """The first-stage statistics of each resample (``None`` where one cannot be computed).

    Parameters
    ----------
    items : CodedItems
        The group's coded answers (rows as fitted).
    counts : ndarray, shape (B, n)
        How often each row was drawn in each resample.
    nacov : bool
        Also the NACOV (DWLS weights); not needed for ULS.
    """
    B = counts.shape[0]
    p, kmax = items.codes.shape[1], items.kmax
    ncat = items.ncat
    cts = counts.astype(float)
    margins = np.asarray(items.margin.T.dot(cts.T).T).reshape(B, p, kmax)
    total = margins.sum(axis=2, keepdims=True)
    present = margins > 0
    complete = np.array([all(present[b, j, :ncat[j]].all() for j in range(p))
                         for b in range(B)])
    with np.errstate(divide="ignore", invalid="ignore"):
        cum = np.cumsum(margins, axis=2) / total
    npair = items.col_i.size
    tables = np.asarray(items.table.T.dot(cts.T).T).reshape(B, npair, kmax, kmax)
    edges = np.full((B, p, kmax + 1), np.inf)
    edges[:, :, 0] = -np.inf
    thresholds = []
    for b in range(B):
        th = [ndtri(cum[b, j, :ncat[j] - 1]) for j in range(p)]
        thresholds.append(th)
        for j in range(p):
            edges[b, j, 1:ncat[j]] = th[j]
    ok = complete.copy()
    rho = np.zeros((B, npair))
    ci, cj = items.col_i, items.col_j
    fixed = np.zeros((B, npair), dtype=bool)
    for b in np.flatnonzero(ok):
        rho[b], fixed[b], _ = _special_tables(tables[b], ncat[ci], ncat[cj],
                                              edges[b, ci, 1], edges[b, cj, 1])
    sel = ok[:, None] & ~fixed
    if sel.any():
        bi, qi = np.nonzero(sel)
        h = edges[bi, ci[qi]][:, :, None]
        k = edges[bi, cj[qi]][:, None, :]
        t = tables[bi, qi]
        rho[bi, qi] = _fit_rho(t, h, k, _start(t))
    out: list[OrdinalStats | None] = []
    for b in range(B):
        if not ok[b]:
            out.append(None)
            continue
        cor = np.eye(p)
        cor[ci, cj] = rho[b]
        cor[cj, ci] = rho[b]
        drawn = np.repeat(np.arange(counts.shape[1]), counts[b])
        st = OrdinalStats(names=list(items.stats.names), levels=items.stats.levels,
                          thresholds=thresholds[b], cor=cor,
                          n=int(items.any_answer[drawn].sum()), missing=items.stats.missing)
        if nacov:
            with np.errstate(divide="ignore", invalid="ignore"):
                st.nacov = _nacov(items.codes[drawn], items.answered[drawn], edges[b], ncat,
                                  rho[b], ci, cj, st.n)
            diag = np.diag(st.nacov)
            if not (np.all(np.isfinite(diag)) and np.all(diag > 0)):
                out.append(None)
                continue
        out.append(st)
    return out
