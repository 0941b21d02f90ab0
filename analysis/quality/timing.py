"""Seconds per item from the export's page timings, and the speeding p value.

Huang et al. (2012) suggest about 2 s per item as the least an attentive reader needs. Reading
speed differs between studies and samples, so the flag also asks that a participant-wave be
unusually fast *for this wave*: with ``m`` and ``s`` the median and the scaled MAD
(``1.4826 * MAD``; ``1.2533 *`` the mean absolute deviation when the MAD is 0) of the wave's
log seconds per item, ``p = Phi((log spi - m) / s)``. If
attentive log reading times are normal, ``P(p <= alpha) = alpha`` (the median and MAD are hardly
moved by a minority of speeders).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.data import ID_COL, TIMING_COLUMNS, to_numeric_column
from craftwave.instruments.errors import DataError

__all__ = ["seconds_per_item", "speed_pvalues"]


def seconds_per_item(page_timings: pd.DataFrame) -> pd.DataFrame:
    """Seconds per item per participant and wave from ``page_timings.csv``.

    Time on the wave's pages (``submitted_at - shown_at``, summed) over the items on them;
    pages without items are left out.

    Returns
    -------
    DataFrame
        ``participant_id``, ``wave``, ``seconds``, ``n_items``, ``seconds_per_item``.

    Raises
    ------
    DataError
        On a missing column, an unreadable time, or a page submitted before it was shown
        (naming the row).
    """
    missing = [c for c in TIMING_COLUMNS if c not in page_timings.columns]
    if missing:
        raise DataError(f"page timings: missing column(s) {', '.join(map(repr, missing))}")
    t = page_timings
    shown = _times(t["shown_at"], "shown_at")
    done = _times(t["submitted_at"], "submitted_at")
    secs = (done - shown).dt.total_seconds()
    neg = secs < 0
    if neg.any():
        row = t.index[neg.to_numpy()][0]
        raise DataError(f"page timings: row {row!r}: submitted_at is before shown_at")
    n_items = to_numeric_column(t["n_items"], "n_items")
    frame = pd.DataFrame({ID_COL: t[ID_COL].astype(str), "wave": t["wave"].astype(int),
                          "seconds": secs, "n_items": n_items})
    frame = frame[(frame["n_items"] > 0) & frame["seconds"].notna()]
    out = frame.groupby([ID_COL, "wave"], sort=False, as_index=False)[["seconds", "n_items"]].sum()
    out["seconds_per_item"] = out["seconds"] / out["n_items"]
    return out


def _times(values: pd.Series, name: str) -> pd.Series:
    try:
        return pd.to_datetime(values, utc=True, format="ISO8601")
    except (ValueError, TypeError) as exc:
        raise DataError(f"page timings: column '{name}' holds a value that is not a time: "
                        f"{exc}") from None


def speed_pvalues(spi: np.ndarray, min_rows: int = 10) -> np.ndarray:
    """Lower-tail p value of each seconds-per-item value among its wave's (log-normal null,
    median and scaled MAD). ``NaN`` where unknown, or with fewer than ``min_rows`` timed rows."""
    spi = np.asarray(spi, dtype=float)
    out = np.full(spi.shape, np.nan)
    ok = np.isfinite(spi) & (spi > 0)
    if ok.sum() < min_rows:
        return out
    logs = np.log(spi[ok])
    centre = np.median(logs)
    scale = 1.4826 * np.median(np.abs(logs - centre))
    if not scale > 0:            # over half the rows alike: the mean absolute deviation
        scale = 1.2533 * np.mean(np.abs(logs - centre))
    if not scale > 0:
        return out
    out[ok] = stats.norm.cdf((logs - centre) / scale)
    return out
