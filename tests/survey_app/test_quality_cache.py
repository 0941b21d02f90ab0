"""The quality flags the dashboard and the participant's page show are cached per wave, keyed by
the version of the wave's data: a new answer, a changed answer, a deleted participant or a
changed quality policy shows at once; an unchanged study computes nothing; only changed waves
are recomputed, and the cached flags equal a computation from scratch."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import craftwave.analysis.quality as analysis_quality
from craftwave.survey_app.db import write_transaction
from craftwave.survey_app.export import answers_long, page_timings
from craftwave.survey_app.extensions import db
from craftwave.survey_app.models import Participant
from craftwave.survey_app.monitoring import quality
from craftwave.survey_app.quality_cache import study_quality, wave_versions
from craftwave.survey_app.studies import get_study, instrument_library, load_study_file
from tests.survey_app.app_helpers import BACKENDS
from tests.survey_app.researcher_fixtures import STUDY_YAML, answer_wave, enrol

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)
BASE = "/researcher/study/rs-study"


@pytest.fixture
def computed(monkeypatch):
    """The waves each computation of flags covered (a spy on the analysis function)."""
    calls: list[list[int]] = []
    real = analysis_quality.quality_flags

    def spy(long, *args, **kwargs):
        calls.append(sorted(set(long["wave"])))
        return real(long, *args, **kwargs)

    monkeypatch.setattr(analysis_quality, "quality_flags", spy)
    return calls


def _crowd(app, n: int = 12) -> None:
    """Attentive participants at a normal pace: the wave's norm for speed and patterns."""
    rng = np.random.default_rng(23)

    def attentive(q, i):
        if q.is_check:
            return q.item.expected
        values = q.scale.substantive_values
        return values[int(rng.integers(len(values)))]

    for k in range(n):
        answer_wave(app, enrol(app, email=f"crowd{k}@example.org"), 1, value_for=attentive,
                    seconds_per_page=float(60 * rng.lognormal(0, 0.2)))


def _speeders(html: str) -> str:
    block = re.search(r'<table id="quality">(.*?)</table>', html, re.S).group(1)
    row = re.search(r'<tr data-wave="1">(.*?)</tr>', block, re.S).group(1)
    return re.search(r'data-col="speeders">([^<]*)<', row).group(1)


def test_a_new_answer_changes_the_flags_both_pages_show(app, rs_study, owner_client, computed):
    _crowd(app)
    late = enrol(app, email="late@example.org")
    page = f"{BASE}/participant/{late}"
    assert _speeders(owner_client.get(BASE).get_data(as_text=True)) == "0"
    assert "speeding" not in owner_client.get(page).get_data(as_text=True)
    assert computed == [[1]]  # once, for the one wave with answers; the page reused it
    owner_client.get(BASE)
    owner_client.get(page)
    assert computed == [[1]]  # unchanged data: nothing recomputed
    answer_wave(app, late, 1, seconds_per_page=1)  # a speeder's new answers
    html = owner_client.get(BASE).get_data(as_text=True)
    assert _speeders(html) == "1"
    row = re.search(rf"<code>{late}</code>.*?</tr>", html, re.S).group(0)
    assert "speeding" in row
    assert "speeding" in owner_client.get(page).get_data(as_text=True)
    assert computed == [[1], [1]]


def test_only_the_wave_whose_data_changed_is_recomputed(app, rs_study, owner_client, computed):
    _crowd(app, 4)
    first = enrol(app, email="first@example.org")
    answer_wave(app, first, 1)
    app.config["CLOCK"].advance(days=31)
    answer_wave(app, first, 2)
    owner_client.get(BASE)
    assert computed == [[1, 2]]
    answer_wave(app, enrol(app, email="second@example.org"), 1)
    owner_client.get(BASE)
    assert computed == [[1, 2], [1]]  # wave 2's flags came from the cache


def test_the_version_follows_changes_deletions_and_pilots(app, rs_study):
    _crowd(app, 3)
    pid = enrol(app, email="changer@example.org")
    answer_wave(app, pid, 1)
    with app.app_context():
        before = wave_versions("rs-study")
    # Back and change: the same answers, one value different (no new row)
    answer_wave(app, pid, 1, value_for=lambda q, i: q.item.expected if q.is_check else q.scale.substantive_values[-1])
    with app.app_context():
        changed = wave_versions("rs-study")
        assert changed[1] != before[1]
        with write_transaction():  # the export (and the flags) leave out a deleted participant
            db.session.execute(db.update(Participant).where(Participant.pid == pid).values(withdrawal="delete"))
        deleted = wave_versions("rs-study")
        assert deleted[1] != changed[1]
        with write_transaction():
            db.session.execute(db.update(Participant).where(Participant.pid == pid).values(test=True))
        assert wave_versions("rs-study")[1] == deleted[1]  # still left out: nothing changed for the flags


def test_a_changed_quality_policy_shows_at_once(app, rs_study, owner_client, tmp_path):
    _crowd(app)
    answer_wave(app, enrol(app, email="fast@example.org"), 1, seconds_per_page=1)
    assert _speeders(owner_client.get(BASE).get_data(as_text=True)) == "1"
    path = tmp_path / "no-speeding.yaml"
    path.write_text(STUDY_YAML + "quality: {flags: [attention, longstring]}\n", encoding="utf-8")
    with app.app_context():
        load_study_file(path)
    get_study.__globals__["_hashes"].clear()  # this process would otherwise trust its record for 2 s
    assert _speeders(owner_client.get(BASE).get_data(as_text=True)) == "0"


def test_cached_flags_equal_flags_computed_from_the_export(app, rs_study):
    _crowd(app)
    answer_wave(app, enrol(app, email="fast@example.org"), 1, seconds_per_page=1)
    with app.app_context():
        cached = study_quality("rs-study")  # first computation
        cached = study_quality("rs-study")  # from the cache
        cs = get_study("rs-study")
        library = instrument_library()
        direct = quality(answers_long("rs-study"), page_timings("rs-study"),
                         {i: library[i] for i in cs.study.instrument_ids},
                         [w.number for w in cs.study.waves], policy=cs.study.quality_policy)
    assert cached.available and direct.available
    key = ["participant_id", "wave"]
    pd.testing.assert_frame_equal(cached.flags.sort_values(key).reset_index(drop=True),
                                  direct.flags.sort_values(key).reset_index(drop=True), check_dtype=False)
    pd.testing.assert_frame_equal(cached.counts, direct.counts)
    assert int(cached.counts.set_index("wave").loc[1, "speeders"]) == 1
