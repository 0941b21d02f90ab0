"""The data-driven partial invariance search against the same search done with lavaan
(tests/reference/r/sem_modindices.R: lavTestLRT, fitMeasures and lavTestScore at every step).

Tolerance (stated once): score tests, chi-square differences and changes in fit indices within
1e-3 absolute; the same decisions in the same order.
"""

from __future__ import annotations

import pytest

from craftwave.analysis.errors import ModelError
from craftwave.analysis.partial_invariance import DATA_DRIVEN_NOTE, partial_invariance

ABS = 1e-3
LONG_MODEL = "\n".join(f"F{t} =~ " + " + ".join(f"jc_{j}_w{t}" for j in range(1, 5))
                       for t in range(1, 4))


@pytest.fixture(scope="module")
def mg(reference, reference_data):
    ref = reference("sem_partial_search_mg")
    data = reference_data(ref["data"])
    return ref, partial_invariance(ref["model"], data, group="school")


@pytest.fixture(scope="module", params=["sem_partial_search_mg", "sem_partial_search_long"])
def search(request, reference, reference_data):
    ref = reference(request.param)
    data = reference_data(ref["data"])
    args = ref["args"]
    if "group" in args:
        return ref, partial_invariance(ref["model"], data, group=args["group"])
    return ref, partial_invariance(ref["model"], data, long=args["long"])


def test_same_decisions_as_lavaan(search):
    ref, res = search
    assert res.freed == ref["freed"]
    assert [(e["action"], e["level"]) for e in res.log] == \
        [(e["action"], e["level"]) for e in ref["log"]]
    for mine, theirs in zip(res.log, ref["log"], strict=True):
        if theirs["action"] == "compare":
            assert mine["holds"] == theirs["holds"]
            for key in ("delta_chisq", "delta_pvalue", "delta_cfi", "delta_rmsea",
                        "delta_srmr"):
                assert mine[key] == pytest.approx(theirs[key], abs=ABS), key
            assert mine["delta_df"] == theirs["delta_df"]
        else:
            assert mine["parameter"] == theirs["parameter"]
            assert mine["X2"] == pytest.approx(theirs["X2"], abs=ABS)
            assert mine["df"] == theirs["df"]


def test_level_reached_and_steps(mg):
    _, res = mg
    assert res.level_reached == "strict"
    steps = res.steps.set_index("level")
    assert list(steps["status"]) == ["passed"] * 4
    assert steps.loc["scalar", "freed"] == "x3 ~ 1, x7 ~ 1"
    assert steps.loc["metric", "freed"] == ""
    # the freed intercepts stay free at the strict level
    strict = res.fits["strict"].params
    x3 = strict.query("lhs == 'x3' and op == '~1'")["est"].to_numpy()
    assert abs(x3[0] - x3[1]) > 0.1


def test_says_it_was_data_driven(mg):
    _, res = mg
    d = res.to_dict()
    assert d["data_driven"] is True and DATA_DRIVEN_NOTE in d["notes"]
    text = res.summary()
    assert "DATA-DRIVEN" in text and "free x3 ~ 1" in text and "confirmed on new data" in text


def test_longitudinal_frees_one_wave_at_a_time(reference_data):
    data = reference_data("sem_long.csv")
    res = partial_invariance(LONG_MODEL, data, long=["F1", "F2", "F3"])
    frees = [e for e in res.log if e["action"] == "free"]
    assert all(e["df"] == 1 for e in frees)
    assert res.freed == [e["parameter"] for e in frees]
    assert res.level_reached in ("metric", "scalar", "strict")
    # the model reached holds by every criterion against the level below
    last = [e for e in res.log if e["action"] == "compare"][-1]
    assert last["holds"] == (res.level_reached == "strict")


def test_nothing_to_free_stops_the_level(reference, reference_data):
    ref = reference("sem_partial_search_mg")
    data = reference_data(ref["data"])
    res = partial_invariance(ref["model"], data, group="school", max_free=1,
                             levels=("configural", "metric", "scalar"))
    assert res.level_reached == "metric"
    assert res.log[-1]["action"] == "stop"
    assert res.steps.set_index("level").loc["scalar", "status"] == "failed"


def test_unknown_criteria_refused(reference_data):
    with pytest.raises(ModelError, match="unknown criteria"):
        partial_invariance(LONG_MODEL, reference_data("sem_long.csv"), long=["F1", "F2", "F3"],
                           criteria={"delta_tli": 0.01})


def test_a_freed_wave_score_test_approximates_the_lr_drop(reference_data):
    """Across waves a row leaves its equality (even the first wave's): X2 ~ chi-square drop."""
    from craftwave.analysis.invariance import longitudinal_syntax
    from craftwave.analysis.sem import fit
    from craftwave.analysis.sem.scoretest import tester_for

    data = reference_data("sem_long.csv")
    factors = ["F1", "F2", "F3"]
    constrained = fit(longitudinal_syntax(LONG_MODEL, factors, "strict"), data)
    tester = tester_for(constrained, data)
    rows = {k for k, r in enumerate(constrained.model.rows)
            if r.lhs == "jc_1_w1" and r.op == "~~" and r.rhs == "jc_1_w1"}
    x2, df = tester.release_rows(rows)
    freed = fit(longitudinal_syntax(LONG_MODEL, factors, "strict",
                                    partial=["jc_1_w1 ~~ jc_1_w1"]), data)
    drop = constrained.fit_measures["chisq"] - freed.fit_measures["chisq"]
    assert df == 1 and freed.fit_measures["df"] == constrained.fit_measures["df"] - 1
    assert x2 == pytest.approx(drop, rel=0.1)


def test_ml_type_estimators_only(reference, reference_data):
    from craftwave.analysis.sem import fit
    from craftwave.analysis.sem.modindices import modindices

    ref = reference("sem_modindices_hs")
    data = reference_data(ref["data"])
    res = fit(ref["model"], data)
    res.estimator = "ULS"
    with pytest.raises(ModelError, match="ML-type estimator"):
        modindices(res, data)
