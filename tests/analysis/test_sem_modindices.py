"""Modification indices against lavaan 0.6's ``modindices()`` (fixtures from
tests/reference/r/sem_modindices.R).

Tolerance (stated once): epc, sepc_lv, sepc_all and sepc_nox within 1e-3 absolute; mi, a
chi-square statistic, within 1e-3 absolute or 1e-4 relative (as the chi-square); the same
candidate set as lavaan (rows whose mi lavaan leaves out are left out here too).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from craftwave.analysis.sem import fit
from craftwave.analysis.sem.modindices import modindices

ABS = 1e-3
REL_MI = 1e-4
COLUMNS = {"mi": "mi", "epc": "epc", "sepc.lv": "sepc_lv", "sepc.all": "sepc_all",
           "sepc.nox": "sepc_nox"}
CASES = {
    "sem_modindices_hs": {},
    "sem_modindices_hs_std_lv": {"std_lv": True},
    "sem_modindices_mimic": {},
    "sem_modindices_poldem": {},
    "sem_modindices_mg_scalar": {"group": "school", "group_equal": ["loadings", "intercepts"]},
    "sem_modindices_hs_fiml": {"missing": "fiml"},
    "sem_modindices_riclpm_lavaan": {"function": "lavaan", "meanstructure": True,
                                     "int_ov_free": True},
    "sem_modindices_growth": {"function": "growth"},
    "sem_modindices_clpm_cov": {},
    "sem_modindices_group_vectors": {"group": "school"},
}


def _key(row: dict) -> tuple:
    lhs, rhs = row["lhs"], row["rhs"]
    if row["op"] == "~~":
        lhs, rhs = sorted((lhs, rhs))
    return lhs, row["op"], rhs, int(row.get("group", 1))


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request, reference, reference_data):
    name = request.param
    ref = reference(name)
    data = reference_data(ref["data"])
    kwargs = CASES[name]
    res = fit(ref["model"], data, **kwargs)
    table = modindices(res, data, group=kwargs.get("group"))
    return name, ref, res, table


def test_same_candidates(case):
    _, ref, _, table = case
    ours = {_key(r) for r in table.to_dict(orient="records")}
    theirs = {_key(r) for r in ref["modindices"]}
    assert ours == theirs


def test_values_match_lavaan(case):
    name, ref, _, table = case
    ours = {_key(r): r for r in table.to_dict(orient="records")}
    for row in ref["modindices"]:
        mine = ours[_key(row)]
        for col, here in COLUMNS.items():
            want = row[col]
            got = mine[here]
            if want is None or (isinstance(want, float) and not math.isfinite(want)):
                assert got is None or not np.isfinite(got), (name, _key(row), col)
                continue
            tol = max(ABS, REL_MI * abs(want)) if col == "mi" else ABS
            assert abs(got - want) <= tol, (name, _key(row), col, got, want)


def test_sorted_by_mi(case):
    _, _, _, table = case
    mi = table["mi"].to_numpy()
    assert np.all(np.diff(mi) <= 0)


def test_group_column_only_for_several_groups(case):
    _, _, res, table = case
    assert ("group" in table.columns) == (len(res.group_labels) > 1)


def test_minimum_and_top(reference, reference_data):
    ref = reference("sem_modindices_hs")
    data = reference_data(ref["data"])
    res = fit(ref["model"], data)
    every = modindices(res, data)
    over = modindices(res, data, minimum=10.0)
    assert len(over) == int((every["mi"] > 10.0).sum()) and len(over) > 0
    top = modindices(res, data, top=3)
    assert top[["lhs", "op", "rhs"]].equals(every[["lhs", "op", "rhs"]].head(3))
    loadings = modindices(res, data, op=["=~"])
    assert set(loadings["op"]) == {"=~"}


def test_freeing_the_largest_lowers_chisq_by_about_mi(reference, reference_data):
    """The mi approximates the drop in chi-square when the parameter is freed."""
    ref = reference("sem_modindices_hs")
    data = reference_data(ref["data"])
    res = fit(ref["model"], data)
    first = modindices(res, data).iloc[0]
    freed = fit(ref["model"] + f"\n{first['lhs']} {first['op']} {first['rhs']}", data)
    drop = res.fit_measures["chisq"] - freed.fit_measures["chisq"]
    assert drop == pytest.approx(first["mi"], rel=0.35)
    est = freed.params.query("lhs == @first.lhs and op == @first.op and rhs == @first.rhs")
    assert float(est["est"].iloc[0]) == pytest.approx(first["epc"], rel=0.35)


def test_saturated_model_has_no_candidates(reference_data):
    data = reference_data("sem_hs.csv")
    res = fit("x1 ~~ x2", data)
    table = modindices(res, data)
    assert table.empty and list(table.columns) == ["lhs", "op", "rhs", "mi", "epc", "sepc_lv",
                                                   "sepc_all", "sepc_nox"]
