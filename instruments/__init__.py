"""What is asked: instrument definitions, their schema and loader, scoring rules and codebooks.

This package imports nothing else of craftwave. The codebook lives in its own module
(``from instruments.codebook import codebook``), so that the name ``instruments.codebook``
stays the module.
"""

from craftwave.instruments.errors import (
    CraftwaveError,
    DataError,
    InstrumentError,
    ModelError,
    StudyError,
)
from craftwave.instruments.loader import (
    LIBRARY_DIR,
    instrument_from_dict,
    load_instrument,
    load_library,
)
from craftwave.instruments.names import (
    item_var,
    product_var,
    scale_var,
    split_wave,
    subscale_var,
    with_wave,
)
from craftwave.instruments.schema import (
    AttentionCheck,
    Instrument,
    Item,
    Option,
    ResponseScale,
    Scoring,
    Subscale,
)
from craftwave.instruments.scoring import reverse_value, score, score_columns
from craftwave.instruments.study import Study, load_study, study_from_dict

__all__ = [
    "LIBRARY_DIR",
    "AttentionCheck",
    "CraftwaveError",
    "DataError",
    "Instrument",
    "InstrumentError",
    "Item",
    "ModelError",
    "Option",
    "ResponseScale",
    "Scoring",
    "Study",
    "StudyError",
    "Subscale",
    "instrument_from_dict",
    "item_var",
    "load_instrument",
    "load_library",
    "load_study",
    "product_var",
    "reverse_value",
    "score",
    "score_columns",
    "scale_var",
    "split_wave",
    "study_from_dict",
    "subscale_var",
    "with_wave",
]
