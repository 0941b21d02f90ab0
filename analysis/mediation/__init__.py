"""Moderated mediation (PROCESS models 7, 8 and 14) with a closed-form bootstrap."""

from craftwave.analysis.mediation.fit import moderated_mediation
from craftwave.analysis.mediation.result import BootstrapInfo, ModeratedMediationResult
from craftwave.analysis.mediation.spec import MODELS, probe_values

__all__ = [
    "MODELS",
    "BootstrapInfo",
    "ModeratedMediationResult",
    "moderated_mediation",
    "probe_values",
]
