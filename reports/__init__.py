"""Telling it: the researcher report and the platform community-intervention report.

Both are built from an export directory (never from the app's database) by
:func:`build_report`, as HTML (Jinja2, autoescaped) and PDF (WeasyPrint)::

    from craftwave.reports import build_report
    build_report("researcher", "export/", "out/", formats=("html", "pdf"))

Sections whose analysis is not available say so in the report instead of failing it.
"""

from craftwave.reports.build import FORMATS, KINDS, ReportResult, build_report
from craftwave.reports.export import ReportData, load_export
from craftwave.reports.privacy import SuppressedTable, suppress
from craftwave.reports.studyinfo import StudyInfo, study_info

__all__ = [
    "FORMATS",
    "KINDS",
    "ReportData",
    "ReportResult",
    "StudyInfo",
    "SuppressedTable",
    "build_report",
    "load_export",
    "study_info",
    "suppress",
]
