"""URL converters: a number in a URL that no column can hold is a 404, never a 500.

``<int:...>`` in every route of the app matches 0 to 2**31 - 1 (the range of a 32-bit
``INTEGER`` column on PostgreSQL and SQLite alike) and at most 10 digits; anything larger
matches no route.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter

INT_MAX = 2**31 - 1
"""The largest number a URL may carry (a PostgreSQL ``integer``)."""


class BoundedIntConverter(IntegerConverter):
    """Werkzeug's ``int`` converter, bounded to ``0..INT_MAX`` unless a route says otherwise."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = 0,  # noqa: A002
                 max: int | None = INT_MAX, signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
        self.regex = r"\d{1,10}"


def init_urls(app: Flask) -> None:
    """Use the bounded converter for ``int`` (call before any blueprint is registered)."""
    app.url_map.converters["int"] = BoundedIntConverter
