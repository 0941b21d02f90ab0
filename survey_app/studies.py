"""Studies at run time: loading a study file into the database and compiling it per process.

A compiled study resolves every page to its list of questions (instrument, item, response
scale, form field name) once per process and content hash, so a request does no YAML parsing
and no schema validation.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import yaml
from flask import current_app

from craftwave.instruments import Instrument, StudyError, load_library
from craftwave.instruments.schema import AttentionCheck, Item, ResponseScale
from craftwave.instruments.study import Page, Study, block_items, study_from_dict
from craftwave.survey_app import clock
from craftwave.survey_app.audit import cli_actor
from craftwave.survey_app.audit import record as audit
from craftwave.survey_app.bounded import BoundedCache
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import StudyRecord
from craftwave.survey_app.study_changes import check_change, template_problems


@dataclass(frozen=True)
class Question:
    """One question on a page: an instrument item or attention check."""

    name: str  # form field name: "{instrument}__{item}"
    instrument: Instrument
    item: Item | AttentionCheck
    scale: ResponseScale | None
    is_check: bool = False

    @property
    def item_id(self) -> str:
        return self.item.id

    @property
    def required(self) -> bool:
        return True if self.is_check else self.item.required


FRAGMENTS_PER_PAGE = 4096
"""Rendered question fragments kept per page (least recently used go first)."""


@dataclass
class CompiledPage:
    study: Study
    wave: int
    index: int  # 0-based position in the wave
    n_pages: int
    page: Page
    questions: list[Question]
    checks: list[tuple[int | None, Question]] = field(default_factory=list)
    fragment_cache: BoundedCache = field(default_factory=lambda: BoundedCache(FRAGMENTS_PER_PAGE),
                                         repr=False)
    _orders: dict = field(default_factory=dict, repr=False)

    @property
    def id(self) -> str:
        return self.page.id

    @cached_property
    def by_name(self) -> dict[str, Question]:
        return {q.name: q for q in self.all_questions}

    @cached_property
    def all_questions(self) -> list[Question]:
        return self.questions + [q for _, q in self.checks]

    @cached_property
    def form_class(self):
        from craftwave.survey_app.forms import build_page_form

        return build_page_form(self)

    @cached_property
    def draft_form_class(self):
        """The page's form with every question optional (what Back saves)."""
        from craftwave.survey_app.forms import build_page_form

        return build_page_form(self, draft=True)

    def order_for(self, pid: str) -> list[str]:
        """Field names in the order this participant sees them (seeded by study, pid, page)."""
        order = self._orders.get(pid)
        if order is None:
            if len(self._orders) >= 50000:
                self._orders.clear()
            order = self._orders[pid] = self._order(pid)
        return list(order)

    def _order(self, pid: str) -> list[str]:
        names = [q.name for q in self.questions]
        if self.page.randomise and len(names) > 1:
            key = f"{self.study.randomisation_seed}:{pid}:{self.wave}:{self.page.id}"
            seed = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
            perm = np.random.default_rng(seed).permutation(len(names))
            names = [names[i] for i in perm]
        for position, q in self.checks:
            pos = len(names) // 2 if position is None else min(position, len(names))
            names.insert(pos, q.name)
        return names


class CompiledStudy:
    """A study with its pages resolved to questions."""

    def __init__(self, study: Study, library: dict[str, Instrument]) -> None:
        self.study = study
        self.instruments = {i: library[i] for i in study.instrument_ids}
        self.pages: dict[int, list[CompiledPage]] = {}
        for wave in study.waves:
            pages = []
            for index, page in enumerate(wave.pages):
                questions = []
                for block in page.blocks:
                    inst = library[block.instrument]
                    for item in block_items(inst, block):
                        questions.append(Question(f"{inst.id}__{item.id}", inst, item, inst.scale_of(item)))
                checks = []
                for placement in page.attention_checks:
                    inst = library[placement.instrument]
                    check = next(a for a in inst.attention_checks if a.id == placement.id)
                    checks.append((placement.position,
                                   Question(f"{inst.id}__{check.id}", inst, check, inst.scale_of(check), True)))
                pages.append(CompiledPage(study, wave.number, index, len(wave.pages), page, questions, checks))
            self.pages[wave.number] = pages

    def page(self, wave: int, index: int) -> CompiledPage | None:
        pages = self.pages.get(wave)
        if pages is None or not 0 <= index < len(pages):
            return None
        return pages[index]

    @cached_property
    def screening_hash(self) -> str:
        elig = self.study.eligibility
        payload = elig.model_dump_json() if elig is not None else ""
        return hashlib.sha256(payload.encode()).hexdigest()


STUDIES_CACHED = 64
"""Compiled study definitions kept per process (a reload adds one; unused ones go first)."""
_cache = BoundedCache(STUDIES_CACHED)
_library_cache: dict[str, dict[str, Instrument]] = {}  # one entry per INSTRUMENT_LIBRARY setting


def instrument_library() -> dict[str, Instrument]:
    """The instruments the app knows: the bundled library, or ``INSTRUMENT_LIBRARY`` (a folder)."""
    directory = current_app.config.get("INSTRUMENT_LIBRARY")
    key = str(directory)
    lib = _library_cache.get(key)
    if lib is None:
        lib = load_library(directory)
        _library_cache[key] = lib
    return lib


HASH_TTL = 2.0
"""Seconds a process trusts its record of a study's content hash before asking the database."""
HASHES_CACHED = 4096
"""Study ids (known or not: any URL names one) whose content hash a process remembers."""
_hashes = BoundedCache(HASHES_CACHED, ttl=HASH_TTL)


def get_study(study_id: str) -> CompiledStudy | None:
    """The compiled current definition of a loaded study (``None`` if unknown).

    A reloaded study (``craftwave study load``) reaches every worker within ``HASH_TTL``
    seconds; in between, requests skip the lookup of the study's content hash.
    """
    key = (current_app.config["SQLALCHEMY_DATABASE_URI"], study_id)
    known, content_hash = _hashes.lookup(key)
    if not known:
        content_hash = db.session.execute(
            db.select(StudyRecord.content_hash).where(StudyRecord.id == study_id)).scalar_one_or_none()
        _hashes.set(key, content_hash)
    if content_hash is None:
        return None
    compiled = _cache.get((study_id, content_hash))
    if compiled is None:
        record = db.session.get(StudyRecord, study_id)
        library = instrument_library()
        study = study_from_dict(yaml.safe_load(record.source_yaml), library=library, source=study_id)
        compiled = CompiledStudy(study, library)
        _cache.set((study_id, content_hash), compiled)
    return compiled


def load_study_file(path: str | Path, actor: str | None = None) -> tuple[Study, bool]:
    """Validate a study YAML file and create or update its record; returns (study, created).

    Raises
    ------
    StudyError
        If the file is invalid, its email templates use an unknown field, or it changes a
        running study unsafely (:mod:`craftwave.survey_app.study_changes`): the waves or pages
        of a study that already has answers (load the new design under a new study id), the
        consent text without a new consent version, removed waves or pages after the first
        consent, or arms, allocation, the primary contrast or the quality policy after
        randomisation started without a new version and a reason.
    """

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise StudyError(f"{path.name}: not valid YAML: {exc}") from exc
    library = instrument_library()
    study = study_from_dict(raw, library=library, source=path.name)
    problems = template_problems(study)
    if problems:
        raise StudyError(f"{path.name}: " + f"\n{path.name}: ".join(problems))
    with write_transaction():
        record = db.session.get(StudyRecord, study.id)
        created = record is None
        change = None
        if record is None:
            record = StudyRecord(id=study.id)
            db.session.add(record)
        else:
            old = study_from_dict(yaml.safe_load(record.source_yaml), library=library,
                                  source=record.id)
            change = check_change(record, old, study, raw, path.name)
            _check_compatible(record, old, study, path.name)
            if change is not None and change.sections:
                _redeclare(study, clock.now())
            else:
                _check_declaration(study, path.name)
        record.title = study.title.get(study.languages[0], study.id)[:300]
        record.source_yaml = text
        record.content_hash = study.content_hash
        record.loaded_at = clock.now()
        if change is not None and change.sections:
            audit(actor or cli_actor(), "study_change", study_id=study.id,
                  detail={"sections": change.sections, "version": change.version,
                          "reason": change.reason})
    _hashes.clear()
    return study, created


def _check_declaration(new: Study, source: str) -> None:
    """Refuse a file that changes the arms or primary contrast frozen at the first consent."""
    from craftwave.survey_app.models.allocation import StudyDeclaration

    frozen = db.session.get(StudyDeclaration, new.id)
    if frozen is None:
        return
    new_hash = new.intervention.declaration_hash() if new.intervention else None
    if new_hash != frozen.declaration_hash:
        raise StudyError(
            f"{source}: study '{new.id}' froze its intervention declaration (arms, assignment, "
            f"primary contrast) at its first consent on {frozen.declared_at:%Y-%m-%d %H:%M} UTC "
            f"(sha256 {frozen.declaration_hash[:12]}); this file changes it. A changed "
            "declaration needs a new study version: load it under a new study id")


def _redeclare(study: Study, now) -> None:
    """A new study version with a reason changed the declaration: freeze the new one."""
    from craftwave.survey_app.models.allocation import StudyDeclaration

    row = db.session.get(StudyDeclaration, study.id)
    if row is None or study.intervention is None:
        return
    row.declared_at = now
    row.declaration_hash = study.intervention.declaration_hash()
    row.declaration = study.intervention.declaration()


def _check_compatible(record: StudyRecord, old: Study, new: Study, source: str) -> None:
    from craftwave.survey_app.models import Answer, Participant

    has_answers = db.session.execute(
        db.select(Answer.id).join(Participant, Participant.id == Answer.participant_id)
        .where(Participant.study_id == record.id).limit(1)).first() is not None
    if not has_answers:
        return

    def layout(s: Study):
        return [(w.number, [(p.id, p.blocks) for p in w.pages]) for w in s.waves]

    if layout(old) != layout(new):
        raise StudyError(f"{source}: study '{new.id}' already has answers and this file changes "
                         "its waves or pages; load the new design under a new study id")
