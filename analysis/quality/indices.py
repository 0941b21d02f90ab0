"""Careless-responding indices per row, each from its published definition.

Every function takes a 2-D array (rows = participants, columns = items in the order asked;
``NaN`` = not answered) and returns one value per row, ``NaN`` where the index is undefined
for that row (too few answers, no variance). No thresholds here: see
:mod:`craftwave.analysis.quality.null` and :mod:`craftwave.analysis.quality.flags`.

References
----------
Curran, P. G. (2016). Methods for the detection of carelessly invalid responses in survey data.
*Journal of Experimental Social Psychology, 66*, 4-19.
Meade, A. W., & Craig, S. B. (2012). Identifying careless responses in survey data.
*Psychological Methods, 17*, 437-455.
Gottfried, J., Ježek, S., Králová, M., & Řiháček, T. (2022). Autocorrelation screening: a
potentially efficient method for detecting repetitive response patterns in questionnaire data.
*Practical Assessment, Research & Evaluation, 27*, 2.
Dunn, A. M., Heggestad, E. D., Shanock, L. R., & Theilgard, N. (2018). Intra-individual response
variability as an indicator of insufficient effort responding. *Journal of Business and
Psychology, 33*, 105-121.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["longstring", "irv", "even_odd", "synonym_pairs", "pair_consistency",
           "person_total", "autocorrelation"]


def _rowcorr(a: np.ndarray, b: np.ndarray, min_pairs: int) -> np.ndarray:
    """Pearson correlation per row over the columns where both ``a`` and ``b`` are observed."""
    both = ~(np.isnan(a) | np.isnan(b))
    n = both.sum(axis=1)
    a0 = np.where(both, a, 0.0)
    b0 = np.where(both, b, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        ma = a0.sum(axis=1) / n
        mb = b0.sum(axis=1) / n
        da = np.where(both, a0 - ma[:, None], 0.0)
        db = np.where(both, b0 - mb[:, None], 0.0)
        num = (da * db).sum(axis=1)
        den = np.sqrt((da**2).sum(axis=1) * (db**2).sum(axis=1))
        r = num / den
    r[(n < min_pairs) | ~(den > 1e-12)] = np.nan
    return r


def longstring(x: np.ndarray) -> np.ndarray:
    """Longest run of identical consecutive answers (Johnson, 2005; Curran, 2016).

    A skipped item ends a run. ``NaN`` for a row with no answer.
    """
    x = np.asarray(x, dtype=float)
    best = np.zeros(len(x))
    run = np.zeros(len(x))
    prev = np.full(len(x), np.nan)
    for col in x.T:                      # vectorised over rows
        seen = ~np.isnan(col)
        run = np.where(seen, np.where((run > 0) & (col == prev), run + 1, 1), 0)
        best = np.maximum(best, run)
        prev = col
    return np.where(best > 0, best, np.nan)


def irv(x: np.ndarray) -> np.ndarray:
    """Intra-individual response variability: the row's standard deviation (N - 1) over its
    answered items (Dunn et al., 2018). ``NaN`` with fewer than two answers."""
    x = np.asarray(x, dtype=float)
    n = (~np.isnan(x)).sum(axis=1)
    out = np.full(len(x), np.nan)
    ok = n >= 2
    if ok.any():
        m = np.nanmean(x[ok], axis=1)
        out[ok] = np.sqrt(np.nansum((x[ok] - m[:, None]) ** 2, axis=1) / (n[ok] - 1))
    return out


def even_odd(x: np.ndarray, scales: Sequence[Sequence[int]], min_scales: int = 3) -> np.ndarray:
    """Even-odd consistency (Johnson, 2005; Meade & Craig, 2012; Curran, 2016).

    Each unidimensional (sub)scale, its items keyed in one direction, is split into its
    odd-numbered and even-numbered items (1st, 3rd, ... and 2nd, 4th, ... in the scale's order).
    The row's mean of each half is taken per scale; the index is the correlation, across the
    scales, of the odd-half means with the even-half means, corrected to full length by
    Spearman-Brown: ``2r / (1 + r)`` (shown as -1 below -1, i.e. for r < -1/3). High =
    consistent. A scale enters a row's correlation when
    both halves have an answer; ``NaN`` with fewer than ``min_scales`` such scales or no
    variance across them (as a straight-liner's).

    Parameters
    ----------
    x : ndarray
        Answers, reverse-keyed items already recoded.
    scales : sequence of sequences of int
        Column positions of each (sub)scale's items, in the scale's order.
    """
    x = np.asarray(x, dtype=float)
    odd, even = [], []
    for cols in scales:
        cols = list(cols)
        if len(cols) < 2:
            continue
        with np.errstate(all="ignore"):
            odd.append(_nanmean(x[:, cols[0::2]]))
            even.append(_nanmean(x[:, cols[1::2]]))
    if len(odd) < min_scales:
        return np.full(len(x), np.nan)
    r = _rowcorr(np.column_stack(odd), np.column_stack(even), min_scales)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.maximum(2 * r / (1 + r), -1.0)


def _nanmean(a: np.ndarray) -> np.ndarray:
    n = (~np.isnan(a)).sum(axis=1)
    s = np.nansum(a, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, s / np.maximum(n, 1), np.nan)


def synonym_pairs(corr: np.ndarray, critical: float = 0.60, antonyms: bool = False
                  ) -> list[tuple[int, int]]:
    """Item pairs whose sample correlation exceeds ``critical`` (synonyms) or falls below
    ``-critical`` (antonyms) (Meade & Craig, 2012; ``careless::psychsyn``), ``(i, j)`` with
    ``i < j``."""
    corr = np.asarray(corr, dtype=float)
    i, j = np.triu_indices(corr.shape[0], k=1)
    r = corr[i, j]
    keep = (r < -critical) if antonyms else (r > critical)
    return list(zip(i[keep].tolist(), j[keep].tolist(), strict=True))


def pair_consistency(x: np.ndarray, pairs: Sequence[tuple[int, int]], min_pairs: int = 3
                     ) -> np.ndarray:
    """Psychometric synonyms or antonyms: the within-row correlation, across the item pairs, of
    the answers to the pairs' first items with the answers to their second items (Meade &
    Craig, 2012). Attentive rows correlate highly for synonyms and negatively for antonyms.
    ``NaN`` with fewer than ``min_pairs`` fully answered pairs or no variance."""
    x = np.asarray(x, dtype=float)
    if len(pairs) < min_pairs:
        return np.full(len(x), np.nan)
    a = x[:, [i for i, _ in pairs]]
    b = x[:, [j for _, j in pairs]]
    return _rowcorr(a, b, min_pairs)


def person_total(x: np.ndarray, item_means: np.ndarray | None = None,
                 min_items: int = 3) -> np.ndarray:
    """Person-total correlation (Curran, 2016): the correlation, across the items a row
    answered, of its answers with the item means of all other rows. High = answers like the
    sample. With ``item_means`` given (e.g. for new rows), those means are used instead.
    ``NaN`` with fewer than ``min_items`` answers or no variance."""
    x = np.asarray(x, dtype=float)
    if item_means is None:
        seen = ~np.isnan(x)
        total = np.nansum(x, axis=0)
        count = seen.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            others = (total[None, :] - np.where(seen, x, 0.0)) / (count[None, :] - seen)
    else:
        others = np.broadcast_to(np.asarray(item_means, dtype=float), x.shape)
    return _rowcorr(x, np.where(np.isnan(x), np.nan, others), min_items)


def autocorrelation(x: np.ndarray, max_lag: int = 10) -> np.ndarray:
    """Response-pattern autocorrelation (Gottfried et al., 2022): the largest autocorrelation
    of the row's answer sequence over lags 1..``max_lag`` (at most half the items).

    At lag ``h``, ``r_h = sum_t (x_t - m)(x_{t+h} - m) / sum_t (x_t - m)^2`` with ``m`` the mean
    of the answered items (R's ``acf``; a skipped item drops the pairs it is in, as
    ``na.action = na.pass``). Repetitive patterns (1-2-3-4-5-1-2-...; 1-5-1-5-...) give a high
    value at their period. ``NaN`` with fewer than four answers or no variance.
    """
    x = np.asarray(x, dtype=float)
    n_items = x.shape[1]
    lags = range(1, max(1, min(max_lag, n_items // 2)) + 1)
    seen = ~np.isnan(x)
    n = seen.sum(axis=1)
    m = _nanmean(x)
    d = np.where(seen, x - m[:, None], 0.0)
    den = (d**2).sum(axis=1)
    best = np.full(len(x), -np.inf)
    for h in lags:
        num = (d[:, :-h] * d[:, h:]).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            best = np.maximum(best, num / den)
    best[(n < 4) | ~(den > 1e-12)] = np.nan
    return best
