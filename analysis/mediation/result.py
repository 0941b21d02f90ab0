"""The result of ``moderated_mediation``: tidy tables, a text summary, JSON and plots."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from craftwave.analysis.mediation.spec import MediationSpec


@dataclass(frozen=True)
class BootstrapInfo:
    """How the intervals were obtained."""

    n_boot: int
    n_failed: int
    seed: int | None
    ci: str  # "percentile", "bca" or "delta" (no bootstrap: normal-theory delta method)
    level: float

    def describe(self) -> str:
        """One line for summaries."""
        if self.ci == "delta":
            return f"{self.level:.0%} intervals: delta method (normal), no bootstrap"
        kind = "percentile" if self.ci == "percentile" else "BCa"
        return (
            f"{self.level:.0%} intervals: {kind} bootstrap, {self.n_boot} resamples "
            f"(seed {self.seed}), {self.n_failed} failed and excluded"
        )


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
        for row in frame.to_dict(orient="records")
    ]


def _fmt(v: float) -> str:
    return "     ." if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:9.4f}"


@dataclass
class ModeratedMediationResult:
    """Estimates, conditional effects and intervals of a moderated mediation model.

    Attributes
    ----------
    paths : DataFrame
        lhs, op, rhs, label, est, se, z, pvalue, ci_lower, ci_upper of every parameter (ML
        estimates and SEs; bootstrap CIs when bootstrapped, else Wald). Intercepts are in the
        centred metric of the centred variables.
    index : DataFrame
        The index of moderated mediation (est, delta-method se, ci_lower, ci_upper).
    conditional_indirect : DataFrame
        w_value (moderator, data units), est, se (delta method), ci_lower, ci_upper.
    conditional_direct : DataFrame
        The direct effect: per probe value for model 8, one unconditional row otherwise.
    simple_slopes : DataFrame
        Conditional effects of the moderated path(s) at the probe values (Wald z tests).
    johnson_neyman : DataFrame
        effect, boundary (data units), in_range (inside the observed moderator range).
    jn_regions : dict
        Per moderated effect, the intervals of the moderator where it is significant.
    """

    spec: MediationSpec
    n: int
    n_dropped: int
    theta: np.ndarray
    vcov: np.ndarray
    paths: pd.DataFrame
    index: pd.DataFrame
    conditional_indirect: pd.DataFrame
    conditional_direct: pd.DataFrame
    simple_slopes: pd.DataFrame
    johnson_neyman: pd.DataFrame
    jn_regions: dict[str, list[tuple[float, float]]]
    observed_range: tuple[float, float]
    probes: np.ndarray
    bootstrap: BootstrapInfo
    draws: np.ndarray | None
    data: pd.DataFrame
    syntax: str
    estimator: str = "ML"

    @property
    def model(self) -> int:
        """PROCESS model number."""
        return self.spec.model

    def indirect_over(self, values: np.ndarray) -> pd.DataFrame:
        """Conditional indirect effect over moderator values, with its bootstrap band.

        The band is the pointwise interval of the same type and level as the result's
        (percentile; BCa results show a percentile band), or the delta-method band without a
        bootstrap.
        """
        from craftwave.analysis.bootstrap.intervals import percentile_interval
        from craftwave.analysis.mediation.probe import critical_z

        values = np.asarray(values, dtype=float)
        effects = [self.spec.indirect(c) for c in values]
        est = np.array([e.value(self.theta) for e in effects])
        if self.draws is None:
            se = np.array([e.delta_se(self.theta, self.vcov) for e in effects])
            crit = critical_z(self.bootstrap.level)
            lo, hi = est - crit * se, est + crit * se
        else:
            lo, hi = percentile_interval(
                np.column_stack([e.value(self.draws) for e in effects]), self.bootstrap.level
            )
        return pd.DataFrame({"w_value": values, "est": est, "ci_lower": lo, "ci_upper": hi})

    # -- output -------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``craftwave moderated-mediation --json``."""
        paths = {}
        for row in _records(self.paths):
            key = f"{row['lhs']} {row['op']} {row['rhs']}".strip()
            paths[key] = {k: row[k] for k in
                          ("label", "est", "se", "z", "pvalue", "ci_lower", "ci_upper")}
        index = _records(self.index)[0]
        jn = []
        for effect, regions in self.jn_regions.items():
            rows = self.johnson_neyman[self.johnson_neyman["effect"] == effect]
            jn.append(
                {
                    "effect": effect,
                    "boundaries": [float(b) for b in rows["boundary"]],
                    "in_range": [bool(b) for b in rows["in_range"]],
                    "significant_where": [[lo, hi] for lo, hi in regions],
                    "critical_value": "z",
                }
            )
        s = self.spec
        return {
            "model": s.model,
            "variables": {"x": s.x, "w": s.moderator, "m": s.m, "y": s.y,
                          "covariates": list(s.covariates), "product": s.product},
            "n": self.n,
            "n_dropped_incomplete": self.n_dropped,
            "centered": s.centers,
            "estimator": self.estimator,
            "bootstrap": {"n": self.bootstrap.n_boot, "n_failed": self.bootstrap.n_failed,
                          "seed": self.bootstrap.seed, "ci": self.bootstrap.ci,
                          "level": self.bootstrap.level},
            "paths": paths,
            "index": {k: index[k] for k in ("est", "se", "ci_lower", "ci_upper")},
            "conditional_indirect": _records(self.conditional_indirect),
            "conditional_direct": _records(self.conditional_direct),
            "simple_slopes": _records(self.simple_slopes),
            "johnson_neyman": jn,
            "syntax": self.syntax,
        }

    def summary(self) -> str:
        """A plain-text report."""
        s = self.spec
        lines = [
            f"Moderated mediation, PROCESS model {s.model}: {s.x} -> {s.m} -> {s.y}, "
            f"moderator {s.moderator}",
            f"N = {self.n}" + (f" ({self.n_dropped} incomplete rows dropped)" if self.n_dropped else ""),
            f"Estimator: {self.estimator}; delta-method SEs for effects.",
            "Centred: " + (", ".join(f"{k} (mean {v:.4f})" for k, v in s.centers.items()) or "none"),
            self.bootstrap.describe(),
            "",
            "Paths",
            f"{'':40s}{'est':>9s}{'se':>9s}{'ci_lower':>9s}{'ci_upper':>9s}",
        ]
        for r in _records(self.paths):
            name = f"{r['lhs']} {r['op']} {r['rhs']}" + (f" ({r['label']})" if r["label"] else "")
            lines.append(f"{name[:40]:40s}{_fmt(r['est'])}{_fmt(r['se'])}"
                         f"{_fmt(r['ci_lower'])}{_fmt(r['ci_upper'])}")
        ix = _records(self.index)[0]
        lines += ["", f"Index of moderated mediation: {ix['est']:.4f} (se {ix['se']:.4f}), "
                      f"CI [{ix['ci_lower']:.4f}, {ix['ci_upper']:.4f}]", "",
                  f"Conditional indirect effects at values of {s.moderator}"]
        for r in _records(self.conditional_indirect):
            lines.append(f"  {s.moderator} = {r['w_value']:8.4f}: {r['est']:8.4f} (se "
                         f"{r['se']:.4f}) CI [{r['ci_lower']:.4f}, {r['ci_upper']:.4f}]")
        lines += ["", "Simple slopes (Wald z)"]
        for r in _records(self.simple_slopes):
            lines.append(f"  {r['effect']} at {r['w_value']:8.4f}: {r['est']:8.4f} (se "
                         f"{r['se']:.4f}, p {r['pvalue']:.4f})")
        lines += ["", "Johnson-Neyman (normal critical value): significant where"]
        for effect, regions in self.jn_regions.items():
            text = ", ".join(f"[{lo:.4f}, {hi:.4f}]" for lo, hi in regions) or "nowhere"
            lines.append(f"  {effect}: {s.moderator} in {text} (observed "
                         f"{self.observed_range[0]:.4f} to {self.observed_range[1]:.4f})")
        return "\n".join(lines)

    # -- plots --------------------------------------------------------------------------------
    def plot_interaction(self, ax=None):
        """Interaction plot of the moderated path at the probe values; returns the Axes."""
        from craftwave.analysis.mediation.plots import interaction_plot

        return interaction_plot(self, ax=ax)

    def plot_conditional_indirect(self, ax=None, n_points: int = 101):
        """Conditional indirect effect over the moderator with its band; returns the Axes."""
        from craftwave.analysis.mediation.plots import conditional_indirect_plot

        return conditional_indirect_plot(self, ax=ax, n_points=n_points)

    def save_plots(self, directory: str | Path) -> list[Path]:
        """Write both plots as PNG files into ``directory``; returns their paths."""
        from craftwave.analysis.mediation.plots import save_plots

        return save_plots(self, Path(directory))
