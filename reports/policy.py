"""The study's data-quality policy, and the analysis frame it gives: one home for both.

The reports and the command line (``craftwave model focal --fit EXPORT_DIR``) build the data
they analyse here, so a report's number is reproduced by one command with the same policy and
exclusions.

The policy is read from the export's ``study.yaml`` (``quality:``). Default, as the design
says: quality flags are computed and shown, and exclude nothing from the primary analyses.
Accepted shapes::

    quality:
      exclude:
        primary: [attention, speeding]     # flags that blank a participant-wave
    quality:
      primary: any                         # every flag
    quality:
      exclude: [attention]                 # a plain list: the primary analyses
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from craftwave.instruments.errors import DataError, StudyError

FLAG_NAMES = ("longstring", "irv", "mahalanobis", "attention", "speeding")


@dataclass(frozen=True)
class QualityPolicy:
    """Which quality flags exclude a participant-wave from the primary analyses.

    Attributes
    ----------
    primary : tuple of str
        Flag names (``"any"`` for every flag); empty: exclude nothing (the default).
    source : str
        Where the policy came from (``"study.yaml"``, ``"default"``, ``"option"``).
    """

    primary: tuple[str, ...] = ()
    source: str = "default"

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

    @classmethod
    def from_study(cls, study: Mapping | None) -> QualityPolicy:
        """The policy of a study file's parsed YAML (``None``: the default)."""
        raw = (study or {}).get("quality") if isinstance(study, Mapping) else None
        if raw is None:
            return cls()
        if not isinstance(raw, Mapping):
            raise StudyError("quality: must be a mapping (e.g. exclude: {primary: [attention]})")
        value = raw.get("exclude", raw.get("primary"))
        if isinstance(value, Mapping):
            value = value.get("primary")
        return cls(primary=_flags(value), source="study.yaml")


def _flags(value: object) -> tuple[str, ...]:
    if value in (None, False, "none", []):
        return ()
    if value in ("any", True):
        return ("any",)
    items = [value] if isinstance(value, str) else list(value)  # type: ignore[arg-type]
    bad = [v for v in items if v not in (*FLAG_NAMES, "any")]
    if bad:
        raise StudyError(f"quality: unknown flag(s) {bad}; known: {', '.join(FLAG_NAMES)}, any")
    return ("any",) if "any" in items else tuple(items)


@dataclass(frozen=True)
class PolicyFrame:
    """The analysis frame (one row per participant) and what was excluded to make it."""

    frame: pd.DataFrame
    excluded: pd.DataFrame
    policy: QualityPolicy
    quality: object | None = None  # the analysis.quality Exclusion, when flags were computed


def read_exclusions(path: str | Path) -> pd.DataFrame:
    """A report's ``exclusions.csv`` (``participant_id``, ``wave``)."""
    table = pd.read_csv(path, dtype={"participant_id": str})
    if not {"participant_id", "wave"} <= set(table.columns):
        raise DataError(f"{path}: an exclusions file needs participant_id and wave columns")
    return table


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
            from craftwave.analysis.quality import quality_flags

            flags = "any" if "any" in policy.primary else list(policy.primary)
            quality = quality_flags(wide, page_timings, exclude=flags, scope="wave")
            kept, excl_table = quality.kept, quality.excluded
        scores = score_all(kept)
        scores["participant_id"] = kept["participant_id"].astype(str).to_numpy()
    keep = ["participant_id", *[c for c in scores.columns
                                if c not in participants.columns and c != "participant_id"]]
    frame = participants.merge(scores[keep], on="participant_id", how="left")
    return PolicyFrame(frame=frame, excluded=excl_table, policy=policy, quality=quality)
