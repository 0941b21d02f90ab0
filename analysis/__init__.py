"""What the answers say: scoring, psychometrics, SEM and longitudinal panel models.

The public API is flat and re-exported here explicitly. Each area keeps its imports in its own
block below (edit only your block).
"""

# -- SEM engine (analysis.sem, analysis.invariance) ------------------------------------------
from craftwave.analysis.invariance import InvarianceResult, invariance  # noqa: E402
from craftwave.analysis.sem import CompiledModel, SEMResult, compile_model, fit, fit_moments  # noqa: E402
from craftwave.analysis.sem.lrt import ComparisonResult, compare  # noqa: E402

# isort: split

# -- data in, data quality, descriptives, reliability ----------------------------------------
from craftwave.analysis.data import (  # noqa: E402
    Export,
    long_to_wide,
    read_data,
    read_export,
    score_all,
    verify_export,
    wide_to_long,
)
from craftwave.analysis.descriptives import (  # noqa: E402
    CorrelationTable,
    correlation_table,
    correlation_tables_by_wave,
    describe,
    mean_ci,
)
from craftwave.analysis.omega_h import OmegaHierarchical, omega_hierarchical  # noqa: E402
from craftwave.analysis.quality import Exclusion, apply_quality, quality_flags  # noqa: E402
from craftwave.analysis.reliability import (  # noqa: E402
    Reliability,
    ave,
    composite_reliability,
    cronbach_alpha,
    htmt,
    omega_total,
    reliability,
    reliability_table,
)

# isort: split
# -- panel models, moderated mediation, bootstrap, growth, attrition, simulation, power -------
from craftwave.analysis import bootstrap  # noqa: E402  (a callable package: analysis.bootstrap(fit, data, n=...))
from craftwave.analysis.bootstrap import BootstrapResult  # noqa: E402
from craftwave.analysis.mediation import ModeratedMediationResult, moderated_mediation  # noqa: E402

# isort: split
from craftwave.analysis.attrition import (  # noqa: E402
    MCARResult,
    dropout_comparison,
    little_mcar,
    missingness_by_wave,
    missingness_patterns,
)
from craftwave.analysis.growth import GrowthResult, growth  # noqa: E402
from craftwave.analysis.growth_latent import LatentGrowth, latent_growth  # noqa: E402
from craftwave.analysis.panel import PanelModel, clpm, focal, lcs, riclpm  # noqa: E402
from craftwave.analysis.power import PowerResult, power  # noqa: E402
from craftwave.analysis.simulate import FocalPopulation, RICLPMPopulation, SimulatedPanel, simulate  # noqa: E402
from craftwave.analysis.simulate_extra import ExtraPopulation  # noqa: E402

__all__: list[str] = []

__all__ += [  # SEM engine
    "CompiledModel", "InvarianceResult", "SEMResult", "compile_model", "fit", "fit_moments",
    "invariance",
]
__all__ += ["ComparisonResult", "compare"]  # SEM: nested comparisons (lavTestLRT)

# -- intervention evaluation (analysis.intervention) ------------------------------------------
from craftwave.analysis.intervention import (  # noqa: E402
    ancova,
    attrition_by_arm,
    diff_in_diff,
    evaluate_intervention,
)

__all__ += ["ancova", "attrition_by_arm", "diff_in_diff", "evaluate_intervention"]

__all__ += ["BootstrapResult", "ModeratedMediationResult", "bootstrap", "moderated_mediation"]

__all__ += [  # data in, data quality, descriptives, reliability
    "CorrelationTable", "Exclusion", "Export", "Reliability", "apply_quality", "ave", "composite_reliability",
    "correlation_table", "correlation_tables_by_wave", "cronbach_alpha", "describe", "htmt", "mean_ci",
    "OmegaHierarchical", "long_to_wide", "omega_hierarchical", "omega_total", "quality_flags", "read_data", "read_export",
    "reliability", "reliability_table", "score_all", "verify_export", "wide_to_long",
]

__all__ += [  # panel models, growth, attrition, simulation, power
    "ExtraPopulation", "FocalPopulation", "GrowthResult", "LatentGrowth", "MCARResult", "PanelModel",
    "PowerResult", "latent_growth",
    "RICLPMPopulation", "SimulatedPanel", "clpm", "dropout_comparison", "focal", "growth",
    "lcs", "little_mcar", "missingness_by_wave", "missingness_patterns", "power", "riclpm",
    "simulate",
]

# -- modification indices and score tests (analysis.sem.modindices, analysis.sem.scoretest) ---
from craftwave.analysis.partial_invariance import (  # noqa: E402
    PartialInvarianceResult,
    partial_invariance,
)
from craftwave.analysis.sem.modindices import modindices  # noqa: E402
from craftwave.analysis.sem.scoretest import ScoreTestResult, score_test  # noqa: E402

__all__ += ["PartialInvarianceResult", "ScoreTestResult", "modindices", "partial_invariance",
            "score_test"]
