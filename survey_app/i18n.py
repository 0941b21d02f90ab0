"""The participant's language: one place that sets it, for study texts and for the app's own.

Study texts (questions, consent, titles) come in the study file's languages and are picked by
:func:`craftwave.survey_app.participant.common.tr`; the app's own strings (buttons, progress,
errors, page titles, emails) go through gettext with Flask-Babel, from the catalogues under
``survey_app/translations`` (``messages.po`` with its compiled ``messages.mo`` committed beside
it; ``tests/survey_app/test_app_i18n.py`` checks that the two agree and that every string
extracted by ``babel.cfg`` is translated).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from flask import Flask, current_app, g
from flask_babel import gettext, refresh

from craftwave.survey_app.extensions import babel
from craftwave.survey_app.sending_hours import local


def set_language(lang: str) -> None:
    """Serve the rest of this request in ``lang`` (study texts and the app's own strings)."""
    if g.get("lang") != lang:
        g.lang = lang
        refresh()  # Flask-Babel caches the locale per request


def language_name(code: str) -> str:
    """A language's name in that language ("Deutsch" for ``de``), for the language switcher."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    return (name[:1].upper() + name[1:]) if name else code


def local_day(value: datetime | None, zone: ZoneInfo) -> str:
    """A (naive UTC) time as the participant's local date, in their language, with the zone
    named: "April 5, 2026 (Europe/Berlin)", "5. April 2026 (Europe/Berlin)"."""
    if value is None:
        return ""
    return f"{format_date(local(value, zone), 'long', locale=_locale())} ({zone.key})"


def local_moment(value: datetime | None, zone: ZoneInfo) -> str:
    """Local date and time, in the participant's language, with the zone named."""
    if value is None:
        return ""
    when = local(value, zone)
    text = gettext("%(date)s at %(time)s", date=format_date(when, "long", locale=_locale()),
                   time=format_time(when, "short", locale=_locale()))
    return f"{text} ({zone.key})"


def _locale() -> str:
    return g.get("lang") or current_app.config["DEFAULT_LANGUAGE"]


def init_i18n(app: Flask) -> None:
    """Bind Flask-Babel to the app, its locale following :func:`set_language`."""
    babel.init_app(app, locale_selector=_locale)
    app.jinja_env.globals["language_name"] = language_name
    app.jinja_env.filters["local_day"] = local_day
    app.jinja_env.filters["local_moment"] = local_moment
