"""What is asked: instrument definitions, their schema and loader, scoring rules and codebooks.

This package imports nothing else of craftwave.
"""

from .errors import (
    CraftwaveError,
    DataError,
    InstrumentError,
    ModelError,
    StudyError,
)
from .loader import LIBRARY_DIR, instrument_from_dict, load_instrument, load_library
from .names import item_var, product_var, scale_var, split_wave, subscale_var, with_wave
from .scoring import reverse_value, score
from .schema import AttentionCheck, Instrument, Item, Option, ResponseScale, Scoring, Subscale

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
    "StudyError",
    "Subscale",
    "instrument_from_dict",
    "item_var",
    "load_instrument",
    "load_library",
    "product_var",
    "reverse_value",
    "score",
    "scale_var",
    "split_wave",
    "subscale_var",
    "with_wave",
]
