"""Descriptives and the APA correlation table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from craftwave.analysis.descriptives import (
    correlation_table,
    correlation_tables_by_wave,
    describe,
    mean_ci,
    significance_marks,
)
from craftwave.analysis.reliability import reliability_table
from craftwave.instruments import DataError, load_library
from craftwave.instruments.names import item_var

ICRAFT = load_library()["icraft"]


@pytest.fixture
def data() -> pd.DataFrame:
    rng = np.random.default_rng(99)
    n = 150
    x = rng.normal(size=n)
    return pd.DataFrame({
        "x": x,
        "y": 0.5 * x + rng.normal(size=n),
        "z": rng.normal(size=n),                     # unrelated
        "w": -0.3 * x + rng.normal(size=n),
    })


def test_describe_matches_pandas_and_scipy(data):
    data.loc[3, "y"] = np.nan
    d = describe(data).set_index("variable")
    assert d.loc["y", "n"] == 149 and d.loc["y", "missing"] == 1
    assert d.loc["x", "mean"] == pytest.approx(data["x"].mean())
    assert d.loc["x", "sd"] == pytest.approx(np.std(data["x"], ddof=1))
    assert d.loc["z", "skew"] == pytest.approx(stats.skew(data["z"], bias=False))
    assert d.loc["z", "kurtosis"] == pytest.approx(stats.kurtosis(data["z"], bias=False))


def test_mean_ci_is_the_t_interval(data):
    data.loc[:4, "y"] = np.nan
    y = data["y"].dropna().to_numpy()
    half = stats.t.ppf(0.95, y.size - 1) * y.std(ddof=1) / np.sqrt(y.size)   # 90% interval
    mean, lower, upper = mean_ci(data["y"], level=0.90)
    assert mean == pytest.approx(y.mean())
    assert (lower, upper) == pytest.approx((y.mean() - half, y.mean() + half))
    assert np.isnan(mean_ci([3.0])[1]) and np.isnan(mean_ci([np.nan])[0])


@pytest.mark.parametrize(("p", "marks"), [(0.2, ""), (0.049, "*"), (0.0099, "**"),
                                          (0.0009, "***"), (np.nan, "")])
def test_significance_marks(p, marks):
    assert significance_marks(p) == marks


def test_numbers_and_layout(data):
    data.loc[:9, "w"] = np.nan
    t = correlation_table(data, ["x", "y", "z", "w"], reliability={"x": 0.876, "y": 0.7})
    for a in "xyzw":
        for b in "xyzw":
            if a != b:
                pair = data[[a, b]].dropna()
                res = stats.pearsonr(pair[a], pair[b])
                assert t.r.loc[a, b] == pytest.approx(res.statistic)
                assert t.p.loc[a, b] == pytest.approx(res.pvalue)
                assert t.n.loc[a, b] == len(pair)
    table = t.table
    assert list(table.columns) == ["Variable", "M", "SD", "1", "2", "3", "4"]
    assert table["Variable"].tolist() == ["1. x", "2. y", "3. z", "4. w"]
    assert table.loc[0, "1"] == "(.88)" and table.loc[1, "2"] == "(.70)"
    assert table.loc[2, "3"] == "\u2014"                      # no reliability given
    assert table.loc[0, "2"] == "" and table.loc[0, "4"] == ""   # upper triangle empty
    r_xy, p_xy = t.r.loc["y", "x"], t.p.loc["y", "x"]
    want = f"{r_xy:.2f}".replace("0.", ".") + significance_marks(p_xy)
    assert table.loc[1, "1"] == want and want.endswith("***")
    assert table.loc[3, "1"].startswith("-.")
    assert table.loc[0, "M"] == f"{data['x'].mean():.2f}"
    assert "N = 140 to 150 (pairwise)" in t.note and "*** p < .001" in t.note


def test_text_and_html(data):
    t = correlation_table(data, ["x", "y"], labels={"x": "Crafting <task>", "y": "Resilience"},
                          reliability={"x": 0.81})
    text = t.to_text()
    assert text.splitlines()[1].startswith("1. Crafting <task>")
    html = t.to_html()
    assert "Crafting &lt;task&gt;" in html and "<table" in html and "(.81)" in html


def test_spearman(data):
    t = correlation_table(data, ["x", "z"], method="spearman")
    assert t.r.loc["x", "z"] == pytest.approx(stats.spearmanr(data["x"], data["z"]).statistic)
    with pytest.raises(DataError, match="method must be"):
        correlation_table(data, method="kendall")


def test_errors_name_the_column(data):
    with pytest.raises(DataError, match="unknown variable.*'v'"):
        correlation_table(data, ["x", "v"])
    with pytest.raises(DataError, match="column 'z' is constant"):
        correlation_table(data.assign(z=1.0), ["x", "z"])


def test_tables_by_wave_with_reliability_on_the_diagonal():
    rng = np.random.default_rng(5)
    n = 200
    cols = {}
    subs = [s.id for s in ICRAFT.subscales]
    for w in (1, 2):
        trait = rng.normal(size=(n, 3))
        for item in ICRAFT.items:
            x = 3 + 0.9 * trait[:, subs.index(item.subscale)] + rng.normal(scale=0.7, size=n)
            if ICRAFT.is_reversed(item.id):
                x = 6 - x
            cols[item_var("icraft", item.id, w)] = np.clip(np.round(x), 1, 5)
    wide = pd.DataFrame(cols)
    lib = {"icraft": ICRAFT}
    tables = correlation_tables_by_wave(wide, lib, level="subscale")
    assert sorted(tables) == [1, 2]
    t2 = tables[2]
    assert t2.variables == ["icraft_task_w2", "icraft_relational_w2", "icraft_cognitive_w2"]
    rel = reliability_table(wide, lib).set_index("scale")
    assert t2.reliability["icraft_task_w2"] == pytest.approx(rel.loc["icraft_task_w2", "alpha"])
    omega = correlation_tables_by_wave(wide, lib, level="both", coefficient="omega")[1]
    assert omega.variables[-1] == "icraft_w1"
    assert omega.reliability["icraft_task_w1"] == pytest.approx(
        rel.loc["icraft_task_w1", "omega_total"])
    assert omega.reliability["icraft_w1"] == pytest.approx(rel.loc["icraft_w1", "omega_total"])
    assert rel.loc["icraft_w1", "omega_method"] == "Schmid-Leiman"
