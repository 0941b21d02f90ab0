"""Sample statistics for ordered-categorical indicators: thresholds and polychoric correlations.

The first stage of lavaan's WLSMV (``lavCor(..., ordered = TRUE)``): each item's thresholds from
its own margins, then each pair's polychoric correlation by maximum likelihood given those
thresholds (lavaan's two-step estimator), and the asymptotic covariance of all of them that the
weighted least squares fit and its robust test need.
"""

from craftwave.analysis.sem.categorical.bivariate import bivariate_normal_cdf, bivariate_normal_pdf
from craftwave.analysis.sem.categorical.conditional import ConditionalStats, conditional_stats
from craftwave.analysis.sem.categorical.dwls import OrdinalFit, fit_ordinal
from craftwave.analysis.sem.categorical.polychoric import OrdinalStats, ordinal_stats
from craftwave.analysis.sem.categorical.reliability import (
    categorical_omega,
    ordinal_alpha,
    ordinal_reliability,
)

__all__ = ["ConditionalStats", "OrdinalFit", "OrdinalStats", "bivariate_normal_cdf",
           "bivariate_normal_pdf", "categorical_omega", "conditional_stats", "fit_ordinal",
           "ordinal_alpha", "ordinal_reliability", "ordinal_stats"]
