"""``craftwave fit`` and ``craftwave invariance``: lavaan-syntax SEM on a CSV file."""

from __future__ import annotations

import click

from craftwave.cli.cmd_sem_outputs import output_options, outputs_json, outputs_text
from craftwave.cli.output import echo_json, fail
from craftwave.cli.quality_opts import quality_options, screen

ESTIMATOR_CHOICES = ["ML", "MLR", "MLM", "MLMV", "ULS", "GLS"]


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _read(model_path: str, data_path: str):
    import pandas as pd

    with open(model_path, encoding="utf-8") as fh:
        syntax = fh.read()
    sep = "\t" if data_path.lower().endswith((".tsv", ".tab")) else ","
    return syntax, pd.read_csv(data_path, sep=sep)


def _run(fn):
    """Run ``fn`` recording craftwave's warnings; exit with a message on a CraftwaveError."""
    import warnings

    from craftwave.instruments.errors import CraftwaveError, CraftwaveWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CraftwaveWarning)
        try:
            result = fn()
        except CraftwaveError as exc:
            fail(str(exc))
    messages = []
    for w in caught:
        if issubclass(w.category, CraftwaveWarning):
            messages.append(f"{w.category.__name__}: {w.message}")
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return result, list(dict.fromkeys(messages))


def _lavaan_flag(name: str, help_text: str):
    """A lavaan option as an on/off flag whose absence means "the function's default"."""
    return click.option(f"--{name}/--no-{name}", default=None, help=help_text)


_MODE_OPTIONS = (
    ("int-ov-free", "lavaan's int.ov.free: free intercepts of the observed variables."),
    ("int-lv-free", "lavaan's int.lv.free: free intercepts (means) of the latent variables."),
    ("std-lv", "lavaan's std.lv: latent variances fixed to 1, first loadings free."),
    ("orthogonal", "lavaan's orthogonal: latent covariances not in the syntax fixed to 0."),
    ("auto-fix-first", "lavaan's auto.fix.first: first loading of each factor fixed to 1."),
    ("auto-fix-single", "lavaan's auto.fix.single: residual variance of a single indicator 0."),
    ("auto-var", "lavaan's auto.var: free (residual) variances not in the syntax."),
    ("auto-cov-lv-x", "lavaan's auto.cov.lv.x: exogenous latent variables covary."),
    ("auto-cov-y", "lavaan's auto.cov.y: dependent variables' residuals covary."),
)


def _mode_options(fn):
    for name, text in reversed(_MODE_OPTIONS):
        fn = _lavaan_flag(name, text + " Default: as --function.")(fn)
    return fn


@click.command("fit")
@click.argument("model", type=click.Path(exists=True, dir_okay=False))
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--function", "function", type=click.Choice(["sem", "cfa", "growth", "lavaan"]),
              default="sem", show_default=True,
              help="lavaan function whose automatic settings apply: lavaan adds nothing the "
              "syntax does not state; growth has a mean structure, observed intercepts fixed "
              "to 0 and free latent means.")
@click.option("--estimator", type=click.Choice([*ESTIMATOR_CHOICES, "WLSMV", "DWLS", "ULSMV"],
                                               case_sensitive=False),
              default=None,
              help="ML (the default); MLR (sandwich SEs, Yuan-Bentler scaled test); MLM "
              "(robust.sem SEs, Satorra-Bentler scaled test); MLMV (robust.sem SEs, "
              "scaled-and-shifted test); ULS or GLS (least squares; complete data); with "
              "--ordered WLSMV (the default there), DWLS, ULSMV or ULS.")
@click.option("--ordered", help="Ordered-categorical indicators: comma-separated names, or "
              "'all' (lavaan's ordered=; indicators not named stay continuous); they are "
              "fitted by WLSMV as lavaan does.")
@click.option("--parameterization", type=click.Choice(["delta", "theta"]), default="delta",
              show_default=True, help="With --ordered: lavaan's parameterization of the latent "
              "responses (delta: scale factors; theta: residual variances).")
@click.option("--missing", type=click.Choice(["listwise", "fiml", "pairwise"],
                                             case_sensitive=False),
              default="listwise", show_default=True,
              help="Listwise deletion (lavaan's default), full-information ML, or (ordered "
              "indicators only) pairwise.")
@click.option("--group", help="Column with the group of each row (multi-group model).")
@click.option("--group-equal", help="Comma-separated: loadings,intercepts,residuals,means,"
              "residual.covariances,lv.variances,lv.covariances,regressions (and thresholds "
              "with --ordered).")
@click.option("--group-partial", help="Comma-separated parameters freed from --group-equal, "
              "e.g. 'visual =~ x2,x3 ~ 1' (with --ordered also thresholds, 'x2 | t1').")
@click.option("--meanstructure/--no-meanstructure", default=None,
              help="lavaan's meanstructure (default: on with FIML, groups, growth or ~ 1).")
@click.option("--fixed-x/--no-fixed-x", default=None,
              help="lavaan's fixed.x: moments of observed exogenous covariates fixed to their "
              "sample values (default: on; off for ULS and GLS, as lavaan).")
@_mode_options
@click.option("--bootstrap", "n_boot", type=click.IntRange(min=0), default=0, show_default=True,
              help="Nonparametric bootstrap resamples (0: none); the JSON's se, ci_lower and "
              "ci_upper are then the bootstrap ones (normal theory under *_normal).")
@click.option("--seed", type=int, default=None, help="Bootstrap seed (same CIs for any --jobs).")
@click.option("--ci", type=click.Choice(["percentile", "bca"]), default="percentile",
              show_default=True, help="Bootstrap interval type.")
@click.option("--jobs", "n_jobs", type=int, default=1, show_default=True,
              help="Bootstrap workers.")
@output_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@quality_options
def fit_cmd(model, data, function, estimator, ordered, parameterization, missing, group, group_equal, group_partial,
            meanstructure, fixed_x, int_ov_free, int_lv_free, std_lv, orthogonal,
            auto_fix_first, auto_fix_single, auto_var, auto_cov_lv_x, auto_cov_y,
            n_boot, seed, ci, n_jobs, as_json, policy_file, exclusions_file,
            quality_analysis, **outputs) -> None:
    """Fit the lavaan-syntax MODEL file to DATA.csv, as lavaan's sem() (or --function).

    The options take lavaan's names and meanings, so a published lavaan script runs
    unchanged, e.g. lavaan(model, data, meanstructure = TRUE, int.ov.free = TRUE) is
    `craftwave fit model.lav data.csv --function lavaan --meanstructure --int-ov-free`.
    The output always states the estimator, the missing-data method and the N used.
    """
    from craftwave.analysis.sem import fit

    if n_boot and (estimator or "").upper() in ("ULS", "GLS"):
        fail("--bootstrap refits each resample by ML; it is not available with ULS or GLS")
    syntax, frame = _read(model, data)
    frame = screen(frame, policy_file, exclusions_file, quality_analysis)
    if (estimator or "").upper() == "ULSMV" and not ordered:
        fail("ULSMV is for ordered indicators: add --ordered (or use ULS)")
    if ordered or (estimator or "").upper() in ("WLSMV", "DWLS"):
        _fit_ordered(syntax, frame, ordered, estimator or "WLSMV", missing, function, std_lv,
                     group=group, group_equal=group_equal, n_boot=n_boot, as_json=as_json,
                     parameterization=parameterization, group_partial=group_partial,
                     seed=seed, ci=ci)
        return
    if missing.lower() == "pairwise":
        fail("--missing pairwise is for ordered indicators (--ordered); use listwise or fiml")
    estimator = estimator or "ML"
    res, messages = _run(lambda: fit(
        syntax, frame, estimator=estimator.upper(), missing=missing.lower(), group=group,
        group_equal=_split(group_equal), group_partial=_split(group_partial),
        function=function, meanstructure=meanstructure, fixed_x=fixed_x,
        int_ov_free=int_ov_free, int_lv_free=int_lv_free, std_lv=std_lv, orthogonal=orthogonal,
        auto_fix_first=auto_fix_first, auto_fix_single=auto_fix_single, auto_var=auto_var,
        auto_cov_lv_x=auto_cov_lv_x, auto_cov_y=auto_cov_y))
    boot = None
    if n_boot:
        from craftwave.analysis.bootstrap import bootstrap

        boot, more = _run(lambda: bootstrap(res, frame, n=n_boot, seed=seed, ci=ci,
                                            n_jobs=n_jobs, progress=not as_json,
                                            fit_kwargs={"group": group}))
        messages += more
    if as_json:
        out = res.to_dict(bootstrap=boot)
        out["warnings"] = list(dict.fromkeys(out["warnings"] + messages))
        if boot is not None:
            out["bootstrap"] = boot.to_dict()
        out.update(outputs_json(res, **outputs))
        echo_json(out)
        return
    click.echo(res.summary())
    extra = outputs_text(res, **outputs)
    if extra:
        click.echo("\n" + extra)
    if boot is not None:
        click.echo("\n" + boot.summary())
    for m in messages:
        click.echo(f"Warning: {m}", err=True)


def _fit_ordered(syntax, frame, ordered, estimator, missing, function, std_lv, *, group,
                 group_equal, n_boot, as_json, parameterization="delta",
                 group_partial=None, seed=None, ci="percentile") -> None:
    """``craftwave fit --ordered``: WLSMV (or DWLS) as lavaan, with what is not built named."""
    from craftwave.analysis.sem.categorical import fit_ordinal

    if estimator.upper() not in ("WLSMV", "DWLS", "ULSMV", "ULS"):
        fail(f"ordered indicators are fitted by WLSMV, DWLS, ULSMV or ULS, not "
             f"{estimator.upper()}")
    if missing.lower() == "fiml":
        fail("ordered indicators take --missing listwise (lavaan's default) or pairwise")
    if function == "growth":
        fail("not supported yet: growth models with ordered indicators")
    if n_boot and ci != "percentile":
        fail("not supported yet: BCa intervals with ordered indicators (use --ci percentile)")
    which = True if (ordered or "all").strip().lower() == "all" else _split(ordered)
    res, messages = _run(lambda: fit_ordinal(
        syntax, frame, ordered=which, estimator=estimator.lower(), missing=missing.lower(),
        function=function, std_lv=std_lv, group=group, parameterization=parameterization,
        group_equal=_split(group_equal), group_partial=_split(group_partial)))
    boot = None
    if n_boot:
        from craftwave.analysis.sem.categorical.bootstrap import bootstrap_ordinal

        boot, more = _run(lambda: bootstrap_ordinal(res, frame, group=group, n=n_boot,
                                                    seed=seed, progress=not as_json))
        messages += more
    if as_json:
        out = res.to_dict()
        out["warnings"] = messages
        if boot is not None:
            out["bootstrap"] = boot.to_dict()
        echo_json(out)
        return
    click.echo(res.summary())
    if boot is not None:
        click.echo("\n" + boot.summary())
    for m in messages:
        click.echo(f"Warning: {m}", err=True)


@click.command("invariance")
@click.argument("model", type=click.Path(exists=True, dir_okay=False))
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--group", help="Group column: multi-group invariance.")
@click.option("--long", "long_", help="Comma-separated factors, one per wave (e.g. F1,F2,F3): "
              "longitudinal invariance.")
@click.option("--estimator", type=click.Choice(["ML", "MLR", "MLM", "WLSMV"],
                                               case_sensitive=False),
              default=None, help="ML (default); MLR or MLM with scaled (Satorra-Bentler 2001) "
              "difference tests; WLSMV with --ordered (its default there).")
@click.option("--ordered", is_flag=True,
              help="The indicators are ordered categories: WLSMV, with the levels configural, "
              "thresholds, metric, scalar identified as Wu & Estabrook (2016).")
@click.option("--parameterization", type=click.Choice(["delta", "theta"]), default="delta",
              show_default=True, help="With --ordered: delta, or theta (which adds strict).")
@click.option("--missing", type=click.Choice(["listwise", "fiml", "pairwise"],
                                             case_sensitive=False),
              default="listwise", show_default=True,
              help="listwise or fiml; with --ordered listwise or pairwise.")
@click.option("--residual-lags", default="1", show_default=True,
              help="Longitudinal: lagged residual covariances of the same indicator (a number "
              "or 'all').")
@click.option("--partial", help="Comma-separated parameters left free (partial invariance), "
              "e.g. 'F2 =~ x2,x3 ~ 1' (with --ordered also thresholds, 'y2 | t1'); "
              "'auto' searches by score tests, freeing one constraint at a time until each "
              "level holds (a data-driven search; the output says so).")
@click.option("--delta-cfi", type=float, default=-0.010, show_default=True,
              help="Smallest acceptable change in CFI.")
@click.option("--delta-rmsea", type=float, default=0.015, show_default=True,
              help="Largest acceptable change in RMSEA.")
@click.option("--delta-srmr", type=float, default=None,
              help="Largest acceptable change in SRMR (default: off; with --partial auto "
              "Chen's .030 for metric and .010 above).")
@click.option("--delta-pvalue", type=float, default=None,
              help="Smallest acceptable p of the chi-square difference test (default: off; "
              "with --partial auto .05).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def invariance_cmd(model, data, group, long_, estimator, ordered, parameterization, missing,
                   residual_lags, partial, delta_cfi, delta_rmsea, delta_srmr, delta_pvalue,
                   as_json) -> None:
    """Configural, metric, scalar and strict invariance of MODEL (the configural model).

    Give --group COL for groups or --long F1,F2,F3 for one construct at successive waves.
    With --ordered: configural, thresholds, metric and scalar, by WLSMV.
    """
    from craftwave.analysis.invariance import invariance

    if (group is None) == (long_ is None):
        fail("give exactly one of --group and --long")
    lags = residual_lags if residual_lags == "all" else None
    if lags is None:
        try:
            lags = int(residual_lags)
        except ValueError:
            fail("--residual-lags must be a number or 'all'")
    syntax, frame = _read(model, data)
    criteria = {"delta_cfi": delta_cfi, "delta_rmsea": delta_rmsea}
    criteria |= {k: v for k, v in (("delta_srmr", delta_srmr), ("delta_pvalue", delta_pvalue))
                 if v is not None}
    fixed = [p for p in _split(partial) if p.lower() != "auto"]
    if ordered or (estimator or "").upper() == "WLSMV":
        from craftwave.analysis.sem.categorical.invariance import ordinal_invariance

        if (estimator or "WLSMV").upper() != "WLSMV":
            fail(f"ordered indicators are fitted by WLSMV, not {estimator.upper()}")
        if missing.lower() == "fiml":
            fail("ordered indicators take --missing listwise (lavaan's default) or pairwise")
        search = ordinal_invariance
        if len(fixed) < len(_split(partial)):  # --partial auto: the data-driven search
            from craftwave.analysis.sem.categorical.partial import (
                ordinal_partial_invariance as search,
            )
        res, messages = _run(lambda: search(
            syntax, frame, group=group, long=_split(long_) if long_ else None,
            missing=missing.lower(), residual_lags=lags, partial=fixed, criteria=criteria,
            parameterization=parameterization))
    else:
        if missing.lower() == "pairwise":
            fail("--missing pairwise is for ordered indicators (--ordered)")
        search = invariance
        if len(fixed) < len(_split(partial)):  # --partial auto: the data-driven search
            from craftwave.analysis.partial_invariance import partial_invariance as search
        res, messages = _run(lambda: search(
            syntax, frame, group=group, long=_split(long_) if long_ else None,
            estimator=(estimator or "ML").upper(), missing=missing.lower(), residual_lags=lags,
            partial=fixed, criteria=criteria))
    note = None
    if getattr(res, "estimator", None) == "WLSMV":
        note = ("Ordered indicators: chi-square, CFI, TLI and RMSEA are the scaled (WLSMV) "
                "versions; the difference test is Satorra's (2000) scaled-and-shifted test, as "
                "lavaan's lavTestLRT. Levels identified as Wu & Estabrook (2016).")
    if as_json:
        out = res.to_dict()
        out["warnings"] = messages
        if note:
            out["note"] = note
            out["syntax"] = getattr(res, "syntax", None)
        echo_json(out)
        return
    click.echo(res.summary())
    if note:
        click.echo(note)
    for m in messages:
        click.echo(f"Warning: {m}", err=True)


COMMANDS = [fit_cmd, invariance_cmd]
