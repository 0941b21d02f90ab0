"""Result objects of the intervention analyses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class AncovaResult:
    """ANCOVA of a post-intervention outcome on arm, adjusted for its pre-intervention value.

    Attributes
    ----------
    coefficients : DataFrame
        Every coefficient of the model (``term, est, se, t, df, pvalue, ci_lower, ci_upper``).
    effects : DataFrame
        One row per non-control arm: ``arm, control, est, se, t, df, pvalue, ci_lower,
        ci_upper, n_arm, n_control`` (the adjusted difference arm minus control).
    """

    outcome: str
    pre: str
    post: str
    control: str
    coefficients: pd.DataFrame
    effects: pd.DataFrame
    n: int
    n_missing_post: int
    se_type: str
    level: float
    randomised: bool
    statement: str

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (for JSON)."""
        return {
            "analysis": "ancova",
            "outcome": self.outcome,
            "pre": self.pre,
            "post": self.post,
            "control": self.control,
            "n": self.n,
            "n_missing_post": self.n_missing_post,
            "se_type": self.se_type,
            "level": self.level,
            "randomised": self.randomised,
            "effects": self.effects.to_dict(orient="records"),
            "coefficients": self.coefficients.to_dict(orient="records"),
            "statement": self.statement,
        }

    def summary(self) -> str:
        """A short text summary."""
        return _summary("ANCOVA (intention to treat)", self.effects, self.statement,
                        f"N = {self.n}; SE: {self.se_type}")


@dataclass(frozen=True)
class DidResult:
    """Difference-in-differences over waves: arm x wave interactions in long format.

    Attributes
    ----------
    coefficients : DataFrame
        Every coefficient (intercept, arm, wave, arm x wave).
    effects : DataFrame
        One row per non-control arm and wave other than the reference wave: ``arm, wave,
        reference_wave, est, se, t, df, pvalue, ci_lower, ci_upper``: the change from the
        reference wave in the arm minus the same change in the control arm. Waves up to
        ``after_wave`` are placebo (pre-intervention) contrasts.
    """

    outcome: str
    control: str
    reference_wave: int
    after_wave: int
    waves: tuple[int, ...]
    coefficients: pd.DataFrame
    effects: pd.DataFrame
    n_obs: int
    n_participants: int
    level: float
    randomised: bool
    statement: str

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (for JSON)."""
        return {
            "analysis": "difference_in_differences",
            "outcome": self.outcome,
            "control": self.control,
            "reference_wave": self.reference_wave,
            "after_wave": self.after_wave,
            "waves": list(self.waves),
            "n_obs": self.n_obs,
            "n_participants": self.n_participants,
            "se_type": "cluster-robust by participant (CR1)",
            "level": self.level,
            "randomised": self.randomised,
            "effects": self.effects.to_dict(orient="records"),
            "coefficients": self.coefficients.to_dict(orient="records"),
            "statement": self.statement,
        }

    def summary(self) -> str:
        """A short text summary."""
        return _summary("Difference-in-differences (intention to treat)", self.effects,
                        self.statement,
                        f"{self.n_obs} observations of {self.n_participants} participants; "
                        "SE clustered by participant")


@dataclass(frozen=True)
class AttritionResult:
    """Retention per arm and wave, with a chi-square test of equal retention per wave.

    Attributes
    ----------
    table : DataFrame
        ``arm, wave, assigned, responded, retained`` (share of the arm's assigned participants
        who responded at the wave).
    tests : DataFrame
        ``wave, chisq, df, pvalue, min_expected`` (Pearson's chi-square without continuity
        correction, arms x responded; waves where everyone or no one responded are left out).
    """

    table: pd.DataFrame
    tests: pd.DataFrame
    statement: str

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (for JSON)."""
        return {
            "analysis": "attrition_by_arm",
            "table": self.table.to_dict(orient="records"),
            "tests": self.tests.to_dict(orient="records"),
            "statement": self.statement,
        }


@dataclass(frozen=True)
class InterventionEvaluation:
    """The three analyses of one intervention together, with one overall statement."""

    ancova: AncovaResult | None
    did: DidResult | None
    attrition: AttritionResult
    randomised: bool
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (for JSON)."""
        return {
            "randomised": self.randomised,
            "ancova": None if self.ancova is None else self.ancova.to_dict(),
            "did": None if self.did is None else self.did.to_dict(),
            "attrition": self.attrition.to_dict(),
            "notes": list(self.notes),
        }



def _summary(title: str, effects: pd.DataFrame, statement: str, info: str) -> str:
    lines = [title, info]
    for r in effects.to_dict(orient="records"):
        where = f" at wave {r['wave']}" if "wave" in r else ""
        lines.append(
            f"  {r['arm']} vs {r['control']}{where}: {r['est']:.3f} "
            f"[{r['ci_lower']:.3f}, {r['ci_upper']:.3f}], p = {r['pvalue']:.3f}"
        )
    lines.append(statement)
    return "\n".join(lines)
