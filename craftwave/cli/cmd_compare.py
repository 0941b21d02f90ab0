"""``craftwave compare``: nested model comparison as lavaan's ``lavTestLRT`` / ``anova``."""

from __future__ import annotations

import click

from craftwave.cli.cmd_sem import ESTIMATOR_CHOICES, _mode_options, _read, _run, _split
from craftwave.cli.output import echo_json, fail
from craftwave.cli.quality_opts import quality_options, screen

METHOD_CHOICES = ["default", "standard", "satorra.bentler.2001", "satorra.bentler.2010",
                  "satorra.2000"]


@click.command("compare")
@click.argument("model_a", type=click.Path(exists=True, dir_okay=False))
@click.argument("model_b", type=click.Path(exists=True, dir_okay=False))
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--method", type=click.Choice(METHOD_CHOICES, case_sensitive=False),
              default="default", show_default=True,
              help="lavTestLRT's method: default = plain difference for ML, ULS and GLS, "
              "Satorra-Bentler 2001 for MLM and MLR, Satorra 2000 for MLMV.")
@click.option("--names", help="Comma-separated names of the two models (default: the file "
              "names).")
@click.option("--function", "function", type=click.Choice(["sem", "cfa", "growth", "lavaan"]),
              default="sem", show_default=True, help="lavaan function mode of both fits.")
@click.option("--estimator", type=click.Choice([*ESTIMATOR_CHOICES, "WLSMV", "ULSMV"],
                                               case_sensitive=False),
              default=None, help="Estimator of both fits (as craftwave fit): ML by default, "
              "WLSMV with --ordered (or ULSMV).")
@click.option("--ordered", is_flag=False, flag_value="all", default=None,
              help="Ordered-categorical indicators (every one, or comma-separated names): "
              "both models fitted by WLSMV and compared by the scaled-and-shifted difference "
              "(satorra.2000), lavaan's lavTestLRT default for WLSMV.")
@click.option("--parameterization", type=click.Choice(["delta", "theta"]), default="delta",
              show_default=True, help="With --ordered: lavaan's parameterization.")
@click.option("--missing", type=click.Choice(["listwise", "fiml", "pairwise"],
                                             case_sensitive=False),
              default="listwise", show_default=True,
              help="listwise or fiml; with --ordered listwise or pairwise.")
@click.option("--group", help="Column with the group of each row (multi-group models).")
@click.option("--group-equal", help="Comma-separated group.equal of both models.")
@click.option("--group-equal-a", help="group.equal of MODEL_A only (overrides --group-equal).")
@click.option("--group-equal-b", help="group.equal of MODEL_B only (overrides --group-equal).")
@click.option("--group-partial", help="Comma-separated group.partial of both models.")
@click.option("--meanstructure/--no-meanstructure", default=None,
              help="lavaan's meanstructure (default: as craftwave fit).")
@click.option("--fixed-x/--no-fixed-x", default=None,
              help="lavaan's fixed.x (default: on; off for ULS and GLS).")
@_mode_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@quality_options
def compare_cmd(model_a, model_b, data, method, names, function, estimator, ordered,
                parameterization, missing, group,
                group_equal, group_equal_a, group_equal_b, group_partial, meanstructure,
                fixed_x, int_ov_free, int_lv_free, std_lv, orthogonal, auto_fix_first,
                auto_fix_single, auto_var, auto_cov_lv_x, auto_cov_y, as_json, policy_file,
                exclusions_file, quality_analysis) -> None:
    """Compare two nested models, MODEL_A and MODEL_B, fitted to DATA (lavaan's lavTestLRT).

    Both models are fitted with the same options; the table is sorted by degrees of freedom
    and tests the more restricted model against the other, with a scaled difference for
    MLM, MLMV and MLR, e.g. `craftwave compare free.lav orthogonal.lav data.csv
    --estimator MLM --method satorra.bentler.2010`. With --ordered both models are fitted by
    WLSMV and compared by the scaled-and-shifted difference (satorra.2000), as lavaan's
    lavTestLRT does for WLSMV: `craftwave compare free.lav stationary.lav items.csv --ordered
    --missing pairwise`.
    """
    from pathlib import Path

    from craftwave.analysis.sem import fit
    from craftwave.analysis.sem.lrt import compare

    labels = _split(names) if names else [Path(model_a).stem, Path(model_b).stem]
    if len(labels) != 2:
        fail("--names takes two comma-separated names")
    if labels[0] == labels[1]:
        labels = [f"{labels[0]} (A)", f"{labels[1]} (B)"]
    syntax_a, frame = _read(model_a, data)
    syntax_b, _ = _read(model_b, data)
    frame = screen(frame, policy_file, exclusions_file, quality_analysis)
    if ordered or (estimator or "").upper() in ("WLSMV", "ULSMV"):
        _compare_ordered(syntax_a, syntax_b, frame, labels, ordered=ordered,
                         estimator=estimator or "WLSMV", method=method, missing=missing,
                         function=function, group=group, std_lv=std_lv,
                         parameterization=parameterization,
                         group_equal=group_equal or group_equal_a or group_equal_b,
                         as_json=as_json)
        return
    if missing.lower() == "pairwise":
        fail("--missing pairwise is for ordered indicators (--ordered)")
    estimator = estimator or "ML"
    common = dict(estimator=estimator.upper(), missing=missing.lower(), group=group,
                  group_partial=_split(group_partial), function=function,
                  meanstructure=meanstructure, fixed_x=fixed_x, int_ov_free=int_ov_free,
                  int_lv_free=int_lv_free, std_lv=std_lv, orthogonal=orthogonal,
                  auto_fix_first=auto_fix_first, auto_fix_single=auto_fix_single,
                  auto_var=auto_var, auto_cov_lv_x=auto_cov_lv_x, auto_cov_y=auto_cov_y)

    def run():
        fits = []
        for syntax, own in ((syntax_a, group_equal_a), (syntax_b, group_equal_b)):
            equal = _split(own if own is not None else group_equal)
            fits.append(fit(syntax, frame, group_equal=equal, **common))
        return compare(fits, frame, method=method, names=labels, group=group)

    res, messages = _run(run)
    if as_json:
        out = res.to_dict()
        out["models"] = {labels[0]: syntax_a, labels[1]: syntax_b}
        out["warnings"] = list(dict.fromkeys(out["warnings"] + messages))
        echo_json(out)
        return
    click.echo(res.summary())
    for m in messages:
        click.echo(f"Warning: {m}", err=True)


def _compare_ordered(syntax_a, syntax_b, frame, labels, *, ordered, estimator, method, missing,
                     function, group, std_lv, parameterization, group_equal, as_json) -> None:
    """``craftwave compare --ordered``: two WLSMV fits and lavTestLRT's satorra.2000 test."""
    from craftwave.analysis.sem.categorical import fit_ordinal
    from craftwave.analysis.sem.categorical.compare import compare_ordinal_models

    if estimator.upper() not in ("WLSMV", "ULSMV"):
        fail(f"ordered indicators are compared by WLSMV or ULSMV, not {estimator.upper()}")
    if method.lower() not in ("default", "satorra.2000"):
        fail(f"with ordered indicators the difference test is satorra.2000 (lavaan's default "
             f"for WLSMV), not {method}")
    if missing.lower() == "fiml":
        fail("ordered indicators take --missing listwise (lavaan's default) or pairwise")
    if group_equal:
        fail("not supported yet: --group-equal with ordered indicators; write the constraints "
             "in the syntax")
    if function == "growth":
        fail("not supported yet: growth models with ordered indicators")
    which = True if (ordered or "all").strip().lower() == "all" else _split(ordered)

    def run():
        fits = [fit_ordinal(s, frame, ordered=which, estimator=estimator.lower(),
                            missing=missing.lower(), function=function, std_lv=std_lv,
                            group=group, parameterization=parameterization)
                for s in (syntax_a, syntax_b)]
        return compare_ordinal_models(fits, names=labels)

    res, messages = _run(run)
    if as_json:
        out = res.to_dict()
        out["models"] = {labels[0]: syntax_a, labels[1]: syntax_b}
        out["warnings"] = list(dict.fromkeys(out["warnings"] + messages))
        echo_json(out)
        return
    click.echo(res.summary())
    click.echo(f"Ordered indicators ({', '.join(res.results[0].stats.names)}), missing answers "
               f"{res.results[0].stats.missing}.")
    for m in messages:
        click.echo(f"Warning: {m}", err=True)


COMMANDS = [compare_cmd]
