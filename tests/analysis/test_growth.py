"""Growth models against lme4 (tests/reference/panel_growth.json, made by r/panel.R)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.growth import code_time, growth
from instruments.errors import DataError

REF = Path(__file__).resolve().parents[1] / "reference"
TOL = 1e-3  # the issue's bar: lme4's REML estimates, SEs and variance components within 1e-3


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return pd.read_csv(REF / "data" / "panel_growth.csv")


@pytest.fixture(scope="module")
def reference() -> dict:
    return json.loads((REF / "panel_growth.json").read_text())


@pytest.mark.parametrize("key,slope", [("random_slope", True), ("random_intercept", False)])
def test_matches_lme4(data, reference, key, slope):
    ref = reference[key]
    res = growth(data, id="id", time="time", outcome="y", random_slope=slope, time_coding="raw")
    assert res.converged
    assert res.nobs == ref["nobs"]
    fixed = res.fixed.set_index("term")
    for row in ref["fixed"]:
        assert fixed.loc[row["term"], "est"] == pytest.approx(row["est"], abs=TOL)
        assert fixed.loc[row["term"], "se"] == pytest.approx(row["se"], abs=TOL)
    ours = {(r.grp, r.var1, r.var2): r.vcov for r in res.random.itertuples()}
    assert len(ours) == len(ref["varcomp"])
    for row in ref["varcomp"]:
        assert ours[(row["grp"], row["var1"], row["var2"])] == pytest.approx(row["vcov"], abs=TOL)
    assert res.loglik == pytest.approx(ref["loglik"], abs=1e-2)


def test_time_coding_shifts_only_the_intercept(data):
    raw = growth(data, id="id", time="time", outcome="y", time_coding="raw")
    cen = growth(data, id="id", time="time", outcome="y", time_coding="center")
    slope = raw.fixed.set_index("term").loc["time", "est"]
    assert cen.fixed.set_index("term").loc["time", "est"] == pytest.approx(slope, abs=1e-4)
    # centred at 1.5: intercept = raw intercept + 1.5 * slope
    expected = raw.fixed.set_index("term").loc["(Intercept)", "est"] + 1.5 * slope
    assert cen.fixed.set_index("term").loc["(Intercept)", "est"] == pytest.approx(expected, abs=1e-4)
    assert cen.loglik == pytest.approx(raw.loglik, abs=1e-3)


def test_code_time_variants():
    d = pd.DataFrame({"id": [1, 1, 2, 2], "wave": [1, 3, 1, 2],
                      "date": ["2026-01-01", "2026-03-02", "2026-01-10", "2026-02-09"]})
    assert code_time(d, "id", "wave", "first").tolist() == [0, 2, 0, 1]
    assert code_time(d, "id", "wave", "center").tolist() == [-1, 1, -1, 0]
    months = code_time(d, "id", "date", "months").to_numpy()
    assert months[0] == 0 and months[2] == 0
    np.testing.assert_allclose(months[[1, 3]], [60 / (365.25 / 12), 30 / (365.25 / 12)])


def test_errors(data):
    with pytest.raises(DataError, match="no column"):
        growth(data, id="id", time="wave", outcome="y")
    with pytest.raises(DataError, match="time coding"):
        growth(data, id="id", time="time", outcome="y", time_coding="weeks")
