"""The researcher report's first page: the main findings with their CIs, and an APA 7 results
paragraph ready to paste, both written from the sections' results (never from templates that
assume an outcome).

Statistical symbols are italicised in the HTML and PDF (APA 7): :func:`apa_markup` escapes the
text and wraps the symbols in ``<i>``.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from markupsafe import Markup, escape

from craftwave.reports import tables as T
from craftwave.reports.sections.base import ReportContext, Section
from craftwave.reports.sections.common import fit_sentence

#: Symbols APA 7 sets in italics (Latin letters used as statistics; Greek letters such as β,
#: χ, α and ω, and abbreviations such as CI, stay upright). Multi-letter symbols and N, n, M
#: are italicised as whole words; single letters that are also ordinary words or labels only
#: before "=", "<", ">", "≤", "≥" or "(" (``t(194)``, ``r = .30``).
_WORDS = r"SD|SE|df|M|N|n|p|R²"
_LETTERS = r"B|b|t|F|r|z|g|d"
_SYMBOLS = re.compile(rf"(?:(?<=Δ)|(?<![\w.\-/−;&#]))({_WORDS})(?![\w.'’])"
                      rf"|(?<![\w.\-/−;&#])({_LETTERS})(?=\s*[=<>≤≥(])")
#: A whole table header that is a symbol, or starts with one ("n stay", "M left").
_HEADER = re.compile(rf"^Δ?({_WORDS}|{_LETTERS})(?=$|\s)")
_TAGS = re.compile(r"(<i>.*?</i>|<[^>]+>)")


def _italicise(escaped: str, header: bool = False) -> str:
    if header:
        m = _HEADER.match(escaped)
        if m:
            return (escaped[:m.start(1)] + f"<i>{m.group(1)}</i>"
                    + _italicise(escaped[m.end():]))
    parts = _TAGS.split(escaped)
    for k in range(0, len(parts), 2):  # text outside tags and existing italics
        parts[k] = _SYMBOLS.sub(lambda m: f"<i>{m.group(0)}</i>", parts[k])
    return "".join(parts)


def apa_markup(text: object, header: bool = False) -> Markup:
    """Escape ``text`` (unless it is Markup already) and italicise its statistical symbols.

    ``p = .03``, ``B = 0.27``, ``N = 361``, ``M``, ``SD``, ``SE``, ``df``, ``t(194)``; with
    ``header`` also a table header that is a symbol or starts with one (``p``, ``n stay``).
    """
    if text is None:
        return Markup("")
    return Markup(_italicise(str(escape(text)), header=header))


def _est(r: dict[str, Any] | Any, digits: int = 2) -> str:
    get = r.get if isinstance(r, dict) else (lambda k: getattr(r, k))
    return (f"B = {T.num(get('est'), digits)}, 95% CI "
            f"{T.ci(get('ci_lower'), get('ci_upper'), digits)}")


def _direction(lo: float, hi: float) -> str:
    if lo > 0:
        return "positive"
    if hi < 0:
        return "negative"
    return "not distinguishable from zero"


def _focal_rows(ctx: ReportContext) -> dict[str, Any]:
    state = ctx.cache.get("focal_fit")
    if not state or state[0] != "ok":
        return {}
    res = state[1]
    rows = {str(r.label): r for r in res.params.itertuples() if getattr(r, "label", "")}
    defined = getattr(res, "defined", None)
    if defined is not None and len(defined):
        rows.update({str(r.name): r for r in defined.itertuples()})
    return rows


def summary(ctx: ReportContext, sections: list[Section], refs: dict[str, str]) -> dict:
    """The first page: ``findings`` (list of text) and ``apa`` (paragraphs, as Markup)."""
    by_id = {s.id: s for s in sections if s.available}
    skipped = {s.id: s.reason for s in sections if not s.available}
    findings: list[str] = []
    apa: list[str] = []
    sample = by_id.get("sample")
    if sample is not None:
        comp = sample.results["completed"]
        findings.append(f"Sample: {sample.results['n_entered']} participants entered; "
                        + ", ".join(f"N = {n} completed wave {w}" for w, n in comp.items())
                        + f" ({refs.get('tab-sample', 'sample table')}).")
    rows = _focal_rows(ctx)
    focal = by_id.get("focal")
    if focal is not None and rows:
        fm = focal.results["fit"]
        ref = refs.get("tab-focal", "")
        for lab, what in (("a1", "Individual crafting → later resilience"),
                          ("a3", "Individual × collaborative crafting → later resilience"),
                          ("b", "Resilience → later career commitment"),
                          ("imm", "Index of moderated mediation")):
            if lab in rows:
                r = rows[lab]
                findings.append(f"{what}: {_est(r)}, {_direction(r.ci_lower, r.ci_upper)} "
                                f"({ref}).")
        n = ctx.record.models.get("focal", {}).get("n")
        cfi = fm.get("cfi", np.nan)
        fit_word = ("fit the data well" if np.isfinite(cfi) and cfi >= 0.95 else
                    "fit the data acceptably" if np.isfinite(cfi) and cfi >= 0.90 else
                    "fit the data poorly")
        text = (f"The focal path model (N = {n}; maximum likelihood with "
                f"{'full-information maximum likelihood for missing data' if ctx.options.missing == 'fiml' else 'listwise deletion'}) "
                f"{fit_word}, {fit_sentence(fm)}.")
        sentences = []
        for lab, what in (("a1", "Individual job crafting at the first wave predicted "
                                 "resilience at the second wave"),
                          ("a2", "Collaborative job crafting predicted later resilience"),
                          ("a3", "The interaction of individual and collaborative crafting "
                                 "on later resilience"),
                          ("b", "Resilience predicted career commitment at the third wave")):
            if lab not in rows:
                continue
            r = rows[lab]
            beta = getattr(r, "std_all", np.nan)
            stats = (f"{_est(r)}, β = {T.bounded(beta)}, p {_p(r.pvalue)}"
                     if np.isfinite(beta) else f"{_est(r)}, p {_p(r.pvalue)}")
            sig = r.ci_lower > 0 or r.ci_upper < 0
            if lab == "a3":
                sentences.append(f"{what} was {'significant' if sig else 'not significant'}, "
                                 f"{stats}.")
            elif sig:
                sentences.append(f"{what}, {stats}.")
            else:
                sentences.append(f"{what.replace(' predicted', ' did not significantly predict')}"
                                 f", {stats}.")
        if "imm" in rows:
            r = rows["imm"]
            sig = r.ci_lower > 0 or r.ci_upper < 0
            sentences.append(f"The index of moderated mediation was {_est(r)}"
                             + (", so the indirect effect of individual crafting on career "
                                "commitment through resilience depended on collaborative "
                                "crafting." if sig else "; the CI included zero."))
        apa.append(" ".join([text, *sentences]))
    med = by_id.get("mediation")
    if med is not None:
        lo, hi = med.results["index_ci"]
        findings.append(f"PROCESS model 7 on complete cases (N = {med.results['n']}): index of "
                        f"moderated mediation {T.num(med.results['index'], 3)}, 95% CI "
                        f"{T.ci(lo, hi, 3)}. {med.results['jn']} "
                        f"({refs.get('fig-interaction', '')}).")
        apa.append(f"In PROCESS model 7 on the complete cases (N = {med.results['n']}, "
                   f"{med.results['bootstrap']} bootstrap resamples), the index of moderated "
                   f"mediation was {T.num(med.results['index'], 3)}, 95% CI "
                   f"{T.ci(lo, hi, 3)}. {med.results['jn']}")
    ri = by_id.get("riclpm")
    if ri is not None:
        if ri.results.get("proper", True):
            findings.append("RI-CLPM: a proper solution; within-person lagged effects in "
                            f"{refs.get('tab-riclpm', '')}.")
        else:
            findings.append("RI-CLPM: improper solution (" + "; ".join(ri.results["problems"])
                            + "), not interpreted; the nested CLPM is reported instead "
                            f"({refs.get('tab-clpm', '')}).")
    for sid, label in (("focal", "Focal model"), ("mediation", "Moderated mediation"),
                       ("riclpm", "RI-CLPM")):
        if sid in skipped:
            findings.append(f"{label}: {skipped[sid]}.")
    return {"findings": findings, "apa": [apa_markup(p) for p in apa]}


def _p(p: float) -> str:
    return "< .001" if p < 0.001 else f"= {T.pval(p)}"
