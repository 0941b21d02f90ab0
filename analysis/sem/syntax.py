"""A parser for lavaan model syntax.

Supported: ``=~`` (loadings), ``~`` (regressions), ``~~`` (variances and covariances),
``~ 1`` (intercepts and means), ``:=`` (defined parameters), ``==`` between two labels or a label
and a number, and the modifiers ``1*x`` (fixed), ``NA*x`` (free), ``a*x`` (label; a label shared
by several parameters makes them equal), ``start(0.5)*x`` and per-group vectors ``c(a, b)*x``.
Comments start with ``#`` or ``!``; statements end at a newline or ``;``; a line without an
operator continues the previous statement.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from craftwave.analysis.errors import ModelError

__all__ = ["Term", "Defined", "Constraint", "ParsedModel", "parse_model"]

_OPERATORS = (":=", "=~", "~~", "==", "<", ">", "~")
_NAME = re.compile(r"^[A-Za-z_.][A-Za-z0-9_.]*$")


@dataclass
class Term:
    """One ``lhs op rhs`` statement of the syntax with its modifiers.

    ``values`` holds a fixed value per group (``None`` = free); ``labels`` a label per group
    (``None`` or ``""`` = no label); each list has length 1 when it applies to every group.
    """

    lhs: str
    op: str
    rhs: str
    values: list[float | None] | None = None
    labels: list[str | None] | None = None
    starts: list[float | None] | None = None
    free_forced: bool = False

    def value_for(self, group: int) -> float | None:
        return _pick(self.values, group)

    def label_for(self, group: int) -> str | None:
        return _pick(self.labels, group) or None

    def start_for(self, group: int) -> float | None:
        return _pick(self.starts, group)

    def is_free_forced(self, group: int) -> bool:
        return self.free_forced and self.value_for(group) is None


def _pick(values: list | None, group: int):
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    if group >= len(values):
        raise ModelError(f"a c(...) modifier has {len(values)} entries but group {group + 1} "
                         "was asked for")
    return values[group]


@dataclass
class Defined:
    """A defined parameter ``name := expression``."""

    name: str
    expression: str


@dataclass
class Constraint:
    """An equality constraint ``lhs == rhs`` between labels (or a label and a number)."""

    lhs: str
    rhs: str


@dataclass
class ParsedModel:
    """The statements of a model, in the order written."""

    terms: list[Term] = field(default_factory=list)
    defined: list[Defined] = field(default_factory=list)
    constraints: list[Constraint] = field(default_factory=list)


def _strip_comment(line: str) -> str:
    out = []
    quote = None
    for ch in line:
        if quote:
            out.append(ch)
            if ch == quote:
                quote = None
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "#!":
            break
        out.append(ch)
    return "".join(out)


def _find_operator(stmt: str) -> tuple[str, int] | None:
    depth = 0
    i = 0
    while i < len(stmt):
        ch = stmt[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            for op in _OPERATORS:
                if stmt.startswith(op, i):
                    return op, i
        i += 1
    return None


def _split_top(text: str, sep: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts]


def _statements(model: str) -> list[str]:
    statements: list[str] = []
    for raw in model.replace("\r", "\n").split("\n"):
        line = _strip_comment(raw)
        for piece in line.split(";"):
            piece = piece.strip()
            if not piece:
                continue
            if statements and (_find_operator(piece) is None or piece.startswith("+")
                               or statements[-1].rstrip().endswith(("+", "*"))):
                statements[-1] = statements[-1] + " " + piece
            else:
                statements.append(piece)
    return statements


# lavaan syntax craftwave does not estimate yet: (pattern, feature named in the error)
_UNSUPPORTED = (
    (re.compile(r"^\s*level\s*:"), "multilevel models (level: blocks)"),
    (re.compile(r"^\s*(group|block|class)\s*:"), "group:/block: blocks in the syntax "
     "(use group= instead)"),
    (re.compile(r"\befa\s*\("), "exploratory factor blocks (efa())"),
    (re.compile(r"<~"), "composites / formative indicators (<~)"),
    (re.compile(r"~\*~"), "scaling factors (~*~)"),
    (re.compile(r"\|"), "thresholds (|) of ordinal indicators"),
)
# an observed interaction term of a regression, as lavaan reads it: x:w (the product column
# is made from the data, see craftwave.analysis.sem.interactions)
_PRODUCT = re.compile(r"^[A-Za-z_.][A-Za-z0-9_.]*(:[A-Za-z_.][A-Za-z0-9_.]*)+$")


def _check_supported(model: str) -> None:
    """Refuse lavaan syntax that craftwave does not estimate yet, naming the feature."""
    for raw in model.replace("\r", "\n").split("\n"):
        line = _strip_comment(raw)
        for pattern, feature in _UNSUPPORTED:
            if pattern.search(line):
                raise ModelError(f"not supported yet: {feature}, in: {line.strip()}")


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _atom(text: str, stmt: str) -> tuple[str, object]:
    """Classify one modifier atom: ('fixed', v), ('free', None), ('label', s)."""
    text = text.strip()
    if text == "NA":
        return "free", None
    value = _number(text)
    if value is not None:
        return "fixed", value
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return "label", text[1:-1]
    if _NAME.match(text):
        return "label", text
    raise ModelError(f"cannot read the modifier {text!r} in: {stmt}")


def _apply_modifier(term: Term, mod: str, stmt: str) -> None:
    mod = mod.strip()
    start_match = re.fullmatch(r"start\((.*)\)", mod)
    vector_match = re.fullmatch(r"c\((.*)\)", mod)
    if start_match:
        inner = start_match.group(1)
        inner_vec = re.fullmatch(r"c\((.*)\)", inner.strip())
        items = _split_top(inner_vec.group(1), ",") if inner_vec else [inner]
        term.starts = [_number(x) for x in items]
        return
    items = _split_top(vector_match.group(1), ",") if vector_match else [mod]
    kinds = [_atom(x, stmt) for x in items]
    if all(k == "label" for k, _ in kinds):
        term.labels = [v for _, v in kinds]
        return
    if all(k in ("fixed", "free") for k, _ in kinds):
        term.values = [v for _, v in kinds]
        if any(k == "free" for k, _ in kinds):
            term.free_forced = True
        return
    raise ModelError(f"a c(...) modifier mixes labels and values in: {stmt}")


def _parse_rhs_term(lhs: str, op: str, text: str, stmt: str) -> Term:
    pieces = _split_top(text, "*")
    name = pieces[-1]
    if op != "=~" and ":" in name:
        name = re.sub(r"\s*:\s*", ":", name)
    if op == "~" and name == "1":
        term = Term(lhs, "~1", "")
    else:
        if not (_NAME.match(name) or (op != "=~" and _PRODUCT.match(name))):
            raise ModelError(f"{name!r} is not a variable name in: {stmt}")
        term = Term(lhs, op, name)
    for mod in pieces[:-1]:
        _apply_modifier(term, mod, stmt)
    return term


def _merge(into: Term, other: Term) -> None:
    if other.values is not None:
        into.values = other.values
        into.free_forced = into.free_forced or other.free_forced
    if other.labels is not None:
        into.labels = other.labels
    if other.starts is not None:
        into.starts = other.starts


def parse_model(model: str) -> ParsedModel:
    """Parse lavaan model syntax.

    Parameters
    ----------
    model : str
        The model in lavaan syntax.

    Returns
    -------
    ParsedModel
        Terms in the order written (repeated ``lhs op rhs`` statements are merged, as lavaan
        does when ``NA*x1 + a*x1`` spreads modifiers over two terms), defined parameters and
        equality constraints.

    Raises
    ------
    ModelError
        On an unknown operator, a malformed modifier or an empty model.

    Examples
    --------
    >>> pm = parse_model("F =~ 1*x1 + a*x2 + a*x3\\nab := a*2")
    >>> [(t.lhs, t.op, t.rhs) for t in pm.terms]
    [('F', '=~', 'x1'), ('F', '=~', 'x2'), ('F', '=~', 'x3')]
    """
    if not isinstance(model, str) or not model.strip():
        raise ModelError("the model syntax is empty")
    _check_supported(model)
    parsed = ParsedModel()
    index: dict[tuple[str, str, str], Term] = {}
    for stmt in _statements(model):
        found = _find_operator(stmt)
        if found is None:
            raise ModelError(f"no operator (=~, ~, ~~, :=) in: {stmt}")
        op, pos = found
        lhs = stmt[:pos].strip()
        rhs = stmt[pos + len(op):].strip()
        if op == ":=":
            if not _NAME.match(lhs):
                raise ModelError(f"{lhs!r} is not a valid name for a defined parameter")
            parsed.defined.append(Defined(lhs, rhs))
            continue
        if op == "==":
            parsed.constraints.append(Constraint(lhs, rhs))
            continue
        if op in ("<", ">"):
            raise ModelError(f"inequality constraints are not supported: {stmt}")
        lhs_names = _split_top(lhs, "+")
        for name in lhs_names:
            if not (_NAME.match(name) or (op != "=~" and _PRODUCT.match(name))):
                raise ModelError(f"{name!r} is not a variable name in: {stmt}")
        if not rhs:
            raise ModelError(f"nothing on the right of {op} in: {stmt}")
        pieces = _split_top(rhs, "+")
        for lhs_name, piece in ((a, b) for a in lhs_names for b in pieces):
            if not piece:
                raise ModelError(f"an empty term in: {stmt}")
            term = _parse_rhs_term(lhs_name, op, piece, stmt)
            key = (term.lhs, term.op, term.rhs)
            if term.op == "~~":
                rev = (term.rhs, term.op, term.lhs)
                if rev in index:
                    key = rev
            if key in index:
                _merge(index[key], term)
            else:
                index[key] = term
                parsed.terms.append(term)
    if not parsed.terms:
        raise ModelError("the model has no =~, ~ or ~~ statements")
    latent = {t.lhs for t in parsed.terms if t.op == "=~"}
    for t in parsed.terms:
        if ":" in t.rhs and latent & set(t.rhs.split(":")):
            raise ModelError(f"not supported yet: interaction terms ({t.rhs}) of latent "
                             "variables, as in lavaan; only observed variables can be "
                             f"multiplied, in: {t.lhs} ~ {t.rhs}")
    for t in parsed.terms:
        for v in t.values or []:
            if v is not None and not math.isfinite(v):
                raise ModelError(f"a fixed value is not finite in {t.lhs} {t.op} {t.rhs}")
    return parsed
