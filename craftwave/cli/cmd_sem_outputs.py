"""The output a paper needs: ``craftwave fit --standardized/--rsquare/--residuals`` and
``craftwave predict`` (factor scores), with lavaan's names and defaults."""

from __future__ import annotations

from typing import Any

import click

from craftwave.cli.output import echo_json, fail


def output_options(fn):
    """``--standardized``, ``--std-type``, ``--rsquare`` and ``--residuals`` for ``fit``.

    The command receives them as keyword arguments ``standardized``, ``std_type``, ``rsquare``
    and ``residual_type`` (pass them on with ``**outputs``).
    """
    fn = click.option("--residuals", "residual_type", is_flag=False, flag_value="cor",
                      default=None,
                      type=click.Choice(["cor", "cor.bollen", "cor.bentler", "raw",
                                         "standardized", "normalized"]),
                      help="Residual matrix, as lavaan's residuals(fit, type): cor "
                      "(= cor.bollen, the default when no type is given), cor.bentler (its "
                      "root mean square is the SRMR), raw, standardized (raw over its SE) or "
                      "normalized.")(fn)
    fn = click.option("--rsquare", is_flag=True,
                      help="R-squared of every endogenous variable (lavInspect 'r2').")(fn)
    fn = click.option("--std-type", type=click.Choice(["std.all", "std.lv", "std.nox"]),
                      default="std.all", show_default=True,
                      help="Type of the standardized solution.")(fn)
    fn = click.option("--standardized", is_flag=True,
                      help="Standardized solution with delta-method SEs and CIs, as "
                      "lavaan's standardizedSolution().")(fn)
    return fn


def _records(frame) -> list[dict[str, Any]]:
    return frame.to_dict(orient="records")


def outputs_json(res, standardized: bool, std_type: str, rsquare: bool,
                 residual_type: str | None) -> dict[str, Any]:
    """The JSON keys ``standardized``, ``rsquare`` and ``residuals`` asked for."""
    out: dict[str, Any] = {}
    if standardized:
        out["standardized"] = {"type": std_type,
                               "parameters": _records(res.standardized_solution(std_type))}
    if rsquare:
        out["rsquare"] = _records(res.rsquare())
    if residual_type:
        out["residuals"] = res.residuals(residual_type).to_dict()
    return out


def outputs_text(res, standardized: bool, std_type: str, rsquare: bool,
                 residual_type: str | None) -> str:
    """The same outputs as text, after the summary."""
    blocks = []
    if standardized:
        std = res.standardized_solution(std_type)
        lines = [f"Standardized solution ({std_type}, delta-method SE):",
                 f"  {'':<28}{'group':>6}{'est.std':>9}{'se':>9}{'z':>9}{'p':>8}"
                 f"{'ci.lower':>10}{'ci.upper':>10}"]
        for r in std.itertuples(index=False):
            name = f"{r.lhs} {r.op} {r.rhs}".strip()
            lines.append(f"  {name:<28}{r.group:>6}{_f(r.est_std):>9}{_f(r.se):>9}"
                         f"{_f(r.z, 2):>9}{_p(r.pvalue):>8}{_f(r.ci_lower):>10}"
                         f"{_f(r.ci_upper):>10}")
        blocks.append("\n".join(lines))
    if rsquare:
        r2 = res.rsquare()
        lines = ["R-square:"]
        for r in r2.itertuples(index=False):
            where = f" [{r.group_label}]" if len(res.group_labels) > 1 else ""
            lines.append(f"  {r.name + where:<28}{_f(r.r2):>9}")
        blocks.append("\n".join(lines))
    if residual_type:
        blocks.append(res.residuals(residual_type).summary())
    return "\n\n".join(blocks)


def _f(x, digits: int = 3) -> str:
    if x is None or x != x:
        return ""
    return f"{x:.{digits}f}"


def _p(x) -> str:
    if x is None or x != x:
        return ""
    return "<.001" if x < 0.001 else f"{x:.3f}"


@click.command("predict")
@click.argument("model", type=click.Path(exists=True, dir_okay=False))
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--method", type=click.Choice(["regression", "bartlett"], case_sensitive=False),
              default="regression", show_default=True,
              help="lavPredict's method: regression (lavaan's default) or Bartlett.")
@click.option("--function", "function", type=click.Choice(["sem", "cfa", "growth", "lavaan"]),
              default="sem", show_default=True, help="lavaan function of the fit.")
@click.option("--estimator", type=click.Choice(["ML", "MLR"], case_sensitive=False),
              default="ML", show_default=True)
@click.option("--missing", type=click.Choice(["listwise", "fiml"], case_sensitive=False),
              default="listwise", show_default=True,
              help="Listwise deletion (lavaan's default: cases not used get empty scores) or "
              "FIML (scores from each case's observed variables).")
@click.option("--group", help="Column with the group of each row (multi-group model).")
@click.option("--group-equal", help="Comma-separated lavaan group.equal kinds.")
@click.option("--group-partial", help="Comma-separated parameters freed from --group-equal.")
@click.option("--meanstructure/--no-meanstructure", default=None, help="lavaan's meanstructure.")
@click.option("--fixed-x/--no-fixed-x", default=True, show_default=True, help="lavaan's fixed.x.")
@click.option("--std-lv/--no-std-lv", default=None, help="lavaan's std.lv.")
@click.option("--keep", help="Comma-separated columns of DATA to copy next to the scores "
              "(e.g. an id column).")
@click.option("--out", "out_path", type=click.Path(dir_okay=False),
              help="Write the scores to this CSV file (default: print them).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of CSV.")
def predict_cmd(model, data, method, function, estimator, missing, group, group_equal,
                group_partial, meanstructure, fixed_x, std_lv, keep, out_path, as_json) -> None:
    """Factor scores of MODEL fitted to DATA.csv, as lavaan's lavPredict(fit, method).

    One row per row of DATA, one column per latent variable; e.g.
    `craftwave predict cfa.lav data.csv --method bartlett --keep id --out scores.csv`.
    """
    from craftwave.analysis.sem import fit
    from craftwave.cli.cmd_sem import _read, _run, _split  # here: cmd_sem imports this module

    syntax, frame = _read(model, data)
    keep_cols = _split(keep)
    absent = [c for c in keep_cols if c not in frame.columns]
    if absent:
        fail(f"DATA has no column(s) {', '.join(absent)} to keep")
    res, messages = _run(lambda: fit(syntax, frame, estimator=estimator.upper(),
                                     missing=missing.lower(), group=group,
                                     group_equal=_split(group_equal),
                                     group_partial=_split(group_partial), function=function,
                                     meanstructure=meanstructure, fixed_x=fixed_x,
                                     std_lv=std_lv))
    scores, more = _run(lambda: res.predict(frame, method=method.lower(), group=group))
    messages += more
    scores = scores.drop(columns=[group] if group else [])
    for c in reversed(keep_cols + ([group] if group else [])):
        if c not in scores.columns:
            scores.insert(0, c, frame[c].to_numpy())
    if as_json:
        echo_json({"method": method.lower(), "missing": res.missing, "nobs": res.nobs,
                   "latent": list(res.model.lv_names), "scores": _records(scores),
                   "warnings": messages + list(res.warnings)})
        return
    if out_path:
        scores.to_csv(out_path, index=False)
        click.echo(f"Wrote factor scores ({method.lower()}, {res.missing}) of "
                   f"{int(scores[list(res.model.lv_names)].notna().all(axis=1).sum())} of "
                   f"{len(scores)} rows to {out_path}")
    else:
        click.echo(scores.to_csv(index=False), nl=False)
    for m in messages + list(res.warnings):
        click.echo(f"Warning: {m}", err=True)


COMMANDS = [predict_cmd]
