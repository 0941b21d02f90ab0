"""What every panel-model builder shares: variable lookup and the model specification object.

A builder turns constructs x waves into lavaan syntax. The syntax is the product: a user can
read it, edit it, cite it and fit it in R. :class:`PanelModel` carries the syntax together with
the builder's fitting defaults (ML with FIML, since panels lose people between waves) and fits
it through the SEM engine (:func:`craftwave.analysis.fit`); this package contains no estimator.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from craftwave.instruments.errors import DataError, ModelError
from craftwave.instruments.names import with_wave

#: The missing-data method every panel builder fits with unless told otherwise.
DEFAULT_MISSING = "fiml"

_IDENT_OK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")


@dataclass(frozen=True)
class PanelModel:
    """A panel model: readable lavaan syntax plus the builder's fitting defaults.

    Attributes
    ----------
    kind : str
        ``"clpm"``, ``"riclpm"``, ``"lcs"`` or ``"focal"``.
    syntax : str
        The lavaan model syntax, with ``#`` comments explaining each block.
    observed : tuple of str
        The observed variables (data columns) the syntax uses.
    constructs : tuple of str
        Construct stems, in the order given to the builder.
    waves : tuple of int
        The waves, ascending.
    missing : str
        The default missing-data method used by :meth:`fit` (``"fiml"``).
    options : dict
        The builder's options (for the record and for output).
    prepare : callable or None
        A function ``data -> data`` run by :meth:`fit` before fitting (e.g. to build a product
        term); ``None`` when the data are used as they are.
    """

    kind: str
    syntax: str
    observed: tuple[str, ...]
    constructs: tuple[str, ...]
    waves: tuple[int, ...]
    missing: str = DEFAULT_MISSING
    options: dict[str, Any] = field(default_factory=dict)
    prepare: Callable[[pd.DataFrame], pd.DataFrame] | None = None

    def __str__(self) -> str:
        return self.syntax

    def extend(self, lines: str, title: str = "added by the user") -> PanelModel:
        """A copy with ``lines`` (lavaan syntax) appended, e.g. defined parameters.

        >>> from craftwave.analysis.panel import clpm
        >>> m = clpm(["a", "b"], [1, 2, 3], stationary=True)
        >>> m.extend("ind := cl_a_b * ar_b").syntax.splitlines()[-1]
        'ind := cl_a_b * ar_b'
        """
        text = "\n".join(ln.strip() for ln in str(lines).strip().splitlines() if ln.strip())
        if not text:
            return self
        return dataclasses.replace(self, syntax=self.syntax.rstrip("\n") + f"\n\n# {title}\n"
                                   + text + "\n")

    def prepared(self, data: pd.DataFrame) -> pd.DataFrame:
        """Return the data the model is fitted to (a copy; the input is never changed)."""
        if not isinstance(data, pd.DataFrame):
            raise DataError(f"data must be a pandas DataFrame, not {type(data).__name__}")
        out = self.prepare(data) if self.prepare is not None else data.copy()
        absent = [v for v in self.observed if v not in out.columns]
        if absent:
            raise DataError(
                f"{self.kind}: the data have no column(s) {', '.join(absent)}; "
                "columns follow the codebook pattern {prefix}_w{wave} (or pass variables=...)"
            )
        return out

    def full_syntax(self, data: pd.DataFrame | None = None) -> str:
        """The syntax as fitted: for ordered items, with the thresholds (equal across waves).

        The number of thresholds of an item is its number of observed categories minus one,
        which must be the same at every wave.
        """
        pairs_ = self.options.get("threshold_items")
        if not self.options.get("ordered") or not pairs_:
            return self.syntax
        if data is None:
            raise DataError("the thresholds of ordered items come from the data: pass data")
        from craftwave.analysis.sem.categorical.polychoric import recode_ordinal

        lines = ["", "# thresholds, equal across waves (from the data's categories)"]
        for label, cols in pairs_:
            levels = [tuple(recode_ordinal(data[c])[1]) for c in cols]
            if len(set(levels)) != 1:
                shown = "; ".join(f"{c}: {list(lv)}" for c, lv in zip(cols, levels, strict=True))
                raise DataError("an ordered item needs the same observed categories at every "
                                f"wave to hold its thresholds equal ({shown})")
            k = len(levels[0]) - 1
            for c in cols:
                lines.append(f"{c} | " + " + ".join(f"{label}_{j}*t{j}" for j in range(1, k + 1)))
        return self.syntax + "\n".join(lines)

    def fit(self, data: pd.DataFrame, missing: str | None = None, **kwargs: Any) -> Any:
        """Fit the model with the SEM engine.

        Parameters
        ----------
        data : DataFrame
            Wide data, one row per participant, with the columns in :attr:`observed`.
        missing : {"fiml", "listwise"}, optional
            Missing-data method; the builder's default is ``"fiml"`` (full-information ML).
        **kwargs
            Passed on to :func:`craftwave.analysis.fit` (e.g. ``estimator="MLR"``). ``fixed_x`` defaults
            to False, so that FIML also uses the cases with a missing wave-1 score (lavaan's
            ``fixed.x = FALSE``; with complete data the estimates are the same either way).
            ``meanstructure`` defaults to True: panel models estimate the wave means too.

        Returns
        -------
        The engine's fit result (parameter table in ``.params``, fit measures in
        ``.fit_measures``).
        """
        from craftwave.analysis.sem import fit as sem_fit  # the engine; imported late on purpose

        method = self.missing if missing is None else missing
        if self.options.get("ordered"):
            from craftwave.analysis.sem.categorical import fit_ordinal

            frame = self.prepared(data)
            return fit_ordinal(self.full_syntax(frame), frame[list(self.observed)],
                               missing=method, function="sem", **kwargs)
        kwargs.setdefault("fixed_x", False)
        kwargs.setdefault("meanstructure", True)
        return sem_fit(self.syntax, self.prepared(data), missing=method, **kwargs)


def check_name(name: str, what: str = "variable") -> str:
    """Check that ``name`` can stand in lavaan syntax as it is."""
    if not isinstance(name, str) or not name or not set(name) <= _IDENT_OK or name[0].isdigit():
        raise ModelError(f"{what} name {name!r} cannot be used in lavaan syntax "
                         "(letters, digits, '_' and '.', not starting with a digit)")
    return name


def check_waves(waves: Iterable[int], minimum: int) -> tuple[int, ...]:
    """Validate the wave numbers (integers from 1, strictly increasing, at least ``minimum``)."""
    out = tuple(waves)
    for w in out:
        if not isinstance(w, int) or isinstance(w, bool) or w < 1:
            raise ModelError(f"waves are integers counted from 1; got {w!r}")
    if any(b <= a for a, b in zip(out, out[1:], strict=False)):
        raise ModelError(f"waves must increase strictly; got {list(out)}")
    if len(out) < minimum:
        raise ModelError(f"this model needs at least {minimum} waves; got {len(out)}")
    return out


def resolve_variables(
    constructs: Sequence[str] | None,
    waves: Sequence[int] | None,
    variables: Mapping[str, Sequence[str]] | None,
    minimum_waves: int,
    minimum_constructs: int = 1,
) -> tuple[tuple[str, ...], tuple[int, ...], dict[str, list[str]]]:
    """Find the observed variable of each construct at each wave.

    Either ``constructs`` and ``waves`` (names follow the codebook: ``{construct}_w{wave}``,
    so ``"icraft"`` gives ``icraft_w1``, and a subscale stem ``"icraft_task"`` gives
    ``icraft_task_w1``), or ``variables``, a mapping construct -> one column per wave, given
    explicitly (then ``waves`` only numbers them and defaults to 1, 2, ...).
    """
    if variables is not None:
        names = tuple(variables)
        lengths = {len(v) for v in variables.values()}
        if len(lengths) != 1:
            raise ModelError("variables: every construct needs one column per wave, the same count")
        n = lengths.pop()
        wv = check_waves(waves if waves is not None else range(1, n + 1), minimum_waves)
        if len(wv) != n:
            raise ModelError(f"variables give {n} columns per construct but waves has {len(wv)}")
        mapping = {check_name(c, "construct"): [check_name(v) for v in variables[c]] for c in names}
    else:
        if not constructs or waves is None:
            raise ModelError("give constructs and waves, or variables={construct: [columns]}")
        names = tuple(constructs)
        wv = check_waves(waves, minimum_waves)
        mapping = {check_name(c, "construct"): [with_wave(c, w) for w in wv] for c in names}
    if len(set(names)) != len(names):
        raise ModelError(f"a construct is named twice: {list(names)}")
    if len(names) < minimum_constructs:
        raise ModelError(f"this model needs at least {minimum_constructs} constructs; got {len(names)}")
    return names, wv, mapping


def block(title: str, lines: Iterable[str]) -> list[str]:
    """A commented block of syntax lines (empty blocks vanish)."""
    lines = [ln for ln in lines if ln]
    return [f"# {title}", *lines, ""] if lines else []


def join(blocks: Iterable[list[str]], header: str) -> str:
    """Assemble the syntax text: a header comment, then the blocks."""
    out = [f"# {ln}" if ln else "#" for ln in header.strip().splitlines()] + [""]
    for b in blocks:
        out.extend(b)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def pairs(items: Sequence[str]) -> list[tuple[str, str]]:
    """All unordered pairs, in order."""
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1:]]
