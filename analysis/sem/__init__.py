"""craftwave's SEM engine: lavaan syntax in, lavaan-identical estimates and fit measures out.

High level: :func:`fit` (a DataFrame) returns an :class:`SEMResult`; ``fit(..., function=
"lavaan"|"sem"|"cfa"|"growth", meanstructure=..., std_lv=..., ...)`` takes lavaan's function modes
and options (:func:`model_options`).

Low level, for bootstraps and simulations (compile once, refit many times)::

    from craftwave.analysis.sem import compile_model, fit_moments, moments_from_data
    cm = compile_model(syntax, meanstructure=False)       # parse + build matrices once
    g = moments_from_data(Y)                              # Y: columns in cm.ov_names order
    full = fit_moments(cm, [g])
    boot = fit_moments(cm, [moments_from_data(Y, w=counts)], start=full.theta)

FIML takes ``patterns_from_data(Y_with_nan, w)`` instead of moments (vectorised by pattern).
``Evaluator`` exposes the objective, analytic gradient, expected/observed information and
casewise scores of a compiled model on given data; ``GroupMoments(n, S, ybar)`` can be built
directly from sample moments (S with divisor n).

The output a paper needs, each as lavaan computes it: methods of :class:`SEMResult`
(``rsquare()``, ``standardized_solution(type)``, ``residuals(type)``, ``predict(data,
method)``), or the functions of :mod:`craftwave.analysis.sem.outputs`.
"""

from craftwave.analysis.sem.api import baseline_syntax, fit, fit_moments, prepare_groups
from craftwave.analysis.sem.estimation import (
    Evaluator,
    FitState,
    GroupMoments,
    GroupPatterns,
    moments_from_data,
    patterns_from_data,
    start_values,
)
from craftwave.analysis.sem.lrt import ComparisonResult, compare
from craftwave.analysis.sem.options import FUNCTIONS, ModelOptions, model_options
from craftwave.analysis.sem.result import SEMResult
from craftwave.analysis.sem.specification import CompiledModel, compile_model
from craftwave.analysis.sem.syntax import parse_model

__all__ = [
    "CompiledModel",
    "ComparisonResult",
    "Evaluator",
    "FUNCTIONS",
    "FitState",
    "GroupMoments",
    "GroupPatterns",
    "ModelOptions",
    "SEMResult",
    "baseline_syntax",
    "compare",
    "compile_model",
    "fit",
    "fit_moments",
    "model_options",
    "moments_from_data",
    "parse_model",
    "patterns_from_data",
    "prepare_groups",
    "start_values",
]
