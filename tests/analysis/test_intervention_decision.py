"""The platform's decision rule: its four outcomes, and its false-scale rate by simulation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from craftwave.analysis.intervention.decision import (
    LABELS,
    decide,
    simulate_rule,
    smallest_effect_default,
    verdict,
)
from craftwave.analysis.intervention.itt import IttResult


@pytest.mark.parametrize(("est", "lo", "hi", "expected"), [
    (0.40, 0.10, 0.70, "scale"),
    (0.05, 0.01, 0.09, "scale"),       # above zero, however small: the rule's first line
    (0.02, -0.08, 0.12, "no_effect"),  # a worthwhile effect (0.2) is ruled out
    (-0.40, -0.70, -0.10, "no_effect"),
    (0.25, -0.05, 0.55, "promising"),  # the estimate reaches 0.2, the interval includes 0
    (0.10, -0.20, 0.40, "inconclusive"),
    (-0.05, -0.35, 0.25, "inconclusive"),
    (float("nan"), -1.0, 1.0, "inconclusive"),
])
def test_the_rule(est, lo, hi, expected):
    assert verdict(est, lo, hi, smallest_effect=0.2) == expected


def test_decisions_speak_plainly_and_carry_their_evidence():
    params = pd.DataFrame([{"arm": "forum", "control": "control", "est": -0.5, "se": 0.1,
                            "z": -5, "pvalue": 0.0, "ci_lower": -0.7, "ci_upper": -0.3}])
    itt = IttResult(outcome="resil_w3", wave=3, baseline="resil_w1", control="control",
                    params=params, nobs=300, n_by_arm={}, n_observed={}, method="FIML",
                    auxiliary=[], level=0.95)
    (dec,) = decide(itt, smallest_effect=0.15)
    assert dec.verdict == "no_effect" and dec.label == LABELS["no_effect"]
    assert dec.headline().startswith("Do not scale 'forum'")
    assert "-0.70 to -0.30" in dec.evidence()
    assert smallest_effect_default(pd.Series([1.0, 2.0, 3.0])) == pytest.approx(0.2)


def test_with_no_true_effect_at_most_five_percent_recommend_scaling():
    rates = simulate_rule(0.0, n_per_arm=120, n_studies=160, rng=np.random.default_rng(17))
    assert rates.sum() == pytest.approx(1.0)
    assert rates["scale"] <= 0.05
    assert rates["no_effect"] + rates["inconclusive"] > 0.8


def test_a_large_true_effect_is_detected_most_of_the_time():
    rates = simulate_rule(0.6, n_per_arm=120, n_studies=40, rng=np.random.default_rng(3))
    assert rates["scale"] >= 0.9
    assert rates["no_effect"] == 0
