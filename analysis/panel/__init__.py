"""Panel-model builders: lavaan syntax out, fitted results back (FIML by default).

``clpm``, ``riclpm``, ``lcs`` and ``focal`` each return a :class:`PanelModel` whose
``.syntax`` is readable, commented lavaan syntax and whose ``.fit(data)`` fits it through the
SEM engine with full-information maximum likelihood.
"""

from ._common import DEFAULT_MISSING, PanelModel
from .clpm import clpm
from .focal import focal
from .lcs import lcs
from .riclpm import riclpm

__all__ = ["DEFAULT_MISSING", "PanelModel", "clpm", "focal", "lcs", "riclpm"]
