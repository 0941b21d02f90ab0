"""Latent growth curves of long data against lavaan's growth()
(tests/reference/growth_lmertest_latent*.json, made by r/growth_lmertest.R)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from craftwave.analysis.growth_latent import latent_growth
from craftwave.instruments.errors import DataError

REF = Path(__file__).resolve().parents[1] / "reference"
TOL = 1e-3  # estimates and SEs (absolute); log-likelihood and chi-square 1e-4 relative


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return pd.read_csv(REF / "data" / "growth_covariates.csv")


@pytest.mark.parametrize("name,kwargs", [
    ("latent", {}),
    ("latent_covariates", {"covariates": ["age"], "time_interactions": ["arm"]}),
])
def test_matches_lavaan_growth(data, name, kwargs):
    ref = json.loads((REF / f"growth_lmertest_{name}.json").read_text())
    res = latent_growth(data, id="id", time="time", outcome="resil", **kwargs)
    assert "s =~ 0*resil_t0 + 1*resil_t1 + 2*resil_t2 + 3*resil_t3" in res.syntax
    # R's dummy is arm_control; craftwave names it as R names factor terms (armcontrol)
    ours = {(r.lhs, r.op, r.rhs.replace("armcontrol", "arm_control")): r
            for r in res.result.params.itertuples()}
    free = [r for r in ref["parameters"] if r["se"] and r["se"] > 0]
    assert len(free) == res.result.fit_measures["npar"]
    for row in free:
        mine = ours[(row["lhs"], row["op"], row["rhs"])]
        assert mine.est == pytest.approx(row["est"], abs=TOL), row
        assert mine.se == pytest.approx(row["se"], abs=TOL), row
    fm = res.result.fit_measures
    for key in ("logl", "chisq", "aic", "bic"):
        assert fm[key] == pytest.approx(ref["fit"][key], rel=1e-4), key
    assert fm["df"] == ref["fit"]["df"]
    out = res.to_dict()
    assert out["function"] == "growth" and out["slope_loadings"]["resil_t3"] == 3.0


def test_time_coding_sets_the_loadings(data):
    res = latent_growth(data, id="id", time="time", outcome="resil", time_coding="center")
    assert res.loadings == {"resil_t0": -1.5, "resil_t1": -0.5, "resil_t2": 0.5,
                            "resil_t3": 1.5}
    assert "s =~ -1.5*resil_t0" in res.syntax


def test_errors(data):
    with pytest.raises(DataError, match="no column.*shoe"):
        latent_growth(data, id="id", time="time", outcome="resil", covariates=["shoe"])
    with pytest.raises(DataError, match="varies within participants"):
        latent_growth(data.assign(x=range(len(data))), id="id", time="time", outcome="resil",
                      covariates=["x"])
    with pytest.raises(DataError, match="at least 3 occasions"):
        latent_growth(data[data["time"] < 2], id="id", time="time", outcome="resil")
    with pytest.raises(DataError, match="months"):
        latent_growth(data, id="id", time="time", outcome="resil", time_coding="months")
    with pytest.raises(DataError, match="two rows for one occasion"):
        latent_growth(pd.concat([data, data.head(1)]), id="id", time="time", outcome="resil")
