"""``craftwave report researcher|platform``: build a report from an export directory."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("report")
@click.argument("kind", type=click.Choice(["researcher", "platform"]))
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              required=True, help="Export directory written by `craftwave export`.")
@click.option("--study", "study", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="study.yaml (default: study.yaml in the export directory, "
              "else facts inferred from the data).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Directory for the report files.")
@click.option("--format", "formats", default="html", show_default=True,
              help="Comma-separated: html, pdf.")
@click.option("--bootstrap", type=click.IntRange(min=0), default=1000, show_default=True,
              help="Bootstrap resamples of the moderated mediation.")
@click.option("--seed", type=int, default=20261123, show_default=True, help="Bootstrap seed.")
@click.option("--k", "k", type=click.IntRange(min=1), default=None,
              help="Hide groups under k participants (default: the study's k_threshold, or 10).")
@click.option("--missing", type=click.Choice(["fiml", "listwise"]), default="fiml",
              show_default=True, help="Missing-data method of the panel models.")
@click.option("--keep-careless", is_flag=True,
              help="Do not exclude participant-waves flagged as careless.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def report(kind, data_dir, study, out_dir, formats, bootstrap, seed, k, missing, keep_careless,
           quiet):
    """Build the researcher or the platform (community-intervention) report.

    \b
    Examples:
      craftwave report researcher --data export/ --out reports/ --format html,pdf
      craftwave report platform --data export/ --study study.yaml --out reports/ --k 10
    """
    from craftwave.cli.output import fail
    from instruments.errors import CraftwaveError
    from reports import build_report

    try:
        res = build_report(kind, data_dir, out_dir, formats, study=study, bootstrap=bootstrap,
                           seed=seed, k=k, missing=missing, exclude_careless=not keep_careless,
                           progress=not quiet)
    except CraftwaveError as exc:
        fail(str(exc))
        return
    for fmt, path in res.files.items():
        click.echo(f"{fmt}: {path}")
    missing_sections = [s for s in res.sections if not s.available]
    for s in missing_sections:
        click.echo(f"section '{s.title}' {s.reason}", err=True)


COMMANDS = [report]
