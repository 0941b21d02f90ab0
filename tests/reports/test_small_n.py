"""Small exports: models below their documented minimum are not estimated, and say so."""

from __future__ import annotations

import re

import pytest

from craftwave.reports import build_report
from craftwave.reports.minimums import MINIMUM_CASES
from tests.reports.conftest import make_export

pytestmark = pytest.mark.slow


def test_small_export_names_the_minimum_of_each_model(tmp_path):
    export = make_export(tmp_path / "export", n=40, seed=8, small_source=3)
    res = build_report("researcher", export, tmp_path / "out", "html", bootstrap=0)
    for sid, model in (("focal", "focal"), ("mediation", "mediation"), ("riclpm", "riclpm"),
                       ("invariance", "invariance")):
        sec = res.section(sid)
        assert not sec.available, sid
        m = re.fullmatch(r"not estimated: needs at least (\d+) complete cases \(has (\d+)\)",
                         sec.reason)
        assert m, (sid, sec.reason)
        assert int(m.group(1)) == MINIMUM_CASES[model] and int(m.group(2)) < int(m.group(1))
    assert "needs at least" in res.html
    summary = res.html.split('id="sec-summary"')[1].split("</section>")[0]
    assert "Focal model: not estimated" in summary  # the summary says so too
    plat = build_report("platform", export, tmp_path / "out", "html", bootstrap=0)
    findings = plat.section("findings")
    assert findings.reason == "not estimated: needs at least " \
        f"{MINIMUM_CASES['focal']} complete cases"
    assert "(has " not in plat.html
