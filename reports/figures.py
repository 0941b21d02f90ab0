"""Figures for reports: matplotlib figures embedded as data URIs (SVG for HTML, PNG for PDF).

Figures are drawn on :class:`matplotlib.figure.Figure` objects directly (no pyplot, no global
state), with DejaVu Sans, the font matplotlib ships and Debian installs, so HTML and PDF look
the same everywhere. Text in SVG output is drawn as paths, so no font is needed to view it.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from matplotlib.figure import Figure as MplFigure

PALETTE = ("#1b5e8c", "#d9822b", "#2e8b57", "#8e44ad", "#c0392b", "#7f8c8d")
_RC = {"font.family": "DejaVu Sans", "font.size": 9, "svg.fonttype": "path",
       "svg.hashsalt": "craftwave"}


@dataclass(frozen=True)
class Figure:
    """A report figure: both encodings, a title and a caption (numbered when rendered)."""

    id: str
    title: str
    caption: str
    svg: str  # base64 of the SVG document
    png: str  # base64 of a PNG at 200 dpi
    alt: str = ""

    def uri(self, fmt: str) -> str:
        """A data URI of the figure (``"svg"`` or ``"png"``)."""
        if fmt == "svg":
            return f"data:image/svg+xml;base64,{self.svg}"
        return f"data:image/png;base64,{self.png}"


def new_figure(width: float = 6.0, height: float = 3.2) -> MplFigure:
    """A blank matplotlib figure in the report's style (inches)."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = MplFigure(figsize=(width, height), layout="constrained")
    return fig


def style_axes(ax) -> None:
    """Light APA-like axes: no top/right spines, light grid on y."""
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def embed(fig: MplFigure, *, id: str, title: str, caption: str, alt: str = "") -> Figure:
    """Encode a matplotlib figure as SVG and PNG and wrap it as a report :class:`Figure`."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        svg, png = io.BytesIO(), io.BytesIO()
        fig.savefig(svg, format="svg", metadata={"Date": None})
        fig.savefig(png, format="png", dpi=200)
    return Figure(
        id=id, title=title, caption=caption, alt=alt or title,
        svg=base64.b64encode(svg.getvalue()).decode("ascii"),
        png=base64.b64encode(png.getvalue()).decode("ascii"),
    )
