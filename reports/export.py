"""Reading an export directory for a report.

The export directory (docs/design.md, "The export directory") is the one way data leave the app.
This module adapts :func:`craftwave.analysis.data.read_export` (the one reader of the export, with the
manifest's sha256 check) to a :class:`ReportData`, so the reports and the analysis read exports
the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.instruments.names import split_wave, with_wave


@dataclass
class ReportData:
    """The parts of an export a report uses (DataFrames, as read; never changed in place).

    Attributes
    ----------
    participants : DataFrame
        One row per participant: ``participant_id``, ``source``, ``arm``, ``status_w{k}``, ...
    scores : DataFrame
        One row per participant: ``participant_id`` and score columns (``resil_w2``, ...).
    wide : DataFrame
        One row per participant: ``participant_id`` and item columns (``resil_bounce_1_w2``).
    answers_long, page_timings, codebook : DataFrame
        As exported (empty when the file is absent).
    manifest : dict
        ``manifest.json`` (empty when absent).
    study : dict or None
        The export's ``study.yaml`` as loaded (quality policy, primary contrast, k); ``None``
        for exports made before 0.2.
    """

    directory: Path
    participants: pd.DataFrame
    scores: pd.DataFrame
    wide: pd.DataFrame
    answers_long: pd.DataFrame = field(default_factory=pd.DataFrame)
    page_timings: pd.DataFrame = field(default_factory=pd.DataFrame)
    codebook: pd.DataFrame = field(default_factory=pd.DataFrame)
    manifest: dict[str, Any] = field(default_factory=dict)
    study: dict[str, Any] | None = None

    @property
    def waves(self) -> list[int]:
        """The waves present in the data (from status columns and score/item names)."""
        found: set[int] = set()
        for frame in (self.participants, self.scores, self.wide):
            for col in frame.columns:
                parsed = split_wave(str(col))
                if parsed is not None:
                    found.add(parsed.wave)
        return sorted(found)

    def status(self, wave: int) -> pd.Series:
        """The participants' status at ``wave`` (``completed``, ``started``, ...; NaN if none)."""
        col = with_wave("status", wave)
        if col in self.participants.columns:
            return self.participants[col]
        return pd.Series(pd.NA, index=self.participants.index, dtype="object")

    def merged(self) -> pd.DataFrame:
        """Participants joined with their scores (one row per participant)."""
        keep = [c for c in self.scores.columns if c not in self.participants.columns
                or c == "participant_id"]
        if "participant_id" not in self.scores.columns:
            return self.participants.copy()
        return self.participants.merge(self.scores[keep], on="participant_id", how="left")


def load_export(directory: str | Path, *, verify: bool = True) -> ReportData:
    """Read an export directory.

    Parameters
    ----------
    directory : str or Path
        The directory ``craftwave export`` wrote.
    verify : bool, default True
        Check every file's sha256 against ``manifest.json``.

    Returns
    -------
    ReportData

    Raises
    ------
    DataError
        If the directory, its ``manifest.json`` or ``participants.csv`` is missing, a file does
        not match its manifest hash, or ``participant_id`` is absent.
    """
    from craftwave.analysis.data import read_export

    directory = Path(directory)
    if not directory.is_dir():
        raise DataError(f"export directory {directory} does not exist")
    export = read_export(directory, verify=verify)
    if export.participants is None:
        raise DataError(f"export directory {directory} has no participants.csv")

    def frame(table: pd.DataFrame | None, name: str) -> pd.DataFrame:
        if table is None:
            return pd.DataFrame()
        if not table.empty and "participant_id" not in table.columns:
            raise DataError(f"{name} has no participant_id column")
        return table

    participants = frame(export.participants, "participants.csv")
    scores = frame(export.scores, "scores.csv")
    if scores.empty:
        scores = pd.DataFrame({"participant_id": participants["participant_id"]})
    return ReportData(
        directory=directory, participants=participants, scores=scores,
        wide=frame(export.wide, "wide.csv"),
        answers_long=frame(export.answers_long, "answers_long.csv"),
        page_timings=frame(export.page_timings, "page_timings.csv"),
        codebook=export.codebook if export.codebook is not None else pd.DataFrame(),
        manifest=dict(export.manifest), study=export.study,
    )
