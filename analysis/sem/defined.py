"""Defined parameters (``name := expression``): safe evaluation and delta-method SEs."""

from __future__ import annotations

import ast
import math
from collections.abc import Callable

import numpy as np

from craftwave.analysis.errors import ModelError

__all__ = ["compile_expression", "DefinedSet"]

_FUNCS = {"exp": np.exp, "log": np.log, "sqrt": np.sqrt, "abs": np.abs, "tanh": np.tanh,
          "pnorm": None}
_ALLOWED = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Load, ast.Constant,
            ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub, ast.UAdd, ast.Call)


def compile_expression(expression: str) -> tuple[Callable[[dict], float], list[str]]:
    """Compile an arithmetic expression of labels; return (function of a dict, names used)."""
    text = expression.replace("^", "**")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ModelError(f"cannot read the defined parameter expression {expression!r}") from exc
    names = []
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise ModelError(f"{expression!r}: only + - * / ^ and exp, log, sqrt, abs, tanh are "
                             "allowed in a defined parameter")
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCS:
                raise ModelError(f"{expression!r}: unknown function")
        elif isinstance(node, ast.Name) and node.id not in _FUNCS:
            names.append(node.id)
    code = compile(tree, "<defined>", "eval")
    funcs = {k: v for k, v in _FUNCS.items() if v is not None}

    def fn(env: dict) -> float:
        return float(eval(code, {"__builtins__": {}}, {**funcs, **env}))  # noqa: S307

    return fn, list(dict.fromkeys(names))


class DefinedSet:
    """The defined parameters of a model as functions of the free-parameter vector.

    Parameters
    ----------
    defined : list of syntax.Defined
    labels : set of str
        The labels of the model.
    label_values : callable
        ``label_values(theta)`` returns a dict label -> value (free or fixed labelled rows).
    """

    def __init__(self, defined: list, labels: set[str],
                 label_values: Callable[[np.ndarray], dict]) -> None:
        self.labels = set(labels)
        self.names = [d.name for d in defined]
        self.expressions = [d.expression for d in defined]
        self._fns = [compile_expression(d.expression)[0] for d in defined]
        self._label_values = label_values
        self._check()

    def _check(self) -> None:
        known = set()
        for name, expr in zip(self.names, self.expressions, strict=True):
            _, used = compile_expression(expr)
            for u in used:
                if u not in known and u not in self.labels:
                    raise ModelError(f"the defined parameter {name} uses {u!r}, which is not a "
                                     "label of the model")
            known.add(name)

    def values_from_env(self, env: dict) -> np.ndarray:
        env = dict(env)
        out = []
        for name, fn in zip(self.names, self._fns, strict=True):
            try:
                val = fn(env)
            except (ZeroDivisionError, OverflowError, ValueError):
                val = math.nan
            env[name] = val
            out.append(val)
        return np.array(out)

    def values(self, theta: np.ndarray) -> np.ndarray:
        return self.values_from_env(self._label_values(theta))

    def jacobian(self, theta: np.ndarray) -> np.ndarray:
        """d(defined) / d(theta) by central differences (step 1e-6 relative)."""
        k = len(self.names)
        J = np.zeros((k, theta.size))
        for j in range(theta.size):
            h = 1e-6 * max(1.0, abs(theta[j]))
            e = np.zeros(theta.size)
            e[j] = h
            J[:, j] = (self.values(theta + e) - self.values(theta - e)) / (2 * h)
        return J
