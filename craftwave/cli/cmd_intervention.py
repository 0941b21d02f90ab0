"""``craftwave itt``: the intervention's pre-declared contrast by intention to treat, and the
platform's decision, from an export directory (the same numbers as the reports)."""

from __future__ import annotations

import click

from craftwave.cli.output import echo_json, fail

REPORT_SEED = 20261123  # the reports' default seed (craftwave report --seed)


@click.command("itt")
@click.option("--data", "data_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Export directory written by `craftwave export`.")
@click.option("--outcome", help="Score stem (default: the study file's intervention.primary).")
@click.option("--wave", type=int, help="Primary wave (default: the study file's).")
@click.option("--sensitivity", is_flag=True,
              help="Add multiple imputation (m = 20, Rubin's rules) and the MAR tipping point.")
@click.option("--seed", type=int, default=REPORT_SEED, show_default=True,
              help="Seed of the imputations (the reports' seed by default).")
@click.option("--exclusions", "exclusions_file", type=click.Path(exists=True, dir_okay=False),
              help="CSV of participant-waves (participant_id, wave) whose answers are set to "
                   "missing first, e.g. a report's exclusions.csv: the researcher report's "
                   "sensitivity row \"flagged answers set to missing\" (not intention to "
                   "treat). Default: every answer of every randomised participant.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def itt_cmd(data_dir, outcome, wave, sensitivity, seed, exclusions_file, as_json) -> None:
    """Intention to treat on every randomised participant of an export: FIML with auxiliary
    variables, and the decision by the documented rule (docs/interventions.md).

    With --exclusions the listed participant-waves' scores are blanked first (everyone stays
    in the analysis): the sensitivity analysis of the researcher report's ITT table."""
    from craftwave.analysis.data import read_export
    from craftwave.analysis.intervention.decision import decide, smallest_effect_default
    from craftwave.analysis.intervention.itt import itt_fiml, sensitivity_analyses
    from craftwave.instruments.errors import CraftwaveError
    from craftwave.instruments.names import with_wave

    try:
        exp = read_export(data_dir)
        iv = (exp.study or {}).get("intervention") or {}
        primary = iv.get("primary") or {}
        outcome = outcome or primary.get("outcome")
        wave = wave or primary.get("wave")
        if not outcome or not wave:
            fail("the study file declares no intervention.primary; give --outcome and --wave")
        baseline = int(iv.get("after_wave", 1))
        aux = list(primary.get("auxiliary") or [])
        if exp.participants is None or exp.scores is None:
            fail("the export lacks participants.csv or scores.csv")
        if exclusions_file:
            from craftwave.analysis.quality import read_exclusions
            from craftwave.reports.export import load_export
            from craftwave.reports.policy import QualityPolicy, policy_frame

            rep = load_export(data_dir)
            timings = rep.page_timings if not rep.page_timings.empty else None
            frame = policy_frame(rep.participants, rep.scores, rep.wide, timings,
                                 QualityPolicy.from_study(rep.study),
                                 exclusions=read_exclusions(exclusions_file)).frame
        else:
            frame = exp.participants.merge(exp.scores, on="participant_id", how="left")
        frame = frame[frame["arm"].notna()].reset_index(drop=True)
        res = itt_fiml(frame, outcome=outcome, wave=int(wave), baseline_wave=baseline,
                       auxiliary=aux)
        sesoi = primary.get("smallest_effect") or smallest_effect_default(
            frame[with_wave(outcome, baseline)])
        decisions = decide(res, float(sesoi))
        extra = None
        if sensitivity:
            extra = sensitivity_analyses(frame, outcome=outcome, wave=int(wave),
                                         baseline_wave=baseline, auxiliary=aux, seed=seed)
    except CraftwaveError as exc:
        fail(str(exc))
    if as_json:
        out = {"fiml": res.to_dict(), "decisions": [d.to_dict() for d in decisions]}
        if extra is not None:
            out["mi"] = extra[0].to_dict()
            out["tipping"] = [t.to_dict() for t in extra[1]]
        echo_json(out)
        return
    click.echo(res.summary())
    for d in decisions:
        click.echo(f"decision ({d.label}): {d.headline()} {d.evidence()}")
    if extra is not None:
        click.echo(extra[0].summary())
        for t in extra[1]:
            click.echo(t.summary())


COMMANDS = [itt_cmd]
