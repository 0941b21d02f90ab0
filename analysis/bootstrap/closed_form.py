"""Closed-form (batched) estimation of recursive path models of observed variables.

For a recursive path model with uncorrelated disturbances and exogenous predictors treated as
fixed (lavaan's ``fixed.x = TRUE``), the normal-theory likelihood factorises into one conditional
likelihood per equation, so the ML estimates are per-equation least squares: coefficients
``(Z'Z)^-1 Z'y`` and residual variance ``RSS / N``. With case weights ``w`` (a bootstrap
resample's counts) they are ``(Z'WZ)^-1 Z'Wy`` and ``RSS_w / sum(w)``.

Every weighted cross-product is linear in ``w``: stacking each row's products of column pairs
into one ``(n, r)`` matrix ``M`` once, the moments of all ``B`` resamples are one matrix product
``weights @ M`` (``B x n x r`` multiply-adds), and the ``B`` small systems are solved as one
stacked ``numpy.linalg.solve``. Leave-one-out (jackknife) moments are ``M.sum(0) - M``.

This module holds complete data only: with missing values the general path (the SEM engine with
FIML) is the estimator.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.instruments.errors import DataError, ModelError

#: Smallest accepted Cholesky pivot of a resample's scaled cross-product matrix (unit
#: diagonal), i.e. 1 - R^2 of a column on the columns before it; below it the resample counts as
#: failed (a predictor constant or collinear in the resample).
SINGULAR_TOL = 1e-10


def _well_conditioned(scaled: np.ndarray) -> np.ndarray:
    """True where the stacked unit-diagonal matrices have every Cholesky pivot > SINGULAR_TOL."""
    if scaled.shape[0] == 0:
        return np.zeros(0, dtype=bool)
    try:
        chol = np.linalg.cholesky(scaled)
    except np.linalg.LinAlgError:  # some matrix is singular: sort them out one by one
        out = np.zeros(scaled.shape[0], dtype=bool)
        for i, a in enumerate(scaled):
            try:
                out[i] = np.min(np.diag(np.linalg.cholesky(a))) ** 2 > SINGULAR_TOL
            except np.linalg.LinAlgError:
                out[i] = False
        return out
    return np.min(np.diagonal(chol, axis1=1, axis2=2), axis=1) ** 2 > SINGULAR_TOL

PARAM_COLUMNS = ["lhs", "op", "rhs", "label"]


@dataclass(frozen=True)
class Equation:
    """One regression equation: ``outcome ~ predictors`` (an intercept is always added)."""

    outcome: str
    predictors: tuple[str, ...]


def _order_recursive(equations: Sequence[Equation]) -> list[Equation]:
    outcomes = [e.outcome for e in equations]
    if len(set(outcomes)) != len(outcomes):
        raise ModelError("each outcome may have one equation only")
    for e in equations:
        if not e.predictors:
            raise ModelError(f"the equation of {e.outcome!r} has no predictors")
        if len(set(e.predictors)) != len(e.predictors):
            raise ModelError(f"the equation of {e.outcome!r} names a predictor twice")
    done: list[Equation] = []
    pending = list(equations)
    while pending:
        ready = [
            e for e in pending
            if all(p not in outcomes or p in {d.outcome for d in done} for p in e.predictors)
        ]
        if not ready:
            names = ", ".join(e.outcome for e in pending)
            raise ModelError(f"the model is not recursive (a feedback loop among {names})")
        done.extend(ready)
        pending = [e for e in pending if e not in ready]
    return done


class RecursivePathModel:
    """A recursive path model of observed variables, estimated in closed form.

    Parameters
    ----------
    data : pandas.DataFrame
        Complete numeric data holding every variable of the equations.
    equations : sequence of Equation
        The regression equations; disturbances are uncorrelated.
    labels : mapping, optional
        Labels of coefficients, keyed by ``(outcome, predictor)``.

    Notes
    -----
    The parameter vector is ordered equation by equation: intercept (op ``~1``), slopes (op
    ``~``) in the order given, residual variance (op ``~~``). Standard errors are lavaan's for
    the same ``sem()`` model with ``fixed.x = TRUE`` and expected information: coefficients
    ``sqrt(diag(sigma2 (Z'Z)^-1))`` with ``sigma2 = RSS / N``, residual variances
    ``sigma2 * sqrt(2 / N)``; parameters of different equations are uncorrelated.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> df = pd.DataFrame({"x": rng.normal(size=50)})
    >>> df["y"] = 0.5 * df["x"] + rng.normal(size=50)
    >>> model = RecursivePathModel(df, [Equation("y", ("x",))])
    >>> model.params()[["lhs", "op", "rhs"]].values.tolist()
    [['y', '~1', ''], ['y', '~', 'x'], ['y', '~~', 'y']]
    """

    def __init__(
        self,
        data: pd.DataFrame,
        equations: Sequence[Equation],
        labels: Mapping[tuple[str, str], str] | None = None,
    ) -> None:
        self.equations = _order_recursive(list(equations))
        labels = dict(labels or {})
        variables = list(dict.fromkeys(
            v for e in self.equations for v in (e.outcome, *e.predictors)
        ))
        missing = [v for v in variables if v not in data.columns]
        if missing:
            raise DataError(f"columns not in the data: {', '.join(missing)}")
        values = {}
        for v in variables:
            col = pd.to_numeric(data[v], errors="coerce").to_numpy(dtype=float)
            if np.isnan(col).any():
                raise DataError(
                    f"column {v!r} has missing or non-numeric values; the closed form needs "
                    "complete data (use the general path with FIML instead)"
                )
            values[v] = col
        self.n = len(data)
        self._variables = variables
        self._values = values
        self._rows: list[tuple[str, str, str, str]] = []
        blocks: list[np.ndarray] = []
        self._layout: list[dict] = []
        offset = 0
        for e in self.equations:
            z = np.column_stack([np.ones(self.n)] + [values[p] for p in e.predictors])
            y = values[e.outcome]
            k = z.shape[1]
            iu = np.triu_indices(k)
            blocks += [z[:, iu[0]] * z[:, iu[1]], z * y[:, None], (y * y)[:, None]]
            width = iu[0].size + k + 1
            self._layout.append({"k": k, "iu": iu, "start": offset, "width": width})
            offset += width
            self._rows.append((e.outcome, "~1", "", labels.get((e.outcome, "1"), "")))
            self._rows += [(e.outcome, "~", p, labels.get((e.outcome, p), "")) for p in e.predictors]
            self._rows.append((e.outcome, "~~", e.outcome, ""))
        self._m = np.hstack(blocks)

    # -- the parameter vector ---------------------------------------------------------------
    @property
    def n_params(self) -> int:
        """Length of the parameter vector."""
        return len(self._rows)

    def param_index(self, lhs: str, op: str, rhs: str = "") -> int:
        """Position of a parameter in the vector (``op`` is ``~``, ``~1`` or ``~~``)."""
        for i, (left, o, right, _) in enumerate(self._rows):
            if left == lhs and o == op and right == rhs:
                return i
        raise ModelError(f"no parameter {lhs} {op} {rhs} in the model")

    def param_frame(self) -> pd.DataFrame:
        """The parameter rows (lhs, op, rhs, label) in vector order."""
        return pd.DataFrame(self._rows, columns=PARAM_COLUMNS)

    # -- estimation ---------------------------------------------------------------------------
    def moments(self, weights: np.ndarray) -> np.ndarray:
        """Weighted cross-products of every equation for each row of ``weights`` (B x n)."""
        w = np.atleast_2d(np.asarray(weights, dtype=float))
        if w.shape[1] != self.n:
            raise DataError(f"weights must have {self.n} columns (one per case); got {w.shape[1]}")
        return w @ self._m

    def solve_moments(self, mom: np.ndarray, total: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Parameter vectors from stacked moments; ``total`` is each row's sum of weights.

        Returns
        -------
        theta : ndarray, shape (B, n_params)
            NaN in the rows of failed (singular) resamples.
        ok : ndarray of bool, shape (B,)
        """
        b = mom.shape[0]
        theta = np.full((b, self.n_params), np.nan)
        ok = np.ones(b, dtype=bool)
        parts = []
        for lay in self._layout:
            k, iu, s = lay["k"], lay["iu"], lay["start"]
            npair = iu[0].size
            g = np.zeros((b, k, k))
            g[:, iu[0], iu[1]] = mom[:, s : s + npair]
            g[:, iu[1], iu[0]] = mom[:, s : s + npair]
            h = mom[:, s + npair : s + npair + k]
            yy = mom[:, s + npair + k]
            d = np.sqrt(np.clip(np.einsum("bii->bi", g), 0.0, None))
            with np.errstate(divide="ignore", invalid="ignore"):
                scaled = g / (d[:, :, None] * d[:, None, :])
            good = np.all(d > 0, axis=1)
            good[good] &= _well_conditioned(scaled[good])
            ok &= good
            parts.append((g, h, yy))
        col = 0
        for (g, h, yy), lay in zip(parts, self._layout, strict=True):
            k = lay["k"]
            if ok.any():
                beta = np.linalg.solve(g[ok], h[ok][:, :, None])[:, :, 0]
                rss = yy[ok] - np.einsum("bi,bi->b", beta, h[ok])
                theta[ok, col : col + k] = beta
                theta[ok, col + k] = rss / total[ok]
            col += k + 1
        return theta, ok

    def estimates(self, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Parameter vectors for each row of case weights (B x n); see :meth:`solve_moments`."""
        w = np.atleast_2d(np.asarray(weights, dtype=float))
        return self.solve_moments(self.moments(w), w.sum(axis=1))

    def jackknife(self) -> tuple[np.ndarray, np.ndarray]:
        """Leave-one-out parameter vectors (n x n_params), from full moments minus each row's."""
        mom = self._m.sum(axis=0)[None, :] - self._m
        return self.solve_moments(mom, np.full(self.n, self.n - 1.0))

    def full_sample(self) -> tuple[np.ndarray, np.ndarray]:
        """Full-sample ML estimates and their covariance matrix (expected information).

        The information of an equation's coefficients is ``N E[z z'] / sigma2`` with the
        expectation taken under the fitted model (lavaan's expected information with
        ``fixed.x = TRUE``): exogenous variables keep their sample moments, endogenous
        predictors get their model-implied moments. When every equation holds all exogenous
        variables that precede it (models 7 and 8) the implied moments equal the sample ones and
        this is ``sigma2 (Z'Z)^-1``; otherwise (model 14, where the M equation leaves out V and
        M x V) the two differ slightly, and lavaan uses the implied moments.
        """
        theta, ok = self.estimates(np.ones((1, self.n)))
        if not ok[0]:
            raise ModelError("the predictors are collinear (X'X is singular) in the full sample")
        theta = theta[0]
        outcomes = [e.outcome for e in self.equations]
        exo = [v for v in self._variables if v not in outcomes]
        order = ["1", *exo, *outcomes]
        pos = {v: i for i, v in enumerate(order)}
        d = np.column_stack([np.ones(self.n)] + [self._values[v] for v in exo])
        moments = np.zeros((len(order), len(order)))
        moments[: d.shape[1], : d.shape[1]] = d.T @ d / self.n
        vcov = np.zeros((self.n_params, self.n_params))
        col = 0
        for e, lay in zip(self.equations, self._layout, strict=True):
            k = lay["k"]
            cols = [pos["1"]] + [pos[p] for p in e.predictors]
            beta, sigma2 = theta[col : col + k], theta[col + k]
            j = pos[e.outcome]
            ezz = moments[np.ix_(cols, cols)]
            moments[j, :j] = moments[:j, j] = beta @ moments[cols, :j]
            moments[j, j] = beta @ ezz @ beta + sigma2
            vcov[col : col + k, col : col + k] = sigma2 * np.linalg.inv(self.n * ezz)
            vcov[col + k, col + k] = 2.0 * sigma2**2 / self.n
            col += k + 1
        return theta, vcov

    def params(self, level: float = 0.95) -> pd.DataFrame:
        """Full-sample parameter table: est, se, z, pvalue and Wald (normal) CI."""
        theta, vcov = self.full_sample()
        se = np.sqrt(np.diag(vcov))
        table = self.param_frame()
        table["est"] = theta
        table["se"] = se
        table["z"] = theta / se
        table["pvalue"] = 2.0 * stats.norm.sf(np.abs(table["z"]))
        crit = stats.norm.ppf(0.5 + level / 2.0)
        table["ci_lower"] = theta - crit * se
        table["ci_upper"] = theta + crit * se
        return table
