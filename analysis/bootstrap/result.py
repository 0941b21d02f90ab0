"""The result of a general-path bootstrap: tidy tables, the draws, counts of failures."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
        for row in frame.to_dict(orient="records")
    ]


@dataclass
class BootstrapResult:
    """Bootstrap estimates of a fitted model.

    Attributes
    ----------
    params : DataFrame
        The fitted model's parameter table (lhs, op, rhs, group, label, est, se, ...), with
        ``boot_se`` (SD of the draws, divisor B as lavaan), bootstrap ``ci_lower`` /
        ``ci_upper`` (lavaan's percentile interval, boot's ``norm.inter``; fixed parameters: the
        value itself) and ``free`` (the column of ``draws`` holding the parameter; -1 when
        fixed).
    defined : DataFrame
        ``:=`` parameters: name, expression, est, boot_se (SD of the defined draws with divisor
        B - 1: lavaan's ``cov()`` of them), ci_lower, ci_upper.
    draws, defined_draws : ndarray
        The successful resamples' free parameters and defined parameters.
    n_boot, n_failed, n_inadmissible : int
        Resamples asked for, failed or not converged (excluded), with a negative variance
        (kept, as lavaan keeps them).
    nobs : int
        Rows resampled: the fitted model's N.
    """

    params: pd.DataFrame
    defined: pd.DataFrame
    draws: np.ndarray
    defined_draws: np.ndarray
    n_boot: int
    n_failed: int
    n_inadmissible: int
    seed: int | None
    ci: str
    level: float
    path: str
    jackknife: np.ndarray | None = None  # leave-one-out free parameters (BCa only)
    nobs: int = 0  # rows resampled (the fitted model's N, as lavaan counts it)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (for ``craftwave fit --bootstrap``)."""
        return {
            "bootstrap": {"n": self.n_boot, "nobs": self.nobs, "n_failed": self.n_failed,
                          "n_inadmissible": self.n_inadmissible, "seed": self.seed,
                          "ci": self.ci, "level": self.level, "path": self.path},
            "parameters": _records(self.params),
            "defined": _records(self.defined),
        }

    def summary(self) -> str:
        """A plain-text table of bootstrap intervals."""
        kind = "percentile" if self.ci == "percentile" else "BCa"
        lines = [
            f"Nonparametric bootstrap ({self.path} path): {self.n_boot} resamples, seed "
            f"{self.seed}; {self.n_failed} failed or did not converge (excluded), "
            f"{self.n_inadmissible} inadmissible (kept)",
            f"{self.level:.0%} {kind} intervals",
            "",
            f"{'':34s}{'est':>9s}{'boot_se':>9s}{'ci_lower':>10s}{'ci_upper':>10s}",
        ]
        multi = "group" in self.params.columns and self.params["group"].nunique() > 1
        for r in _records(self.params):
            name = f"{r['lhs']} {r['op']} {r['rhs']}" + (f" [{r['group']}]" if multi else "")
            lines.append(f"{name[:34]:34s}{r['est']:9.4f}{r['boot_se']:9.4f}"
                         f"{r['ci_lower']:10.4f}{r['ci_upper']:10.4f}")
        for r in _records(self.defined):
            name = f"{r['name']} := {r.get('expression') or ''}".strip()
            if len(name) > 33:
                lines.append(name)
                name = ""
            lines.append(f"{name:34s}{r['est']:9.4f}{r['boot_se']:9.4f}"
                         f"{r['ci_lower']:10.4f}{r['ci_upper']:10.4f}")
        return "\n".join(lines)
