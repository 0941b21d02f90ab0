"""The appendix: every model's lavaan syntax and ``reproduce.R``, an R script that refits the
main models from the exported scores with lavaan."""

from __future__ import annotations

from pathlib import Path

from craftwave.instruments.names import product_var, with_wave
from craftwave.reports.sections.base import ReportContext, Section
from craftwave.reports.sections.common import FOCAL
from craftwave.reports.sections.models import focal_spec, focal_waves
from craftwave.reports.sections.ordinal import commands as ordinal_commands
from craftwave.reports.sections.ordinal import reproduce_lines as ordinal_reproduce_lines
from craftwave.reports.sections.ordinal import write_models as write_ordinal_models


def model_syntaxes(ctx: ReportContext) -> dict[str, str]:
    """Every model's lavaan syntax: what was fitted, plus the builders' output for the rest."""
    out = {name: m["syntax"] for name, m in ctx.record.models.items() if m.get("syntax")}
    if "focal" not in out:
        try:
            out["focal"] = focal_spec(ctx).syntax
        except Exception:  # noqa: BLE001 - builders not available
            pass
    if "riclpm" not in out:
        try:
            from craftwave.analysis.panel import riclpm

            out["riclpm"] = riclpm([FOCAL["x"], FOCAL["m"]], list(ctx.study.waves)
                                   or ctx.data.waves).syntax
        except Exception:  # noqa: BLE001
            pass
    return out


def reproduce_r(ctx: ReportContext, syntaxes: dict[str, str]) -> str:
    """An R script that reads the exported scores and refits the models with lavaan.

    Run it from the report's directory with the export directory as argument:
    ``Rscript reproduce.R /path/to/export``. It applies the report's careless-responding
    exclusions (``exclusions.csv`` beside it), fits each model with the report's estimator and
    missing-data method, prints the summaries and writes ``lavaan_<model>.csv``.
    """
    missing = "ml" if ctx.options.missing == "fiml" else "listwise"
    # craftwave's panel builders fit FIML with the observed predictors treated as random
    # (fixed_x=False), so participants with a missing predictor are kept; lavaan's default
    # (fixed.x = TRUE) would delete them.
    fixed_x = ", fixed.x = FALSE" if missing == "ml" else ""
    lines = [
        "# Refit the main models of this craftwave report with lavaan.",
        "# Run from the report's directory:  Rscript reproduce.R /path/to/export",
        "suppressPackageStartupMessages(library(lavaan))",
        "args <- commandArgs(trailingOnly = TRUE)",
        'export_dir <- if (length(args) >= 1) args[1] else "."',
        'scores <- read.csv(file.path(export_dir, "scores.csv"), stringsAsFactors = FALSE)',
        "# The report's exclusions: the flagged waves' scores are set to missing.",
        'if (file.exists("exclusions.csv")) {',
        '  excl <- read.csv("exclusions.csv", stringsAsFactors = FALSE)',
        "  for (i in seq_len(nrow(excl))) {",
        '    cols <- grep(paste0("_w", excl$wave[i], "$"), names(scores))',
        "    scores[scores$participant_id == excl$participant_id[i], cols] <- NA",
        "  }",
        "}",
        "",
    ]
    try:
        w1, _, _ = focal_waves(ctx)
        x, w = with_wave(FOCAL["x"], w1), with_wave(FOCAL["w"], w1)
        spec = focal_spec(ctx)
        means = spec.options.get("centering_means", {})
        if spec.options.get("center", True):
            lines += ["# The focal model's product term, centred at the report's full-sample "
                      "means."]
            for v in (x, w):
                centre = repr(means[v]) if v in means else f"mean(scores${v}, na.rm = TRUE)"
                lines.append(f"scores${v} <- scores${v} - {centre}")
        lines += [f"scores${product_var(x, w)} <- scores${x} * scores${w}", ""]
    except Exception:  # noqa: BLE001 - no focal model in this study
        pass
    for name, syntax in syntaxes.items():
        if name == "moderated_mediation":
            continue  # the same hypothesis as the focal model, on complete cases
        if ctx.record.models.get(name, {}).get("ordered"):
            continue  # items as ordered categories: refitted by WLSMV below
        var = f"model_{name}"
        lines += [f"{var} <- '", syntax.strip().replace("'", "\\'"), "'",
                  f"fit_{name} <- sem({var}, data = scores, missing = \"{missing}\"{fixed_x}, "
                  f"estimator = \"{ctx.options.estimator}\")",
                  f"summary(fit_{name}, fit.measures = TRUE, standardized = TRUE)",
                  f"write.csv(parameterEstimates(fit_{name}, standardized = TRUE), "
                  f"\"lavaan_{name}.csv\", row.names = FALSE)", ""]
    lines += ordinal_reproduce_lines(ctx, syntaxes)
    return "\n".join(lines) + "\n"


def cli_commands(ctx: ReportContext, table_ids: list[str]) -> list[tuple[str, str]]:
    """For each reproducible table of the report, the ``craftwave`` command that gives it.

    The commands read the export directory with the same quality policy (study.yaml) and,
    when the policy excluded answers, the report's ``exclusions.csv``. Commands that read a
    CSV of scores (``moderated-mediation``, ``growth``, ``attrition``) get it from
    ``craftwave scores EXPORT_DIR``, which writes the scores the report analysed.
    """
    from craftwave.reports.sections.common import constructs_present

    waves = ",".join(str(w) for w in (list(ctx.study.waves) or ctx.data.waves))
    excl = " --exclusions exclusions.csv" if ctx.policy.excludes else ""
    common = f" --fit EXPORT_DIR --missing {ctx.options.missing}{excl} --json"
    wide = f"craftwave scores EXPORT_DIR{excl} --out scores_analysed.csv && "
    long = f"craftwave scores EXPORT_DIR{excl} --long --out scores_long.csv && "
    pair = f"{FOCAL['x']},{FOCAL['m']}"
    known = {
        "tab-focal": "craftwave model focal" + common,
        "tab-riclpm": f"craftwave model riclpm --constructs {pair} --waves {waves}" + common,
        "tab-clpm": f"craftwave model clpm --constructs {pair} --waves {waves}" + common,
    }
    known["tab-riclpm-compare"] = known["tab-riclpm"] + "\n" + known["tab-clpm"]
    known["tab-focal-r2"] = (known["tab-focal"] + "  # R² = 1 − std_all of each outcome's "
                             "residual variance (op ~~)")
    known.update(count_commands(ctx))
    try:
        cons = constructs_present(ctx)
    except Exception:  # noqa: BLE001 - no scores: no descriptive tables either
        cons = []
    stems = ",".join(cons)
    for w in (list(ctx.study.waves) or ctx.data.waves):
        known[f"tab-cor-w{w}"] = (f"craftwave descriptives EXPORT_DIR --constructs {stems} "
                                  f"--waves {w}{excl} --json")
    known["tab-growth"] = "\n".join(
        f"{long}craftwave growth scores_long.csv --id participant_id --time wave "
        f"--outcome {c} --json" for c in cons)
    focal_three = ",".join(dict.fromkeys((FOCAL["x"], FOCAL["m"], FOCAL["y"])))
    known["tab-dropout"] = (
        f"{wide}craftwave attrition scores_analysed.csv --constructs {stems} --waves {waves} "
        f"--json\n{wide}craftwave attrition scores_analysed.csv --constructs {focal_three} "
        f"--waves {waves} --json  # Little's MCAR test on the focal scores (little_mcar)")
    known["tab-patterns"] = known["tab-dropout"].splitlines()[0]
    for t in ("tab-ancova", "tab-did", "tab-attrition-arm"):
        known[t] = "craftwave intervention EXPORT_DIR --json"
    # the primary and MI rows and the tipping points (every randomised participant; the row
    # without flagged answers is the same model on `craftwave scores` data)
    known["tab-itt"] = known["tab-tipping"] = (
        f"craftwave itt --data EXPORT_DIR --sensitivity --seed {ctx.options.seed} --json")
    known["tab-itt"] += "\n" + itt_flagged_command(ctx)
    known["tab-reliability"] = f"craftwave reliability EXPORT_DIR{excl} --json"
    if "tab-reliability-ordinal" in table_ids:  # one command per scale and wave (key "ordinal")
        from craftwave.reports.sections.researcher import (
            ordinal_reliability_frame,
            reliability_frame,
        )

        rows = ordinal_reliability_frame(ctx, reliability_frame(ctx))
        known["tab-reliability-ordinal"] = "\n".join(
            f"craftwave reliability EXPORT_DIR{excl} --instrument {r.instrument} --wave {r.wave}"
            + (f" --subscale {r.subscale}" if r.subscale else "") + " --ordinal --json"
            for r in rows.itertuples())
    for name, m in ctx.record.models.items():  # the model files appendix() writes
        if name.startswith("invariance_") and m.get("input") and m.get("factors"):
            c = name.removeprefix("invariance_")
            known[f"tab-inv-{c}"] = (
                f"{wide}craftwave invariance {name}.lav scores_analysed.csv --long "
                f"{','.join(m['factors'])} --missing {m['missing']} "
                f"--estimator {str(m['estimator']).lower()} --json")
    known["tab-quality"] = ("craftwave quality EXPORT_DIR --quality-policy EXPORT_DIR/study.yaml "
                            "--json  # flags per participant-wave; count them by wave")
    try:
        w1, w2, w3 = focal_waves(ctx)
    except Exception:  # noqa: BLE001 - fewer than three waves: no mediation table
        w1 = None
    if w1 is not None:
        known["tab-cond-indirect"] = (
            f"{wide}craftwave moderated-mediation scores_analysed.csv "
            f"--x {with_wave(FOCAL['x'], w1)} --w {with_wave(FOCAL['w'], w1)} "
            f"--m {with_wave(FOCAL['m'], w2)} --y {with_wave(FOCAL['y'], w3)} "
            f"--covariates {with_wave(FOCAL['m'], w1)},{with_wave(FOCAL['y'], w2)} "
            f"--bootstrap {ctx.options.bootstrap} --seed {ctx.options.seed} --json")
    known.update(ordinal_commands(ctx))
    return [(t, known[t]) for t in table_ids if t in known]


def count_commands(ctx: ReportContext) -> dict[str, str]:
    """The command behind each count table (``craftwave counts``, :mod:`craftwave.reports.
    counts`): the sample, the CONSORT flow and the uptake by arm."""
    keep = " --keep-careless" if ctx.options.exclude_careless is False else ""
    cmd = f"craftwave counts EXPORT_DIR{keep} --json"
    return {t: f"{cmd}  # its table \"{t}\"" for t in ("tab-sample", "tab-flow-entry", "tab-flow",
                                                "tab-uptake-arm")}


def itt_flagged_command(ctx: ReportContext) -> str:
    """The ITT table's sensitivity row "flagged answers set to missing": the same model with
    the report's exclusions (none under a policy that excludes nothing)."""
    excl = " --exclusions exclusions.csv" if ctx.policy.excludes else ""
    return (f"craftwave itt --data EXPORT_DIR{excl} --json  # the row \"flagged answers set "
            "to missing\" (sensitivity, not ITT)")


def appendix(ctx: ReportContext, out_dir: Path | None = None,
             table_ids: list[str] | None = None, refs: dict[str, str] | None = None) -> Section:
    """The appendix section (and ``reproduce.R`` in ``out_dir``)."""
    syntaxes = model_syntaxes(ctx)
    script = reproduce_r(ctx, syntaxes)
    if out_dir is not None:
        (out_dir / "reproduce.R").write_text(script, encoding="utf-8")
        for name, m in ctx.record.models.items():  # models the appendix's commands read
            if name.startswith("invariance_") and m.get("input"):
                (out_dir / f"{name}.lav").write_text(m["input"] + "\n", encoding="utf-8")
        write_ordinal_models(ctx, out_dir)
        excl = ctx.record.exclusions
        if excl is not None and {"participant_id", "wave"} <= set(excl.columns):
            cols = [c for c in ("participant_id", "wave", "reasons") if c in excl.columns]
            excl[cols].to_csv(out_dir / "exclusions.csv", index=False)
    code = [(f"lavaan syntax: {name}", s) for name, s in syntaxes.items()]
    commands = cli_commands(ctx, table_ids or [])
    if commands:
        code.insert(0, ("Commands that reproduce the tables (run from this report's directory)",
                        "\n".join(f"# {(refs or {}).get(t, t)}\n{c}" for t, c in commands)))
    return Section(
        id="appendix", title="Appendix: model syntax and R script",
        paragraphs=["Each model's lavaan syntax, once, as fitted. reproduce.R, written next to "
                    "this report with exclusions.csv (the participant-waves the study's quality "
                    "policy excluded; empty when it excluded none), refits the lavaan models "
                    "from the export's scores with the same exclusions, estimator and "
                    "missing-data method: Rscript reproduce.R /path/to/export (run from the "
                    "report's directory). It holds the same syntax, so it is not repeated "
                    "here."],
        code=code, results={"models": sorted(syntaxes), "commands": dict(commands)},
    )
