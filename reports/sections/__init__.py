"""Report sections: each a small function ``ctx -> Section``.

A section that cannot be built (its analysis module has not landed, or its analysis fails on
these data) becomes a placeholder saying "not available: <reason>", so a report always builds.
"""

from craftwave.reports.sections.base import (
    ReportContext,
    ReportOptions,
    RunRecord,
    Section,
    run_section,
)

__all__ = ["ReportContext", "ReportOptions", "RunRecord", "Section", "run_section"]
