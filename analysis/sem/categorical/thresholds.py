"""lavaan's syntax for what only ordered indicators have: thresholds and scale factors.

``x1 | t1 + a*t2 + 0.5*t3`` (thresholds, per group with ``c(a, b)*t1``) and ``x1 ~*~ c(1, NA)*x1``
(delta scale factors). The continuous engine knows neither, so their lines, and ``==``
constraints between their labels, are taken out of the syntax here and turned into linear maps:
every group's thresholds are ``T @ free + fixed``, and so are its scale factors. A label shared by
several entries (or joined by ``a == b``, or by ``group_equal="thresholds"``) makes them one free
parameter; a number fixes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.syntax import (
    Term,
    _merge,
    _parse_rhs_term,
    _statements,
    _strip_comment,
)

__all__ = ["OrdinalSyntax", "LinearMap", "split_ordinal_syntax", "linear_map"]

_TERM = re.compile(r"^t(\d+)$")


@dataclass
class OrdinalSyntax:
    """What the syntax says about thresholds and scale factors."""

    thresholds: dict[tuple[str, int], Term]      # (item, k) -> term (k is 1-based)
    scales: dict[str, Term]                      # item -> term
    equal: list[tuple[str, str]]                 # label pairs made equal by ==


@dataclass
class LinearMap:
    """``values = T @ free + fixed`` for every group's slots, stacked group by group."""

    T: np.ndarray
    fixed: np.ndarray
    labels: list[str]
    start: np.ndarray


def _is_threshold(line: str) -> bool:
    return "|" in line and "~" not in line and "=" not in line


def split_ordinal_syntax(model: str) -> tuple[str, OrdinalSyntax]:
    """The syntax for the continuous engine, and the threshold and scale-factor statements."""
    pieces: list[str] = []
    rest: list[str] = []
    last = rest
    for raw in model.replace("\r", "\n").split("\n"):
        for piece in _strip_comment(raw).split(";"):
            piece = piece.strip()
            if not piece:
                continue
            if last is pieces and pieces[-1].endswith(("+", "*")):
                pieces[-1] += " " + piece
            elif _is_threshold(piece) or "~*~" in piece:
                pieces.append(piece)
                last = pieces
            else:
                rest.append(piece)
                last = rest
    spec = OrdinalSyntax({}, {}, [])
    keep: list[str] = []
    pending: list[tuple[str, str, str]] = []
    for stmt in pieces:
        if "~*~" in stmt:
            lhs, rhs = (part.strip() for part in stmt.split("~*~", 1))
            for text in rhs.split("+"):
                term = _parse_rhs_term(lhs, "~*~", text.strip(), stmt)
                if term.rhs != lhs:
                    raise ModelError(f"a scale factor is written x ~*~ x: {stmt}")
                if lhs in spec.scales:                  # written twice: modifiers merge
                    _merge(spec.scales[lhs], term)
                else:
                    spec.scales[lhs] = term
            continue
        item, rhs = (part.strip() for part in stmt.split("|", 1))
        if not item.isidentifier():
            raise ModelError(f"a threshold line needs one ordered item on the left: {stmt}")
        for text in rhs.split("+"):
            term = _parse_rhs_term(item, "|", text.strip(), stmt)
            match = _TERM.match(term.rhs)
            if not match:
                raise ModelError(f"thresholds are written t1, t2, ...: {text.strip()!r} in: "
                                 f"{stmt}")
            key = (item, int(match.group(1)))
            if key in spec.thresholds:                  # written twice: modifiers merge
                _merge(spec.thresholds[key], term)
            else:
                spec.thresholds[key] = term
    for stmt in _statements("\n".join(rest)):
        if "==" in stmt and ":=" not in stmt:
            lhs, rhs = (part.strip() for part in stmt.split("==", 1))
            pending.append((lhs, rhs, stmt))
        else:
            keep.append(stmt)
    labels = {lab for term in [*spec.thresholds.values(), *spec.scales.values()]
              for lab in (term.labels or []) if lab}
    for lhs, rhs, stmt in pending:
        if lhs in labels and rhs in labels:
            spec.equal.append((lhs, rhs))
        elif lhs in labels or rhs in labels:
            raise ModelError(f"not supported yet: a threshold or scale-factor label equal to "
                             f"another kind of parameter, in: {stmt}")
        else:
            keep.append(stmt)
    return "\n".join(keep), spec


def linear_map(slots: list[tuple[int, str, int]], terms: dict, default_fixed: dict,
               equal: list[tuple[str, str]], equal_across_groups: bool, start: np.ndarray
               ) -> LinearMap:
    """The map from free parameters to slots ``(group, item, k)``.

    Parameters
    ----------
    slots : every (group, item, k) in order; k is 1-based (0 for a scale factor).
    terms : (item, k) or item -> Term written in the syntax.
    default_fixed : slot -> value for slots fixed unless the syntax frees them (e.g. the first
        group's scale factors at 1).
    equal : label pairs made equal.
    equal_across_groups : the same (item, k) is one parameter in every group unless the syntax
        says otherwise (``group_equal="thresholds"``).
    start : start value of each slot.
    """
    parent: dict[str, str] = {}

    def find(a):
        while parent.get(a, a) != a:
            a = parent[a]
        return a

    for a, b in equal:
        parent[find(a)] = find(b)
    fixed = np.zeros(len(slots))
    column = np.full(len(slots), -1)
    keys: dict[str, int] = {}
    labels: list[str] = []
    for s, (g, item, k) in enumerate(slots):
        term = terms.get((item, k) if k else item)
        value = term.value_for(g) if term is not None else None
        label = term.label_for(g) if term is not None else None
        forced = term is not None and term.is_free_forced(g)
        if value is not None:
            fixed[s] = value
            continue
        if label is None and not forced and s in default_fixed:
            fixed[s] = default_fixed[s]
            continue
        if label:
            key = f"label:{find(label)}"
        elif equal_across_groups and not forced:
            key = f"eq:{item}:{k}"
        else:
            key = f"slot:{s}"
        if key not in keys:
            keys[key] = len(keys)
            labels.append(label or "")
        column[s] = keys[key]
    T = np.zeros((len(slots), len(keys)))
    used = column >= 0
    T[np.flatnonzero(used), column[used]] = 1.0
    starts = (T.T @ start) / np.maximum(T.sum(axis=0), 1.0)
    return LinearMap(T, fixed, labels, starts)
