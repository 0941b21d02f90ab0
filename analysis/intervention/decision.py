"""The platform's decision about an intervention arm, by one rule on the pre-declared contrast.

The rule reads only the primary contrast (the study's ``intervention.primary``: outcome and
wave, declared before the first consent), estimated by intention to treat
(:func:`craftwave.analysis.intervention.itt.itt_fiml`), with its 95% interval and the smallest
effect worth acting on (``smallest_effect``, in outcome points; default 0.2 baseline SD):

1. **scale**: the interval lies above zero, the arm helped.
2. **no effect detected**: the interval lies below the smallest worthwhile effect: a benefit
   worth scaling is ruled out (if it lies below zero, the arm did worse).
3. **promising: run longer or larger**: the interval includes zero, but the estimate itself
   reaches the smallest worthwhile effect: more data could confirm it.
4. **inconclusive**: anything else (the estimate is below a worthwhile effect, yet the interval
   is too wide to rule one out), or the primary analysis could not be made.

Secondary contrasts (other waves, ANCOVA, difference-in-differences) are reported beside it with
their intervals and never change the decision. Under a true effect of zero, "scale" is chosen
only when the 95% interval excludes zero from above: at most 2.5% of studies (one-sided), which
:func:`simulate_rule` checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from craftwave.analysis.intervention.itt import IttResult, itt_fiml

Verdict = Literal["scale", "promising", "no_effect", "inconclusive"]

LABELS: dict[str, str] = {
    "scale": "scale",
    "promising": "promising: run longer or larger",
    "no_effect": "no effect detected",
    "inconclusive": "inconclusive",
}
"""The rule's four outcomes, as the report names them."""

SESOI_SD = 0.2
"""Default smallest effect worth acting on, in baseline standard deviations."""


def verdict(est: float, ci_lower: float, ci_upper: float, smallest_effect: float) -> Verdict:
    """The rule (see the module's docstring) applied to one estimate and its interval."""
    if not np.all(np.isfinite([est, ci_lower, ci_upper])):
        return "inconclusive"
    if ci_lower > 0:
        return "scale"
    if ci_upper < smallest_effect:
        return "no_effect"
    if est >= smallest_effect:
        return "promising"
    return "inconclusive"


@dataclass(frozen=True)
class Decision:
    """The decision about one arm, with the numbers it rests on and the words for it."""

    arm: str
    control: str
    outcome: str
    wave: int
    verdict: Verdict
    est: float
    ci_lower: float
    ci_upper: float
    smallest_effect: float
    nobs: int

    @property
    def label(self) -> str:
        return LABELS[self.verdict]

    def headline(self) -> str:
        """The decision in plain words (one sentence)."""
        what = f"'{self.arm}'"
        return {
            "scale": f"Scale {what}: it raised {self.outcome_words} compared with "
                     f"'{self.control}'.",
            "promising": f"{what} is promising: run it longer or with more workers before "
                         "scaling it.",
            "no_effect": (f"No effect of {what} detected: a worthwhile gain in "
                          f"{self.outcome_words} is ruled out."
                          if self.ci_upper >= 0 else
                          f"Do not scale {what}: {self.outcome_words} was lower than in "
                          f"'{self.control}'."),
            "inconclusive": (f"Inconclusive for {what}: the estimate "
                             + (f"favours it ({self.est:+.2f} points) but stays below"
                                if self.est > 0 else f"({self.est:+.2f} points) is below")
                             + f" the smallest worthwhile effect ({self.smallest_effect:.2f}), "
                             "and the study cannot yet tell whether it helps."),
        }[self.verdict]

    @property
    def outcome_words(self) -> str:
        return f"{self.outcome} at wave {self.wave}"

    def evidence(self) -> str:
        """The numbers the decision rests on, in one line."""
        return (f"difference {self.est:+.2f} points (95% CI {self.ci_lower:.2f} to "
                f"{self.ci_upper:.2f}); smallest worthwhile effect {self.smallest_effect:.2f}")

    def to_dict(self) -> dict[str, Any]:
        return {"arm": self.arm, "control": self.control, "outcome": self.outcome,
                "wave": self.wave, "verdict": self.verdict, "label": self.label,
                "headline": self.headline(), "est": self.est, "ci_lower": self.ci_lower,
                "ci_upper": self.ci_upper, "smallest_effect": self.smallest_effect,
                "nobs": self.nobs}


def decide(itt: IttResult, smallest_effect: float) -> list[Decision]:
    """One decision per non-control arm from the primary intention-to-treat result."""
    return [Decision(arm=str(r.arm), control=str(r.control), outcome=itt.outcome,
                     wave=itt.wave, verdict=verdict(r.est, r.ci_lower, r.ci_upper,
                                                    smallest_effect),
                     est=float(r.est), ci_lower=float(r.ci_lower), ci_upper=float(r.ci_upper),
                     smallest_effect=float(smallest_effect), nobs=itt.nobs)
            for r in itt.params.itertuples(index=False)]


def smallest_effect_default(baseline: pd.Series) -> float:
    """:data:`SESOI_SD` baseline standard deviations."""
    return SESOI_SD * float(pd.to_numeric(baseline, errors="coerce").std())


def simulate_rule(effect: float, *, n_per_arm: int, n_studies: int,
                  rng: np.random.Generator, dropout: float = 0.3,
                  correlation: float = 0.6) -> pd.Series:
    """How often each verdict comes out across simulated randomised studies.

    Each study draws a standardised baseline and primary outcome (correlated ``correlation``)
    for two arms of ``n_per_arm``, adds ``effect`` (in outcome SD) to the treated arm's
    outcome, removes outcomes at random given the baseline (MAR, ``dropout`` on average) and
    applies the rule to :func:`itt_fiml`'s estimate.

    Returns
    -------
    Series
        Share of studies per verdict (``scale``, ``promising``, ``no_effect``,
        ``inconclusive``).
    """
    counts = dict.fromkeys(LABELS, 0)
    n = 2 * n_per_arm
    arm = np.repeat(["control", "treated"], n_per_arm)
    for _ in range(n_studies):
        x0 = rng.normal(size=n)
        y = (correlation * x0 + np.sqrt(1 - correlation**2) * rng.normal(size=n)
             + effect * (arm == "treated"))
        p_drop = 1 / (1 + np.exp(-(np.log(dropout / (1 - dropout)) - 0.8 * x0)))
        y[rng.random(n) < p_drop] = np.nan
        d = pd.DataFrame({"arm": arm, "y_w1": x0, "y_w2": y})
        res = itt_fiml(d, outcome="y", wave=2, baseline_wave=1, other_waves=False)
        (dec,) = decide(res, smallest_effect_default(d["y_w1"]))
        counts[dec.verdict] += 1
    return pd.Series(counts, dtype=float) / n_studies
