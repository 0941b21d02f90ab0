"""The models of the ordinal panel fixture (tests/reference/r/ordinal_clpm.R), as the builders
write them; the committed .lav files are these syntaxes (a test checks they still agree)."""

from __future__ import annotations

from craftwave.analysis.panel import clpm, riclpm

ITEMS = {"icraft": ["a", "b", "c"], "resil": ["a", "b", "c"]}
WAVES = [1, 2, 3, 4]
CONSTRUCTS = ["icraft", "resil"]
#: the indirect effects of each construct at wave 1 on the other at wave 3 (two paths each)
#: and a ratio of the cross-lagged effects (a non-linear function)
DEFINED = ("ind_icraft_resil := cl_icraft_resil * ar_resil + ar_icraft * cl_icraft_resil\n"
           "ind_resil_icraft := cl_resil_icraft * ar_icraft + ar_resil * cl_resil_icraft\n"
           "ratio := cl_icraft_resil / cl_resil_icraft")


def models() -> dict:
    """name -> PanelModel, the fixture's models."""
    return {
        "ordinal_clpm": clpm(CONSTRUCTS, WAVES, indicators=ITEMS, ordered=True),
        "ordinal_clpm_stationary": clpm(CONSTRUCTS, WAVES, indicators=ITEMS, ordered=True,
                                        stationary=True).extend(DEFINED),
        "ordinal_riclpm4": riclpm(CONSTRUCTS, WAVES, indicators=ITEMS, ordered=True),
        "ordinal_riclpm4_stationary": riclpm(CONSTRUCTS, WAVES, indicators=ITEMS, ordered=True,
                                             stationary=True).extend(DEFINED),
        "mi_clpm_stationary": clpm(CONSTRUCTS, WAVES, indicators=ITEMS,
                                   stationary=True).extend(DEFINED),
    }
