"""One person, one record: an imported row whose recruitment id or email is already in the
study (any source; letter case and spaces ignored) links to that record; the dashboard lists
likely duplicates."""

from __future__ import annotations

import pytest

from craftwave.survey_app import clock
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Contact, Participant
from craftwave.survey_app.panel import ParticipantImportError, import_participants
from tests.survey_app.app_helpers import BACKENDS
from tests.survey_app.researcher_fixtures import enrol

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)


def _records(app):
    with app.app_context():
        return db.session.execute(
            db.select(Participant.pid, Participant.source, Participant.external_id, Contact.email)
            .outerjoin(Contact, Contact.participant_id == Participant.id)
            .where(Participant.study_id == "rs-study").order_by(Participant.id)).all()


def test_a_row_with_a_known_prolific_id_links_to_that_record(app, rs_study):
    pro = enrol(app, source="prolific", external_id="5F0ABC12")
    with app.app_context():
        result = import_participants(rs_study, "email,external_id\nana@example.org, 5f0abc12 \n"
                                     "bo@example.org,B2\n", "test")
    assert result.skipped == [2] and result.linked == [pro] and len(result.created) == 1
    records = _records(app)
    assert len(records) == 2
    assert tuple(records[0]) == (pro, "prolific", "5F0ABC12", "ana@example.org")
    # importing the same file again changes nothing
    with app.app_context():
        again = import_participants(rs_study, "email,external_id\nana@example.org,5F0ABC12\n"
                                    "bo@example.org,B2\n", "test")
    assert again.created == [] and sorted(again.linked) == sorted([pro, records[1].pid])
    assert _records(app) == records


def test_a_row_with_a_known_email_in_another_case_links_and_gains_the_id(app, rs_study):
    with app.app_context():
        (first,) = import_participants(rs_study, "email\nAna@Example.org\n", "test").created
        result = import_participants(rs_study, "email,external_id\n ana@example.ORG ,X9\n", "test")
    assert result.created == [] and result.linked == [first]
    assert [tuple(r) for r in _records(app)] == [(first, "invitation", "X9", "Ana@Example.org")]


def test_an_email_of_one_record_and_an_id_of_another_is_refused(app, rs_study):
    enrol(app, email="ana@example.org")
    pro = enrol(app, source="prolific", external_id="PRO7")
    with app.app_context(), pytest.raises(ParticipantImportError) as info:
        import_participants(rs_study, "email,external_id\nana@example.org,pro7\n", "test")
    assert info.value.problems[0][0] == 2 and pro in info.value.problems[0][1]
    assert len(_records(app)) == 2


def test_the_dashboard_lists_likely_duplicates(app, rs_study, owner_client):
    a = enrol(app, source="prolific", external_id="abc123")
    b = enrol(app, source="mturk", external_id="ABC123")
    c = enrol(app, email="same@example.org")
    d = enrol(app, source="public")
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == d)).scalar_one()
        db.session.add(Contact(participant_id=p.id, email=" SAME@example.org", created_at=clock.now()))
        db.session.commit()
    enrol(app, email="other@example.org")
    html = owner_client.get("/researcher/study/rs-study").get_data(as_text=True)
    section = html.split('id="duplicates"', 1)[1].split("</ul>", 1)[0]
    assert "the same recruitment id" in section and a in section and b in section
    assert "the same email" in section and c in section and d in section
    assert section.count("<li>") == 2

