"""The theta parameterisation of ordered indicators against lavaan and semTools (fixtures from
tests/reference/r/ordinal_theta.R): the three-factor CFA, and the Wu and Estabrook (2016)
sequence across two groups up to strict invariance, each level's measEq.syntax fitted by
craftwave, and craftwave's own syntax with its Satorra (2000) difference tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical import fit_ordinal
from craftwave.analysis.sem.categorical.invariance import THETA_LEVELS, ordinal_invariance

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "ordinal_theta.json").read_text())
ITEMS = pd.read_csv(REF / "data" / "ordinal_items.csv")
GROUPS = pd.read_csv(REF / "data" / "ordinal_groups.csv")


def _agree(result, ref):
    expected = pd.DataFrame(ref["parameters"]).rename(columns={"std.all": "std_all"})
    ours = result.params.set_index(["group", "lhs", "op", "rhs"])
    assert len(ours) == len(expected)
    for row in expected.itertuples(index=False):
        got = ours.loc[(row.group, row.lhs, row.op, row.rhs)]
        key = (row.group, row.lhs, row.op, row.rhs)
        assert got["est"] == pytest.approx(row.est, abs=1e-4), key
        assert got["se"] == pytest.approx(row.se, abs=1e-4), key
        if row.std_all is not None and np.isfinite(row.std_all):
            assert got["std_all"] == pytest.approx(row.std_all, abs=1e-4), key
    assert result.fit["chisq"] == pytest.approx(ref["fit"]["chisq"], rel=1e-5)
    assert result.fit["df"] == ref["fit"]["df"]
    assert result.fit["chisq_scaled"] == pytest.approx(ref["fit"]["chisq.scaled"], rel=1e-5)
    for name in ("cfi.scaled", "rmsea.scaled", "srmr"):
        assert result.fit[name.replace(".", "_")] == pytest.approx(ref["fit"][name], abs=1e-4)


def test_theta_cfa_agrees_with_lavaan():
    res = fit_ordinal(FIXTURE["cfa3"]["model"], ITEMS, parameterization="theta")
    assert res.to_dict()["parameterization"] == "theta"
    _agree(res, FIXTURE["cfa3"])


@pytest.mark.parametrize("level", THETA_LEVELS)
def test_theta_levels_from_measeq_agree_with_lavaan(level):
    ref = FIXTURE[level]
    _agree(fit_ordinal(ref["model"], GROUPS, group="grp", parameterization="theta"), ref)


def test_theta_sequence_reaches_strict_with_lavaans_difference_tests():
    res = ordinal_invariance("f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6", GROUPS, group="grp",
                             parameterization="theta")
    steps = res.steps.set_index("level")
    assert list(steps.index) == list(THETA_LEVELS)
    for level in THETA_LEVELS:
        assert res.fits[level].fit["chisq"] == pytest.approx(FIXTURE[level]["fit"]["chisq"],
                                                              rel=1e-5)
        if "lrt" in FIXTURE[level]:
            assert steps.loc[level, "delta_chisq"] == pytest.approx(
                FIXTURE[level]["lrt"]["chisq_diff"], rel=1e-5)
            assert steps.loc[level, "delta_df"] == FIXTURE[level]["lrt"]["df_diff"]


def test_strict_under_delta_and_scale_factors_under_theta_are_refused_by_name():
    with pytest.raises(ModelError, match="needs the theta parameterization"):
        ordinal_invariance("f1 =~ y1 + y2 + y3", GROUPS, group="grp",
                           levels=[*THETA_LEVELS])
    with pytest.raises(ModelError, match="belong to the delta parameterization"):
        fit_ordinal("f =~ x1 + x2 + x3\nx1 ~*~ 1*x1", ITEMS, parameterization="theta")


def test_cli_theta_fit_and_strict_invariance(tmp_path):
    from click.testing import CliRunner

    from craftwave.cli import main

    three = tmp_path / "three.lav"
    three.write_text(FIXTURE["cfa3"]["model"], encoding="utf-8")
    out = CliRunner().invoke(main, ["fit", str(three), str(REF / "data" / "ordinal_items.csv"),
                                    "--ordered", "all", "--parameterization", "theta", "--json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert got["parameterization"] == "theta"
    assert got["fit"]["chisq_scaled"] == pytest.approx(FIXTURE["cfa3"]["fit"]["chisq.scaled"],
                                                       rel=1e-5)
    two = tmp_path / "two.lav"
    two.write_text("f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6", encoding="utf-8")
    inv = CliRunner().invoke(main, ["invariance", str(two), str(REF / "data" / "ordinal_groups.csv"),
                                    "--group", "grp", "--ordered", "--parameterization", "theta",
                                    "--json"])
    assert inv.exit_code == 0, inv.output
    steps = json.loads(inv.output)["steps"]
    assert [s["level"] for s in steps] == list(THETA_LEVELS)
