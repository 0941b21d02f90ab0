"""The intervention sections: the pre-declared primary contrast by intention to treat and the
platform's decision (:func:`decision`, the platform report's opening section), the researcher
report's ITT analyses (:func:`itt_section`: FIML, multiple imputation, the MAR tipping point,
the labelled per-protocol sensitivity analysis), and the secondary ANCOVA/DiD evaluation on
every randomised participant (:func:`intervention`) with the arm figure."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from craftwave.analysis.descriptives import mean_ci
from craftwave.analysis.intervention.decision import decide, smallest_effect_default
from craftwave.analysis.intervention.itt import (
    MI_DEFAULT_M,
    itt_fiml,
    sensitivity_analyses,
)
from craftwave.instruments.errors import DataError
from craftwave.instruments.names import with_wave
from craftwave.reports import figures as F
from craftwave.reports import tables as T
from craftwave.reports.minimums import PublicReason
from craftwave.reports.privacy import TOTAL
from craftwave.reports.sections.base import ReportContext, Section
from craftwave.reports.sections.common import (
    FOCAL,
    analysis_frame,
    study_waves,
)


def intervention(ctx: ReportContext) -> Section:
    """ITT evaluation of the intervention arms (ANCOVA, DiD, attrition by arm)."""
    ev = evaluation(ctx)
    an, did, att = ev.ancova, ev.did, ev.attrition
    tables = [
        T.from_frame(an.effects.assign(ci=[T.ci(a, b, 3) for a, b in
                                           zip(an.effects["ci_lower"], an.effects["ci_upper"],
                                               strict=True)]),
                     id="tab-ancova", title=f"ANCOVA: effect of arm on {an.post}",
                     columns={"arm": "Arm", "control": "vs", "est": "Difference", "se": "SE",
                              "ci": "95% CI", "pvalue": "p", "n_arm": "n arm",
                              "n_control": "n control"},
                     formats={"est": lambda v: T.num(v, 3), "se": lambda v: T.num(v, 3),
                              "n_arm": T.integer, "n_control": T.integer},
                     note=f"Adjusted for {an.pre}; {an.se_type} standard errors; intention to "
                          "treat."),
        T.from_frame(did.effects.assign(ci=[T.ci(a, b, 3) for a, b in
                                            zip(did.effects["ci_lower"], did.effects["ci_upper"],
                                                strict=True)]),
                     id="tab-did", title=f"Difference-in-differences in {did.outcome}",
                     columns={"arm": "Arm", "wave": "Wave", "est": "DiD", "se": "SE",
                              "ci": "95% CI", "pvalue": "p"},
                     formats={"wave": T.integer, "est": lambda v: T.num(v, 3),
                              "se": lambda v: T.num(v, 3)},
                     note=f"Change since wave {did.reference_wave} in the arm minus the change "
                          "in the control arm; SEs clustered by participant."),
        T.from_frame(att.table, id="tab-attrition-arm", title="Retention by arm",
                     columns={"arm": "Arm", "wave": "Wave", "assigned": "Assigned",
                              "responded": "Responded", "retained": "Retained"},
                     formats={"wave": T.integer, "assigned": T.integer,
                              "responded": T.integer}),
    ]
    return Section(
        id="intervention", title="Intervention evaluation",
        paragraphs=["Secondary analyses: they use the participants who answered (complete "
                    "cases) and never decide; the primary contrast is the intention-to-treat "
                    "analysis above.", an.statement, did.statement, att.statement],
        tables=tables, figures=[arm_figure(ctx, ev)],
        results={"ancova": an.effects.to_dict(orient="records"),
                 "did": did.effects.to_dict(orient="records"),
                 "attrition_tests": att.tests.to_dict(orient="records")},
    )


def evaluation(ctx: ReportContext):
    """The intervention evaluation, computed once per build."""
    if not ctx.study.has_intervention:
        raise DataError("the study records no intervention arms")

    def compute():
        from craftwave.analysis.intervention import evaluate_intervention

        frame = itt_frame(ctx).copy()  # every randomised participant: no quality exclusion
        waves = study_waves(ctx)
        present = {}
        d = frame.copy()
        for w in waves:
            present[w] = with_wave("_responded", w)
            col = with_wave("status", w)
            d[present[w]] = (d[col].astype("string").str.lower().eq("completed").fillna(False)
                             .to_numpy() if col in d.columns else False)
        ev = evaluate_intervention(d, outcome=FOCAL["m"], waves=waves,
                                   after_wave=ctx.study.after_wave, present=present,
                                   randomised=ctx.study.randomised, level=ctx.options.level)
        ctx.record.model("intervention", estimator="OLS",
                         missing="complete cases (secondary analyses)",
                         n=ev.ancova.n if ev.ancova else None,
                         software="craftwave (analysis.intervention)")
        return ev

    return ctx.shared("intervention", compute)


def arm_figure(ctx: ReportContext, ev, suppress_under: int | None = None) -> F.Figure:
    """Mean resilience by arm and wave (cells under ``suppress_under`` left out)."""
    frame = itt_frame(ctx)
    waves = study_waves(ctx)
    fig = F.new_figure(5.5, 3.0)
    ax = fig.subplots()
    for i, arm in enumerate(ctx.study.arms):
        sel = frame[frame["arm"] == arm]
        xs, ms, es = [], [], []
        for w in waves:
            col = with_wave(FOCAL["m"], w)
            v = sel[col].dropna() if col in sel.columns else pd.Series(dtype=float)
            if len(v) < 2 or (suppress_under is not None and len(v) < suppress_under):
                continue
            mean, lower, _ = mean_ci(v)
            xs.append(w)
            ms.append(mean)
            es.append(mean - lower)
        ax.errorbar(xs, ms, yerr=es, marker="o", capsize=3, label=arm,
                    color=F.PALETTE[i % len(F.PALETTE)])
    if ctx.study.after_wave is not None:
        ax.axvline(ctx.study.after_wave + 0.5, color="#999999", linestyle="--", linewidth=0.8)
    F.wave_ticks(ax, waves)
    F.mean_axis(ax)
    ax.set_ylabel("Mean resilience (95% CI)")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, title="Arm")
    F.style_axes(ax)
    return F.embed(fig, id="fig-arms", title="Resilience by arm and wave",
                   caption="Dashed line: when the intervention ran. Means of those who "
                           "responded at each wave.")


# -- the pre-declared primary contrast, by intention to treat --------------------------------


@dataclass(frozen=True)
class PrimarySpec:
    """The primary contrast the study declared (or the fallback when it declared none)."""

    outcome: str
    wave: int
    baseline_wave: int
    auxiliary: tuple[str, ...]
    smallest_effect: float | None
    declared: bool


def primary_spec(ctx: ReportContext) -> PrimarySpec:
    """The study file's ``intervention.primary``; without one, the focal outcome at the last
    wave (and the report says the contrast was not declared)."""

    def compute() -> PrimarySpec:
        waves = study_waves(ctx)
        after = ctx.study.after_wave or 1
        if ctx.study.source not in ("", "data") and Path(ctx.study.source).is_file():
            from craftwave.instruments.study import load_study

            iv = load_study(Path(ctx.study.source)).intervention
            if iv is not None and iv.primary is not None:
                p = iv.primary
                return PrimarySpec(p.outcome, p.wave, iv.after_wave, tuple(p.auxiliary),
                                   p.smallest_effect, True)
        return PrimarySpec(FOCAL["m"], max(waves), after, (), None, False)

    return ctx.shared("primary_spec", compute)


def itt_frame(ctx: ReportContext) -> pd.DataFrame:
    """Every randomised participant with the exported scores: no data-quality exclusion."""
    frame = ctx.data.merged()
    if "arm" not in frame.columns:
        raise DataError("participants.csv has no arm column")
    return frame[frame["arm"].notna()].reset_index(drop=True)


def primary_analysis(ctx: ReportContext):
    """The primary ITT estimate (FIML with auxiliaries) and the decision per arm, once."""

    def compute():
        spec = primary_spec(ctx)
        frame = itt_frame(ctx)
        res = itt_fiml(frame, outcome=spec.outcome, wave=spec.wave,
                       baseline_wave=spec.baseline_wave, auxiliary=spec.auxiliary,
                       level=ctx.options.level)
        sesoi = spec.smallest_effect or smallest_effect_default(
            frame[with_wave(spec.outcome, spec.baseline_wave)])
        ctx.record.model("itt_primary", estimator="ML", missing="fiml (auxiliary: "
                         + (", ".join(res.auxiliary) or "none") + ")", n=res.nobs,
                         software="craftwave (analysis.intervention.itt)")
        return res, decide(res, sesoi), sesoi

    return ctx.shared("itt_primary", compute)


def secondary_contrasts(ctx: ReportContext) -> pd.DataFrame:
    """The outcome at the other post-intervention waves by the same ITT model."""
    spec = primary_spec(ctx)
    frame = itt_frame(ctx)
    rows = []
    for w in study_waves(ctx):
        if w <= spec.baseline_wave or w == spec.wave:
            continue
        if with_wave(spec.outcome, w) not in frame.columns:
            continue
        res = itt_fiml(frame, outcome=spec.outcome, wave=w, baseline_wave=spec.baseline_wave,
                       auxiliary=spec.auxiliary, level=ctx.options.level)
        rows += [{**r, "contrast": f"{spec.outcome} at wave {w} (ITT, FIML)"}
                 for r in res.params.to_dict(orient="records")]
    return pd.DataFrame(rows)


def _ci_frame(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(ci=[T.ci(a, b, 2) for a, b in zip(df["ci_lower"], df["ci_upper"],
                                                         strict=True)])


def _design_words(ctx: ReportContext, spec: PrimarySpec) -> list[str]:
    can = ("Arms were assigned at random among eligible workers who consented, so a difference "
           "is the effect of being offered the intervention."
           if ctx.study.randomised else
           "Arms were not assigned at random, so differences are associations only.")
    cannot = ("It cannot show what the intervention does for those who actually used it "
              "(everyone counts in the arm they were offered), and it holds only if those "
              "who stopped answering resemble, given their earlier answers, those who "
              "stayed (missing at random); the researcher report tests how far that may "
              "fail before the conclusion changes.")
    if not spec.declared:
        cannot += (" The study file declared no primary contrast, so this one (the last wave) "
                   "was chosen after the data came in: treat the decision as provisional.")
    return ["What this design can show: " + can, "What it cannot show: " + cannot]


def _declaration_words(ctx: ReportContext, spec: PrimarySpec) -> str:
    dec = ctx.data.manifest.get("declaration") if isinstance(ctx.data.manifest, dict) else None
    what = f"{spec.outcome} at wave {spec.wave}"
    if spec.declared and dec:
        return (f"The primary contrast ({what}) was declared before the first worker consented "
                f"and frozen then: declared {dec.get('declared_at')}, declaration sha256 "
                f"{dec.get('sha256')}.")
    if spec.declared:
        return (f"The primary contrast ({what}) is declared in the study file; this export "
                "records no time of declaration.")
    return f"No primary contrast was declared; {what} is used."


def uptake_counts(ctx: ReportContext) -> pd.DataFrame | None:
    """Workers using the forums weekly or more, and those who answered, by arm and wave
    (:func:`craftwave.reports.counts.uptake_frame`)."""
    from craftwave.reports.counts import uptake_frame

    return uptake_frame(ctx)


def decision(ctx: ReportContext) -> Section:
    """The platform report's opening: the decision, the primary contrast, the design's reach,
    the secondary contrasts (shown, never deciding) and uptake by arm and wave."""
    if not ctx.study.has_intervention:
        raise DataError("the study records no intervention arms")
    spec = primary_spec(ctx)
    res, decisions, sesoi = primary_analysis(ctx)
    k = ctx.study.k
    small = [a for a, n in res.n_by_arm.items() if n < k]
    if small:
        raise PublicReason(f"fewer than {k} workers were randomised to {', '.join(small)}; "
                           "the platform report does not show the contrast")
    paras = [d.headline() + " " + _rule_words(d) for d in decisions]
    paras.append(
        f"Primary contrast: {spec.outcome} at wave {spec.wave}, each arm against "
        f"'{res.control}', for all {res.nobs} randomised workers (intention to treat), "
        f"adjusted for wave {spec.baseline_wave}; dropout handled by full-information "
        "maximum likelihood" + (f" with {', '.join(res.auxiliary)} as auxiliary variables"
                                if res.auxiliary else "") + ". "
        + " ".join(f"'{d.arm}' minus '{d.control}': {d.evidence()}." for d in decisions))
    paras.append(_declaration_words(ctx, spec))
    paras += _design_words(ctx, spec)
    sec = secondary_contrasts(ctx)
    ev = None
    try:
        ev = evaluation(ctx)
    except DataError as exc:
        ctx.record.notes.append(f"secondary ANCOVA/DiD not available: {exc}")
    table_rows = [{"contrast": f"{spec.outcome} at wave {spec.wave} (primary, ITT, FIML)", **r}
                  for r in res.params.to_dict(orient="records")]
    table_rows += sec.to_dict(orient="records") if not sec.empty else []
    if ev is not None and ev.did is not None:
        for r in ev.did.effects[~ev.did.effects["placebo"]].to_dict(orient="records"):
            table_rows.append({**r, "contrast": f"change in {ev.did.outcome} from wave "
                               f"{r['reference_wave']} to {r['wave']} (DiD, responders)"})
    contrasts = _ci_frame(pd.DataFrame(table_rows))
    paras.append("Secondary contrasts are shown with their intervals for completeness; they do "
                 "not change the decision, which rests on the declared contrast alone.")
    contrast_table = T.from_frame(contrasts[["contrast", "arm", "control", "est", "ci"]],
                           id="tab-contrasts", title="Primary and secondary contrasts",
                           columns={"contrast": "Contrast", "arm": "Arm", "control": "vs",
                                    "est": "Difference", "ci": "95% CI"},
                           formats={"est": lambda v: T.num(v, 2)},
                           note="The first row decides; the others never override it.")
    contrast_table = dataclasses.replace(contrast_table, meta={"kind": "estimates"})
    tables = [contrast_table]
    up = uptake_counts(ctx)
    uptake_res = {}
    if up is not None:
        from craftwave.reports.counts import platform_counts

        plan = platform_counts(ctx)
        waves = sorted(up["wave"].unique())
        rows, words = [], []
        for arm in up["arm"].unique():
            lt = plan.tables.get(f"uptake-{arm}")
            cells = []
            for w in waves:
                col = f"Wave {w}"
                # through the report's ledger: no cell under k, and no difference under k
                # with the arm's counts in the flow table or the uptake of another wave
                n = lt.value("Weekly or more", col) if lt is not None else None
                tot = lt.value(TOTAL, col) if lt is not None else None
                if n is None or tot is None or tot == 0:
                    cells.append("–")
                    continue
                share = n / tot
                uptake_res.setdefault(arm, {})[int(w)] = float(share)
                cells.append(f"{n} of {tot} ({share:.0%})")
            rows.append([arm, *cells])
            if arm in uptake_res:
                words.append(f"'{arm}' " + " -> ".join(f"{s:.0%} (wave {w})" for w, s in
                                                       uptake_res[arm].items()))
        paras.append("Uptake: workers using worker forums weekly or more, by arm across waves: "
                     + ("; ".join(words) if words else "every group is too small to show")
                     + ". Read the effect against this: an arm can only help through what its "
                     "workers use.")
        tables.append(T.Table(id="tab-uptake", title="Forum use by arm and wave",
                              columns=["Arm", *[f"Wave {w}" for w in waves]], rows=rows,
                              note=f"Share using worker forums weekly or more, of those who "
                                   f"answered. – : hidden to protect groups smaller than {k}, "
                                   "also where a number would reveal one by difference with "
                                   "another table.",
                              meta={"kind": "shares", "k": k}))
    figures = []
    if ev is not None:
        figures.append(arm_figure(ctx, ev, suppress_under=k))
    return Section(
        id="decision", title="Did the intervention help?", paragraphs=paras, tables=tables,
        figures=figures,
        results={"decisions": [d.to_dict() for d in decisions], "randomised": ctx.study.randomised,
                 "declared": spec.declared, "smallest_effect": sesoi, "nobs": res.nobs,
                 "secondary": contrasts.drop(columns=["ci"]).to_dict(orient="records"),
                 "uptake": uptake_res})


def _rule_words(d) -> str:
    return {
        "scale": "The whole interval lies above zero.",
        "promising": ("The estimate reaches the smallest worthwhile effect but the interval "
                      "still includes no effect."),
        "no_effect": "The interval lies below the smallest effect worth acting on.",
        "inconclusive": ("The estimate is below a worthwhile effect, but the interval is too "
                         "wide to rule one out."),
    }[d.verdict]


def itt_section(ctx: ReportContext) -> Section:
    """The researcher report's intention-to-treat analyses: the primary FIML model, multiple
    imputation, the MAR sensitivity (tipping point) and the labelled per-protocol analysis."""
    spec = primary_spec(ctx)
    res, decisions, sesoi = primary_analysis(ctx)
    frame = itt_frame(ctx)
    kw = dict(outcome=spec.outcome, wave=spec.wave, baseline_wave=spec.baseline_wave,
              auxiliary=spec.auxiliary, level=ctx.options.level)
    mi, tips = sensitivity_analyses(frame, m=MI_DEFAULT_M, seed=ctx.options.seed, **kw)
    rows = [{"analysis": "Primary: FIML with auxiliaries (ITT)", "n": res.nobs, **r}
            for r in res.params.to_dict(orient="records")]
    rows += [{"analysis": f"Alternative: multiple imputation, m = {mi.m}, Rubin's rules (ITT)",
              "n": mi.nobs, **r} for r in mi.params.to_dict(orient="records")]
    pp_note = None
    try:
        kept = analysis_frame(ctx)  # the quality policy's exclusions blanked
        kept = kept[kept["arm"].notna()].reset_index(drop=True)
        pp = itt_fiml(kept, **kw)
        rows += [{"analysis": "Sensitivity (not ITT): flagged answers set to missing",
                  "n": pp.nobs, **r} for r in pp.params.to_dict(orient="records")]
    except DataError as exc:
        pp_note = f"The sensitivity analysis without flagged answers could not be made: {exc}"
    table = _ci_frame(pd.DataFrame(rows))
    tip_rows = []
    for tp in tips:
        tip_rows.append({"arm": tp.arm, "at_mar": tp.conclusion_at_mar,
                         "tipping": tp.tipping_delta,
                         "tipping_sd": None if tp.tipping_delta is None
                         else tp.tipping_delta / tp.outcome_sd})
    paras = [
        f"Every randomised participant is analysed in the arm assigned: N = {res.nobs} "
        f"({', '.join(f'{a}: {n}' for a, n in res.n_by_arm.items())}); the primary outcome "
        f"{res.outcome} was observed for "
        f"{', '.join(f'{a}: {n}' for a, n in res.n_observed.items())}. Data-quality flags do "
        "not remove anyone from this analysis.",
        f"Primary model: {res.outcome} on arm and {res.baseline}, full-information maximum "
        "likelihood (lavaan's sem(missing = 'ml', fixed.x = FALSE)) with "
        + (", ".join(res.auxiliary) if res.auxiliary else "no")
        + " auxiliary variables as saturated correlates. Valid under missing at random (MAR).",
        f"Alternative: multiple imputation by chained equations (m = {mi.m}), the same model in "
        "each data set, pooled by Rubin's rules; it rests on the same MAR assumption.",
        "Sensitivity to departures from MAR (delta adjustment): the missing primary outcomes "
        "of each arm are shifted against the MAR result until the conclusion changes. "
        + " ".join(tp.summary() for tp in tips),
        "The row without flagged answers is a sensitivity analysis, not the primary result: "
        "removing answers after randomisation can break the comparison the randomisation made.",
    ]
    if pp_note:
        paras.append(pp_note)
    paras.append(_declaration_words(ctx, spec))
    paras += [d.headline() + " " + d.evidence() + "." for d in decisions]
    extra_tables = []
    up = uptake_counts(ctx)
    if up is not None:
        up = up.assign(share=up["weekly"] / up["answered"].where(up["answered"] > 0))
        extra_tables.append(T.from_frame(
            up, id="tab-uptake-arm", title="Uptake: forum use weekly or more, by arm and wave",
            columns={"arm": "Arm", "wave": "Wave", "weekly": "Weekly or more",
                     "answered": "Answered", "share": "Share"},
            formats={"wave": T.integer, "weekly": T.integer, "answered": T.integer,
                     "share": lambda v: "" if pd.isna(v) else f"{v:.0%}"},
            note="Intention to treat estimates the effect of the offer; uptake shows how much "
                 "of the offer was used."))
    return Section(
        id="itt", title="Intention-to-treat analysis of the primary contrast",
        paragraphs=paras,
        tables=[T.from_frame(table[["analysis", "arm", "control", "n", "est", "se", "ci"]],
                             id="tab-itt", title=f"Effect on {res.outcome}: primary, "
                             "alternative and sensitivity analyses",
                             columns={"analysis": "Analysis", "arm": "Arm", "control": "vs",
                                      "n": "N", "est": "Difference", "se": "SE", "ci": "95% CI"},
                             formats={"n": T.integer, "est": lambda v: T.num(v, 3),
                                      "se": lambda v: T.num(v, 3)}),
                T.from_frame(pd.DataFrame(tip_rows), id="tab-tipping",
                             title="Tipping point under departures from MAR",
                             columns={"arm": "Arm", "at_mar": "Under MAR",
                                      "tipping": "Shift that changes it (points)",
                                      "tipping_sd": "(in SD)"},
                             formats={"tipping": lambda v: T.num(v, 2),
                                      "tipping_sd": lambda v: T.num(v, 2)},
                             note="Shift added to the imputed primary outcomes of the arm's "
                                  "dropouts; empty: no shift up to 2 SD changes the "
                                  "conclusion."), *extra_tables],
        results={"fiml": res.to_dict(), "mi": mi.to_dict(),
                 "tipping": [tp.to_dict() for tp in tips],
                 "decisions": [d.to_dict() for d in decisions]},
    )
