"""The equations, products and effects of PROCESS-style models 7, 8 and 14.

Model 7: ``M ~ X + W + XW (+ C)``, ``Y ~ X + M (+ C)``; indirect effect ``(a1 + a3 w) b``.
Model 8: as 7 with ``Y ~ X + W + XW + M (+ C)``; also a conditional direct effect ``c1 + c3 w``.
Model 14: ``M ~ X (+ C)``, ``Y ~ X + M + V + MV (+ C)``; indirect effect ``a (b1 + b3 v)``.

Each effect is a product of two linear combinations of the parameter vector (or one linear
combination), which gives its value for one or many parameter vectors and its exact gradient for
the delta method.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from craftwave.analysis.bootstrap.closed_form import Equation, RecursivePathModel
from craftwave.instruments.errors import DataError, ModelError
from craftwave.instruments.names import product_var

MODELS = (7, 8, 14)


@dataclass(frozen=True)
class Effect:
    """``(theta @ first) * (theta @ second)``, or ``theta @ first`` when ``second`` is None."""

    first: np.ndarray
    second: np.ndarray | None = None

    def value(self, theta: np.ndarray) -> np.ndarray:
        """The effect for a parameter vector (p,) or a stack of them (B, p)."""
        out = theta @ self.first
        return out if self.second is None else out * (theta @ self.second)

    def gradient(self, theta: np.ndarray) -> np.ndarray:
        """Exact gradient at one parameter vector."""
        if self.second is None:
            return self.first.copy()
        return (theta @ self.second) * self.first + (theta @ self.first) * self.second

    def delta_se(self, theta: np.ndarray, vcov: np.ndarray) -> float:
        """Delta-method standard error."""
        g = self.gradient(theta)
        return float(np.sqrt(max(g @ vcov @ g, 0.0)))


@dataclass
class MediationSpec:
    """A compiled moderated-mediation model and the constants fixed at full-sample values."""

    model: int
    x: str
    w: str
    m: str
    y: str
    covariates: tuple[str, ...]
    moderator: str
    product: str
    centers: dict[str, float]
    path_model: RecursivePathModel
    labels: dict[str, int] = field(default_factory=dict)

    @property
    def first_stage(self) -> bool:
        """True when the moderator acts on the X -> M path (models 7 and 8)."""
        return self.model in (7, 8)

    def to_model_metric(self, value: np.ndarray | float) -> np.ndarray:
        """A moderator value in data units -> the model's metric (minus its centering constant)."""
        return np.asarray(value, dtype=float) - self.centers.get(self.moderator, 0.0)

    def _e(self, label: str) -> np.ndarray:
        e = np.zeros(self.path_model.n_params)
        e[self.labels[label]] = 1.0
        return e

    def indirect(self, value: float) -> Effect:
        """Conditional indirect effect at a moderator value (data units)."""
        c = float(self.to_model_metric(value))
        if self.first_stage:
            return Effect(self._e("a1") + c * self._e("a3"), self._e("b"))
        return Effect(self._e("a"), self._e("b1") + c * self._e("b3"))

    def index(self) -> Effect:
        """Index of moderated mediation (a3 b for models 7/8, a b3 for model 14)."""
        if self.first_stage:
            return Effect(self._e("a3"), self._e("b"))
        return Effect(self._e("a"), self._e("b3"))

    def moderated_paths(self) -> dict[str, tuple[str, str]]:
        """Moderated linear effects as ``name -> (label of the slope, label of the product)``."""
        if self.model == 14:
            return {f"{self.m} -> {self.y}": ("b1", "b3")}
        out = {f"{self.x} -> {self.m}": ("a1", "a3")}
        if self.model == 8:
            out[f"{self.x} -> {self.y} (direct)"] = ("c1", "c3")
        return out

    def slope(self, name: str, value: float) -> Effect:
        """A moderated path's conditional effect at a moderator value (data units)."""
        lo, hi = self.moderated_paths()[name]
        c = float(self.to_model_metric(value))
        return Effect(self._e(lo) + c * self._e(hi))

    def syntax(self, probes: Sequence[float] = ()) -> str:
        """lavaan syntax of the model with the conditional indirect effects as ``:=``."""
        inv = {i: lab for lab, i in self.labels.items()}
        lines = []
        for eq in self.path_model.equations:
            terms = []
            for p in eq.predictors:
                i = self.path_model.param_index(eq.outcome, "~", p)
                terms.append(f"{inv[i]}*{p}" if i in inv else p)
            lines.append(f"{eq.outcome} ~ {' + '.join(terms)}")
        for j, value in enumerate(probes, start=1):
            c = float(self.to_model_metric(value))
            if self.first_stage:
                lines.append(f"ind_{j} := (a1 + a3*({c:.10g}))*b")
            else:
                lines.append(f"ind_{j} := a*(b1 + b3*({c:.10g}))")
        lines.append("index := a3*b" if self.first_stage else "index := a*b3")
        return "\n".join(lines)


def _check_columns(data: pd.DataFrame, names: Sequence[str]) -> None:
    if len(set(names)) != len(names):
        raise ModelError("x, w, m, y (v) and the covariates must be different variables")
    absent = [n for n in names if n not in data.columns]
    if absent:
        raise DataError(f"columns not in the data: {', '.join(absent)}")


def build_spec(
    data: pd.DataFrame,
    *,
    x: str,
    w: str | None,
    m: str,
    y: str,
    covariates: Sequence[str] = (),
    center: bool = True,
    model: int = 7,
    v: str | None = None,
    allow_missing: bool = False,
) -> tuple[MediationSpec, pd.DataFrame]:
    """Centre, form the product and compile the equations; returns the spec and working data.

    ``data`` must be complete in the variables used unless ``allow_missing`` (FIML): then
    centering constants are the means of the observed values, products are missing where a
    component is, and the spec's path model (built on the complete rows) serves only as the
    layout of the parameter vector. For model 14 the moderator of M -> Y is ``v`` (or ``w``
    when ``v`` is not given).
    """
    if model not in MODELS:
        raise ModelError(f"model must be one of {MODELS}; got {model!r}")
    covariates = tuple(covariates)
    if model == 14:
        if v is not None and w is not None and v != w:
            raise ModelError(
                "model 14 has one moderator, of the M -> Y path: give it as v= (or w=), not both"
            )
        moderator = v if v is not None else w
    else:
        if v is not None:
            raise ModelError("v (a second-stage moderator) belongs to model 14 only")
        moderator = w
    if moderator is None:
        raise ModelError("a moderator is required (w= for models 7 and 8, v= for model 14)")
    _check_columns(data, [x, moderator, m, y, *covariates])
    work = data[[x, moderator, m, y, *covariates]].apply(pd.to_numeric, errors="coerce")
    bad = [c for c in work.columns if work[c].isna().any()]
    if bad and not allow_missing:
        raise DataError(f"missing or non-numeric values in: {', '.join(bad)}")
    n_complete = int(work.notna().all(axis=1).sum())
    if n_complete < 10:
        raise DataError(f"at least 10 complete cases are needed; got {n_complete}")
    pair = (x, moderator) if model in (7, 8) else (m, moderator)
    centers = {c: float(work[c].mean()) for c in pair} if center else {}
    for c, mean in centers.items():
        work[c] = work[c] - mean
    product = product_var(*pair)
    work[product] = work[pair[0]] * work[pair[1]]
    if model == 7:
        eqs = [Equation(m, (x, moderator, product, *covariates)), Equation(y, (x, m, *covariates))]
        named = {"a1": (m, x), "a2": (m, moderator), "a3": (m, product), "cp": (y, x), "b": (y, m)}
    elif model == 8:
        eqs = [
            Equation(m, (x, moderator, product, *covariates)),
            Equation(y, (x, moderator, product, m, *covariates)),
        ]
        named = {
            "a1": (m, x), "a2": (m, moderator), "a3": (m, product),
            "c1": (y, x), "c2": (y, moderator), "c3": (y, product), "b": (y, m),
        }
    else:
        eqs = [Equation(m, (x, *covariates)), Equation(y, (x, m, moderator, product, *covariates))]
        named = {
            "a": (m, x), "cp": (y, x), "b1": (y, m), "b2": (y, moderator), "b3": (y, product),
        }
    path_model = RecursivePathModel(work.dropna(), eqs, labels={v: k for k, v in named.items()})
    labels = {k: path_model.param_index(lhs, "~", rhs) for k, (lhs, rhs) in named.items()}
    spec = MediationSpec(
        model=model, x=x, w=moderator, m=m, y=y, covariates=covariates, moderator=moderator,
        product=product, centers=centers, path_model=path_model, labels=labels,
    )
    return spec, work


def probe_values(values: pd.Series, probe: str | Sequence[float] = "meansd") -> np.ndarray:
    """Moderator values to probe, in data units.

    ``"meansd"``: mean - 1 SD, mean, mean + 1 SD (SD with N - 1, as R's ``sd`` and PROCESS);
    for a moderator with two distinct values, those two values. ``"percentile"``: the 16th,
    50th and 84th percentiles. A sequence of numbers is used as given.
    """
    s = pd.to_numeric(values, errors="coerce").dropna().to_numpy(dtype=float)
    if isinstance(probe, str):
        if probe == "meansd":
            distinct = np.unique(s)
            if distinct.size == 2:
                return distinct
            mean, sd = s.mean(), s.std(ddof=1)
            return np.array([mean - sd, mean, mean + sd])
        if probe == "percentile":
            return np.percentile(s, [16.0, 50.0, 84.0])
        raise ModelError(f"probe must be 'meansd', 'percentile' or a list of values; got {probe!r}")
    out = np.asarray(list(probe), dtype=float)
    if out.size == 0 or not np.all(np.isfinite(out)):
        raise ModelError("probe values must be a non-empty list of finite numbers")
    return out
