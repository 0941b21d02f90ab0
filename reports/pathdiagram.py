"""A path diagram of a fitted observed-variable model, with standardised estimates (matplotlib).

Boxes are placed by the caller (``positions``: variable -> (x, y) in axes units); every
regression among them is drawn as an arrow labelled with its standardised estimate (β) and
stars by its p-value; R² is printed under each endogenous variable. Paths whose 95% CI
includes zero are drawn grey and dashed, so the figure shows what the intervals say.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure as MplFigure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from craftwave.reports import figures as F
from craftwave.reports import tables as T


def _stars(p: float) -> str:
    if not np.isfinite(p):
        return ""
    return "***" if p < 0.001 else "**" if p < 0.01 else "*" if p < 0.05 else ""


def _edge(a: tuple[float, float], b: tuple[float, float], bw: float,
          bh: float) -> tuple[float, float]:
    """Where the segment from box centre ``a`` towards ``b`` leaves the box around ``a``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = min((bw / 2) / abs(dx) if dx else np.inf, (bh / 2) / abs(dy) if dy else np.inf)
    return a[0] + t * dx, a[1] + t * dy


def _crosses(a, b, c, bw: float, bh: float) -> bool:
    """Whether the segment a-b passes through the box centred at c."""
    for t in np.linspace(0.05, 0.95, 60):
        x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
        if abs(x - c[0]) < bw / 2 and abs(y - c[1]) < bh / 2:
            return True
    return False


def r_squared(params: pd.DataFrame) -> dict[str, float]:
    """R² of every endogenous variable: 1 minus its standardised residual variance."""
    out = {}
    for lhs in dict.fromkeys(params.loc[params["op"] == "~", "lhs"]):
        row = params[(params["op"] == "~~") & (params["lhs"] == lhs) & (params["rhs"] == lhs)]
        if len(row) and "std_all" in row.columns and pd.notna(row["std_all"].iloc[0]):
            out[str(lhs)] = float(1.0 - row["std_all"].iloc[0])
    return out


def path_diagram(params: pd.DataFrame, positions: Mapping[str, tuple[float, float]],
                 labels: Mapping[str, str], *, skip: Collection[tuple[str, str]] = (),
                 width: float = 6.4, height: float = 3.4) -> MplFigure:
    """Draw the regressions among ``positions``' variables with their β and the R².

    ``skip`` holds ``(outcome, predictor)`` pairs estimated but not drawn (say so in the
    caption).
    """
    fig = F.new_figure(width, height)
    ax = fig.subplots()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")
    r2 = r_squared(params)
    bw, bh = 0.17, 0.11
    for name, (x, y) in positions.items():
        ax.add_patch(FancyBboxPatch((x - bw / 2, y - bh / 2), bw, bh,
                                    boxstyle="round,pad=0.005,rounding_size=0.01",
                                    facecolor="#f3f7fb", edgecolor="#1b5e8c", linewidth=0.9))
        ax.text(x, y, labels.get(name, name), ha="center", va="center", fontsize=6.5,
                wrap=True)
        if name in r2:
            ax.text(x, y - bh / 2 - 0.035, f"R² = {T.bounded(r2[name])}", ha="center",
                    va="top", fontsize=6, color="#333333")
    reg = params[(params["op"] == "~") & params["lhs"].isin(list(positions))
                 & params["rhs"].isin(list(positions))]
    reg = reg[[(a, b) not in set(skip) for a, b in zip(reg["lhs"], reg["rhs"], strict=True)]]
    for r in reg.itertuples():
        (x0, y0), (x1, y1) = positions[r.rhs], positions[r.lhs]
        others = [p for n, p in positions.items() if n not in (r.rhs, r.lhs)]
        blocked = any(_crosses((x0, y0), (x1, y1), c, bw, bh) for c in others)
        rad = 0.32 if blocked else 0.0
        sig = bool(r.ci_lower > 0 or r.ci_upper < 0)
        color = "#1a1a1a" if sig else "#9a9a9a"
        start = _edge((x0, y0), (x1, y1), bw, bh)
        end = _edge((x1, y1), (x0, y0), bw, bh)
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=8,
                                     color=color, linewidth=0.9,
                                     linestyle="-" if sig else "--",
                                     connectionstyle=f"arc3,rad={rad}", shrinkA=1, shrinkB=1))
        beta = getattr(r, "std_all", np.nan)
        text = (T.bounded(beta) if pd.notna(beta) else T.num(r.est)) + _stars(r.pvalue)
        mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
        if rad:  # the arc's midpoint lies off the chord, to its right
            dx, dy = end[0] - start[0], end[1] - start[1]
            mx, my = mx + rad / 2 * dy, my - rad / 2 * dx
        ax.text(mx, my, text, ha="center", va="center", fontsize=6.5, color=color,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6})
    return fig
