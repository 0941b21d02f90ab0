"""Importing participants through the dashboard: the same validation as the CLI, errors by line,
CSRF, size limit, owners only, audited."""

from __future__ import annotations

import io

import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Contact, Participant
from craftwave.survey_app.models.researcher import AuditEntry
from craftwave.survey_app.panel import ParticipantImportError, import_participants
from tests.survey_app.researcher_fixtures import csrf_of, join

URL = "/researcher/study/rs-study/participants/import"


def _upload(client, content: bytes, filename: str = "panel.csv", token: bool = True):
    page = client.get("/researcher/study/rs-study")
    assert page.status_code == 200
    data = {"file": (io.BytesIO(content), filename)}
    if token:
        data["csrf_token"] = csrf_of(page.get_data(as_text=True))
    return client.post(URL, data=data, content_type="multipart/form-data")


def _emails(app) -> list[str]:
    with app.app_context():
        return db.session.execute(
            db.select(Contact.email).join(Participant, Participant.id == Contact.participant_id)
            .where(Participant.study_id == "rs-study").order_by(Participant.id)).scalars().all()


def _imports(app) -> list[AuditEntry]:
    with app.app_context():
        return db.session.execute(db.select(AuditEntry).where(
            AuditEntry.action == "participants_imported")).scalars().all()


def test_the_study_page_offers_the_upload_to_owners_only(owner_client, analyst_client, rs_study):
    owner_page = owner_client.get("/researcher/study/rs-study").get_data(as_text=True)
    assert f'action="{URL}"' in owner_page and 'enctype="multipart/form-data"' in owner_page
    assert "at most 2 MiB" in owner_page
    analyst_page = analyst_client.get("/researcher/study/rs-study").get_data(as_text=True)
    assert URL not in analyst_page


def test_owner_imports_a_file_and_the_import_is_audited(app, owner_client, rs_study):
    content = "\ufeffemail,external_id\r\nana@example.org,A1\r\nbo@example.org,\r\n".encode()
    resp = _upload(owner_client, content)
    assert resp.status_code == 303 and resp.location == "/researcher/study/rs-study"
    page = owner_client.get(resp.location).get_data(as_text=True)
    assert "Imported 2 participant(s); skipped 0 already in the study." in page
    assert _emails(app) == ["ana@example.org", "bo@example.org"]
    again = _upload(owner_client, content)
    assert "Imported 0 participant(s); skipped 2" in owner_client.get(again.location).get_data(as_text=True)
    entries = _imports(app)
    assert [(e.actor, e.study_id, e.detail) for e in entries] == [
        ("owner@example.org", "rs-study", {"created": 2, "skipped": 0, "linked": 0}),
        ("owner@example.org", "rs-study", {"created": 0, "skipped": 2, "linked": 2})]


def test_a_faulty_file_imports_nothing_and_lists_the_same_problems_as_the_cli(app, owner_client, rs_study):
    text = ("email,external_id,language\n"
            "ok@example.org,E1,en\n"
            "not-an-email,E2,en\n"
            "dup@example.org,E3,en\n"
            "DUP@example.org,E4,en\n"
            "y@example.org,E5,fr\n")
    with app.app_context(), pytest.raises(ParticipantImportError) as info:
        import_participants("rs-study", text, "test")  # what the CLI runs
    resp = _upload(owner_client, text.encode())
    assert resp.status_code == 400
    html = resp.get_data(as_text=True)
    assert "Nothing was imported: 3 problem(s)" in html
    rows = html.split('<table id="problems">', 1)[1].split("</table>", 1)[0]
    for line, message in info.value.problems:
        escaped = message.replace("'", "&#39;")
        assert f'<th scope="row" class="num">{line}</th><td>{escaped}</td>' in rows
    assert [n for n, _ in info.value.problems] == [3, 5, 6]
    assert 'name="file"' in html  # the form is there to try again
    assert _emails(app) == [] and _imports(app) == []


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"name,phone\nx,y\n", "must name the column"),
    ("email\nzoë@example.org\n".encode("latin-1"), "not UTF-8 text"),
])
def test_empty_wrong_header_and_non_utf8_files_are_refused(app, owner_client, rs_study, content, message):
    resp = _upload(owner_client, content)
    assert resp.status_code == 400
    assert message in resp.get_data(as_text=True)
    assert _emails(app) == []


def test_no_file_chosen(owner_client, rs_study):
    page = owner_client.get(URL)
    assert page.status_code == 200
    resp = owner_client.post(URL, data={"csrf_token": csrf_of(page.get_data(as_text=True))},
                             content_type="multipart/form-data")
    assert resp.status_code == 400
    assert "Choose a CSV file" in resp.get_data(as_text=True)


def test_the_upload_needs_the_csrf_token(app, owner_client, rs_study):
    resp = _upload(owner_client, b"email\nana@example.org\n", token=False)
    assert resp.status_code == 400
    assert _emails(app) == []


def test_analysts_cannot_upload(app, analyst_client, rs_study):
    join(app)  # a member of the study, as an analyst
    assert analyst_client.get(URL).status_code == 403
    assert _upload(analyst_client, b"email\nana@example.org\n").status_code == 403
    assert _emails(app) == []


def test_an_unknown_study_is_404(owner_client, rs_study):
    assert owner_client.get("/researcher/study/no-such-study/participants/import").status_code == 404


def test_size_limit(app, owner_client, rs_study):
    app.config["PARTICIPANT_UPLOAD_MAX_BYTES"] = 100 * 1024
    rows = [f"person{i:05d}@example.org" for i in range(3000)]  # ~90 KB: more than the app's 64 KiB
    body = ("email\n" + "\n".join(rows) + "\n").encode()
    assert app.config["MAX_CONTENT_LENGTH"] < len(body) < app.config["PARTICIPANT_UPLOAD_MAX_BYTES"]
    assert _upload(owner_client, body).status_code == 303
    assert len(_emails(app)) == 3000
    too_big = ("email\n" + "\n".join(f"x{i:06d}@example.org" for i in range(6000)) + "\n").encode()
    resp = _upload(owner_client, too_big)
    assert resp.status_code == 413
    assert "larger than 100 KiB" in resp.get_data(as_text=True)
    assert len(_emails(app)) == 3000 and len(_imports(app)) == 1


def test_anonymous_uploads_keep_the_small_limit(app, client, rs_study):
    page = client.get("/researcher/login")
    body = b"email\n" + b"x" * (app.config["MAX_CONTENT_LENGTH"] + 10)
    resp = client.post(URL, data={"csrf_token": csrf_of(page.get_data(as_text=True)),
                                  "file": (io.BytesIO(body), "panel.csv")},
                       content_type="multipart/form-data")
    assert resp.status_code == 413
