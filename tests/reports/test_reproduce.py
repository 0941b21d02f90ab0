"""Every model table of the researcher report is reproduced by the command its appendix gives."""

from __future__ import annotations

import json
import shlex
import shutil
import warnings

import numpy as np
import pytest
import yaml
from click.testing import CliRunner

from craftwave.cli import main
from craftwave.instruments.errors import CraftwaveWarning
from craftwave.reports.appendix import appendix, cli_commands
from craftwave.reports.export import load_export
from craftwave.reports.sections import ReportContext, ReportOptions, run_section
from craftwave.reports.sections import researcher as R
from craftwave.reports.studyinfo import study_info

pytestmark = pytest.mark.slow


def _context(export_dir, validate: bool = True) -> ReportContext:
    data = load_export(export_dir)
    # the policy is read from the export's study.yaml as loaded (ctx.data.study), whether or
    # not the study schema of this version validates the file
    info = study_info(export_dir / "study.yaml" if validate else None, data_waves=data.waves)
    return ReportContext(data=data, study=info, options=ReportOptions(bootstrap=50))


def _run(command: str, export_dir, cwd, monkeypatch) -> dict:
    """Run an appendix command from the report's directory (where exclusions.csv is); a line
    "a && b" runs each command in turn and gives the last one's JSON."""
    line = command.split("#")[0].replace("EXPORT_DIR", str(export_dir))
    out = ""
    with monkeypatch.context() as m, warnings.catch_warnings():
        warnings.simplefilter("ignore", CraftwaveWarning)  # printed by the CLI, not errors
        m.chdir(cwd)
        for part in line.split("&&"):
            args = shlex.split(part)
            assert args[0] == "craftwave"
            res = CliRunner().invoke(main, args[1:])
            assert res.exit_code == 0, res.output
            out = res.stdout
    return json.loads(out)


def _check(ctx: ReportContext, export_dir, out, monkeypatch) -> None:
    sections = [run_section(fn, ctx, id=sid, title=sid) for sid, _, fn in R.SECTIONS
                if sid in ("quality", "reliability", "focal", "mediation", "riclpm")]
    for s in sections:
        assert s.available, (s.id, s.reason)
    sec = {s.id: s for s in sections}
    appendix(ctx, out)  # writes exclusions.csv as the report does
    ids = [t.id for s in sections for t in s.tables]
    commands = dict(cli_commands(ctx, ids))
    assert {"tab-focal", "tab-riclpm-compare"} <= set(commands)
    # the focal table: every estimate
    focal = _run(commands["tab-focal"], export_dir, out, monkeypatch)
    ours = ctx.cache["focal_fit"][1].params
    theirs = {(p["lhs"], p["op"], p["rhs"]): p["est"] for p in focal["parameters"]}
    np.testing.assert_allclose([theirs[(r.lhs, r.op, r.rhs)] for r in ours.itertuples()],
                               ours["est"], atol=1e-6)
    # the model comparison: the chi-squares as printed
    table = next(t for t in sec["riclpm"].tables if t.id == "tab-riclpm-compare")
    printed = [row[1] for row in table.rows]
    for cmd, row in zip(commands["tab-riclpm-compare"].splitlines(), printed, strict=True):
        got = _run(cmd, export_dir, out, monkeypatch)["fit"]["chisq"]
        assert f"{got:.2f}" == row
    if "tab-cond-indirect" in commands:  # the mediation table, under a policy excluding none
        med = _run(commands["tab-cond-indirect"], export_dir, out, monkeypatch)
        table = next(t for t in sec["mediation"].tables if t.id == "tab-cond-indirect")
        printed = [row[2] for row in table.rows]  # the effects as printed
        got = [e["est"] for e in med["conditional_indirect"]]
        assert [f"{v:.3f}".replace("-", "\u2212") for v in got] == printed
        cis = [f"[{e['ci_lower']:.3f}, {e['ci_upper']:.3f}]".replace("-", "\u2212")
               for e in med["conditional_indirect"]]
        assert cis == [row[4] for row in table.rows]  # same bootstrap, same seed
    else:
        assert ctx.policy.excludes
    assert "tab-reliability" in commands  # under any policy (--exclusions when it excludes)
    # every alpha and omega the report computed
    rows = {r["scale"]: r for r in _run(commands["tab-reliability"], export_dir, out,
                                           monkeypatch)}
    alpha = sec["reliability"].results["alpha"]
    omega = sec["reliability"].results["omega"]
    assert alpha and set(alpha) <= set(rows)
    np.testing.assert_allclose([rows[k]["alpha"] for k in alpha], list(alpha.values()),
                               atol=1e-10)
    shown = {k: v for k, v in omega.items() if np.isfinite(v)}  # omitted: not converged
    np.testing.assert_allclose([rows[k]["omega_total"] for k in shown],
                               list(shown.values()), atol=1e-10)


def test_commands_reproduce_the_tables(export_dir, tmp_path, monkeypatch):
    ctx = _context(export_dir)
    assert not ctx.policy.excludes  # the default policy: exclude nothing
    _check(ctx, export_dir, tmp_path, monkeypatch)


def test_commands_reproduce_the_tables_under_an_excluding_policy(export_dir, tmp_path,
                                                                 monkeypatch):
    copy = tmp_path / "export"
    shutil.copytree(export_dir, copy)
    study = yaml.safe_load((copy / "study.yaml").read_text(encoding="utf-8"))
    study["quality"] = {"exclude": {"primary": ["any"]}}
    (copy / "study.yaml").write_text(yaml.safe_dump(study), encoding="utf-8")
    ctx = _context(copy, validate=False)
    assert ctx.policy.excludes
    out = tmp_path / "out"
    out.mkdir()
    _check(ctx, copy, out, monkeypatch)
    assert (out / "exclusions.csv").is_file()
    assert len(ctx.record.exclusions) > 0
