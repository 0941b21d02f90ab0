"""The study file's ``analysis: indicators: ordinal`` reaches the researcher report's reliability.

Each ordinal coefficient shown must be the one ``craftwave reliability --ordinal`` gives for the
same scale, wave and rows; the default (continuous) says when items have few categories.
"""

from __future__ import annotations

import copy

import pytest

from craftwave.analysis.data import item_matrix
from craftwave.analysis.sem.categorical.reliability import scale_reliability
from craftwave.instruments import load_library, study_from_dict
from craftwave.reports.export import load_export
from craftwave.reports.sections import researcher as R
from craftwave.reports.sections.base import ReportContext, ReportOptions, run_section
from craftwave.reports.studyinfo import study_info


def _ctx(export_dir, study_patch=None):
    data = load_export(export_dir)
    if study_patch is not None:
        data.study = {**copy.deepcopy(data.study or {}), **study_patch}
    return ReportContext(data=data, study=study_info(export_dir / "study.yaml",
                                                     data_waves=data.waves),
                         options=ReportOptions(bootstrap=0))


def test_ordinal_study_adds_categorical_omega_and_ordinal_alpha(export_dir):
    ctx = _ctx(export_dir, {"analysis": {"indicators": "ordinal"}})
    sec = run_section(R.reliability, ctx, id="reliability", title="Reliability")
    assert sec.available, sec.reason
    ids = [t.id for t in sec.tables]
    assert ids == ["tab-reliability", "tab-reliability-ordinal"]
    omega = sec.results["omega_categorical"]
    alpha = sec.results["alpha_ordinal"]
    shown = {k: v for k, v in omega.items() if v is not None}
    assert len(shown) >= 4
    lib = load_library()
    full = R.reliability_frame(ctx)
    row = full[full["omega_method"].eq("one-factor CFA")].iloc[0]
    sub = None if row["subscale"] != row["subscale"] else row["subscale"]
    items = item_matrix(R._kept_wide(ctx), lib[row["instrument"]], int(row["wave"]), sub)
    direct = scale_reliability(items, list(items.columns)).set_index("coefficient")["value"]
    assert omega[row["scale"]] == pytest.approx(direct["omega_categorical"], abs=1e-9)
    assert alpha[row["scale"]] == pytest.approx(direct["alpha_ordinal"], abs=1e-9)
    note = sec.tables[1].note
    assert "observed sum score" in note and "latent responses" in note


def test_continuous_default_keeps_one_table_and_recommends_ordinal_for_few_categories(
        export_dir, monkeypatch):
    ctx = _ctx(export_dir)
    sec = run_section(R.reliability, ctx, id="reliability", title="Reliability")
    assert [t.id for t in sec.tables] == ["tab-reliability"]
    assert "omega_categorical" not in sec.results
    assert not any("four or fewer" in p for p in sec.paragraphs)  # 5-point items here
    monkeypatch.setattr(R, "few_category_scales", lambda ctx: ["Individual job crafting"])
    sec = run_section(R.reliability, _ctx(export_dir), id="reliability", title="Reliability")
    assert any("four or fewer answer categories" in p for p in sec.paragraphs)


def test_the_study_file_takes_analysis_indicators_and_refuses_other_values():
    import yaml

    from craftwave.instruments.errors import StudyError
    from tests.reports.conftest import DEMO_STUDY

    raw = yaml.safe_load(DEMO_STUDY.read_text(encoding="utf-8"))
    plain = study_from_dict(copy.deepcopy(raw))
    ordinal = study_from_dict({**copy.deepcopy(raw), "analysis": {"indicators": "ordinal"}})
    assert ordinal.analysis.indicators == "ordinal"
    assert plain.analysis is None and plain.content_hash != ordinal.content_hash
    with pytest.raises(StudyError, match="indicators"):
        study_from_dict({**copy.deepcopy(raw), "analysis": {"indicators": "likert"}})
