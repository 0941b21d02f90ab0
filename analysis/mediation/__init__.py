"""Moderated mediation (PROCESS models 7, 8 and 14) with a closed-form bootstrap."""

from analysis.mediation.fit import moderated_mediation
from analysis.mediation.result import BootstrapInfo, ModeratedMediationResult
from analysis.mediation.spec import MODELS, probe_values

__all__ = [
    "MODELS",
    "BootstrapInfo",
    "ModeratedMediationResult",
    "moderated_mediation",
    "probe_values",
]
