"""Nonparametric bootstrap: resample weights, intervals, the closed form and the general path.

Two estimators share one resampling scheme (:mod:`craftwave.analysis.bootstrap.weights`):

* the closed form (:mod:`craftwave.analysis.bootstrap.closed_form`) for complete-data recursive path models
  of observed variables, whose ML estimates are per-equation least squares: all resamples are
  solved at once as batched weighted least squares;
* the general path for any model the SEM engine fits (latent variables, FIML, groups, ``:=``).

The package is itself callable: ``analysis.bootstrap(fit_result, data, n=...)`` is
:func:`craftwave.analysis.bootstrap.general.bootstrap`, while ``analysis.bootstrap.weights`` and the other
modules stay importable under their names.
"""

import sys
import types

from craftwave.analysis.bootstrap.closed_form import Equation, RecursivePathModel
from craftwave.analysis.bootstrap.general import bootstrap
from craftwave.analysis.bootstrap.intervals import bca_interval, percentile_interval
from craftwave.analysis.bootstrap.result import BootstrapResult
from craftwave.analysis.bootstrap.runner import closed_form_draws
from craftwave.analysis.bootstrap.weights import CHUNK_SIZE, jackknife_weights, resample_weights

__all__ = [
    "CHUNK_SIZE",
    "BootstrapResult",
    "Equation",
    "RecursivePathModel",
    "bca_interval",
    "bootstrap",
    "closed_form_draws",
    "jackknife_weights",
    "percentile_interval",
    "resample_weights",
]


class _CallableModule(types.ModuleType):
    """The ``analysis.bootstrap`` package, callable as :func:`bootstrap`."""

    def __call__(self, *args, **kwargs) -> BootstrapResult:
        return bootstrap(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
