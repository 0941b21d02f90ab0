"""Robust fit indices, binary and partial ordinal invariance, and group_equal for ordered
indicators, against lavaan 0.6-14 and semTools 0.5-6 (tests/reference/r/ordinal_robustfit.R).

- lavaan's ``cfi.robust``, ``tli.robust``, ``nnfi.robust``, ``rni.robust``, ``rmsea.robust`` with
  its interval and p-values (Savalei's catML) for 23 models (one saturated), NA where lavaan gives NA;
- the Wu and Estabrook (2016) levels written by craftwave for binary items and with partial
  thresholds fit as semTools' ``measEq.syntax`` levels do in lavaan;
- ``group_equal`` / ``group_partial`` with ordered indicators give lavaan's estimates.

Tolerance: 1e-4 absolute (chi-squares 1e-5 relative); under theta craftwave's Jacobian is
numeric, so its standard errors are held to 1e-4 absolute or 2e-4 relative.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical import fit_ordinal
from craftwave.analysis.sem.categorical.groupequal import ordinal_group_equal
from craftwave.analysis.sem.categorical.invariance import (
    ordinal_group_syntax,
    ordinal_invariance,
    parse_partial,
)
from craftwave.analysis.sem.categorical.robustfit import ROBUST_KEYS

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "ordinal_robustfit.json").read_text())
TOL = 1e-4
GROUP_MODEL = "f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6"
LONG_MODEL = ("C1 =~ c1_w1 + c2_w1 + c3_w1\nC2 =~ c1_w2 + c2_w2 + c3_w2\n"
              "C3 =~ c1_w3 + c2_w3 + c3_w3")
_DATA: dict[str, pd.DataFrame] = {}
_R_OPTIONS = {"group": "group", "parameterization": "parameterization",
              "estimator": "estimator", "missing": "missing", "std.lv": "std_lv",
              "group.equal": "group_equal", "group.partial": "group_partial"}


def _data(name: str) -> pd.DataFrame:
    if name not in _DATA:
        _DATA[name] = pd.read_csv(REF / "data" / name)
    return _DATA[name]


def _kwargs(options: dict | list | None) -> dict:
    out = {}
    for key, value in dict(options or {}).items():
        if key == "estimator":
            value = value.lower()
        if key in ("group.equal", "group.partial") and isinstance(value, str):
            value = [value]
        out[_R_OPTIONS[key]] = value
    return out


def _fit(case: dict):
    return fit_ordinal(case["model"], _data(case["data"]), **_kwargs(case["options"]))


def _same(ours: float, theirs: float | None, key: str) -> None:
    if theirs is None:
        assert math.isnan(ours), f"{key}: lavaan gives NA, craftwave {ours}"
    elif key in ("chisq", "chisq.scaled", "baseline.chisq"):
        assert ours == pytest.approx(theirs, rel=1e-5), key
    else:
        assert ours == pytest.approx(theirs, abs=TOL), key


def _agree_fit(fit: dict, ref: dict) -> None:
    for key, theirs in ref.items():
        _same(fit[key.replace(".", "_")], theirs, key)


def _agree_params(result, ref: dict, theta: bool = False) -> None:
    expected = pd.DataFrame(ref["parameters"]).rename(columns={"std.all": "std_all"})
    ours = result.params.set_index(["group", "lhs", "op", "rhs"])
    assert len(ours) == len(expected)
    for row in expected.itertuples(index=False):
        key = (row.group, row.lhs, row.op, row.rhs)
        got = ours.loc[key]
        assert got["est"] == pytest.approx(row.est, abs=TOL), key
        assert got["se"] == pytest.approx(row.se, abs=TOL, rel=2e-4 if theta else 0), key
        if row.std_all is not None and np.isfinite(row.std_all):
            assert got["std_all"] == pytest.approx(row.std_all, abs=TOL), key


# ---- robust indices ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FIXTURE["robust"]))
def test_robust_indices_agree_with_lavaan(name):
    case = FIXTURE["robust"][name]
    res = _fit(case)
    ref = case["fit"]
    _agree_fit(res.fit, ref)
    na = case["fit"]["cfi.robust"] is None
    assert bool(res.fit.get("robust_na_reason")) == na
    assert all(math.isnan(res.fit[k]) for k in ROBUST_KEYS) == na


def test_the_fixture_has_misfitting_models_and_lavaans_nas():
    """The comparison means something: robust CFI well below 1 and RMSEA above 0, NA cases."""
    fits = [c["fit"] for c in FIXTURE["robust"].values()]
    assert sum(1 for f in fits if f["cfi.robust"] is not None and f["cfi.robust"] < 0.9) >= 4
    assert sum(1 for f in fits if f["cfi.robust"] is None) >= 3
    assert len(fits) >= 20


def test_robust_indices_follow_the_misfit():
    """The catML RMSEA grows when a factor is dropped; CFI falls."""
    good = _fit(FIXTURE["robust"]["cfa3"]).fit
    bad = _fit(FIXTURE["robust"]["one_factor9"]).fit
    assert bad["rmsea_robust"] > good["rmsea_robust"] + 0.1
    assert bad["cfi_robust"] < good["cfi_robust"] - 0.3
    assert bad["rmsea_ci_lower_robust"] <= bad["rmsea_robust"] <= bad["rmsea_ci_upper_robust"]


def test_dwls_and_uls_report_no_robust_indices_as_lavaan():
    case = FIXTURE["robust"]["cfa3"]
    for est in ("dwls", "uls"):
        res = fit_ordinal(case["model"], _data(case["data"]), estimator=est)
        assert not any(k in res.fit for k in ROBUST_KEYS)


def test_summary_reports_robust_indices_or_why_not():
    ok = _fit(FIXTURE["robust"]["one_factor9"]).summary()
    assert "CFI (robust)" in ok and "catML" in ok
    na = _fit(FIXTURE["robust"]["groups_equal_thresholds"]).summary()
    assert "not available (equality constraints on thresholds" in na


# ---- binary items and partial thresholds in invariance -----------------------------------------

@pytest.mark.parametrize("sequence", sorted(FIXTURE["invariance"]))
def test_invariance_levels_agree_with_measeq_syntax_in_lavaan(sequence):
    levels = FIXTURE["invariance"][sequence]
    first = next(iter(levels.values()))
    spec = first["invariance"]
    partial = spec["partial"]
    partial = [partial] if isinstance(partial, str) else list(partial)
    names = list(levels)
    asked = names if names[0] == "configural" else ["configural", *names]
    where = ({"group": "grp"} if spec["kind"] == "group"
             else {"long": ["C1", "C2", "C3"]})
    res = ordinal_invariance(GROUP_MODEL if spec["kind"] == "group" else LONG_MODEL,
                             _data(first["data"]), levels=asked, partial=partial,
                             parameterization=spec["parameterization"], **where)
    steps = res.steps.set_index("level")
    for level, ref in levels.items():
        fit = res.fits[level]
        _agree_params(fit, ref, theta=spec["parameterization"] == "theta")
        _agree_fit(fit.fit, ref["fit"])
        if "lrt" in ref:
            assert steps.loc[level, "delta_chisq"] == pytest.approx(ref["lrt"]["chisq_diff"],
                                                                    rel=1e-5, abs=1e-6)
            assert steps.loc[level, "delta_df"] == ref["lrt"]["df_diff"]


def test_binary_items_keep_their_scale_until_the_scalar_level():
    counts = {"y1": 1, "y2": 3, "y3": 3, "y4": 3, "y5": 1, "y6": 3}
    metric = ordinal_group_syntax(GROUP_MODEL, counts, 2, "metric")
    scalar = ordinal_group_syntax(GROUP_MODEL, counts, 2, "scalar")
    assert "y1 ~*~ c(1, 1)*y1" in metric and "y2 ~*~ c(1, NA)*y2" in metric
    assert "y1 ~ c(0, NA)*1" in metric
    assert "y1 ~*~ c(1, NA)*y1" in scalar and "y1 ~ c(0, 0)*1" in scalar


def test_a_freed_threshold_changes_its_items_identification():
    counts = dict.fromkeys(["y1", "y2", "y3", "y4", "y5", "y6"], 2)      # three categories
    syntax = ordinal_group_syntax(GROUP_MODEL, counts, 2, "thresholds", partial=["y2 | t1"])
    assert "y2 | c(NA, NA)*t1 + c(y2.t1.g1, y2.t1.g2)*t1" in syntax
    assert "y2 | c(NA, NA)*t2 + c(y2.t2, y2.t2)*t2" in syntax
    assert "y2 ~*~ c(1, 1)*y2" in syntax and "y3 ~*~ c(1, NA)*y3" in syntax


def test_cli_invariance_takes_a_partial_threshold(tmp_path):
    from craftwave.cli import main as cli

    ref = FIXTURE["invariance"]["partial_groups"]
    model = tmp_path / "two.lav"
    model.write_text(GROUP_MODEL, encoding="utf-8")
    out = CliRunner().invoke(cli, ["invariance", str(model), str(REF / "data" / "ordinal_groups.csv"),
                                   "--group", "grp", "--ordered", "--partial", "y2 | t1",
                                   "--json"])
    assert out.exit_code == 0, out.output
    steps = {s["level"]: s for s in json.loads(out.output)["steps"]}
    for level in ("thresholds", "metric", "scalar"):
        assert steps[level]["chisq"] == pytest.approx(ref[level]["fit"]["chisq.scaled"],
                                                      rel=1e-5)


# ---- group_equal / group_partial ---------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FIXTURE["group_equal"]))
def test_group_equal_agrees_with_lavaan(name):
    case = FIXTURE["group_equal"][name]
    res = _fit(case)
    _agree_params(res, case, theta=case["options"].get("parameterization") == "theta")
    _agree_fit(res.fit, case["fit"])


def test_cli_fit_takes_group_equal_with_ordered_items(tmp_path):
    from craftwave.cli import main as cli

    case = FIXTURE["group_equal"]["thresholds_partial"]
    model = tmp_path / "two.lav"
    model.write_text(case["model"], encoding="utf-8")
    out = CliRunner().invoke(cli, ["fit", str(model), str(REF / "data" / "ordinal_groups.csv"),
                                   "--ordered", "all", "--group", "grp", "--group-equal",
                                   "thresholds,loadings", "--group-partial",
                                   "y2 | t1,y3|t3", "--json"])
    assert out.exit_code == 0, out.output
    fit = json.loads(out.output)["fit"]
    assert fit["chisq_scaled"] == pytest.approx(case["fit"]["chisq.scaled"], rel=1e-5)
    assert fit["cfi_robust"] is None and "thresholds" in fit["robust_na_reason"]


def test_group_equal_names_unknown_kinds():
    with pytest.raises(ModelError, match=r"unknown group_equal kinds 'slopes', 'item\.means'"):
        ordinal_group_equal(["loadings", "slopes", "item_means"])
    with pytest.raises(ModelError, match="unknown group_equal kind 'composite.loadings'"):
        fit_ordinal(GROUP_MODEL, _data("ordinal_groups.csv"), group="grp",
                    group_equal=["composite.loadings"])


def test_group_equal_pairs_thresholds_and_intercepts_as_lavaan():
    assert set(ordinal_group_equal(["intercepts"]).kinds) == {"intercepts", "thresholds"}
    assert set(ordinal_group_equal("thresholds").kinds) == {"intercepts", "thresholds"}
    assert ordinal_group_equal(["residual_covariances"]).kinds == ("residual.covariances",)


def test_parse_partial_reads_every_kind_and_names_bad_entries():
    keys = parse_partial(["y2 | t1", "y3|t12", "f =~ y3", "y4 ~ 1", "y5 ~~ y6", "f2 ~ f1"])
    assert keys == {("y2", "|", "t1"), ("y3", "|", "t12"), ("f", "=~", "y3"),
                    ("y4", "~1", ""), ("y5", "~~", "y6"), ("y6", "~~", "y5"),
                    ("f2", "~", "f1")}
    assert parse_partial("y2 | t1, f =~ y3") == {("y2", "|", "t1"), ("f", "=~", "y3")}
    for bad in ("y2 | 1", "y2 | t0", "| t1", "y2 =~", "y2"):
        with pytest.raises(ModelError, match="cannot read the partial entry"):
            parse_partial([bad])


def test_a_threshold_named_at_a_later_wave_is_free_at_that_wave_only():
    """Naming c2's first threshold at waves 2 and 3 gives semTools' long.partial model (which
    frees it at every wave); naming it at wave 3 alone keeps waves 1 and 2 equal."""
    from craftwave.analysis.sem.categorical.invariance import ordinal_long_syntax

    ref = FIXTURE["invariance"]["partial_long"]["thresholds"]
    data = _data(ref["data"])
    counts = {c: int(data[c].nunique()) - 1 for c in data.columns}
    waves = ["C1", "C2", "C3"]
    both = ordinal_long_syntax(LONG_MODEL, counts, waves, "thresholds",
                               partial=["c2_w2 | t1", "c2_w3 | t1"])
    assert fit_ordinal(both, data, std_lv=True).fit["chisq"] == pytest.approx(
        ref["fit"]["chisq"], rel=1e-5)
    last = ordinal_long_syntax(LONG_MODEL, counts, waves, "thresholds",
                               partial=["c2_w3 | t1"])
    assert "c2_w2 | .t2.1*t1" in last and "c2_w3 | .w3.t2.1*t1" in last
