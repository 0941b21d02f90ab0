"""The continuous SEM bootstrap's percentile intervals against lavaan 0.6-14 (fixture from
tests/reference/r/sem_boot_perc.R, which stores lavaan's own resample rows).

lavaan's ``parameterEstimates(boot.ci.type = "perc")`` interpolates order statistics on the
normal scale (boot's ``norm.inter``), not with R's type-7 ``quantile()``. Fed lavaan's 100
resamples of an ML mediation model with a latent mediator and ``:=`` effects, craftwave's
interval ends (free and defined parameters, 95% and 90%) agree within 1e-4.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.bootstrap import bootstrap
from craftwave.analysis.sem import fit
from craftwave.instruments.errors import ModelError

REF = Path(__file__).resolve().parents[1] / "reference"
FIXTURE = json.loads((REF / "sem_boot_perc.json").read_text())
TOL = 1e-4


def _lavaan_weights(n: int) -> np.ndarray:
    """lavaan's resamples (1-based rows of the one group) as counts over the data's rows."""
    return np.array([np.bincount(np.asarray(idx) - 1, minlength=n)
                     for idx in FIXTURE["indices"][0]])


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return pd.DataFrame(FIXTURE["data"])


@pytest.fixture(scope="module")
def fitted(data):
    res = fit(FIXTURE["model"], data)
    weights = _lavaan_weights(len(data))
    assert weights.shape == (FIXTURE["R"], FIXTURE["nobs"])
    return res, weights


def _merge(boot_params: pd.DataFrame, boot_defined: pd.DataFrame, ref: list) -> pd.DataFrame:
    ref = pd.DataFrame(ref)
    mine = boot_params[["lhs", "op", "rhs", "boot_se", "ci_lower", "ci_upper"]]
    free = ref[ref["op"] != ":="].merge(mine, on=["lhs", "op", "rhs"], how="left")
    d = boot_defined.rename(columns={"name": "lhs"})[["lhs", "boot_se", "ci_lower", "ci_upper"]]
    defined = ref[ref["op"] == ":="].merge(d, on="lhs", how="left")
    out = pd.concat([free, defined], ignore_index=True)
    assert len(out) == len(ref) and not out["ci_lower"].isna().any()
    return out


@pytest.mark.parametrize("level,key", [(0.95, "parameters"), (0.90, "ci90")])
def test_intervals_equal_lavaans_on_its_resamples(fitted, data, level, key):
    res, weights = fitted
    boot = bootstrap(res, data, weights=weights, level=level, progress=False)
    assert boot.n_failed == FIXTURE["failed"] == 0
    # the refits are lavaan's draws (same resamples), column by column
    np.testing.assert_allclose(np.sort(boot.draws, axis=0),
                               np.sort(np.asarray(FIXTURE["draws"]), axis=0)[:, _order(boot)],
                               atol=TOL, rtol=0)
    m = _merge(boot.params, boot.defined, FIXTURE[key])
    assert (m["op"] == ":=").sum() == 2
    np.testing.assert_allclose(m["ci_lower"], m["ci.lower"], atol=TOL, rtol=0)
    np.testing.assert_allclose(m["ci_upper"], m["ci.upper"], atol=TOL, rtol=0)
    if key == "parameters":  # bootstrap SEs: SD of the draws, divisor B, as lavaan's ML
        np.testing.assert_allclose(m["boot_se"], m["se"], atol=TOL, rtol=0)


def _order(boot) -> np.ndarray:
    """lavaan's coef column of each of craftwave's draws columns (free rows in table order)."""
    p = boot.params
    free = p[p["free"] >= 0].drop_duplicates("free").sort_values("free")
    ref = pd.DataFrame(FIXTURE["parameters"])
    ref = ref[ref["op"] != ":="].reset_index(drop=True)
    # lavaan's coef() follows the parameter table's free rows in order
    lav_free = [i for i, r in ref.iterrows() if r["se"] > 0]
    pos = {(ref.loc[i, "lhs"], ref.loc[i, "op"], ref.loc[i, "rhs"]): k
           for k, i in enumerate(lav_free)}
    return np.array([pos[(r.lhs, r.op, r.rhs)] for r in free.itertuples()])


def test_type_7_quantiles_would_miss_lavaans_intervals(fitted, data):
    """The fixture discriminates: type-7 quantiles of the same draws are off by more than TOL."""
    res, weights = fitted
    boot = bootstrap(res, data, weights=weights, progress=False)
    ref = FIXTURE["defined_type7"]
    lav = pd.DataFrame(FIXTURE["parameters"]).set_index("lhs")
    for j, name in enumerate(ref["names"]):
        q7 = np.quantile(boot.defined_draws[:, j], [0.025, 0.975])
        np.testing.assert_allclose(q7, [ref["lower"][j], ref["upper"][j]], atol=TOL)
        assert abs(q7[0] - lav.loc[name, "ci.lower"]) > 10 * TOL
        row = boot.defined.set_index("name").loc[name]
        assert row.ci_lower == pytest.approx(lav.loc[name, "ci.lower"], abs=TOL)


def test_least_squares_estimators_are_refused(data):
    """The refits are ML: a ULS or GLS fit is refused rather than bootstrapped by ML."""
    for est in ("ULS", "GLS"):
        with pytest.raises(ModelError, match=est):
            bootstrap(FIXTURE["model"], data, n=5, seed=1, progress=False,
                      fit_kwargs={"estimator": est})
