"""Commands that reproduce the reports' descriptive tables from an export directory:
``scores`` (the scores the reports analyse, after the quality policy), ``descriptives``
(means, SDs and correlations per wave), ``intervention`` (ANCOVA, difference-in-differences
and retention by arm) and ``counts`` (the count tables: sample, participant flow, uptake,
group sizes and the N of every score; with ``--platform`` as the platform report publishes
them, through its disclosure ledger).

Each reads an export directory under the study's quality policy (``study.yaml``), or exactly
the participant-waves of ``--exclusions`` (a report's ``exclusions.csv``), as ``craftwave
model --fit`` and the reports do. Growth and attrition reuse ``craftwave growth`` and
``craftwave attrition`` on the file ``scores`` writes.
"""

from __future__ import annotations

from pathlib import Path

import click

from craftwave.cli.output import echo_json, fail

_EXCLUSIONS = click.option(
    "--exclusions", "exclusions_file", type=click.Path(exists=True, dir_okay=False),
    help="CSV of participant-waves to exclude (participant_id, wave), e.g. a report's "
         "exclusions.csv; default: the export's quality policy.")


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _analysis_frame(data: str, exclusions_file: str | None):
    from craftwave.cli.cmd_panel import _frame
    from craftwave.instruments.errors import CraftwaveError

    try:
        return _frame(data, exclusions_file)
    except CraftwaveError as exc:
        fail(str(exc))


def _item_frame(data: str, exclusions_file: str | None):
    """The item answers of export ``data`` after its quality policy, as the reports use them."""
    from craftwave.analysis.quality import read_exclusions
    from craftwave.instruments.errors import CraftwaveError
    from craftwave.reports.export import load_export
    from craftwave.reports.items import item_frame
    from craftwave.reports.policy import QualityPolicy, apply_exclusions, policy_frame

    try:
        export = load_export(data)
        if export.wide is None or export.wide.empty:
            fail(f"{data}: the export has no wide.csv with item answers")
        policy = QualityPolicy.from_study(export.study)
        excl = read_exclusions(exclusions_file) if exclusions_file else None
        wide = export.wide
        if excl is not None or policy.excludes:
            timings = export.page_timings if not export.page_timings.empty else None
            pf = policy_frame(export.participants, export.scores, wide, timings, policy,
                              exclusions=excl)
            wide = apply_exclusions(wide, pf.excluded)
        return item_frame(wide)
    except CraftwaveError as exc:
        fail(str(exc))


def _constructs(frame, constructs: str | None) -> list[str]:
    from craftwave.instruments.names import with_wave
    from craftwave.reports.sections.common import LABELS

    if constructs:
        return _split(constructs)
    return [c for c in LABELS if with_wave(c, 1) in frame.columns]


@click.command("scores")
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@_EXCLUSIONS
@click.option("--long", "long_layout", is_flag=True,
              help="One row per participant and wave (columns participant_id, wave and one "
                   "per construct scale score) instead of one row per participant.")
@click.option("--items", "items", is_flag=True,
              help="The item answers instead of the scores (participant_id and every scored "
                   "item at every wave, reverse keyed, answers off the response scale missing): "
                   "what the reports model as ordered categories.")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False),
              help="CSV file to write.")
def scores_cmd(data, exclusions_file, long_layout, items, out_file) -> None:
    """Write the scores of export DATA that the reports analyse (after the quality policy)."""
    import pandas as pd

    from craftwave.instruments.names import split_wave

    if items:
        if long_layout:
            fail("--items writes one row per participant; it takes no --long")
        frame = _item_frame(data, exclusions_file)
        frame.to_csv(out_file, index=False)
        click.echo(f"wrote {out_file} ({len(frame)} rows, item answers)", err=True)
        return
    frame = _analysis_frame(data, exclusions_file)
    if long_layout:
        stems = set(_constructs(frame, None))
        scored: dict[str, dict[int, str]] = {}
        for col in frame.columns:
            parts = split_wave(col)
            if parts is not None and parts.stem in stems:
                scored.setdefault(parts.stem, {})[parts.wave] = col
        waves = sorted({w for cols in scored.values() for w in cols})
        rows = []
        for w in waves:
            part = pd.DataFrame({"participant_id": frame["participant_id"], "wave": w})
            for stem, cols in scored.items():
                part[stem] = frame[cols[w]].to_numpy() if w in cols else float("nan")
            rows.append(part)
        frame = pd.concat(rows, ignore_index=True).sort_values(
            ["participant_id", "wave"], kind="stable")
    frame.to_csv(out_file, index=False)
    click.echo(f"wrote {out_file} ({len(frame)} rows)", err=True)


@click.command("descriptives")
@click.argument("data", type=click.Path(exists=True))
@click.option("--constructs", help="Comma-separated construct stems (default: the study's "
                                    "constructs with a wave-1 score).")
@click.option("--waves", default=None, help="Comma-separated waves (default: every wave).")
@_EXCLUSIONS
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def descriptives_cmd(data, constructs, waves, exclusions_file, as_json) -> None:
    """Means, SDs and pairwise correlations (with N and p) of the scores, per wave.

    DATA is an export directory (its quality policy applied) or a CSV of scores.
    """
    from craftwave.analysis.descriptives import correlation_table
    from craftwave.instruments.errors import CraftwaveError
    from craftwave.instruments.names import split_wave, with_wave

    frame = _analysis_frame(data, exclusions_file)
    cs = _constructs(frame, constructs)
    if waves:
        try:
            wv = [int(w) for w in _split(waves)]
        except ValueError:
            fail(f"--waves must be integers separated by commas; got {waves!r}")
    else:
        wv = sorted({p.wave for p in map(split_wave, frame.columns)
                     if p is not None and p.stem in cs})
    out = []
    for w in wv:
        cols = [with_wave(c, w) for c in cs if with_wave(c, w) in frame.columns]
        if len(cols) < 2:
            continue
        try:
            ct = correlation_table(frame, cols)
        except CraftwaveError as exc:
            fail(str(exc))
        out.append({"wave": w, "variables": cols,
                    "n": [int(v) for v in frame[cols].notna().sum()],
                    "mean": [float(v) for v in ct.descriptives["mean"]],
                    "sd": [float(v) for v in ct.descriptives["sd"]],
                    "r": ct.r.to_numpy().tolist(), "p": ct.p.to_numpy().tolist(),
                    "pairwise_n": ct.n.to_numpy().astype(int).tolist()})
    if not out:
        fail("no two construct scores of one wave in the data (columns like icraft_w1, "
             "resil_w1; or give --constructs)")
    if as_json:
        echo_json(out)
        return
    for block in out:
        click.echo(f"Wave {block['wave']}:")
        for v, n, m, s in zip(block["variables"], block["n"], block["mean"], block["sd"],
                              strict=True):
            click.echo(f"  {v}: N = {n}, M = {m:.3f}, SD = {s:.3f}")
        for i, a in enumerate(block["variables"]):
            for j in range(i):
                click.echo(f"  r({a}, {block['variables'][j]}) = {block['r'][i][j]:.3f} "
                           f"(N = {block['pairwise_n'][i][j]}, p = {block['p'][i][j]:.4g})")


@click.command("intervention")
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def intervention_cmd(data, as_json) -> None:
    """Secondary intervention analyses of export DATA: ANCOVA, difference-in-differences and
    retention by arm, on every randomised participant (no quality exclusion), as the
    researcher report's "Intervention evaluation" section."""
    from craftwave.instruments.errors import CraftwaveError
    from craftwave.reports.export import load_export
    from craftwave.reports.sections import ReportContext, ReportOptions
    from craftwave.reports.sections.intervention import evaluation
    from craftwave.reports.studyinfo import study_info

    try:
        exp = load_export(data)
        study = Path(data) / "study.yaml"
        ctx = ReportContext(data=exp, study=study_info(study if study.is_file() else None,
                                                       data_waves=exp.waves),
                            options=ReportOptions(bootstrap=0))
        ev = evaluation(ctx)
    except CraftwaveError as exc:
        fail(str(exc))
    out = {"ancova": {"outcome": ev.ancova.post, "adjusted_for": ev.ancova.pre,
                      "se_type": ev.ancova.se_type, "n": ev.ancova.n,
                      "effects": ev.ancova.effects.to_dict(orient="records")},
           "did": {"outcome": ev.did.outcome, "reference_wave": ev.did.reference_wave,
                   "effects": ev.did.effects.to_dict(orient="records")},
           "retention": ev.attrition.table.to_dict(orient="records"),
           "retention_tests": ev.attrition.tests.to_dict(orient="records")}
    if as_json:
        echo_json(out)
        return
    click.echo(ev.ancova.statement)
    click.echo(ev.ancova.effects.to_string(index=False))
    click.echo(ev.did.statement)
    click.echo(ev.did.effects.to_string(index=False))
    click.echo(ev.attrition.statement)
    click.echo(ev.attrition.table.to_string(index=False))


@click.command("counts")
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@click.option("--platform", is_flag=True,
              help="The platform report's count tables as it publishes them: every count "
                   "under k hidden (null), also where it would follow by difference from "
                   "another published count (the report's disclosure ledger).")
@click.option("--k", "k", type=click.IntRange(min=1), default=None,
              help="The platform report's k (default: the study's k_threshold, or 10).")
@click.option("--keep-careless", is_flag=True,
              help="Exclude no flagged participant-wave, whatever the study's quality policy "
                   "says (as `craftwave report --keep-careless`).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def counts_cmd(data, platform, k, keep_careless, as_json) -> None:
    """The reports' count tables of export DATA, under the study's quality policy.

    Without --platform, the researcher report's counts as they are: participants by wave and
    status (tab-sample), enrolment and allocation by arm (tab-flow-entry, tab-flow), forum
    uptake by arm and wave (tab-uptake-arm) and the participants with each score at each wave
    (n-scores, the N of the descriptive tables). With --platform, the platform report's
    tables exactly as published (hidden cells as null / "–"), and its group means by forum use.
    """
    from craftwave.instruments.errors import CraftwaveError
    from craftwave.reports.counts import count_tables
    from craftwave.reports.export import load_export
    from craftwave.reports.sections import ReportContext, ReportOptions
    from craftwave.reports.studyinfo import study_info

    try:
        exp = load_export(data)
        study = Path(data) / "study.yaml"
        arms = (sorted(exp.participants["arm"].dropna().astype(str).unique())
                if "arm" in exp.participants.columns else [])
        info = study_info(study if study.is_file() else None, data_waves=exp.waves,
                          data_arms=arms, manifest=exp.manifest, k=k)
        ctx = ReportContext(data=exp, study=info, kind="platform" if platform else "researcher",
                            options=ReportOptions(bootstrap=0,
                                                  exclude_careless=False if keep_careless
                                                  else None,
                                                  study_file=str(study) if study.is_file()
                                                  else None))
        tables = count_tables(ctx)
    except CraftwaveError as exc:
        fail(str(exc))
    out = {"report": ctx.kind, "k": ctx.study.k if platform else None,
           "policy": ctx.policy.describe(), "tables": [t.to_dict() for t in tables]}
    if as_json:
        echo_json(out)
        return
    click.echo(out["policy"])
    for t in out["tables"]:
        click.echo(f"\n{t['id']}: {t['title']}")
        width = max(len(str(c)) for row in [t["columns"], *t["rows"]] for c in row) + 2
        for row in [t["columns"], *t["rows"]]:
            click.echo("".join(_cell(v).rjust(width) if i else _cell(v).ljust(width)
                               for i, v in enumerate(row)))
    if platform:
        click.echo(f"\n– : hidden to protect groups smaller than {ctx.study.k}.")


def _cell(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.4f}"
    return str(v)


COMMANDS = [scores_cmd, descriptives_cmd, intervention_cmd, counts_cmd]
