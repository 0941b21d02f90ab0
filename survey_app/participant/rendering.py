"""Rendering a survey page: question fragments from a Jinja template, cached per process.

A question's markup depends only on the question, its number on the page, the current
answer, the error message and the language, so each combination is rendered once by
``survey/_question.html`` (autoescaped) and reused; a page view then joins ten cached
fragments instead of re-running the template's inner loops.
"""

from __future__ import annotations

from flask import current_app, g
from markupsafe import Markup

from craftwave.survey_app.studies import CompiledPage, Question


def value_text(value) -> str | None:
    """An answer as the form posts it back ("4" for 4.0), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def choices_of(q: Question, lang: str) -> tuple[tuple[str, str], ...]:
    if q.scale is None:
        return ()
    integer = all(float(o.value).is_integer() for o in q.scale.options)
    return tuple((str(int(o.value)) if integer else str(o.value),
                  o.label.get(lang) or next(iter(o.label.values()))) for o in q.scale.options)


MAX_CACHED_VALUE = 64
"""Longer answers and error messages (free text, a hostile post) are rendered, never cached."""


def _fragment(page: CompiledPage, q: Question, number: int, current: str | None,
              error: str | None, lang: str) -> Markup:
    env = current_app.jinja_env
    key = (id(env), q.name, number, current, error, lang)
    cacheable = len(current or "") <= MAX_CACHED_VALUE and len(error or "") <= 4 * MAX_CACHED_VALUE
    cache = page.fragment_cache  # bounded: craftwave.survey_app.studies.FRAGMENTS_PER_PAGE
    html = cache.get(key) if cacheable else None
    if html is None:
        template = env.get_template("survey/_question.html")
        html = Markup(template.render(q=q, number=number, current=current, error=error,
                                      choices=choices_of(q, lang), tr=_tr_for(lang)))
        if cacheable:
            cache.set(key, html)
    return html


def _tr_for(lang: str):
    def tr(text):
        if not text:
            return ""
        return text.get(lang) or next(iter(text.values()))

    return tr


def question_fragments(page: CompiledPage, order: list[str], values: dict[str, object],
                       errors: dict[str, str]) -> tuple[list[Markup], dict[str, int]]:
    """The markup of each question in ``order`` and each question's number on the page."""
    lang = g.get("lang", "en")
    out, numbers = [], {}
    for number, name in enumerate(order, start=1):
        q = page.by_name[name]
        numbers[name] = number
        out.append(_fragment(page, q, number, value_text(values.get(name)), errors.get(name), lang))
    return out, numbers
