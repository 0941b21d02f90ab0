"""The platform community-intervention report's sections: aggregates only, small cells hidden.

Every count shown comes from the report's one disclosure ledger
(:func:`craftwave.reports.counts.platform_counts`: cells under k hidden, with complementary
suppression within each table and across the report); every mean is shown only where its
group's count is shown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.instruments.names import with_wave
from craftwave.reports import figures as F
from craftwave.reports import tables as T
from craftwave.reports.counts import LEVELS, _aligned, platform_counts
from craftwave.reports.disclosure import ledger_table
from craftwave.reports.labels import range_text
from craftwave.reports.minimums import TooFewCases
from craftwave.reports.privacy import TOTAL, SuppressedTable, suppress_statistic
from craftwave.reports.sections.base import ReportContext, Section
from craftwave.reports.sections.common import (
    FEATURES,
    FOCAL,
    SHORT,
    analysis_frame,
    measures_of,
    params_of,
    study_waves,
)
from craftwave.reports.sections.flow import platform_flow
from craftwave.reports.sections.intervention import arm_figure, decision, evaluation
from craftwave.reports.sections.models import focal_fit, focal_waves, mediation_fit


def _count_table(st: SuppressedTable, id: str, title: str, note: str) -> T.Table:
    disp = st.display()
    cols = [str(c) for c in disp.columns]
    rows = [[str(r), *disp.loc[r].tolist()] for r in disp.index]
    return T.Table(id=id, title=title, columns=["", *cols], rows=rows,
                   note=note + f" – : hidden to protect groups smaller than {st.k}.",
                   meta={"kind": "counts", "k": st.k})


def _responded(ctx: ReportContext, w: int) -> pd.Series:
    return ctx.data.status(w).astype("string").str.lower().eq("completed").fillna(False)


def _mask(series: pd.Series) -> np.ndarray:
    return series.fillna(False).to_numpy(dtype=bool)


def sources(ctx: ReportContext) -> Section:
    """Who took part: completed surveys by recruitment source and wave."""
    part = ctx.data.participants
    if "source" not in part.columns:
        raise DataError("participants.csv has no source column")
    waves = study_waves(ctx)
    src = part["source"].astype("string")
    if src.dropna().empty:
        raise DataError("participants.csv records no recruitment source")
    lt = platform_counts(ctx).tables["sources"]
    st = lt.table
    total = {w: lt.value(TOTAL, f"Wave {w}") for w in waves}
    n1, n_last = total[waves[0]], total[waves[-1]]

    shown = [w for w in waves if total[w] is not None]
    hidden = [w for w in waves if total[w] is None]
    parts = [f"{total[w]} workers completed the survey at wave {w}" for w in shown]
    text = "; ".join(parts) + "." if parts else ""
    if n1 and n_last is not None and waves[-1] != waves[0]:
        text += (f" The last survey was taken by {n_last / n1:.0%} as many workers as the "
                 "first.")
    if hidden:
        text += (" The number for " + ", ".join(f"wave {w}" for w in hidden) + " is hidden "
                 "(–), because showing it would reveal a group smaller than "
                 f"{ctx.study.k} workers.")
    elif st.n_hidden:
        text += (f" Cells marked – are hidden to protect groups smaller than {ctx.study.k} "
                 "workers.")
    return Section(
        id="sources", title="Who took part",
        paragraphs=[text],
        tables=[_count_table(st, "tab-sources", "Completed surveys by how workers were recruited",
                             "Counts of workers.")],
        results={"completed": total},
    )


def participation(ctx: ReportContext) -> Section:
    """How many workers take part in each community feature, and how that changed."""
    frame = analysis_frame(ctx)
    waves = study_waves(ctx)
    feats = [f for f in FEATURES if with_wave(f, waves[0]) in frame.columns]
    if not feats:
        raise DataError("the study did not ask the community-participation questions")
    rows, shares = [], {}
    plan = platform_counts(ctx)
    for f in feats:
        lt = plan.tables[f"participation-{f}"]
        row = [FEATURES[f]]
        for w in waves:
            c = f"Wave {w}"
            n, tot = lt.value("Takes part", c), lt.value(TOTAL, c)
            if n is None or tot is None:
                row.append("–")
                continue
            share = n / tot if tot else np.nan
            shares.setdefault(f, {})[w] = share
            row.append(f"{n} of {tot} ({share:.0%})" if tot else "0 of 0")
        rows.append(row)
    fig = F.new_figure(5.8, 3.0)
    ax = fig.subplots()
    for i, f in enumerate(feats):
        pts = shares.get(f, {})
        if pts:
            ax.plot(list(pts), [100 * s for s in pts.values()], marker="o",
                    label=FEATURES[f], color=F.PALETTE[i % len(F.PALETTE)])
    F.wave_ticks(ax, waves)
    ax.set_ylabel("Taking part weekly or more")
    ax.set_ylim(0, 100)
    F.percent_axis(ax)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, fontsize=7)
    else:
        ax.text(0.5, 0.5, "every group is too small to show", ha="center", va="center",
                transform=ax.transAxes, color="#666666")
    F.style_axes(ax)
    first = {FEATURES[f]: s[waves[0]] for f, s in shares.items() if waves[0] in s}
    top = max(first, key=first.get) if first else None
    text = ("Most used at the start" + (" among the features whose numbers can be shown"
                                         if len(first) < len(feats) else "")
            + f": {top.lower()} ({first[top]:.0%} of workers took part at least weekly)."
            if top else "")
    return Section(
        id="participation", title="Taking part in community features",
        paragraphs=[f"A worker counts as taking part in a feature when they used it about once "
                    f"a week or more in the month before the survey. {text}"],
        tables=[T.Table(id="tab-participation",
                        title="Workers taking part in each community feature, by wave",
                        columns=["Feature", *[f"Wave {w}" for w in waves]], rows=rows,
                        note=f"Workers who completed the wave and answered the feature's "
                             f"questions. – : hidden to protect groups smaller than "
                             f"{ctx.study.k}, also where a number would reveal one by "
                             "difference with another table.",
                        meta={"kind": "shares", "k": ctx.study.k})],
        figures=[F.embed(fig, id="fig-participation", title="Taking part over time",
                         caption="Share of responding workers who used each feature weekly or "
                                 "more; points for hidden groups are left out.")],
        results={"shares": {FEATURES[f]: s for f, s in shares.items()}},
    )


def outcomes_by_group(ctx: ReportContext) -> Section:
    """Crafting, resilience, meaning and commitment by forum participation and over time."""
    analysis_frame(ctx)  # the quality policy first (the groups use its frame)
    waves = study_waves(ctx)
    plan = platform_counts(ctx)
    if "groups" in plan.notes:
        raise DataError(plan.notes["groups"])
    tables, figs, means_out = [], [], {}
    fig = F.new_figure(6.2, 3.0)
    axes = fig.subplots(1, 2, sharey=False)
    plotted = 0
    for c, (_counts, means, st) in plan.groups.items():
        label = SHORT[c]
        shown = suppress_statistic(means, st)
        tables.append(T.Table(id=f"tab-group-{c}", title=f"{label} by use of worker forums "
                              f"at wave {waves[0]}",
                              columns=["Forum use at the start", *shown.columns],
                              rows=[[str(r), *shown.loc[r].tolist()] for r in shown.index],
                              note=f"Mean scores on the {range_text(c)} answer scale. – : "
                                   f"hidden to protect groups smaller than {ctx.study.k}.",
                              meta={"kind": "means", "k": ctx.study.k}))
        means_out[c] = {r: {int(col.split()[-1]): v for col, v in shown.loc[r].items()}
                        for r in shown.index}
        if c in (FOCAL["m"], FOCAL["y"]) and plotted < 2:
            ax = axes[plotted]
            for i, lev in enumerate(LEVELS):
                xs = [w for w in waves if not st.hidden.loc[lev, f"Wave {w}"]
                      and pd.notna(means.loc[lev, f"Wave {w}"])]
                ax.plot(xs, [means.loc[lev, f"Wave {w}"] for w in xs], marker="o",
                        label=lev, color=F.PALETTE[i])
            ax.set_title(label, fontsize=9)
            F.wave_ticks(ax, waves)
            F.mean_axis(ax)
            F.style_axes(ax)
            plotted += 1
    axes[0].set_ylabel("Mean score")
    for ax in axes:
        if not ax.get_lines():
            ax.text(0.5, 0.5, "every group is too small to show", ha="center", va="center",
                    transform=ax.transAxes, color="#666666", fontsize=7)
    if axes[0].get_legend_handles_labels()[0]:
        axes[0].legend(frameon=False, fontsize=7, title="Forum use", title_fontsize=7)
    figs.append(F.embed(fig, id="fig-groups", title="Resilience and career commitment by forum "
                        "use", caption="Groups by forum use at the first wave; hidden groups are "
                        "left out."))
    return Section(
        id="groups", title="Crafting, resilience, meaning and commitment by forum use",
        paragraphs=["Workers are grouped by how often they used worker forums and groups at the "
                    "start of the study. Differences between the groups are descriptive: "
                    "workers chose how much to take part, so the groups may differ in other "
                    "ways too."],
        tables=tables, figures=figs, results={"means": means_out},
    )


def _words(est: float, lo: float, hi: float, what: str) -> str:
    """An estimate and its 95% interval in words: the interval decides what is said."""
    rng = f"95% interval between {lo:.2f} and {hi:.2f}"
    if lo > 0:
        return (f"{what} by {est:.2f} points on average ({rng}); the whole interval lies above "
                "zero, so the data show a positive link.")
    if hi < 0:
        return (f"{what} by {est:.2f} points on average ({rng}); the whole interval lies below "
                "zero, so the data show a negative link.")
    return (f"{what} by {est:.2f} points on average, but the {rng} includes zero: the data "
            "cannot tell whether the link is positive, negative or absent.")


def _interaction_words(a3, w1: int, w2: int) -> str:
    what = ("per point of collaborative crafting, the link between individual crafting and "
            f"resilience at wave {w2} changes")
    if a3.ci_upper < 0:
        lead = "Collaborative crafting matters more for workers who craft little on their own: "
    elif a3.ci_lower > 0:
        lead = "Collaborative and individual crafting reinforce each other: "
    else:
        lead = ("Whether collaborative crafting changes the link between individual crafting "
                "and resilience is not settled: ")
    return lead + _words(a3.est, a3.ci_lower, a3.ci_upper, what)


#: Below these the model's fit is called poor in the findings (Hu & Bentler, 1999, relaxed).
POOR_FIT = {"cfi": 0.90, "rmsea": 0.10}


def findings(ctx: ReportContext) -> Section:
    """What the fitted models say, in words with their uncertainty."""
    w1, w2, w3 = focal_waves(ctx)
    source = ("the panel model, fitted to every worker who answered at least one of its "
              "surveys (missing answers handled by full-information maximum likelihood)")
    fm: dict[str, float] = {}
    try:
        res = focal_fit(ctx)
        p = params_of(res)
        fm = measures_of(res)
        get = {str(r.label): r for r in p.itertuples() if getattr(r, "label", "")}
    except TooFewCases:
        raise
    except Exception:  # noqa: BLE001 - fall back on the regression (complete cases)
        med = mediation_fit(ctx)
        p = med.paths
        source = "regressions on the workers who answered all three surveys"
        get = {str(r.label): r for r in p.itertuples() if getattr(r, "label", "")}
    needed = [k for k in ("a1", "a2", "a3", "b") if k not in get]
    if needed:
        raise DataError(f"the fitted model has no paths labelled {', '.join(needed)}")
    a1, a2, a3, b = get["a1"], get["a2"], get["a3"], get["b"]
    paras = [
        _words(a1.est, a1.ci_lower, a1.ci_upper,
               f"A worker who crafts their own work one point more at wave {w1} reports "
               f"resilience at wave {w2} that differs (keeping their earlier resilience "
               "equal)"),
        _words(a2.est, a2.ci_lower, a2.ci_upper,
               "For collaborative crafting with other workers, resilience differs"),
        _interaction_words(a3, w1, w2),
        _words(b.est, b.ci_lower, b.ci_upper,
               f"Workers with one point more resilience at wave {w2} report career "
               f"commitment at wave {w3} that differs"),
        f"These estimates come from {source}. They are associations over time, not proof "
        "of cause and effect: workers were not assigned to craft more or less.",
    ]
    cfi, rmsea = fm.get("cfi", np.nan), fm.get("rmsea", np.nan)
    if (np.isfinite(cfi) and cfi < POOR_FIT["cfi"]) or (np.isfinite(rmsea)
                                                        and rmsea > POOR_FIT["rmsea"]):
        paras.insert(0, f"Caution: the model fits the data poorly (CFI {T.bounded(cfi, 3)}, "
                        f"RMSEA {T.bounded(rmsea, 3)}), so the links below describe a model the "
                        "data do not support well; read them as tentative.")
    rows = [[label, f"{v.est:.2f}", f"{v.ci_lower:.2f} to {v.ci_upper:.2f}",
             "above zero" if v.ci_lower > 0 else "below zero" if v.ci_upper < 0
             else "includes zero"]
            for label, v in ((f"Individual crafting (wave {w1}) → resilience (wave {w2})", a1),
                             (f"Collaborative crafting (wave {w1}) → resilience (wave {w2})", a2),
                             ("Individual × collaborative crafting → resilience", a3),
                             (f"Resilience (wave {w2}) → career commitment (wave {w3})", b))]
    table = T.Table(id="tab-findings", title="The links the model estimates",
                    columns=["Link", "Estimate", "95% interval", "Interval"], rows=rows,
                    note="Points on the answer scales per point of the predictor, keeping the "
                         "earlier value of the outcome equal. Associations over time.",
                    meta={"kind": "estimates"})
    return Section(id="findings", title="What the models say", paragraphs=paras, tables=[table],
                   results={k: {"est": float(v.est), "ci_lower": float(v.ci_lower),
                                "ci_upper": float(v.ci_upper)}
                            for k, v in (("a1", a1), ("a2", a2), ("a3", a3), ("b", b))})


def intervention(ctx: ReportContext) -> Section:
    """The intervention in plain words, with counts by arm (suppressed) and the figure."""
    ev = evaluation(ctx)
    waves = study_waves(ctx)
    frame = analysis_frame(ctx)
    arm = frame["arm"].astype("string")
    plan = platform_counts(ctx)
    st = ledger_table(plan.ledger, {a: {f"Wave {w}": plan.mask(_aligned(ctx, frame, arm.eq(a))
                                                               & _responded(ctx, w))
                                        for w in waves} for a in ctx.study.arms},
                      row_totals=False, label="tab-arms").table
    paras = []
    post_wave = min(w for w in waves if w > ev.did.after_wave)
    n_pre = sum(1 for w in waves if w <= ev.did.after_wave)
    k = ctx.study.k
    big = ev.ancova.effects[(ev.ancova.effects["n_arm"] >= k)
                            & (ev.ancova.effects["n_control"] >= k)]
    for arm in sorted(set(ev.ancova.effects["arm"]) - set(big["arm"])):
        paras.append(f"Arm '{arm}': fewer than {k} workers in it or in the comparison arm "
                     "answered after the intervention, so it is not reported.")
    did_effects = ev.did.effects[ev.did.effects["arm"].isin(big["arm"])]
    for r in big.itertuples():
        desc = ctx.study.arm_descriptions.get(r.arm, "")
        paras.append(
            f"Arm '{r.arm}'{' (' + desc.rstrip('.') + ')' if desc else ''}: "
            + _words(r.est, r.ci_lower, r.ci_upper,
                     f"compared with '{r.control}', resilience at wave {post_wave} "
                     "differed (for workers with the same resilience before)"))
    for r in did_effects[~did_effects["placebo"]].itertuples():
        paras.append(f"Change in resilience from wave {r.reference_wave} to wave {r.wave}, "
                     f"'{r.arm}' minus '{r.control}': {r.est:.2f} (plausible range "
                     f"{r.ci_lower:.2f} to {r.ci_upper:.2f}).")
    paras += [
        "What this design can show: " + ("arms were assigned at random, so a difference "
                                         "between them is the effect of being offered the "
                                         "intervention." if ctx.study.randomised else
                                         "arms were not assigned at random, so differences "
                                         "between them are associations only."),
        "What it cannot show: what the intervention does for workers who actually used it "
        "(everyone is counted in the arm they were offered)"
        + ("; and, with one survey before the intervention, whether the arms were already "
           "drifting apart. " if n_pre <= 1 else ". ") + ev.attrition.statement,
    ]
    return Section(
        id="intervention", title="Did the intervention help?", paragraphs=paras,
        tables=[_count_table(st, "tab-arms", "Completed surveys by arm and wave",
                             "Counts of workers.")],
        figures=[arm_figure(ctx, ev, suppress_under=ctx.study.k)],
        results={"ancova": big.drop(columns=["n_arm", "n_control"]).to_dict(orient="records"),
                 "did": did_effects.to_dict(orient="records"), "randomised": ev.randomised},
    )


SECTIONS = [
    ("decision", "Did the intervention help?", decision),
    ("flow", "Who took part, step by step", platform_flow),
    ("sources", "Who took part", sources),
    ("participation", "Taking part in community features", participation),
    ("groups", "Crafting, resilience, meaning and commitment by forum use", outcomes_by_group),
    ("findings", "What the models say", findings),
]
