"""MLM, MLMV, ULS and GLS (and ML, MLR's further indices) against lavaan 0.6 (fixtures from tests/reference/r/sem_estimators.R).

Tolerance (stated once): estimates and standard errors within 1e-3 absolute; chi-square
statistics within 1e-4 relative; every other fit measure lavaan reports that craftwave computes
(CFI, TLI, NNFI, RNI, NFI, RFI, IFI, PNFI, RMSEA and its close-fit tests, each with its scaled and
robust versions, intervals, SRMR, scaling factors) within
1e-4 absolute. One fit per fixture.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis import fit
from craftwave.analysis.errors import ModelError

ABS_PARAM = 1e-3
ABS_FIT = 1e-4
REL_CHISQ = 1e-4

# lavaan's fitMeasures that every fit must reproduce (with '.' written '_')
COMMON = ("npar", "chisq", "df", "pvalue", "baseline_chisq", "baseline_df", "baseline_pvalue",
          "cfi", "tli", "rmsea", "rmsea_ci_lower", "rmsea_ci_upper", "srmr")
ML_ONLY = ("logl", "unrestricted_logl", "aic", "bic")
SCALED = ("chisq_scaled", "df_scaled", "pvalue_scaled", "chisq_scaling_factor",
          "baseline_chisq_scaled", "baseline_df_scaled", "baseline_pvalue_scaled",
          "baseline_chisq_scaling_factor", "cfi_scaled", "tli_scaled", "cfi_robust",
          "tli_robust", "rmsea_scaled", "rmsea_ci_lower_scaled", "rmsea_ci_upper_scaled",
          "rmsea_robust", "rmsea_ci_lower_robust", "rmsea_ci_upper_robust")
EXTRA = ("nnfi", "rfi", "nfi", "pnfi", "ifi", "rni", "rmsea_pvalue", "rmsea_notclose_pvalue",
         "cn_05", "cn_01", "mfi", "ecvi", "rmr", "rmr_nomean", "srmr_bentler",
         "srmr_bentler_nomean", "crmr", "crmr_nomean", "srmr_mplus", "srmr_mplus_nomean",
         "gfi", "agfi", "pgfi")
EXTRA_SCALED = ("nnfi_scaled", "rfi_scaled", "nfi_scaled", "pnfi_scaled", "ifi_scaled",
                "rni_scaled", "nnfi_robust", "rni_robust", "rmsea_pvalue_scaled",
                "rmsea_notclose_pvalue_scaled", "rmsea_pvalue_robust",
                "rmsea_notclose_pvalue_robust")
RELATIVE = {"chisq", "baseline_chisq", "chisq_scaled", "baseline_chisq_scaled", "logl",
            "unrestricted_logl", "aic", "bic", "bic2", "cn_05", "cn_01"}

CASES = ("hs_ml", "hs_fiml_ml", "hs_mlr", "hs_fiml_mlr", "hs_mlm", "hs_mlmv", "hs_uls", "hs_gls", "poldem_mlm", "poldem_mlmv", "poldem_gls",
         "mediation_mlm", "mediation_mlmv", "mediation_uls", "mg_metric_mlm", "mg_metric_mlmv",
         "mg_configural_gls", "saturated_mlm", "saturated_gls")


def fit_kwargs(args: dict) -> dict:
    """lavaan's arguments of a fixture as craftwave keywords."""
    out = {"estimator": args["estimator"]}
    if args.get("missing") == "ml":
        out["missing"] = "fiml"
    if "group" in args:
        out["group"] = args["group"]
    if "group.equal" in args:
        eq = args["group.equal"]
        out["group_equal"] = [eq] if isinstance(eq, str) else list(eq)
    return out


@pytest.fixture(scope="module", params=CASES)
def case(request, reference, reference_data):
    ref = reference(f"sem_estimators_{request.param}")
    data = reference_data(ref["data"])
    return request.param, ref, fit(ref["model"], data, **fit_kwargs(ref["args"]))


def _expected_keys(estimator: str, fiml: bool = False) -> tuple[str, ...]:
    keys = COMMON + EXTRA
    if fiml:   # no GFI family under FIML yet
        keys = tuple(k for k in keys if k not in ("gfi", "agfi", "pgfi"))
    if estimator in ("ML", "MLR", "MLM", "MLMV"):
        keys += ML_ONLY + ("bic2",)
    else:
        keys += ("fmin",)
    if estimator in ("MLR", "MLM", "MLMV"):
        keys += SCALED + EXTRA_SCALED
    return keys


def test_parameters_match_lavaan(case):
    name, ref, res = case
    assert res.converged
    assert res.n_obs == ref["nobs"]
    lav = pd.DataFrame(ref["parameters"])
    lav = lav[lav["op"] != ":="]
    merged = lav.merge(res.params, on=["lhs", "op", "rhs", "group"], how="outer",
                       suffixes=("_lav", ""), indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"]
    for col, lav_col in (("est", "est_lav"), ("se", "se_lav"), ("std_all", "std.all")):
        diff = (merged[col] - merged[lav_col]).abs()
        assert diff.max() <= ABS_PARAM, f"{name}: {col} differs by {diff.max():.2e}"
    z = merged["z"].to_numpy(dtype=float)
    z_lav = pd.to_numeric(merged["z_lav"], errors="coerce").to_numpy(dtype=float)
    both = np.isfinite(z) & np.isfinite(z_lav)
    assert np.allclose(z[both], z_lav[both], atol=0.01)


def test_defined_parameters_match_lavaan(case):
    _, ref, res = case
    lav = [p for p in ref["parameters"] if p["op"] == ":="]
    assert len(lav) == len(res.defined)
    for p in lav:
        mine = res.defined.set_index("name").loc[p["lhs"]]
        assert abs(mine["est"] - p["est"]) <= ABS_PARAM
        assert abs(mine["se"] - p["se"]) <= ABS_PARAM


def test_every_fit_measure_matches_lavaan(case):
    name, ref, res = case
    estimator = ref["args"]["estimator"]
    failures = []
    for key in _expected_keys(estimator, ref["args"].get("missing") == "ml"):
        lav = ref["fit"][key if key in ref["fit"] else key.replace("_", ".")]
        mine = res.fit_measures.get(key)
        if lav is None:
            if mine is not None and math.isfinite(mine):
                failures.append(f"{key}: lavaan NA, craftwave {mine}")
            continue
        if mine is None or not math.isfinite(mine):
            failures.append(f"{key}: lavaan {lav}, craftwave {mine}")
            continue
        tol = REL_CHISQ * max(1.0, abs(lav)) if key in RELATIVE else ABS_FIT
        if abs(mine - lav) > tol:
            failures.append(f"{key}: lavaan {lav}, craftwave {mine}")
    assert not failures, f"{name}: " + "; ".join(failures)


def test_json_names_the_test_and_scaled_keys(case):
    _, ref, res = case
    out = res.to_dict()
    est = ref["args"]["estimator"]
    expected = {"MLM": "satorra.bentler", "MLMV": "scaled.shifted",
                "MLR": "yuan.bentler.mplus"}.get(est, "standard")
    assert out["test"] == expected
    assert out["se"] == {"MLM": "robust.sem", "MLMV": "robust.sem",
                         "MLR": "robust.huber.white"}.get(est, "standard")
    assert out["fit"]["rni"] == pytest.approx(ref["fit"]["rni"], abs=ABS_FIT)
    if est in ("MLM", "MLMV"):
        assert out["fit"]["cfi_robust"] == pytest.approx(ref["fit"]["cfi.robust"], abs=ABS_FIT)
    if est == "MLMV":
        assert out["fit"]["chisq_shift_parameter"] > 0
    if est in ("ULS", "GLS"):
        assert out["fit"]["logl"] is None and out["fit"]["aic"] is None


def test_least_squares_free_the_covariates_as_lavaan(reference, reference_data):
    """lavaan's fixed.x default is FALSE for ULS and GLS; fixed_x=True keeps them fixed."""
    ref = reference("sem_estimators_mediation_uls")
    data = reference_data(ref["data"])
    free = fit(ref["model"], data, estimator="ULS")
    fixed = fit(ref["model"], data, estimator="ULS", fixed_x=True)
    assert free.fit_measures["npar"] == ref["fit"]["npar"]
    assert fixed.fit_measures["npar"] == ref["fit"]["npar"] - 3


@pytest.mark.parametrize("estimator", ["MLM", "MLMV", "ULS", "GLS"])
def test_incomplete_data_is_refused_with_fiml(estimator, reference_data):
    data = reference_data("sem_hs_missing.csv")
    with pytest.raises(ModelError, match="complete data"):
        fit("visual =~ x1 + x2 + x3", data, estimator=estimator, missing="fiml")


def test_unknown_estimator_is_named():
    frame = pd.DataFrame(np.random.default_rng(3).normal(size=(50, 3)), columns=["a", "b", "c"])
    with pytest.raises(ModelError, match="WLSMV"):
        fit("F =~ a + b + c", frame, estimator="WLSMV")
