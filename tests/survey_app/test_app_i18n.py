"""Every participant-facing string in the participant's language: the German catalogue is
complete and compiled, a German participant's whole path shows no English string, a study
whose texts miss one of its languages is refused at load, naming each missing text."""

from __future__ import annotations

import copy
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from craftwave.instruments import LIBRARY_DIR, StudyError
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from tests.survey_app.app_helpers import Walker, question_names
from tests.survey_app.test_app_language import INSTRUMENT

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "survey_app" / "translations" / "de" / "LC_MESSAGES"
STUDY = "de-study"

STUDY_DEF = {
    "id": STUDY, "title": {"en": "Work over time", "de": "Arbeit im Wandel"},
    "description": {"en": "Two short surveys.", "de": "Zwei kurze Befragungen."},
    "languages": ["en", "de"], "time_estimate_minutes": 5,
    "consent": {"version": "v1", "text": {"en": "English consent text.",
                                          "de": "Deutscher Einwilligungstext."},
                "decline_text": {"en": "Thanks anyway.", "de": "Trotzdem danke."}},
    "eligibility": {"screen_out_code": "SCREENDE", "questions": [
        {"id": "works", "text": {"en": "Do you work?", "de": "Arbeiten Sie?"},
         "options": [{"value": 1, "label": {"en": "Yes", "de": "Ja"}},
                     {"value": 0, "label": {"en": "No", "de": "Nein"}}],
         "eligible": [1]}]},
    "recruitment": {"public": True},
    "waves": [
        {"number": 1, "title": {"en": "First", "de": "Erste"}, "pages": [
            {"id": "p1", "title": {"en": "Tasks", "de": "Aufgaben"},
             "blocks": [{"instrument": "bitask", "items": ["1", "2"]}]},
            {"id": "p2", "title": {"en": "More tasks", "de": "Weitere Aufgaben"},
             "blocks": [{"instrument": "bitask", "items": ["3"]}]}]},
        {"number": 2, "after_days": 30, "pages": [
            {"id": "p1", "title": {"en": "Tasks", "de": "Aufgaben"},
             "blocks": [{"instrument": "bitask"}]}]}],
    "email_templates": {"invitation": {
        "subject": {"en": "Your survey", "de": "Ihre Befragung"},
        "body": {"en": "Open {link} ({minutes} minutes)", "de": "Öffnen Sie {link} ({minutes} Minuten)"}}},
}


def _catalogue():
    with open(CATALOGUE / "messages.po", "rb") as fh:
        return read_po(fh, locale="de")


def test_every_extracted_string_is_translated_and_compiled():
    po = _catalogue()
    method_map = [("survey_app/participant/**.py", "python"), ("survey_app/forms.py", "python"),
                  ("survey_app/__init__.py", "python"), ("survey_app/mailer.py", "python")]
    method_map += [(f"survey_app/templates/{pattern}", "jinja2") for pattern in
                   ("base.html", "_languages.html", "survey/**.html", "entry/**.html",
                    "errors/**.html")]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
    extracted = {msg if isinstance(msg, str) else msg[0]
                 for _file, _line, msg, _comments, _ctx in
                 extract_from_dir(str(REPO), method_map, keywords=keywords)}
    assert len(extracted) > 60
    untranslated = [m for m in extracted if m not in po or not po[m].string]
    assert untranslated == [], f"not in messages.po (run `make catalogues`): {untranslated}"
    with open(CATALOGUE / "messages.mo", "rb") as fh:
        mo = read_mo(fh)

    def text(m) -> tuple:
        return (m.string,) if isinstance(m.string, str) else tuple(m.string)

    def key(m) -> str:
        return m.id if isinstance(m.id, str) else m.id[0]

    stale = [m.id for m in po if m.id and (mo.get(key(m)) is None
                                           or text(mo.get(key(m))) != text(m))]
    assert stale == [], f"messages.mo is older than messages.po (run `make catalogues`): {stale}"


def _english_fragments() -> list[re.Pattern]:
    """A pattern per English text of the catalogue that its German differs from."""
    out = []
    for m in _catalogue():
        ids = (m.id,) if isinstance(m.id, str) else m.id
        strings = (m.string,) if isinstance(m.string, str) else m.string
        for english in ids:
            if not english or english in strings:
                continue
            for piece in re.split(r"%\(\w+\)[sd]", english):
                piece = piece.strip(" .,:;()'")
                if re.search(r"[A-Za-z]{3,}", piece) and not any(piece in g for g in strings):
                    out.append(re.compile(rf"(?<![\w-]){re.escape(piece)}(?![\w-])"))
    return out


def _visible_text(html: str) -> str:
    html = re.sub(r'<nav class="languages".*?</nav>', " ", html, flags=re.S)  # names itself
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    attrs = " ".join(re.findall(r'(?:aria-label|title|alt|placeholder)="([^"]*)"', html))
    return unescape(re.sub(r"<[^>]+>", " ", html) + " " + attrs)


@pytest.fixture
def de_app(app, tmp_path):
    lib = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, lib)
    (lib / "bitask.yaml").write_text(yaml.safe_dump(INSTRUMENT, allow_unicode=True),
                                     encoding="utf-8")
    app.config["INSTRUMENT_LIBRARY"] = str(lib)
    study_file = tmp_path / "de.yaml"
    study_file.write_text(yaml.safe_dump(STUDY_DEF, allow_unicode=True), encoding="utf-8")
    from craftwave.survey_app.studies import load_study_file

    with app.app_context():
        load_study_file(study_file)
    app.config["DE_LIBRARY"] = lib
    return app


def test_a_german_participant_sees_no_english_string(de_app, clock):
    english = _english_fragments()
    assert len(english) > 60
    seen: dict[str, str] = {}

    def check(w: Walker, where: str) -> None:
        text = _visible_text(w.html)
        left = sorted({p.pattern for p in english if p.search(text)})
        assert left == [], f"{where}: English left on a German page: {left}"
        assert '<html lang="de">' in w.html, where
        seen[where] = text

    w = Walker(de_app.test_client())
    w.get(f"/study/{STUDY}?lang=de")
    check(w, "consent")
    assert "etwa 5 Minuten" in seen["consent"] and "2 Befragungen" in seen["consent"]
    w.post({"decision": "agree"})
    w.post({})  # screening, nothing answered
    check(w, "screening with errors")
    w.post({"works": "1"})
    check(w, "first page with the personal link")
    assert "Befragung 1 von 2" in seen["first page with the personal link"]
    w.post({})
    check(w, "page with errors")
    assert "Bitte prüfen Sie 2 Antworten" in seen["page with errors"]
    w.answer_page()
    w.post({"nav": "back"})
    check(w, "back on page 1")
    w.answer_page()
    w.answer_page()
    check(w, "done")
    token = w.url.split("/")[2]
    w.get(f"/s/{token}")
    check(w, "next survey not open yet")
    w.get(f"/study/{STUDY}/consent-text?lang=de")
    check(w, "consent copy")
    w.get(f"/s/{token}/withdraw")
    check(w, "withdraw")
    w.post({})
    check(w, "withdraw with an error")
    w.post({"kind": "stop_contact"})
    check(w, "withdrawn")
    w.get(f"/study/{STUDY}?lang=de&PROLIFIC_PID=123")  # no Prolific in this study: 404
    check(w, "error page")
    assert "Etwas ist schiefgegangen" in seen["error page"]


def test_german_dates_and_plural_forms(de_app, clock):
    w = Walker(de_app.test_client())
    w.get(f"/study/{STUDY}?lang=de")
    w.post({"decision": "agree"})
    w.post({"works": "1"})
    w.answer_page()
    w.answer_page()
    token = w.url.split("/")[2]
    done = _visible_text(w.html)
    assert "Befragung 1 von 2 ist abgeschlossen" in done
    assert re.search(r"\d{1,2}\. Februar 2026", done), done  # 30 days after 5 January
    w.get(f"/s/{token}")
    assert "Befragung 2 ist noch nicht geöffnet" in w.html


def test_an_unknown_lang_falls_back_to_the_first_language_with_a_notice(de_app):
    w = Walker(de_app.test_client())
    resp = w.get(f"/study/{STUDY}?lang=fr")
    assert resp.status_code == 200 and "English consent text." in w.html
    assert "not available in the language 'fr'" in unescape(w.html)
    assert "English" in w.html and "Deutsch" in w.html
    w.post({"decision": "agree"})
    with de_app.app_context():
        assert db.session.execute(db.select(Participant.language)).scalar_one() == "en"


def test_the_language_switcher_appears_only_for_several_languages(de_app, client):
    w = Walker(de_app.test_client())
    w.get(f"/study/{STUDY}")
    assert 'class="languages"' in w.html and f"/study/{STUDY}?lang=de" in w.html
    w.get(f"/study/{STUDY}?lang=de")
    w.post({"decision": "agree"})
    w.post({"works": "1"})
    assert "Deutsche Aussage 1." in w.html or "Deutsche Aussage 2." in w.html
    token = w.url.split("/")[2]
    # a participant switches with a small form; the page comes back in the other language
    from tests.survey_app.app_helpers import hidden_fields

    resp = w.client.post(f"/s/{token}/language",
                         data={"csrf_token": hidden_fields(w.html)["csrf_token"], "lang": "en",
                               "next": f"/s/{token}/w/1/1"})
    assert resp.status_code == 303 and resp.location.endswith(f"/s/{token}/w/1/1")
    w.get(f"/s/{token}/w/1/1")
    assert "English statement" in w.html and "Next" in w.html
    assert len(question_names(w.html)) == 2
    # a one-language study has none
    client.get("/study/test-study")
    assert 'class="languages"' not in client.get("/study/test-study").get_data(as_text=True)


@pytest.mark.parametrize("change, named", [
    # an instrument that declares English only, asked by a study in English and German
    (lambda s, i: (i.update(languages=["en"]), i["items"][1]["text"].pop("de")),
     "instrument 'bitask': missing text for declared language 'de': item '2'"),
    (lambda s, i: (i.update(languages=["en"]),
                   i["response_scales"][0]["options"][2]["label"].pop("de")),
     "instrument 'bitask': missing text for declared language 'de': scale 'agree3' option 3"),
    (lambda s, i: s["eligibility"]["questions"][0]["options"][1]["label"].pop("de"),
     "eligibility question 'works' option 0: missing text for declared language 'de'"),
    (lambda s, i: s["consent"]["decline_text"].pop("de"),
     "consent decline text: missing text for declared language 'de'"),
    (lambda s, i: s["consent"]["text"].pop("de"),
     "consent text: missing text for declared language 'de'"),
    (lambda s, i: s["email_templates"]["invitation"]["body"].pop("de"),
     "email template 'invitation' body: missing text for declared language 'de'"),
    (lambda s, i: s["waves"][0]["pages"][1]["title"].pop("de"),
     "wave 1: page 'p2' title: missing text for declared language 'de'"),
])
def test_study_load_refuses_a_missing_translation_naming_it(de_app, tmp_path, change, named):
    from craftwave.survey_app.studies import load_study_file

    study, inst = copy.deepcopy(STUDY_DEF), copy.deepcopy(INSTRUMENT)
    study["id"] = "de-incomplete"
    change(study, inst)
    lib = de_app.config["DE_LIBRARY"]
    (lib / "bitask.yaml").write_text(yaml.safe_dump(inst, allow_unicode=True), encoding="utf-8")
    path = tmp_path / "incomplete.yaml"
    path.write_text(yaml.safe_dump(study, allow_unicode=True), encoding="utf-8")
    from craftwave.survey_app import studies

    studies._library_cache.clear()
    try:
        with de_app.app_context(), pytest.raises(StudyError) as err:
            load_study_file(path)
    finally:
        studies._library_cache.clear()
    assert named in str(err.value)


def test_an_invitation_speaks_the_participants_language(de_app):
    """The template's language, the time estimate ({minutes}) and dates in that language."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from craftwave.survey_app import mailer
    from craftwave.survey_app.links import token_for
    from craftwave.survey_app.models import Participant
    from craftwave.survey_app.studies import get_study

    settings = mailer.MailSettings("127.0.0.1", 25, "none", None, None, "study@example.org",
                                   "study@example.org", "https://survey.example.org")
    with de_app.app_context():
        study = get_study(STUDY).study

        def body(lang: str, closes: datetime | None) -> tuple[str, str]:
            p = Participant(id=1, pid="p1", study_id=STUDY, link_generation=1, language=lang,
                            timezone=None)
            msg = mailer.compose(study, p, "a@example.org", "invitation", 2,
                                 datetime(2026, 3, 2, 9), closes, settings, datetime(2026, 3, 1))
            return msg.get_content(), token_for(p)

        text, token = body("de", None)
        assert f"Öffnen Sie https://survey.example.org/s/{token} (5 Minuten)" in text
        text, token = body("en", None)
        assert f"Open https://survey.example.org/s/{token} (5 minutes)" in text
    utc = ZoneInfo("UTC")
    assert mailer._date(datetime(2026, 3, 2), utc, "", "de") == "02 März 2026 (UTC)"
    assert mailer._date(datetime(2026, 3, 2), utc, "", "en") == "02 March 2026 (UTC)"
