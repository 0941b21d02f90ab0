"""The smallest samples on which the reports estimate each model.

Below its minimum a model is not estimated and its section says "not estimated: needs at least
N complete cases" (the researcher report adds how many there were; the platform report never
prints a count under its k). A complete case is a participant with every variable of the model
observed, after the study's quality policy. The values are conventions, not power analyses
(``craftwave power`` gives those):

============== ===== ==========================================================================
model          N     why
============== ===== ==========================================================================
focal          100   a path model with about 25 free parameters; Kline (2016) calls N < 100
                     small for SEM and asks for several cases per parameter
mediation      50    PROCESS model 7: two regressions with up to six predictors, bootstrapped
riclpm         100   random-intercept CLPM: variance components need a sizeable sample and
                     are often improper below it (Hamaker et al., 2015)
invariance     100   a longitudinal CFA per construct, fitted four times
omega          30    a one-factor CFA per scale and wave for McDonald's omega
growth         20    participants with at least two waves, for a random-intercept growth model
============== ===== ==========================================================================
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from craftwave.instruments.errors import DataError

MINIMUM_CASES: dict[str, int] = {
    "focal": 100,
    "mediation": 50,
    "riclpm": 100,
    "invariance": 100,
    "omega": 30,
    "growth": 20,
}


class PublicReason(DataError):
    """Why a section is not shown, in words that carry no count (safe for the platform report:
    a threshold such as k may be named, a group's size may not)."""


class TooFewCases(DataError):
    """A model was not estimated because it has fewer complete cases than its minimum.

    Attributes
    ----------
    model : str
    needed, got : int
    """

    def __init__(self, model: str, needed: int, got: int) -> None:
        self.model, self.needed, self.got = model, int(needed), int(got)
        super().__init__(self.public())

    def public(self) -> str:
        """The message without the count (safe for the platform report)."""
        return f"not estimated: needs at least {self.needed} complete cases"

    def detailed(self) -> str:
        """The message with the count (the researcher report)."""
        return f"{self.public()} (has {self.got})"


def complete_cases(frame: pd.DataFrame, columns: Sequence[str]) -> int:
    """Rows of ``frame`` with every one of ``columns`` observed (absent columns: none)."""
    if any(c not in frame.columns for c in columns):
        return 0
    return int(frame[list(columns)].notna().all(axis=1).sum())


def require_cases(model: str, frame: pd.DataFrame, columns: Sequence[str]) -> int:
    """The number of complete cases, or :class:`TooFewCases` below the model's minimum."""
    n = complete_cases(frame, columns)
    need = MINIMUM_CASES[model]
    if n < need:
        raise TooFewCases(model, need, n)
    return n
