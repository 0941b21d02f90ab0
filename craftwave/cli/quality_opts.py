"""``--quality-policy FILE`` and ``--exclusions FILE``: the study's data-quality policy applied
by an analysis command exactly as the reports apply it.

``--quality-policy`` takes a study file (or a YAML file holding its ``quality:`` mapping);
the participant-waves it excludes from ``--analysis`` (default ``primary``) are blanked before
the analysis. ``--exclusions`` takes a list of participant-waves (``participant_id``, ``wave``;
e.g. the ``exclusions.csv`` that ``craftwave quality --write-exclusions`` writes) and blanks
those. Without either, nothing is excluded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from craftwave.cli.output import fail

if TYPE_CHECKING:
    import pandas as pd


def quality_options(f: Callable) -> Callable:
    """Add ``--quality-policy``, ``--exclusions`` and ``--analysis`` to a command."""
    f = click.option("--analysis", "quality_analysis", default="primary", show_default=True,
                     help="Which entry of the policy's quality.exclude applies.")(f)
    f = click.option("--exclusions", "exclusions_file", type=click.Path(exists=True,
                     dir_okay=False), help="CSV of participant-waves to exclude "
                     "(participant_id, wave).")(f)
    f = click.option("--quality-policy", "policy_file", type=click.Path(exists=True,
                     dir_okay=False), help="Study file (or YAML of its quality: mapping) "
                     "whose data-quality policy to apply.")(f)
    return f


def screen(frame: pd.DataFrame, policy_file: str | None, exclusions_file: str | None,
           analysis: str = "primary", timings: pd.DataFrame | None = None,
           source: str | None = None) -> pd.DataFrame:
    """``frame`` without the participant-waves the policy (or the list) excludes.

    The flags need the item answers: with ``--quality-policy``, ``frame`` must hold the items
    (an export directory or its ``wide.csv``); the page timings come from the export when
    ``source`` is one.
    """
    if policy_file is None and exclusions_file is None:
        return frame
    from craftwave.analysis.data import read_export
    from craftwave.analysis.quality import apply_quality, load_policy, read_exclusions
    from craftwave.instruments.errors import CraftwaveError

    try:
        if timings is None and source is not None and Path(source).is_dir():
            timings = read_export(source).page_timings
        policy = load_policy(policy_file) if policy_file else None
        listed = read_exclusions(exclusions_file) if exclusions_file else None
        if listed is not None:
            from craftwave.analysis.quality import exclude_pairs

            scope = policy.scope if policy is not None else "wave"
            result = exclude_pairs(frame, listed, listed.iloc[:0], scope)
        else:
            result = apply_quality(frame, timings, policy=policy, analysis=analysis)
    except CraftwaveError as exc:
        fail(str(exc))
    n = len(result.excluded)
    click.echo(f"quality: {n} participant-wave(s) excluded"
               + (f" from the {analysis} analysis" if policy_file and not exclusions_file
                  else " as listed"), err=True)
    return result.kept
