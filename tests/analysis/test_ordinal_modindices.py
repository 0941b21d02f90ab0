"""Modification indices and score tests of WLSMV fits against lavaan 0.6-14 (fixtures from
tests/reference/r/ordinal_modindices.R: ``modindices()`` and ``lavTestScore()``).

Tolerance: 1e-4 relative (1e-4 absolute below 1) on mi, epc, sepc.* and the score statistics;
the residual difference is the two optimisers' convergence.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.analysis import modindices, score_test
from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical import fit_ordinal
from craftwave.analysis.sem.categorical.scoretests import OrdinalScoreTester
from craftwave.cli import main

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "ordinal_modindices.json").read_text())
ITEMS = REF / "data" / "ordinal_items.csv"
GROUPS = REF / "data" / "ordinal_groups.csv"
CASES = {"cfa3": {}, "cfa3_std_lv": {"std_lv": True},
         "cfa3_theta": {"parameterization": "theta"}, "cfa3_labels": {},
         "groups_metric": {"group": "grp"}, "groups_scalar": {"group": "grp"}}
TOL = 1e-4


def close(a, b) -> bool:
    a, b = np.asarray(a, float), np.asarray(b, float)
    return bool(np.all(np.abs(a - b) <= TOL * np.maximum(1.0, np.abs(b))))


@pytest.fixture(scope="module")
def fits():
    out = {}
    for case, options in CASES.items():
        data = pd.read_csv(GROUPS if "group" in options else ITEMS)
        out[case] = fit_ordinal(FIXTURE[case]["model"], data, **options)
    return out


def _key(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    if "group" not in frame:
        frame["group"] = 1
    return frame.set_index(["lhs", "op", "rhs", "group"]).sort_index()


@pytest.mark.parametrize("case", sorted(CASES))
def test_modindices_agree_with_lavaan(fits, case):
    ref = _key(pd.DataFrame(FIXTURE[case]["modindices"])
               .rename(columns=lambda c: c.replace(".", "_")))
    got = _key(modindices(fits[case]))
    assert list(got.index) == list(ref.index)          # the same candidates, NA ones dropped
    for col in ("mi", "epc", "sepc_lv", "sepc_all", "sepc_nox"):
        assert close(got[col], ref[col]), col


def test_sorted_largest_first_and_filters(fits):
    mi = modindices(fits["cfa3"])
    assert mi["mi"].is_monotonic_decreasing
    top = modindices(fits["cfa3"], top=3, op=["=~"])
    assert len(top) <= 3 and set(top["op"]) <= {"=~"}
    assert (modindices(fits["cfa3"], minimum=4.0)["mi"] > 4.0).all()


def test_threshold_and_scale_candidates(fits):
    """Fixed scale factors become candidates (identified once loadings are equal)."""
    mi = modindices(fits["cfa3_labels"])
    scales = mi[mi["op"] == "~*~"]
    assert len(scales) == 4 and np.allclose(scales["sepc_all"].abs(), 1.0)


def _score_key(entry) -> tuple:
    a, b = entry["lhs"], entry["rhs"]
    return (f"{a['lhs']} {a['op']} {a['rhs']}", a["group"], f"{b['lhs']} {b['op']} {b['rhs']}",
            b["group"])


@pytest.mark.parametrize("case", ["cfa3_labels", "groups_metric", "groups_scalar"])
def test_score_tests_agree_with_lavaan(fits, case):
    ref = FIXTURE[case]["score"]
    res = fits[case]
    st = score_test(res)
    assert st.total["df"] == ref["total"]["df"]
    assert close(st.total["X2"], ref["total"]["X2"])
    tester = OrdinalScoreTester(res)
    got = {}
    for (a, b), x2 in zip(tester.pairs, st.univariate["X2"], strict=True):
        na, nb = tester.names[a], tester.names[b]
        got[(f"{na[0]} {na[1]} {na[2]}", na[3], f"{nb[0]} {nb[1]} {nb[2]}", nb[3])] = x2
    expected = {_score_key(e): e["X2"] for e in ref["univariate"]}
    assert set(got) == set(expected)
    for key, x2 in expected.items():
        assert close(got[key], x2), key
    assert close(st.cumulative["X2"], [e["X2"] for e in ref["cumulative"]])
    assert list(st.cumulative["df"]) == [e["df"] for e in ref["cumulative"]]


def test_score_epc_is_the_expected_change(fits):
    """lavaan 0.6-14 prints DWLS epc with the opposite sign; craftwave's is the change."""
    ref = pd.DataFrame(FIXTURE["groups_scalar"]["score"]["epc"])
    st = score_test(fits["groups_scalar"])
    got = st.epc.set_index(["lhs", "op", "rhs", "group"])
    for row in ref.itertuples(index=False):
        key = (row.lhs, row.op, row.rhs, row.group)
        if key in got.index:
            assert close(got.loc[key, "epc"], -row.epc), key
    assert any("opposite sign" in n for n in st.notes)


def test_releasing_a_loading_in_every_group(fits):
    tester = OrdinalScoreTester(fits["groups_metric"])
    rows = {j for j, n in enumerate(tester.names) if n[:3] == ("f1", "=~", "y2")}
    x2, df = tester.release(rows)
    uni = score_test(fits["groups_metric"]).univariate
    one = uni[uni["lhs"].str.startswith("f1 =~ y2")]["X2"].iloc[0]
    assert df == 1 and x2 == pytest.approx(one, rel=1e-10)


def test_no_constraints_is_a_clear_error(fits):
    with pytest.raises(ModelError, match="no equality constraints"):
        score_test(fits["cfa3"])


def test_cli_modindices_and_scoretest(tmp_path):
    model = tmp_path / "m.lav"
    model.write_text(FIXTURE["cfa3_labels"]["model"], encoding="utf-8")
    out = CliRunner().invoke(main, ["modindices", str(model), str(ITEMS), "--ordered", "all",
                                    "--function", "cfa", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert d["estimator"] == "WLSMV" and d["nobs"] == 301
    ref = _key(pd.DataFrame(FIXTURE["cfa3_labels"]["modindices"]))
    first = d["modindices"][0]
    assert close(first["mi"], ref.loc[(first["lhs"], first["op"], first["rhs"], 1), "mi"])
    out = CliRunner().invoke(main, ["scoretest", str(model), str(ITEMS), "--ordered", "all",
                                    "--function", "cfa"])
    assert out.exit_code == 0, out.output
    assert "f1 =~ x2" in out.output and "x1 | t1" in out.output
