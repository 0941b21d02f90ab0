"""A study in two languages: the link's ``lang`` or the browser's Accept-Language picks the
participant's language, which then serves every page."""

from __future__ import annotations

import shutil

import pytest
import yaml

from craftwave.instruments import LIBRARY_DIR
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from tests.survey_app.app_helpers import hidden_fields, path_of, question_names

STUDY = "bi-study"

INSTRUMENT = {
    "id": "bitask", "version": "1.0", "prefix": "bitask",
    "title": {"en": "Your tasks", "de": "Ihre Aufgaben"},
    "construct_definition": "A two-language test instrument.",
    "wording": "own", "follows": {"citation": "none (test instrument)"},
    "validation_status": "not validated", "licence": "test only",
    "languages": ["en", "de"],
    "response_scales": [{"id": "agree3", "options": [
        {"value": 1, "label": {"en": "Disagree", "de": "Stimme nicht zu"}},
        {"value": 2, "label": {"en": "Neutral", "de": "Teils, teils"}},
        {"value": 3, "label": {"en": "Agree", "de": "Stimme zu"}}]}],
    "default_scale": "agree3",
    "items": [{"id": str(n), "text": {"en": f"English statement {n}.",
                                     "de": f"Deutsche Aussage {n}."}} for n in (1, 2, 3)],
    "scoring": {"method": "mean", "min_items": 2},
}

STUDY_DEF = {
    "id": STUDY, "title": {"en": "Two languages", "de": "Zwei Sprachen"},
    "languages": ["en", "de"],
    "consent": {"version": "v1", "text": {"en": "English consent text.",
                                          "de": "Deutscher Einwilligungstext."}},
    "recruitment": {"public": True},
    "waves": [{"number": 1, "pages": [{"id": "tasks", "blocks": [{"instrument": "bitask"}]}]}],
}


@pytest.fixture
def bi_app(app, tmp_path):
    lib = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, lib)
    (lib / "bitask.yaml").write_text(yaml.safe_dump(INSTRUMENT, allow_unicode=True),
                                     encoding="utf-8")
    study_file = tmp_path / "bi.yaml"
    study_file.write_text(yaml.safe_dump(STUDY_DEF, allow_unicode=True), encoding="utf-8")
    app.config["INSTRUMENT_LIBRARY"] = str(lib)
    from craftwave.survey_app.studies import load_study_file

    with app.app_context():
        load_study_file(study_file)
    return app


def _consent_and_open_page(client, link: str, **headers) -> tuple[str, str]:
    first = client.get(link, headers=headers)
    assert first.status_code == 200
    consent = first.get_data(as_text=True)
    resp = client.post(f"/study/{STUDY}/consent",
                       data={"decision": "agree", **hidden_fields(consent)})
    assert resp.status_code == 303, resp.get_data(as_text=True)[:400]
    page = client.get(path_of(resp.headers["Location"]), follow_redirects=True)
    return consent, page.get_data(as_text=True)


def _language_of_last_participant(app) -> str:
    with app.app_context():
        return db.session.execute(db.select(Participant.language)
                                  .where(Participant.study_id == STUDY)
                                  .order_by(Participant.id.desc())).scalars().first()


def test_lang_parameter_serves_consent_and_pages_in_that_language(bi_app):
    consent, page = _consent_and_open_page(bi_app.test_client(), f"/study/{STUDY}?lang=de")
    assert "Deutscher Einwilligungstext." in consent and 'lang="de"' in consent
    assert "Deutsche Aussage 1." in page and "Stimme zu" in page and "English statement" not in page
    assert len(question_names(page)) == 3
    assert _language_of_last_participant(bi_app) == "de"


def test_browser_language_is_used_without_a_parameter(bi_app):
    _, page = _consent_and_open_page(bi_app.test_client(), f"/study/{STUDY}",
                                     **{"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    assert "Deutsche Aussage 2." in page
    _, page = _consent_and_open_page(bi_app.test_client(), f"/study/{STUDY}",
                                     **{"Accept-Language": "fr-FR"})  # not offered: the first
    assert "English statement 2." in page and "Deutsche Aussage" not in page
    assert _language_of_last_participant(bi_app) == "en"
