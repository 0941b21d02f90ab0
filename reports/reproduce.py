"""The platform report's "How to reproduce these numbers": for each published table, the
``craftwave`` commands that print its numbers from the export directory.

Every command reads the export directory under the study's quality policy (its
``study.yaml``), as the report does. The count tables come from ``craftwave counts --platform``,
which applies the report's disclosure ledger, so a cell the report hides is hidden in the
command's output too (researchers with the export can print every count with
``craftwave counts EXPORT_DIR``).
"""

from __future__ import annotations

from craftwave.reports.sections.base import ReportContext, Section

COUNT_TABLES = ("tab-uptake", "tab-flow-entry", "tab-flow", "tab-sources", "tab-participation")


def platform_reproduce(ctx: ReportContext, sections: list[Section],
                       refs: dict[str, str]) -> list[dict[str, object]]:
    """One entry per published table: ``table`` (its id), ``ref`` ("Table 3"), ``title`` and
    ``commands`` (each a string; the table's rows come from them in order)."""
    keep = " --keep-careless" if ctx.options.exclude_careless is False else ""
    counts = f"craftwave counts EXPORT_DIR --platform --k {ctx.study.k}{keep} --json"
    out = []
    for s in sections:
        if not s.available:
            continue
        for t in s.tables:
            cmds: list[str] = []
            if t.id in COUNT_TABLES or t.id.startswith("tab-group-"):
                cmds = [counts]
            elif t.id == "tab-findings":
                cmds = [f"craftwave model focal --fit EXPORT_DIR --missing {ctx.options.missing}"
                        " --json"]
            elif t.id == "tab-contrasts":
                cmds = contrast_commands(s)
            if cmds:
                out.append({"table": t.id, "ref": refs.get(t.id, t.id), "title": t.title,
                            "commands": cmds})
    return out


def contrast_commands(decision: Section) -> list[str]:
    """The decision's contrasts: the primary ITT contrast (``craftwave itt``), the same model at
    the other post-intervention waves (``--wave``), and the difference-in-differences rows of
    the secondary analyses (``craftwave intervention``)."""
    cmds = ["craftwave itt --data EXPORT_DIR --json"]
    secondary = decision.results.get("secondary", [])
    waves = sorted({int(r["contrast"].split(" at wave ")[1].split()[0]) for r in secondary
                    if " at wave " in str(r.get("contrast", "")) and "ITT" in r["contrast"]
                    and "primary" not in r["contrast"]})
    cmds += [f"craftwave itt --data EXPORT_DIR --wave {w} --json" for w in waves]
    if any("DiD" in str(r.get("contrast", "")) for r in secondary):
        cmds.append("craftwave intervention EXPORT_DIR --json")
    return cmds


def grouped(entries: list[dict[str, object]]) -> list[dict[str, object]]:
    """Consecutive tables with the same commands as one block (``refs``: "Table 2: Forum use
    by arm and wave", ...), for the printed list."""
    blocks: list[dict[str, object]] = []
    for e in entries:
        label = f"{e['ref']}: {e['title']}"
        if blocks and blocks[-1]["commands"] == e["commands"]:
            blocks[-1]["refs"].append(label)  # type: ignore[union-attr]
        else:
            blocks.append({"refs": [label], "commands": e["commands"]})
    return blocks


def reproduce_paragraphs(ctx: ReportContext) -> list[str]:
    """The words above the list of commands."""
    return [
        "For researchers with the export directory: each table's numbers are printed by the "
        "commands below (run them with the export directory in place of EXPORT_DIR). They "
        "apply the study's quality policy from the export's study.yaml, as this report does. "
        f"craftwave counts --platform hides the same cells as this report (groups under "
        f"{ctx.study.k} people, directly or by difference); craftwave counts without "
        "--platform prints every count, for the research team only."]
