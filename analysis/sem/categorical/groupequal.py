"""lavaan's ``group.equal`` and ``group.partial`` shortcuts for ordered indicators.

``group_equal`` makes kinds of parameters equal across groups, as lavaan 0.6-14 does for
categorical data (``lav_options.R``, ``lav_partable_flat.R``):

- the kinds: ``thresholds``, ``loadings``, ``intercepts``, ``means``, ``regressions``,
  ``residuals``, ``residual.covariances``, ``lv.variances``, ``lv.covariances`` (``_`` may stand
  for ``.``); an unknown kind is a :class:`~craftwave.analysis.errors.ModelError` naming it;
- ``thresholds`` and ``intercepts`` go together: either adds the other;
- with equal thresholds, the latent means are free after the first group (unless ``means``),
  and so are the scale factors ``~*~`` (delta) or the residual variances of the latent responses
  (theta; with ``residuals`` too they stay at the first group's 1, as lavaan fixes a parameter
  made equal to a fixed one);
- with ``std_lv`` and equal loadings the latent variances are free after the first group
  (unless ``lv.variances``), as for continuous indicators.

``group_partial`` exempts parameters: ``"f =~ x"``, ``"x ~ 1"``, ``"x ~~ x"``, ``"y ~ x"`` and
thresholds ``"x | t2"``. :func:`parse_partial` reads these entries (also for the invariance
levels and for callers that pass candidates such as a score test's ``"y2 | t1"``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.categorical.thresholds import OrdinalSyntax
from craftwave.analysis.sem.specification import THETA, CompiledModel
from craftwave.analysis.sem.syntax import Term

__all__ = ["ORDINAL_GROUP_EQUAL_KINDS", "OrdinalGroupEqual", "parse_partial",
           "ordinal_group_equal"]

ORDINAL_GROUP_EQUAL_KINDS = ("thresholds", "loadings", "intercepts", "means", "regressions",
                             "residuals", "residual.covariances", "lv.variances",
                             "lv.covariances")
_THRESHOLD = re.compile(r"^\s*([A-Za-z_.][A-Za-z0-9_.]*)\s*\|\s*t(\d+)\s*$")

PartialKey = tuple[str, str, str]


def parse_partial(entries: Iterable[str] | str) -> set[PartialKey]:
    """Read ``group_partial`` / ``partial`` entries into ``(lhs, op, rhs)`` keys.

    Parameters
    ----------
    entries : str or iterable of str
        Entries such as ``"f =~ x2"`` (a loading), ``"x3 ~ 1"`` (an intercept, key
        ``(x3, "~1", "")``), ``"x3 ~~ x3"`` (a residual variance; covariances give both
        orders), ``"y ~ x"`` (a regression) or ``"y2 | t1"`` (a threshold, key
        ``("y2", "|", "t1")``). A single string may hold several entries separated by commas.

    Returns
    -------
    set of tuple
        The keys; an entry that cannot be read is a :class:`ModelError` naming it.

    Examples
    --------
    >>> sorted(parse_partial(["y2 | t1", "f =~ y3", "y4 ~ 1"]))
    [('f', '=~', 'y3'), ('y2', '|', 't1'), ('y4', '~1', '')]
    """
    if isinstance(entries, str):
        entries = [e for e in entries.split(",")]
    keys: set[PartialKey] = set()
    for raw in entries:
        text = str(raw).strip()
        if not text:
            continue
        if "|" in text:
            match = _THRESHOLD.match(text)
            if not match or int(match.group(2)) < 1:
                raise ModelError(f"cannot read the partial entry {text!r}: a threshold is "
                                 "written 'x | t1' (item, then t1, t2, ...)")
            keys.add((match.group(1), "|", f"t{int(match.group(2))}"))
            continue
        for op in ("=~", "~~", "~"):
            if op in text:
                lhs, rhs = (s.strip() for s in text.split(op, 1))
                if not lhs or not rhs:
                    break
                if op == "~" and rhs == "1":
                    keys.add((lhs, "~1", ""))
                else:
                    keys.add((lhs, op, rhs))
                    if op == "~~":
                        keys.add((rhs, op, lhs))
                break
        else:
            lhs = rhs = ""
        if not lhs or not rhs:
            raise ModelError(f"cannot read the partial entry {text!r} (expected e.g. 'f =~ x2', "
                             "'x3 ~ 1', 'x3 ~~ x3' or 'x2 | t1')")
    return keys


def _entry(key: PartialKey) -> str:
    lhs, op, rhs = key
    return f"{lhs} ~ 1" if op == "~1" else f"{lhs} {op} {rhs}"


@dataclass(frozen=True)
class OrdinalGroupEqual:
    """``group_equal`` and ``group_partial`` read for ordered indicators.

    Attributes
    ----------
    kinds : tuple of str
        The kinds made equal, after lavaan's rule (thresholds and intercepts together).
    partial : frozenset of tuple
        The exempt parameters, as :func:`parse_partial` keys.
    """

    kinds: tuple[str, ...] = ()
    partial: frozenset = frozenset()

    @property
    def thresholds(self) -> bool:
        return "thresholds" in self.kinds

    @property
    def model_kinds(self) -> tuple[str, ...]:
        """The kinds the continuous engine applies (all but thresholds)."""
        return tuple(k for k in self.kinds if k != "thresholds")

    @property
    def model_partial(self) -> tuple[str, ...]:
        """The exemptions the continuous engine applies (all but thresholds)."""
        return tuple(_entry(k) for k in sorted(self.partial) if k[1] != "|")

    def apply(self, cm: CompiledModel, spec: OrdinalSyntax, names: Sequence[str],
              counts: Sequence[int], n_groups: int, parameterization: str
              ) -> tuple[CompiledModel, OrdinalSyntax]:
        """The model and threshold syntax with the ordinal rules of ``group_equal``.

        Equal thresholds become one label across groups (a threshold the syntax labels or fixes
        keeps what it says; ``group_partial`` ones stay free in every group); the delta scale
        factors, or theta residual variances, are freed after the first group.
        """
        if n_groups < 2 or not self.thresholds:
            return cm, spec
        thresholds = dict(spec.thresholds)
        for item, count in zip(names, counts, strict=True):
            for k in range(1, count + 1):
                if (item, "|", f"t{k}") in self.partial:
                    continue
                term = thresholds.get((item, k))
                if term is not None and (term.values or term.labels):
                    continue
                thresholds[(item, k)] = Term(item, "|", f"t{k}",
                                             labels=[f".ge.{item}.t{k}"], free_forced=True)
        scales = dict(spec.scales)
        if parameterization == "delta":
            for item in names:
                if item not in scales:
                    scales[item] = Term(item, "~*~", item,
                                        values=[1.0] + [None] * (n_groups - 1),
                                        free_forced=True)
        else:
            cm = self._free_theta_variances(cm, set(names))
        spec = dataclasses.replace(spec, thresholds=thresholds, scales=scales)
        return cm, spec

    def _free_theta_variances(self, cm: CompiledModel, ordered: set[str]) -> CompiledModel:
        equal = "residuals" in self.kinds
        rows = [dataclasses.replace(r) for r in cm.rows]
        freed = set()
        for i, r in enumerate(rows):
            if (r.group > 0 and r.mat == THETA and r.lhs == r.rhs and r.lhs in ordered
                    and not r.user and r.free < 0):
                if equal and (r.lhs, "~~", r.rhs) not in self.partial:
                    continue                       # equal to the first group's fixed 1
                freed.add(i)
        if not freed:
            return cm
        index: dict[tuple[str, int], int] = {}
        labels: list[str] = []
        for i, r in enumerate(rows):
            if r.free < 0 and i not in freed:
                continue
            key = ("new", i) if i in freed else ("old", r.free)
            if key not in index:
                index[key] = len(index)
                labels.append(r.label)
            r.free, r.eq_key = index[key], r.eq_key if i not in freed else ""
        return dataclasses.replace(cm, rows=rows, n_free=len(index), free_labels=labels)


def ordinal_group_equal(group_equal: Sequence[str] | str = (),
                        group_partial: Sequence[str] | str = ()) -> OrdinalGroupEqual:
    """Read ``group_equal`` and ``group_partial`` for ordered indicators, as lavaan.

    Parameters
    ----------
    group_equal : sequence of str
        Kinds of :data:`ORDINAL_GROUP_EQUAL_KINDS` (``_`` may stand for ``.``).
    group_partial : sequence of str
        Exempt parameters (:func:`parse_partial`).

    Returns
    -------
    OrdinalGroupEqual
    """
    if isinstance(group_equal, str):
        group_equal = [k for k in group_equal.split(",")]
    kinds = [str(k).strip().replace("_", ".") for k in group_equal if str(k).strip()]
    unknown = [k for k in kinds if k not in ORDINAL_GROUP_EQUAL_KINDS]
    if unknown:
        raise ModelError(f"unknown group_equal kind{'s' if len(unknown) > 1 else ''} "
                         f"{', '.join(repr(k) for k in unknown)} for ordered indicators; "
                         f"lavaan's kinds are {', '.join(ORDINAL_GROUP_EQUAL_KINDS)}")
    if "intercepts" in kinds or "thresholds" in kinds:   # lavaan: one implies the other
        kinds += [k for k in ("thresholds", "intercepts") if k not in kinds]
    return OrdinalGroupEqual(tuple(dict.fromkeys(kinds)), frozenset(parse_partial(group_partial)))
