"""lavaan's threshold syntax for ordered indicators: ``x1 | t1 + a*t2 + 0.5*t3``.

The continuous engine does not know thresholds, so their lines (and the ``==`` constraints
between threshold labels) are taken out of the syntax here and turned into a small linear map:
every threshold of every item is ``T @ free + fixed``, where a label shared by several thresholds
(or joined by ``a == b``) makes them one free parameter, and a number fixes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem.syntax import _atom, _statements, _strip_comment

__all__ = ["ThresholdSpec", "split_threshold_syntax", "threshold_map"]

_TERM = re.compile(r"^t(\d+)$")


@dataclass
class ThresholdSpec:
    """One threshold written in the syntax: item, number (1-based), and its modifier."""

    item: str
    k: int
    kind: str            # "free", "fixed" or "label"
    value: object = None


def split_threshold_syntax(model: str) -> tuple[str, list[ThresholdSpec],
                                                list[tuple[str, str]]]:
    """The syntax without threshold lines, the thresholds written, and threshold ``==`` pairs."""
    specs: list[ThresholdSpec] = []
    keep: list[str] = []
    pending_eq: list[tuple[str, str, str]] = []
    pieces: list[str] = []                      # threshold statements, continuations joined
    rest: list[str] = []
    for raw in model.replace("\r", "\n").split("\n"):
        for piece in _strip_comment(raw).split(";"):
            piece = piece.strip()
            if not piece:
                continue
            if pieces and pieces[-1].endswith(("+", "*")):
                pieces[-1] += " " + piece
            elif _is_threshold(piece):
                pieces.append(piece)
            else:
                rest.append(piece)
    for stmt in pieces + _statements("\n".join(rest)):
        line = stmt.strip()
        if _is_threshold(line):
            item, rhs = (part.strip() for part in line.split("|", 1))
            if not item.isidentifier():
                raise ModelError(f"a threshold line needs one ordered item on the left: {line}")
            for term in rhs.split("+"):
                term = term.strip()
                mod, _, name = term.rpartition("*")
                match = _TERM.match(name.strip())
                if not match:
                    raise ModelError(f"thresholds are written t1, t2, ...: {term!r} in: {line}")
                if mod.strip().startswith("c("):
                    raise ModelError(f"not supported yet: c(...) modifiers on thresholds "
                                     f"(several groups), in: {line}")
                kind, value = _atom(mod, line) if mod else ("free", None)
                if kind not in ("free", "fixed", "label"):
                    raise ModelError(f"not supported yet: {kind} modifiers on thresholds, "
                                     f"in: {line}")
                specs.append(ThresholdSpec(item, int(match.group(1)), kind, value))
            continue
        if "==" in line:
            lhs, rhs = (part.strip() for part in line.split("==", 1))
            pending_eq.append((lhs, rhs, stmt))
            continue
        keep.append(stmt)
    labels = {s.value for s in specs if s.kind == "label"}
    equal = []
    for lhs, rhs, stmt in pending_eq:
        if lhs in labels and rhs in labels:
            equal.append((lhs, rhs))
        elif lhs in labels or rhs in labels:
            raise ModelError(f"not supported yet: a threshold label equal to another kind of "
                             f"parameter, in: {stmt}")
        else:
            keep.append(stmt)
    return "\n".join(keep), specs, equal


def _is_threshold(line: str) -> bool:
    return "|" in line and "~" not in line and "=" not in line


def threshold_map(names: list[str], counts: list[int], specs: list[ThresholdSpec],
                  equal: list[tuple[str, str]], sample: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray]:
    """The linear map from free threshold parameters to every item's thresholds.

    Parameters
    ----------
    names, counts : the ordered items and their numbers of thresholds (categories - 1).
    specs, equal : from :func:`split_threshold_syntax`.
    sample : the sample thresholds, item by item (start values).

    Returns
    -------
    T : (thresholds, free) matrix, fixed : (thresholds,) fixed values, labels of the free
    parameters, start values of the free parameters.
    """
    offset = dict(zip(names, np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(int),
                      strict=True))
    count = dict(zip(names, counts, strict=True))
    total = int(sum(counts))
    written: dict[int, ThresholdSpec] = {}
    for s in specs:
        if s.item not in offset:
            raise ModelError(f"thresholds for {s.item}, which is not an ordered indicator of "
                             "the model")
        if s.k > count[s.item]:
            raise ModelError(f"{s.item} has {count[s.item] + 1} observed categories, so "
                             f"{count[s.item]} thresholds; the syntax names t{s.k}")
        written[offset[s.item] + s.k - 1] = s
    parent = {}

    def find(a):
        while parent.get(a, a) != a:
            a = parent[a]
        return a

    for a, b in equal:
        parent[find(a)] = find(b)
    fixed = np.zeros(total)
    keys: dict[str, int] = {}
    labels: list[str] = []
    column = np.full(total, -1)
    for slot in range(total):
        s = written.get(slot)
        if s is not None and s.kind == "fixed":
            fixed[slot] = float(s.value)
            continue
        key = f"label:{find(s.value)}" if s is not None and s.kind == "label" else f"slot:{slot}"
        if key not in keys:
            keys[key] = len(keys)
            labels.append(str(s.value) if s is not None and s.kind == "label" else "")
        column[slot] = keys[key]
    T = np.zeros((total, len(keys)))
    used = column >= 0
    T[np.flatnonzero(used), column[used]] = 1.0
    start = (T.T @ sample) / np.maximum(T.sum(axis=0), 1.0)
    return T, fixed, labels, start
