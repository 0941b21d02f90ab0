"""Careless responding: indices, null p values and flags per participant and wave.

One function, :func:`quality_flags`, serves the researcher dashboard, the reports and
``craftwave quality``, so all of them count the same flags; :func:`apply_quality` applies the
study's ``quality:`` policy (which flags exclude from which analyses; by default none). See
``docs/quality.md`` for each index's definition and null false-flag rate.

Modules: :mod:`.indices` (the indices), :mod:`.mahalanobis` (EM distances), :mod:`.null`
(the attentive null model), :mod:`.timing` (seconds per item), :mod:`.flags` (the table),
:mod:`.exclude` and :mod:`.policy` (exclusions).
"""

from craftwave.analysis.quality.exclude import Exclusion, exclude_flagged, exclude_pairs
from craftwave.analysis.quality.flags import (
    COPULA_INDICES,
    FLAGS,
    INDEX_COLUMNS,
    attention_pvalues,
    quality_flags,
)
from craftwave.analysis.quality.indices import (
    autocorrelation,
    even_odd,
    irv,
    longstring,
    pair_consistency,
    person_total,
    synonym_pairs,
)
from craftwave.analysis.quality.mahalanobis import (
    complete_case_moments,
    em_moments,
    mahalanobis_distances,
)
from craftwave.analysis.quality.policy import (
    QualityPolicy,
    apply_quality,
    excluded_by_policy,
    load_policy,
    policy_from_mapping,
    policy_of_export,
    read_exclusions,
)
from craftwave.analysis.quality.timing import seconds_per_item, speed_pvalues

__all__ = [
    "COPULA_INDICES", "FLAGS", "INDEX_COLUMNS", "Exclusion", "QualityPolicy", "apply_quality",
    "attention_pvalues", "autocorrelation", "complete_case_moments", "em_moments", "even_odd",
    "exclude_flagged", "exclude_pairs", "excluded_by_policy", "irv", "load_policy", "longstring",
    "mahalanobis_distances", "pair_consistency", "person_total", "policy_from_mapping", "policy_of_export",
    "quality_flags", "read_exclusions", "seconds_per_item", "speed_pvalues", "synonym_pairs",
]
