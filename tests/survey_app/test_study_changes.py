"""A running study changes safely: `study load` refuses, naming it, a changed consent text
without a new version, removed waves or pages after the first consent, changed arms or
allocation after randomisation started (unless a new version says why), and email templates
with unknown fields."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

from craftwave.instruments import StudyError
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.models.researcher import AuditEntry
from craftwave.survey_app.studies import load_study_file
from tests.survey_app.researcher_fixtures import STUDY_YAML, enrol

ARMS = {"after_wave": 1, "method": "block",
        "arms": [{"name": "control", "ratio": 1}, {"name": "forum", "ratio": 1}]}


def _load(app, tmp_path, raw: dict):
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    with app.app_context():
        return load_study_file(path)


def _base() -> dict:
    return yaml.safe_load(STUDY_YAML)


def test_an_unknown_template_field_is_named_at_load(app, tmp_path, researcher_tables):
    raw = _base()
    raw["email_templates"]["reminder"]["body"]["en"] = "Hello, here is your link: {lnk}\n"
    with pytest.raises(StudyError) as info:
        _load(app, tmp_path, raw)
    assert "email template 'reminder' body (en) uses the unknown field {lnk}" in str(info.value)
    assert "{link}" in str(info.value)
    raw["email_templates"]["reminder"]["body"]["en"] = "Hello {link"
    with pytest.raises(StudyError, match="email template 'reminder' body"):
        _load(app, tmp_path, raw)


def test_before_anyone_consents_the_study_may_change_freely(app, rs_study, tmp_path):
    enrol(app, consent=False)  # imported, not consented
    raw = _base()
    raw["consent"]["text"]["en"] = "A different text."
    raw["waves"] = raw["waves"][:1]
    _, created = _load(app, tmp_path, raw)
    assert not created


def test_after_the_first_consent_consent_text_needs_a_new_version(app, rs_study, tmp_path):
    enrol(app)
    raw = _base()
    raw["consent"]["text"]["en"] = "You agree to take part, and to more."
    with pytest.raises(StudyError, match="consent text changed but consent.version is still 'v1'"):
        _load(app, tmp_path, raw)
    raw["consent"]["version"] = "v2"
    study, _ = _load(app, tmp_path, raw)
    assert study.consent.version == "v2"


def test_after_the_first_consent_waves_and_pages_cannot_be_removed(app, rs_study, tmp_path):
    enrol(app)
    raw = _base()
    raw["waves"] = raw["waves"][:1]
    with pytest.raises(StudyError, match="wave 2 was removed"):
        _load(app, tmp_path, raw)
    raw = _base()
    raw["waves"][0]["pages"] = raw["waves"][0]["pages"][:1]
    with pytest.raises(StudyError, match="page 'about' of wave 1 was removed"):
        _load(app, tmp_path, raw)
    raw = _base()
    raw["waves"].append({"number": 3, "after_days": 30, "pages": [
        {"id": "again", "blocks": [{"instrument": "icraft"}]}]})
    study, _ = _load(app, tmp_path, raw)  # adding a wave is fine
    assert len(study.waves) == 3


def test_a_pilot_consent_does_not_freeze_the_study(app, rs_study, tmp_path):
    pid = enrol(app)
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == pid)).scalar_one()
        p.test = True
        db.session.commit()
    raw = _base()
    raw["consent"]["text"]["en"] = "Reworded after the pilot."
    raw["waves"][0]["pages"] = raw["waves"][0]["pages"][:1]
    _load(app, tmp_path, raw)


def test_arms_and_allocation_are_frozen_once_randomisation_started(app, rs_study, tmp_path, monkeypatch):
    raw = _base()
    raw["intervention"] = ARMS
    _load(app, tmp_path, raw)
    pid = enrol(app)  # consent assigns an arm
    with app.app_context():
        arm = db.session.execute(db.select(Participant.arm).where(Participant.pid == pid)).scalar_one()
    assert arm in ("control", "forum")
    for change in ({"arms": [{"name": "control", "ratio": 1},
                                           {"name": "mentoring", "ratio": 1}]},
                   {"arms": [{"name": "control", "ratio": 2}, {"name": "forum", "ratio": 1}]}):
        changed = {**raw, "intervention": {**ARMS, **change}}
        with pytest.raises(StudyError, match="randomisation has started and this file changes "
                                             "intervention; that needs a new study version"):
            _load(app, tmp_path, changed)
        with pytest.raises(StudyError, match="needs a new study version"):  # a version alone is not enough
            _load(app, tmp_path, {**changed, "version": "2"})
    # the command line names it too
    changed = {**raw, "intervention": {**ARMS, "arms": [{"name": "control", "ratio": 2},
                                                        {"name": "forum", "ratio": 1}]}}
    path = tmp_path / "cli.yaml"
    path.write_text(yaml.safe_dump(changed), encoding="utf-8")
    monkeypatch.setenv("CRAFTWAVE_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("CRAFTWAVE_SECRET_KEY", "k")
    from craftwave.cli import main
    res = CliRunner().invoke(main, ["study", "load", str(path)])
    assert res.exit_code == 2 and "changes intervention" in res.output
    # a new version with a reason is accepted, and the reason is audited
    _load(app, tmp_path, {**changed, "version": "2", "change_reason": "Twice as many in control: the forum has few places."})
    with app.app_context():
        (entry,) = db.session.execute(db.select(AuditEntry).where(
            AuditEntry.action == "study_change")).scalars()
    assert entry.detail == {"sections": ["intervention"], "version": "2",
                            "reason": "Twice as many in control: the forum has few places."}
