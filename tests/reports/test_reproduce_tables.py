"""The descriptive, growth, attrition and intervention tables of the researcher report are
reproduced, number by number, by the commands its appendix prints (run as printed, from the
report's directory, on the export directory), under the default and an excluding policy."""

from __future__ import annotations

import json
import math
import shlex
import shutil
import warnings

import pytest
import yaml
from click.testing import CliRunner

from craftwave.cli import main
from craftwave.instruments.errors import CraftwaveWarning
from craftwave.reports.appendix import appendix, cli_commands
from craftwave.reports.export import load_export
from craftwave.reports.sections import ReportContext, ReportOptions, run_section
from craftwave.reports.sections import researcher as R
from craftwave.reports.sections.common import SHORT
from craftwave.reports.studyinfo import study_info

pytestmark = pytest.mark.slow

SECTIONS = ("quality", "descriptives", "invariance", "mediation", "growth", "attrition",
            "intervention", "itt")


def _run(command: str, export_dir, cwd, monkeypatch):
    """Run an appendix line as printed ("a && b": each in turn); the last one's JSON."""
    line = command.split("  #")[0].replace("EXPORT_DIR", str(export_dir))
    out = None
    with monkeypatch.context() as m, warnings.catch_warnings():
        warnings.simplefilter("ignore", CraftwaveWarning)  # printed by the CLI, not errors
        m.chdir(cwd)
        for part in line.split("&&"):
            args = shlex.split(part)
            assert args[0] == "craftwave"
            res = CliRunner().invoke(main, args[1:])
            assert res.exit_code == 0, (part, res.output)
            out = res.stdout
    return json.loads(out)


def _value(text: str) -> tuple[float, int]:
    """A printed number and its decimals ("−0.12" -> (-0.12, 2); ".045" -> (0.045, 3))."""
    t = text.replace("\u2212", "-").rstrip("*%").strip()
    decimals = len(t.split(".")[1]) if "." in t else 0
    return float(t), decimals


def _agrees(printed: str, value: float, scale: float = 1.0) -> None:
    """The printed cell is the value rounded to the printed decimals."""
    if printed.startswith("< ."):
        assert value < float("0" + printed[2:]), (printed, value)
        return
    if printed in ("", "\u2014"):
        assert value is None or (isinstance(value, float) and math.isnan(value)), (printed,
                                                                                    value)
        return
    got, d = _value(printed)
    assert abs(got - scale * value) <= 0.5 * 10 ** -d + 1e-9, (printed, value)


def _ci(printed: str, lo: float, hi: float) -> None:
    a, b = printed.strip("[]").split(", ")
    _agrees(a, lo)
    _agrees(b, hi)


def _stars(printed: str, p: float) -> None:
    n = len(printed) - len(printed.rstrip("*"))
    assert n == sum(p < cut for cut in (0.05, 0.01, 0.001)), (printed, p)


def _context(export_dir, validate: bool = True) -> ReportContext:
    data = load_export(export_dir)
    info = study_info(export_dir / "study.yaml" if validate else None, data_waves=data.waves)
    return ReportContext(data=data, study=info, options=ReportOptions(bootstrap=50))


def _check(ctx: ReportContext, export_dir, out, monkeypatch) -> None:
    sections = {sid: run_section(fn, ctx, id=sid, title=sid) for sid, _, fn in R.SECTIONS
                if sid in SECTIONS}
    if not ctx.study.has_intervention:  # a study file this version cannot read: no arms
        assert not sections.pop("intervention").available
    for s in sections.values():
        assert s.available, (s.id, s.reason)
    tables = {t.id: t for s in sections.values() for t in s.tables}
    appendix(ctx, out)  # writes exclusions.csv as the report does
    commands = dict(cli_commands(ctx, list(tables)))
    wanted = {t for t in tables if t.startswith("tab-cor-w")} | {
        "tab-growth", "tab-dropout", "tab-patterns", "tab-cond-indirect", "tab-quality"} | (
        {"tab-ancova", "tab-did", "tab-attrition-arm"} if "intervention" in sections
        else set()) | {"tab-itt", "tab-tipping"}
    assert wanted <= set(commands), wanted - set(commands)
    checked = 0

    # descriptives: N, M, SD and every correlation (with its stars), per wave
    for tid in sorted(t for t in tables if t.startswith("tab-cor-w")):
        got = _run(commands[tid], export_dir, out, monkeypatch)
        assert len(got) == 1
        block = got[0]
        rows = tables[tid].rows
        assert len(rows) == len(block["variables"])
        for i, row in enumerate(rows):
            assert int(row[1]) == block["n"][i]
            _agrees(row[2], block["mean"][i])
            _agrees(row[3], block["sd"][i])
            for j in range(i):
                _agrees(row[4 + j].rstrip("*"), block["r"][i][j])
                _stars(row[4 + j], block["p"][i][j])
                checked += 1
        off = [block["pairwise_n"][i][j] for i in range(len(rows)) for j in range(i)]
        assert f"Pairwise N = {min(off)} to {max(off)}." in tables[tid].note

    # growth: one command per construct; the row of its label
    printed = {row[0]: row for row in tables["tab-growth"].rows}
    lines = commands["tab-growth"].splitlines()
    for line in lines:
        stem = line.split("--outcome ")[1].split()[0]
        if SHORT[stem] not in printed:
            continue  # below the minimum: the report says why and prints no row
        got = _run(line, export_dir, out, monkeypatch)
        slope = next(f for f in got["fixed"] if f["term"] == "time")
        row = printed.pop(SHORT[stem])
        _agrees(row[1], slope["est"])
        _agrees(row[2], slope["se"])
        _ci(row[3], slope["ci_lower"], slope["ci_upper"])
        _agrees(row[4], slope["pvalue"])
        assert int(row[5]) == got["ngroups"]
        checked += 1
    assert not printed  # every row of the table was reproduced

    # attrition: completers versus dropouts, participation patterns, Little's MCAR test
    first, mcar_line = commands["tab-dropout"].splitlines()
    got = _run(first, export_dir, out, monkeypatch)
    rows = tables["tab-dropout"].rows
    assert len(rows) == len(got["dropout"])
    for row, rec in zip(rows, got["dropout"], strict=True):
        assert (int(row[0]), int(row[1])) == (rec["from_wave"], rec["to_wave"])
        assert int(row[3]) == rec["n_completers"] and int(row[5]) == rec["n_dropouts"]
        for cell, key in ((row[4], "mean_completers"), (row[6], "mean_dropouts"),
                          (row[7], "pvalue"), (row[8], "hedges_g")):
            _agrees(cell, rec[key])
        checked += 1
    assert commands["tab-patterns"] == first
    rows = tables["tab-patterns"].rows
    assert len(rows) == len(got["patterns"])
    for row, rec in zip(rows, got["patterns"], strict=True):
        assert row[0] == str(rec["pattern"]) and int(row[1]) == rec["n"]
        _agrees(row[2], rec["share"], scale=100)
    mcar = _run(mcar_line, export_dir, out, monkeypatch)["little_mcar"]
    ours = sections["attrition"].results["mcar"]
    assert mcar["df"] == ours["df"]
    assert mcar["statistic"] == pytest.approx(ours["statistic"], rel=1e-10)
    para = sections["attrition"].paragraphs[0]
    assert f"χ²({mcar['df']}) = {mcar['statistic']:.2f}" in para

    # intervention: ANCOVA, difference-in-differences, retention by arm
    if "intervention" in sections:
        checked += _check_intervention(tables, commands, export_dir, out, monkeypatch)
    checked += _check_itt(tables, commands, export_dir, out, monkeypatch)

    # longitudinal invariance: every fit measure and difference test of every step
    inv = [t for t in tables if t.startswith("tab-inv-")]
    assert inv and set(inv) <= set(commands)
    for tid in inv:
        got = _run(commands[tid], export_dir, out, monkeypatch)
        steps = got["steps"]
        table = tables[tid]
        assert len(table.rows) == len(steps)
        key = {"χ²": "chisq", "df": "df", "CFI": "cfi", "RMSEA": "rmsea", "SRMR": "srmr",
               "Δχ²": "delta_chisq", "Δdf": "delta_df", "p": "delta_pvalue",
               "ΔCFI": "delta_cfi", "ΔRMSEA": "delta_rmsea"}
        for row, step in zip(table.rows, steps, strict=True):
            assert row[0] == step["level"]
            for col, cell in zip(table.columns[1:], row[1:], strict=True):
                value = step[key[col]]
                if cell == "":
                    assert value is None or not math.isfinite(value), (col, value)
                else:
                    _agrees(cell, value)
            checked += 1

    # data quality: each flag's count per wave, any flag, and the policy's exclusions
    records = _run(commands["tab-quality"], export_dir, out, monkeypatch)
    table = tables["tab-quality"]
    cols = table.columns
    flag_of = {"Longstring": "longstring", "IRV": "irv", "Mahalanobis": "mahalanobis",
               "Even-odd": "even_odd", "Synonyms": "synonyms", "Antonyms": "antonyms",
               "Person-total": "person_total", "Autocorrelation": "autocorrelation",
               "Attention check": "attention", "Speeding": "speeding"}
    excluded = ctx.record.exclusions
    for row in table.rows:
        w = int(row[0])
        recs = [r for r in records if int(r["wave"]) == w]
        cell = dict(zip(cols, row, strict=True))
        assert int(cell["Screened"]) == len(recs)
        for label, key in flag_of.items():
            if label in cell:
                assert int(cell[label]) == sum(bool(r.get(f"flag_{key}")) for r in recs), label
        assert int(cell["Any flag"]) == sum(bool(r["flagged"]) for r in recs)
        n_excl = 0 if excluded is None or excluded.empty else int(
            excluded["wave"].astype(int).eq(w).sum())
        assert int(cell["Excluded"]) == n_excl
        if ctx.policy.excludes:  # the policy excludes every flagged participant-wave
            assert n_excl == int(cell["Any flag"])
        checked += 1

    # moderated mediation: the conditional indirect effects and their bootstrap CIs
    med = _run(commands["tab-cond-indirect"], export_dir, out, monkeypatch)
    rows = tables["tab-cond-indirect"].rows
    for row, e in zip(rows, med["conditional_indirect"], strict=True):
        _agrees(row[2], e["est"])
        _ci(row[4], e["ci_lower"], e["ci_upper"])
    assert checked > 20


def _check_itt(tables, commands, export_dir, out, monkeypatch) -> int:
    """The primary (FIML) and multiple-imputation rows of the ITT table, and the tipping
    points, from `craftwave itt --sensitivity` with the report's seed."""
    assert commands["tab-itt"].splitlines()[0] == commands["tab-tipping"]
    got = _run(commands["tab-tipping"], export_dir, out, monkeypatch)
    rows = tables["tab-itt"].rows
    expected = [("Primary", got["fiml"]), ("Alternative", got["mi"])]
    checked = 0
    for prefix, res in expected:
        mine = [r for r in rows if r[0].startswith(prefix)]
        assert len(mine) == len(res["params"]) > 0
        for row, p in zip(mine, res["params"], strict=True):
            assert (row[1], row[2], int(row[3])) == (p["arm"], p["control"], res["nobs"])
            _agrees(row[4], p["est"])
            _agrees(row[5], p["se"])
            _ci(row[6], p["ci_lower"], p["ci_upper"])
            checked += 1
    tips = tables["tab-tipping"].rows
    assert len(tips) == len(got["tipping"])
    for row, tp in zip(tips, got["tipping"], strict=True):
        assert row[0] == tp["arm"] and row[1] == str(tp["conclusion_at_mar"])
        if tp["tipping_delta"] is None:
            assert row[2] == ""
        else:
            _agrees(row[2], tp["tipping_delta"])
            _agrees(row[3], tp["tipping_delta"] / tp["outcome_sd"])
    return checked


def _check_intervention(tables, commands, export_dir, out, monkeypatch) -> int:
    checked = 0
    iv = _run(commands["tab-ancova"], export_dir, out, monkeypatch)
    assert commands["tab-did"] == commands["tab-attrition-arm"] == commands["tab-ancova"]
    for row, rec in zip(tables["tab-ancova"].rows, iv["ancova"]["effects"], strict=True):
        assert (row[0], row[1]) == (rec["arm"], rec["control"])
        _agrees(row[2], rec["est"])
        _agrees(row[3], rec["se"])
        _ci(row[4], rec["ci_lower"], rec["ci_upper"])
        _agrees(row[5], rec["pvalue"])
        assert (int(row[6]), int(row[7])) == (rec["n_arm"], rec["n_control"])
        checked += 1
    assert len(tables["tab-did"].rows) == len(iv["did"]["effects"])
    for row, rec in zip(tables["tab-did"].rows, iv["did"]["effects"], strict=True):
        assert (row[0], int(row[1])) == (rec["arm"], rec["wave"])
        _agrees(row[2], rec["est"])
        _agrees(row[3], rec["se"])
        _ci(row[4], rec["ci_lower"], rec["ci_upper"])
        _agrees(row[5], rec["pvalue"])
    assert len(tables["tab-attrition-arm"].rows) == len(iv["retention"])
    for row, rec in zip(tables["tab-attrition-arm"].rows, iv["retention"], strict=True):
        assert (row[0], int(row[1])) == (rec["arm"], rec["wave"])
        assert (int(row[2]), int(row[3])) == (rec["assigned"], rec["responded"])
        _agrees(row[4], rec["retained"], scale=100)
    return checked


def test_descriptive_tables_are_reproduced_by_the_printed_commands(export_dir, tmp_path,
                                                                   monkeypatch):
    ctx = _context(export_dir)
    assert not ctx.policy.excludes
    _check(ctx, export_dir, tmp_path, monkeypatch)


def test_descriptive_tables_are_reproduced_under_an_excluding_policy(export_dir, tmp_path,
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
    assert len(ctx.record.exclusions) > 0
    assert "--exclusions exclusions.csv" in dict(cli_commands(ctx, ["tab-growth"]))["tab-growth"]


def test_platform_model_numbers_are_reproduced_by_the_printed_commands(export_dir, tmp_path,
                                                                       monkeypatch):
    from craftwave.reports.reproduce import platform_reproduce
    from craftwave.reports.sections import platform as P

    data = load_export(export_dir)
    ctx = ReportContext(data=data, study=study_info(export_dir / "study.yaml",
                                                    data_waves=data.waves),
                        options=ReportOptions(bootstrap=0), kind="platform")
    secs = {sid: run_section(fn, ctx, id=sid, title=sid) for sid, _, fn in P.SECTIONS
            if sid in ("decision", "findings")}
    assert all(s.available for s in secs.values()), {s.id: s.reason for s in secs.values()}
    entries = {e["table"]: e for e in platform_reproduce(ctx, list(secs.values()),
                                                        {"tab-findings": "Table 4"})}
    assert entries["tab-findings"]["ref"] == "Table 4"
    focal = _run(entries["tab-findings"]["commands"][0], export_dir, tmp_path, monkeypatch)
    est = {p["label"]: p for p in focal["parameters"] if p.get("label")}
    rows = secs["findings"].tables[0].rows
    for row, label in zip(rows, ("a1", "a2", "a3", "b"), strict=True):
        p = est[label]
        assert row[1] == f"{p['est']:.2f}"
        assert row[2] == f"{p['ci_lower']:.2f} to {p['ci_upper']:.2f}"
    itt = _run(entries["tab-contrasts"]["commands"][0], export_dir, tmp_path, monkeypatch)
    ours = secs["decision"].results["decisions"]
    assert [d["label"] for d in itt["decisions"]] == [d["label"] for d in ours]
    for a, b in zip(itt["decisions"], ours, strict=True):
        for key, v in a.items():
            if isinstance(v, float):
                assert v == pytest.approx(b[key], rel=1e-9, abs=1e-12), key
