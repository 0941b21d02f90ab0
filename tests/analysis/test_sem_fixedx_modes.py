"""fixed.x, the baseline model, N and lavaan's function modes against lavaan 0.6.

Fixtures from tests/reference/r/sem_fixedx_modes.R. Tolerance (stated once): estimates,
standard errors, std.all and fit indices within 1e-3 absolute; chi-square and
log-likelihoods within 1e-4 relative. Every fixture also fixes which rows lavaan frees and
which it treats as exogenous (fixed.x), and the N it used.
"""

from __future__ import annotations

import math
import warnings

import pandas as pd
import pytest

from craftwave.analysis import fit
from craftwave.analysis.errors import ExogenousWarning

ABS = 1e-3
REL = 1e-4
RELATIVE = {"chisq", "logl", "unrestricted.logl", "baseline.chisq", "chisq.scaled",
            "baseline.chisq.scaled", "aic", "bic"}

FIXTURES = [
    "sem_fixedx_clpm_named", "sem_fixedx_clpm_named_cov", "sem_fixedx_clpm_cov_some",
    "sem_fixedx_clpm_cov_some_named", "sem_fixedx_clpm_cov_var_named",
    "sem_fixedx_clpm_cov_three", "sem_fixedx_clpm_cov_some_nofixedx",
    "sem_fixedx_clpm_cov_some_named_nofixedx", "sem_fixedx_clpm_cov_some_means",
    "sem_fixedx_clpm_cov_some_listwise", "sem_fixedx_clpm_cov_some_fiml",
    "sem_fixedx_clpm_cov_some_named_fiml", "sem_fixedx_clpm_cov_some_fiml_mlr",
    "sem_fixedx_clpm_cov_some_fiml_nofixedx", "sem_fixedx_clpm_cov_groups",
    "sem_fixedx_clpm_cov_groups_equal",
    "sem_mode_riclpm_lavaan_listwise", "sem_mode_riclpm_lavaan_fiml", "sem_mode_cfa_std_lv",
    "sem_mode_cfa_orthogonal", "sem_mode_cfa_std_lv_orthogonal", "sem_mode_cfa_std_lv_groups",
    "sem_mode_sem_orthogonal_std_lv", "sem_mode_growth_fiml", "sem_mode_growth_covariate",
    "sem_mode_lavaan_auto", "sem_mode_sem_single_indicator",
]


def _kwargs(args: dict) -> dict:
    out = {}
    for key, value in args.items():
        if key == "group_equal":
            value = [value] if isinstance(value, str) else list(value)
        out[key] = value
    return out


def _key(lhs: str, op: str, rhs: str, group: int) -> tuple:
    if op == "~~":
        lhs, rhs = sorted((lhs, rhs))
    return (lhs, op, rhs, int(group))


@pytest.fixture(scope="module", params=FIXTURES)
def case(request, reference, reference_data):
    ref = reference(request.param)
    data = reference_data(ref["data"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = fit(ref["model"], data, **_kwargs(ref["args"]))
    return request.param, ref, res, caught


def test_n_as_lavaan_counts_it(case):
    _, ref, res, _ = case
    assert res.nobs == sum(ref["nobs"])
    assert res.to_dict()["nobs"] == sum(ref["nobs"])
    assert res.fit_measures["ntotal"] == sum(ref["nobs"])
    assert res.n_obs == ref["nobs"]


def test_free_and_exogenous_rows_as_lavaan(case):
    name, ref, res, _ = case
    lav = {_key(r["lhs"], r["op"], r["rhs"], r["group"]): (r["free"], r["exo"])
           for r in ref["free"] if r["op"] not in (":=", "==", "<", ">")}
    model = res.model
    mine = {_key(r.lhs, r.op, r.rhs, r.group + 1): (int(r.free >= 0), int(r.exo))
            for r in model.rows}
    assert mine == lav, f"{name}: rows differ: " + str(
        {k: (lav.get(k), mine.get(k)) for k in set(lav) | set(mine) if lav.get(k) != mine.get(k)})


def test_estimates_and_errors_as_lavaan(case):
    name, ref, res, _ = case
    lav = pd.DataFrame([p for p in ref["parameters"] if p["op"] != ":="])
    lav.index = [_key(*t) for t in zip(lav["lhs"], lav["op"], lav["rhs"], lav["group"],
                                       strict=True)]
    mine = res.params.copy()
    mine.index = [_key(*t) for t in zip(mine["lhs"], mine["op"], mine["rhs"], mine["group"],
                                        strict=True)]
    assert set(lav.index) == set(mine.index)
    mine = mine.loc[lav.index]
    for col, lav_col in (("est", "est"), ("se", "se"), ("std_all", "std.all")):
        a = lav[lav_col].astype(float).fillna(0.0).to_numpy()
        b = mine[col].astype(float).fillna(0.0).to_numpy()
        worst = abs(a - b).max()
        assert worst <= ABS, f"{name}: {col} differs by {worst:.2e}"


def test_fit_measures_as_lavaan(case):
    name, ref, res, _ = case
    failures = []
    for key, value in ref["fit"].items():
        if key in ("df.scaled", "ntotal"):
            continue
        mine = res.fit_measures[key.replace(".", "_")]
        if value is None:
            ok = mine is None or not math.isfinite(mine)
        else:
            tol = REL * max(1.0, abs(value)) if key in RELATIVE else ABS
            ok = abs(mine - value) <= tol
        if not ok:
            failures.append(f"{key}: lavaan {value} craftwave {mine}")
    assert not failures, f"{name}: " + "; ".join(failures)


def test_random_covariates_are_announced(case):
    name, ref, res, caught = case
    lavaan_warned = any("treated as random" in w for w in ref["warnings"])
    ours = [w for w in caught if issubclass(w.category, ExogenousWarning)]
    if lavaan_warned:
        assert ours, f"{name}: lavaan warns that covariates became random; craftwave did not"
        assert any("treated as random" in w for w in res.warnings)
    deleted = [w for w in ref["warnings"] if "cases were deleted" in w]
    if deleted:
        n = int(deleted[0].split("WARNING:")[1].split()[0])
        assert any(w.startswith(f"{n} case(s) were deleted") for w in res.warnings)
