"""The appendix: every model's lavaan syntax and ``reproduce.R``, an R script that refits the
main models from the exported ``wide.csv`` with lavaan."""

from __future__ import annotations

from pathlib import Path

from instruments.names import product_var, with_wave

from .sections.base import ReportContext, Section
from .sections.common import FOCAL
from .sections.models import focal_spec, focal_waves


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
            from analysis.panel import riclpm

            out["riclpm"] = riclpm([FOCAL["x"], FOCAL["m"]], list(ctx.study.waves)
                                   or ctx.data.waves).syntax
        except Exception:  # noqa: BLE001
            pass
    return out


def reproduce_r(ctx: ReportContext, syntaxes: dict[str, str]) -> str:
    """An R script that reads the exported ``wide.csv`` and refits the models with lavaan."""
    missing = "ml" if ctx.options.missing == "fiml" else "listwise"
    lines = [
        "# Refit the main models of this craftwave report with lavaan.",
        "# Run from the export directory (it needs wide.csv, or scores.csv with the scores):",
        "#   Rscript reproduce.R",
        "# Scores are recomputed by craftwave; this script reads the exported scores.",
        "suppressPackageStartupMessages(library(lavaan))",
        'scores <- if (file.exists("scores.csv")) read.csv("scores.csv") else '
        'read.csv("wide.csv")',
        "",
    ]
    try:
        w1, _, _ = focal_waves(ctx)
        x, w = with_wave(FOCAL["x"], w1), with_wave(FOCAL["w"], w1)
        spec = focal_spec(ctx)
        means = spec.options.get("centering_means", {})
        lines += [
            "# The focal model's product term, centred at the full-sample means used in the "
            "report.",
            f"scores${x} <- scores${x} - {means.get(x, 'mean(scores$' + x + ', na.rm = TRUE)')}",
            f"scores${w} <- scores${w} - {means.get(w, 'mean(scores$' + w + ', na.rm = TRUE)')}",
            f"scores${product_var(x, w)} <- scores${x} * scores${w}",
            "",
        ]
    except Exception:  # noqa: BLE001
        pass
    for name, syntax in syntaxes.items():
        if name == "moderated_mediation":
            continue  # the same hypothesis as the focal model, on complete cases
        var = f"model_{name}"
        lines += [f"{var} <- '", syntax.strip().replace("'", "\\'"), "'",
                  f"fit_{name} <- sem({var}, data = scores, missing = \"{missing}\", "
                  f"estimator = \"{ctx.options.estimator}\")",
                  f"summary(fit_{name}, fit.measures = TRUE, standardized = TRUE)", ""]
    return "\n".join(lines) + "\n"


def appendix(ctx: ReportContext, out_dir: Path | None = None) -> Section:
    """The appendix section (and ``reproduce.R`` in ``out_dir``)."""
    syntaxes = model_syntaxes(ctx)
    script = reproduce_r(ctx, syntaxes)
    if out_dir is not None:
        (out_dir / "reproduce.R").write_text(script, encoding="utf-8")
    code = [(f"lavaan syntax: {name}", s) for name, s in syntaxes.items()]
    code.append(("reproduce.R", script))
    return Section(
        id="appendix", title="Appendix: model syntax and R script",
        paragraphs=["Each model's syntax as fitted. reproduce.R (also written next to this "
                    "report) refits the lavaan models from the export with the same "
                    "missing-data method."],
        code=code, results={"models": sorted(syntaxes)},
    )
