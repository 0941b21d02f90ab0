"""The ordinal multiple-indicator RI-CLPM against lavaan (fixture tests/reference/r/ordinal_riclpm.R).

Two constructs, three 4-category items each, three waves, 5% of answers missing: lavaan's WLSMV
with pairwise missing answers. Estimates, SEs and std.all within 1e-4, chi-square within 1e-5
relative.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.errors import DataError, ModelError
from craftwave.analysis.panel import riclpm

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "ordinal_riclpm.json").read_text())
DATA = pd.read_csv(REF / "data" / "ordinal_riclpm.csv")
ITEMS = {"icraft": ["a", "b", "c"], "resil": ["a", "b", "c"]}


def _model():
    return riclpm(["icraft", "resil"], [1, 2, 3], indicators=ITEMS, ordered=True)


def test_the_builder_writes_the_syntax_lavaan_was_given():
    committed = (REF / "data" / "ordinal_riclpm.lav").read_text().strip()
    assert _model().full_syntax(DATA).strip() == committed


def test_ordinal_riclpm_agrees_with_lavaan():
    result = _model().fit(DATA)
    assert result.nobs == FIXTURE["nobs"] and result.stats.missing == "pairwise"
    expected = pd.DataFrame(FIXTURE["parameters"]).rename(columns={"std.all": "std_all"})
    ours = result.params.set_index(["group", "lhs", "op", "rhs"])
    assert len(ours) == len(expected)
    for row in expected.itertuples(index=False):
        got = ours.loc[(row.group, row.lhs, row.op, row.rhs)]
        key = (row.lhs, row.op, row.rhs)
        assert got["est"] == pytest.approx(row.est, abs=1e-4), key
        assert got["se"] == pytest.approx(row.se, abs=1e-4), key
        if row.std_all is not None and np.isfinite(row.std_all):
            assert got["std_all"] == pytest.approx(row.std_all, abs=1e-4), key
    fit = FIXTURE["fit"]
    assert result.fit["chisq"] == pytest.approx(fit["chisq"], rel=1e-5)
    assert result.fit["chisq_scaled"] == pytest.approx(fit["chisq.scaled"], rel=1e-5)
    assert result.fit["df"] == fit["df"]
    for name in ("cfi.scaled", "tli.scaled", "rmsea.scaled", "srmr"):
        assert result.fit[name.replace(".", "_")] == pytest.approx(fit[name], abs=1e-4)
    assert result.improper() == []
    # simulated truth: the autoregressive effects of the within-person parts (0.4 and 0.35)
    table = result.params.set_index(["lhs", "op", "rhs"])
    for lhs, rhs, truth in (("W_icraft_w3", "W_icraft_w2", 0.4), ("W_resil_w3", "W_resil_w2", 0.35)):
        row = table.loc[(lhs, "~", rhs)]
        assert abs(row["est"] - truth) < 3.5 * row["se"], (lhs, row["est"], row["se"])


def test_thresholds_need_the_same_categories_at_every_wave():
    data = DATA.copy()
    data.loc[data["icraft_a_w2"] == 4, "icraft_a_w2"] = 3
    with pytest.raises(DataError, match="same observed categories at every wave"):
        _model().fit(data)


def test_ordered_needs_indicators_for_every_construct():
    with pytest.raises(ModelError, match="none given for resil"):
        riclpm(["icraft", "resil"], [1, 2, 3], indicators={"icraft": ["a", "b"]}, ordered=True)


def test_cli_fits_the_ordinal_riclpm(tmp_path):
    from click.testing import CliRunner

    from craftwave.cli import main

    args = ["model", "riclpm", "--constructs", "icraft,resil", "--waves", "1,2,3",
            "--indicators", "icraft:a,b,c", "--indicators", "resil:a,b,c", "--ordered",
            "--fit", str(REF / "data" / "ordinal_riclpm.csv"), "--json"]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert got["estimator"] == "WLSMV" and got["missing"] == "pairwise"
    assert got["fit"]["chisq_scaled"] == pytest.approx(FIXTURE["fit"]["chisq.scaled"], rel=1e-5)
    assert "th_icraft_a_1*t1" in got["syntax"] and got["improper"] == []
    bad = CliRunner().invoke(main, [*args[:-1], "--missing", "fiml"])
    assert bad.exit_code != 0 and "WLSMV" in bad.output
    not_ri = CliRunner().invoke(main, ["model", "lcs", "--constructs", "a,b", "--ordered"])
    assert not_ri.exit_code != 0 and "clpm or riclpm" in not_ri.output
    bare = CliRunner().invoke(main, ["model", "clpm", "--constructs", "a,b", "--ordered"])
    assert bare.exit_code != 0 and "multiple indicators" in bare.output
