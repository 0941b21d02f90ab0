"""Data-driven partial invariance of ordered indicators (``--partial auto`` with ``--ordered``).

The score tests that pick what to free are checked against lavaan 0.6-14 (fixtures from
tests/reference/r/ordinal_modindices.R: lavTestScore of the thresholds and metric levels,
modindices of the scalar level, all on the Wu-Estabrook syntax of ordinal_groups.json), within
1e-4 relative.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical.partial import (
    ordinal_partial_invariance,
)
from craftwave.cli import main

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "ordinal_modindices.json").read_text())
GROUPS = pd.read_csv(REF / "data" / "ordinal_groups.csv")
LONG = pd.read_csv(REF / "data" / "ordinal_long.csv")
MODEL = "f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6"
LONG_MODEL = ("C1 =~ c1_w1 + c2_w1 + c3_w1\nC2 =~ c1_w2 + c2_w2 + c3_w2\n"
              "C3 =~ c1_w3 + c2_w3 + c3_w3")


def _univariate(case: str) -> dict[str, float]:
    """lavaan's univariate score test of each constraint, by the parameter it releases."""
    out = {}
    for e in FIXTURE[case]["score"]["univariate"]:
        a = e["lhs"]
        out[f"{a['lhs']} {a['op']} {a['rhs']}"] = e["X2"]
    return out


def _mi(case: str, lhs: str, op: str, group: int) -> float:
    mi = pd.DataFrame(FIXTURE[case]["modindices"])
    row = mi[(mi["lhs"] == lhs) & (mi["op"] == op) & (mi["group"] == group)]
    return float(row["mi"].iloc[0])


def _frees(res) -> list[dict]:
    return [e for e in res.log if e["action"] == "free"]


@pytest.fixture(scope="module")
def scalar_search():
    # thresholds (p = .065, delta RMSEA .0154) and metric hold with a wider RMSEA change
    return ordinal_partial_invariance(MODEL, GROUPS, group="grp", criteria={"delta_rmsea": 0.02})


def test_scalar_frees_the_largest_intercept_by_lavaans_mi(scalar_search):
    res = scalar_search
    first = _frees(res)[0]
    assert first["level"] == "scalar" and first["parameter"] == "y1 ~ 1"
    assert first["X2"] == pytest.approx(_mi("groups_scalar", "y1", "~1", 2), rel=1e-4)
    assert res.level_reached == "scalar" and res.freed == ["y1 ~ 1"]
    assert "y1 ~ c(0, NA)*1" in res.syntax["scalar"]
    assert res.fits["scalar"].fit["chisq"] < FIXTURE["groups_scalar"]["chisq"]
    assert res.data_driven and any("DATA-DRIVEN" in line for line in res.summary().splitlines())


def test_the_constrained_scalar_model_is_lavaans(scalar_search):
    compare = [e for e in scalar_search.log if e["action"] == "compare"
               and e["level"] == "scalar"]
    assert compare[0]["model"] == "as constrained" and not compare[0]["holds"]
    assert compare[-1]["holds"]


def test_metric_frees_the_loading_with_lavaans_largest_score_test():
    res = ordinal_partial_invariance(MODEL, GROUPS, group="grp", levels=["configural",
                                     "thresholds", "metric"],
                                     criteria={"delta_rmsea": 0.02, "delta_cfi": -0.003})
    first = _frees(res)[0]
    lav = {k: v for k, v in _univariate("groups_metric").items() if "=~" in k}
    best = max(lav, key=lav.get)
    assert first["level"] == "metric" and first["parameter"] == best
    assert first["X2"] == pytest.approx(lav[best], rel=1e-4)
    assert first["candidates"] == len(lav)


def test_the_threshold_with_lavaans_largest_score_test_is_freed_first():
    res = ordinal_partial_invariance(MODEL, GROUPS, group="grp")
    lav = _univariate("groups_thresholds")
    first = _frees(res)[0]
    assert first["level"] == "thresholds"
    assert first["X2"] == pytest.approx(max(lav.values()), rel=1e-4)
    assert first["candidates"] == len(lav)
    assert any(" | t" in name for name in res.freed)


def test_longitudinal_search_runs_and_holds_when_nothing_fails():
    res = ordinal_partial_invariance(LONG_MODEL, LONG, long=["C1", "C2", "C3"])
    assert res.kind == "longitudinal" and res.level_reached == "scalar"
    assert res.freed == [] and not _frees(res)


def test_bad_arguments_are_named():
    with pytest.raises(ModelError, match="either group"):
        ordinal_partial_invariance(MODEL, GROUPS)
    with pytest.raises(ModelError, match="prefix"):
        ordinal_partial_invariance(MODEL, GROUPS, group="grp", levels=["metric"])
    with pytest.raises(ModelError, match="unknown criteria"):
        ordinal_partial_invariance(MODEL, GROUPS, group="grp", criteria={"delta_bic": 1})


def test_cli_partial_auto_with_ordered(tmp_path):
    model = tmp_path / "m.lav"
    model.write_text(MODEL, encoding="utf-8")
    out = CliRunner().invoke(main, ["invariance", str(model), str(REF / "data" /
                                    "ordinal_groups.csv"), "--group", "grp", "--ordered",
                                    "--partial", "auto", "--delta-rmsea", "0.02", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert d["data_driven"] and d["estimator"] == "WLSMV"
    assert d["freed"] == ["y1 ~ 1"] and d["level_reached"] == "scalar"
    assert "y1 ~ c(0, NA)*1" in d["syntax"]["scalar"]
