"""Recommendations for the platform report, each tied to an estimated effect and its evidence.

Rules: a recommendation is made only from a section that was built; it names the table or
figure it rests on; it speaks of effects only for randomised arms and of associations
otherwise; where the interval includes zero it says the evidence is not there yet. The
intervention's recommendation comes first and follows from the pre-declared primary contrast
by the rule of :mod:`craftwave.analysis.intervention.decision` alone.
"""

from __future__ import annotations

from craftwave.reports.sections.base import ReportContext, Section


def _evidence(what: str, row) -> str:
    """``what (+0.31, 0.20 to 0.43)``: an estimate with its interval, as the evidence line."""
    return (f"{what}: {row['est']:+.2f}, 95% interval {row['ci_lower']:.2f} to "
            f"{row['ci_upper']:.2f}")


def recommendations(ctx: ReportContext, sections: list[Section],
                    refs: dict[str, str]) -> Section:
    """Build the recommendations from the other sections' results."""
    by_id = {s.id: s for s in sections if s.available}
    items: list[dict] = []

    def ref(*ids: str) -> list[str]:
        return [refs[i] for i in ids if i in refs]

    dc = by_id.get("decision")
    if dc is not None:
        # the intervention: one documented rule on the pre-declared contrast decides
        # (craftwave.analysis.intervention.decision); secondary contrasts never override it
        kind = "effect" if dc.results["randomised"] else "association"
        for d in dc.results["decisions"]:
            items.append({
                "headline": d["headline"],
                "text": (f"Decision by the study's rule: {d['label']}. "
                         f"'{d['arm']}' minus '{d['control']}' in {d['outcome']} at wave "
                         f"{d['wave']}: {d['est']:+.2f} points (plausible range "
                         f"{d['ci_lower']:.2f} to {d['ci_upper']:.2f}; the smallest effect "
                         f"worth acting on is {d['smallest_effect']:.2f}). "
                         + ("Because the arms were assigned at random, this is the effect of "
                            "the offer." if dc.results["randomised"] else
                            "The arms were not randomised, so this is an association.")),
                "evidence": f"pre-declared primary contrast, intention to treat, all "
                            f"{dc.results['nobs']} randomised workers ({kind})",
                "refs": ref("tab-contrasts", "fig-arms")})
    fd = by_id.get("findings")
    if fd is not None:
        r = fd.results
        a3, a2, a1, b = r["a3"], r["a2"], r["a1"], r["b"]
        if a3["ci_upper"] < 0:
            items.append({
                "headline": "Point workers who shape their work little on their own to "
                            "community spaces",
                "text": "Collaborative crafting went with more resilience especially among "
                        "workers who did little individual crafting. Forums and peer groups "
                        "where workers shape their work together may serve them most. This is "
                        "an association over time, not a tested effect.",
                "evidence": _evidence("interaction of individual and collaborative crafting", a3),
                "refs": ref("tab-findings")})
        elif a2["ci_lower"] > 0:
            items.append({
                "headline": "Invest in spaces where workers shape their work together",
                "text": "Collaborative crafting went with higher later resilience. This is an "
                        "association over time, not a tested effect.",
                "evidence": _evidence("collaborative crafting -> resilience", a2),
                "refs": ref("tab-findings")})
        if a1["ci_lower"] > 0:
            items.append({
                "headline": "Give workers room to shape their own gigs",
                "text": "Workers who crafted their work more reported more resilience months "
                        "later. Features that let workers choose and organise their gigs may "
                        "support this (an association, not a tested effect).",
                "evidence": _evidence("individual crafting -> later resilience", a1),
                "refs": ref("tab-findings")})
        if b["ci_lower"] > 0:
            items.append({
                "headline": "Support resilience as a way to sustain commitment to gig work",
                "text": "More resilient workers reported more commitment to gig work as a "
                        "career later on (an association; whether workers stay on the platform "
                        "was not measured).",
                "evidence": _evidence("resilience -> later career commitment", b),
                "refs": ref("tab-findings")})
    pa = by_id.get("participation")
    if pa is not None:
        shares = {f: min(s.values()) for f, s in pa.results["shares"].items() if s}
        if shares:
            low = min(shares, key=shares.get)
            items.append({
                "headline": f"Make '{low.lower()}' easier to find",
                "text": f"It was the least used community feature (as low as {shares[low]:.0%} "
                        "of workers weekly). Low use limits whatever good it can do.",
                "evidence": "participation counts (descriptive)",
                "refs": ref("tab-participation", "fig-participation")})
    if not items:
        return Section.unavailable("recommendations", "What to do next",
                                   "no estimated effect was available to base a "
                                   "recommendation on")
    return Section(id="recommendations", title="What to do next", items=items,
                   paragraphs=["Each recommendation rests on the result it names; the "
                               "uncertainty is given as a plausible range (95% interval)."])
