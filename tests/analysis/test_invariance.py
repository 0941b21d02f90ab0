"""Measurement invariance against lavaan: multi-group (HS by school, ML and MLR with the
Satorra-Bentler 2001 scaled difference) and longitudinal (three waves, lag-1 residual
covariances). Fixtures from tests/reference/r/sem.R; tolerance 1e-3 (relative for chi-square)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis import invariance
from craftwave.analysis.errors import ModelError
from craftwave.analysis.invariance import longitudinal_syntax

HS_MODEL = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
LONG_MODEL = "\n".join(f"F{t} =~ " + " + ".join(f"jc_{j}_w{t}" for j in range(1, 5))
                       for t in (1, 2, 3))
LEVELS = ["configural", "metric", "scalar", "strict"]


def _rel(a, b):
    return abs(a - b) <= 1e-3 * max(1.0, abs(a))


@pytest.fixture(scope="module", params=["ML", "MLR"])
def multigroup(request, reference_data):
    est = request.param
    return est, invariance(HS_MODEL, reference_data("sem_hs.csv"), group="school",
                           estimator=est)


@pytest.fixture(scope="module")
def longitudinal(reference_data):
    return invariance(LONG_MODEL, reference_data("sem_long.csv"), long=["F1", "F2", "F3"])


def test_multigroup_steps_match_lavaan(multigroup, reference):
    est, res = multigroup
    lrt = reference(f"sem_mg_lrt_{est.lower()}")
    steps = res.steps.set_index("level")
    assert list(steps.index) == LEVELS
    for level in LEVELS:
        ref = reference(f"sem_mg_{level}_{est.lower()}")["fit"]
        key = "chisq.scaled" if est == "MLR" else "chisq"
        assert _rel(ref[key], steps.loc[level, "chisq"])
        assert steps.loc[level, "df"] == ref["df"]
        cfi_key = "cfi.robust" if est == "MLR" else "cfi"
        assert abs(steps.loc[level, "cfi"] - ref[cfi_key]) <= 1e-3
        assert abs(steps.loc[level, "srmr"] - ref["srmr"]) <= 1e-3
    for level, ref in lrt.items():
        assert _rel(ref["delta_chisq"], steps.loc[level, "delta_chisq"])
        assert steps.loc[level, "delta_df"] == ref["delta_df"]
        assert abs(ref["delta_pvalue"] - steps.loc[level, "delta_pvalue"]) <= 1e-3


def test_multigroup_level_reached_follows_criteria(multigroup):
    _, res = multigroup
    steps = res.steps.set_index("level")
    # scalar fails Chen's delta CFI criterion in these data (a well-known result)
    assert steps.loc["scalar", "delta_cfi"] < -0.01
    assert res.level_reached == "metric"
    d = res.to_dict()
    assert d["level_reached"] == "metric" and len(d["steps"]) == 4
    assert "Level reached: metric" in res.summary()


def test_levels_after_a_failed_level_are_not_tested(multigroup):
    _, res = multigroup
    steps = {s["level"]: s for s in res.to_dict()["steps"]}
    assert steps["metric"]["status"] == "passed" and steps["metric"]["passed"] is True
    assert steps["scalar"]["status"] == "failed" and steps["scalar"]["passed"] is False
    # strict compared with a scalar model that did not hold: never "passed"
    assert steps["strict"]["status"] == "not tested"
    assert steps["strict"]["passed"] is None
    assert steps["configural"]["delta_cfi"] is None  # NaN never reaches the JSON
    assert res.summary().splitlines()[-3].rstrip().endswith("not tested")
    assert res.to_dict()["nobs"] == 301


def test_longitudinal_steps_match_lavaan(longitudinal, reference):
    steps = longitudinal.steps.set_index("level")
    for level in LEVELS:
        ref = reference(f"sem_long_{level}_ml")["fit"]
        assert _rel(ref["chisq"], steps.loc[level, "chisq"])
        assert steps.loc[level, "df"] == ref["df"]
        assert abs(steps.loc[level, "rmsea"] - ref["rmsea"]) <= 1e-3
    for level, ref in reference("sem_long_lrt_ml").items():
        assert _rel(ref["delta_chisq"], steps.loc[level, "delta_chisq"])
        assert steps.loc[level, "delta_df"] == ref["delta_df"]
    assert longitudinal.level_reached == "strict"


def test_longitudinal_parameters_match_lavaan(longitudinal, reference):
    lav = pd.DataFrame(reference("sem_long_scalar_ml")["parameters"])
    mine = longitudinal.fits["scalar"].params
    merged = lav.merge(mine, on=["lhs", "op", "rhs", "group"], suffixes=("_lav", ""))
    assert len(merged) == len(lav)
    assert (merged["est"] - merged["est_lav"]).abs().max() <= 1e-3
    assert (merged["se"] - merged["se_lav"]).abs().max() <= 1e-3


def test_longitudinal_syntax_lags_and_partial():
    lag1 = longitudinal_syntax(LONG_MODEL, ["F1", "F2", "F3"], "configural")
    assert "jc_1_w1 ~~ jc_1_w2" in lag1 and "jc_1_w1 ~~ jc_1_w3" not in lag1
    every = longitudinal_syntax(LONG_MODEL, ["F1", "F2", "F3"], "configural",
                                residual_lags="all")
    assert "jc_1_w1 ~~ jc_1_w3" in every
    part = longitudinal_syntax(LONG_MODEL, ["F1", "F2", "F3"], "scalar",
                               partial=["F2 =~ jc_2_w2", "jc_3_w3 ~ 1"])
    assert "F2 =~ .lambda2.*jc_2_w2" not in part and "F3 =~ .lambda2.*jc_2_w3" in part
    assert "jc_3_w3 ~ .nu3.*1" not in part and "F3 ~ NA*1" in part


def test_partial_invariance_frees_one_parameter(reference_data):
    data = reference_data("sem_long.csv")
    full = invariance(LONG_MODEL, data, long=["F1", "F2", "F3"], levels=LEVELS[:2])
    part = invariance(LONG_MODEL, data, long=["F1", "F2", "F3"], levels=LEVELS[:2],
                      partial=["F3 =~ jc_4_w3"])
    assert part.steps["df"].iloc[1] == full.steps["df"].iloc[1] - 1


def test_unequal_indicator_counts_and_bad_arguments(reference_data):
    data = reference_data("sem_long.csv")
    with pytest.raises(ModelError, match="same number"):
        invariance("F1 =~ jc_1_w1 + jc_2_w1 + jc_3_w1\nF2 =~ jc_1_w2 + jc_2_w2", data,
                   long=["F1", "F2"])
    with pytest.raises(ModelError):
        invariance(LONG_MODEL, data)
    with pytest.raises(ModelError):
        invariance(LONG_MODEL, data, long=["F1", "F2", "F3"], levels=["metric"])
    assert np.isnan(invariance(LONG_MODEL, data, long=["F1", "F2", "F3"],
                               levels=["configural"]).steps["delta_chisq"].iloc[0])
