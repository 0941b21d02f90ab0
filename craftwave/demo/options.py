"""The demo's options, result and error, and where its files go."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from instruments.errors import CraftwaveError

REPO_ROOT = Path(__file__).resolve().parents[2]
DEMO_STUDY_FILE = REPO_ROOT / "data" / "demo" / "study.yaml"
DEFAULT_OUT = (REPO_ROOT if (REPO_ROOT / "pyproject.toml").is_file() else Path.cwd()) / "demo_out"
DB_NAME = "demo.sqlite"
STATE_FILE = "demo.json"


class DemoError(CraftwaveError):
    """The demo could not run, or the app answered it in an unexpected way."""


@dataclass(frozen=True)
class DemoOptions:
    """Settings of one demo run.

    Parameters
    ----------
    participants : int
        People who open the study link (a few decline or are screened out).
    seed : int
        Seed of every random draw of the demo.
    out : Path
        Output directory: database, export, reports, ``demo.json``.
    db_url : str, optional
        SQLAlchemy URL of an empty database to use instead of ``out/demo.sqlite``.
    reports : bool
        Build the researcher and platform reports.
    report_formats : tuple of str
        Report formats (``"html"``, ``"pdf"``).
    bootstrap : int
        Bootstrap resamples of the reports' moderated mediation.
    careless : float
        Share of the panel who answer carelessly (split among straight-liners, random
        responders and speeders, as :func:`analysis.simulate.simulate` does).
    start : datetime, optional
        When the fieldwork starts (naive UTC); default: 240 days before today, 08:00, so that
        all three waves lie in the past.
    study_file : Path
        The study definition.
    """

    participants: int = 400
    seed: int = 1
    out: Path = DEFAULT_OUT
    db_url: str | None = None
    reports: bool = True
    report_formats: tuple[str, ...] = ("html",)
    bootstrap: int = 500
    careless: float = 0.09
    start: datetime | None = None
    study_file: Path = DEMO_STUDY_FILE

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{Path(self.out).resolve() / DB_NAME}"


@dataclass
class Step:
    """One step of the demo: ``status`` is ``done`` or ``skipped``; ``detail`` says what or why."""

    name: str
    status: str
    detail: str
    seconds: float = 0.0
    cpu_seconds: float = 0.0


@dataclass
class DemoResult:
    """What :func:`run_demo` did.

    Attributes
    ----------
    steps : list of Step
    ledger : DataFrame
        Every answer the app acknowledged: ``external_id``, ``token``, ``wave``, ``page``,
        ``instrument_id``, ``item_id``, ``value``.
    people : DataFrame
        One row per simulated person: ``external_id``, ``token``, ``role`` (``decline``,
        ``screened_out``, ``panel``), ``arm`` (predicted from the study's seeded assignment),
        ``careless`` (simulated type or ``""``), ``planned_last_wave``, ``abandoned_wave``,
        ``resumed_waves``, ``completed_w{k}``.
    summary : dict
        Counts, timings and file locations (also written to ``demo.json``).
    """

    options: DemoOptions
    steps: list[Step]
    ledger: pd.DataFrame
    people: pd.DataFrame
    summary: dict = field(default_factory=dict)

    def step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)

