"""The output a paper needs, against lavaan 0.6 (fixtures from tests/reference/r/sem_outputs.R).

R-squared, standardized solutions (std.all, std.lv, std.nox) with delta-method SEs and CIs,
residual matrices (raw, cor.bollen, cor.bentler), factor scores (regression, Bartlett, also under
FIML) and observed interaction terms. Tolerance (stated once): 1e-3 absolute on estimates,
standard errors, intervals, residuals and scores; 1e-4 relative on chi-square and logl.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem import fit, parse_model
from craftwave.analysis.sem.predict import predict
from craftwave.analysis.sem.residuals import residuals
from craftwave.analysis.sem.rsquare import rsquare
from craftwave.analysis.sem.stdsolution import standardized_solution

ABS = 1e-3
REL = 1e-4
CASES = {
    "hs_cfa": {},
    "mimic": {},
    "poldem": {},
    "mediation": {},
    "mg": {"group": "school", "group_equal": ["loadings"]},
    "fiml": {"missing": "fiml"},
    "fiml_mlr": {"missing": "fiml", "estimator": "MLR"},
    "interaction": {},
}


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request, reference, reference_data):
    name = request.param
    ref = reference(f"sem_outputs_{name}")
    data = reference_data(ref["data"])
    return name, ref, data, fit(ref["model"], data, **CASES[name])


def _groups(entry):
    return list(entry.values()) if isinstance(entry, dict) else entry


def test_rsquare_matches_lavinspect(case):
    name, ref, _, res = case
    lav = pd.DataFrame(ref["r2"])
    mine = rsquare(res)
    merged = lav.merge(mine, on=["group", "name"], how="outer", indicator=True)
    assert (merged["_merge"] == "both").all(), f"{name}: {merged[merged['_merge'] != 'both']}"
    assert (merged["r2_x"] - merged["r2_y"]).abs().max() <= ABS
    # lavaan's order within each group
    for g, sub in lav.groupby("group"):
        assert list(mine.loc[mine["group"] == g, "name"]) == list(sub["name"])


@pytest.mark.parametrize("kind", ["std_all", "std_lv", "std_nox"])
def test_standardized_solution_matches_lavaan(case, kind):
    name, ref, _, res = case
    if "standardized" not in ref:
        pytest.fail(f"{name}: the fixture has no standardized solution")
    lav = pd.DataFrame(ref["standardized"][kind])
    mine = standardized_solution(res, kind.replace("_", "."))
    params = lav[lav["op"] != ":="].merge(mine[mine["op"] != ":="],
                                          on=["lhs", "op", "rhs", "group"], how="outer",
                                          suffixes=("_lav", ""), indicator=True)
    assert (params["_merge"] == "both").all(), params[params["_merge"] != "both"]
    for col, lav_col in (("est_std", "est.std"), ("se", "se_lav"), ("ci_lower", "ci.lower"),
                         ("ci_upper", "ci.upper")):
        a, b = params[col].to_numpy(float), params[lav_col].to_numpy(float)
        assert np.array_equal(np.isnan(a), np.isnan(b)), f"{name} {kind}: NA in {col}"
        diff = np.nanmax(np.abs(a - b))
        assert diff <= ABS, f"{name} {kind}: {col} differs by {diff:.2e}"
    # defined parameters (:=) by name: lavaan evaluates them at the standardized values
    lav_def = lav[lav["op"] == ":="].set_index("lhs")
    mine_def = mine[mine["op"] == ":="].set_index("lhs")
    assert sorted(lav_def.index) == sorted(mine_def.index)
    for nm in lav_def.index:
        assert abs(mine_def.loc[nm, "est_std"] - lav_def.loc[nm, "est.std"]) <= ABS
        assert abs(mine_def.loc[nm, "se"] - lav_def.loc[nm, "se"]) <= ABS


def test_standardized_z_and_intervals_are_consistent(case):
    _, _, _, res = case
    std = standardized_solution(res, "std.all")
    free = std[std["se"] > 0]
    assert np.allclose(free["z"], free["est_std"] / free["se"])
    assert (std.loc[std["se"] == 0, "z"].isna()).all()
    wide = standardized_solution(res, "std.all", level=0.99)
    assert (wide["ci_upper"] - wide["ci_lower"] >= std["ci_upper"] - std["ci_lower"]).all()


@pytest.mark.parametrize(("kind", "key"), [("raw", "raw"), ("cor", "cor"),
                                           ("cor.bentler", "cor_bentler")])
def test_residuals_match_lavaan(case, kind, key):
    name, ref, _, res = case
    out = residuals(res, kind)
    lav_groups = _groups(ref["residuals"][key])
    assert len(lav_groups) == len(out.cov)
    for g, lav in enumerate(lav_groups):
        names = lav["names"]
        mine = out.cov[g].loc[names, names].to_numpy()
        assert np.abs(mine - np.array(lav["cov"], dtype=float)).max() <= ABS, name
        if "mean" in lav:
            assert np.abs(out.mean[g].loc[names].to_numpy() - np.array(lav["mean"])).max() <= ABS
        else:
            assert out.mean[g] is None


@pytest.mark.parametrize("kind", ["standardized", "normalized"])
def test_standardized_residuals_match_lavaan(case, kind):
    name, ref, _, res = case
    out = residuals(res, kind)
    for g, lav in enumerate(_groups(ref["residuals"][kind])):
        names = lav["names"]
        mine = out.cov[g].loc[names, names].to_numpy()
        theirs = np.array(lav["cov"], dtype=float)
        # z-like values: 1e-3 relative to their size (they are ratios of small numbers)
        assert (np.abs(mine - theirs) <= ABS * np.maximum(1.0, np.abs(theirs))).all(), name
        if "mean" in lav:
            m = out.mean[g].loc[names].to_numpy()
            assert np.abs(m - np.array(lav["mean"], dtype=float)).max() <= ABS


def test_residuals_srmr_agrees_with_the_fit_measure(case):
    _, ref, _, res = case
    out = residuals(res, "cor.bentler")
    assert out.srmr == pytest.approx(res.fit_measures["srmr"], abs=1e-10)
    assert out.srmr == pytest.approx(ref["fit"]["srmr"], abs=ABS)


@pytest.mark.parametrize("method", ["regression", "bartlett"])
@pytest.mark.parametrize("name", ["fiml", "hs_cfa", "mg", "mimic", "poldem"])
def test_factor_scores_match_lavpredict(name, method, reference, reference_data):
    ref = reference(f"sem_outputs_{name}")
    data = reference_data(ref["data"])
    res = fit(ref["model"], data, **CASES[name])
    lav = pd.DataFrame(ref["predict"][method])
    mine = predict(res, data, method, group=CASES[name].get("group"))
    cols = list(res.model.lv_names)
    assert len(mine) == len(data)
    if len(lav) < len(data):
        # lavPredict(fit) of one group lists the cases used; craftwave keeps every row of the
        # data, with empty scores for the cases listwise deletion dropped
        used = mine[cols].notna().all(axis=1)
        assert used.sum() == len(lav) == res.nobs
        mine = mine[used]
    a, b = mine[cols].to_numpy(), lav[cols].to_numpy(dtype=float)
    assert a.shape == b.shape
    assert np.array_equal(np.isnan(a), np.isnan(b))
    assert np.nanmax(np.abs(a - b)) <= ABS, f"{name} {method}"


def test_interaction_fit_matches_lavaan(reference, reference_data):
    ref = reference("sem_outputs_interaction")
    data = reference_data(ref["data"])
    res = fit(ref["model"], data)
    lav = pd.DataFrame(ref["parameters"])
    merged = lav.merge(res.params, on=["lhs", "op", "rhs"], suffixes=("_lav", ""))
    assert len(merged) == len(lav) == len(res.params)
    assert "X:W" in set(res.params["rhs"])
    for col, lav_col in (("est", "est_lav"), ("se", "se_lav"), ("std_all", "std.all")):
        assert (merged[col] - merged[lav_col]).abs().max() <= ABS
    assert res.fit_measures["npar"] == ref["fit"]["npar"]
    for key, lav_key in (("chisq", "chisq"), ("loglik", "logl"), ("aic", "aic"), ("bic", "bic")):
        assert res.fit_measures[key] == pytest.approx(ref["fit"][lav_key], rel=REL)
    # the product column is made from the data, never required as a column
    assert "X:W" not in data.columns


def test_latent_interactions_are_refused():
    with pytest.raises(ModelError, match="interaction terms"):
        parse_model("F =~ x1 + x2 + x3\nG =~ x4 + x5 + x6\ny ~ F + G + F:G")


def test_predict_refuses_unknown_method_and_missing_group(reference, reference_data):
    ref = reference("sem_outputs_mg")
    data = reference_data(ref["data"])
    res = fit(ref["model"], data, group="school")
    with pytest.raises(ModelError, match="group"):
        predict(res, data)
    with pytest.raises(ModelError, match="method"):
        predict(res, data, method="ols", group="school")


def test_listwise_predict_leaves_unused_rows_empty(reference, reference_data):
    ref = reference("sem_outputs_hs_cfa")
    data = reference_data(ref["data"]).copy()
    data.loc[[3, 7], "x2"] = np.nan
    res = fit(ref["model"], data)
    scores = res.predict(data)
    assert scores.loc[[3, 7]].isna().all().all()
    assert scores.drop(index=[3, 7]).notna().all().all()
    assert res.nobs == len(data) - 2


def test_result_methods_are_the_functions(reference, reference_data):
    from craftwave.analysis.sem import outputs

    ref = reference("sem_outputs_poldem")
    data = reference_data(ref["data"])
    res = fit(ref["model"], data)
    pd.testing.assert_frame_equal(res.rsquare(), outputs.rsquare(res))
    pd.testing.assert_frame_equal(res.standardized_solution("std.nox"),
                                  outputs.standardized_solution(res, "std.nox"))
    pd.testing.assert_frame_equal(res.residuals("raw").cov[0], outputs.residuals(res, "raw").cov[0])
    pd.testing.assert_frame_equal(res.predict(data, "bartlett"),
                                  outputs.predict(res, data, "bartlett"))
    with pytest.raises(ModelError, match="type"):
        res.standardized_solution("std.xyz")
    with pytest.raises(ModelError, match="type"):
        res.residuals("normalised")


def test_interaction_terms_parse_as_lavaan():
    pm = parse_model("y ~ b1*x + w + b3*x : w")
    assert [(t.lhs, t.op, t.rhs) for t in pm.terms] == [("y", "~", "x"), ("y", "~", "w"),
                                                         ("y", "~", "x:w")]
    assert pm.terms[2].label_for(0) == "b3"
    with pytest.raises(ModelError, match="not a variable name"):
        parse_model("F =~ x1 + x1:x2")


def test_interaction_columns_need_their_factors(reference_data):
    from craftwave.analysis.errors import DataError

    data = reference_data("sem_mediation.csv")
    with pytest.raises(DataError, match="Z"):
        fit("Y ~ X + X:Z", data)
