"""Intention to treat: FIML with auxiliaries against lavaan, multiple imputation against mice,
the delta-adjustment tipping point, and that data-quality flags never shrink the ITT set."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.intervention.itt import itt_fiml, itt_mi, rubin, tipping_point
from craftwave.instruments.errors import DataError
from tests.analysis.conftest import load_reference, load_reference_data

FIML_TOL = 1e-5  # the optimisers stop at slightly different points (lavaan's nlminb vs ours)


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return load_reference_data("intervention_itt.csv")


@pytest.fixture(scope="module")
def ref() -> dict:
    return load_reference("intervention_itt")


def test_fiml_without_auxiliaries_matches_lavaan(data, ref):
    res = itt_fiml(data, outcome="resil", wave=3, baseline_wave=1, other_waves=False)
    row = res.params.iloc[0]
    for key in ("est", "se", "ci_lower", "ci_upper"):
        assert row[key] == pytest.approx(ref["fiml_plain"][key], abs=FIML_TOL), key
    assert res.nobs == ref["fiml_plain"]["nobs"] == len(data)  # every randomised row


def test_fiml_with_auxiliaries_matches_lavaan(data, ref):
    res = itt_fiml(data, outcome="resil", wave=3, baseline_wave=1, auxiliary=["meaning_w2"])
    assert res.auxiliary == ["resil_w2", "meaning_w2"]
    row = res.params.iloc[0]
    for key in ("est", "se", "ci_lower", "ci_upper"):
        assert row[key] == pytest.approx(ref["fiml_aux"][key], abs=FIML_TOL), key
    # the auxiliaries carry information: the estimate moves away from the complete-case one
    assert row["est"] != pytest.approx(ref["complete_cases"]["est"], abs=1e-3)
    assert res.n_observed["forum"] < res.n_by_arm["forum"]


def test_multiple_imputation_agrees_with_mice_within_simulation_error(data, ref):
    res = itt_mi(data, outcome="resil", wave=3, baseline_wave=1, auxiliary=["meaning_w2"],
                 m=20, seed=np.random.default_rng(11))
    row, mi = res.params.iloc[0], ref["mi"]
    assert res.m == 20 and res.method == "MI" and res.nobs == len(data)
    assert abs(row["est"] - mi["est"]) < 0.3 * mi["se"]
    assert 0.8 < row["se"] / mi["se"] < 1.25
    fiml = ref["fiml_aux"]
    assert abs(row["est"] - fiml["est"]) < 0.3 * fiml["se"]


def test_rubins_rules_by_hand():
    q = np.array([[1.0], [1.2], [0.8], [1.1]])
    u = np.array([[0.04], [0.05], [0.03], [0.04]])
    est, total, df = rubin(q, u)
    b = np.var(q[:, 0], ddof=1)
    assert est[0] == pytest.approx(1.025)
    assert total[0] == pytest.approx(0.04 + 1.25 * b)
    lam = 1.25 * b / total[0]
    assert df[0] == pytest.approx(3 / lam**2)


def test_tipping_point_finds_the_shift_that_changes_the_conclusion(data):
    tp = tipping_point(data, outcome="resil", wave=3, baseline_wave=1, auxiliary=["meaning_w2"],
                       m=20, seed=np.random.default_rng(5))
    assert tp.conclusion_at_mar == "benefit"
    assert tp.tipping_delta is not None and tp.tipping_delta < 0
    grid = tp.params.set_index("delta")
    assert (np.diff(grid.index.to_numpy()) < 0).all()  # the shifts run away from the effect
    assert (np.diff(grid["est"].to_numpy()) < 0).all()  # and the estimate falls with them
    at_tip = grid.loc[tp.tipping_delta]
    assert at_tip["ci_lower"] <= 0
    before = grid[grid.index > tp.tipping_delta]
    assert (before["ci_lower"] > 0).all()


def test_quality_flags_never_reduce_the_itt_set(data):
    flagged = data.assign(flag_speeder=np.arange(len(data)) % 4 == 0)
    res = itt_fiml(flagged, outcome="resil", wave=3, baseline_wave=1, other_waves=False)
    assert res.nobs == len(data)
    unassigned = pd.concat([data, data.head(5).assign(arm=np.nan)], ignore_index=True)
    res2 = itt_fiml(unassigned, outcome="resil", wave=3, baseline_wave=1, other_waves=False)
    assert res2.nobs == len(data)  # people without an arm were never randomised


def test_errors_are_typed(data):
    with pytest.raises(DataError, match="resil_w4"):
        itt_fiml(data, outcome="resil", wave=4, baseline_wave=1)
    with pytest.raises(DataError, match="at least two arms"):
        itt_fiml(data[data["arm"] == "forum"], outcome="resil", wave=3, baseline_wave=1)
    with pytest.raises(DataError, match="at least 2"):
        itt_mi(data, outcome="resil", wave=3, baseline_wave=1, m=1, seed=1)


def test_sensitivity_analyses_are_reproducible_from_their_seed(data):
    from craftwave.analysis.intervention.itt import sensitivity_analyses

    kw = dict(outcome="resil", wave=3, baseline_wave=1, auxiliary=["meaning_w2"], m=5, seed=9)
    (mi1, (tp1,)), (mi2, (tp2,)) = sensitivity_analyses(data, **kw), sensitivity_analyses(data, **kw)
    assert mi1.params.equals(mi2.params) and tp1.params.equals(tp2.params)
    assert tp1.params.iloc[0]["est"] == pytest.approx(mi1.params.iloc[0]["est"])  # delta 0 = MI
