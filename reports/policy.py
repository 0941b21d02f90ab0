"""The report's view of the study's data-quality policy, and the analysis frame it gives.

The rule itself lives in :mod:`craftwave.analysis.quality` (the ``quality:`` mapping of the
study file, :class:`craftwave.instruments.study.QualityPolicy`, applied by
:func:`craftwave.analysis.quality.apply_quality`); this module only says, for the reports and
the command line (``craftwave model focal --fit EXPORT_DIR``), which flags exclude from the
primary analyses and builds the frame they analyse, so a report's number is reproduced by one
command with the same policy and exclusions. Default, as the design says: quality flags are
computed and shown, and exclude nothing from the primary analyses::

    quality:
      exclude:
        primary: [attention, speeding]     # flags that blank a participant-wave
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.instruments.study import QUALITY_FLAGS
from craftwave.instruments.study import QualityPolicy as StudyPolicy

FLAG_NAMES = QUALITY_FLAGS


@dataclass(frozen=True)
class QualityPolicy:
    """Which quality flags exclude a participant-wave from the primary analyses.

    Attributes
    ----------
    primary : tuple of str
        Flag names (``"any"`` for every flag); empty: exclude nothing (the default).
    source : str
        Where the policy came from (``"study.yaml"``, ``"default"``, ``"option"``).
    study : craftwave.instruments.study.QualityPolicy
        The whole policy the flags are computed under (flags in use, false-flag budget, ...).
    """

    primary: tuple[str, ...] = ()
    source: str = "default"
    study: StudyPolicy = field(default_factory=StudyPolicy)

    @property
    def excludes(self) -> bool:
        return bool(self.primary)

    def describe(self) -> str:
        """One sentence for the methods and the appendix."""
        if not self.primary:
            return ("Quality flags were computed and reported but excluded nothing from the "
                    "primary analyses (the study's quality policy).")
        flags = "any flag" if "any" in self.primary else "the " + ", ".join(self.primary) + \
            " flag" + ("s" if len(self.primary) > 1 else "")
        return (f"Participant-waves with {flags} were set to missing before the primary "
                "analyses (the study's quality policy).")

    def for_flags(self) -> StudyPolicy:
        """The study policy whose ``primary`` exclusions are this view's."""
        exclude = {**self.study.exclude, "primary": list(self.primary)}
        return self.study.model_copy(update={"exclude": exclude})

    @classmethod
    def from_study(cls, study: Mapping | None) -> QualityPolicy:
        """The policy of a study file's parsed YAML (``None``: the default)."""
        from craftwave.analysis.quality import policy_from_mapping

        if not isinstance(study, Mapping) or study.get("quality") is None:
            return cls()
        sp = policy_from_mapping(study, "study.yaml")
        names = sp.exclude.get("primary", [])
        primary = ("any",) if "any" in names else tuple(names)
        return cls(primary=primary, source="study.yaml", study=sp)


@dataclass(frozen=True)
class PolicyFrame:
    """The analysis frame (one row per participant) and what was excluded to make it."""

    frame: pd.DataFrame
    excluded: pd.DataFrame
    policy: QualityPolicy
    quality: object | None = None  # the analysis.quality Exclusion, when flags were computed


def apply_exclusions(wide: pd.DataFrame, excluded: pd.DataFrame) -> pd.DataFrame:
    """Blank the excluded participant-waves' item columns (a copy)."""
    from craftwave.instruments.names import split_wave

    out = wide.copy()
    ids = out["participant_id"].astype(str)
    by_wave: dict[int, list[str]] = {}
    for col in out.columns:
        parsed = split_wave(str(col))
        if parsed is not None:
            by_wave.setdefault(parsed.wave, []).append(col)
    for w, g in excluded.groupby("wave"):
        rows = ids.isin(set(g["participant_id"].astype(str)))
        cols = by_wave.get(int(w), [])
        if cols:
            out.loc[rows.to_numpy(), cols] = float("nan")
    return out


def policy_frame(participants: pd.DataFrame, scores: pd.DataFrame, wide: pd.DataFrame | None,
                 page_timings: pd.DataFrame | None, policy: QualityPolicy, *,
                 exclusions: pd.DataFrame | None = None) -> PolicyFrame:
    """Participants joined with their scores after the policy's (or given) exclusions.

    Parameters
    ----------
    participants, scores, wide, page_timings : DataFrame
        The export's tables (``wide`` and ``page_timings`` may be ``None``).
    policy : QualityPolicy
    exclusions : DataFrame, optional
        Exact participant-waves to exclude (a report's ``exclusions.csv``), instead of
        recomputing the flags.
    """
    from craftwave.analysis.data import score_all

    excl_table = pd.DataFrame(columns=["participant_id", "wave", "reasons"])
    quality = None
    if exclusions is not None or policy.excludes:
        if wide is None or wide.empty:
            raise DataError("the quality policy excludes flagged answers, but the export has no "
                            "wide.csv with item answers")
        if exclusions is not None:
            kept = apply_exclusions(wide, exclusions)
            excl_table = exclusions
        else:
            from craftwave.analysis.quality import apply_quality

            quality = apply_quality(wide, page_timings, policy=policy.for_flags(),
                                    analysis="primary")
            kept, excl_table = quality.kept, quality.excluded
        scores = score_all(kept)
        scores["participant_id"] = kept["participant_id"].astype(str).to_numpy()
    keep = ["participant_id", *[c for c in scores.columns
                                if c not in participants.columns and c != "participant_id"]]
    frame = participants.merge(scores[keep], on="participant_id", how="left")
    return PolicyFrame(frame=frame, excluded=excl_table, policy=policy, quality=quality)
