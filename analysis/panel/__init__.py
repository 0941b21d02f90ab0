"""Panel-model builders: lavaan syntax out, fitted results back (FIML by default).

``clpm``, ``riclpm``, ``lcs`` and ``focal`` each return a :class:`PanelModel` whose
``.syntax`` is readable, commented lavaan syntax and whose ``.fit(data)`` fits it through the
SEM engine with full-information maximum likelihood.
"""

from craftwave.analysis.panel._common import DEFAULT_MISSING, PanelModel
from craftwave.analysis.panel.clpm import clpm
from craftwave.analysis.panel.focal import focal
from craftwave.analysis.panel.lcs import lcs
from craftwave.analysis.panel.riclpm import riclpm

__all__ = ["DEFAULT_MISSING", "PanelModel", "clpm", "focal", "lcs", "riclpm"]
