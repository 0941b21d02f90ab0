"""The platform community-intervention report's sections: aggregates only, small cells hidden.

Every count shown comes from :func:`craftwave.reports.privacy.suppress` (cells under k hidden, with
complementary suppression); every mean is shown only where its group's count is shown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from craftwave.instruments.errors import DataError
from craftwave.instruments.names import with_wave
from craftwave.reports import figures as F
from craftwave.reports import tables as T
from craftwave.reports.privacy import TOTAL, SuppressedTable, suppress, suppress_statistic
from craftwave.reports.sections.base import ReportContext, Section
from craftwave.reports.sections.common import (
    FEATURES,
    FOCAL,
    SHORT,
    TAKES_PART,
    analysis_frame,
    params_of,
    study_waves,
)
from craftwave.reports.sections.flow import platform_flow
from craftwave.reports.sections.intervention import arm_figure, decision, evaluation
from craftwave.reports.sections.models import focal_fit, focal_waves, mediation_fit

LEVELS = ("Not at all or rarely", "Now and then", "Weekly or more")


def _count_table(st: SuppressedTable, id: str, title: str, note: str) -> T.Table:
    disp = st.display()
    cols = [str(c) for c in disp.columns]
    rows = [[str(r), *disp.loc[r].tolist()] for r in disp.index]
    return T.Table(id=id, title=title, columns=["", *cols], rows=rows,
                   note=note + f" – : hidden to protect groups smaller than {st.k}.",
                   meta={"kind": "counts", "k": st.k})


def _responded(ctx: ReportContext, w: int) -> pd.Series:
    return ctx.data.status(w).astype("string").str.lower().eq("completed").fillna(False)


def sources(ctx: ReportContext) -> Section:
    """Who took part: completed surveys by recruitment source and wave."""
    part = ctx.data.participants
    if "source" not in part.columns:
        raise DataError("participants.csv has no source column")
    waves = study_waves(ctx)
    counts = pd.DataFrame({f"Wave {w}": part.loc[_responded(ctx, w).to_numpy(), "source"]
                           .value_counts() for w in waves}).fillna(0).astype(int)
    counts.index = [str(i).capitalize() for i in counts.index]
    st = suppress(counts, ctx.study.k, row_totals=False)
    total = {w: (None if st.hidden.loc[TOTAL, f"Wave {w}"]
                 else int(st.counts.loc[TOTAL, f"Wave {w}"])) for w in waves}
    n1, n_last = total[waves[0]], total[waves[-1]]

    def said(n: int | None) -> str:
        return f"fewer than {ctx.study.k}" if n is None else str(n)

    text = (f"{said(n1)} workers completed the first survey"
            + "".join(f", {said(total[w])} the survey at wave {w}" for w in waves[1:])
            + (f" ({n_last / n1:.0%} of the first-wave group stayed to the end)."
               if n1 and n_last is not None else "."))
    return Section(
        id="sources", title="Who took part",
        paragraphs=[text],
        tables=[_count_table(st, "tab-sources", "Completed surveys by how workers were recruited",
                             "Counts of workers.")],
        results={"completed": total, "suppressed": st.n_hidden},
    )


def participation(ctx: ReportContext) -> Section:
    """How many workers take part in each community feature, and how that changed."""
    frame = analysis_frame(ctx)
    waves = study_waves(ctx)
    feats = [f for f in FEATURES if with_wave(f, waves[0]) in frame.columns]
    if not feats:
        raise DataError("the study did not ask the community-participation questions")
    rows, shares, hidden = [], {}, 0
    for f in feats:
        counts = {}
        for w in waves:
            v = frame[with_wave(f, w)].dropna() if with_wave(f, w) in frame.columns else \
                pd.Series(dtype=float)
            counts[f"Wave {w}"] = [int((v >= TAKES_PART).sum()), int((v < TAKES_PART).sum())]
        st = suppress(pd.DataFrame(counts, index=["Takes part", "Does not"]), ctx.study.k,
                      row_totals=False)
        hidden += st.n_hidden
        row = [FEATURES[f]]
        for w in waves:
            c = f"Wave {w}"
            if st.hidden.loc["Takes part", c] or st.hidden.loc[TOTAL, c]:
                row.append("–")
                continue
            n, tot = int(st.counts.loc["Takes part", c]), int(st.counts.loc[TOTAL, c])
            share = n / tot if tot else np.nan
            shares.setdefault(f, {})[w] = share
            row.append(f"{n} of {tot} ({share:.0%})")
        rows.append(row)
    fig = F.new_figure(5.8, 3.0)
    ax = fig.subplots()
    for i, f in enumerate(feats):
        pts = shares.get(f, {})
        if pts:
            ax.plot(list(pts), [100 * s for s in pts.values()], marker="o",
                    label=FEATURES[f], color=F.PALETTE[i % len(F.PALETTE)])
    ax.set_xticks(waves)
    ax.set_xlabel("Wave")
    ax.set_ylabel("% taking part weekly or more")
    ax.set_ylim(0, 100)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, fontsize=7)
    F.style_axes(ax)
    first = {FEATURES[f]: s[waves[0]] for f, s in shares.items() if waves[0] in s}
    top = max(first, key=first.get) if first else None
    text = ("Most used at the start: " + f"{top.lower()} ({first[top]:.0%} of workers took part "
            "at least weekly)." if top else "")
    return Section(
        id="participation", title="Taking part in community features",
        paragraphs=[f"A worker counts as taking part in a feature when they used it about once "
                    f"a week or more in the month before the survey. {text}"],
        tables=[T.Table(id="tab-participation",
                        title="Workers taking part in each community feature, by wave",
                        columns=["Feature", *[f"Wave {w}" for w in waves]], rows=rows,
                        note=f"Workers who answered the questions at each wave. – : hidden "
                             f"to protect groups smaller than {ctx.study.k}.",
                        meta={"kind": "shares", "k": ctx.study.k})],
        figures=[F.embed(fig, id="fig-participation", title="Taking part over time",
                         caption="Share of responding workers who used each feature weekly or "
                                 "more; points for hidden groups are left out.")],
        results={"shares": {FEATURES[f]: s for f, s in shares.items()}, "suppressed": hidden},
    )


def outcomes_by_group(ctx: ReportContext) -> Section:
    """Crafting, resilience, meaning and commitment by forum participation and over time."""
    frame = analysis_frame(ctx)
    waves = study_waves(ctx)
    group_col = with_wave("community_forums", waves[0])
    if group_col not in frame.columns:
        raise DataError("the study did not ask about worker forums at the first wave")
    g = pd.Series(np.select([frame[group_col] < 2.0, frame[group_col] < TAKES_PART,
                             frame[group_col] >= TAKES_PART], LEVELS, default=""),
                  index=frame.index).where(frame[group_col].notna())
    tables, figs, means_out = [], [], {}
    fig = F.new_figure(6.2, 3.0)
    axes = fig.subplots(1, 2, sharey=False)
    plotted = 0
    for c, label in SHORT.items():
        cols = [with_wave(c, w) for w in waves if with_wave(c, w) in frame.columns]
        if not cols:
            continue
        counts = pd.DataFrame({f"Wave {w}": frame.groupby(g)[with_wave(c, w)].count()
                               for w in waves}).reindex(LEVELS).fillna(0).astype(int)
        means = pd.DataFrame({f"Wave {w}": frame.groupby(g)[with_wave(c, w)].mean()
                              for w in waves}).reindex(LEVELS)
        means.loc[TOTAL] = [frame.loc[g.notna(), with_wave(c, w)].mean() for w in waves]
        st = suppress(counts, ctx.study.k, row_totals=False)
        shown = suppress_statistic(means, st)
        tables.append(T.Table(id=f"tab-group-{c}", title=f"{label} by use of worker forums "
                              f"at wave {waves[0]}",
                              columns=["Forum use at the start", *shown.columns],
                              rows=[[str(r), *shown.loc[r].tolist()] for r in shown.index],
                              note=f"Mean scores (1-5). – : hidden to protect groups smaller "
                                   f"than {ctx.study.k}.",
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
            ax.set_xticks(waves)
            ax.set_xlabel("Wave")
            F.style_axes(ax)
            plotted += 1
    axes[0].set_ylabel("Mean score")
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
    rng = f"between {lo:.2f} and {hi:.2f}"
    if lo > 0:
        return (f"{what} by {est:.2f} points on average; the data are consistent with an "
                f"effect {rng}, so it is very likely positive.")
    if hi < 0:
        return (f"{what} by {est:.2f} points on average; plausible values lie {rng}, so it is "
                "very likely negative.")
    return (f"{what} by {est:.2f} points on average, but plausible values run {rng}: the data "
            "cannot tell whether the link is positive, negative or absent.")


def findings(ctx: ReportContext) -> Section:
    """What the fitted models say, in words with their uncertainty."""
    w1, w2, w3 = focal_waves(ctx)
    source = "the panel model (all participants, missing answers handled by FIML)"
    try:
        p = params_of(focal_fit(ctx))
        get = {str(r.label): r for r in p.itertuples() if getattr(r, "label", "")}
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
        ("Collaborative crafting matters more for workers who craft little on their own: "
         if a3.est < 0 else "Collaborative crafting and individual crafting reinforce each "
         "other: ") + _words(a3.est, a3.ci_lower, a3.ci_upper,
                             "the link between individual crafting and resilience changes "
                             "per point of collaborative crafting"),
        _words(b.est, b.ci_lower, b.ci_upper,
               f"Workers with one point more resilience at wave {w2} report career "
               f"commitment at wave {w3} that differs"),
        f"These estimates come from {source}. They are associations over time, not proof "
        "of cause and effect: workers were not assigned to craft more or less.",
    ]
    return Section(id="findings", title="What the models say", paragraphs=paras,
                   results={k: {"est": float(v.est), "ci_lower": float(v.ci_lower),
                                "ci_upper": float(v.ci_upper)}
                            for k, v in (("a1", a1), ("a2", a2), ("a3", a3), ("b", b))})


def intervention(ctx: ReportContext) -> Section:
    """The intervention in plain words, with counts by arm (suppressed) and the figure."""
    ev = evaluation(ctx)
    waves = study_waves(ctx)
    frame = analysis_frame(ctx)
    counts = pd.DataFrame({f"Wave {w}": frame.loc[_responded(ctx, w).to_numpy(), "arm"]
                           .value_counts() for w in waves}).reindex(list(ctx.study.arms))
    st = suppress(counts.fillna(0).astype(int), ctx.study.k, row_totals=False)
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
