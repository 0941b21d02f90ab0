"""Score tests of equality constraints against lavaan 0.6's ``lavTestScore(cumulative = TRUE,
epc = TRUE)`` (fixtures from tests/reference/r/sem_modindices.R).

Tolerance (stated once): X2 within 1e-3 absolute, epc within 1e-3 absolute; df exact.
"""

from __future__ import annotations

import pytest

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem import fit
from craftwave.analysis.sem.scoretest import score_test

ABS = 1e-3
CASES = {
    "sem_scoretest_poldem": {},
    "sem_scoretest_constraint": {},
    "sem_scoretest_mg_scalar": {"group": "school", "group_equal": ["loadings", "intercepts"]},
    "sem_scoretest_mg_scalar_partial": {"group": "school",
                                        "group_equal": ["loadings", "intercepts"],
                                        "group_partial": ["x3 ~ 1"]},
    "sem_scoretest_long_scalar": {"meanstructure": True, "function": "cfa"},
}


def _name(par: dict, several: bool) -> str:
    text = f"{par['lhs']} {par['op']} {par['rhs']}".strip()
    return f"{text} (group {par['group']})" if several else text


def _pair(row: dict, several: bool) -> frozenset:
    return frozenset((_name(row["lhs"], several), _name(row["rhs"], several)))


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request, reference, reference_data):
    name = request.param
    ref = reference(name)
    data = reference_data(ref["data"])
    kwargs = CASES[name]
    res = fit(ref["model"], data, **kwargs)
    return name, ref, res, score_test(res, data, group=kwargs.get("group"))


def test_total(case):
    _, ref, _, out = case
    assert out.total["df"] == ref["total"]["df"]
    assert out.total["X2"] == pytest.approx(ref["total"]["X2"], abs=ABS)


def test_univariate(case):
    _, ref, res, out = case
    several = len(res.group_labels) > 1
    ours = {frozenset((r["lhs"], r["rhs"])): r for r in out.univariate.to_dict("records")}
    assert len(ours) == len(ref["univariate"])
    for row in ref["univariate"]:
        mine = ours[_pair(row, several)]
        assert mine["X2"] == pytest.approx(row["X2"], abs=ABS)
        assert mine["pvalue"] == pytest.approx(row["p_value"], abs=ABS)


def test_cumulative(case):
    _, ref, res, out = case
    several = len(res.group_labels) > 1
    assert len(out.cumulative) == len(ref["cumulative"])
    for (_, mine), row in zip(out.cumulative.iterrows(), ref["cumulative"], strict=True):
        assert mine["X2"] == pytest.approx(row["X2"], abs=ABS)
        assert int(mine["df"]) == row["df"]
    # ties aside, the constraints come in lavaan's order
    first = out.cumulative.iloc[0]
    assert frozenset((first["lhs"], first["rhs"])) == _pair(ref["cumulative"][0], several)


def test_epc(case):
    _, ref, _, out = case
    ours = {(r["lhs"], r["op"], r["rhs"], r["group"]): r for r in out.epc.to_dict("records")}
    for row in ref["epc"]:
        mine = ours[(row["lhs"], row["op"], row["rhs"], row["group"])]
        assert mine["epc"] == pytest.approx(row["epc"], abs=ABS)
        assert mine["epv"] == pytest.approx(row["epv"], abs=ABS)


def test_univariate_score_approximates_the_lr_test(reference, reference_data):
    """Freeing the constraint with the largest score test lowers chi-square by about X2."""
    ref = reference("sem_scoretest_constraint")
    data = reference_data(ref["data"])
    res = fit(ref["model"], data)
    out = score_test(res, data)
    free = fit(ref["model"].replace("l5 == l6", ""), data)
    drop = res.fit_measures["chisq"] - free.fit_measures["chisq"]
    assert drop == pytest.approx(out.univariate["X2"].iloc[0], rel=0.1)


def test_a_model_without_constraints_is_refused(reference, reference_data):
    ref = reference("sem_modindices_hs")
    data = reference_data(ref["data"])
    with pytest.raises(ModelError, match="no equality constraints"):
        score_test(fit(ref["model"], data), data)
