"""Panel-model commands: ``model``, ``growth``, ``attrition`` and ``power``.

Panel models print readable lavaan syntax and, with ``--fit``, are fitted with FIML (the
panel default; every output says so).
"""

from __future__ import annotations

import click

from craftwave.cli.output import echo_json, fail
from craftwave.cli.quality_opts import quality_options, screen


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _ints(value: str | None, what: str) -> list[int]:
    try:
        return [int(v) for v in _split(value)]
    except ValueError:
        fail(f"{what} must be integers separated by commas; got {value!r}")
    return []


def _floats(value: str | None, what: str) -> list[float]:
    try:
        return [float(v) for v in _split(value)]
    except ValueError:
        fail(f"{what} must be numbers separated by commas; got {value!r}")
    return []


def _indicators(values: tuple[str, ...]) -> dict[str, list[str]]:
    out = {}
    for v in values:
        if ":" not in v:
            fail(f"--indicators takes CONSTRUCT:ITEM,ITEM,...; got {v!r}")
        c, items = v.split(":", 1)
        out[c.strip()] = _split(items)
    return out


@click.command("model")
@click.argument("kind", type=click.Choice(["clpm", "riclpm", "lcs", "focal"]))
@click.option("--constructs", help="Comma-separated construct stems, e.g. icraft,resil "
              "(columns {construct}_w{wave}).")
@click.option("--waves", default="1,2,3", show_default=True, help="Comma-separated waves.")
@click.option("--stationary", is_flag=True, help="Lagged effects equal across waves (clpm, riclpm).")
@click.option("--indicators", multiple=True,
              help="clpm or riclpm with multiple indicators: CONSTRUCT:ITEM,ITEM,... "
                   "(repeatable; columns {construct}_{item}_w{wave}).")
@click.option("--item-covariances/--no-item-covariances", default=True, show_default=True,
              help="clpm with --indicators: the same item's residuals covary across waves "
                   "(off: the factor CLPM nested in the multiple-indicator RI-CLPM).")
@click.option("--controls", help="focal: comma-separated control variables.")
@click.option("--fit", "data", type=click.Path(exists=True),
              help="Fit the model to DATA (CSV or export directory) with FIML.")
@click.option("--ordered", is_flag=True,
              help="clpm or riclpm with --indicators: the items are ordered categories, fitted by "
                   "WLSMV with thresholds equal across waves (missing answers pairwise).")
@click.option("--missing", type=click.Choice(["fiml", "listwise", "pairwise"]), default=None,
              help="Missing-data method with --fit: fiml (default), listwise; with --ordered "
                   "pairwise (default) or listwise.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@quality_options
def model_cmd(kind, constructs, waves, stationary, indicators, item_covariances, controls,
              data, missing,
              ordered, as_json, policy_file, exclusions_file, quality_analysis) -> None:
    """Write (and optionally fit) a panel model: CLPM, RI-CLPM, latent change score, focal.

    Prints the lavaan syntax. With --fit DATA the model is fitted with full-information
    maximum likelihood (FIML) by default, since panels lose participants between waves.
    DATA may be an export directory: its scores are used after the study's quality policy
    (study.yaml, quality:; default: exclude nothing), as the reports do, so a report's
    estimates are reproduced by this command.
    """
    from craftwave.analysis.panel import clpm, focal, lcs, riclpm
    from craftwave.instruments.errors import CraftwaveError

    wv = _ints(waves, "--waves")
    if ordered and kind not in ("clpm", "riclpm"):
        fail("--ordered is for clpm or riclpm with --indicators")
    if indicators and kind not in ("clpm", "riclpm"):
        fail("--indicators is for clpm or riclpm")
    if missing is None:
        missing = "pairwise" if ordered else "fiml"
    if ordered and missing == "fiml":
        fail("ordered items are fitted by WLSMV: --missing pairwise (default) or listwise")
    if not ordered and missing == "pairwise":
        fail("--missing pairwise is for ordered items (--ordered)")
    try:
        frame = (_frame(data, exclusions_file, policy_file, quality_analysis) if data else None)
        if kind == "focal":
            if constructs:
                fail("focal takes no --constructs (it is icraft, ccraft -> resil -> ccommit)")
            spec = focal(frame, waves=tuple(wv), controls=_split(controls))
        else:
            cs = _split(constructs)
            if not cs:
                fail(f"{kind} needs --constructs, e.g. --constructs icraft,resil")
            if kind == "clpm":
                spec = clpm(cs, wv, stationary=stationary, indicators=_indicators(indicators),
                            ordered=ordered, item_covariances=item_covariances)
            elif kind == "riclpm":
                spec = riclpm(cs, wv, stationary=stationary, indicators=_indicators(indicators),
                              ordered=ordered)
            else:
                spec = lcs(cs, wv)
        result = spec.fit(frame, missing=missing) if frame is not None else None
    except CraftwaveError as exc:
        fail(str(exc))
    method = {"fiml": "FIML (full-information maximum likelihood)",
              "listwise": "ML on complete cases (listwise deletion)",
              "pairwise": "WLSMV, missing answers pairwise"}[missing]
    if ordered and missing == "listwise":
        method = "WLSMV on complete cases (listwise deletion)"
    if as_json:
        syntax = spec.full_syntax(frame) if (ordered and frame is not None) else spec.syntax
        payload = {"model": kind, "syntax": syntax, "missing": missing}
        if result is not None:
            payload = {**_result_dict(result), **payload, "missing": missing,
                       "improper": _improper(result)}
        echo_json(payload)
        return
    click.echo(spec.syntax.rstrip("\n"))
    if result is not None:
        click.echo("")
        click.echo(f"Fitted with {method}.")
        click.echo(result.summary() if hasattr(result, "summary") else str(result))
        problems = _improper(result)
        if problems:
            click.echo("\nImproper solution: not interpreted (" + "; ".join(problems) + ").")


def _improper(result) -> list[str]:
    """lavaan's words for what makes the solution improper (empty: a proper solution)."""
    from craftwave.analysis.sem.admissibility import admissibility

    if hasattr(result, "improper"):
        return result.improper()
    try:
        return admissibility(result).messages()
    except Exception:  # noqa: BLE001 - a result without a compiled model is not checked
        return []


def _frame(data: str, exclusions_file: str | None, policy_file: str | None = None,
           analysis: str = "primary"):
    """The data to fit: an export directory's scores under its quality policy (or the one of
    --quality-policy, or exactly the participant-waves of --exclusions, e.g. a report's
    exclusions.csv), as the reports build them; or a CSV file, screened the same way."""
    from pathlib import Path

    from craftwave.analysis.data import read_data
    from craftwave.analysis.quality import load_policy, read_exclusions
    from craftwave.reports.export import load_export
    from craftwave.reports.policy import QualityPolicy, policy_frame

    if not Path(data).is_dir():
        return screen(read_data(data), policy_file, exclusions_file, analysis, source=data)
    export = load_export(data)
    timings = export.page_timings if not export.page_timings.empty else None
    excl = read_exclusions(exclusions_file) if exclusions_file else None
    if policy_file:
        sp = load_policy(policy_file)
        names = sp.exclude.get(analysis, [])
        policy = QualityPolicy(("any",) if "any" in names else tuple(names), "option", sp)
    else:
        policy = QualityPolicy.from_study(export.study)
    return policy_frame(export.participants, export.scores, export.wide, timings, policy,
                        exclusions=excl).frame


def _result_dict(result) -> dict:
    if hasattr(result, "to_dict"):
        return dict(result.to_dict())
    return {"parameters": result.params.to_dict(orient="records")}


@click.command("growth")
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--id", "id_col", help="Participant column (or the formula's (TIME | ID)).")
@click.option("--time", "time_col", required=True, help="Time column (wave number or date).")
@click.option("--outcome", help="Outcome column (or the formula's left-hand side).")
@click.option("--random-slope", is_flag=True, help="Add a random slope of time.")
@click.option("--time-coding", type=click.Choice(["first", "center", "raw", "months"]),
              default=None,
              help="first (default; raw with --formula): time - first occasion; center: minus "
                   "the mean occasion; months: months since each participant's first date.")
@click.option("--covariate", "covariates", multiple=True,
              help="Fixed-effect covariate (repeatable); text columns are factors (R's "
                   "treatment coding).")
@click.option("--time-interaction", "time_interactions", multiple=True,
              help="Covariate whose interaction with time is added, with its main effect, as "
                   "R's time * arm (repeatable).")
@click.option("--formula", help="lme4 formula instead of --outcome/--covariate/--random-slope, "
              "e.g. 'resil ~ wave * arm + age + (wave | participant_id)'.")
@click.option("--reml/--no-reml", default=True, show_default=True,
              help="REML (lme4's default) or ML (REML = FALSE: compare fixed effects by AIC).")
@click.option("--contrast", "contrasts", multiple=True, metavar="'TERM + c*TERM ...'",
              help="Test a combination of fixed effects with Satterthwaite df, as lmerTest's "
                   "contest1D, e.g. 'time + time:armcontrol' (repeatable).")
@click.option("--ftest", "ftests", multiple=True, metavar="TERM",
              help="Joint F-test of a model term's coefficients (e.g. time:arm with three "
                   "arms) with Satterthwaite ddf, as lmerTest's contestMD (repeatable).")
@click.option("--function", "function", type=click.Choice(["mixed", "growth"]),
              default="mixed", show_default=True,
              help="mixed: linear mixed model (lme4/lmerTest); growth: latent growth curve of "
                   "the same measure, as lavaan's growth() (covariates predict the intercept "
                   "factor, time interactions the slope factor).")
@click.option("--missing", type=click.Choice(["fiml", "listwise"]), default="fiml",
              show_default=True, help="--function growth: missing-data method.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def growth_cmd(data, id_col, time_col, outcome, random_slope, time_coding, covariates,
               time_interactions, formula, reml, contrasts, ftests, function, missing,
               as_json) -> None:
    """Growth of a repeated measure in long DATA.csv (one row per person and wave).

    By default a linear mixed model reported as lmerTest's summary(): Satterthwaite df, t
    and p for each fixed effect, variance components, logLik, AIC and BIC. With --function
    growth, the latent growth curve of lavaan's growth().
    """
    import warnings

    import pandas as pd

    from craftwave.analysis.growth import growth
    from craftwave.instruments.errors import ConvergenceWarning, CraftwaveError

    frame = pd.read_csv(data)
    if function == "growth":
        _latent_growth(frame, id_col, time_col, outcome, time_coding, covariates,
                       time_interactions, formula, reml, contrasts + ftests, missing, as_json)
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # the result reports it
            res = growth(frame, id=id_col, time=time_col, outcome=outcome,
                         random_slope=random_slope,
                         time_coding=time_coding, covariates=covariates,
                         time_interactions=time_interactions, formula=formula, reml=reml)
            tests = [{"contrast": c, **res.contrast(_contrast_weights(c))} for c in contrasts]
            ftab = [res.ftest(t) for t in ftests]
    except CraftwaveError as exc:
        fail(str(exc))
    if as_json:
        out = res.to_dict()
        if tests:
            out["contrasts"] = tests
        if ftab:
            out["ftests"] = ftab
        echo_json(out)
        return
    click.echo(res.summary())
    for t in tests:
        click.echo(f"\ncontrast {t['contrast']}: estimate {t['est']:.4f}, SE {t['se']:.4f}, "
                   f"t({t['df']:.2f}) = {t['t']:.3f}, p = {t['pvalue']:.4g}")
    for f in ftab:
        click.echo(f"F-test {f['test']} ({', '.join(f['coefficients'])}): "
                   f"F({f['ndf']}, {f['ddf']:.2f}) = {f['F']:.3f}, p = {f['pvalue']:.4g}")


def _contrast_weights(text: str) -> dict[str, float]:
    """'time + time:armcontrol' or '0.5*armcoach - 0.5*armcontrol' as {term: weight}."""
    import re

    weights: dict[str, float] = {}
    for sign, part in re.findall(r"([+-]?)\s*([^+-]+)", text.replace(" - ", " -")):
        part = part.strip()
        if not part:
            continue
        coef, _, term = part.rpartition("*")
        try:
            w = float(coef) if coef else 1.0
        except ValueError:
            fail(f"--contrast: cannot read {part!r} (write c*TERM or TERM)")
        weights[term.strip()] = weights.get(term.strip(), 0.0) + (-w if sign == "-" else w)
    if not weights:
        fail(f"--contrast: no terms in {text!r}")
    return weights


def _latent_growth(frame, id_col, time_col, outcome, time_coding, covariates,
                   time_interactions, formula, reml, contrasts, missing, as_json) -> None:
    from craftwave.analysis.growth_latent import latent_growth
    from craftwave.instruments.errors import CraftwaveError

    if formula or contrasts or not reml:
        fail("--function growth takes --id, --time, --outcome, --covariate and "
             "--time-interaction (no --formula, --contrast, --ftest or --no-reml)")
    if not (id_col and outcome):
        fail("--function growth needs --id and --outcome")
    try:
        res = latent_growth(frame, id=id_col, time=time_col, outcome=outcome,
                            time_coding=time_coding or "first", covariates=covariates,
                            time_interactions=time_interactions, missing=missing)
    except CraftwaveError as exc:
        fail(str(exc))
    if as_json:
        echo_json(res.to_dict())
    else:
        click.echo(res.summary())


@click.command("attrition")
@click.argument("data", type=click.Path(exists=True))
@click.option("--constructs", required=True, help="Comma-separated construct stems.")
@click.option("--waves", default="1,2,3", show_default=True, help="Comma-separated waves.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def attrition_cmd(data, constructs, waves, as_json) -> None:
    """Who drops out: completers vs dropouts, Little's MCAR test, patterns by wave."""
    from craftwave.analysis.attrition import (
        dropout_comparison,
        little_mcar,
        missingness_by_wave,
        missingness_patterns,
    )
    from craftwave.analysis.data import read_data
    from craftwave.instruments.errors import CraftwaveError
    from craftwave.instruments.names import with_wave

    cs, wv = _split(constructs), _ints(waves, "--waves")
    try:
        frame = read_data(data)
        comp = dropout_comparison(frame, cs, wv)
        pats = missingness_patterns(frame, cs, wv)
        by_wave = missingness_by_wave(frame, cs, wv)
        cols = [with_wave(c, w) for c in cs for w in wv if with_wave(c, w) in frame.columns]
        mcar = little_mcar(frame, cols)
    except CraftwaveError as exc:
        fail(str(exc))
    if as_json:
        echo_json({"dropout": comp.to_dict(orient="records"), "little_mcar": mcar.to_dict(),
                   "patterns": pats.to_dict(orient="records"),
                   "by_wave": by_wave.to_dict(orient="records")})
        return
    fmt = {"float_format": lambda v: f"{v:.3f}", "index": False}
    click.echo("Completers vs dropouts (wave-1 scores; Welch t-test, Cohen's d, Hedges' g):")
    click.echo(comp.to_string(**fmt))
    click.echo(f"\nLittle's MCAR test: chi2({mcar.df}) = {mcar.statistic:.3f}, "
               f"p = {mcar.pvalue:.4g} ({mcar.n_patterns} patterns)")
    click.echo("\nParticipation patterns (1 = took part):")
    click.echo(pats.to_string(**fmt))
    click.echo("\nMissing scores by wave:")
    click.echo(by_wave.to_string(**fmt))


@click.command("power")
@click.argument("model", type=click.Choice(["focal", "riclpm"]))
@click.option("--n", "ns", default="200,300,400", show_default=True,
              help="Comma-separated sample sizes at wave 1.")
@click.option("--attrition", default="0", show_default=True,
              help="Dropout share before each later wave: one value or one per transition.")
@click.option("--attrition-mar", type=float, default=0.0, show_default=True,
              help="Missing at random: log-odds of dropping out fall by this much per unit of "
                   "latent resilience at the last completed wave (0: completely at random).")
@click.option("--measurement", type=click.Choice(["latent", "items"]), default="latent",
              show_default=True,
              help="latent: fit the latent scores; items: simulate item answers and fit the "
                   "scale scores (shows the attenuation by measurement error; slower).")
@click.option("--reps", type=click.IntRange(min=2), default=500, show_default=True)
@click.option("--waves", type=int, default=None, help="Waves (focal: 3; riclpm default 4).")
@click.option("--free-lags", is_flag=True, help="riclpm: fit wave-specific lagged effects.")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Population value (repeatable), e.g. --set a3=-0.2 or "
                   "--set 'lagged=[[0.4,0.1],[0.2,0.3]]' (JSON values).")
@click.option("--alpha", type=float, default=0.05, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--n-jobs", type=int, default=1, show_default=True, help="Local processes.")
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False),
              help="Write the power curve (PNG, SVG or PDF).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def power_cmd(model, ns, attrition, attrition_mar, measurement, reps, waves, free_lags,
              overrides, alpha, seed, n_jobs, scheduler, plot_path, as_json) -> None:
    """Monte Carlo power, bias and coverage of the focal model or the RI-CLPM.

    Population values default to analysis.FocalPopulation / analysis.RICLPMPopulation
    (latent scores on a standard-normal scale); change them with --set.
    """
    import dataclasses
    import json

    from craftwave.analysis.power import power
    from craftwave.analysis.simulate import FocalPopulation, RICLPMPopulation
    from craftwave.instruments.errors import CraftwaveError

    rates = _floats(attrition, "--attrition") or [0.0]
    base = FocalPopulation() if model == "focal" else RICLPMPopulation()
    known = {f.name for f in dataclasses.fields(base)} - {"constructs"}
    values = {}
    for item in overrides:
        name, _, raw = item.partition("=")
        if name not in known:
            fail(f"--set: unknown population value {name!r}; known: {', '.join(sorted(known))}")
        try:
            parsed = json.loads(raw)
        except json.JSONDecodeError:
            fail(f"--set {name}: {raw!r} is not a number or a JSON list")
        values[name] = (tuple(tuple(v) if isinstance(v, list) else v for v in parsed)
                        if isinstance(parsed, list) else parsed)
    population = dataclasses.replace(base, **values)
    try:
        res = power(model, _ints(ns, "--n"), reps=reps, population=population,
                    attrition=rates[0] if len(rates) == 1 else rates, waves=waves,
                    stationary=not free_lags, alpha=alpha, seed=seed, n_jobs=n_jobs,
                    scheduler=scheduler, progress=True, measurement=measurement,
                    attrition_mar=attrition_mar)
    except CraftwaveError as exc:
        fail(str(exc))
    if plot_path:
        res.plot(plot_path)
    if as_json:
        echo_json(res.to_dict())
        return
    s = res.settings
    click.echo(f"Monte Carlo power: {s['model']}, {s['reps']} replications per n, "
               f"attrition {s['attrition']} (MAR {s['attrition_mar']}), {s['measurement']} "
               f"scores, fitted with {s['missing']}; alpha = {s['alpha']}, "
               f"seed {s['seed']}")
    click.echo(res.table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))


COMMANDS = [model_cmd, growth_cmd, attrition_cmd, power_cmd]
