"""Ordinal measurement invariance against lavaan and semTools (fixtures from
tests/reference/r/ordinal_groups.R and ordinal_long.R).

Each level's syntax from semTools' measEq.syntax (Wu and Estabrook 2016 identification, delta
parameterisation) is fitted by craftwave and must give lavaan's estimates, SEs, std.all and fit
within 1e-4 (chi-square within 1e-5 relative); craftwave's own syntax for each level must give
the same fit, and its difference tests lavaan's ``lavTestLRT`` (Satorra 2000).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical import fit_ordinal
from craftwave.analysis.sem.categorical.invariance import ORDINAL_LEVELS, ordinal_invariance

REF = Path(__file__).resolve().parents[1] / "reference"
GROUPS = json.loads((REF / "ordinal_groups.json").read_text())
LONG = json.loads((REF / "ordinal_long.json").read_text())
GROUP_DATA = pd.read_csv(REF / "data" / "ordinal_groups.csv")
LONG_DATA = pd.read_csv(REF / "data" / "ordinal_long.csv")
GROUP_MODEL = "f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6"
LONG_MODEL = ("C1 =~ c1_w1 + c2_w1 + c3_w1\nC2 =~ c1_w2 + c2_w2 + c3_w2\n"
              "C3 =~ c1_w3 + c2_w3 + c3_w3")


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
    fit = ref["fit"]
    assert result.fit["chisq"] == pytest.approx(fit["chisq"], rel=1e-5)
    assert result.fit["df"] == fit["df"]
    assert result.fit["chisq_scaled"] == pytest.approx(fit["chisq.scaled"], rel=1e-5)
    for name in ("cfi.scaled", "rmsea.scaled", "srmr"):
        assert result.fit[name.replace(".", "_")] == pytest.approx(fit[name], abs=1e-4), name


@pytest.mark.parametrize("level", ["defaults", *ORDINAL_LEVELS])
def test_multigroup_levels_agree_with_lavaan(level):
    ref = GROUPS[level]
    _agree(fit_ordinal(ref["model"], GROUP_DATA, group="grp"), ref)


@pytest.mark.parametrize("level", ORDINAL_LEVELS)
def test_longitudinal_levels_agree_with_lavaan(level):
    _agree(fit_ordinal(LONG[level]["model"], LONG_DATA), LONG[level])


@pytest.mark.parametrize("ref, data, kwargs", [
    (GROUPS, GROUP_DATA, {"model": GROUP_MODEL, "group": "grp"}),
    (LONG, LONG_DATA, {"model": LONG_MODEL, "long": ["C1", "C2", "C3"]}),
])
def test_the_sequence_fits_measeq_models_and_lavaans_difference_tests(ref, data, kwargs):
    model = kwargs.pop("model")
    res = ordinal_invariance(model, data, **kwargs)
    steps = res.steps.set_index("level")
    for level in ORDINAL_LEVELS:
        fit = res.fits[level].fit
        assert fit["chisq"] == pytest.approx(ref[level]["fit"]["chisq"], rel=1e-5)
        assert fit["df"] == ref[level]["fit"]["df"]
        assert steps.loc[level, "chisq"] == pytest.approx(ref[level]["fit"]["chisq.scaled"],
                                                          rel=1e-5)
        if "lrt" in ref[level]:
            assert steps.loc[level, "delta_chisq"] == pytest.approx(
                ref[level]["lrt"]["chisq_diff"], rel=1e-5)
            assert steps.loc[level, "delta_df"] == ref[level]["lrt"]["df_diff"]
            assert steps.loc[level, "delta_pvalue"] == pytest.approx(
                ref[level]["lrt"]["pvalue"], abs=1e-5)
    assert set(res.syntax) == set(ORDINAL_LEVELS)


def _two_groups(shift, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frames = []
    for g, n in (("a", 700), ("b", 700)):
        f = rng.standard_normal(n) + (0.3 if g == "b" else 0.0)
        cols = {}
        for j, lam in enumerate((0.75, 0.7, 0.65, 0.7)):
            cuts = np.array([-1.0, 0.0, 1.0]) + (np.asarray(shift) if (g == "b" and j == 1)
                                                 else 0.0)
            z = lam * f + np.sqrt(1 - lam**2) * rng.standard_normal(n)
            cols[f"x{j + 1}"] = np.searchsorted(cuts, z) + 1
        frames.append(pd.DataFrame(cols).assign(grp=g))
    return pd.concat(frames, ignore_index=True)


def test_simulated_truth_invariant_items_reach_scalar_and_shifted_thresholds_fail():
    # judged by the difference test at .001 (Chen's change in RMSEA is noisy when the
    # configural model has few df, as here: df = 4)
    model = "f =~ x1 + x2 + x3 + x4"
    by_test = {"delta_cfi": None, "delta_rmsea": None, "delta_pvalue": 0.001}
    fine = ordinal_invariance(model, _two_groups(0.0, 11), group="grp", criteria=by_test)
    assert fine.level_reached == "scalar"
    # one item's thresholds all moved by 0.9 in group b: Wu and Estabrook's thresholds level
    # frees that item's intercept and scale, which absorb a uniform shift, so it shows as an
    # intercept difference, at the scalar level
    shifted = ordinal_invariance(model, _two_groups(0.9, 12), group="grp", criteria=by_test)
    assert shifted.steps.set_index("level").loc["scalar", "delta_pvalue"] < 0.001
    assert shifted.level_reached == "metric"
    # thresholds moved unevenly cannot be absorbed: the thresholds level fails
    uneven = ordinal_invariance(model, _two_groups([-0.8, 0.0, -0.9], 13), group="grp",
                                criteria=by_test)
    assert uneven.steps.set_index("level").loc["thresholds", "delta_pvalue"] < 0.001
    assert uneven.level_reached == "configural"


def test_refusals_name_the_problem():
    with pytest.raises(ModelError, match="theta parameterization"):
        ordinal_invariance(GROUP_MODEL, GROUP_DATA, group="grp",
                           levels=[*ORDINAL_LEVELS, "strict"])
    with pytest.raises(ModelError, match="either group"):
        ordinal_invariance(GROUP_MODEL, GROUP_DATA)
    with pytest.raises(ModelError, match=r"y2 \| t4: y2 has 3 thresholds"):
        ordinal_invariance(GROUP_MODEL, GROUP_DATA, group="grp", partial=["y2 | t4"])
    with pytest.raises(ModelError, match="y9 is not an indicator"):
        ordinal_invariance(GROUP_MODEL, GROUP_DATA, group="grp", partial=["y9 | t1"])


def test_partial_invariance_frees_a_loading_in_every_group():
    res = ordinal_invariance(GROUP_MODEL, GROUP_DATA, group="grp", partial=["f1 =~ y3"],
                             levels=ORDINAL_LEVELS[:3])
    table = res.fits["metric"].params
    y3 = table[(table["op"] == "=~") & (table["rhs"] == "y3")]["est"].to_numpy()
    y1 = table[(table["op"] == "=~") & (table["rhs"] == "y1")]["est"].to_numpy()
    assert y1[0] == pytest.approx(y1[1]) and abs(y3[0] - y3[1]) > 1e-3


def test_cli_ordered_invariance(tmp_path):
    from click.testing import CliRunner

    from craftwave.cli import main

    model = tmp_path / "m.lav"
    model.write_text(GROUP_MODEL, encoding="utf-8")
    csv = str(REF / "data" / "ordinal_groups.csv")
    out = CliRunner().invoke(main, ["invariance", str(model), csv, "--group", "grp",
                                    "--ordered", "--json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert [s["level"] for s in got["steps"]] == list(ORDINAL_LEVELS)
    assert got["estimator"] == "WLSMV" and "Satorra" in got["note"]
    assert got["steps"][1]["delta_chisq"] == pytest.approx(
        GROUPS["thresholds"]["lrt"]["chisq_diff"], rel=1e-5)
    text = CliRunner().invoke(main, ["invariance", str(model), csv, "--group", "grp",
                                     "--ordered"])
    assert text.exit_code == 0 and "Wu & Estabrook" in text.output
    bad = CliRunner().invoke(main, ["invariance", str(model), csv, "--group", "grp",
                                    "--ordered", "--missing", "fiml"])
    assert bad.exit_code != 0 and "listwise" in bad.output


def test_analytic_jacobian_equals_central_differences_with_scales_intercepts_and_groups():
    from craftwave.analysis.sem.categorical import dwls
    from craftwave.analysis.sem.categorical.polychoric import ordinal_stats
    from craftwave.analysis.sem.categorical.thresholds import split_ordinal_syntax
    from craftwave.analysis.sem.options import model_options
    from craftwave.analysis.sem.specification import compile_model

    syntax, spec = split_ordinal_syntax(GROUPS["scalar"]["model"])
    cm = dwls._delta_model(compile_model(syntax, n_groups=2, meanstructure=True,
                                         options=model_options("cfa")))
    stats = [ordinal_stats(GROUP_DATA[GROUP_DATA["grp"] == g], cm.ov_names) for g in "ab"]
    prob = dwls._Problem(cm, stats, spec)
    x = prob.start() + 0.05 * np.random.default_rng(1).standard_normal(prob.npar)
    for g in range(2):
        np.testing.assert_allclose(prob.jacobian(x, g), prob.numeric_jacobian(x, g), atol=1e-8)


def test_cli_fit_ordered_with_groups_agrees_with_lavaan(tmp_path):
    from click.testing import CliRunner

    from craftwave.cli import main

    model = tmp_path / "m.lav"
    model.write_text(GROUP_MODEL, encoding="utf-8")
    out = CliRunner().invoke(main, ["fit", str(model), str(REF / "data" / "ordinal_groups.csv"),
                                    "--ordered", "y1,y2,y3,y4,y5,y6", "--group", "grp", "--json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert got["groups"] == ["a", "b"]
    assert got["nobs"] == sum(np.atleast_1d(GROUPS["defaults"]["nobs"]))
    assert got["fit"]["chisq_scaled"] == pytest.approx(GROUPS["defaults"]["fit"]["chisq.scaled"],
                                                       rel=1e-5)
