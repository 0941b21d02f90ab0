"""Plots of a moderated mediation result (matplotlib, without pyplot's global state)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from craftwave.analysis.mediation.result import ModeratedMediationResult


def _new_axes(ax):
    if ax is not None:
        return ax
    from matplotlib.figure import Figure

    return Figure(figsize=(6.0, 4.2), layout="constrained").subplots()


def interaction_predictions(res: ModeratedMediationResult, n_points: int = 50) -> dict:
    """Predicted outcome of the moderated equation over the focal predictor at each probe value.

    Other predictors (covariates, and X in model 14) are held at their means. Returns the focal
    variable's grid in data units and one array of predictions per probe value.
    """
    s = res.spec
    pm = s.path_model
    focal, outcome = (s.x, s.m) if s.first_stage else (s.m, s.y)
    eq = next(e for e in pm.equations if e.outcome == outcome)
    data_vals = res.data[focal] + s.centers.get(focal, 0.0)
    grid = np.linspace(float(data_vals.min()), float(data_vals.max()), n_points)
    f = grid - s.centers.get(focal, 0.0)
    lines = {}
    for value in res.probes:
        c = float(s.to_model_metric(value))
        pred = np.full(n_points, res.theta[pm.param_index(outcome, "~1")])
        for p in eq.predictors:
            coef = res.theta[pm.param_index(outcome, "~", p)]
            if p == focal:
                pred = pred + coef * f
            elif p == s.moderator:
                pred = pred + coef * c
            elif p == s.product:
                pred = pred + coef * f * c
            else:
                pred = pred + coef * float(res.data[p].mean())
        lines[float(value)] = pred + s.centers.get(outcome, 0.0)
    return {"focal": focal, "outcome": outcome, "grid": grid, "lines": lines}


def interaction_plot(res: ModeratedMediationResult, ax=None):
    """Lines of the moderated equation's predictions at the probe values."""
    ax = _new_axes(ax)
    pred = interaction_predictions(res)
    for value, line in pred["lines"].items():
        ax.plot(pred["grid"], line, label=f"{res.spec.moderator} = {value:.2f}")
    ax.set_xlabel(pred["focal"])
    ax.set_ylabel(f"predicted {pred['outcome']}")
    ax.set_title(f"Interaction: {pred['focal']} x {res.spec.moderator}")
    ax.legend(frameon=False)
    return ax


def conditional_indirect_plot(res: ModeratedMediationResult, ax=None, n_points: int = 101):
    """The conditional indirect effect over the observed moderator range, with its band."""
    ax = _new_axes(ax)
    lo, hi = res.observed_range
    curve = res.indirect_over(np.linspace(lo, hi, n_points))
    band = "delta-method" if res.draws is None else "percentile bootstrap"
    ax.fill_between(curve["w_value"], curve["ci_lower"], curve["ci_upper"], alpha=0.25,
                    label=f"{res.bootstrap.level:.0%} {band} band")
    ax.plot(curve["w_value"], curve["est"], label="indirect effect")
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.set_xlabel(res.spec.moderator)
    ax.set_ylabel(f"indirect effect of {res.spec.x} on {res.spec.y}")
    ax.set_title("Conditional indirect effect")
    ax.legend(frameon=False)
    return ax


def save_plots(res: ModeratedMediationResult, directory: Path) -> list[Path]:
    """Write ``interaction.png`` and ``conditional_indirect.png`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for name, draw in (("interaction", interaction_plot),
                       ("conditional_indirect", conditional_indirect_plot)):
        ax = draw(res)
        path = directory / f"{name}.png"
        ax.figure.savefig(path, dpi=120)
        out.append(path)
    return out
