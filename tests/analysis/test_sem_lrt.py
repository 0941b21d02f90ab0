"""Nested comparisons (``compare``) against lavaan's lavTestLRT (tests/reference/r/sem_estimators.R).

Tolerance (stated once): every column of lavaan's table (Df, AIC, BIC, Chisq, Chisq diff, Df diff,
Pr(>Chisq), RMSEA) and the scaling factor and shift of the difference within 1e-4 relative
(absolute below 1). One set of fits per fixture.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis import fit
from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem import compare

REL = 1e-4
CASES = ("ml", "mlm_sb2001", "mlm_sb2010", "mlr_default", "mlr_sb2010", "mlm_satorra2000",
         "mlmv_default", "mg_mlm", "mg_mlmv", "fiml_mlr_sb2010")
METHODS = {"default": None, "satorra.bentler.2001": "satorra.bentler.2001",
           "satorra.bentler.2010": "satorra.bentler.2010", "satorra.2000": "satorra.2000"}


def _fits(ref: dict, data: pd.DataFrame) -> list:
    args = ref["args"]
    extra = ref["extra"] if isinstance(ref.get("extra"), dict) else {}
    fits = []
    for name, syntax in ref["models"].items():
        kw = {"estimator": args["estimator"]}
        if args.get("missing") == "ml":
            kw["missing"] = "fiml"
        if "group" in args:
            kw["group"] = args["group"]
        if "group.equal" in extra.get(name, {}):
            kw["group_equal"] = [extra[name]["group.equal"]]
        fits.append(fit(syntax, data, **kw))
    return fits


@pytest.fixture(scope="module", params=CASES)
def case(request, reference, reference_data):
    ref = reference(f"sem_estimators_lrt_{request.param}")
    data = reference_data(ref["data"])
    res = compare(_fits(ref, data), data, method=ref["method"], names=list(ref["models"]),
                  group=ref["args"].get("group"))
    return request.param, ref, res


def test_table_matches_lavaan(case):
    name, ref, res = case
    lav = pd.DataFrame(ref["table"])
    assert list(res.table["model"]) == list(lav["model"])
    failures = []
    for col in ("df", "aic", "bic", "chisq", "chisq_diff", "df_diff", "pvalue",
                "scaling_factor", "shift", "rmsea"):
        if col not in lav:
            continue
        theirs = pd.to_numeric(lav[col], errors="coerce").to_numpy(dtype=float)
        mine = res.table[col].to_numpy(dtype=float)
        for a, b, model in zip(theirs, mine, lav["model"], strict=True):
            if math.isnan(a) and math.isnan(b):
                continue
            if math.isnan(a) or math.isnan(b) or abs(a - b) > REL * max(1.0, abs(a)):
                failures.append(f"{model} {col}: lavaan {a}, craftwave {b}")
    assert not failures, f"{name}: " + "; ".join(failures)


def test_method_is_lavaans_choice(case):
    _, ref, res = case
    heading = ref["heading"]
    if res.method == "standard":
        assert "Scaled" not in heading
    else:
        assert res.method in heading


def test_json_is_tidy(case):
    _, ref, res = case
    out = res.to_dict()
    assert [row["model"] for row in out["table"]] == [r["model"] for r in ref["table"]]
    assert out["table"][0]["chisq_diff"] is None
    assert isinstance(out["table"][1]["df_diff"], int)


def test_order_of_the_models_does_not_matter(reference, reference_data):
    ref = reference("sem_estimators_lrt_mlm_sb2001")
    data = reference_data(ref["data"])
    fits = _fits(ref, data)
    forward = compare(fits, data, names=list(ref["models"]))
    backward = compare(fits[::-1], data, names=list(ref["models"])[::-1])
    pd.testing.assert_frame_equal(forward.table, backward.table)


def test_syntax_is_fitted_with_the_options(reference, reference_data):
    ref = reference("sem_estimators_lrt_mlm_sb2010")
    data = reference_data(ref["data"])
    res = compare(list(ref["models"].values()), data, estimator="MLM",
                  method="satorra.bentler.2010")
    lav = pd.DataFrame(ref["table"])
    assert np.allclose(res.table["chisq_diff"].to_numpy(dtype=float)[1:],
                       lav["chisq_diff"].to_numpy(dtype=float)[1:], rtol=REL)


def test_scaled_methods_need_a_scaled_test(reference, reference_data):
    ref = reference("sem_estimators_lrt_ml")
    data = reference_data(ref["data"])
    with pytest.raises(ModelError, match="scaled test"):
        compare(list(ref["models"].values()), data, method="satorra.bentler.2001")
    with pytest.raises(ModelError, match="satorra.2000"):
        compare(list(ref["models"].values()), data, estimator="MLMV",
                method="satorra.bentler.2001")
    with pytest.raises(ModelError, match="at least two"):
        compare([ref["models"]["three"]], data)


def test_models_on_different_data_are_refused(reference, reference_data):
    ref = reference("sem_estimators_lrt_ml")
    data = reference_data(ref["data"])
    a = fit(ref["models"]["three"], data)
    b = fit(ref["models"]["orthogonal"], data.iloc[:200])
    with pytest.raises(ModelError, match="different numbers of cases"):
        compare([a, b], data)


def test_invariance_with_mlm_uses_the_satorra_bentler_difference(reference, reference_data):
    """craftwave invariance --estimator MLM: the metric step's test is lavaan's SB 2001."""
    from craftwave.analysis import invariance

    ref = reference("sem_estimators_lrt_mg_mlm")
    data = reference_data(ref["data"])
    res = invariance(ref["models"]["configural"], data, group="school", estimator="MLM",
                     levels=("configural", "metric"))
    metric = res.steps.set_index("level").loc["metric"]
    lav = pd.DataFrame(ref["table"]).set_index("model").loc["metric"]
    assert metric["delta_chisq"] == pytest.approx(lav["chisq_diff"], rel=REL)
    assert metric["delta_pvalue"] == pytest.approx(lav["pvalue"], rel=REL)
    fm = res.fits["metric"].fit_measures
    assert metric["chisq"] == pytest.approx(fm["chisq_scaled"], rel=1e-12)
    assert metric["cfi"] == pytest.approx(fm["cfi_robust"], rel=1e-12)
