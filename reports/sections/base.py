"""The section object, the shared context of a report build, and the safe runner."""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import yaml

from craftwave.instruments.errors import CraftwaveError, CraftwaveWarning
from craftwave.reports.disclosure import Ledger
from craftwave.reports.export import ReportData
from craftwave.reports.figures import Figure
from craftwave.reports.minimums import PublicReason, TooFewCases
from craftwave.reports.policy import QualityPolicy
from craftwave.reports.studyinfo import StudyInfo
from craftwave.reports.tables import Table

log = logging.getLogger(__name__)


@dataclass
class Section:
    """One section of a report.

    Attributes
    ----------
    id, title : str
    available : bool
        False for a placeholder; ``reason`` then says why ("not available: ...").
    paragraphs : list of str
        Plain text paragraphs (escaped when rendered).
    tables, figures : list
    results : dict
        Key numbers of the section (for the methods paragraph, recommendations and tests).
    """

    id: str
    title: str
    available: bool = True
    reason: str = ""
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)
    code: list[tuple[str, str]] = field(default_factory=list)  # (caption, code) for appendices
    items: list[dict[str, Any]] = field(default_factory=list)  # e.g. recommendations

    @classmethod
    def unavailable(cls, id: str, title: str, reason: str) -> Section:
        return cls(id=id, title=title, available=False, reason=f"not available: {reason}")


@dataclass(frozen=True)
class ReportOptions:
    """What the analysis runs with (recorded in the methods paragraph)."""

    bootstrap: int = 1000
    seed: int = 20261123
    missing: str = "fiml"
    estimator: str = "ML"
    exclude_careless: bool | None = None  # None: the study's quality policy
    level: float = 0.95
    study_file: str | None = None      # whose ``quality`` policy applies (else the export's)


@dataclass
class RunRecord:
    """What was actually run, collected while sections build, for the methods paragraph."""

    models: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    exclusions: pd.DataFrame | None = None
    packages: set[str] = field(default_factory=lambda: {"craftwave", "numpy", "pandas",
                                                         "scipy", "matplotlib", "jinja2"})

    def model(self, name: str, *, syntax: str | None = None, estimator: str | None = None,
              missing: str | None = None, n: int | None = None, bootstrap: int | None = None,
              software: str = "craftwave", **extra: Any) -> None:
        """Record a model that was fitted (or whose syntax is reported)."""
        self.models[name] = {"syntax": syntax, "estimator": estimator, "missing": missing,
                             "n": n, "bootstrap": bootstrap, "software": software, **extra}


@dataclass
class ReportContext:
    """Everything a section may read: the export, the study, the options and shared results."""

    data: ReportData
    study: StudyInfo
    options: ReportOptions = field(default_factory=ReportOptions)
    record: RunRecord = field(default_factory=RunRecord)
    cache: dict[str, Any] = field(default_factory=dict)
    kind: str = "researcher"
    _ledger: Ledger | None = field(default=None, repr=False)

    @property
    def platform(self) -> bool:
        """Whether this is the platform report (aggregates only, nothing under k)."""
        return self.kind == "platform"

    @property
    def policy(self) -> QualityPolicy:
        """The quality policy: the study's, unless the build options override it."""
        if "policy" not in self.cache:
            study = self.data.study
            if self.options.study_file:  # --study-file: its policy, not the export's
                with open(self.options.study_file, encoding="utf-8") as f:
                    study = yaml.safe_load(f)
            base = QualityPolicy.from_study(study)
            if self.options.exclude_careless is not None:
                base = QualityPolicy(("any",) if self.options.exclude_careless else (), "option",
                                     base.study)
            self.cache["policy"] = base
        return self.cache["policy"]

    @property
    def ledger(self) -> Ledger:
        """Every count the report publishes, for disclosure control across its tables."""
        if self._ledger is None:
            self._ledger = Ledger(k=self.study.k, size=len(self.data.participants))
        return self._ledger

    def shared(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute a result once per report build (e.g. the fitted focal model)."""
        if key not in self.cache:
            try:
                self.cache[key] = ("ok", compute())
            except Exception as exc:  # remembered so a second section fails the same way
                self.cache[key] = ("error", exc)
        state, value = self.cache[key]
        if state == "error":
            raise value
        return value


SectionFn = Callable[[ReportContext], Section | None]   # None: the section does not apply


#: What a report says for craftwave's own warnings: the category's meaning, never the raw
#: message (which names internal variables). Improper solutions (Heywood cases, matrices that
#: are not positive definite) are named by the sections themselves
#: (:mod:`craftwave.analysis.sem.admissibility`), so they are not repeated here.
WARNING_TEXT = {
    "ConvergenceWarning": "The estimation did not converge; its estimates are not interpreted.",
    "HeywoodWarning": None,
    "NotPositiveDefiniteWarning": None,
}


def run_section(fn: SectionFn, ctx: ReportContext, *, id: str, title: str) -> Section | None:
    """Build a section, or a placeholder saying why it is not available (``None`` when the
    section does not apply to this study, e.g. the ordinal one under continuous indicators).

    A missing analysis module (``ImportError``), a craftwave error on these data, or any other
    failure of the analysis becomes a placeholder; the failure is logged with its traceback.
    A model below its minimum sample becomes "not estimated: needs at least N complete cases".
    The platform report shows an error's own text only when it holds no digit (it might
    otherwise carry a count under k).
    craftwave's own warnings are listed in the section by what they mean (``WARNING_TEXT``),
    never as raw warning text.
    """
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            section = fn(ctx)
    except ImportError as exc:
        name = getattr(exc, "name", None) or str(exc)
        return Section.unavailable(id, title, f"the analysis module {name} is not installed "
                                   "in this version of craftwave")
    except TooFewCases as exc:
        return Section(id=id, title=title, available=False,
                       reason=exc.public() if ctx.platform else exc.detailed())
    except PublicReason as exc:
        return Section.unavailable(id, title, str(exc))
    except CraftwaveError as exc:
        # the platform report shows an error's text only when it holds no number at all
        return Section.unavailable(id, title, "the analysis could not be run on these data"
                                   if ctx.platform and re.search(r"\d", str(exc)) else str(exc))
    except Exception as exc:  # noqa: BLE001 - a failing analysis must not stop the report
        log.warning("section %s failed", id, exc_info=True)
        return Section.unavailable(id, title, "the analysis failed" if ctx.platform else
                                   f"the analysis failed ({type(exc).__name__}: {exc})")
    if section is None:
        return None
    notes = []
    for w in caught:
        if issubclass(w.category, CraftwaveWarning):
            text = WARNING_TEXT.get(w.category.__name__, "A craftwave warning was raised: "
                                    + (w.category.__doc__ or w.category.__name__).strip())
            if text and text not in notes:
                notes.append(text)
    for w in caught:  # other warnings go on as they came (tests turn them into errors)
        if not issubclass(w.category, CraftwaveWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if notes:
        section.results.setdefault("warnings", notes)
    return section
