"""The app's one time source, injectable so tests can move a participant a year forward.

Times are naive UTC datetimes everywhere in the database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import current_app


def system_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def now() -> datetime:
    """The current time (naive UTC) from the app's ``CLOCK`` setting or the system clock."""
    clock = current_app.config.get("CLOCK")
    return clock() if clock is not None else system_now()


class FakeClock:
    """A settable clock for tests and demos: ``clock.advance(days=90)``.

    Examples
    --------
    >>> from datetime import datetime
    >>> c = FakeClock(datetime(2026, 1, 1))
    >>> c.advance(days=1)
    >>> c()
    datetime.datetime(2026, 1, 2, 0, 0)
    """

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or system_now()

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current = self.current + timedelta(**delta)
