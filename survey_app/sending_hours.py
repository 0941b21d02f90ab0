"""Each participant's local time: their IANA zone, the study's sending hours, local dates.

Times in the database are naive UTC. A participant's zone is their own (``timezone``, from
the import or the entry page) or else the study's default; :mod:`zoneinfo` does the
daylight-saving arithmetic, so 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC in summer.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from craftwave.instruments.study import Study, is_time_zone


def zone_of(participant_zone: str | None, study: Study) -> ZoneInfo:
    """The participant's zone, or the study's default when they have none (or an unknown one)."""
    if participant_zone and is_time_zone(participant_zone):
        return ZoneInfo(participant_zone)
    return ZoneInfo(study.timezone)


def hours(study: Study) -> tuple[time, time | None]:
    """The study's sending hours as local (start, end); end None means midnight (24:00)."""
    start, end = study.sending_hours.split("-")
    return time.fromisoformat(start), None if end == "24:00" else time.fromisoformat(end)


def local(now: datetime, zone: ZoneInfo) -> datetime:
    """A naive UTC time as an aware local time in ``zone``."""
    return now.replace(tzinfo=UTC).astimezone(zone)


def inside(now: datetime, zone: ZoneInfo, study: Study) -> bool:
    """Whether ``now`` (naive UTC) is inside the study's sending hours in ``zone``."""
    start, end = hours(study)
    t = local(now, zone).time().replace(tzinfo=None)
    return t >= start and (end is None or t < end)


def next_opening(now: datetime, zone: ZoneInfo, study: Study) -> datetime:
    """The earliest time (naive UTC) at or after ``now`` inside the sending hours in ``zone``.    """
    if inside(now, zone, study):
        return now
    start, _end = hours(study)
    here = local(now, zone)
    day = here.date() if here.time().replace(tzinfo=None) < start else here.date() + timedelta(days=1)
    for offset in range(3):  # a start inside a DST gap: try the next day
        candidate = datetime.combine(day + timedelta(days=offset), start, tzinfo=zone)
        utc = candidate.astimezone(UTC).replace(tzinfo=None)
        if utc >= now and inside(utc, zone, study):
            return utc
    return now + timedelta(hours=1)


def local_date(value: datetime | None, zone: ZoneInfo, fmt: str = "%d %B %Y", *,
               default: str = "") -> str:
    """``value`` (naive UTC) as the participant's local date (or ``fmt``), with the zone named.

    Also the Jinja filter ``local_date``: ``{{ opens_at|local_date(zone) }}``.
    """
    if value is None:
        return default
    return f"{local(value, zone).strftime(fmt)} ({zone.key})"


_REGIONS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/",
            "Indian/", "Pacific/")


@cache
def time_zone_choices() -> tuple[str, ...]:
    """The zones a participant may pick (``Region/City`` names, sorted), plus ``UTC``."""
    return ("UTC", *sorted(z for z in available_timezones() if z.startswith(_REGIONS)))
