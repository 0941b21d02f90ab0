"""Moderated mediation (PROCESS models 7, 8, 14) against lavaan fixtures and by construction."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from craftwave.analysis.mediation import moderated_mediation, probe_values
from craftwave.instruments.errors import DataError, ModelError

REF = Path(__file__).resolve().parents[1] / "reference"
DATA = REF / "data" / "mediation.csv"
VARS = dict(x="icraft_w1", m="resil_w2", y="ccommit_w3", covariates=["tenure"])
MODERATOR = {7: dict(w="ccraft_w1"), 8: dict(w="ccraft_w1"), 14: dict(v="ccraft_w2")}


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return pd.read_csv(DATA)


def _ref(model: int) -> dict:
    return json.loads((REF / f"mediation_model{model}.json").read_text())


def _row(table: pd.DataFrame, lhs: str, op: str, rhs: str) -> pd.Series:
    rhs = "" if op == "~1" else rhs
    hit = table[(table.lhs == lhs) & (table.op == op) & (table.rhs == rhs)]
    assert len(hit) == 1, (lhs, op, rhs)
    return hit.iloc[0]


@pytest.fixture(scope="class")
def fitted(data, model):
    """One 5,000-resample fit per model, shared by the class's tests."""
    res = moderated_mediation(data, **VARS, **MODERATOR[model], model=model,
                              bootstrap=5000, seed=20261123)
    return res, _ref(model)


@pytest.mark.parametrize("model", [7, 8, 14], scope="class")
class TestAgainstLavaan:
    """ML estimates and SEs within 1e-6 (the issue asks 1e-3); bootstrap CIs within 0.01.

    lavaan's bootstrap and ours use different random streams, so bootstrap bounds agree up to
    Monte Carlo error: at B = 5000 the SD of the difference of two independent 2.5% / 97.5%
    bounds is about 0.053 SE. Slopes and defined effects (SE <= 0.07 here) must agree within
    0.01; intercepts (SE about 0.2) within 0.25 SE, i.e. ~5 SDs of that error.
    """

    ML_TOL = 1e-6
    CI_TOL = 0.01

    def test_paths_match_ml(self, fitted):
        res, ref = fitted
        rows = [r for r in ref["ml"]
                if r["op"] in ("~", "~1", "~~") and r["lhs"] in (VARS["m"], VARS["y"])]
        assert len(rows) == len(res.paths)
        for r in rows:
            got = _row(res.paths, r["lhs"], r["op"], r["rhs"])
            assert got.est == pytest.approx(r["est"], abs=self.ML_TOL)
            assert got.se == pytest.approx(r["se"], abs=self.ML_TOL)

    def test_defined_effects_match_ml(self, fitted):
        res, ref = fitted
        defs = {r["lhs"]: r for r in ref["ml"] if r["op"] == ":="}
        assert res.probes == pytest.approx(
            ref["moderator_mean"] + np.array([-1, 0, 1]) * ref["moderator_sd"], abs=1e-12)
        for i, name in enumerate(["ind_lo", "ind_mid", "ind_hi"]):
            assert res.conditional_indirect.est[i] == pytest.approx(defs[name]["est"], abs=self.ML_TOL)
            assert res.conditional_indirect.se[i] == pytest.approx(defs[name]["se"], abs=self.ML_TOL)
        assert res.index.est[0] == pytest.approx(defs["index"]["est"], abs=self.ML_TOL)
        assert res.index.se[0] == pytest.approx(defs["index"]["se"], abs=self.ML_TOL)

    def test_bootstrap_percentile_cis(self, fitted):
        res, ref = fitted
        boot = {r["lhs"]: r for r in ref["bootstrap"]["table"] if r["op"] == ":="}
        assert ref["bootstrap"]["R"] == 5000 and res.bootstrap.n_boot == 5000
        assert res.bootstrap.n_failed == 0
        for i, name in enumerate(["ind_lo", "ind_mid", "ind_hi"]):
            got = res.conditional_indirect.iloc[i]
            assert got.ci_lower == pytest.approx(boot[name]["ci.lower"], abs=self.CI_TOL)
            assert got.ci_upper == pytest.approx(boot[name]["ci.upper"], abs=self.CI_TOL)
        assert res.index.ci_lower[0] == pytest.approx(boot["index"]["ci.lower"], abs=self.CI_TOL)
        assert res.index.ci_upper[0] == pytest.approx(boot["index"]["ci.upper"], abs=self.CI_TOL)
        for r in ref["bootstrap"]["table"]:
            if r["op"] not in ("~", "~1", "~~") or r["lhs"] not in (VARS["m"], VARS["y"]):
                continue
            got = _row(res.paths, r["lhs"], r["op"], r["rhs"])
            tol = self.CI_TOL if r["op"] != "~1" else 0.25 * got.se
            assert got.ci_lower == pytest.approx(r["ci.lower"], abs=tol)
            assert got.ci_upper == pytest.approx(r["ci.upper"], abs=tol)

    def test_to_dict_shape(self, fitted):
        res, _ = fitted
        out = res.to_dict()
        json.dumps(out)
        assert set(out["index"]) == {"est", "se", "ci_lower", "ci_upper"}
        assert {"w_value", "est", "se", "ci_lower", "ci_upper"} <= set(out["conditional_indirect"][0])
        assert len(out["conditional_indirect"]) == 3
        assert out["paths"][f"{VARS['m']} ~ {VARS['x']}"]["est"] == res.paths.est[1]
        assert out["johnson_neyman"] and "boundaries" in out["johnson_neyman"][0]


def test_same_seed_same_cis_whatever_the_workers(data):
    kw = dict(**VARS, w="ccraft_w1", model=8, bootstrap=1200, seed=7)
    one = moderated_mediation(data, n_jobs=1, **kw)
    two = moderated_mediation(data, n_jobs=2, **kw)
    other = moderated_mediation(data, n_jobs=1, **{**kw, "seed": 8})
    # the same resamples in the same chunks: equal up to BLAS summation order (~1e-15)
    np.testing.assert_allclose(one.draws, two.draws, rtol=1e-12, atol=1e-14)
    pd.testing.assert_frame_equal(one.conditional_indirect, two.conditional_indirect,
                                  rtol=1e-12, atol=1e-14)
    assert not np.array_equal(one.draws, other.draws)


def test_bca_matches_a_slow_textbook_implementation(data):
    """BCa from the closed form equals BCa computed resample by resample with lstsq."""
    b, seed = 400, 11
    res = moderated_mediation(data, **VARS, w="ccraft_w1", model=7, bootstrap=b, seed=seed,
                              ci="bca")
    work = res.data
    n = len(work)
    xw = res.spec.product
    zm = np.column_stack([np.ones(n), work[[VARS["x"], "ccraft_w1", xw, "tenure"]]])
    zy = np.column_stack([np.ones(n), work[[VARS["x"], VARS["m"], "tenure"]]])
    wc = res.probes[2] - res.spec.centers["ccraft_w1"]

    def indirect(rows):
        a = np.linalg.lstsq(zm[rows], work[VARS["m"]].to_numpy()[rows], rcond=None)[0]
        bb = np.linalg.lstsq(zy[rows], work[VARS["y"]].to_numpy()[rows], rcond=None)[0]
        return (a[1] + a[3] * wc) * bb[2]

    from craftwave.analysis.bootstrap import resample_weights

    counts = resample_weights(n, b, seed)
    boot = np.array([indirect(np.repeat(np.arange(n), c)) for c in counts])
    est = indirect(np.arange(n))
    jack = np.array([indirect(np.delete(np.arange(n), i)) for i in range(n)])
    z0 = stats.norm.ppf((np.sum(boot < est) + 0.5 * np.sum(boot == est)) / b)
    d = jack.mean() - jack
    acc = np.sum(d**3) / (6 * np.sum(d**2) ** 1.5)
    ends = []
    for z in stats.norm.ppf([0.025, 0.975]):
        p = stats.norm.cdf(z0 + (z0 + z) / (1 - acc * (z0 + z)))
        ends.append(np.quantile(boot, p))
    got = res.conditional_indirect.iloc[2]
    assert got.est == pytest.approx(est, abs=1e-12)
    assert got.ci_lower == pytest.approx(ends[0], abs=1e-10)
    assert got.ci_upper == pytest.approx(ends[1], abs=1e-10)
    # BCa differs from the percentile interval on the same draws
    perc = np.quantile(boot, [0.025, 0.975])
    assert not np.allclose(perc, ends)


@pytest.mark.parametrize("model", [7, 8, 14])
def test_johnson_neyman_boundary_is_where_the_ci_touches_zero(data, model):
    res = moderated_mediation(data, **VARS, **MODERATOR[model], model=model, bootstrap=0)
    z = stats.norm.ppf(0.975)
    assert not res.johnson_neyman.empty
    for _, row in res.johnson_neyman.iterrows():
        eff = res.spec.slope(row.effect, row.boundary)
        est, se = eff.value(res.theta), eff.delta_se(res.theta, res.vcov)
        assert abs(est) == pytest.approx(z * se, rel=1e-9)
        # just inside a significant region the effect is significant, just outside it is not
        for lo, hi in res.jn_regions[row.effect]:
            for inside in (lo + 1e-3, hi - 1e-3):
                if np.isfinite(inside):
                    e2 = res.spec.slope(row.effect, inside)
                    assert abs(e2.value(res.theta)) > z * e2.delta_se(res.theta, res.vcov)


def test_simple_slopes_are_the_moderated_path(data):
    res = moderated_mediation(data, **VARS, w="ccraft_w1", model=8, bootstrap=0)
    p = res.paths.set_index("label")
    s = res.simple_slopes
    a_path = s[s.effect == "icraft_w1 -> resil_w2"]
    wc = a_path.w_value - res.spec.centers["ccraft_w1"]
    np.testing.assert_allclose(a_path.est, p.est["a1"] + p.est["a3"] * wc, rtol=1e-12)
    np.testing.assert_allclose(res.conditional_direct.est, p.est["c1"] + p.est["c3"] * wc,
                               rtol=1e-12)
    # without a bootstrap, intervals are delta-method normal intervals
    ci = res.conditional_indirect
    np.testing.assert_allclose(ci.ci_upper - ci.est, stats.norm.ppf(0.975) * ci.se)
    assert res.bootstrap.ci == "delta"


def test_centering_does_not_change_the_conditional_effects(data):
    kw = dict(**VARS, w="ccraft_w1", model=7, bootstrap=300, seed=3)
    c = moderated_mediation(data, center=True, **kw)
    u = moderated_mediation(data, center=False, **kw)
    pd.testing.assert_frame_equal(c.conditional_indirect, u.conditional_indirect, rtol=1e-8)
    assert c.index.est[0] == pytest.approx(u.index.est[0], rel=1e-10)


def test_probe_values():
    s = pd.Series(np.arange(1.0, 101.0))
    np.testing.assert_allclose(probe_values(s), [s.mean() - s.std(), s.mean(), s.mean() + s.std()])
    np.testing.assert_allclose(probe_values(s, "percentile"), np.percentile(s, [16, 50, 84]))
    np.testing.assert_allclose(probe_values(pd.Series([0, 1, 1, 0, 1])), [0, 1])
    np.testing.assert_allclose(probe_values(s, [2, 3]), [2, 3])
    with pytest.raises(ModelError):
        probe_values(s, "quartiles")


def test_listwise_deletion_is_reported(data):
    holed = data.copy()
    holed.loc[[0, 5, 9], "resil_w2"] = np.nan
    res = moderated_mediation(holed, **VARS, w="ccraft_w1", bootstrap=0)
    assert res.n == len(data) - 3 and res.n_dropped == 3
    assert "3 incomplete rows dropped" in res.summary()


def test_input_errors(data):
    with pytest.raises(DataError, match="nope"):
        moderated_mediation(data, **{**VARS, "x": "nope"}, w="ccraft_w1", bootstrap=0)
    with pytest.raises(ModelError, match="model must be"):
        moderated_mediation(data, **VARS, w="ccraft_w1", model=4, bootstrap=0)
    with pytest.raises(ModelError, match="model 14 only"):
        moderated_mediation(data, **VARS, w="ccraft_w1", v="ccraft_w2", model=7, bootstrap=0)
    with pytest.raises(ModelError, match="one moderator"):
        moderated_mediation(data, **VARS, w="ccraft_w1", v="ccraft_w2", model=14, bootstrap=0)
    with pytest.raises(ModelError, match="ci must be"):
        moderated_mediation(data, **VARS, w="ccraft_w1", ci="normal")
    with pytest.raises(ModelError, match="different"):
        moderated_mediation(data, **{**VARS, "y": "resil_w2"}, w="ccraft_w1", bootstrap=0)


def test_model14_accepts_w_as_its_moderator(data):
    a = moderated_mediation(data, **VARS, v="ccraft_w2", model=14, bootstrap=0)
    b = moderated_mediation(data, **VARS, w="ccraft_w2", model=14, bootstrap=0)
    pd.testing.assert_frame_equal(a.paths, b.paths)


def test_plots_and_summary(data, tmp_path):
    res = moderated_mediation(data, **VARS, **MODERATOR[14], model=14, bootstrap=500, seed=1)
    paths = res.save_plots(tmp_path)
    assert [p.name for p in paths] == ["interaction.png", "conditional_indirect.png"]
    assert all(p.stat().st_size > 1000 for p in paths)
    band = res.indirect_over(res.probes)
    np.testing.assert_allclose(band.est, res.conditional_indirect.est)
    np.testing.assert_allclose(band.ci_lower, res.conditional_indirect.ci_lower)
    from craftwave.analysis.mediation.plots import interaction_predictions

    pred = interaction_predictions(res)
    lines = list(pred["lines"].values())
    # the slope of each line is the simple slope at that moderator value
    slopes = [np.polyfit(pred["grid"], line, 1)[0] for line in lines]
    np.testing.assert_allclose(slopes, res.simple_slopes.est, rtol=1e-9)
    text = res.summary()
    assert "PROCESS model 14" in text and "Johnson-Neyman" in text


@pytest.fixture(scope="module")
def fiml_fitted():
    data = pd.read_csv(REF / "data" / "mediation_missing.csv")
    res = moderated_mediation(data, **VARS, w="ccraft_w1", model=7, bootstrap=0, missing="fiml")
    return res, json.loads((REF / "mediation_model7_fiml.json").read_text())


class TestFimlAgainstLavaan:
    """Model 7 with values missing in M and Y: FIML (lavaan sem(missing = "ml")) estimates and
    standard errors (observed information) within 1e-6 (the issue asks 1e-3)."""

    EST_TOL = 1e-6
    SE_TOL = 1e-6

    def test_paths(self, fiml_fitted):
        res, ref = fiml_fitted
        assert ref["n_missing_m"] > 20 and ref["n_missing_y"] > 20
        assert res.n == ref["n"] and res.n_dropped == 0
        rows = [r for r in ref["ml"]
                if r["op"] in ("~", "~1", "~~") and r["lhs"] in (VARS["m"], VARS["y"])]
        assert len(rows) == len(res.paths)
        for r in rows:
            got = _row(res.paths, r["lhs"], r["op"], r["rhs"])
            assert got.est == pytest.approx(r["est"], abs=self.EST_TOL)
            assert got.se == pytest.approx(r["se"], abs=self.SE_TOL)

    def test_defined_effects(self, fiml_fitted):
        res, ref = fiml_fitted
        defs = {r["lhs"]: r for r in ref["ml"] if r["op"] == ":="}
        for i, name in enumerate(["ind_lo", "ind_mid", "ind_hi"]):
            got = res.conditional_indirect.iloc[i]
            assert got.est == pytest.approx(defs[name]["est"], abs=self.EST_TOL)
            assert got.se == pytest.approx(defs[name]["se"], abs=self.SE_TOL)
        assert res.index.est[0] == pytest.approx(defs["index"]["est"], abs=self.EST_TOL)
        assert res.index.se[0] == pytest.approx(defs["index"]["se"], abs=self.SE_TOL)
        assert "FIML" in res.summary()


def test_fiml_bootstrap_runs_on_the_general_path():
    data = pd.read_csv(REF / "data" / "mediation_missing.csv")
    res = moderated_mediation(data, **VARS, w="ccraft_w1", model=7, bootstrap=30, seed=2,
                              missing="fiml")
    assert res.bootstrap.n_failed == 0 and res.draws.shape[0] == 30
    ci = res.conditional_indirect
    assert (ci.ci_lower < ci.est).all() and (ci.est < ci.ci_upper).all()
    listwise = moderated_mediation(data, **VARS, w="ccraft_w1", model=7, bootstrap=0)
    assert listwise.n < res.n  # FIML keeps the rows listwise deletion drops
