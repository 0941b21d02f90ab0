"""Researcher passwords as NIST SP 800-63B asks: length, a blocklist, no context words.

What is checked when a password is set (:func:`check_new_password`):

- **length**: at least ``PASSWORD_MIN_LENGTH`` characters (default 12; 800-63B revision 4 asks
  15 where the password is the only factor: set 15 unless owners use TOTP), at most 1,024;
  every character allowed, spaces included, and no composition rules (no "one digit, one
  symbol"), which 800-63B advises against;
- **common passwords**: refused if it is one of the 30,000 most common passwords of the
  password list that the ``zxcvbn`` package ships (MIT licence; Dropbox's zxcvbn list, drawn
  from public password leaks), compared case-insensitively and also with trailing digits and
  symbols removed (``Password2024!`` is ``password``);
- **context words**: refused if it contains the account's email name or domain label, the
  name of this software, or the id words (4 or more letters) or title words (6 or more) of a
  loaded study, case-insensitively;
- **repetition and sequences**: one short piece repeated (``passwordpassword``,
  ``abcabcabcabc``) or a run of consecutive characters (``123456789012``, ``abcdefghijkl``)
  is refused.

Passwords are never expired or forced to change on a schedule (800-63B): change one when it
may have been exposed (``craftwave researcher passwd``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from flask import current_app, has_app_context

from craftwave.instruments.errors import CraftwaveError

MAX_LENGTH = 1024
CONTEXT_MIN = 4
PRODUCT_WORDS = ("craftwave", "survey", "research")


class PasswordRejected(CraftwaveError):
    """The password does not meet the policy; the message says why, without echoing it."""


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The blocklist: zxcvbn's list of common passwords (MIT licence), lower-case."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(p.lower() for p in FREQUENCY_LISTS["passwords"])


_TAIL = re.compile(r"[\d\W_]+$")
_WORD = re.compile(rf"[^\W\d_]{{{CONTEXT_MIN},}}")
TITLE_WORD_MIN = 6
"""Study title words this long or longer are context words (shorter ones are too common)."""


def context_words(email: str | None = None, extra: tuple[str, ...] = ()) -> set[str]:
    """Words a password must not contain: the email's name and domain label, the software's
    name, the loaded studies' ids and title words, and ``extra``."""
    words = set(PRODUCT_WORDS)
    if email and "@" in email:
        local, _, domain = email.lower().partition("@")
        words.update(_WORD.findall(local))
        words.update(w for w in domain.split(".")[:-1] if len(w) >= CONTEXT_MIN)
    for text in extra:
        words.update(w.lower() for w in _WORD.findall(text))
    if has_app_context():
        words.update(_study_words())
    return {w for w in words if len(w) >= CONTEXT_MIN}


def _study_words() -> set[str]:
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import StudyRecord

    words: set[str] = set()
    for sid in db.session.execute(db.select(StudyRecord.id)).scalars():
        words.update(w.lower() for w in _WORD.findall(sid.replace("-", " ").replace("_", " ")))
        words.add(sid.lower())
    try:
        from craftwave.survey_app.studies import get_study

        for sid in db.session.execute(db.select(StudyRecord.id)).scalars():
            cs = get_study(sid)
            if cs is not None:
                for title in cs.study.title.values():
                    words.update(w.lower() for w in _WORD.findall(title) if len(w) >= TITLE_WORD_MIN)
    except Exception:  # noqa: BLE001  (a study that no longer compiles still leaves its id)
        pass
    return words


def _repeated_unit(text: str) -> str | None:
    """The shortest piece that ``text`` repeats (at least twice), or None."""
    n = len(text)
    for size in range(1, n // 2 + 1):
        if n % size == 0 and text[:size] * (n // size) == text:
            return text[:size]
    return None


def _is_sequence(text: str) -> bool:
    """Whether every character is the one before plus (or minus) one, digits wrapping 9 to 0."""
    def step(a: str, b: str) -> int | None:
        if a.isdigit() and b.isdigit():
            return (int(b) - int(a)) % 10
        return ord(b) - ord(a)
    steps = {step(a, b) for a, b in zip(text, text[1:], strict=False)}
    return steps <= {1} or steps <= {-1, 9}


def check_new_password(password: str, email: str | None = None, extra: tuple[str, ...] = ()) -> None:
    """Raise :class:`PasswordRejected` unless ``password`` meets the policy above."""
    min_len = int(current_app.config.get("PASSWORD_MIN_LENGTH", 12)) if has_app_context() else 12
    if len(password) < min_len:
        raise PasswordRejected(f"the password must have at least {min_len} characters")
    if len(password) > MAX_LENGTH:
        raise PasswordRejected(f"the password must have at most {MAX_LENGTH} characters")
    lowered = password.lower()
    common = common_passwords()
    unit = _repeated_unit(lowered)
    if unit is not None and (len(unit) < 4 or unit in common):
        raise PasswordRejected("the password is a short or common piece repeated")
    if _is_sequence(lowered):
        raise PasswordRejected("the password is a run of consecutive characters")
    if lowered in common or _TAIL.sub("", lowered) in common or lowered.strip() in common:
        raise PasswordRejected("the password is on a list of commonly used passwords")
    for word in sorted(context_words(email, extra), key=len, reverse=True):
        if word in lowered:
            raise PasswordRejected("the password contains a word from its context "
                                   "(the email, a study's name or this software's name)")
