"""Rendering: Jinja2 templates (autoescaped) to HTML, WeasyPrint to PDF.

Figures are embedded as data URIs: SVG in HTML (sharp at any zoom), PNG in PDF (so every
figure is an image object a reader or a test can find). Fonts: DejaVu Serif and DejaVu Sans,
which Debian's ``fonts-dejavu-core`` installs (``scripts/system_deps.sh``), with the generic
families as fallback.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from craftwave.instruments.errors import CraftwaveError
from craftwave.reports.sections import Section

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> jinja2.Environment:
    """The report templates' environment: autoescaping on for every template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from craftwave.reports.summary import apa_markup

    env.filters["apa"] = apa_markup  # APA 7 italic statistical symbols (researcher report)
    return env


def number_items(sections: Sequence[Section]) -> dict[str, str]:
    """Number tables and figures in document order; returns id -> "Table 3" / "Figure 2"."""
    refs: dict[str, str] = {}
    t = f = 0
    for s in sections:
        for table in s.tables:
            t += 1
            refs[table.id] = f"Table {t}"
        for fig in s.figures:
            f += 1
            refs[fig.id] = f"Figure {f}"
    return refs


def render_html(kind: str, context: dict[str, Any], *, figure_format: str = "svg") -> str:
    """Render the report ``kind`` (``researcher`` or ``platform``) to an HTML string."""
    env = environment()
    # The stylesheet is the package's own file (no data in it): marked safe so that its quotes
    # are not escaped inside <style>, where HTML entities are not decoded.
    css = Markup((TEMPLATES / "report.css").read_text(encoding="utf-8"))
    template = env.get_template(f"{kind}.html")
    return template.render(**context, css=css, figure_format=figure_format)


def write_pdf(html: str, path: Path) -> Path:
    """Write ``html`` as PDF with WeasyPrint (the ``pdf`` extra)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise CraftwaveError(
            "PDF output needs WeasyPrint and Pango: pip install 'craftwave[pdf]' and install "
            f"Pango (Debian: libpango-1.0-0 libpangoft2-1.0-0) ({exc})"
        ) from exc
    for name in ("weasyprint", "fontTools", "fontTools.subset"):
        logging.getLogger(name).setLevel(logging.ERROR)
    weasyprint.HTML(string=html, base_url=str(TEMPLATES)).write_pdf(str(path))
    return path
