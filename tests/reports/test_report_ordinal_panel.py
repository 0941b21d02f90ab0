"""The researcher report's section on items as ordered categories (``analysis: {indicators:
ordinal}``): ordinal invariance across waves and the ordinal RI-CLPM (or the nested CLPM),
each table reproduced by the command its appendix gives and by lavaan through reproduce.R.
"""

from __future__ import annotations

import copy
import json
import shlex
import shutil
import subprocess
import warnings

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from craftwave.cli import main
from craftwave.instruments.errors import CraftwaveWarning
from craftwave.reports.appendix import appendix, cli_commands
from craftwave.reports.export import load_export
from craftwave.reports.sections import ReportContext, ReportOptions, run_section
from craftwave.reports.sections import ordinal as O
from craftwave.reports.sections import researcher as R
from craftwave.reports.studyinfo import study_info

pytestmark = pytest.mark.slow


def _ctx(export_dir, indicators: str | None = "ordinal") -> ReportContext:
    data = load_export(export_dir)
    if indicators is not None:
        data.study = {**copy.deepcopy(data.study or {}), "analysis": {"indicators": indicators}}
    return ReportContext(data=data, study=study_info(export_dir / "study.yaml",
                                                     data_waves=data.waves),
                         options=ReportOptions(bootstrap=0))


def _run(command: str, export_dir, cwd, monkeypatch) -> dict:
    line = command.split("#")[0].replace("EXPORT_DIR", str(export_dir))
    out = ""
    with monkeypatch.context() as m, warnings.catch_warnings():
        warnings.simplefilter("ignore", CraftwaveWarning)
        m.chdir(cwd)
        for part in line.split("&&"):
            args = shlex.split(part)
            assert args[0] == "craftwave"
            res = CliRunner().invoke(main, args[1:])
            assert res.exit_code == 0, res.output
            out = res.stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def built(export_dir, tmp_path_factory):
    ctx = _ctx(export_dir)
    sec = run_section(O.ordinal, ctx, id="ordinal", title="Items as ordered categories")
    out = tmp_path_factory.mktemp("ordinal-report")
    app = appendix(ctx, out, [t.id for t in sec.tables])
    return ctx, sec, app, out


def test_the_section_applies_only_when_the_study_says_ordinal(export_dir):
    for study in (None, "continuous"):
        assert run_section(O.ordinal, _ctx(export_dir, study), id="ordinal", title="x") is None
    assert ("ordinal", "Items as ordered categories", R.ordinal_section) in R.SECTIONS


def test_ordinal_section_shows_invariance_and_the_panel_model(built):
    ctx, sec, _, _ = built
    assert sec.available, sec.reason
    ids = [t.id for t in sec.tables]
    assert ids[:3] == ["tab-ordinal-items", "tab-ordinal-inv-icraft", "tab-ordinal-inv-resil"]
    res = sec.results
    assert res["estimator"] == "WLSMV" and res["missing"] == "pairwise"
    assert set(res["level_reached"]) == {"icraft", "resil"}
    # the chi-bar-square test is said to be unavailable under WLSMV, wherever the models appear
    assert res["boundary_test"] is None
    assert any("not available under WLSMV" in p for p in sec.paragraphs)
    compare = next(t for t in sec.tables if t.id == "tab-ordinal-riclpm-compare")
    assert "not available under WLSMV" in compare.note
    lagged = "tab-ordinal-riclpm" if res["proper"] else "tab-ordinal-clpm"
    assert lagged in ids
    if not res["proper"]:
        assert res["problems"] and any("Improper solution" in p for p in sec.paragraphs)
    # labels from the instrument: the items' wording, not their column names
    items = next(t for t in sec.tables if t.id == "tab-ordinal-items")
    text = " ".join(" ".join(map(str, row)) for row in items.rows)
    assert "I picked gigs that let me use the skills I most enjoy using." in text
    assert "reverse keyed" in text                     # bounce_2 is reverse keyed
    assert {m for m in ctx.record.models if m.startswith("ordinal_")} == {
        "ordinal_invariance_icraft", "ordinal_invariance_resil", "ordinal_riclpm",
        "ordinal_clpm"}


def test_the_proper_branch_shows_the_within_person_effects(export_dir, monkeypatch):
    from craftwave.analysis.sem.categorical.dwls import OrdinalFit

    monkeypatch.setattr(OrdinalFit, "improper", lambda self: [])
    sec = run_section(O.ordinal, _ctx(export_dir), id="ordinal", title="x")
    assert sec.results["proper"] and "tab-ordinal-riclpm" in [t.id for t in sec.tables]
    assert all(k.startswith(("Individual crafting, within", "Resilience, within"))
               for k in sec.results["paths"])


def test_commands_reproduce_the_ordinal_tables(built, export_dir, monkeypatch):
    ctx, sec, _, out = built
    commands = dict(cli_commands(ctx, [t.id for t in sec.tables]))
    assert set(commands) == {t.id for t in sec.tables}
    # invariance: every level's scaled chi-square
    for c in ("icraft", "resil"):
        got = _run(commands[f"tab-ordinal-inv-{c}"], export_dir, out, monkeypatch)
        steps = next(t for t in sec.tables if t.id == f"tab-ordinal-inv-{c}")
        assert [f"{s['chisq']:.2f}" for s in got["steps"]] == [row[1] for row in steps.rows]
        assert got["level_reached"] == sec.results["level_reached"][c]
    # the panel models: the fit table as printed, and every lagged effect
    compare = next(t for t in sec.tables if t.id == "tab-ordinal-riclpm-compare")
    fits = [_run(cmd, export_dir, out, monkeypatch)
            for cmd in commands["tab-ordinal-riclpm-compare"].splitlines()]
    assert [f"{f['fit']['chisq_scaled']:.2f}" for f in fits] == [row[1] for row in compare.rows]
    assert fits[0]["improper"] == sec.results["problems"]
    key = "paths" if sec.results["proper"] else "clpm_paths"
    params = fits[0 if sec.results["proper"] else 1]["parameters"]
    lag = [p["est"] for p in params if p["op"] == "~"]
    np.testing.assert_allclose(lag, list(sec.results[key].values()), atol=1e-10)


def test_scores_items_writes_the_items_the_report_analysed(built, export_dir, tmp_path):
    ctx, _, _, _ = built
    target = tmp_path / "items.csv"
    res = CliRunner().invoke(main, ["scores", str(export_dir), "--items", "--out", str(target)])
    assert res.exit_code == 0, res.output
    written = pd.read_csv(target, dtype={"participant_id": str})
    ours = O.analysed_items(ctx)
    assert list(written.columns) == list(ours.columns)
    pd.testing.assert_frame_equal(written.drop(columns="participant_id"),
                                  ours.drop(columns="participant_id").reset_index(drop=True),
                                  check_dtype=False)
    # reverse keyed: bounce_2 correlates positively with bounce_1 once reversed
    assert written["resil_bounce_1_w1"].corr(written["resil_bounce_2_w1"]) > 0
    bad = CliRunner().invoke(main, ["scores", str(export_dir), "--items", "--long", "--out",
                                    str(target)])
    assert bad.exit_code != 0 and "--long" in bad.output


def test_reproduce_r_refits_the_ordinal_models_with_lavaan_wlsmv(built, export_dir, tmp_path):
    ctx, sec, _, out = built
    script = (out / "reproduce.R").read_text()
    assert 'estimator = "WLSMV", missing = "pairwise"' in script
    assert "resil_bounce_2_w1 <- 6 - items$resil_bounce_2_w1" in script
    for name in ("reproduce.R", "exclusions.csv"):
        if (out / name).is_file():
            shutil.copy(out / name, tmp_path / name)
    run = subprocess.run(["Rscript", "reproduce.R", str(export_dir)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    for name in ("ordinal_clpm", "ordinal_riclpm"):
        lav = pd.read_csv(tmp_path / f"lavaan_{name}.csv").fillna({"rhs": ""})
        ours = ctx.cache[f"{name}_fit"][1].params.fillna({"rhs": ""})
        both = ours.merge(lav, on=["lhs", "op", "rhs"], suffixes=("", "_r"))
        assert len(both) == len(ours)
        np.testing.assert_allclose(both["est"], both["est_r"], atol=1e-4)
        np.testing.assert_allclose(both["se"], both["se_r"], atol=1e-4)


def test_commands_reproduce_the_ordinal_reliability_table(export_dir, tmp_path, monkeypatch):
    ctx = _ctx(export_dir)
    sec = run_section(R.reliability, ctx, id="reliability", title="Reliability")
    table = next(t for t in sec.tables if t.id == "tab-reliability-ordinal")
    commands = dict(cli_commands(ctx, [t.id for t in sec.tables]))
    lines = commands["tab-reliability-ordinal"].splitlines()
    assert len(lines) == len(table.rows) and all("--ordinal" in ln for ln in lines)
    frame = R.ordinal_reliability_frame(ctx, R.reliability_frame(ctx))
    checked = 0
    for line, row in zip(lines, frame.itertuples(), strict=True):
        if not np.isfinite(row.omega_categorical) or checked == 2:
            continue
        got = {r["coefficient"]: r for r in _run(line, export_dir, tmp_path, monkeypatch)["ordinal"]}
        assert got["omega_categorical"]["value"] == pytest.approx(row.omega_categorical, abs=1e-10)
        assert got["alpha_ordinal"]["value"] == pytest.approx(row.alpha_ordinal, abs=1e-10)
        assert got["omega_categorical"]["nobs"] == row.n
        checked += 1
    assert checked == 2
