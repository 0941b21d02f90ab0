"""The schema of a study definition (one YAML file per study) and its loader.

A study says who is asked (eligibility, recruitment sources), what they agree to (consent),
what is asked when (waves of pages of instruments), how they are reminded and, optionally,
which intervention arm they are in. The participant app, the researcher side, the analysis and
the reports all read this one file; nothing else configures a study.

Every problem becomes a :class:`~craftwave.instruments.errors.StudyError` whose message names the file
and the place, e.g.::

    study.yaml: wave 2: page 'crafting': unknown subscale 'tsak' of instrument 'icraft'
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from craftwave.instruments.errors import StudyError
from craftwave.instruments.loader import load_library
from craftwave.instruments.schema import ID_PATTERN, ITEM_ID_PATTERN, Instrument, Text

PROLIFIC_COMPLETE_URL = "https://app.prolific.com/submissions/complete"


def is_time_zone(name: str) -> bool:
    """Whether ``name`` is an IANA time zone known to this system (``zoneinfo``)."""
    if not name or len(name) > 64 or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Consent(_Strict):
    """The consent text shown before anything is stored, and its version (recorded)."""

    version: str
    text: Text
    decline_text: Text | None = None


class ScreeningOption(_Strict):
    value: int
    label: Text


class ScreeningQuestion(_Strict):
    """A screening question; a participant qualifies when every answer is in ``eligible``."""

    id: str = Field(pattern=ITEM_ID_PATTERN)
    text: Text
    options: list[ScreeningOption] = Field(min_length=2)
    eligible: list[int] = Field(min_length=1)


class Eligibility(_Strict):
    """Screening after consent: who does not qualify gets ``screen_out_code`` and no survey."""

    questions: list[ScreeningQuestion] = Field(min_length=1)
    rule: Literal["all"] = Field(
        "all", description="'all': every answer must be one of the question's eligible values.")
    screen_out_code: str = Field(pattern=r"^[A-Za-z0-9_-]{3,64}$")
    screen_out_text: Text | None = None

    def qualifies(self, answers: Mapping[str, int]) -> bool:
        """Whether answers (question id to value) pass the screening rule."""
        return all(answers.get(q.id) in q.eligible for q in self.questions)


class ProlificSource(_Strict):
    """Prolific: per-wave completion codes, the completion redirect and the screen-out code."""

    completion_codes: dict[int, str] = Field(
        description="Wave number to the Prolific completion code of that wave's study.")
    completion_url: str = PROLIFIC_COMPLETE_URL
    screen_out_code: str | None = Field(
        None, description="The Prolific code of a screened-out participant; shown on the "
        "screen-out page and sent with the return button (else the eligibility's code).")
    decline_code: str | None = Field(
        None, description="The Prolific code of someone who declines consent (else they are "
        "asked to return the study on Prolific).")

    def completion_redirect(self, wave: int) -> str:
        return f"{self.completion_url}?cc={self.completion_codes[wave]}"

    def screen_out_redirect(self, fallback: str | None = None) -> str | None:
        code = self.screen_out_code or fallback
        if code is None:
            return None
        return f"{self.completion_url}?cc={code}"

    def decline_redirect(self) -> str | None:
        if self.decline_code is None:
            return None
        return f"{self.completion_url}?cc={self.decline_code}"


class MTurkSource(_Strict):
    """MTurk external question: completion posts the assignment back to ``turkSubmitTo``."""

    description: Text
    allowed_submit_hosts: list[str] = Field(
        default_factory=lambda: ["https://www.mturk.com", "https://workersandbox.mturk.com"])
    frame_ancestors: list[str] = Field(
        default_factory=lambda: list(_MTURK_FRAME_DEFAULT),
        description="Origins allowed to frame MTurk entries and MTurk participants' pages "
        "(MTurk's worker sites, production and sandbox).")
    screen_out_code: str | None = Field(
        None, pattern=r"^[A-Za-z0-9_-]{3,64}$",
        description="A code screened-out workers may paste when returning the HIT.")
    decline_code: str | None = Field(
        None, pattern=r"^[A-Za-z0-9_-]{3,64}$",
        description="A code declining workers may paste when returning the HIT.")


class InvitationSource(_Strict):
    """Personal invitations (email or a platform's community): one unguessable link each."""

    enabled: bool = True


class Recruitment(_Strict):
    prolific: ProlificSource | None = None
    mturk: MTurkSource | None = None
    invitations: InvitationSource | None = Field(default_factory=InvitationSource)
    public: bool = Field(True, description="Whether the public study link accepts entries "
                         "without a recruitment id (e.g. a community post).")
    public_email: bool = Field(
        True, description="Offer who came by the public link an optional email field on their "
        "first page, to be sent their personal link at once (false: no address is asked for).")

    @property
    def sources(self) -> list[str]:
        out = []
        if self.prolific is not None:
            out.append("prolific")
        if self.mturk is not None:
            out.append("mturk")
        if self.invitations is not None and self.invitations.enabled:
            out.append("invitation")
        if self.public:
            out.append("public")
        return out


class Block(_Strict):
    """One instrument on a page, whole or restricted to some subscales or items."""

    instrument: str = Field(pattern=ID_PATTERN)
    subscales: list[str] | None = None
    items: list[str] | None = None


class AttentionPlacement(_Strict):
    """An attention check of an instrument, placed at ``position`` (0-based) on the page."""

    instrument: str = Field(pattern=ID_PATTERN)
    id: str = Field(pattern=ITEM_ID_PATTERN)
    position: int | None = Field(None, ge=0, description="Default: the middle of the page.")


class Page(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: Text | None = None
    blocks: list[Block] = Field(min_length=1)
    randomise: bool = Field(False, description="Shuffle the items of the page, seeded per "
                            "participant; the order shown is recorded.")
    attention_checks: list[AttentionPlacement] = Field(default_factory=list)


class Wave(_Strict):
    """A wave; wave k opens ``after_days`` after the participant completed wave k-1."""

    number: int = Field(ge=1)
    title: Text | None = None
    after_days: int = Field(0, ge=0)
    window_days: int | None = Field(None, ge=1, description="Days the wave stays open; "
                                    "None: open indefinitely.")
    pages: list[Page] = Field(min_length=1)


class Reminders(_Strict):
    days_after_open: list[int] = Field(default_factory=lambda: [3, 7])
    max_count: int = Field(2, ge=0)


class EmailTemplate(_Strict):
    subject: Text
    body: Text


SENDING_HOURS_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"
"""``HH:MM-HH:MM`` in the participant's local time; ``00:00-24:00`` is any time."""


class Arm(_Strict):
    name: str = Field(pattern=ID_PATTERN)
    ratio: int = Field(1, ge=1)
    description: str | None = None


class PrimaryContrast(_Strict):
    """The intervention's pre-declared primary contrast: one outcome at one wave.

    Frozen once the first participant consents: the app stores the declaration's time and
    hash then, and the platform report prints them. ``auxiliary`` names further score
    variables (e.g. ``meaning_w2``) that carry information about dropout; the primary model
    uses them as auxiliary variables (saturated correlates) besides the outcome's other waves.
    """

    outcome: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Score stem, e.g. resil.")
    wave: int = Field(ge=2, description="The wave whose outcome decides.")
    auxiliary: list[str] = Field(default_factory=list)
    smallest_effect: float | None = Field(
        None, gt=0, description="Smallest effect worth scaling, in outcome points "
                                "(default: 0.2 baseline SD).")


class Intervention(_Strict):
    """Optional intervention arms, assigned after consent and screening by a concealed draw.

    Only participants who consented and passed screening are randomised, in random permuted
    blocks; the draw's seed lives in the database (never in this file), see
    :mod:`craftwave.survey_app.allocation`.
    """

    arms: list[Arm] = Field(min_length=2)
    seed: int | None = Field(None, description="Not allowed: the assignment seed is kept out "
                                               "of the study file (kept for a clear message).")
    after_wave: int = Field(ge=1, description="The intervention runs after this wave.")
    method: Literal["block", "simple"] = "block"
    primary: PrimaryContrast | None = None

    def declaration(self) -> dict:
        """What is frozen at the first consent: arms, ratios, method, when it runs, the
        primary contrast."""
        return {"arms": [[a.name, a.ratio] for a in self.arms], "method": self.method,
                "after_wave": self.after_wave,
                "primary": self.primary.model_dump(mode="json") if self.primary else None}

    def declaration_hash(self) -> str:
        """sha256 of :meth:`declaration` as canonical JSON."""
        payload = json.dumps(self.declaration(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


#: The data-quality flags, one per careless-responding index (``craftwave.analysis.quality``).
QUALITY_FLAGS = ("longstring", "irv", "mahalanobis", "even_odd", "synonyms", "antonyms",
                 "person_total", "autocorrelation", "attention", "speeding")


class QualityPolicy(_Strict):
    """The study's data-quality policy: which flags are computed, their joint false-flag budget,
    and which flags exclude a participant-wave from which analyses.

    ``exclude`` maps an analysis (``primary``, ``sensitivity``, or a report section id) to the
    flags that exclude from it (``any`` for every flag). The default flags and reports
    everything and excludes nothing from any analysis.
    """

    flags: list[str] = Field(default_factory=lambda: list(QUALITY_FLAGS), min_length=1)
    alpha: float = Field(0.02, gt=0, lt=0.5, description="Share of attentive participant-waves "
                         "that may carry any flag (split evenly among the flags).")
    attention_slip_rate: float = Field(0.02, ge=0, lt=1, description="Chance that an attentive "
                                       "participant misses one attention check.")
    seconds_per_item_min: float = Field(2.0, gt=0, description="Speeding also needs fewer "
                                        "seconds per item than this.")
    exclude: dict[str, list[str]] = Field(default_factory=dict)
    scope: Literal["wave", "participant"] = "wave"
    seed: int = Field(16, description="Seed of the null-model draws (reproducible flags).")

    @field_validator("flags")
    @classmethod
    def _known_flags(cls, value: list[str]) -> list[str]:
        _check_flags(value, allow_any=False)
        return value

    @field_validator("exclude")
    @classmethod
    def _known_exclusions(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for names in value.values():
            _check_flags(names, allow_any=True)
        return value


def _check_flags(names: Iterable[str], allow_any: bool) -> None:
    bad = [f for f in names if f not in QUALITY_FLAGS and not (allow_any and f == "any")]
    if bad:
        raise ValueError(f"unknown flag(s) {', '.join(map(repr, bad))} (known: "
                         f"{', '.join(QUALITY_FLAGS)}{', or any' if allow_any else ''})")


class Retention(_Strict):
    """How long contact data are kept: ``days_after_last_wave`` after a participant's last wave
    closed or was completed (``craftwave study retention`` deletes them then)."""

    days_after_last_wave: int = Field(ge=0)


class Analysis(_Strict):
    """How the reports analyse the answers.

    ``indicators: ordinal`` treats the items as ordered categories where a measurement model of
    items is fitted (WLSMV; the reliability table adds categorical omega and ordinal alpha);
    the default, ``continuous``, treats them as interval scores.
    """

    indicators: Literal["continuous", "ordinal"] = "continuous"


class Study(_Strict):
    """A validated study definition."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]{1,62}$")
    title: Text
    description: Text | None = None
    languages: list[str] = Field(default_factory=lambda: ["en"], min_length=1)
    time_estimate_minutes: int | None = Field(
        None, ge=1, le=600, description="About how many minutes one survey takes (shown on the "
        "consent page; the email templates' {minutes}).")
    consent: Consent
    eligibility: Eligibility | None = None
    recruitment: Recruitment = Field(default_factory=Recruitment)
    waves: list[Wave] = Field(min_length=1)
    reminders: Reminders = Field(default_factory=Reminders)
    email_templates: dict[str, EmailTemplate] = Field(default_factory=dict)
    intervention: Intervention | None = None
    k_threshold: int = Field(10, ge=1, description="Platform reports suppress cells under k.")
    randomisation_seed: int = Field(0, description="Study seed of item-order randomisation.")
    quality: QualityPolicy | None = Field(None, description="Data-quality policy; None: the "
                                          "default (flag and report, exclude nothing).")
    analysis: Analysis | None = Field(None, description="How the reports analyse the answers "
                                      "(indicators: continuous or ordinal).")
    timezone: str = Field("UTC", description="IANA time zone of participants who gave none.")
    sending_hours: str = Field("09:00-20:00", pattern=SENDING_HOURS_PATTERN,
                               description="When emails may go out, participant local time.")
    on_unknown: Literal["resend", "hold"] = Field(
        "hold", description="A message whose send was interrupted (it may or may not have "
        "gone): resend it, or hold it for the researcher to decide.")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if not is_time_zone(value):
            raise ValueError(f"'{value}' is not an IANA time zone (e.g. Europe/Berlin)")
        return value

    @field_validator("sending_hours")
    @classmethod
    def _hours_order(cls, value: str) -> str:
        start, end = value.split("-")
        if start >= end:
            raise ValueError(f"sending_hours '{value}': the start must come before the end")
        return value

    @property
    def quality_policy(self) -> QualityPolicy:
        """The declared data-quality policy, or the default one."""
        return self.quality if self.quality is not None else QualityPolicy()
    pilot: bool = Field(False, description="Pilot mode: every new participant is a test "
                        "participant, kept out of exports, reports, counts and randomisation.")
    retention: Retention | None = None
    version: str | None = Field(None, description="The study's version; a change to arms, "
                                "allocation, the primary contrast or the quality policy after "
                                "randomisation started needs a new one, with change_reason.")
    change_reason: str | None = None

    @cached_property
    def waves_by_number(self) -> dict[int, Wave]:
        return {w.number: w for w in self.waves}

    @property
    def instrument_ids(self) -> list[str]:
        """Every instrument the study asks, in order of first appearance."""
        seen: dict[str, None] = {}
        for wave in self.waves:
            for page in wave.pages:
                for block in page.blocks:
                    seen.setdefault(block.instrument, None)
                for check in page.attention_checks:
                    seen.setdefault(check.instrument, None)
        return list(seen)

    @cached_property
    def content_hash(self) -> str:
        dumped = self.model_dump(mode="json")
        if dumped.get("quality") is None:   # studies without a policy keep their hash
            dumped.pop("quality", None)
        if dumped.get("time_estimate_minutes") is None:  # so do studies without an estimate
            dumped.pop("time_estimate_minutes", None)
        if dumped.get("analysis") is None:  # and studies that say nothing about the analysis
            dumped.pop("analysis", None)
        _drop_recruitment_defaults(dumped.get("recruitment") or {})
        payload = json.dumps(dumped, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_MTURK_FRAME_DEFAULT = ["https://worker.mturk.com", "https://workersandbox.mturk.com"]


def _drop_recruitment_defaults(rec: dict) -> None:
    """Leave fields added in 0.3 out of the hash while at their defaults (old hashes hold)."""
    mturk, prolific = rec.get("mturk"), rec.get("prolific")
    if isinstance(mturk, dict):
        if mturk.get("frame_ancestors") == _MTURK_FRAME_DEFAULT:
            mturk.pop("frame_ancestors")
        for key in ("screen_out_code", "decline_code"):
            if mturk.get(key) is None:
                mturk.pop(key, None)
    if isinstance(prolific, dict) and prolific.get("decline_code") is None:
        prolific.pop("decline_code", None)
    if rec.get("public_email") is True:
        rec.pop("public_email")


def load_study(path: str | Path, library: Mapping[str, Instrument] | None = None) -> Study:
    """Read one study YAML file and validate it against the instrument library.

    Parameters
    ----------
    path : str or Path
        The YAML file.
    library : mapping of str to Instrument, optional
        Instruments by id (default: the bundled library).

    Returns
    -------
    Study

    Raises
    ------
    StudyError
        If the file cannot be read or parsed, breaks the schema, or names an instrument,
        subscale, item or attention check that does not exist.

    Examples
    --------
    >>> from pathlib import Path
    >>> from craftwave.instruments.study import load_study
    >>> study = load_study(Path("data/demo/study.yaml"))  # doctest: +SKIP
    """
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise StudyError(f"{path.name}: cannot read the file: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise StudyError(f"{path.name}: not valid YAML: {exc}") from exc
    return study_from_dict(raw, library=library, source=path.name)


def study_from_dict(raw: object, library: Mapping[str, Instrument] | None = None,
                    source: str = "<dict>") -> Study:
    """Validate an already-parsed study definition; ``source`` names it in messages."""
    if not isinstance(raw, dict):
        raise StudyError(f"{source}: the file must hold a mapping of fields, not {type(raw).__name__}")
    try:
        study = Study.model_validate(raw)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            loc = ".".join(str(x) for x in err["loc"])
            lines.append(f"{source}: field '{loc}': {err['msg'].lower()}")
        raise StudyError("\n".join(lines)) from None
    if library is None:
        library = load_library()
    problems = list(_cross_checks(study, library))
    if problems:
        raise StudyError(f"{source}: " + f"\n{source}: ".join(problems))
    return study


def _cross_checks(study: Study, library: Mapping[str, Instrument]) -> Iterable[str]:
    langs = study.languages
    yield from _langs("title", study.title, langs)
    yield from _langs("consent text", study.consent.text, langs)
    numbers = [w.number for w in study.waves]
    if numbers != list(range(1, len(numbers) + 1)):
        yield f"waves must be numbered 1, 2, ... in order; got {numbers}"
    if study.waves and study.waves[0].after_days != 0:
        yield "wave 1: after_days must be 0 (wave 1 opens at entry)"
    for wave in study.waves:
        for pid, n in Counter(p.id for p in wave.pages).items():
            if n > 1:
                yield f"wave {wave.number}: page id '{pid}' is used {n} times"
        asked: Counter[tuple[str, str]] = Counter()
        for page in wave.pages:
            where = f"wave {wave.number}: page '{page.id}'"
            for block in page.blocks:
                for problem, item_ids in _check_block(block, library):
                    if problem:
                        yield f"{where}: {problem}"
                    asked.update((block.instrument, i) for i in item_ids)
            for check in page.attention_checks:
                inst = library.get(check.instrument)
                if inst is None:
                    yield f"{where}: unknown instrument '{check.instrument}'"
                elif check.id not in {a.id for a in inst.attention_checks}:
                    yield (f"{where}: unknown attention check '{check.id}' of instrument "
                           f"'{check.instrument}'")
                else:
                    asked[(check.instrument, check.id)] += 1
        for (iid, item), n in asked.items():
            if n > 1:
                yield f"wave {wave.number}: item '{item}' of instrument '{iid}' is asked {n} times"
    if study.eligibility is not None:
        for qid, n in Counter(q.id for q in study.eligibility.questions).items():
            if n > 1:
                yield f"eligibility: question id '{qid}' is used {n} times"
        for q in study.eligibility.questions:
            yield from _langs(f"eligibility question '{q.id}'", q.text, langs)
            values = [o.value for o in q.options]
            bad = [v for v in q.eligible if v not in values]
            if bad:
                yield f"eligibility question '{q.id}': eligible values {bad} are not options"
    prolific = study.recruitment.prolific
    if prolific is not None:
        missing = [n for n in numbers if n not in prolific.completion_codes]
        if missing:
            yield f"recruitment.prolific: no completion code for wave(s) {missing}"
    arms = study.intervention
    if arms is not None:
        for name, n in Counter(a.name for a in arms.arms).items():
            if n > 1:
                yield f"intervention: arm '{name}' is defined {n} times"
        if arms.after_wave >= len(study.waves):
            yield (f"intervention: after_wave {arms.after_wave} leaves no later wave to "
                   f"measure its effect (the study has {len(study.waves)} waves)")
        if arms.seed is not None:
            yield ("intervention: 'seed' must not be in the study file (anyone who reads it "
                   "could predict the next arm); the app keeps the assignment seed in its "
                   "database")
        if arms.primary is not None:
            pw = arms.primary.wave
            if pw <= arms.after_wave or pw > len(study.waves):
                yield (f"intervention: primary wave {pw} must be after the intervention "
                       f"(after_wave {arms.after_wave}) and at most {len(study.waves)}")
            measured = {b.instrument for w in study.waves for pg in w.pages for b in pg.blocks}
            stem = arms.primary.outcome.split("_")[0]
            if stem not in measured:
                yield (f"intervention: primary outcome '{arms.primary.outcome}' is not "
                       "measured by the study")
    for name, tpl in study.email_templates.items():
        yield from _langs(f"email template '{name}' subject", tpl.subject, langs)
        yield from _langs(f"email template '{name}' body", tpl.body, langs)
    yield from _translations(study, library)


def _translations(study: Study, library: Mapping[str, Instrument]) -> Iterable[str]:
    """Every text a participant reads, in every language of the study (the checks of the title,
    consent text, screening questions and email templates above aside)."""
    langs = study.languages
    yield from _langs("description", study.description, langs)
    yield from _langs("consent decline text", study.consent.decline_text, langs)
    if study.eligibility is not None:
        yield from _langs("eligibility screen-out text", study.eligibility.screen_out_text, langs)
        for q in study.eligibility.questions:
            for o in q.options:
                yield from _langs(f"eligibility question '{q.id}' option {o.value}", o.label, langs)
    if study.recruitment.mturk is not None:
        yield from _langs("recruitment.mturk description", study.recruitment.mturk.description,
                          langs)
    for wave in study.waves:
        yield from _langs(f"wave {wave.number} title", wave.title, langs)
        for page in wave.pages:
            yield from _langs(f"wave {wave.number}: page '{page.id}' title", page.title, langs)
    for iid in study.instrument_ids:
        inst = library.get(iid)
        if inst is not None:
            yield from _instrument_translations(study, inst, langs)


def _instrument_translations(study: Study, inst: Instrument, langs: list[str]) -> Iterable[str]:
    """The texts of ``inst`` the study asks (items, attention checks, their scales'
    labels, instructions), in every language: one line per instrument and language naming each
    missing text."""
    items: dict[str, object] = {}
    checks: dict[str, object] = {}
    for wave in study.waves:
        for page in wave.pages:
            for block in page.blocks:
                if block.instrument == inst.id:
                    items.update((i.id, i) for i in block_items(inst, block, strict=False))
            for placement in page.attention_checks:
                if placement.instrument == inst.id:
                    checks.update((a.id, a) for a in inst.attention_checks if a.id == placement.id)
    texts: list[tuple[str, Mapping[str, str] | None]] = [("instructions", inst.instructions)]
    scales: dict[str, object] = {}
    for kind, group in (("item", items), ("attention check", checks)):
        for iid, item in group.items():
            texts.append((f"{kind} '{iid}'", item.text))
            scale = inst.scale_of(item)
            if scale is not None:
                scales[scale.id] = scale
    for sid, scale in scales.items():
        texts += [(f"scale '{sid}' option {o.value:g}", o.label) for o in scale.options]
    for lang in langs:
        missing = [what for what, text in texts
                   if text is not None and not (text.get(lang) or "").strip()]
        if missing:
            yield (f"instrument '{inst.id}': missing text for declared language '{lang}': "
                   + ", ".join(missing))


def _check_block(block: Block, library: Mapping[str, Instrument]) -> Iterable[tuple[str, list[str]]]:
    inst = library.get(block.instrument)
    if inst is None:
        known = ", ".join(sorted(library)) or "none"
        yield f"unknown instrument '{block.instrument}' (known: {known})", []
        return
    items = block_items(inst, block, strict=False)
    sub_ids = {s.id for s in inst.subscales}
    for sub in block.subscales or []:
        if sub not in sub_ids:
            yield f"unknown subscale '{sub}' of instrument '{inst.id}'", []
    for item in block.items or []:
        if item not in inst.items_by_id:
            yield f"unknown item '{item}' of instrument '{inst.id}'", []
    if not items:
        yield f"instrument '{inst.id}': the block selects no item", []
    yield "", [i.id for i in items]


def block_items(inst: Instrument, block: Block, strict: bool = True) -> list:
    """The items of ``inst`` a block asks, in the instrument's order."""
    items = list(inst.items)
    if block.subscales is not None:
        items = [i for i in items if i.subscale in block.subscales]
    if block.items is not None:
        wanted = set(block.items)
        items = [i for i in items if i.id in wanted]
    if strict and not items:
        raise StudyError(f"block of instrument '{inst.id}' selects no item")
    return items


def _langs(what: str, text: Mapping[str, str] | None, langs: list[str]) -> Iterable[str]:
    if text is None:
        return
    for lang in langs:
        if not (text.get(lang) or "").strip():
            yield f"{what}: missing text for declared language '{lang}'"
