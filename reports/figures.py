"""Figures for reports: matplotlib figures embedded as data URIs (SVG for HTML, PNG for PDF).

Figures are drawn on :class:`matplotlib.figure.Figure` objects directly (no pyplot, no global
state), with DejaVu Sans, the font matplotlib ships and Debian installs, so HTML and PDF look
the same everywhere. Text in SVG output is drawn as paths, so no font is needed to view it;
every piece of text the figure shows (titles, axis labels, tick labels, legend entries,
annotations) is kept as :attr:`Figure.texts` and written into the SVG's ``<desc>``, and the
values it plots as :attr:`Figure.data`, so both can be checked (the platform report's privacy
test scans them).
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
    texts: tuple[str, ...] = ()  # every text the figure shows, in drawing order
    data: tuple[tuple[float, ...], ...] = ()  # the y values of each plotted line

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


def figure_texts(fig: MplFigure) -> tuple[str, ...]:
    """Every visible, non-empty text of a drawn figure (tick labels, labels, legend, notes)."""
    from matplotlib.text import Text

    out = []
    for t in fig.findobj(Text):
        text = t.get_text().strip()
        if text and t.get_visible() and (t.axes is None or t.axes.get_visible()):
            out.append(text)
    return tuple(dict.fromkeys(out))


def figure_data(fig: MplFigure) -> tuple[tuple[float, ...], ...]:
    """The y values of every plotted line (markers and lines; error-bar caps left out)."""
    import numpy as np

    out = []
    for ax in fig.axes:
        for line in ax.get_lines():
            if str(line.get_label()).startswith("_") and line.get_marker() in ("_", "|"):
                continue  # error-bar caps
            y = np.asarray(line.get_ydata(), dtype=float)
            if y.size:
                out.append(tuple(float(v) for v in y))
    return tuple(out)


def _with_desc(svg: bytes, texts: tuple[str, ...]) -> bytes:
    """Put the figure's texts in the SVG's ``<desc>`` (its text is drawn as paths)."""
    from xml.sax.saxutils import escape

    doc = svg.decode("utf-8")
    at = doc.find(">", doc.find("<svg")) + 1
    desc = "<desc>" + escape(" | ".join(texts)) + "</desc>"
    return (doc[:at] + "\n " + desc + doc[at:]).encode("utf-8")


def embed(fig: MplFigure, *, id: str, title: str, caption: str, alt: str = "") -> Figure:
    """Encode a matplotlib figure as SVG and PNG and wrap it as a report :class:`Figure`."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        svg, png = io.BytesIO(), io.BytesIO()
        fig.savefig(svg, format="svg", metadata={"Date": None})
        fig.savefig(png, format="png", dpi=200)
    texts = figure_texts(fig)
    return Figure(
        id=id, title=title, caption=caption, alt=alt or title,
        svg=base64.b64encode(_with_desc(svg.getvalue(), texts)).decode("ascii"),
        png=base64.b64encode(png.getvalue()).decode("ascii"),
        texts=texts, data=figure_data(fig),
    )


def wave_ticks(ax, waves) -> None:
    """x ticks at the waves, labelled "Wave 1", "Wave 2", ... (never bare numbers)."""
    ax.set_xticks(list(waves))
    ax.set_xticklabels([f"Wave {w}" for w in waves])


def percent_axis(ax) -> None:
    """y tick labels as percentages ("40%")."""
    from matplotlib.ticker import PercentFormatter

    ax.yaxis.set_major_formatter(PercentFormatter(decimals=0))


def mean_axis(ax) -> None:
    """y tick labels of mean scores with one decimal ("3.5"), never read as counts."""
    from matplotlib.ticker import FormatStrFormatter

    ax.yaxis.set_major_formatter(FormatStrFormatter("%.1f"))
