"""Nonparametric bootstrap: resample weights, intervals, the closed form and the general path.

Two estimators share one resampling scheme (:mod:`analysis.bootstrap.weights`):

* the closed form (:mod:`analysis.bootstrap.closed_form`) for complete-data recursive path models
  of observed variables, whose ML estimates are per-equation least squares: all resamples are
  solved at once as batched weighted least squares;
* the general path for any model the SEM engine fits (latent variables, FIML, groups, ``:=``).
"""

from analysis.bootstrap.closed_form import Equation, RecursivePathModel
from analysis.bootstrap.intervals import bca_interval, percentile_interval
from analysis.bootstrap.runner import closed_form_draws
from analysis.bootstrap.weights import CHUNK_SIZE, jackknife_weights, resample_weights

__all__ = [
    "CHUNK_SIZE",
    "Equation",
    "RecursivePathModel",
    "bca_interval",
    "closed_form_draws",
    "jackknife_weights",
    "percentile_interval",
    "resample_weights",
]
