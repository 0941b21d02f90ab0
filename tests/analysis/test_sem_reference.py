"""craftwave's SEM engine against lavaan 0.6 (fixtures from tests/reference/r/sem.R).

Tolerance (stated once): estimates, standard errors, std.all and fit indices within 1e-3
absolute; chi-square, log-likelihoods, AIC and BIC within 1e-3 relative. One fit per fixture.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis import fit

ABS = 1e-3
RELATIVE = {"chisq", "logl", "unrestricted.logl", "aic", "bic", "baseline.chisq",
            "chisq.scaled", "baseline.chisq.scaled"}
FIT_MAP = {
    "npar": "npar", "chisq": "chisq", "df": "df", "pvalue": "pvalue", "cfi": "cfi", "tli": "tli",
    "rmsea": "rmsea", "rmsea.ci.lower": "rmsea_ci_lower", "rmsea.ci.upper": "rmsea_ci_upper",
    "srmr": "srmr", "logl": "loglik", "unrestricted.logl": "unrestricted_loglik", "aic": "aic",
    "bic": "bic", "baseline.chisq": "baseline_chisq", "baseline.df": "baseline_df",
    "chisq.scaled": "chisq_scaled", "chisq.scaling.factor": "scaling_factor",
    "baseline.chisq.scaled": "baseline_chisq_scaled",
    "baseline.chisq.scaling.factor": "baseline_scaling_factor",
    "cfi.robust": "cfi_robust", "tli.robust": "tli_robust", "rmsea.robust": "rmsea_robust",
    "rmsea.ci.lower.robust": "rmsea_ci_lower_robust",
    "rmsea.ci.upper.robust": "rmsea_ci_upper_robust",
}

CASES = {
    "sem_hs_cfa_ml": {},
    "sem_hs_cfa_mlr": {"estimator": "MLR"},
    "sem_poldem_ml": {},
    "sem_mediation_ml": {},
    "sem_mediation_mlr": {"estimator": "MLR"},
    "sem_mg_fiml_scalar_ml": {"missing": "fiml", "group": "school",
                              "group_equal": ["loadings", "intercepts"]},
    "sem_riclpm_fiml_ml": {"missing": "fiml"},
    "sem_riclpm_fiml_mlr": {"missing": "fiml", "estimator": "MLR"},
    "sem_mg_fiml_scalar_mlr": {"missing": "fiml", "group": "school", "estimator": "MLR",
                               "group_equal": ["loadings", "intercepts"]},
    "sem_hs_fiml_ml": {"missing": "fiml"},
    "sem_hs_fiml_mlr": {"missing": "fiml", "estimator": "MLR"},
    "sem_mg_configural_ml": {"group": "school"},
    "sem_mg_metric_ml": {"group": "school", "group_equal": ["loadings"]},
    "sem_mg_scalar_ml": {"group": "school", "group_equal": ["loadings", "intercepts"]},
    "sem_mg_strict_ml": {"group": "school",
                         "group_equal": ["loadings", "intercepts", "residuals"]},
    "sem_mg_scalar_mlr": {"group": "school", "group_equal": ["loadings", "intercepts"],
                          "estimator": "MLR"},
    "sem_mg_partial_ml": {"group": "school", "group_equal": ["loadings", "intercepts"],
                          "group_partial": ["visual =~ x2", "x3 ~ 1"]},
    "sem_feature_higher_order": {},
    "sem_feature_mimic": {},
    "sem_feature_std_lv": {},
    "sem_feature_constraint": {},
    "sem_feature_group_vectors": {"group": "school"},
    "sem_long_configural_ml": {},
    "sem_long_scalar_ml": {},
    "sem_long_strict_ml": {},
}


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request, reference, reference_data):
    name = request.param
    ref = reference(name)
    data = reference_data(ref["data"])
    result = fit(ref["model"], data, **CASES[name])
    return name, ref, result


def _close(a: float, b: float, relative: bool) -> bool:
    if a is None:
        return b is None or not math.isfinite(b)
    scale = max(1.0, abs(a)) if relative else 1.0
    return abs(a - b) <= ABS * scale


def test_converged_and_sizes(case):
    _, ref, res = case
    assert res.converged
    assert res.n_obs == ref["nobs"]
    if ref["group_labels"]:
        assert res.group_labels == ref["group_labels"]


def test_parameter_table_matches_lavaan(case):
    name, ref, res = case
    lav = pd.DataFrame(ref["parameters"])
    lav = lav[~lav["op"].isin([":=", "==", "<", ">"])]
    merged = lav.merge(res.params, on=["lhs", "op", "rhs", "group"], how="outer",
                       suffixes=("_lav", ""), indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"]
    for col, lav_col in (("est", "est_lav"), ("se", "se_lav"), ("std_all", "std.all")):
        diff = (merged[col] - merged[lav_col]).abs()
        worst = merged.loc[diff.idxmax(), ["lhs", "op", "rhs", "group"]].tolist()
        assert diff.max() <= ABS, f"{name}: {col} differs by {diff.max():.2e} at {worst}"


def test_labels_match_lavaan(case):
    _, ref, res = case
    lav = pd.DataFrame(ref["parameters"])
    lav = lav[~lav["op"].isin([":=", "==", "<", ">"])]
    # lavaan's automatic group.equal labels (".p2.") are internal; user labels must match
    user = lav[(lav["label"] != "") & ~lav["label"].str.startswith(".")]
    merged = user.merge(res.params, on=["lhs", "op", "rhs", "group"], suffixes=("_lav", ""))
    assert (merged["label"] == merged["label_lav"]).all()


def test_fit_measures_match_lavaan(case):
    name, ref, res = case
    failures = []
    for key, value in ref["fit"].items():
        if key not in FIT_MAP:
            continue
        mine = res.fit_measures[FIT_MAP[key]]
        if not _close(value, mine, key in RELATIVE):
            failures.append(f"{key}: lavaan {value} craftwave {mine}")
    assert not failures, f"{name}: " + "; ".join(failures)


def test_defined_parameters_match_lavaan(case):
    _, ref, res = case
    lav = [p for p in ref["parameters"] if p["op"] == ":="]
    assert len(lav) == len(res.defined)
    for p in lav:
        mine = res.defined.set_index("name").loc[p["lhs"]]
        assert abs(mine["est"] - p["est"]) <= ABS
        assert abs(mine["se"] - p["se"]) <= ABS
        assert abs(mine["std_all"] - p["std.all"]) <= ABS
        assert abs(mine["ci_lower"] - p["ci.lower"]) <= ABS


def test_z_and_intervals_are_consistent(case):
    _, _, res = case
    free = res.params[res.params["se"] > 0]
    np.testing.assert_allclose(free["z"], free["est"] / free["se"])
    np.testing.assert_allclose(free["ci_upper"] - free["ci_lower"], 2 * 1.959964 * free["se"],
                               rtol=1e-6)
