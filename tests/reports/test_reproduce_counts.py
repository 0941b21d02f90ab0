"""Every table of both reports has the command that reproduces it, and the commands give the
published numbers: the researcher report's appendix and the platform report's "How to
reproduce these numbers" (and its JSON sidecar's ``reproduce``), run as printed through the CLI
entry point, under the default policy and under a policy that excludes every flagged answer.

The count tables (sample, CONSORT flow, uptake, the N of the descriptive tables) are checked
cell by cell here; so are the R² table, the ITT table's row without flagged answers and every
platform table (counts as published, shares, group means, the model's links and the
contrasts). The platform commands must hide the cells the report hides and print no count
under k. The model and descriptive tables are checked number by number by
``test_reproduce.py`` and ``test_reproduce_tables.py`` with the same commands.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

from craftwave.reports import build_report
from tests.reports.test_disclosure import _json_problems
from tests.reports.test_reproduce_tables import _agrees, _check_intervention, _check_itt, _ci
from tests.reports.test_reproduce_tables import _run as run_command

pytestmark = pytest.mark.slow

#: Tables whose commands other test modules check number by number (same appendix).
CHECKED_ELSEWHERE = {"tab-quality", "tab-reliability", "tab-focal", "tab-cond-indirect",
                     "tab-riclpm", "tab-riclpm-compare", "tab-clpm", "tab-growth",
                     "tab-dropout", "tab-patterns"}


@pytest.fixture(scope="module", params=["default", "exclude-flagged"])
def built(request, export_dir, tmp_path_factory):
    """Both reports of one export under one quality policy, in one directory."""
    base = tmp_path_factory.mktemp(f"reports-{request.param}")
    export = base / "export"
    shutil.copytree(export_dir, export)
    if request.param != "default":
        study = yaml.safe_load((export / "study.yaml").read_text(encoding="utf-8"))
        study["quality"] = {"exclude": {"primary": ["any"]}}
        (export / "study.yaml").write_text(yaml.safe_dump(study), encoding="utf-8")
    out = base / "out"
    res = {kind: build_report(kind, export, out, "html", bootstrap=50)
           for kind in ("researcher", "platform")}
    return request.param, export, out, res


def _table_ids(res) -> list[str]:
    return [t.id for s in res.sections if s.available and s.id != "appendix" for t in s.tables]


def _count_json(command: str, export, out, monkeypatch) -> dict[str, dict]:
    got = run_command(command, export, out, monkeypatch)
    return {t["id"]: t for t in got["tables"]}, got


def _row(table: dict, label: str) -> list:
    return next(r for r in table["rows"] if r[0] == label)


# -- the researcher report ----------------------------------------------------------------------


def test_researcher_appendix_reproduces_every_table(built, monkeypatch):
    policy, export, out, res = built
    rep = res["researcher"]
    commands = rep.section("appendix").results["commands"]
    tables = {t.id: t for s in rep.sections if s.available and s.id != "appendix"
              for t in s.tables}
    assert set(tables) - set(commands) == set(), "a table without its command"
    assert len(tables) >= 20
    checked = set()

    # the count tables: craftwave counts, every cell
    line = commands["tab-sample"]
    assert {commands[t].split("  #")[0] for t in ("tab-sample", "tab-flow-entry", "tab-flow",
                                                    "tab-uptake-arm")} == {line.split("  #")[0]}
    counts, raw = _count_json(line, export, out, monkeypatch)
    assert raw["policy"] == rep.context.policy.describe()
    for tid in ("tab-sample", "tab-flow-entry", "tab-flow", "tab-uptake-arm"):
        printed, got = tables[tid], counts[tid]
        grows = got["rows"]
        if tid == "tab-flow-entry":  # printed without a row label
            assert printed.columns == got["columns"][1:]
            grows = [r[1:] for r in grows]
        else:
            assert printed.columns == got["columns"], tid
        assert len(printed.rows) == len(grows), tid
        for prow, grow in zip(printed.rows, grows, strict=True):
            for cell, value in zip(prow, grow, strict=True):
                if value is None:
                    assert cell == "", (tid, prow, grow)
                elif isinstance(value, float):
                    _agrees(cell, value, scale=100)  # shares as percentages
                else:
                    assert cell == str(value), (tid, prow, grow)
        checked.add(tid)
    # the N column of the descriptive tables is the N of each score after the policy
    n_scores = counts["n-scores"]
    for tid, t in tables.items():
        if tid.startswith("tab-cor-w"):
            w = int(tid.removeprefix("tab-cor-w"))
            ns = [r[n_scores["columns"].index(f"Wave {w}")] for r in n_scores["rows"]]
            assert [int(r[1]) for r in t.rows] == ns

    # R² of the focal model: 1 - std_all of each outcome's residual variance
    focal = run_command(commands["tab-focal-r2"], export, out, monkeypatch)
    resid = {p["lhs"]: p["std_all"] for p in focal["parameters"]
             if p["op"] == "~~" and p["lhs"] == p["rhs"]}
    r2_rows = tables["tab-focal-r2"].rows
    assert r2_rows
    from craftwave.reports.labels import var_label

    by_label = {var_label(v): 1 - s for v, s in resid.items()}
    for label, cell in r2_rows:
        _agrees(cell, by_label[label])
    checked.add("tab-focal-r2")

    # the ITT table: primary and MI rows (first line) and the row without flagged answers
    first, flagged = commands["tab-itt"].splitlines()
    assert ("--exclusions exclusions.csv" in flagged) == (policy != "default")
    _check_itt(tables, {"tab-itt": commands["tab-itt"], "tab-tipping": first}, export, out,
               monkeypatch)
    got = run_command(flagged, export, out, monkeypatch)["fiml"]
    rows = [r for r in tables["tab-itt"].rows if r[0].startswith("Sensitivity")]
    assert len(rows) == len(got["params"]) > 0
    for row, p in zip(rows, got["params"], strict=True):
        assert (row[1], row[2], int(row[3])) == (p["arm"], p["control"], got["nobs"])
        _agrees(row[4], p["est"])
        _agrees(row[5], p["se"])
        _ci(row[6], p["ci_lower"], p["ci_upper"])
    checked |= {"tab-itt", "tab-tipping"}
    if "tab-ancova" in tables:
        _check_intervention(tables, commands, export, out, monkeypatch)
        checked |= {"tab-ancova", "tab-did", "tab-attrition-arm"}
    rest = set(tables) - checked - CHECKED_ELSEWHERE
    assert {t for t in rest if not t.startswith(("tab-cor-w", "tab-inv-"))} == set(), rest


# -- the platform report ------------------------------------------------------------------------


def _share(cell: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+) of (\d+) \(\d+%\)", cell)
    assert m, cell
    return int(m.group(1)), int(m.group(2))


def test_platform_commands_reproduce_every_table(built, monkeypatch):
    policy, export, out, res = built
    plat = res["platform"]
    k = plat.context.study.k
    sidecar = json.loads((out / "platform-report.json").read_text(encoding="utf-8"))
    published = {t["id"]: t for s in sidecar["sections"] for t in s["tables"]}
    entries = {e["table"]: e for e in sidecar["reproduce"]}
    assert set(published) == set(entries), set(published) ^ set(entries)
    html = (out / "platform-report.html").read_text(encoding="utf-8")
    assert "How to reproduce these numbers" in html
    for e in entries.values():
        for c in e["commands"]:
            assert c in html

    count_cmd = {c for e in entries.values() for c in e["commands"]
                 if c.startswith("craftwave counts")}
    assert len(count_cmd) == 1
    counts, raw = _count_json(count_cmd.pop(), export, out, monkeypatch)
    assert raw["k"] == k
    assert _json_problems(raw, k) == []  # the command prints no count under k either
    n_cells = 0
    for tid in ("tab-flow-entry", "tab-flow", "tab-sources"):
        if tid not in published:
            continue
        shown, got = published[tid], counts[tid]
        assert shown["columns"][1:] == got["columns"][1:]
        assert [r[0] for r in shown["rows"]] == [r[0] for r in got["rows"]], tid
        for srow, grow in zip(shown["rows"], got["rows"], strict=True):
            assert [None if c is None else int(c) for c in srow[1:]] == grow[1:], (tid, srow)
            n_cells += len(grow) - 1
    from craftwave.reports.sections.common import FEATURES

    if "tab-participation" in published:
        for row in published["tab-participation"]["rows"]:
            f = next(f for f, name in FEATURES.items() if name == row[0])
            got = counts[f"tab-participation[{f}]"]
            for col, cell in zip(published["tab-participation"]["columns"][1:], row[1:],
                                 strict=True):
                n = got["rows"][0][got["columns"].index(col)]
                tot = _row(got, "Total")[got["columns"].index(col)]
                if cell is None:
                    assert n is None or tot is None or tot == 0
                else:
                    assert _share(cell) == (n, tot)
                n_cells += 1
    if "tab-uptake" in published:
        for row in published["tab-uptake"]["rows"]:
            got = counts[f"tab-uptake[{row[0]}]"]
            for col, cell in zip(published["tab-uptake"]["columns"][1:], row[1:], strict=True):
                n = _row(got, "Weekly or more")[got["columns"].index(col)]
                tot = _row(got, "Total")[got["columns"].index(col)]
                if cell is None:
                    assert n is None or tot is None or tot == 0
                else:
                    assert _share(cell) == (n, tot)
                n_cells += 1
    for tid in [t for t in published if t.startswith("tab-group-")]:
        shown, got = published[tid], counts[tid]
        assert [r[0] for r in shown["rows"]] == [r[0] for r in got["rows"]]
        for srow, grow in zip(shown["rows"], got["rows"], strict=True):
            for cell, value in zip(srow[1:], grow[1:], strict=True):
                if value is None:
                    assert cell in (None, "")
                else:
                    assert cell == f"{value:.2f}"
                n_cells += 1
    assert n_cells > 50

    if "tab-findings" in published:
        focal = run_command(entries["tab-findings"]["commands"][0], export, out, monkeypatch)
        est = {p["label"]: p for p in focal["parameters"] if p.get("label")}
        for row, label in zip(published["tab-findings"]["rows"], ("a1", "a2", "a3", "b"),
                              strict=True):
            assert row[1] == f"{est[label]['est']:.2f}"
            assert row[2] == f"{est[label]['ci_lower']:.2f} to {est[label]['ci_upper']:.2f}"
    if "tab-contrasts" in published:
        _check_contrasts(published["tab-contrasts"], entries["tab-contrasts"]["commands"],
                         export, out, monkeypatch)


def _check_contrasts(table: dict, commands: list[str], export, out, monkeypatch) -> None:
    """Primary row from `itt`, the other waves from `itt --wave`, DiD rows from
    `intervention`."""
    rows = list(table["rows"])
    for cmd in commands:
        got = run_command(cmd, export, out, monkeypatch)
        if cmd.startswith("craftwave itt"):
            wave = int(cmd.split("--wave ")[1].split()[0]) if "--wave" in cmd else None
            mine = [r for r in rows if ("primary" in r[0]) == (wave is None)
                    and (wave is None or f"at wave {wave} " in r[0])]
            params = got["fiml"]["params"]
        else:
            mine = [r for r in rows if "DiD" in r[0]]
            params = [p for p in got["did"]["effects"] if not p["placebo"]]
        assert len(mine) == len(params) > 0, cmd
        for row, p in zip(mine, params, strict=True):
            assert (row[1], row[2]) == (p["arm"], p["control"])
            _agrees(row[3], p["est"])
            _ci(row[4], p["ci_lower"], p["ci_upper"])
            rows.remove(row)
    assert rows == []  # every row came from a command
