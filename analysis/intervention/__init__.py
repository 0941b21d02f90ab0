"""Evaluating an intervention arm: the primary intention-to-treat model (FIML with auxiliary
variables; multiple imputation as the alternative; a delta-adjustment tipping point for
departures from MAR, see :mod:`.itt`), ANCOVA, difference-in-differences and attrition by arm.

Every estimate here is *intention to treat*: participants are analysed in the arm they were
assigned to, whether or not they used what their arm offered. Each result carries a plain
statement of what the design can and cannot show (docs/design.md, "Statistics conventions"):

- ANCOVA (post-intervention outcome on arm, adjusted for the pre-intervention outcome) is a
  valid effect estimate only when arms were assigned at random;
- the difference-in-differences compares changes over waves between arms and rests on parallel
  trends, which one pre-intervention wave cannot check;
- attrition is reported by arm, because dropout that differs by arm biases both estimates.

Standard errors: ANCOVA uses HC3 heteroskedasticity-consistent errors by default (``se="HC3"``,
as R's ``sandwich::vcovHC(type = "HC3")``) or the classic OLS errors (``se="classic"``);
confidence intervals use the t distribution with the residual degrees of freedom, as R's
``lmtest::coefci``. The difference-in-differences uses errors clustered by participant (as
``sandwich::vcovCL(type = "HC1")``, i.e. the G/(G-1) * (N-1)/(N-K) correction) and t intervals
with G - 1 degrees of freedom (G participants).
"""

from craftwave.analysis.intervention.estimate import (
    SeType,
    ancova,
    attrition_by_arm,
    diff_in_diff,
    evaluate_intervention,
)
from craftwave.analysis.intervention.itt import (
    IttResult,
    TippingPoint,
    itt_fiml,
    itt_mi,
    tipping_point,
)
from craftwave.analysis.intervention.results import (
    AncovaResult,
    AttritionResult,
    DidResult,
    InterventionEvaluation,
)

__all__ = [
    "AncovaResult",
    "AttritionResult",
    "DidResult",
    "InterventionEvaluation",
    "IttResult",
    "TippingPoint",
    "SeType",
    "ancova",
    "attrition_by_arm",
    "diff_in_diff",
    "evaluate_intervention",
    "itt_fiml",
    "itt_mi",
    "tipping_point",
]
