"""analysis.intervention against R (lm + sandwich) fixtures, and its statements and errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.intervention import (
    ancova,
    attrition_by_arm,
    diff_in_diff,
    evaluate_intervention,
)
from craftwave.instruments.errors import DataError

REF = Path(__file__).resolve().parents[1] / "reference"
TOL = 1e-8  # the R fixtures carry full precision; OLS agrees with R to ~1e-14
COLS = ["est", "se", "t", "pvalue", "ci_lower", "ci_upper"]


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return pd.read_csv(REF / "data" / "intervention.csv")


def _fixture(name: str) -> dict:
    return json.loads((REF / f"intervention_{name}.json").read_text())


def _compare(ours: pd.DataFrame, theirs: list[dict]) -> None:
    ref = pd.DataFrame(theirs)
    assert len(ours) == len(ref)
    for col in COLS:
        np.testing.assert_allclose(ours[col].to_numpy(), ref[col].to_numpy(), atol=TOL,
                                   err_msg=col)
    np.testing.assert_array_equal(ours["df"].to_numpy(), ref["df"].to_numpy())


class TestAncovaAgainstR:
    @pytest.mark.parametrize("se", ["HC3", "classic"])
    @pytest.mark.parametrize("spec,covariates", [("plain", ()), ("covariate", ("age",))])
    def test_coefficients(self, data, se, spec, covariates):
        ref = _fixture("ancova")["ancova"][spec]
        res = ancova(data, pre="resil_w1", post="resil_w2", covariates=covariates, se=se)
        assert res.n == ref["n"]
        _compare(res.coefficients, ref[se])

    def test_effects_are_the_arm_rows(self, data):
        res = ancova(data, pre="resil_w1", post="resil_w2")
        assert res.effects["arm"].tolist() == ["forum", "mentoring"]
        assert (res.effects["control"] == "control").all()
        coef = res.coefficients.set_index("term")
        for r in res.effects.itertuples():
            assert r.est == coef.loc[f"arm[{r.arm}]", "est"]
        assigned = data["arm"].notna().sum()
        assert res.n + res.n_missing_post == assigned
        assert res.effects["n_arm"].sum() + res.effects["n_control"].iloc[0] == res.n


class TestDidAgainstR:
    @pytest.mark.parametrize("after_wave", [1, 2])
    def test_coefficients(self, data, after_wave):
        ref = _fixture("did")["did"][f"after_wave_{after_wave}"]
        res = diff_in_diff(data, outcome="resil", waves=[1, 2, 3], after_wave=after_wave)
        assert res.n_obs == ref["n_obs"]
        assert res.n_participants == ref["n_participants"]
        _compare(res.coefficients, ref["coefficients"])

    def test_effects_and_placebo(self, data):
        res = diff_in_diff(data, outcome="resil", waves=[1, 2, 3], after_wave=2)
        assert sorted(res.effects["wave"].unique()) == [1, 3]
        assert res.effects.loc[res.effects["wave"] == 1, "placebo"].all()
        assert "placebo" in res.statement
        res1 = diff_in_diff(data, outcome="resil", waves=[1, 2, 3], after_wave=1)
        assert not res1.effects["placebo"].any()
        assert "cannot be checked" in res1.statement


class TestAttritionAgainstR:
    def test_chisq(self, data):
        ref = _fixture("attrition")["attrition"]
        d = data.assign(**{f"p{w}": data[f"resil_w{w}"].notna() for w in (2, 3)})
        res = attrition_by_arm(d, present={2: "p2", 3: "p3"})
        for r in ref:
            t = res.tests.set_index("wave").loc[r["wave"]]
            assert t["chisq"] == pytest.approx(r["chisq"], abs=TOL)
            assert t["df"] == r["df"]
            assert t["pvalue"] == pytest.approx(r["pvalue"], abs=TOL)
            tab = res.table[res.table["wave"] == r["wave"]]
            assert tab["responded"].tolist() == r["responded"]
            assert tab["assigned"].tolist() == r["assigned"]


def test_statements_depend_on_randomisation(data):
    rand = ancova(data, pre="resil_w1", post="resil_w2", randomised=True)
    obs = ancova(data, pre="resil_w1", post="resil_w2", randomised=False)
    assert "assigned at random" in rand.statement
    assert "NOT a valid estimate" in obs.statement
    assert "intention to treat" in rand.statement
    assert rand.effects.equals(obs.effects)  # the numbers do not change, the reading does
    did = diff_in_diff(data, outcome="resil", waves=[1, 2], randomised=False)
    assert "association" in did.statement


def test_recovers_a_known_effect():
    rng = np.random.default_rng(7)
    n = 4000
    arm = rng.choice(["control", "forum"], size=n)
    pre = rng.normal(size=n)
    post = 0.5 * pre + 0.3 * (arm == "forum") + rng.normal(scale=0.5, size=n)
    d = pd.DataFrame({"participant_id": np.arange(n), "arm": arm, "y_w1": pre, "y_w2": post})
    ev = evaluate_intervention(d, outcome="y", waves=[1, 2])
    eff = ev.ancova.effects.iloc[0]
    assert eff["ci_lower"] < 0.3 < eff["ci_upper"]
    assert abs(eff["est"] - 0.3) < 0.05
    did = ev.did.effects.iloc[0]
    assert did["ci_lower"] < 0.3 < did["ci_upper"]
    assert ev.attrition.tests.empty  # nobody dropped out
    json.dumps(ev.to_dict(), default=float)


def test_errors_name_the_problem(data):
    with pytest.raises(DataError, match="resil_w9"):
        ancova(data, pre="resil_w1", post="resil_w9")
    with pytest.raises(DataError, match="at least two arms"):
        ancova(data.assign(arm="control"), pre="resil_w1", post="resil_w2")
    with pytest.raises(DataError, match="control arm 'none'"):
        ancova(data, pre="resil_w1", post="resil_w2", control="none")
    with pytest.raises(DataError, match="non-numeric"):
        ancova(data.assign(resil_w1=data["resil_w1"].astype(object).where(data.index != 3, "x")),
               pre="resil_w1", post="resil_w2")
    with pytest.raises(DataError, match="pre-intervention wave 3"):
        diff_in_diff(data, outcome="resil", waves=[1, 2, 3], after_wave=3)
    with pytest.raises(DataError, match="standard-error type"):
        ancova(data, pre="resil_w1", post="resil_w2", se="HC9")
