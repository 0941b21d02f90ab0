"""lavaan's function modes (``lavaan()``, ``sem()``, ``cfa()``, ``growth()``) and their options.

Each mode is a set of automatic settings that decide which parameters lavaan adds to the model
on its own, and whether they are free (``lavaan.R``: the ``sem``/``cfa``/``growth`` wrappers;
``lav_partable_flat.R``: what each setting adds):

========================  ========  ==============  ========
setting                   lavaan()  sem(), cfa()    growth()
========================  ========  ==============  ========
``int_ov_free``           False     True            False
``int_lv_free``           False     False           True
``auto_fix_first``        False     not ``std_lv``  not ``std_lv``
``auto_fix_single``       False     True            True
``auto_var``              False     True            True
``auto_cov_lv_x``         False     True            True
``auto_cov_y``            False     True            True
``meanstructure``         default   default         True
========================  ========  ==============  ========

"default" for ``meanstructure``: on with FIML, with groups or when the syntax has ``~ 1``.
Any setting given explicitly wins over the mode (as in lavaan 0.6-17 and later; lavaan 0.6-14's
``sem()`` and ``cfa()`` silently overrode some of them).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from craftwave.analysis.errors import ModelError

__all__ = ["FUNCTIONS", "ModelOptions", "model_options"]

FUNCTIONS = ("lavaan", "sem", "cfa", "growth")


@dataclass(frozen=True)
class ModelOptions:
    """The automatic settings that shape the parameter table (lavaan's names, ``.`` as ``_``)."""

    int_ov_free: bool = True
    int_lv_free: bool = False
    auto_fix_first: bool = True
    auto_fix_single: bool = True
    auto_var: bool = True
    auto_cov_lv_x: bool = True
    auto_cov_y: bool = True
    std_lv: bool = False
    orthogonal: bool = False

    def to_dict(self) -> dict[str, bool]:
        return {f.name: bool(getattr(self, f.name)) for f in fields(self)}


_LAVAAN = ModelOptions(int_ov_free=False, int_lv_free=False, auto_fix_first=False,
                       auto_fix_single=False, auto_var=False, auto_cov_lv_x=False,
                       auto_cov_y=False)
_SEM = ModelOptions()
_GROWTH = ModelOptions(int_ov_free=False, int_lv_free=True)


def model_options(function: str = "sem", **given: bool | None) -> ModelOptions:
    """The settings of a lavaan function mode, with explicitly given settings applied.

    Parameters
    ----------
    function : {"lavaan", "sem", "cfa", "growth"}
        The lavaan function whose automatic settings apply.
    **given : bool or None
        Any :class:`ModelOptions` field; ``None`` means "the mode's default".

    Returns
    -------
    ModelOptions

    Raises
    ------
    ModelError
        For an unknown function or setting.

    Examples
    --------
    >>> model_options("lavaan", auto_var=True).auto_var
    True
    >>> model_options("sem", std_lv=True).auto_fix_first
    False
    """
    name = str(function).lower()
    if name not in FUNCTIONS:
        raise ModelError(f"function must be one of {', '.join(FUNCTIONS)}, not {function!r}")
    base = {"lavaan": _LAVAAN, "sem": _SEM, "cfa": _SEM, "growth": _GROWTH}[name]
    known = {f.name for f in fields(ModelOptions)}
    unknown = sorted(set(given) - known)
    if unknown:
        raise ModelError(f"unknown option(s) {', '.join(unknown)}")
    chosen = {k: bool(v) for k, v in given.items() if v is not None}
    opts = replace(base, **chosen)
    if opts.std_lv and "auto_fix_first" not in chosen:
        opts = replace(opts, auto_fix_first=False)
    return opts
