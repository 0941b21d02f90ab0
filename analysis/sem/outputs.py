"""The output a paper needs, in one import: R-squared, standardized solutions, residuals and
factor scores of a fitted model (each in its own module, as lavaan computes it)."""

from craftwave.analysis.sem.predict import predict
from craftwave.analysis.sem.residuals import residuals
from craftwave.analysis.sem.rsquare import rsquare
from craftwave.analysis.sem.stdsolution import standardized_solution

__all__ = ["predict", "residuals", "rsquare", "standardized_solution"]
