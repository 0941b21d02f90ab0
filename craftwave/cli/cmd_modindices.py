"""``craftwave modindices`` and ``craftwave scoretest``: lavaan's modindices() and lavTestScore().

Both take the model and fit options of ``craftwave fit`` (the options are taken over from that
command, so a new fit option reaches them too), fit the model, and test it.
"""

from __future__ import annotations

import inspect

import click

from craftwave.cli.cmd_sem import _read, _run, _split, fit_cmd
from craftwave.cli.output import echo_json, fail
from craftwave.cli.quality_opts import screen

# fit options that are not about the model: left out of these commands
_NOT_FIT = {"n_boot", "seed", "ci", "n_jobs", "as_json", "model", "data",
            "standardized", "std_type", "rsquare", "residual_type"}
_QUALITY = ("policy_file", "exclusions_file", "quality_analysis")


def _fit_options(fn):
    """Attach the model and fit options of ``craftwave fit`` to ``fn``."""
    for param in reversed(fit_cmd.params):
        if param.name not in _NOT_FIT:
            fn.__click_params__ = getattr(fn, "__click_params__", [])
            fn.__click_params__.append(param)
    return fn


def _fit(model: str, data: str, options: dict):
    """Fit as ``craftwave fit`` does, with its options; returns (result, frame, messages)."""
    from craftwave.analysis.sem import fit

    syntax, frame = _read(model, data)
    frame = screen(frame, *(options.pop(k) for k in _QUALITY))
    ordered = options.pop("ordered", None)
    parameterization = options.pop("parameterization", "delta")
    if ordered or (options.get("estimator") or "").upper() in ("WLSMV", "DWLS", "ULSMV"):
        return _fit_ordered(syntax, frame, ordered, parameterization, options)
    kwargs = {}
    accepted = inspect.signature(fit).parameters
    for name, value in options.items():
        if name in ("group_equal", "group_partial"):
            value = _split(value)
        elif name == "estimator":
            value = (value or "ML").upper()
        elif name == "missing":
            value = value.lower()
        if name in accepted:
            kwargs[name] = value
    res, messages = _run(lambda: fit(syntax, frame, **kwargs))
    return res, frame, messages


def _fit_ordered(syntax: str, frame, ordered, parameterization: str, options: dict):
    """The WLSMV (DWLS, ULSMV, ULS) fit of ``craftwave fit --ordered``, for the score tests."""
    from craftwave.analysis.sem.categorical import fit_ordinal

    estimator = (options.get("estimator") or "WLSMV").upper()
    if estimator not in ("WLSMV", "DWLS", "ULSMV", "ULS"):
        fail(f"ordered indicators are fitted by WLSMV, DWLS, ULSMV or ULS, not {estimator}")
    if (options.get("missing") or "listwise").lower() == "fiml":
        fail("ordered indicators take --missing listwise (lavaan's default) or pairwise")
    if options.get("group_equal"):
        fail("not supported yet: --group-equal with ordered indicators; write the constraints "
             "in the syntax")
    which = True if (ordered or "all").strip().lower() == "all" else _split(ordered)
    res, messages = _run(lambda: fit_ordinal(
        syntax, frame, ordered=which, estimator=estimator.lower(),
        missing=(options.get("missing") or "listwise").lower(),
        function=options.get("function") or "sem", std_lv=options.get("std_lv"),
        group=options.get("group"), parameterization=parameterization))
    return res, frame, messages


def _fit_header(res) -> dict:
    from craftwave.analysis.sem.categorical import OrdinalFit

    if isinstance(res, OrdinalFit):
        return {"estimator": res.estimator.upper(), "missing": res.stats.missing,
                "nobs": res.nobs, "group_labels": list(res.group_labels or ["1"]),
                "converged": True, "ordered": list(res.stats.names),
                "parameterization": res.parameterization,
                "chisq": res.fit.get("chisq"), "df": res.fit.get("df")}
    return {"estimator": res.estimator, "missing": res.missing, "nobs": res.nobs,
            "group_labels": list(res.group_labels), "converged": bool(res.converged),
            "chisq": res.fit_measures.get("chisq"), "df": res.fit_measures.get("df")}


@click.command("modindices")
@click.argument("model", type=click.Path(exists=True, dir_okay=False))
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@_fit_options
@click.option("--min", "minimum", type=float, default=0.0, show_default=True,
              help="Show only modification indices above this value (lavaan's "
              "minimum.value).")
@click.option("--top", type=click.IntRange(min=1), default=None,
              help="Show only the N largest (lavaan's maximum.number).")
@click.option("--op", "ops", help="Comma-separated operators to keep, e.g. '=~,~~'.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def modindices_cmd(model, data, minimum, top, ops, as_json, **options) -> None:
    """Modification indices of MODEL fitted to DATA, as lavaan's modindices(fit, sort. = TRUE).

    One row per parameter the model does not estimate: lhs, op, rhs (group), mi, epc,
    sepc_lv, sepc_all, sepc_nox, largest mi first. Takes the options of `craftwave fit`.
    Freeing parameters because their mi is large is a data-driven search: say so, and
    confirm the result on new data.
    """
    from craftwave.analysis.sem.modindices import modindices

    res, frame, messages = _fit(model, data, options)
    table, more = _run(lambda: modindices(res, frame, group=options.get("group"),
                                          minimum=minimum, top=top, op=_split(ops) or None))
    messages += more
    head = _fit_header(res)
    warned = list(getattr(res, "warnings", [])) + messages
    if as_json:
        out = head | {"information": "expected",
                      "modindices": table.to_dict(orient="records"), "warnings": warned}
        echo_json(out)
        return
    info = "expected information" if "ordered" not in head else "DWLS expected information"
    click.echo(f"Modification indices (as lavaan's modindices; {info}), "
               f"estimator {head['estimator']}, missing data: {head['missing']}, "
               f"N = {head['nobs']}")
    click.echo(f"Model chi-square = {head['chisq']:.3f}, df = {head['df']}")
    click.echo("")
    if table.empty:
        click.echo("No modification index to show.")
    else:
        click.echo(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    for m in warned:
        click.echo(f"Warning: {m}", err=True)


@click.command("scoretest")
@click.argument("model", type=click.Path(exists=True, dir_okay=False))
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@_fit_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def scoretest_cmd(model, data, as_json, **options) -> None:
    """Score tests of the equality constraints of MODEL, as lavaan's lavTestScore().

    Tests releasing shared labels, 'a == b' constraints and --group-equal constraints: the
    total test, one test per constraint (univariate) and the cumulative tests, with the
    expected parameter changes. Takes the options of `craftwave fit`.
    """
    from craftwave.analysis.sem.scoretest import score_test

    res, frame, messages = _fit(model, data, options)
    if not getattr(res, "converged", True):
        fail("the model did not converge: no score test")
    out, more = _run(lambda: score_test(res, frame, group=options.get("group")))
    messages += more
    warned = list(getattr(res, "warnings", [])) + messages
    if as_json:
        echo_json(_fit_header(res) | out.to_dict() | {"warnings": warned})
        return
    click.echo(out.summary())
    for m in warned:
        click.echo(f"Warning: {m}", err=True)


COMMANDS = [modindices_cmd, scoretest_cmd]
