"""craftwave: longitudinal survey research on work, from first invitation to final report.

This package holds the command line, the one place that joins the survey app
(``survey_app``) and the statistics (``analysis``, ``reports``).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("craftwave")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
