"""The researcher report's section on items as ordered categories (``analysis: {indicators:
ordinal}`` in the study file).

Individual crafting and resilience (the RI-CLPM's pair) are each measured at every wave by three
of their items as ordered indicators (:func:`craftwave.reports.items.ordinal_indicators`), fitted
by WLSMV with missing answers pairwise (FIML is not available for WLSMV):

1. the longitudinal ordinal invariance sequence of each construct (configural, thresholds,
   metric, scalar; Wu and Estabrook 2016), as ``craftwave invariance --long ... --ordered``;
2. the multiple-indicator RI-CLPM (Mulder and Hamaker 2021) with each item's thresholds equal
   across waves, as ``craftwave model riclpm --indicators ... --ordered``; when its solution is
   improper, the nested multiple-indicator CLPM (random intercepts fixed at zero) is shown
   instead. The chi-bar-square test of the random intercepts that the continuous section uses
   is not available under WLSMV (it needs a likelihood), and the report says so.

Under the default (continuous) the section is left out of the report; the reliability section
recommends ordered categories when items have four or fewer answer categories.
"""

from __future__ import annotations

import pandas as pd

from craftwave.instruments.names import item_var
from craftwave.reports import tables as T
from craftwave.reports.items import item_frame, item_text, ordinal_indicators
from craftwave.reports.labels import var_label
from craftwave.reports.minimums import require_cases
from craftwave.reports.sections.base import ReportContext, Section
from craftwave.reports.sections.common import FOCAL, LABELS, study_waves

__all__ = ["ORDINAL_MISSING", "analysed_items", "commands", "indicators", "ordinal",
           "reproduce_lines", "study_is_ordinal", "write_models"]

#: Missing answers in the ordinal models (lavaan's missing = "pairwise"; no FIML for WLSMV).
ORDINAL_MISSING = "pairwise"
ITEMS_CSV = "items_analysed.csv"


def study_is_ordinal(ctx: ReportContext) -> bool:
    """Whether the study file says ``analysis: {indicators: ordinal}``."""
    from craftwave.reports.sections.researcher import study_indicators

    return study_indicators(ctx) == "ordinal"


def pair() -> list[str]:
    return [FOCAL["x"], FOCAL["m"]]


def indicators(ctx: ReportContext) -> dict[str, list[str]]:
    """Construct -> the item ids measuring it as ordered indicators."""
    from craftwave.instruments import load_library

    lib = load_library()
    return ctx.shared("ordinal_indicators",
                      lambda: {c: ordinal_indicators(lib[c]) for c in pair()})


def analysed_items(ctx: ReportContext) -> pd.DataFrame:
    """The item answers after the quality policy (what ``craftwave scores --items`` writes)."""
    from craftwave.reports.sections.researcher import _kept_wide

    return ctx.shared("ordinal_items", lambda: item_frame(_kept_wide(ctx)))


def _label(name: str) -> str:
    """``F_icraft_w2`` -> ``Individual crafting (W2)``; other names as :func:`var_label`."""
    return var_label(name[2:]) if name.startswith("F_") else var_label(name)


def _invariance_model(construct: str, items: list[str], waves: list[int]) -> tuple[str, list[str]]:
    factors = [f"{construct.upper()}{w}" for w in waves]
    lines = [f"{f} =~ " + " + ".join(item_var(construct, it, w) for it in items)
             for f, w in zip(factors, waves, strict=True)]
    return "\n".join(lines), factors


def _fit_row(name: str, fm: dict) -> dict:
    def num(key):
        v = fm.get(key)
        return None if v is None else float(v)

    return {"model": name, "chisq": num("chisq_scaled"), "df": fm.get("df"),
            "cfi": num("cfi_scaled"), "rmsea": num("rmsea_scaled"), "srmr": num("srmr")}


def _lagged(params: pd.DataFrame, prefix: str, id: str, title: str, note: str):
    lag = params[(params["op"] == "~") & params["lhs"].str.startswith(prefix)].copy()
    lag["path"] = [f"{_label(r)} → {_label(lh)}" for lh, r in zip(lag["lhs"], lag["rhs"],
                                                                  strict=True)]
    lag["ci"] = [T.ci(a, b) for a, b in zip(lag["ci_lower"], lag["ci_upper"], strict=True)]
    table = T.from_frame(lag, id=id, title=title, note=note,
                         columns={"path": "Path", "est": "B", "se": "SE", "ci": "95% CI",
                                  "pvalue": "p", "std_all": "β"},
                         formats={"std_all": T.bounded})
    return table, lag


def ordinal(ctx: ReportContext) -> Section | None:
    """Ordinal invariance across waves and the ordinal RI-CLPM (or CLPM), by WLSMV."""
    if not study_is_ordinal(ctx):
        return None
    from craftwave.analysis.panel import clpm, riclpm
    from craftwave.analysis.sem.categorical.invariance import ordinal_invariance
    from craftwave.analysis.sem.categorical.polychoric import recode_ordinal
    from craftwave.instruments import load_library

    lib = load_library()
    waves = list(study_waves(ctx))
    items = analysed_items(ctx)
    inds = indicators(ctx)
    cs = pair()
    rows = []
    for c in cs:
        for it in inds[c]:
            cols = [item_var(c, it, w) for w in waves]
            present = [v for v in cols if v in items.columns]
            cats = sorted({len(recode_ordinal(items[v])[1]) for v in present}) if present else []
            rows.append({"construct": LABELS[c].capitalize(), "item": f"{lib[c].prefix}_{it}",
                         "text": item_text(lib[c], it),
                         "categories": ", ".join(map(str, cats)) or "–"})
    item_table = T.from_frame(
        pd.DataFrame(rows), id="tab-ordinal-items", title="Items used as ordered indicators",
        columns={"construct": "Construct", "item": "Item", "text": "Wording",
                 "categories": "Categories"},
        note="Each construct is measured at every wave by the first three items of its first "
             "subscale, as ordered categories (reverse-keyed items reversed; answers outside "
             "the response scale missing). Categories: the number of answer categories "
             "observed (the same at every wave, which equal thresholds require).")
    tables = [item_table]
    results: dict = {"indicators": inds, "missing": ORDINAL_MISSING, "estimator": "WLSMV"}
    missing_text = ("WLSMV (thresholds and polychoric correlations, diagonally weighted least "
                    "squares, robust SEs, scaled-and-shifted test); missing answers pairwise "
                    "(FIML is not available for WLSMV)")
    # -- ordinal invariance across waves ------------------------------------------------------
    reached = {}
    for c in cs:
        model, factors = _invariance_model(c, inds[c], waves)
        require_cases("invariance", items, [v for v in items.columns
                                            if any(v.startswith(f"{c}_{it}_w") for it in inds[c])])
        inv = ordinal_invariance(model, items, long=factors, missing=ORDINAL_MISSING)
        steps = inv.steps
        tables.append(T.from_frame(
            steps, id=f"tab-ordinal-inv-{c}",
            title=f"Longitudinal invariance of {LABELS[c]}, items as ordered categories",
            columns={k: v for k, v in {"level": "Level", "chisq": "χ²", "df": "df",
                                       "cfi": "CFI", "rmsea": "RMSEA", "srmr": "SRMR",
                                       "delta_chisq": "Δχ²", "delta_df": "Δdf",
                                       "delta_pvalue": "p", "delta_cfi": "ΔCFI",
                                       "delta_rmsea": "ΔRMSEA"}.items() if k in steps.columns},
            formats={"df": T.integer, "delta_df": T.integer,
                     "cfi": lambda v: T.bounded(v, 3), "rmsea": lambda v: T.bounded(v, 3),
                     "srmr": lambda v: T.bounded(v, 3), "delta_cfi": lambda v: T.bounded(v, 3),
                     "delta_rmsea": lambda v: T.bounded(v, 3), "delta_pvalue": T.pval},
            note="Levels identified as Wu & Estabrook (2016): thresholds, then loadings, then "
                 "intercepts equal across waves. χ², CFI and RMSEA are the scaled (WLSMV) "
                 "versions; Δχ² is Satorra's (2000) scaled-and-shifted difference test (lavaan's "
                 f"lavTestLRT). Level reached: {inv.level_reached}. {missing_text}."))
        reached[c] = inv.level_reached
        ctx.record.model(f"ordinal_invariance_{c}", syntax=inv.syntax["configural"],
                         estimator="WLSMV", missing=ORDINAL_MISSING, n=int(inv.nobs),
                         input=model, factors=factors, ordered=True)
    results["level_reached"] = reached
    # -- the ordinal RI-CLPM, or the nested CLPM -----------------------------------------------
    spec = riclpm(cs, waves, indicators=inds, ordered=True)
    require_cases("riclpm", items, spec.observed)
    res = ctx.shared("ordinal_riclpm_fit", lambda: spec.fit(items))
    ctx.record.model("ordinal_riclpm", syntax=spec.full_syntax(items), estimator="WLSMV",
                     missing=ORDINAL_MISSING, n=res.nobs, ordered=True)
    nested = clpm(cs, waves, indicators=inds, ordered=True, item_covariances=False)
    cres = ctx.shared("ordinal_clpm_fit", lambda: nested.fit(items))
    ctx.record.model("ordinal_clpm", syntax=nested.full_syntax(items), estimator="WLSMV",
                     missing=ORDINAL_MISSING, n=cres.nobs, ordered=True)
    problems = res.improper()
    proper = not problems
    no_test = ("The boundary-corrected (chi-bar-square) test of the random intercepts that the "
               "continuous models use is not available under WLSMV: it needs a likelihood, and "
               "the scaled difference test does not allow for variances at their boundary of "
               "zero; the two models are compared by their fit only.")
    compare = pd.DataFrame([
        _fit_row("RI-CLPM" + ("" if proper else " (improper)"), res.fit),
        _fit_row("CLPM (random intercepts fixed at 0)", cres.fit)])
    comp_table = T.from_frame(
        compare, id="tab-ordinal-riclpm-compare",
        title="Ordinal RI-CLPM and the nested CLPM: model fit",
        columns={"model": "Model", "chisq": "χ²", "df": "df", "cfi": "CFI", "rmsea": "RMSEA",
                 "srmr": "SRMR"},
        formats={"df": T.integer, "cfi": lambda v: T.bounded(v, 3),
                 "rmsea": lambda v: T.bounded(v, 3), "srmr": lambda v: T.bounded(v, 3)},
        note=f"Scaled χ², CFI and RMSEA (WLSMV). {missing_text}. {no_test}")
    results.update(proper=proper, problems=problems, boundary_test=None,
                   fit={"riclpm": _fit_row("riclpm", res.fit), "clpm": _fit_row("clpm", cres.fit)})
    lead = ("Items as ordered categories (the study file's analysis: indicators: ordinal): "
            "individual crafting and resilience each measured at every wave by three items, "
            "with each item's loading and thresholds equal across waves. Invariance reached: "
            + "; ".join(f"{LABELS[c]}: {lvl}" for c, lvl in reached.items()) + ".")
    note = f"{missing_text}. Thresholds and loadings equal across waves."
    if proper:
        table, lag = _lagged(res.params, "W_", "tab-ordinal-riclpm",
                             "Ordinal RI-CLPM: within-person lagged effects", note)
        results["paths"] = {r.path: float(r.est) for r in lag.itertuples()}
        paras = [lead, "Within-person lagged effects from the multiple-indicator RI-CLPM "
                 "(Hamaker, Kuiper & Grasman, 2015; Mulder & Hamaker, 2021) of the items as "
                 "ordered categories. " + _sig_summary(lag), no_test]
        tables += [table, comp_table]
    else:
        table, lag = _lagged(cres.params, "F_", "tab-ordinal-clpm",
                             "Ordinal CLPM (the nested model): lagged effects", note)
        results["clpm_paths"] = {r.path: float(r.est) for r in lag.itertuples()}
        paras = [lead,
                 "Improper solution: not interpreted. The ordinal RI-CLPM converged to estimates "
                 "no population can have (" + "; ".join(problems) + "); its estimates are not "
                 "shown. The nested multiple-indicator CLPM, which fixes the random intercepts' "
                 "variances and covariances at zero, is shown instead; its lagged effects mix "
                 "within- and between-person associations. " + _sig_summary(lag), no_test]
        tables += [comp_table, table]
    return Section(id="ordinal", title="Items as ordered categories", paragraphs=paras,
                   tables=tables, results=results)


def _sig_summary(lag: pd.DataFrame) -> str:
    from craftwave.reports.sections.researcher import _sig_summary as words

    return words(lag)


# -- hooks for the appendix: commands, model files and reproduce.R ------------------------------


def commands(ctx: ReportContext) -> dict[str, str]:
    """Table id -> the craftwave command that reproduces it (empty unless the study is ordinal)."""
    if not study_is_ordinal(ctx):
        return {}
    excl = " --exclusions exclusions.csv" if ctx.policy.excludes else ""
    export = f"craftwave scores EXPORT_DIR --items{excl} --out {ITEMS_CSV}"
    waves = ",".join(str(w) for w in study_waves(ctx))
    inds = indicators(ctx)
    flags = " ".join(f"--indicators {c}:{','.join(items)}" for c, items in inds.items())
    model = (f"--constructs {','.join(inds)} --waves {waves} {flags} --ordered "
             f"--missing {ORDINAL_MISSING} --fit {ITEMS_CSV} --json")
    out = {"tab-ordinal-items": export,
           "tab-ordinal-riclpm": f"{export} && craftwave model riclpm {model}",
           "tab-ordinal-clpm": f"{export} && craftwave model clpm {model.replace(' --ordered', ' --ordered --no-item-covariances')}"}
    out["tab-ordinal-riclpm-compare"] = out["tab-ordinal-riclpm"] + "\n" + out["tab-ordinal-clpm"]
    for name, m in ctx.record.models.items():
        if name.startswith("ordinal_invariance_") and m.get("factors"):
            c = name.removeprefix("ordinal_invariance_")
            out[f"tab-ordinal-inv-{c}"] = (
                f"{export} && craftwave invariance {name}.lav {ITEMS_CSV} --long "
                f"{','.join(m['factors'])} --ordered --missing {ORDINAL_MISSING} --json")
    return out


def write_models(ctx: ReportContext, out_dir) -> None:
    """Write the configural models the invariance commands read (``ordinal_invariance_*.lav``)."""
    for name, m in ctx.record.models.items():
        if name.startswith("ordinal_invariance_") and m.get("input"):
            (out_dir / f"{name}.lav").write_text(m["input"] + "\n", encoding="utf-8")


def reproduce_lines(ctx: ReportContext, syntaxes: dict[str, str]) -> list[str]:
    """reproduce.R's part for the ordinal models: the items as the report analysed them, and
    each model refitted by lavaan's WLSMV with missing answers pairwise."""
    ordinal = {n: s for n, s in syntaxes.items() if ctx.record.models.get(n, {}).get("ordered")}
    if not ordinal:
        return []
    from craftwave.instruments import load_library

    lib = load_library()
    waves = list(study_waves(ctx))
    inds = indicators(ctx)
    lines = ["# Items as ordered categories (the study file's analysis: indicators: ordinal):",
             "# the answers of wide.csv, reverse keyed and with answers off the response scale",
             "# missing, as craftwave scores --items writes them.",
             'items <- read.csv(file.path(export_dir, "wide.csv"), stringsAsFactors = FALSE)']
    for c, ids in inds.items():
        inst = lib[c]
        for it in ids:
            item = next(i for i in inst.scored_items if i.id == it)
            scale = inst.scale_of(item)
            for w in waves:
                col = item_var(inst.prefix, it, w)
                if scale is not None:
                    ok = ", ".join(f"{v:g}" for v in scale.substantive_values)
                    lines.append(f"items${col}[!(items${col} %in% c({ok}))] <- NA")
                    if inst.is_reversed(it):
                        lines.append(f"items${col} <- {scale.minimum + scale.maximum:g} - "
                                     f"items${col}")
    lines += ['if (file.exists("exclusions.csv")) {',
              "  for (i in seq_len(nrow(excl))) {",
              '    cols <- grep(paste0("_w", excl$wave[i], "$"), names(items))',
              "    items[items$participant_id == excl$participant_id[i], cols] <- NA",
              "  }",
              "}",
              ""]
    for name, syntax in ordinal.items():
        var = f"model_{name}"
        fit_fn = "sem"
        ordered = f'lavNames(lavaanify({var}), "ov")'
        lines += [f"{var} <- '", syntax.strip().replace("'", "\\'"), "'"]
        if name.startswith("ordinal_invariance_"):
            lines.append(f"# {name}: the configural model; craftwave invariance --ordered "
                         "writes every level's syntax (its JSON)")
            fit_fn = "cfa"
            lines.append(f"fit_{name} <- cfa({var}, data = items, ordered = {ordered}, "
                         "estimator = \"WLSMV\", missing = \"pairwise\", std.lv = TRUE)")
        else:
            lines.append(f"fit_{name} <- {fit_fn}({var}, data = items, ordered = {ordered}, "
                         "estimator = \"WLSMV\", missing = \"pairwise\")")
        lines += [f"summary(fit_{name}, fit.measures = TRUE, standardized = TRUE)",
                  f"write.csv(parameterEstimates(fit_{name}, standardized = TRUE), "
                  f"\"lavaan_{name}.csv\", row.names = FALSE)", ""]
    return lines
