"""Reading an export directory for a report.

The export directory (DESIGN.md, "The export directory") is the one way data leave the app.
This module reads it into a :class:`ReportData`. When :mod:`analysis.data` offers a reader
(``read_export``) it is used, so the reports and the analysis read exports the same way
(including the manifest's sha256 check); otherwise a thin reader here does the same for the
files a report needs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from instruments.errors import DataError
from instruments.names import split_wave

REQUIRED = ("participants.csv",)
OPTIONAL = ("scores.csv", "wide.csv", "answers_long.csv", "page_timings.csv", "codebook.csv")


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
    """

    directory: Path
    participants: pd.DataFrame
    scores: pd.DataFrame
    wide: pd.DataFrame
    answers_long: pd.DataFrame = field(default_factory=pd.DataFrame)
    page_timings: pd.DataFrame = field(default_factory=pd.DataFrame)
    codebook: pd.DataFrame = field(default_factory=pd.DataFrame)
    manifest: dict[str, Any] = field(default_factory=dict)
    reader: str = "reports.export"

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
        col = f"status_w{wave}"
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
        Check every file's sha256 against ``manifest.json`` (when there is a manifest).

    Returns
    -------
    ReportData

    Raises
    ------
    DataError
        If the directory or ``participants.csv`` is missing, a file does not match its
        manifest hash, or ``participant_id`` is absent.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DataError(f"export directory {directory} does not exist")
    reader = _analysis_reader()
    if reader is not None:
        try:
            return _from_analysis(reader(directory), directory)
        except (TypeError, AttributeError, KeyError):
            pass  # an older or different reader: fall back to the thin one below
    for name in REQUIRED:
        if not (directory / name).is_file():
            raise DataError(f"export directory {directory} has no {name}")
    manifest = _read_manifest(directory)
    if verify and manifest:
        _verify(directory, manifest)
    frames = {}
    for name in (*REQUIRED, *OPTIONAL):
        path = directory / name
        frames[name] = _read_csv(path) if path.is_file() else pd.DataFrame()
    for name in ("participants.csv", "scores.csv", "wide.csv"):
        frame = frames[name]
        if not frame.empty and "participant_id" not in frame.columns:
            raise DataError(f"{name} has no participant_id column")
    if frames["scores.csv"].empty:
        frames["scores.csv"] = pd.DataFrame({"participant_id": frames["participants.csv"]
                                             ["participant_id"]})
    return ReportData(
        directory=directory,
        participants=frames["participants.csv"],
        scores=frames["scores.csv"],
        wide=frames["wide.csv"],
        answers_long=frames["answers_long.csv"],
        page_timings=frames["page_timings.csv"],
        codebook=frames["codebook.csv"],
        manifest=manifest,
    )


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, low_memory=False)
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    if "participant_id" in frame.columns:
        frame["participant_id"] = frame["participant_id"].astype(str)
    return frame


def _read_manifest(directory: Path) -> dict[str, Any]:
    path = directory / "manifest.json"
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path} is not valid JSON: {exc}") from exc


def _verify(directory: Path, manifest: dict[str, Any]) -> None:
    files = manifest.get("files") or manifest.get("sha256") or {}
    if isinstance(files, list):  # [{"name": ..., "sha256": ...}, ...]
        files = {f.get("name") or f.get("path"): f.get("sha256") for f in files}
    for name, entry in files.items():
        expected = entry.get("sha256") if isinstance(entry, dict) else entry
        path = directory / str(name)
        if not expected or not path.is_file():
            continue
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != expected:
            raise DataError(f"{name} does not match the sha256 in manifest.json: the export was "
                            "changed after it was written")


def _analysis_reader():
    try:
        from analysis import data as adata
    except ImportError:
        return None
    return getattr(adata, "read_export", None)


def _from_analysis(export: Any, directory: Path) -> ReportData:
    """Adapt :func:`analysis.data.read_export`'s result (attributes or mapping) to ReportData."""

    def get(name: str) -> Any:
        if isinstance(export, dict):
            return export.get(name)
        return getattr(export, name, None)

    def frame(*names: str) -> pd.DataFrame:
        for n in names:
            value = get(n)
            if isinstance(value, pd.DataFrame):
                out = value.copy()
                if "participant_id" in out.columns:
                    out["participant_id"] = out["participant_id"].astype(str)
                return out
        return pd.DataFrame()

    participants = frame("participants")
    if participants.empty:
        raise KeyError("participants")
    scores = frame("scores")
    if scores.empty:
        scores = pd.DataFrame({"participant_id": participants["participant_id"]})
    manifest = get("manifest") or {}
    return ReportData(
        directory=directory, participants=participants, scores=scores, wide=frame("wide"),
        answers_long=frame("answers_long", "long"), page_timings=frame("page_timings", "timings"),
        codebook=frame("codebook"), manifest=dict(manifest), reader="analysis.data.read_export",
    )
