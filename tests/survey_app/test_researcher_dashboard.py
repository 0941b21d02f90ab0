"""The dashboard's counts, quality flags and charts on a seeded study."""

from __future__ import annotations

import re

import numpy as np
import pytest

from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from tests.survey_app.researcher_fixtures import answer_wave, enrol, join


def _seed(app):
    """Seven participants with known paths through two waves (see the assertions)."""
    clock = app.config["CLOCK"]
    people = {name: enrol(app, email=f"{name}@example.org") for name in ("ok", "fast", "flat", "careless", "partial")}
    people["waiting"] = enrol(app, email="waiting@example.org", consent=False)  # imported, not invited
    people["invited"] = enrol(app, email="invited@example.org", consent=False)
    from craftwave.survey_app.models.researcher import SentMessage
    with app.app_context():
        p = db.session.execute(db.select(Participant).where(Participant.pid == people["invited"])).scalar_one()
        db.session.add(SentMessage(participant_id=p.id, kind="invitation", wave=1,
                                   claimed_at=clock(), sent_at=clock()))
        db.session.commit()
    answer_wave(app, people["ok"], 1, seconds_per_page=60)
    answer_wave(app, people["fast"], 1, seconds_per_page=5)  # 10 s for 14 items: a speeder

    def flat(q, i):
        return q.item.expected if q.is_check else (3 if q.instrument.id == "icraft" else q.scale.substantive_values[0])

    answer_wave(app, people["flat"], 1, value_for=flat, seconds_per_page=60)

    def careless(q, i):
        return 5 if q.is_check else q.scale.substantive_values[i % len(q.scale.substantive_values)]

    answer_wave(app, people["careless"], 1, value_for=careless, seconds_per_page=60)
    answer_wave(app, people["partial"], 1, pages=1, seconds_per_page=60)
    # twelve attentive participants, so that a wave has a norm for speed and answer patterns
    rng = np.random.default_rng(16)

    def attentive(q, i):
        if q.is_check:
            return q.item.expected
        values = q.scale.substantive_values
        return values[int(rng.integers(len(values)))]

    for k in range(12):
        pid = enrol(app, email=f"crowd{k}@example.org")
        answer_wave(app, pid, 1, value_for=attentive,
                    seconds_per_page=float(60 * rng.lognormal(0, 0.2)))
    clock.advance(days=31)
    answer_wave(app, people["ok"], 2, seconds_per_page=90)
    return people


def _cell(html: str, table: str, wave: int, col: str) -> str:
    block = re.search(rf'<table id="{table}">(.*?)</table>', html, re.S).group(1)
    row = re.search(rf'<tr data-wave="{wave}">(.*?)</tr>', block, re.S).group(1)
    return re.search(rf'data-col="{col}">([^<]*)<', row).group(1)


def test_wave_counts_rates_retention_and_median_time(app, rs_study):
    _seed(app)
    from craftwave.survey_app import clock
    from craftwave.survey_app.monitoring import wave_summary
    from craftwave.survey_app.studies import get_study
    with app.app_context():
        s = wave_summary(get_study(rs_study).study).set_index("wave")
        _ = clock
    assert s.loc[1, ["invited", "started", "completed"]].tolist() == [18, 17, 16]
    assert s.loc[1, "completion_rate"] == pytest.approx(16 / 18)
    assert np.isnan(s.loc[1, "retention"])
    # completers of wave 1: two pages of 60 s (three of them), of 5 s (one), and the crowd's
    # pages of about 60 s
    assert s.loc[1, "median_minutes"] == pytest.approx(2.0, rel=0.15)
    # wave 2 opened 30 days after completion for the sixteen completers; one completed it
    assert s.loc[2, ["invited", "started", "completed"]].tolist() == [16, 1, 1]
    assert s.loc[2, "retention"] == pytest.approx(1 / 16)
    assert s.loc[2, "median_minutes"] == pytest.approx(1.5)


def test_dashboard_page_shows_the_counts_and_quality_flags(app, rs_study, analyst_client):
    people = _seed(app)
    join(app)
    resp = analyst_client.get("/researcher/study/rs-study")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert [_cell(html, "waves", 1, c) for c in ("invited", "started", "completed")] == ["18", "17", "16"]
    assert [_cell(html, "waves", 2, c) for c in ("invited", "started", "completed")] == ["16", "1", "1"]
    assert _cell(html, "quality", 1, "speeders") == "1"
    assert _cell(html, "quality", 1, "straightliners") == "1"
    # one missed check of one is within an attentive participant's slip rate: not a flag
    assert _cell(html, "quality", 1, "attention_failed") == "0"
    assert _cell(html, "quality", 1, "assessed") == "17"
    assert _cell(html, "quality", 2, "assessed") == "1"
    # the participant table: pseudonymous ids, status per wave, flags; never an email
    for pid in people.values():
        assert pid in html
    assert "@example.org" not in html.replace("analyst@example.org", "")
    row = re.search(rf"<code>{people['fast']}</code>.*?</tr>", html, re.S).group(0)
    assert "completed" in row and "speeding" in row
    # a stricter threshold makes more speeders (same function as the reports)
    lenient = analyst_client.get("/researcher/study/rs-study?spi=0.5").get_data(as_text=True)
    assert int(_cell(lenient, "quality", 1, "speeders")) == 0
    assert analyst_client.get("/researcher/study/rs-study?spi=abc").status_code == 400
    assert "<script" not in html


def test_the_dashboard_uses_the_analysis_flags(app, rs_study):
    """The counts equal analysis.quality_flags run on the export of the same data."""
    _seed(app)
    from craftwave.analysis import quality_flags
    from craftwave.survey_app.export import collect
    from craftwave.survey_app.monitoring import quality
    with app.app_context():
        t = collect(rs_study)
        q = quality(t.answers_long, t.page_timings, t.instruments, [1, 2], 2.0)
    direct = quality_flags(t.answers_long, t.page_timings, instruments=t.instruments)
    w1 = direct[direct["wave"] == 1]
    row = q.counts.set_index("wave").loc[1]
    assert row["speeders"] == int(w1["flag_speeding"].fillna(False).astype(bool).sum())
    assert row["flagged"] == int(w1["flagged"].sum())
    # under a study's own policy too: the dashboard and the reports' apply_quality agree
    from craftwave.analysis.quality import QualityPolicy, apply_quality

    policy = QualityPolicy(alpha=0.2, exclude={"primary": ["any"]})
    with app.app_context():
        q2 = quality(t.answers_long, t.page_timings, t.instruments, [1, 2], policy=policy)
    report = apply_quality(t.answers_long, t.page_timings, policy=policy,
                           instruments=t.instruments)
    w1 = report.indices[report.indices["wave"] == 1]
    assert q2.counts.set_index("wave").loc[1, "flagged"] == int(w1["flagged"].sum())
    assert int(w1["flagged"].sum()) > row["flagged"]           # a larger budget flags more
    assert len(report.excluded) == int(report.indices["flagged"].sum())


def test_charts_are_svg_drawn_here_without_scripts(app, rs_study, analyst_client):
    _seed(app)
    join(app)
    for name in ("response", "rates"):
        resp = analyst_client.get(f"/researcher/study/rs-study/chart/{name}.svg")
        assert resp.status_code == 200 and resp.mimetype == "image/svg+xml"
        svg = resp.get_data(as_text=True)
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert "<script" not in svg and "<image" not in svg and "@import" not in svg
        assert not re.search(r'href="https?:', svg)  # nothing fetched from elsewhere
        assert "default-src 'none'" in resp.headers["Content-Security-Policy"]
    assert analyst_client.get("/researcher/study/rs-study/chart/nope.svg").status_code == 404
    assert analyst_client.get("/researcher/study/no-such-study").status_code == 404


def test_who_is_due_without_email_is_listed_with_recruitment_ids(app, rs_study, analyst_client):
    join(app, identifiers=True)  # due lists carry recruitment ids: a right of its own
    clock = app.config["CLOCK"]
    pro = enrol(app, source="prolific", external_id="PRO1")
    pro_done_w2 = enrol(app, source="prolific", external_id="PRO2")
    emailed = enrol(app, email="e@example.org")
    for pid in (pro, pro_done_w2, emailed):
        answer_wave(app, pid, 1)
    html = analyst_client.get("/researcher/study/rs-study").get_data(as_text=True)
    assert 'id="due"' not in html  # wave 2 opens 30 days after completion
    clock.advance(days=31)
    answer_wave(app, pro_done_w2, 2)
    html = analyst_client.get("/researcher/study/rs-study").get_data(as_text=True)
    assert 'id="due"' in html
    resp = analyst_client.get("/researcher/study/rs-study/due.csv?wave=2")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    import io

    import pandas as pd
    due = pd.read_csv(io.StringIO(resp.get_data(as_text=True)))
    assert due[["participant_id", "wave", "source", "external_id"]].values.tolist() == [
        [pro, 2, "prolific", "PRO1"]]
    from craftwave.survey_app.models.researcher import AuditEntry
    with app.app_context():
        (entry,) = db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "due_list")).scalars()
    assert entry.actor == "analyst@example.org" and entry.detail == {"wave": 2, "participants": 1}
