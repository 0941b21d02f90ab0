"""The demo's options, result and error, where its files go, and its population values.

Every answer of the demo comes from one :func:`craftwave.analysis.simulate.simulate` run (see
:func:`craftwave.demo.fieldwork.simulate_panel`) with these values:

* The focal population: :class:`craftwave.analysis.simulate.FocalPopulation` with ``a2`` =
  :data:`DEMO_A2` = 0.20 and ``a3`` = :data:`DEMO_A3` = -0.25 (stronger compensation than the
  package defaults, so that 400 people with attrition show the interaction); every other
  value is the package default (``a1`` = 0.30, ``b`` = 0.35).
* The other instruments the demo study asks (the profile, meaningful work, community
  participation and the attention checks) are ``extra`` instruments of the same run, with the
  default :class:`craftwave.analysis.simulate_extra.ExtraPopulation`: community participation goes with
  collaborative crafting, and forum use raises resilience at the next wave
  (``forums_to_resil`` = 0.25).
* The intervention: the demo study offers the arm ``mentoring_forum`` (a mentoring forum
  between waves 1 and 2) against ``control``. Being offered the forum raises latent forum use
  from wave 2 on by :data:`ARM_FORUMS_EFFECT` = 0.8 (forum use has a population SD of about
  1.1), which raises resilience at wave 3 by 0.25 x 0.8 = 0.20 and career commitment after
  it; it does not act on crafting directly (:data:`ARM_EFFECT` = 0, the simulator's
  ``arm_effect``). Resilience at wave 2 is therefore not changed by the arm: the effect shows
  from wave 3 on.
* Attrition: :data:`ATTRITION` = 15 % before each later wave, missing at random with
  :data:`ATTRITION_MAR` = 0.3 (more resilient workers stay more often).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

import craftwave.data
from craftwave.instruments.errors import CraftwaveError

#: The demo study ships as package data (``craftwave.data``), so the demo runs from a wheel too.
DEMO_STUDY_FILE = Path(craftwave.data.__file__).parent / "demo" / "study.yaml"
#: A checkout (where ``make run`` runs) keeps the demo's output in the checkout; an installed
#: craftwave writes it below the working directory.
_CHECKOUT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = (_CHECKOUT if (_CHECKOUT / "pyproject.toml").is_file() else Path.cwd()) / "demo_out"
DB_NAME = "demo.sqlite"
STATE_FILE = "demo.json"


DEMO_A2 = 0.20
DEMO_A3 = -0.25
ARM_FORUMS_EFFECT = 0.8
ARM_EFFECT = 0.0
ATTRITION = 0.15
ATTRITION_MAR = 0.3


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
        responders and speeders, as :func:`craftwave.analysis.simulate.simulate` does).
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

