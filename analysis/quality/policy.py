"""The study's data-quality policy, applied the same way by the reports, the CLI and the
dashboard.

The policy is the ``quality:`` mapping of the study file
(:class:`craftwave.instruments.study.QualityPolicy`): which flags are computed, their joint
false-flag budget, and which flags exclude a participant-wave from which analysis. The default
flags and reports everything and excludes nothing. An analysis on a reduced set is a
sensitivity analysis.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import yaml
from pydantic import ValidationError

from craftwave.analysis.data import ID_COL
from craftwave.analysis.quality.exclude import Exclusion, chosen_flags, exclude_pairs
from craftwave.analysis.quality.flags import quality_flags
from craftwave.instruments import Instrument
from craftwave.instruments.errors import DataError, StudyError
from craftwave.instruments.study import QualityPolicy

__all__ = ["QualityPolicy", "policy_from_mapping", "load_policy", "policy_of_export", "excluded_by_policy",
           "read_exclusions", "apply_quality"]

PRIMARY = "primary"


def policy_from_mapping(raw: Mapping | None, source: str = "quality policy") -> QualityPolicy:
    """A policy from a study mapping (with a ``quality`` key) or a bare ``quality`` mapping.

    ``None``, or a study without ``quality``, gives the default policy.
    """
    if raw is None:
        return QualityPolicy()
    if not isinstance(raw, Mapping):
        raise StudyError(f"{source}: not a mapping")
    if "quality" in raw or "waves" in raw or "consent" in raw:
        raw = raw.get("quality")
        if raw is None:
            return QualityPolicy()
    try:
        return QualityPolicy.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'quality'}: {e['msg']}"
                             for e in exc.errors())
        raise StudyError(f"{source}: {problems}") from None


def policy_of_export(directory: str | Path) -> QualityPolicy:
    """The policy of an export's ``study.yaml`` (the default policy when it has none)."""
    path = Path(directory) / "study.yaml"
    if not path.is_file():
        return QualityPolicy()
    return load_policy(path)


def load_policy(path: str | Path) -> QualityPolicy:
    """Read a policy from a YAML file: a study file, or a file holding the ``quality`` mapping."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise StudyError(f"{path.name}: cannot read the file: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise StudyError(f"{path.name}: not valid YAML: {exc}") from exc
    return policy_from_mapping(raw, path.name)


def excluded_by_policy(indices: pd.DataFrame, policy: QualityPolicy,
                       analysis: str = PRIMARY) -> pd.DataFrame:
    """The participant-waves the policy excludes from ``analysis``: ``participant_id``,
    ``wave``, ``reasons`` (empty under the default policy)."""
    names = policy.exclude.get(analysis, [])
    if not names or indices.empty:
        return pd.DataFrame(columns=[ID_COL, "wave", "reasons"])
    chosen = chosen_flags(names)
    flags = indices[[f"flag_{f}" for f in chosen]].fillna(False).astype(bool)
    hit = flags.any(axis=1).to_numpy()
    out = indices.loc[hit, [ID_COL, "wave"]].copy()
    out["reasons"] = ["; ".join(f for f, on in zip(chosen, row, strict=True) if on)
                      for row in flags.to_numpy()[hit]]
    return out.reset_index(drop=True)


def read_exclusions(path: str | Path) -> pd.DataFrame:
    """A list of participant-waves to exclude (CSV: ``participant_id``, ``wave``, optional
    ``reasons``), e.g. a report's ``exclusions.csv``."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype={ID_COL: str})
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"{path.name}: cannot read the exclusions: {exc}") from exc
    missing = [c for c in (ID_COL, "wave") if c not in frame.columns]
    if missing:
        raise DataError(f"{path.name}: missing column(s) {', '.join(missing)}")
    if "reasons" not in frame.columns:
        frame["reasons"] = "listed"
    frame["wave"] = pd.to_numeric(frame["wave"], errors="raise").astype("Int64")
    return frame[[ID_COL, "wave", "reasons"]]


def apply_quality(data: pd.DataFrame, page_timings: pd.DataFrame | None = None, *,
                  policy: QualityPolicy | None = None, analysis: str = PRIMARY,
                  exclusions: pd.DataFrame | None = None,
                  instruments: Mapping[str, Instrument] | None = None) -> Exclusion:
    """Flag every participant-wave and remove those the policy excludes from ``analysis``.

    Parameters
    ----------
    data, page_timings : DataFrame
        As :func:`~craftwave.analysis.quality.quality_flags`.
    policy : QualityPolicy, optional
        Default: flag and report, exclude nothing.
    analysis : str
        Which of the policy's ``exclude`` entries applies (default ``"primary"``).
    exclusions : DataFrame, optional
        An explicit list of participant-waves to exclude instead (``read_exclusions``).

    Returns
    -------
    Exclusion
        ``kept`` (the data without the excluded answers), ``excluded``, ``indices`` (every
        participant-wave's flags), ``scope``.
    """
    policy = policy if policy is not None else QualityPolicy()
    indices = quality_flags(data, page_timings, policy=policy, instruments=instruments)
    chosen = exclusions if exclusions is not None else excluded_by_policy(indices, policy,
                                                                          analysis)
    return exclude_pairs(data, chosen, indices, policy.scope)
