"""Building a report: export directory in, HTML (and PDF) out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from craftwave.instruments.errors import CraftwaveError
from craftwave.reports import render
from craftwave.reports.appendix import appendix
from craftwave.reports.export import load_export
from craftwave.reports.methods import methods_paragraphs, software_versions
from craftwave.reports.recommend import recommendations
from craftwave.reports.reproduce import grouped, platform_reproduce, reproduce_paragraphs
from craftwave.reports.sections import ReportContext, ReportOptions, Section, run_section
from craftwave.reports.sections import platform as platform_sections
from craftwave.reports.sections import researcher as researcher_sections
from craftwave.reports.sections.common import FEATURES
from craftwave.reports.studyinfo import study_info
from craftwave.reports.summary import summary

Kind = Literal["researcher", "platform"]
KINDS = ("researcher", "platform")
FORMATS = ("html", "pdf")


@dataclass
class ReportResult:
    """What :func:`build_report` wrote, and the sections it built."""

    kind: str
    files: dict[str, Path]
    sections: list[Section]
    refs: dict[str, str]
    context: ReportContext = field(repr=False)
    html: str = field(repr=False, default="")

    @property
    def available(self) -> dict[str, bool]:
        """Section id -> whether it was built (False: a 'not available' placeholder)."""
        return {s.id: s.available for s in self.sections}

    def section(self, id: str) -> Section:
        return next(s for s in self.sections if s.id == id)


def build_report(
    kind: Kind,
    export_dir: str | Path,
    out_dir: str | Path,
    formats: Sequence[str] | str = ("html",),
    *,
    study: str | Path | None = None,
    bootstrap: int = 1000,
    seed: int = 20261123,
    k: int | None = None,
    missing: str = "fiml",
    exclude_careless: bool | None = None,
    progress: bool = False,
) -> ReportResult:
    """Build the researcher or platform report from an export directory.

    Parameters
    ----------
    kind : {"researcher", "platform"}
    export_dir : path
        The directory ``craftwave export`` wrote.
    out_dir : path
        Where ``{kind}-report.html`` / ``.pdf`` (and, for the researcher report,
        ``reproduce.R``) are written; created if missing.
    formats : sequence of {"html", "pdf"} or a comma-separated string
    study : path, optional
        ``study.yaml`` (waves, intervention arms, k threshold); default: ``study.yaml`` in the
        export directory if there is one, else facts inferred from the data.
    bootstrap, seed : int
        Bootstrap resamples and seed of the moderated mediation.
    k : int, optional
        Override the study's k threshold (platform report).
    missing : {"fiml", "listwise"}
        Missing-data method of the panel models (FIML by default).
    exclude_careless : bool, optional
        Override the study's quality policy: True excludes every flagged participant-wave,
        False none. Default: the policy in the export's study.yaml (``quality:``; without
        one, flags are shown and exclude nothing from the primary analyses).
    progress : bool
        Show a progress bar on standard error.

    Returns
    -------
    ReportResult
    """
    if kind not in KINDS:
        raise CraftwaveError(f"unknown report {kind!r}; choose one of {', '.join(KINDS)}")
    fmts = _formats(formats)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    data = load_export(export_dir)
    if study is None and (Path(export_dir) / "study.yaml").is_file():
        study = Path(export_dir) / "study.yaml"
    arms = (sorted(data.participants["arm"].dropna().astype(str).unique())
            if "arm" in data.participants.columns else [])
    info = study_info(study, data_waves=data.waves, data_arms=arms, manifest=data.manifest, k=k)
    ctx = ReportContext(data=data, study=info, kind=kind,
                        options=ReportOptions(bootstrap=bootstrap, seed=seed, missing=missing,
                                              exclude_careless=exclude_careless,
                                              study_file=str(study) if study else None))
    specs = researcher_sections.SECTIONS if kind == "researcher" else platform_sections.SECTIONS
    steps = len(specs) + 1 + len(fmts)
    bar = _progress(steps, kind, progress)
    sections = []
    for sid, title, fn in specs:
        bar.set_postfix_str(sid)
        built = run_section(fn, ctx, id=sid, title=title)
        if built is not None:  # None: the section does not apply to this study
            sections.append(built)
        bar.update(1)
    refs = render.number_items(sections)
    context = _template_context(kind, ctx, sections, refs, out)
    bar.update(1)
    files: dict[str, Path] = {}
    html = render.render_html(kind, context, figure_format="svg")
    if "html" in fmts:
        files["html"] = out / f"{kind}-report.html"
        files["html"].write_text(html, encoding="utf-8")
        bar.update(1)
    if "pdf" in fmts:
        bar.set_postfix_str("pdf")
        pdf_html = render.render_html(kind, context, figure_format="png")
        files["pdf"] = render.write_pdf(pdf_html, out / f"{kind}-report.pdf")
        bar.update(1)
    if kind == "researcher" and (out / "reproduce.R").is_file():
        files["reproduce.R"] = out / "reproduce.R"
    files["json"] = out / f"{kind}-report.json"
    extra = [s for s in (context.get("recommendations"),) if s is not None]
    summary = _summary(kind, ctx, [*extra, *sections], refs)
    if kind == "platform":
        summary["keyfacts"] = context["keyfacts"]
        summary["reproduce"] = context["reproduce"]["tables"]
    files["json"].write_text(json.dumps(summary, indent=2, default=_jsonable), encoding="utf-8")
    bar.close()
    all_sections = [*sections, *[s for s in (context.get("recommendations"),
                                             context.get("appendix")) if s is not None]]
    return ReportResult(kind=kind, files=files, sections=all_sections, refs=refs,
                        context=ctx, html=html)


def _formats(formats: Sequence[str] | str) -> list[str]:
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    fmts = [f.strip().lower() for f in items if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise CraftwaveError(f"unknown format(s) {bad or formats!r}; choose from html, pdf")
    return fmts


def _template_context(kind: str, ctx: ReportContext, sections: list[Section],
                      refs: dict[str, str], out: Path) -> dict[str, Any]:
    from craftwave import __version__

    common = {
        "study": ctx.study, "version": __version__, "sections": sections, "refs": refs,
        "built_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "data_label": str(ctx.data.manifest.get("exported_at") or ctx.data.directory.name),
    }
    if kind == "researcher":
        return {**common, "title": f"{ctx.study.title}: analysis report",
                "subtitle": "Full results for researchers (supplementary material)",
                "summary": summary(ctx, sections, refs),
                "methods": methods_paragraphs(ctx, sections),
                "appendix": run_section(
                    lambda c: appendix(c, out, [t.id for s in sections for t in s.tables
                                                if s.available], refs),
                    ctx, id="appendix", title="Appendix")}
    by_id = {s.id: s for s in sections}
    facts = []
    src = by_id.get("sources")
    if src is not None and src.available:
        comp = src.results["completed"]
        first, last = min(comp), max(comp)
        facts.append({"value": str(comp[first]) if comp[first] is not None
                      else "–", "label": f"workers at wave {first}"})
        if comp[first] and comp[last] is not None:
            facts.append({"value": f"{comp[last] / comp[first]:.0%}",
                          "label": f"still taking part at wave {last}"})
    part = by_id.get("participation")
    if part is not None and part.available:
        forum = part.results["shares"].get(FEATURES["community_forums"], {})
        if forum:
            facts.append({"value": f"{forum[min(forum)]:.0%}",
                          "label": f"use worker forums weekly (wave {min(forum)})"})
    facts.append({"value": str(len(ctx.study.waves) or len(ctx.data.waves)), "label": "survey waves"})
    k = ctx.study.k
    return {
        **common, "title": f"{ctx.study.title}: community report",
        "subtitle": "What community features do for workers' crafting and resilience, and what "
                    "to do next",
        "keyfacts": facts,
        "intro": ["This report summarises a survey of your platform's workers, repeated over "
                  "several months. It shows how many workers take part in community features, "
                  "how their job crafting, resilience, sense of meaning and commitment to gig "
                  "work develop, and what the statistical models say about what helps."],
        "recommendations": recommendations(ctx, sections, refs),
        "about": [
            f"Privacy: the report shows group totals and averages only, never an individual "
            f"worker. Any group of fewer than {k} workers is hidden (–), and further numbers are "
            "hidden where needed so that a hidden group cannot be worked out from the totals, "
            "nor by comparing numbers across the report's tables.",
            "Taking part: a worker counts as using a feature when their answers average "
            "'about once a week' or more often.",
            "Uncertainty: ranges are 95% intervals, the values the data make plausible. "
            + ("Intervention arms were assigned at random, so differences between arms are "
               "effects of the offer; everything else is an association over time."
               if ctx.study.randomised else
               "No part of this study assigned workers at random, so every result is an "
               "association over time, not proof of cause and effect."),
            "Made with craftwave " + software_versions().get("craftwave", "") + "; the full "
            "statistical report for researchers gives every model and its fit.",
        ],
        "reproduce": _reproduce(ctx, sections, refs),
    }


def _reproduce(ctx: ReportContext, sections: list[Section],
               refs: dict[str, str]) -> dict[str, Any]:
    tables = platform_reproduce(ctx, sections, refs)
    return {"paragraphs": reproduce_paragraphs(ctx), "tables": tables, "blocks": grouped(tables)}


def _summary(kind: str, ctx: ReportContext, sections: list[Section],
             refs: dict[str, str]) -> dict[str, Any]:
    if kind == "platform":
        return _published(ctx, sections, refs)
    return {
        "kind": kind, "study": ctx.study.study_id, "k": ctx.study.k,
        "options": vars(ctx.options),
        "sections": [{"id": s.id, "title": s.title, "available": s.available,
                      "reason": s.reason, "results": s.results} for s in sections],
        "refs": refs, "models": {k: {kk: vv for kk, vv in v.items() if kk != "syntax"}
                                 for k, v in ctx.record.models.items()},
        "software": software_versions(),
    }


def _published(ctx: ReportContext, sections: list[Section],
               refs: dict[str, str]) -> dict[str, Any]:
    """The platform report's JSON: exactly what its pages publish, and nothing else.

    No model N, no section result, no internal count: the tables as printed (hidden cells as
    ``null``), the sentences and the figures' captions, so the sidecar can never say more
    than the report.
    """
    def table(t) -> dict[str, Any]:
        return {"id": t.id, "number": refs.get(t.id), "title": t.title, "columns": t.columns,
                "rows": [[None if v == "–" else v for v in row] for row in t.rows],
                "note": t.note}

    return {
        "kind": "platform", "study": ctx.study.study_id, "k": ctx.study.k,
        "sections": [{"id": s.id, "title": s.title, "available": s.available,
                      "reason": s.reason, "paragraphs": list(s.paragraphs),
                      "items": list(s.items),
                      "tables": [table(t) for t in s.tables],
                      "figures": [{"id": f.id, "number": refs.get(f.id), "title": f.title,
                                   "caption": f.caption, "alt": f.alt,
                                   "texts": list(f.texts)} for f in s.figures]}
                     for s in sections],
        "software": software_versions(),
    }


def _jsonable(obj: Any) -> Any:
    if hasattr(obj, "item"):
        return obj.item()
    if isinstance(obj, (set, tuple)):
        return list(obj)
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return str(obj)


class _NoBar:
    def update(self, n: int = 1) -> None: ...
    def set_postfix_str(self, s: str) -> None: ...
    def close(self) -> None: ...


def _progress(total: int, kind: str, enabled: bool):
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, desc=f"{kind} report", unit="step", leave=False)


def iter_kinds(kinds: Iterable[str]) -> list[str]:
    """Validate report kinds (for the CLI and the demo)."""
    out = [k.strip() for k in kinds]
    bad = [k for k in out if k not in KINDS]
    if bad:
        raise CraftwaveError(f"unknown report kind(s) {bad}; choose from {', '.join(KINDS)}")
    return out
