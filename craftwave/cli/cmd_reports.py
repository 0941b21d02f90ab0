"""``craftwave report researcher|platform``: build a report from a study or an export directory.

``--study STUDY_ID`` exports the study from the app's database (``CRAFTWAVE_DATABASE_URL`` or
the instance folder) into a temporary directory, audited as ``cli:<user>`` like ``craftwave
export``, and builds the report from it with the study's stored definition. ``--data DIR``
builds it from an export directory alone. This module is the one place that joins the app
and the statistics (docs/design.md, "Parts and their imports").
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import click


@click.command("report")
@click.argument("kind", type=click.Choice(["researcher", "platform"]))
@click.option("--study", "study_id", default=None, metavar="STUDY_ID",
              help="A study loaded in the app's database: export it to a temporary directory "
                   "(audited) and build the report from that export.")
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Export directory written by `craftwave export`.")
@click.option("--study-file", "study_file",
              type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="study.yaml (default: with --study, the study's stored definition; with "
                   "--data, study.yaml in the export directory, else facts inferred from the data).")
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
              help="Exclude no flagged participant-wave, whatever the study's quality policy "
                   "says (default: the policy in the export's study.yaml).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def report(kind, study_id, data_dir, study_file, out_dir, formats, bootstrap, seed, k, missing,
           keep_careless, quiet):
    """Build the researcher or the platform (community-intervention) report.

    Give exactly one of --study STUDY_ID (a study in the app's database) or --data EXPORT_DIR.

    \b
    Examples:
      craftwave report researcher --study gigpanel --out reports/ --format html,pdf
      craftwave report researcher --data export/ --out reports/ --format html,pdf
      craftwave report platform --data export/ --study-file study.yaml --out reports/ --k 10
    """
    from craftwave.cli.output import fail
    from craftwave.instruments.errors import CraftwaveError
    from craftwave.reports import build_report

    if (study_id is None) == (data_dir is None):
        raise click.UsageError("give exactly one of --study STUDY_ID (a study in the app's "
                               "database) or --data EXPORT_DIR (an export directory)")
    if study_id is not None and study_id.lower().endswith((".yaml", ".yml")):
        raise click.UsageError(f"--study takes the id of a study in the app's database; for a "
                               f"study file use --study-file {study_id}")
    options = dict(formats=formats, bootstrap=bootstrap, seed=seed, k=k, missing=missing,
                   exclude_careless=False if keep_careless else None, progress=not quiet)
    try:
        if data_dir is not None:
            res = build_report(kind, data_dir, out_dir, study=study_file, **options)
        else:
            res = _report_from_study(kind, study_id, out_dir, study_file, options, quiet)
    except CraftwaveError as exc:
        fail(str(exc))
        return
    for fmt, path in res.files.items():
        click.echo(f"{fmt}: {path}")
    missing_sections = [s for s in res.sections if not s.available]
    for s in missing_sections:
        click.echo(f"section '{s.title}' {s.reason}", err=True)


def _report_from_study(kind: str, study_id: str, out_dir: Path, study_file: Path | None,
                       options: dict, quiet: bool):
    """Export ``study_id`` to a temporary directory (audited as the CLI user), then build."""
    from craftwave.cli.appdb import cli_app
    from craftwave.reports import build_report
    from craftwave.survey_app.audit import cli_actor
    from craftwave.survey_app.export import study_or_error, write_export
    from craftwave.survey_app.extensions import db
    from craftwave.survey_app.models import StudyRecord

    app = cli_app()
    with tempfile.TemporaryDirectory(prefix="craftwave-report-") as tmp:
        export_dir = Path(tmp) / "export"
        with app.app_context():
            study_or_error(study_id)
            if not quiet:
                click.echo(f"exporting '{study_id}' from the app's database ...", err=True)
            result = write_export(study_id, export_dir, actor=cli_actor())
            if study_file is None:
                source = db.session.get(StudyRecord, study_id).source_yaml
                study_file = Path(tmp) / "study.yaml"
                study_file.write_text(source, encoding="utf-8")
            db.session.remove()
        if not quiet:
            rows = result.manifest["rows"]
            click.echo(f"exported {rows['participants.csv']} participants, "
                       f"{rows['answers_long.csv']} answers; building the {kind} report ...",
                       err=True)
        return build_report(kind, export_dir, out_dir, study=study_file, **options)


COMMANDS = [report]
