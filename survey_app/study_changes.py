"""What a running study may change when ``craftwave study load`` reloads it.

Checked at every load:

* email templates may use only the fields the mailer fills in (:data:`TEMPLATE_FIELDS`); an
  unknown field (``{lnk}``) is named at load, not found at sending.

Once a (non-pilot) participant consented:

* the consent text may change only with a new ``consent.version``;
* no wave and no page may be removed (answers and schedules refer to them).

Once randomisation started (a non-pilot participant has an arm): the study file's sections that
decide assignment and the pre-declared analysis (:data:`FROZEN_SECTIONS`: arms, allocation,
the primary contrast, the quality policy, wherever the study file keeps them) may change only
under a new study ``version`` with a ``change_reason``; the reason goes to the audit log.
Sections are compared as the stored file has them, so every field a section gains later is
covered as well.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

import yaml

from craftwave.instruments import StudyError
from craftwave.instruments.study import Study
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant, StudyRecord

TEMPLATE_FIELDS = ("link", "opens_on", "closes_on", "wave", "study_title", "unsubscribe",
                   "minutes")
"""The fields an email template may use (the mailer fills these in)."""
FROZEN_SECTIONS = ("intervention", "arms", "allocation", "primary", "quality")
"""Top-level sections of the study file frozen once randomisation started."""


@dataclass
class Change:
    """An accepted change of frozen sections: which, under which version, and why."""

    sections: list[str] = field(default_factory=list)
    version: str | None = None
    reason: str | None = None


def template_problems(study: Study, fields: tuple[str, ...] = TEMPLATE_FIELDS) -> list[str]:
    """Every use of an unknown (or malformed) field in the study's email templates."""
    problems = []
    for name, tpl in study.email_templates.items():
        for part, texts in (("subject", tpl.subject), ("body", tpl.body)):
            for lang, text in texts.items():
                where = f"email template '{name}' {part} ({lang})"
                try:
                    used = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
                except ValueError as exc:
                    problems.append(f"{where}: {exc} (write {{{{ and }}}} for literal braces)")
                    continue
                for f in dict.fromkeys(used):
                    if f not in fields:
                        problems.append(f"{where} uses the unknown field {{{f}}}; the fields are "
                                        + ", ".join(f"{{{x}}}" for x in fields))
    return problems


def _started(study_id: str, condition) -> bool:
    return db.session.execute(db.select(Participant.id).where(
        Participant.study_id == study_id, ~Participant.test, condition).limit(1)).first() is not None


def check_change(record: StudyRecord, old: Study, new: Study, new_raw: dict,
                 source: str) -> Change:
    """Refuse an unsafe change of a running study; returns the frozen sections it changes.

    Raises
    ------
    StudyError
        Naming every unsafe change.
    """
    problems = []
    change = Change()
    if _started(record.id, Participant.consented_at.is_not(None)):
        if old.consent.text != new.consent.text and old.consent.version == new.consent.version:
            problems.append(f"the consent text changed but consent.version is still "
                            f"'{new.consent.version}': participants consented to the old text, "
                            "so give the new text a new version")
        new_waves = new.waves_by_number
        for wave in old.waves:
            if wave.number not in new_waves:
                problems.append(f"wave {wave.number} was removed")
                continue
            kept = {p.id for p in new_waves[wave.number].pages}
            for page in wave.pages:
                if page.id not in kept:
                    problems.append(f"page '{page.id}' of wave {wave.number} was removed")
    if _started(record.id, Participant.arm.is_not(None)):
        old_raw = yaml.safe_load(record.source_yaml) or {}
        changed = [s for s in FROZEN_SECTIONS if old_raw.get(s) != new_raw.get(s)]
        if changed:
            new_version = new_raw.get("version")
            reason = (new_raw.get("change_reason") or "").strip()
            if new_version is None or new_version == old_raw.get("version") or not reason:
                problems.append(
                    f"randomisation has started and this file changes {', '.join(changed)}; "
                    "that needs a new study version: set `version:` to a new value and say why "
                    "in `change_reason:`")
            else:
                change = Change(changed, str(new_version), reason)
    if problems:
        raise StudyError(f"{source}: study '{new.id}' is running: "
                         + f"\n{source}: ".join(problems))
    return change
