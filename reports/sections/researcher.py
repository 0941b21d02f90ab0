"""The researcher report's sections (each ``ctx -> Section``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from craftwave.analysis.descriptives import mean_ci
from craftwave.instruments.errors import DataError
from craftwave.instruments.names import product_var, split_wave, with_wave
from craftwave.reports import figures as F
from craftwave.reports import tables as T
from craftwave.reports.counts import STATUSES, sample_frame
from craftwave.reports.labels import lower_first, range_text, var_label
from craftwave.reports.minimums import MINIMUM_CASES, TooFewCases, require_cases
from craftwave.reports.pathdiagram import path_diagram, r_squared
from craftwave.reports.policy import apply_exclusions
from craftwave.reports.sections.base import ReportContext, Section
from craftwave.reports.sections.common import (
    FOCAL,
    LABELS,
    SHORT,
    analysis_frame,
    constructs_present,
    fit_sentence,
    measures_of,
    params_of,
    quality,
    study_waves,
)
from craftwave.reports.sections.flow import researcher_flow
from craftwave.reports.sections.intervention import intervention, itt_section
from craftwave.reports.sections.models import focal_fit, focal_waves, mediation_fit
from craftwave.reports.sections.ordinal import ordinal as ordinal_section

# -- sample and retention ---------------------------------------------------------------------


def sample(ctx: ReportContext) -> Section:
    """Participants per wave by status, retention relative to wave 1, withdrawals."""
    part = ctx.data.participants
    waves = study_waves(ctx)
    table = sample_frame(ctx)
    rows = table.to_dict(orient="records")
    withdrawn = (part["withdrawal"].astype(str).value_counts().drop("none", errors="ignore")
                 if "withdrawal" in part.columns else pd.Series(dtype=int))
    fig = F.new_figure(5.5, 2.6)
    ax = fig.subplots()
    ax.bar([f"Wave {w}" for w in waves], table["Completed"], color=F.PALETTE[0])
    for i, r in enumerate(rows):
        ax.text(i, r["Completed"], f"{r['Completed']}\n({r['retained']:.0%})", ha="center",
                va="bottom", fontsize=8)
    ax.set_ylabel("Completed")
    ax.set_ylim(0, max(1, table["Completed"].max()) * 1.25)
    F.style_axes(ax)
    text = [
        f"{len(part)} participants entered the study. "
        + "; ".join(f"{r['Completed']} completed wave {r['Wave']}"
                    + (f" ({r['retained']:.0%} of wave {waves[0]})" if i else "")
                    for i, r in enumerate(rows)) + "."
    ]
    if len(withdrawn):
        text.append("Withdrawals: " + ", ".join(f"{n} asked to {k.replace('_', ' ')}"
                                                for k, n in withdrawn.items())
                    + " (participants who asked for deletion are absent from the export).")
    return Section(
        id="sample", title="Sample and retention", paragraphs=text,
        tables=[T.from_frame(table, id="tab-sample", title="Participants by wave and status",
                             columns={"Wave": "Wave", **{s.capitalize(): s.capitalize()
                                                          for s in STATUSES},
                                      "retained": "Retained"},
                             formats={c: T.integer for c in ["Wave", *[s.capitalize()
                                                                       for s in STATUSES]]},
                             note=f"Retained = completed at the wave / completed at wave "
                                  f"{waves[0]}. Status as recorded by the survey app.")],
        figures=[F.embed(fig, id="fig-flow", title="Completed surveys per wave",
                         caption="Bars: participants who completed each wave; in brackets, "
                                 "retention relative to the first wave.")],
        results={"n_entered": int(len(part)),
                 "completed": {int(r["Wave"]): int(r["Completed"]) for r in rows},
                 "retained": {int(r["Wave"]): float(r["retained"]) for r in rows}},
    )


# -- data quality --------------------------------------------------------------------------


def data_quality(ctx: ReportContext) -> Section:
    """Careless-responding flags, and what the study's quality policy excluded, per wave."""
    excl = quality(ctx)
    analysis_frame(ctx)  # applies the policy and records its exclusions
    removed = ctx.record.exclusions
    ind = excl.indices
    flags = [c for c in ind.columns if c.startswith("flag_")]
    rows = []
    for w, g in ind.groupby("wave"):
        rows.append({"wave": int(w), "screened": int(len(g)),
                     **{c.removeprefix("flag_"): int(g[c].fillna(False).astype(bool).sum())
                        for c in flags},
                     "flagged": int(g["flagged"].fillna(False).astype(bool).sum()),
                     "excluded": int(removed["wave"].astype(int).eq(int(w)).sum())
                     if removed is not None and "wave" in removed.columns else 0})
    table = pd.DataFrame(rows)
    total = int(table["excluded"].sum()) if len(table) else 0
    flagged = int(table["flagged"].sum()) if len(table) else 0
    labels = {"wave": "Wave", "screened": "Screened", "longstring": "Longstring",
              "irv": "IRV", "mahalanobis": "Mahalanobis", "even_odd": "Even-odd",
              "synonyms": "Synonyms", "antonyms": "Antonyms", "person_total": "Person-total",
              "autocorrelation": "Autocorrelation", "attention": "Attention check",
              "speeding": "Speeding", "flagged": "Any flag", "excluded": "Excluded"}
    return Section(
        id="quality", title="Data quality and exclusions",
        paragraphs=[
            f"Every participant's answers at every wave were screened for careless responding "
            f"(longstring, intra-individual response variability, Mahalanobis distance from "
            f"the EM means and covariance, even-odd consistency, psychometric synonyms and "
            f"antonyms, person-total correlation, autocorrelation, attention checks, seconds per "
            f"item; each flag's threshold keeps the attentive participant-waves flagged by any "
            f"index under {ctx.policy.study.alpha:.0%}): {flagged} participant-wave(s) carried "
            f"at least one flag. {ctx.policy.describe()} Excluded: {total} participant-wave(s).",
        ],
        tables=[T.from_frame(table, id="tab-quality", title="Careless-responding flags by wave",
                             columns={k: v for k, v in labels.items() if k in table.columns},
                             formats={k: T.integer for k in labels},
                             note="A participant-wave can carry several flags; Any flag and "
                                  "Excluded count each participant-wave once. Excluded follows "
                                  "the study's quality policy (study.yaml, quality:).")],
        results={"excluded_total": total, "flagged_total": flagged,
                 "excluded": {int(r["wave"]): int(r["excluded"]) for r in rows}},
    )


# -- descriptives and reliability ------------------------------------------------------------


def descriptives(ctx: ReportContext) -> Section:
    """Means, SDs and the APA correlation table per wave (``analysis.descriptives``)."""
    from craftwave.analysis import descriptives as D

    frame = analysis_frame(ctx)
    try:
        rel = reliability_frame(ctx)
        alphas = {r.scale: float(r.alpha) for r in rel.itertuples() if pd.notna(r.alpha)}
    except Exception:  # noqa: BLE001 - the diagonal then shows dashes
        alphas = {}
    tables, results = [], {}
    for w in study_waves(ctx):
        cols = [with_wave(c, w) for c in constructs_present(ctx, frame)
                if with_wave(c, w) in frame.columns]
        if len(cols) < 2:
            continue
        ct = D.correlation_table(frame, cols, reliability={c: alphas[c] for c in cols
                                                           if c in alphas},
                                 labels={with_wave(c, w): SHORT[c] for c in LABELS})
        shown = ct.table.copy()
        shown.insert(1, "N", [int(frame[c].notna().sum()) for c in cols])
        pair_n = ct.n.to_numpy() if hasattr(ct.n, "to_numpy") else np.asarray(ct.n)
        off = pair_n[~np.eye(len(cols), dtype=bool)] if pair_n.ndim == 2 else pair_n
        n_text = (f"Pairwise N = {int(off.min())} to {int(off.max())}. " if off.size
                  else "")
        tables.append(T.from_frame(shown, id=f"tab-cor-w{w}",
                                   title=f"Means, standard deviations and correlations, wave {w}",
                                   formats={c: str for c in shown.columns},
                                   note=f"N: participants with the score. {n_text}* p < .05, "
                                        "** p < .01, *** p < .001 (pairwise complete cases); "
                                        "reliability (Cronbach's alpha) on the diagonal in "
                                        "parentheses. Scale ranges: "
                                        + ", ".join(f"{SHORT[c]} {range_text(c)}"
                                                    for c in constructs_present(ctx, frame))
                                        + "."))
        results[w] = {c: float(frame[c].mean()) for c in cols}
    return Section(id="descriptives", title="Descriptives and correlations", tables=tables,
                   results={"means": results})


def reliability_frame(ctx: ReportContext) -> pd.DataFrame:
    """Reliability of every scale and subscale at every wave, computed once per build.

    A Schmid-Leiman omega is kept only when its oblimin rotation converged (``sl_converged``);
    otherwise it is blanked, never shown in place of a one-factor omega.
    """

    def compute() -> pd.DataFrame:
        import warnings

        from craftwave.analysis.data import item_matrix
        from craftwave.analysis.omega_h import omega_hierarchical
        from craftwave.analysis.reliability import reliability_table
        from craftwave.instruments import load_library
        from craftwave.instruments.errors import ConvergenceWarning

        lib = load_library()
        insts = {k: lib[k] for k in [*LABELS, "community"] if k in lib}
        wide = _kept_wide(ctx)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # checked row by row below
            table = reliability_table(wide, insts)
        small = table["n"] < MINIMUM_CASES["omega"]
        table.loc[small, ["omega_total", "omega_h"]] = np.nan
        table.loc[small, "omega_method"] = "too few cases"
        table["sl_converged"] = pd.NA
        for i in table.index[table["omega_method"].eq("Schmid-Leiman")]:
            inst = insts[table.at[i, "instrument"]]
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    omega_hierarchical(item_matrix(wide, inst, int(table.at[i, "wave"])),
                                       nfactors=len(inst.subscales))
                except DataError:
                    pass
            ok = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
            table.at[i, "sl_converged"] = ok
            if not ok:
                table.loc[i, ["omega_total", "omega_h"]] = np.nan
        return table

    return ctx.shared("reliability", compute)


def _omega_kind(row) -> str:
    if row.omega_method == "too few cases":
        return f"not estimated: needs at least {MINIMUM_CASES['omega']} complete cases"
    if row.omega_method == "Schmid-Leiman":
        failed = pd.notna(row.sl_converged) and not bool(row.sl_converged)
        return "not shown: rotation did not converge" if failed else "ωt (Schmid-Leiman)"
    if row.omega_method == "one-factor CFA":
        return "ωt (one-factor CFA)"
    return ""


def reliability(ctx: ReportContext) -> Section:
    """Alpha (with CI) and omega per scale and wave, omega labelled by its kind."""
    full = reliability_frame(ctx)
    rel = full[full["subscale"].isna() | (full["instrument"] == "community")].copy()
    rel["label"] = [var_label(v) for v in rel["scale"]]
    rel["alpha_ci"] = [f"[{T.bounded(a)}, {T.bounded(b)}]"
                       for a, b in zip(rel["alpha_ci_lower"], rel["alpha_ci_upper"], strict=True)]
    rel["omega_kind"] = [_omega_kind(r) for r in rel.itertuples()]
    table = T.from_frame(
        rel, id="tab-reliability", title="Reliability by scale and wave",
        columns={"label": "Scale", "n_items": "Items", "n": "n", "alpha": "α",
                 "alpha_ci": "95% CI", "omega_total": "ω", "omega_kind": "Kind of ω",
                 "omega_h": "ωh"},
        formats={"alpha": T.bounded, "omega_total": T.bounded, "omega_h": T.bounded,
                 "n_items": T.integer},
        note="α: Cronbach's alpha with Feldt's CI. ω is labelled by its kind: ωt (one-factor "
             "CFA) is McDonald's omega total of a unidimensional scale (as semTools' "
             "compRelSEM); for a multidimensional scale, ωt and ωh are the omega total and "
             "hierarchical omega of a Schmid-Leiman solution (as psych's omega), shown only "
             "when its oblimin rotation converged. Subscale values are in the JSON summary.")
    paras = []
    bad = rel[rel["sl_converged"].eq(False)]
    if len(bad):
        paras.append("The Schmid-Leiman rotation did not converge for "
                     + ", ".join(bad["label"]) + "; no omega is shown for them.")
    results = {"alpha": {r.scale: float(r.alpha) for r in full.itertuples()},
               "omega": {r.scale: float(r.omega_total) for r in full.itertuples()},
               "omega_kind": {r.scale: _omega_kind(r) for r in full.itertuples()}}
    tables = [table]
    if study_indicators(ctx) == "ordinal":
        ordinal = ordinal_reliability_frame(ctx, full)
        ordinal["label"] = [var_label(v) for v in ordinal["scale"]]
        tables.append(T.from_frame(
            ordinal, id="tab-reliability-ordinal",
            title="Reliability of the items as ordered categories",
            columns={"label": "Scale", "n_items": "Items", "n": "n",
                     "omega_categorical": "ω (categorical)", "alpha_ordinal": "α (ordinal)",
                     "status": "Note"},
            formats={"omega_categorical": T.bounded, "alpha_ordinal": T.bounded,
                     "n_items": T.integer, "n": T.integer},
            note="The study treats items as ordered categories (analysis: indicators: "
                 "ordinal). ω (categorical) is the reliability of the observed sum score "
                 "(Green & Yang, 2009; semTools' compRelSEM) from a one-factor WLSMV model of "
                 "each unidimensional scale or subscale; α (ordinal) is alpha of the latent "
                 "responses (from the polychoric correlations), not of the sum score."))
        results["omega_categorical"] = {r.scale: _num(r.omega_categorical)
                                        for r in ordinal.itertuples()}
        results["alpha_ordinal"] = {r.scale: _num(r.alpha_ordinal) for r in ordinal.itertuples()}
    else:
        few = few_category_scales(ctx)
        if few:
            paras.append("Items of " + ", ".join(few) + " have four or fewer answer categories; "
                         "treating them as ordered categories (the study file's analysis: "
                         "indicators: ordinal) gives categorical omega and ordinal alpha, which "
                         "suit such items better than alpha and omega of interval scores.")
    return Section(id="reliability", title="Reliability", tables=tables, paragraphs=paras,
                   results=results)


def _num(value) -> float | None:
    return None if pd.isna(value) else float(value)


def study_indicators(ctx: ReportContext) -> str:
    """The study file's ``analysis: indicators`` ("continuous" unless it says "ordinal")."""
    study = ctx.data.study or {}
    if ctx.options.study_file:
        import yaml

        with open(ctx.options.study_file, encoding="utf-8") as f:
            study = yaml.safe_load(f) or {}
    return str(((study.get("analysis") or {}).get("indicators")) or "continuous")


def few_category_scales(ctx: ReportContext) -> list[str]:
    """Labels of the report's scales whose items have four or fewer substantive categories."""
    from craftwave.instruments import load_library

    lib = load_library()
    out = []
    for key in [*LABELS, "community"]:
        inst = lib.get(key)
        if inst is None or not any(c.startswith(inst.prefix + "_") for c in ctx.data.wide.columns):
            continue
        if any(len(inst.scale_of(i).substantive_values) <= 4 for i in inst.scored_items
               if inst.scale_of(i) is not None):
            out.append(LABELS.get(key, key))
    return out


def ordinal_reliability_frame(ctx: ReportContext, full: pd.DataFrame) -> pd.DataFrame:
    """Categorical omega and ordinal alpha of every unidimensional scale and wave."""

    def compute() -> pd.DataFrame:
        from craftwave.analysis.data import item_matrix
        from craftwave.analysis.sem.categorical.reliability import scale_reliability
        from craftwave.instruments import load_library
        from craftwave.instruments.errors import CraftwaveError

        lib = load_library()
        wide = _kept_wide(ctx)
        rows = []
        for r in full[full["omega_method"].eq("one-factor CFA")].itertuples():
            row = {"scale": r.scale, "instrument": r.instrument,
                   "subscale": None if pd.isna(r.subscale) else r.subscale,
                   "wave": r.wave, "n_items": r.n_items, "n": np.nan,
                   "omega_categorical": np.nan, "alpha_ordinal": np.nan, "status": ""}
            try:
                items = item_matrix(wide, lib[r.instrument], int(r.wave),
                                    None if pd.isna(r.subscale) else r.subscale)
                table = scale_reliability(items, list(items.columns)).set_index("coefficient")
                row["n"] = int(table["nobs"].iloc[0])
                row["omega_categorical"] = float(table.loc["omega_categorical", "value"])
                row["alpha_ordinal"] = float(table.loc["alpha_ordinal", "value"])
            except CraftwaveError as exc:
                row["status"] = f"not estimated: {exc}"
            rows.append(row)
        return pd.DataFrame(rows, columns=["scale", "instrument", "subscale", "wave", "n_items",
                                           "n", "omega_categorical",
                                           "alpha_ordinal", "status"])

    return ctx.shared("reliability_ordinal", compute)


def _kept_wide(ctx: ReportContext) -> pd.DataFrame:
    try:
        if not ctx.policy.excludes:
            return ctx.data.wide
        analysis_frame(ctx)
        return apply_exclusions(ctx.data.wide, ctx.record.exclusions)
    except Exception:  # noqa: BLE001 - quality screen unavailable: the exported items
        return ctx.data.wide


# -- measurement invariance ---------------------------------------------------------------------


def invariance(ctx: ReportContext) -> Section:
    """Longitudinal invariance of the multidimensional constructs (``analysis.invariance``).

    One factor per wave, indicated by the construct's subscale scores (in the same order at
    every wave), lag-1 residual covariances of the same indicator, FIML by default.
    """
    from craftwave.analysis.invariance import invariance as fit_invariance
    from craftwave.instruments import load_library

    lib = load_library()
    frame = analysis_frame(ctx)
    waves = study_waves(ctx)
    tables, results, syntaxes = [], {}, []
    for c in (FOCAL["x"], FOCAL["w"], FOCAL["m"]):
        subs = [s.id for s in lib[c].subscales] if c in lib else []
        inds = {w: [with_wave(f"{c}_{s}", w) for s in subs] for w in waves}
        if len(subs) < 3 or any(i not in frame.columns for v in inds.values() for i in v):
            continue
        factors = [f"{c.upper()}{w}" for w in waves]
        model = "\n".join(f"{f} =~ " + " + ".join(inds[w])
                           for f, w in zip(factors, waves, strict=True))
        require_cases("invariance", frame, [i for v in inds.values() for i in v])
        res = fit_invariance(model, frame, long=factors, missing=ctx.options.missing,
                             estimator=ctx.options.estimator)
        steps = res.steps
        tables.append(T.from_frame(
            steps, id=f"tab-inv-{c}", title=f"Longitudinal invariance of {LABELS[c]}",
            columns={k: v for k, v in {"level": "Level", "chisq": "χ²", "df": "df",
                                       "cfi": "CFI", "rmsea": "RMSEA", "srmr": "SRMR",
                                       "delta_chisq": "Δχ²", "delta_df": "Δdf",
                                       "delta_pvalue": "p", "delta_cfi": "ΔCFI",
                                       "delta_rmsea": "ΔRMSEA"}.items()
                     if k in steps.columns},
            formats={"df": T.integer, "delta_df": T.integer,
                     "cfi": lambda v: T.bounded(v, 3), "rmsea": lambda v: T.bounded(v, 3),
                     "srmr": lambda v: T.bounded(v, 3), "delta_cfi": lambda v: T.bounded(v, 3),
                     "delta_rmsea": lambda v: T.bounded(v, 3), "delta_pvalue": T.pval},
            note=f"Indicators: the subscale scores at each wave. Level reached: "
                 f"{res.level_reached}. Missing data: {_missing_text(ctx.options.missing)}."))
        results[c] = res.level_reached
        syntaxes.append((c, res.syntax.get("configural", model), model, factors))
    if not tables:
        raise DataError("no multidimensional construct with subscale scores at every wave")
    for c, syntax, given, factors in syntaxes:
        ctx.record.model(f"invariance_{c}", syntax=syntax, estimator=ctx.options.estimator,
                         missing=ctx.options.missing, n=int(len(frame)), input=given,
                         factors=factors)
    return Section(
        id="invariance", title="Measurement invariance across waves",
        paragraphs=["Configural, metric, scalar and strict invariance across waves, judged by "
                    "the chi-square difference test and changes in CFI, RMSEA and SRMR "
                    "(analysis.invariance defaults). Level reached: "
                    + "; ".join(f"{LABELS[c]}: {lvl}" for c, lvl in results.items()) + "."],
        tables=tables, results={"level_reached": results},
    )


# -- the focal model and moderated mediation ----------------------------------------------------


def focal_model(ctx: ReportContext) -> Section:
    """The focal panel model fitted by the SEM engine (FIML by default)."""
    res = focal_fit(ctx)
    params = params_of(res)
    fm = measures_of(res)
    reg = params[params["op"] == "~"].copy()
    reg["path"] = [f"{var_label(r)} → {var_label(lh)}" for lh, r in zip(reg["lhs"], reg["rhs"],
                                                                      strict=True)]
    defined = getattr(res, "defined", None)
    if isinstance(defined, pd.DataFrame) and len(defined):
        reg = pd.concat([reg, defined.assign(path=[DEFINED.get(n, n) for n in defined["name"]],
                                             label=defined["name"])], ignore_index=True)
    reg["ci"] = [T.ci(a, b) for a, b in zip(reg["ci_lower"], reg["ci_upper"], strict=True)]
    cols = {"path": "Path", "label": "Label", "est": "B", "se": "SE", "ci": "95% CI",
            "pvalue": "p"}
    if "std_all" in reg.columns:
        cols["std_all"] = "β"
    w1, w2, w3 = focal_waves(ctx)
    r2 = r_squared(params)
    r2_table = T.from_frame(
        pd.DataFrame({"var": [var_label(v) for v in r2], "r2": list(r2.values())}),
        id="tab-focal-r2", title="Focal model: variance explained",
        columns={"var": "Endogenous variable", "r2": "R²"}, formats={"r2": T.bounded},
        note="R² = 1 − the standardised residual variance.")
    x, w, m, y = (with_wave(FOCAL["x"], w1), with_wave(FOCAL["w"], w1),
                  with_wave(FOCAL["m"], w2), with_wave(FOCAL["y"], w3))
    xw = product_var(x, w)
    pos = {x: (0.12, 0.82), w: (0.12, 0.5), xw: (0.12, 0.18), m: (0.5, 0.5), y: (0.88, 0.5),
           with_wave(FOCAL["m"], w1): (0.5, 0.88), with_wave(FOCAL["y"], w2): (0.88, 0.88)}
    fig = path_diagram(params, {k: v for k, v in pos.items() if k in set(params["lhs"])
                                | set(params["rhs"])},
                       {**{k: var_label(k).replace(" (", "\n(") for k in pos},
                        xw: f"Individual ×\ncollaborative\ncrafting (W{w1})"},
                       skip=[(y, x), (y, w), (y, xw)])
    diagram = F.embed(fig, id="fig-focal-path", title="Focal model with standardised estimates",
                      caption="Standardised estimates (β); * p < .05, ** p < .01, *** p < .001. "
                              "Solid: the 95% CI excludes zero; grey dashed: it includes zero. "
                              "R² under each outcome. The direct paths from the crafting "
                              "variables to career commitment and the predictors' covariances "
                              "are estimated (see the table of paths) but not drawn.")
    table = T.from_frame(reg.fillna({"label": ""}), id="tab-focal",
                         title="Focal model: regression paths and defined effects",
                         columns={k: v for k, v in cols.items() if k in reg.columns},
                         formats={"std_all": T.bounded},
                         note=f"Estimator {ctx.options.estimator}; missing data: "
                              f"{_missing_text(ctx.options.missing)}. Wald 95% CIs. imm: index "
                              "of moderated mediation; ind_*: indirect effect of individual "
                              "crafting on career commitment at low (-1 SD), mean and high "
                              "(+1 SD) collaborative crafting.")
    by_label = {str(r.label): float(r.est) for r in reg.itertuples() if r.label}
    rows = {str(r.label): r for r in reg.itertuples() if r.label}
    paras = [f"The focal model regressed resilience at wave {w2} on individual crafting, "
             f"collaborative crafting and their product at wave {w1} (controlling resilience "
             f"at wave {w1}), and career commitment at wave {w3} on resilience at wave {w2} "
             f"(controlling commitment at wave {w2}); N = {int(sum(res.n_obs))}. "
             f"Model fit: {fit_sentence(fm)}."]
    cfi = fm.get("cfi", np.nan)
    if np.isfinite(cfi) and cfi < 0.90:
        paras.append(f"The model fits poorly (CFI = {T.bounded(cfi, 3)}); its paths are not "
                     "interpreted as support for the hypothesis.")
    claims = []
    for lab, what in (("a1", f"individual crafting (W{w1}) → resilience (W{w2})"),
                      ("a2", f"collaborative crafting (W{w1}) → resilience (W{w2})"),
                      ("a3", "their interaction → resilience"),
                      ("b", f"resilience (W{w2}) → career commitment (W{w3})"),
                      ("imm", "index of moderated mediation")):
        if lab in rows:
            claims.append(_claim(what, rows[lab]))
    if claims:
        text = "; ".join(claims) + "."
        paras.append(text[0].upper() + text[1:])
    return Section(
        id="focal", title="Focal model", paragraphs=paras, tables=[table, r2_table],
        figures=[diagram], results={"labels": by_label, "fit": fm, "r2": r2},
    )


#: The focal model's defined effects, by name.
DEFINED = {"imm": "Index of moderated mediation",
           "ind_low": "Indirect effect at −1 SD of collaborative crafting",
           "ind_mean": "Indirect effect at M of collaborative crafting",
           "ind_high": "Indirect effect at +1 SD of collaborative crafting"}


def _claim(what: str, r) -> str:
    """One estimate as APA text, with what its 95% CI says (never more)."""
    beta = getattr(r, "std_all", np.nan)
    std = f", β = {T.bounded(beta)}" if pd.notna(beta) else ""
    ci = f"B = {T.num(r.est)}{std}, 95% CI {T.ci(r.ci_lower, r.ci_upper)}"
    if r.ci_lower > 0:
        verdict = "positive (the CI excludes zero)"
    elif r.ci_upper < 0:
        verdict = "negative (the CI excludes zero)"
    else:
        verdict = "not distinguishable from zero (the CI includes zero)"
    return f"{what}: {ci}, {verdict}"


def _missing_text(missing: str) -> str:
    return {"fiml": "full-information maximum likelihood (FIML)",
            "listwise": "listwise deletion"}.get(missing, missing)


PROBE_LABELS = ("−1 SD", "M", "+1 SD")


def _probe_labels(n: int) -> list[str]:
    return list(PROBE_LABELS) if n == 3 else [f"value {i + 1}" for i in range(n)]


def jn_words(regions: list[tuple[float, float]], observed: tuple[float, float],
             moderator: str, effect: str) -> str:
    """The Johnson-Neyman region of significance in words, within the observed range."""
    lo, hi = observed
    inside = [(max(a, lo), min(b, hi)) for a, b in regions if min(b, hi) > max(a, lo)]
    if not inside:
        return (f"Johnson-Neyman: the effect of {effect} is not significant (α = .05) at any "
                f"observed value of {moderator} ({T.num(lo)} to {T.num(hi)}).")
    parts = []
    for a, b in inside:
        if a <= lo and b >= hi:
            parts.append("over the whole observed range")
        elif a <= lo:
            parts.append(f"for {moderator} up to {T.num(b)}")
        elif b >= hi:
            parts.append(f"for {moderator} from {T.num(a)} upward")
        else:
            parts.append(f"for {moderator} between {T.num(a)} and {T.num(b)}")
    return (f"Johnson-Neyman: the effect of {effect} is significant (α = .05) "
            + " and ".join(parts) + f" (observed range {T.num(lo)} to {T.num(hi)}); "
            "elsewhere its 95% CI includes zero.")


def _slope_curve(res, name: str, values: np.ndarray) -> pd.DataFrame:
    from craftwave.analysis.mediation.probe import critical_z

    effs = [res.spec.slope(name, float(v)) for v in values]
    est = np.array([e.value(res.theta) for e in effs])
    se = np.array([e.delta_se(res.theta, res.vcov) for e in effs])
    z = critical_z(0.95)
    return pd.DataFrame({"w": values, "est": est, "lo": est - z * se, "hi": est + z * se})


def moderated_mediation(ctx: ReportContext) -> Section:
    """PROCESS model 7: conditional indirect effects at −1 SD / M / +1 SD, Johnson-Neyman."""
    from craftwave.analysis.mediation.plots import interaction_predictions

    res = mediation_fit(ctx)
    w1, w2, w3 = focal_waves(ctx)
    ci_name = res.bootstrap.describe() if hasattr(res.bootstrap, "describe") else ""
    labels = _probe_labels(len(res.conditional_indirect))
    cond = res.conditional_indirect.assign(
        probe=labels,
        ci=[T.ci(a, b, 3) for a, b in zip(res.conditional_indirect["ci_lower"],
                                          res.conditional_indirect["ci_upper"], strict=True)])
    idx = res.index.iloc[0]
    moderator = var_label(res.spec.moderator)
    t1 = T.from_frame(cond, id="tab-cond-indirect",
                      title="Conditional indirect effects of individual crafting on career "
                            "commitment through resilience",
                      columns={"probe": "Collaborative crafting", "w_value": "Value",
                               "est": "Effect", "se": "SE", "ci": "95% CI"},
                      formats={"est": lambda v: T.num(v, 3), "se": lambda v: T.num(v, 3)},
                      note=f"Probe values: the moderator's mean (M) and one standard deviation "
                           f"below and above it (−1 SD, +1 SD), fixed at their full-sample "
                           f"values. Index of moderated mediation = {T.num(idx['est'], 3)}, "
                           f"95% CI {T.ci(idx['ci_lower'], idx['ci_upper'], 3)}. "
                           f"{ci_name.rstrip('.')}. N = {res.n} complete cases ({res.n_dropped} dropped).")
    name = str(res.simple_slopes["effect"].iloc[0])
    regions = res.jn_regions.get(name, [])
    jn_text = jn_words(regions, res.observed_range, lower_first(moderator),
                       f"{lower_first(var_label(res.spec.x))} on "
                       f"{lower_first(var_label(res.spec.m))}")
    # Figure: (a) predictions at the probe values, (b) the simple slope with its band and the
    # Johnson-Neyman region of significance shaded
    fig = F.new_figure(6.4, 3.0)
    ax1, ax2 = fig.subplots(1, 2)
    pred = interaction_predictions(res)
    for i, (lab, line) in enumerate(zip(labels, pred["lines"].values(), strict=True)):
        ax1.plot(pred["grid"], line, color=F.PALETTE[i], label=f"{lab}")
    ax1.set_xlabel(var_label(pred["focal"]), fontsize=8)
    ax1.set_ylabel(f"Predicted {lower_first(var_label(pred['outcome']))}", fontsize=8)
    ax1.legend(frameon=False, fontsize=7, title="Collaborative crafting", title_fontsize=7)
    ax1.set_title("(a) Simple slopes", fontsize=8)
    lo, hi = res.observed_range
    curve = _slope_curve(res, name, np.linspace(lo, hi, 101))
    for a, b in regions:
        a, b = max(a, lo), min(b, hi)
        if b > a:
            ax2.axvspan(a, b, color="#2e8b57", alpha=0.12, linewidth=0,
                        label="significant (J-N region)")
    ax2.fill_between(curve["w"], curve["lo"], curve["hi"], color=F.PALETTE[0], alpha=0.25,
                     linewidth=0, label="95% CI")
    ax2.plot(curve["w"], curve["est"], color=F.PALETTE[0])
    ax2.axhline(0, color="#777777", linewidth=0.8)
    ax2.set_xlabel(moderator, fontsize=8)
    ax2.set_ylabel("Effect of individual crafting", fontsize=8)
    ax2.set_title("(b) Johnson-Neyman", fontsize=8)
    handles, names = ax2.get_legend_handles_labels()
    uniq = dict(zip(names, handles, strict=True))
    ax2.legend(uniq.values(), uniq.keys(), frameon=False, fontsize=7)
    for ax in (ax1, ax2):
        F.style_axes(ax)
    figs = [F.embed(fig, id="fig-interaction", title="Interaction of individual and "
                    "collaborative crafting on resilience",
                    caption=f"(a) Predicted resilience at wave {w2} over individual crafting at "
                            "−1 SD, M and +1 SD of collaborative crafting. (b) The effect of "
                            "individual crafting over collaborative crafting, with its 95% CI; "
                            "shaded: the Johnson-Neyman region where the effect is significant. "
                            + jn_text)]
    fig = F.new_figure(5.5, 3.0)
    res.plot_conditional_indirect(ax=fig.subplots())
    ax = fig.axes[0]
    ax.set_xlabel(moderator)
    ax.set_ylabel("Indirect effect")
    ax.set_title("")
    F.style_axes(ax)
    figs.append(F.embed(fig, id="fig-jn", title="Conditional indirect effect over "
                        "collaborative crafting", caption="The indirect effect over the "
                        "observed range of collaborative crafting with its band; where the band "
                        "excludes zero the effect is significant."))
    sig = (idx["ci_lower"] > 0) or (idx["ci_upper"] < 0)
    imm = (f"The index of moderated mediation was {T.num(idx['est'], 3)}, 95% CI "
           f"{T.ci(idx['ci_lower'], idx['ci_upper'], 3)}: "
           + ("the CI excludes zero, so the indirect effect depends on collaborative crafting."
              if sig else "the CI includes zero, so the data do not show that the indirect "
                          "effect depends on collaborative crafting."))
    paras = ["The focal hypothesis was also tested as PROCESS model 7 on observed scores "
             f"(complete cases, N = {res.n}), with a bootstrap of the indirect effects. " + imm,
             jn_text]
    if res.n < 100:
        paras.append(f"Caution: with N = {res.n} complete cases the bootstrap intervals are "
                     "wide and the interaction is estimated imprecisely.")
    return Section(
        id="mediation", title="Moderated mediation", paragraphs=paras,
        tables=[t1], figures=figs,
        results={"index": float(idx["est"]), "index_ci": (float(idx["ci_lower"]),
                                                         float(idx["ci_upper"])),
                 "n": int(res.n), "bootstrap": int(res.bootstrap.n_boot),
                 "jn": jn_text,
                 "conditional": cond[["probe", "w_value", "est", "ci_lower", "ci_upper"]]
                 .to_dict(orient="list")},
    )


# -- RI-CLPM, growth, attrition ----------------------------------------------------------------


def _lagged_table(params: pd.DataFrame, prefix: str, id: str, title: str,
                  note: str) -> tuple[T.Table, pd.DataFrame]:
    lag = params[(params["op"] == "~") & params["lhs"].str.startswith(prefix)].copy()
    lag["path"] = [f"{var_label(r)} → {var_label(lh)}" for lh, r in zip(lag["lhs"], lag["rhs"],
                                                                       strict=True)]
    lag["ci"] = [T.ci(a, b) for a, b in zip(lag["ci_lower"], lag["ci_upper"], strict=True)]
    cols = {"path": "Path", "est": "B", "se": "SE", "ci": "95% CI", "pvalue": "p"}
    if "std_all" in lag.columns:
        cols["std_all"] = "β"
    return T.from_frame(lag, id=id, title=title, columns=cols, note=note,
                        formats={"std_all": T.bounded}), lag


#: Why an RI-CLPM is usually improper, by the kind of problem.
IMPROPER_REASON = {
    "lv_variance": "the random-intercept variances are estimated below zero: the stable "
                   "between-person differences the model separates out are too small, relative "
                   "to their uncertainty, to be estimated from these waves and participants "
                   "(three waves identify them only barely)",
    "lv_correlation": "a latent correlation beyond 1 follows from a variance near or below "
                      "zero",
    "lv_not_pd": "the latent covariance matrix cannot be a covariance matrix",
    "ov_variance": "an observed variable's residual variance is estimated below zero",
    "theta_not_pd": "the residual covariance matrix cannot be a covariance matrix",
}


def riclpm(ctx: ReportContext) -> Section:
    """RI-CLPM of individual crafting and resilience; the nested CLPM if it is improper."""
    from craftwave.analysis.panel import clpm
    from craftwave.analysis.panel import riclpm as build
    from craftwave.analysis.sem.admissibility import admissibility

    waves = study_waves(ctx)
    frame = analysis_frame(ctx)
    pair = [FOCAL["x"], FOCAL["m"]]
    spec = build(pair, waves)
    require_cases("riclpm", frame, spec.observed)
    res = spec.fit(frame, missing=ctx.options.missing, estimator=ctx.options.estimator)
    ctx.record.model("riclpm", syntax=spec.syntax, estimator=ctx.options.estimator,
                     missing=ctx.options.missing, n=int(sum(res.n_obs)))
    adm = admissibility(res)
    fm = measures_of(res)
    missing = f"Missing data: {_missing_text(ctx.options.missing)}."
    nested = clpm(pair, waves)
    cres = nested.fit(frame, missing=ctx.options.missing, estimator=ctx.options.estimator)
    ctx.record.model("clpm", syntax=nested.syntax, estimator=ctx.options.estimator,
                     missing=ctx.options.missing, n=int(sum(cres.n_obs)))
    cfm = measures_of(cres)
    test = _ri_boundary_test(spec, frame, res, pair, ctx)
    compare = pd.DataFrame([
        {"model": "RI-CLPM" + (" (improper)" if not adm.proper else ""),
         **{k: fm.get(k) for k in ("chisq", "df", "cfi", "rmsea", "srmr")}},
        {"model": "CLPM (random intercepts fixed at 0)",
         **{k: cfm.get(k) for k in ("chisq", "df", "cfi", "rmsea", "srmr")}}])
    bound = "" if adm.proper else ("; as the estimate is improper, the statistic compares the "
                                   "CLPM with the best admissible RI-CLPM")
    test_text = (f"Boundary-corrected test of the random intercepts (likelihood ratio, "
                 f"CLPM against RI-CLPM, referred to the chi-bar-square mixture whose weights "
                 f"follow from the information at the CLPM, {test.n_sim:,} simulated "
                 f"draws{bound}): χ̄² = {test.statistic:.2f}, "
                 f"p {_p_words(test.pvalue)}; the naive χ²(3) difference test would "
                 f"give p {_p_words(test.naive_pvalue)} and is conservative."
                 if test is not None else
                 "The boundary-corrected test could not be computed (the information of the "
                 "random-intercept variances at the CLPM is singular).")
    comp_table = T.from_frame(
        compare, id="tab-riclpm-compare", title="RI-CLPM and the nested CLPM: model fit",
        columns={"model": "Model", "chisq": "χ²", "df": "df", "cfi": "CFI", "rmsea": "RMSEA",
                 "srmr": "SRMR"},
        formats={"cfi": lambda v: T.bounded(v, 3), "rmsea": lambda v: T.bounded(v, 3),
                 "srmr": lambda v: T.bounded(v, 3)},
        note=f"{missing} {test_text}")
    results: dict = {"proper": adm.proper, "problems": adm.messages(),
                     "boundary_test": None if test is None else
                     {"statistic": test.statistic, "pvalue": test.pvalue,
                      "naive_pvalue": test.naive_pvalue, "n_sim": test.n_sim,
                      "weights": list(test.weights)}}
    if adm.proper:
        table, lag = _lagged_table(res.params, "W_", "tab-riclpm",
                                   "RI-CLPM: within-person lagged effects", missing)
        results["paths"] = {r.path: float(r.est) for r in lag.itertuples()}
        return Section(
            id="riclpm", title="Random-intercept cross-lagged panel model",
            paragraphs=["Within-person lagged effects of individual crafting and resilience "
                        "(Hamaker, Kuiper & Grasman, 2015), separating stable between-person "
                        f"differences (random intercepts). Fit: {fit_sentence(fm)}. "
                        + _sig_summary(lag), test_text],
            tables=[table, comp_table], results=results)
    reasons = "; ".join(dict.fromkeys(IMPROPER_REASON[k] for k in adm.kinds()))
    ctable, clag = _lagged_table(cres.params, "", "tab-clpm",
                                 "CLPM (the nested model): lagged effects", missing)
    results["clpm_paths"] = {r.path: float(r.est) for r in clag.itertuples()}
    return Section(
        id="riclpm", title="Random-intercept cross-lagged panel model",
        paragraphs=[
            "Improper solution: not interpreted. The RI-CLPM (Hamaker, Kuiper & Grasman, 2015) "
            "of individual crafting and resilience converged to estimates no population can "
            "have; as lavaan names them: " + "; ".join(f"“{m}”" for m in adm.messages())
            + ". Its estimates are therefore not shown.",
            f"Likely reason: {reasons}.",
            "Next step: the nested cross-lagged panel model (CLPM), which fixes the random-"
            "intercept variances and their covariance at zero, is shown instead. Whether the "
            "random intercepts are needed is judged by a boundary-corrected (chi-bar-square) "
            "test, because a variance cannot fall below zero. " + test_text
            + " The CLPM's lagged effects mix within- and between-person associations.",
            f"CLPM fit: {fit_sentence(cfm)}. " + _sig_summary(clag),
        ],
        tables=[comp_table, ctable], results=results)


def _ri_boundary_test(spec, frame: pd.DataFrame, res, pair: list[str], ctx: ReportContext):
    """The chi-bar-square test of the random intercepts' 2 x 2 covariance matrix."""
    from craftwave.analysis.sem.admissibility import ri_boundary_test
    from craftwave.instruments.errors import ModelError

    try:
        return ri_boundary_test(spec, frame, res, pair, missing=ctx.options.missing,
                                estimator=ctx.options.estimator)
    except (ModelError, KeyError):
        return None


def _p_words(p: float) -> str:
    return "< .001" if p < 0.001 else "= " + T.pval(p)


def _sig_summary(lag: pd.DataFrame) -> str:
    """Which lagged paths' 95% CIs exclude zero, in words."""
    sig = lag[(lag["ci_lower"] > 0) | (lag["ci_upper"] < 0)]
    if sig.empty:
        return "No lagged effect's 95% CI excludes zero."
    return ("Lagged effects whose 95% CI excludes zero: "
            + "; ".join(f"{r.path} (B = {T.num(r.est)}, 95% CI {r.ci})" for r in sig.itertuples())
            + ".")


def growth(ctx: ReportContext) -> Section:
    """Mean trajectories and linear growth models (``analysis.growth``)."""
    from craftwave.analysis.growth import growth as fit_growth

    frame = analysis_frame(ctx)
    waves = study_waves(ctx)
    cons = constructs_present(ctx, frame)
    fig = F.new_figure(6.0, 3.2)
    ax = fig.subplots()
    rows: list[dict] = []
    failed: list[str] = []
    for i, c in enumerate(cons):
        cols = [with_wave(c, w) for w in waves if with_wave(c, w) in frame.columns]
        ci = np.array([mean_ci(frame[col]) for col in cols])
        ax.errorbar(waves[:len(cols)], ci[:, 0], yerr=ci[:, 0] - ci[:, 1], marker="o",
                    capsize=3, label=SHORT[c], color=F.PALETTE[i % len(F.PALETTE)])
        long = frame[["participant_id", *cols]].melt(id_vars="participant_id", value_name="y")
        long["wave"] = [split_wave(v).wave for v in long["variable"]]
        long = long.dropna(subset=["y"])
        two = int((long.groupby("participant_id").size() >= 2).sum())
        if two < MINIMUM_CASES["growth"]:
            failed.append(f"{SHORT[c]}: {TooFewCases('growth', MINIMUM_CASES['growth'], two)}"
                          .replace("complete cases", "participants with two waves or more"))
            continue
        try:
            g = fit_growth(long, id="participant_id", time="wave", outcome="y",
                           random_slope=False)
        except Exception as exc:  # noqa: BLE001 - one construct's failure is reported in place
            failed.append(f"{SHORT[c]}: the growth model failed ({type(exc).__name__}: {exc})")
            continue
        slope = g.fixed.set_index("term").loc["time"]
        rows.append({"construct": SHORT[c], "est": slope["est"], "se": slope["se"],
                     "ci": T.ci(slope["ci_lower"], slope["ci_upper"], 3),
                     "pvalue": slope["pvalue"], "n": g.ngroups})
    ax.set_xticks(waves)
    ax.set_xlabel("Wave")
    ax.set_ylabel("Mean score (95% CI)")
    ax.legend(frameon=False, fontsize=7, ncol=2)
    F.style_axes(ax)
    if not rows:
        raise DataError("no growth model could be fitted: " + "; ".join(failed))
    table = pd.DataFrame(rows)
    return Section(
        id="growth", title="Change over waves",
        paragraphs=["Linear growth models (random intercept per participant, REML; time = "
                    "wave - 1) estimate each construct's average change per wave.", *failed],
        tables=[T.from_frame(table, id="tab-growth", title="Average change per wave",
                             columns={"construct": "Construct", "est": "Slope", "se": "SE",
                                      "ci": "95% CI", "pvalue": "p", "n": "Participants"},
                             formats={"est": lambda v: T.num(v, 3), "se": lambda v: T.num(v, 3)})],
        figures=[F.embed(fig, id="fig-growth", title="Mean scores by wave",
                         caption="Means of the participants who responded at each wave, "
                                 "with 95% CIs.")],
        results={"slopes": {r["construct"]: float(r["est"]) for r in rows}},
    )


def attrition(ctx: ReportContext) -> Section:
    """Completers vs dropouts on wave-1 scores and Little's MCAR test (``analysis.attrition``)."""
    from craftwave.analysis.attrition import dropout_comparison, little_mcar, missingness_patterns

    frame = analysis_frame(ctx)
    waves = study_waves(ctx)
    cons = constructs_present(ctx, frame)
    comp = dropout_comparison(frame, cons, waves)
    pats = missingness_patterns(frame, cons, waves)
    cols = [with_wave(c, w) for c in (FOCAL["x"], FOCAL["m"], FOCAL["y"]) for w in waves
            if with_wave(c, w) in frame.columns]
    mcar = little_mcar(frame, cols)
    stat = mcar.to_dict() if hasattr(mcar, "to_dict") else {}
    chi, df, p = (stat.get(k) for k in ("statistic", "df", "pvalue"))
    mcar_text = (f"Little's MCAR test on the focal scores: χ²({df:.0f}) = {chi:.2f}, "
                 f"p {_p_words(p)}" + ("; the data are consistent with missingness completely "
                                       "at random (which the test cannot prove)." if p >= 0.05
                                       else "; missingness is not completely at random, so "
                                       "FIML's missing-at-random assumption matters.")
                 if None not in (chi, df, p) else "Little's MCAR test could not be computed.")
    return Section(
        id="attrition", title="Attrition",
        paragraphs=["Participants who stayed were compared with those who left at each "
                    "transition, on their wave-1 scores (Welch t tests, Hedges' g). " + mcar_text],
        tables=[
            T.from_frame(comp, id="tab-dropout", title="Completers versus dropouts",
                         columns={"from_wave": "From", "to_wave": "To", "variable": "Variable",
                                  "n_completers": "n stay", "mean_completers": "M stay",
                                  "n_dropouts": "n left", "mean_dropouts": "M left",
                                  "pvalue": "p", "hedges_g": "g"},
                         formats={"from_wave": T.integer, "to_wave": T.integer,
                                  "variable": lambda v: var_label(str(v)),
                                  "n_completers": T.integer, "n_dropouts": T.integer}),
            T.from_frame(pats, id="tab-patterns", title="Participation patterns",
                         columns={"pattern": "Pattern", "n": "n", "share": "Share",
                                  "monotone": "Monotone"},
                         note="Pattern: 1 = took part at the wave, in wave order."),
        ],
        results={"mcar": stat},
    )


SECTIONS = [
    ("sample", "Sample and retention", sample),
    ("quality", "Data quality and exclusions", data_quality),
    ("descriptives", "Descriptives and correlations", descriptives),
    ("reliability", "Reliability", reliability),
    ("invariance", "Measurement invariance across waves", invariance),
    ("focal", "Focal model", focal_model),
    ("mediation", "Moderated mediation", moderated_mediation),
    ("riclpm", "Random-intercept cross-lagged panel model", riclpm),
    ("ordinal", "Items as ordered categories", ordinal_section),  # only when the study says so
    ("growth", "Change over waves", growth),
    ("attrition", "Attrition", attrition),
    ("flow", "Participant flow (CONSORT)", researcher_flow),
    ("itt", "Intention-to-treat analysis of the primary contrast", itt_section),
    ("intervention", "Intervention evaluation", intervention),
]
