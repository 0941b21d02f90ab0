"""The platform report's privacy layer: primary and complementary suppression."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from craftwave.instruments.errors import DataError
from craftwave.reports.privacy import (
    SUPPRESSED,
    TOTAL,
    recoverable_by_subtraction,
    suppress,
    suppress_statistic,
    with_margins,
)


def _table(arr: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(arr, index=[f"r{i}" for i in range(arr.shape[0])],
                        columns=[f"c{j}" for j in range(arr.shape[1])])


tables = st.tuples(st.integers(1, 5), st.integers(1, 5)).flatmap(
    lambda shape: arrays(np.int64, shape, elements=st.integers(0, 40))
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arr=tables, k=st.integers(1, 15), row_totals=st.booleans())
def test_no_hidden_cell_follows_from_the_totals(arr, k, row_totals):
    s = suppress(_table(arr), k, row_totals=row_totals)
    published = s.published()
    full = with_margins(_table(arr), row_totals)
    assert (TOTAL in published.columns) == row_totals
    # every count under k (margins included) is hidden
    small = (full > 0) & (full < k)
    assert not (small & ~s.hidden).to_numpy().any()
    # published numbers are the true ones
    shown = ~s.hidden
    assert (published[shown].fillna(-1).to_numpy() == full[shown].fillna(-1).to_numpy()).all()
    # an attacker solving rows and columns one unknown at a time recovers nothing
    assert recoverable_by_subtraction(published) == set()
    # and the hidden cells of each line with a shown total add up to at least k
    vals, hid = full.to_numpy(), s.hidden.to_numpy()
    lines = [*zip(vals.T, hid.T, strict=True)]
    if row_totals:
        lines += [*zip(vals, hid, strict=True)]
    for line_v, line_h in lines:
        if line_h.any() and line_h.sum() < len(line_h):
            assert line_h.sum() >= 2 and line_v[line_h].sum() >= k


def test_attacker_recovers_a_lone_hidden_cell():
    t = with_margins(_table(np.array([[30, 4], [25, 40]]))).astype(object)
    t.loc["r0", "c1"] = None  # primary suppression only: recoverable from the row total
    assert recoverable_by_subtraction(t) == {("r0", "c1")}


def test_complementary_cells_are_chosen_small_and_in_the_body():
    t = _table(np.array([[30, 4, 50], [25, 40, 60], [12, 70, 80]]))
    s = suppress(t, k=10)
    assert s.primary.loc["r0", "c1"]
    assert s.hidden.loc["r0", "c1"]
    assert s.n_complementary >= 2
    assert not s.hidden.loc[TOTAL, TOTAL]
    disp = s.display()
    assert disp.loc["r0", "c1"] == SUPPRESSED
    assert "4" not in disp.to_numpy().ravel().tolist()


def test_statistics_hidden_with_their_counts():
    t = _table(np.array([[30, 4], [25, 40]]))
    s = suppress(t, k=10)
    means = _table(np.array([[3.1, 4.9], [2.5, 3.3]]))
    shown = suppress_statistic(means, s)
    for r in t.index:
        for c in t.columns:
            assert (shown.loc[r, c] == SUPPRESSED) == bool(s.hidden.loc[r, c])


def test_bad_input():
    with pytest.raises(DataError, match="non-negative"):
        suppress(_table(np.array([[1, -2]])), 5)
    with pytest.raises(DataError, match="positive integer"):
        suppress(_table(np.array([[1, 2]])), 0)
    with pytest.raises(DataError, match="without margins"):
        suppress(with_margins(_table(np.array([[1, 2]]))), 5)
