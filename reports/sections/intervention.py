"""The intervention sections' shared parts: the evaluation (run once) and the arm figure,
and the researcher report's intervention section."""

from __future__ import annotations

import pandas as pd

from craftwave.analysis.descriptives import mean_ci
from craftwave.instruments.errors import DataError
from craftwave.instruments.names import with_wave
from craftwave.reports import figures as F
from craftwave.reports import tables as T
from craftwave.reports.sections.base import ReportContext, Section
from craftwave.reports.sections.common import FOCAL, analysis_frame, study_waves


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
        paragraphs=[an.statement, did.statement, att.statement],
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

        frame = analysis_frame(ctx)
        waves = study_waves(ctx)
        present = {}
        d = frame.copy()
        for w in waves:
            present[w] = with_wave("_responded", w)
            d[present[w]] = ctx.data.status(w).astype("string").str.lower().eq(
                "completed").fillna(False).to_numpy()
        ev = evaluate_intervention(d, outcome=FOCAL["m"], waves=waves,
                                   after_wave=ctx.study.after_wave, present=present,
                                   randomised=ctx.study.randomised, level=ctx.options.level)
        ctx.record.model("intervention", estimator="OLS", missing="complete cases",
                         n=ev.ancova.n if ev.ancova else None,
                         software="craftwave (analysis.intervention)")
        return ev

    return ctx.shared("intervention", compute)


def arm_figure(ctx: ReportContext, ev, suppress_under: int | None = None) -> F.Figure:
    """Mean resilience by arm and wave (cells under ``suppress_under`` left out)."""
    frame = analysis_frame(ctx)
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
    ax.set_xticks(waves)
    ax.set_xlabel("Wave")
    ax.set_ylabel("Mean resilience (95% CI)")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, title="Arm")
    F.style_axes(ax)
    return F.embed(fig, id="fig-arms", title="Resilience by arm and wave",
                   caption="Dashed line: when the intervention ran. Means of those who "
                           "responded at each wave.")
