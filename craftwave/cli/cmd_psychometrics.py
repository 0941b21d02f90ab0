"""``craftwave reliability`` and ``craftwave quality``: psychometrics from an export or a CSV."""

from __future__ import annotations

from pathlib import Path

import click

from craftwave.cli.output import echo_json, fail
from craftwave.cli.quality_opts import quality_options, screen


def _split(value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [v.strip() for v in value.split(",") if v.strip()]
    return names or None


def _load(source: str):
    """(wide data, page timings or None) from an export directory or a CSV file."""
    from craftwave.analysis.data import long_to_wide, read_data, read_export

    path = Path(source)
    if path.is_dir():
        export = read_export(path)
        if export.wide is not None:
            data = export.wide
        elif export.answers_long is not None:
            data = long_to_wide(export.answers_long)
        else:
            fail(f"{path}: the export holds neither wide.csv nor answers_long.csv")
        return data, export.page_timings
    return read_data(path), None


@click.command("reliability")
@click.argument("data", type=click.Path(exists=True))
@click.option("--items", help="Comma-separated item columns of one scale.")
@click.option("--reverse", help="Comma-separated items to reverse-key (with --items).")
@click.option("--scale-min", type=float, help="Lowest answer of the response scale (for --reverse).")
@click.option("--scale-max", type=float, help="Highest answer of the response scale (for --reverse).")
@click.option("--instrument", "instrument_id", help="Instrument id whose items to use (with --wave).")
@click.option("--wave", type=int, help="Wave of the instrument's items.")
@click.option("--subscale", help="Subscale of the instrument.")
@click.option("--nfactors", type=int,
              help="Also hierarchical omega (Schmid-Leiman) with this many group factors; "
                   "automatic for a whole multidimensional instrument.")
@click.option("--ordinal", is_flag=True,
              help="With --items or --instrument: treat the items as ordered categories and "
                   "add, from a "
                   "one-factor WLSMV fit, categorical omega (reliability of the observed sum "
                   "score) and ordinal alpha (of the latent responses), as semTools' compRelSEM.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@quality_options
def reliability_cmd(data, items, reverse, scale_min, scale_max, instrument_id, wave, subscale,
                    nfactors, ordinal, as_json, policy_file, exclusions_file, quality_analysis):
    """Alpha (Feldt 95% CI), omega total, composite reliability and AVE.

    DATA is an export directory or a CSV file. With --items: one scale of plain columns.
    With --instrument and --wave: that instrument's items, reverse keyed through its
    definition. With neither: every (sub)scale of every bundled instrument at every wave.
    """
    from craftwave.instruments.errors import CraftwaveError

    if ordinal and items is None and instrument_id is None:
        fail("--ordinal needs --items (the items of one scale) or --instrument with --wave")
    try:
        frame, timings = _load(data)
        frame = screen(frame, policy_file, exclusions_file, quality_analysis, timings=timings)
        if items is None and instrument_id is None:
            from craftwave.analysis.reliability import reliability_table

            table = reliability_table(frame)
            if table.empty:
                fail("no items of a known instrument in the data: give --items")
            if as_json:
                echo_json(table.to_dict("records"))
            else:
                click.echo(table.drop(columns=["rows"]).to_string(
                    index=False, float_format=lambda x: f"{x:.3f}"))
                click.echo("Rows used: alpha, omega total (one-factor CFA), CR and AVE: "
                           "complete cases (listwise); Schmid-Leiman omega: pairwise-complete "
                           "correlations (as psych::omega). CR/AVE as semTools; *_fl: "
                           "Fornell-Larcker from standardised loadings.")
            return
        from craftwave.analysis.reliability import reliability

        rng = None
        if instrument_id is not None:
            from craftwave.instruments import load_library

            library = load_library()
            if instrument_id not in library:
                fail(f"unknown instrument '{instrument_id}' (known: {', '.join(sorted(library))})")
            if wave is None:
                fail("--instrument needs --wave")
            inst = library[instrument_id]
            result = reliability(frame, instrument=inst, wave=wave, subscale=subscale)
            if subscale is None and len(inst.subscales) > 1 and nfactors is None:
                nfactors = len(inst.subscales)
        else:
            if scale_min is not None or scale_max is not None:
                if scale_min is None or scale_max is None:
                    fail("give both --scale-min and --scale-max")
                rng = (scale_min, scale_max)
            result = reliability(frame, _split(items), reverse=_split(reverse), scale_range=rng)
        payload = result.to_dict()
        if ordinal:
            from craftwave.analysis.reliability import _prepare
            from craftwave.analysis.sem.categorical.reliability import scale_reliability

            if instrument_id is not None:     # the instrument's items, reverse keyed
                from craftwave.analysis.data import item_matrix

                keyed = item_matrix(frame, inst, wave, subscale)
                ordinal_table = scale_reliability(keyed, list(keyed.columns))
            else:
                keyed = _prepare(frame, _split(items), _split(reverse), rng, 3,
                                 "the ordinal CFA")
                ordinal_table = scale_reliability(keyed, _split(items))
            payload["ordinal"] = ordinal_table.to_dict("records")
        if nfactors is not None:
            from craftwave.analysis.omega_h import omega_hierarchical

            om = omega_hierarchical(frame, list(result.items), nfactors=nfactors,
                                    reverse=None if instrument_id else _split(reverse),
                                    scale_range=None if instrument_id else rng)
            payload.update(omega_h=om.omega_h, omega_total_hierarchical=om.omega_total,
                           nfactors=nfactors, omega_h_nobs=om.nobs, omega_h_rows=om.rows,
                           omega_h_warnings=list(om.warnings))
            payload["methods"]["omega_h"] = ("hierarchical omega, psych::omega (Schmid-Leiman: "
                                             "minres, oblimin); " + om.rows)
    except CraftwaveError as exc:
        fail(str(exc))
    if as_json:
        echo_json(payload)
    else:
        click.echo(result.summary())
        for row in payload.get("ordinal", []):
            click.echo(f"{row['coefficient']:<24}{row['value']:.3f}  ({row['describes']}; "
                       f"one-factor WLSMV, N = {row['nobs']})")
        if nfactors is not None:
            click.echo(f"{'Omega hierarchical':<24}{payload['omega_h']:.3f}  "
                       f"(Schmid-Leiman, {nfactors} group factors; omega total "
                       f"{payload['omega_total_hierarchical']:.3f}; {payload['omega_h_rows']}, "
                       f"N = {payload['omega_h_nobs']})")
            for note in payload["omega_h_warnings"]:
                click.echo(f"Warning: {note}", err=True)


@click.command("quality")
@click.argument("data", type=click.Path(exists=True))
@click.option("--timings", type=click.Path(exists=True, dir_okay=False),
              help="page_timings.csv (read from the export when DATA is an export directory).")
@click.option("--items", help="Comma-separated item columns (default: the instruments' items).")
@click.option("--quality-policy", "policy_file", type=click.Path(exists=True, dir_okay=False),
              help="Study file (or YAML of its quality: mapping); default: the export's "
                   "study.yaml, else the default policy.")
@click.option("--alpha", type=float, default=None,
              help="Share of attentive participant-waves allowed any flag (policy default .02).")
@click.option("--seconds-per-item-min", type=float, default=None,
              help="Speeding also needs fewer seconds per item than this (policy default 2).")
@click.option("--write-exclusions", type=click.Path(dir_okay=False),
              help="Write the participant-waves the policy excludes from --analysis to this CSV "
                   "(the file --exclusions reads).")
@click.option("--analysis", default="primary", show_default=True,
              help="With --write-exclusions: which entry of quality.exclude.")
@click.option("--flagged-only", is_flag=True, help="List only flagged participant x waves.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one record per participant x wave).")
def quality_cmd(data, timings, items, policy_file, alpha, seconds_per_item_min,
                write_exclusions, analysis, flagged_only, as_json):
    """Careless-responding indices, null p values and flags per participant and wave.

    Longstring, IRV, Mahalanobis (EM), even-odd consistency, psychometric synonyms and
    antonyms, person-total correlation, autocorrelation, attention checks and speed, with
    the flags the dashboard and the reports count, under the study's quality policy.
    """
    import pandas as pd

    from craftwave.analysis.data import read_export
    from craftwave.analysis.quality import (
        excluded_by_policy,
        load_policy,
        policy_from_mapping,
        quality_flags,
    )
    from craftwave.instruments.errors import CraftwaveError

    try:
        frame, page_timings = _load(data)
        if timings is not None:
            page_timings = pd.read_csv(timings, dtype={"participant_id": str})
        if policy_file is not None:
            policy = load_policy(policy_file)
        elif Path(data).is_dir():
            policy = policy_from_mapping(read_export(data).study, "study.yaml")
        else:
            policy = policy_from_mapping(None)
        if alpha is not None:
            policy = policy.model_copy(update={"alpha": alpha})
        table = quality_flags(frame, page_timings, items=_split(items), policy=policy,
                              seconds_per_item_min=seconds_per_item_min)
    except CraftwaveError as exc:
        fail(str(exc))
    if write_exclusions:
        excluded = excluded_by_policy(table, policy, analysis)
        excluded.to_csv(write_exclusions, index=False)
        click.echo(f"{len(excluded)} participant-wave(s) excluded from the {analysis} analysis "
                   f"written to {write_exclusions}", err=True)
    n_rows, n_flagged = len(table), int(table["flagged"].sum())
    if flagged_only:
        table = table[table["flagged"]]
    if as_json:
        records = [{k: (None if (v is pd.NA or (isinstance(v, float) and v != v)) else v)
                    for k, v in row.items()}
                   for row in table.astype(object).to_dict("records")]
        echo_json(records)
        return
    shown = ["participant_id", "wave", "n_answered", *[c for c in table.columns
                                                       if c.endswith("_p")], "reasons"]
    click.echo(table[shown].to_string(index=False, float_format=lambda x: f"{x:.3g}"))
    click.echo(f"\n{n_flagged} of {n_rows} participant x waves flagged "
               f"(budget: at most {policy.alpha:.0%} of attentive ones by construction).")


COMMANDS = [reliability_cmd, quality_cmd]
