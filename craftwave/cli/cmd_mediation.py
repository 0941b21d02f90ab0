"""``craftwave moderated-mediation``: PROCESS models 7, 8 and 14 with a fast bootstrap."""

from __future__ import annotations

import click

from craftwave.cli.output import echo_json, fail
from craftwave.cli.quality_opts import quality_options, screen


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


@click.command("moderated-mediation")
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--x", "x", required=True, help="Predictor column (e.g. icraft_w1).")
@click.option("--w", "w", help="Moderator of X -> M (models 7 and 8).")
@click.option("--m", "m", required=True, help="Mediator column.")
@click.option("--y", "y", required=True, help="Outcome column.")
@click.option("--v", "v", help="Moderator of M -> Y (model 14; --w is accepted there too).")
@click.option("--model", type=click.Choice(["7", "8", "14"]), default="7", show_default=True,
              help="PROCESS model number.")
@click.option("--covariates", help="Comma-separated covariates (entered in both equations).")
@click.option("--no-center", is_flag=True, help="Do not mean-centre the product's components.")
@click.option("--probe", default="meansd", show_default=True,
              help="meansd, percentile, or comma-separated moderator values.")
@click.option("--bootstrap", type=click.IntRange(min=0), default=5000, show_default=True,
              help="Bootstrap resamples (0: delta-method intervals only).")
@click.option("--seed", type=int, default=None, help="Seed of the bootstrap (reproducible).")
@click.option("--ci", type=click.Choice(["percentile", "bca"]), default="percentile",
              show_default=True, help="Bootstrap interval type.")
@click.option("--level", type=float, default=0.95, show_default=True)
@click.option("--missing", type=click.Choice(["listwise", "fiml"]), default="listwise",
              show_default=True,
              help="Listwise deletion (closed-form bootstrap) or FIML (general-path bootstrap).")
@click.option("--jobs", "n_jobs", type=int, default=1, show_default=True,
              help="Threads over resample chunks (results do not depend on it).")
@click.option("--plots", "plots", type=click.Path(file_okay=False),
              help="Write interaction.png and conditional_indirect.png into this directory.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@quality_options
def moderated_mediation_cmd(data, x, w, m, y, v, model, covariates, no_center, probe, bootstrap,
                            seed, ci, level, missing, n_jobs, plots, as_json, policy_file,
                            exclusions_file, quality_analysis) -> None:
    """Moderated mediation of X -> M -> Y on DATA.csv (one row per participant).

    Model 7 moderates X -> M by W; model 8 also X -> Y; model 14 moderates M -> Y by V.
    Estimates are ML (as lavaan sem() with fixed.x = TRUE); the bootstrap is solved in closed
    form, with centering constants and probe values fixed at their full-sample values.
    """
    import pandas as pd

    from craftwave.analysis.mediation import moderated_mediation
    from craftwave.instruments.errors import CraftwaveError

    if probe in ("meansd", "percentile"):
        probes = probe
    else:
        try:
            probes = [float(p) for p in _split(probe)]
        except ValueError:
            fail(f"--probe must be meansd, percentile or numbers separated by commas; got {probe!r}")
    try:
        frame = screen(pd.read_csv(data, dtype={"participant_id": str}), policy_file,
                       exclusions_file, quality_analysis)
        res = moderated_mediation(
            frame, x=x, w=w, m=m, y=y, v=v, covariates=_split(covariates),
            center=not no_center, model=int(model), probe=probes, bootstrap=bootstrap,
            seed=seed, ci=ci, level=level, n_jobs=n_jobs, progress=not as_json and bootstrap > 0,
            missing=missing,
        )
    except CraftwaveError as exc:
        fail(str(exc))
    written = res.save_plots(plots) if plots else []
    if as_json:
        out = res.to_dict()
        if written:
            out["plots"] = [str(p) for p in written]
        echo_json(out)
        return
    click.echo(res.summary())
    for p in written:
        click.echo(f"plot: {p}")


COMMANDS = [moderated_mediation_cmd]
