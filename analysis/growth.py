"""Growth models for repeated measures: linear mixed models fitted by REML.

A thin, careful layer over statsmodels' ``MixedLM``: random intercept (and optionally random
slope of time) per participant, time codings that say what the intercept means, and output
named as lme4 names it, so ``lmer(y ~ time + (time | id), REML = TRUE)`` can be compared line by
line. Fixed-effect standard errors are the generalized-least-squares ones,
``(X' V^-1 X)^-1`` at the REML variance estimates, which is what lme4 reports.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.instruments.errors import ConvergenceWarning, DataError, ModelError

TimeCoding = Literal["first", "center", "raw", "months"]

_DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class GrowthResult:
    """A fitted growth model.

    Attributes
    ----------
    fixed : DataFrame
        ``term, est, se, z, pvalue, ci_lower, ci_upper`` (terms ``(Intercept)``, ``time``).
    random : DataFrame
        Variance components as lme4's ``as.data.frame(VarCorr(m))``: ``grp, var1, var2, vcov,
        sdcor`` (variances, the intercept-slope covariance, and the residual variance).
    loglik : float
        The REML log-likelihood (comparable with lme4's ``logLik(m)``).
    nobs, ngroups : int
        Observations and participants used (rows with a missing outcome or time are dropped).
    time_coding : str
        How time was coded (see :func:`growth`).
    converged : bool
    singular : bool
        A boundary ("singular") fit as lme4's ``isSingular()`` defines it: a variance
        component estimated at zero, or a random slope perfectly correlated with the
        intercept. The estimates are legitimate REML estimates; a warning says which
        component.
    """

    fixed: pd.DataFrame
    random: pd.DataFrame
    loglik: float
    nobs: int
    ngroups: int
    time_coding: str
    random_slope: bool
    converged: bool
    method: str = "REML"
    notes: list[str] = field(default_factory=list)
    singular: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "model": "growth", "method": self.method, "time_coding": self.time_coding,
            "random_slope": self.random_slope, "converged": self.converged,
            "singular": self.singular,
            "nobs": self.nobs, "ngroups": self.ngroups, "loglik": self.loglik,
            "fixed": self.fixed.to_dict(orient="records"),
            "random": self.random.to_dict(orient="records"), "notes": list(self.notes),
        }

    def summary(self) -> str:
        """Plain-text summary."""
        lines = [
            f"Growth model (linear mixed model, {self.method}); time coded '{self.time_coding}'",
            f"random intercept{' and slope' if self.random_slope else ''}; "
            f"{self.nobs} observations of {self.ngroups} participants; "
            f"log-likelihood {self.loglik:.3f}",
            "", "Fixed effects:", self.fixed.to_string(index=False, float_format=lambda v: f"{v:.4f}"),
            "", "Variance components:",
            self.random.to_string(index=False, float_format=lambda v: f"{v:.4f}"),
        ]
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)


def code_time(data: pd.DataFrame, id: str, time: str, coding: TimeCoding = "first") -> pd.Series:
    """Recode the time column.

    Parameters
    ----------
    data : DataFrame
        Long data.
    id, time : str
        Participant and time columns.
    coding : {"first", "center", "raw", "months"}
        ``"first"``: time minus the first occasion (the intercept is the level at the first
        wave; with waves 1, 2, 3 this is wave - 1). ``"center"``: time minus the mean of the
        distinct occasions (the intercept is the level mid-study). ``"raw"``: as given.
        ``"months"``: the time column holds dates; months since each participant's first date.
    """
    if coding == "months":
        when = pd.to_datetime(data[time], errors="coerce")
        first = when.groupby(data[id]).transform("min")
        return (when - first).dt.total_seconds() / 86400.0 / _DAYS_PER_MONTH
    t = pd.to_numeric(data[time], errors="coerce").astype(float)
    if coding == "raw":
        return t
    if coding == "first":
        return t - t.min()
    if coding == "center":
        return t - float(np.mean(np.unique(t.dropna())))
    raise DataError(f"time coding must be first, center, raw or months; got {coding!r}")


def growth(
    data: pd.DataFrame,
    *,
    id: str,
    time: str,
    outcome: str,
    random_slope: bool = True,
    time_coding: TimeCoding = "first",
    covariates: tuple[str, ...] | list[str] = (),
) -> GrowthResult:
    """Fit a linear growth model by REML.

    ``outcome ~ 1 + time (+ covariates)`` with a random intercept per participant and, with
    ``random_slope=True``, a random slope of time correlated with it (lme4:
    ``lmer(y ~ time + (time | id), REML = TRUE)``).

    Parameters
    ----------
    data : DataFrame
        Long data: one row per participant and occasion.
    id, time, outcome : str
        Column names.
    random_slope : bool, default True
        Add a random slope of time.
    time_coding : {"first", "center", "raw", "months"}, default "first"
        See :func:`code_time`.
    covariates : sequence of str
        Further fixed-effect predictors (numeric columns).

    Returns
    -------
    GrowthResult

    Warns
    -----
    ConvergenceWarning
        When no optimiser reached the REML optimum, or the fit is singular (a variance
        component on the boundary, e.g. a zero slope variance, as lme4's ``isSingular``); the
        message names the component and the result says so (``converged``, ``singular``,
        ``notes``).

    Raises
    ------
    ModelError
        When the model cannot be estimated at all: a constant outcome, fixed effects that
        are not estimable (a constant or collinear covariate), no more observations than
        random effects, or a residual variance estimated at zero.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> ids = np.repeat(np.arange(400), 3); t = np.tile([1, 2, 3], 400)
    >>> y = 3 + rng.normal(0, .6, 400)[ids] + .2 * t + rng.normal(0, .4, 1200)
    >>> res = growth(pd.DataFrame({"pid": ids, "wave": t, "y": y}), id="pid", time="wave",
    ...              outcome="y", random_slope=False)
    >>> round(float(res.fixed.set_index("term").loc["time", "est"]), 1)
    0.2
    """
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import ModelWarning

    if not isinstance(data, pd.DataFrame):
        raise DataError(f"data must be a pandas DataFrame, not {type(data).__name__}")
    cols = [id, time, outcome, *covariates]
    absent = [c for c in cols if c not in data.columns]
    if absent:
        raise DataError(f"growth: the data have no column(s) {', '.join(absent)}")
    frame = data[cols].copy()
    frame["_time"] = code_time(frame, id, time, time_coding)
    frame[outcome] = pd.to_numeric(frame[outcome], errors="coerce")
    for c in covariates:
        frame[c] = pd.to_numeric(frame[c], errors="coerce")
    frame = frame.dropna(subset=["_time", outcome, *covariates]).sort_values([id, "_time"])
    if frame[id].nunique() < 3 or frame["_time"].nunique() < 2:
        raise DataError("growth: needs at least 3 participants and 2 distinct time points")

    y = frame[outcome].to_numpy(float)
    X = np.column_stack([np.ones(len(frame)), frame["_time"].to_numpy(float),
                         *(frame[c].to_numpy(float) for c in covariates)])
    Z = X[:, :2] if random_slope else X[:, :1]
    groups = frame[id].to_numpy()
    _check_estimable(y, X, ["(Intercept)", "time", *covariates], Z.shape[1],
                     int(pd.unique(groups).size))
    model = sm.MixedLM(y, X, groups, exog_re=Z)
    notes: list[str] = []
    res, caught = _fit_reml(model, outcome)
    sm_warned = [w for w in caught if issubclass(w.category, ModelWarning)]
    for w in caught:
        if not issubclass(w.category, (ModelWarning, DeprecationWarning, FutureWarning)):
            warnings.warn(w.message, w.category, stacklevel=2)
    G = np.atleast_2d(np.asarray(res.cov_re, float))
    sigma2 = float(res.scale)
    if not (np.isfinite(sigma2) and np.all(np.isfinite(G)) and sigma2 > 1e-12 * max(
            float(np.var(y)), 1e-300)):
        raise ModelError(f"growth: the mixed model of {outcome!r} could not be estimated: the "
                         f"residual variance is estimated at {sigma2:.3g} (every observation "
                         "is reproduced by the random effects; too few occasions per "
                         "participant for this random-effects structure)")
    theta = _relative_cholesky(G, sigma2)
    boundary = [name for name, v in zip(("(Intercept)", "time")[: len(theta)], np.diag(theta), strict=True)
                if v < _SINGULAR_TOL]
    singular = bool(boundary)
    sm_messages = sorted({str(w.message) for w in sm_warned})
    # statsmodels calls an optimum on the boundary "not converged"; lme4 calls it a singular
    # fit. Only warnings other than the boundary ones mean the optimiser failed.
    failed = [] if singular else [m for m in sm_messages if not _is_boundary_message(m)]
    converged = bool(res.converged or singular) and not failed
    if singular:
        msg = _singular_message(boundary, G, random_slope)
        notes.append(msg)
        notes += [f"statsmodels (on the boundary): {m}" for m in sm_messages]
        warnings.warn(f"growth model of {outcome!r}: {msg}", ConvergenceWarning, stacklevel=2)
    if not converged:
        msg = "; ".join(failed) or "optimiser did not converge"
        notes.append(f"statsmodels: {msg}")
        warnings.warn(f"growth model of {outcome!r}: {msg}", ConvergenceWarning, stacklevel=2)

    fe = np.asarray(res.fe_params, float)
    # generalized least squares covariance of the fixed effects at the REML estimates (as lme4)
    xtvx = np.zeros((X.shape[1], X.shape[1]))
    for g in pd.unique(groups):
        rows = groups == g
        Zg, Xg = Z[rows], X[rows]
        V = Zg @ G @ Zg.T + sigma2 * np.eye(int(rows.sum()))
        xtvx += Xg.T @ np.linalg.solve(V, Xg)
    se = np.sqrt(np.diag(np.linalg.inv(xtvx)))
    z = fe / se
    crit = stats.norm.ppf(0.975)
    terms = ["(Intercept)", "time", *covariates]
    fixed = pd.DataFrame({"term": terms, "est": fe, "se": se, "z": z,
                          "pvalue": 2 * stats.norm.sf(np.abs(z)),
                          "ci_lower": fe - crit * se, "ci_upper": fe + crit * se})
    rows = [("id", "(Intercept)", "", G[0, 0], np.sqrt(G[0, 0]))]
    if random_slope:
        corr = G[0, 1] / np.sqrt(G[0, 0] * G[1, 1]) if G[0, 0] > 0 and G[1, 1] > 0 else np.nan
        rows += [("id", "time", "", G[1, 1], np.sqrt(G[1, 1])),
                 ("id", "(Intercept)", "time", G[0, 1], corr)]
    rows.append(("Residual", "", "", sigma2, np.sqrt(sigma2)))
    random = pd.DataFrame(rows, columns=["grp", "var1", "var2", "vcov", "sdcor"])
    return GrowthResult(fixed, random, float(res.llf), len(frame), int(pd.unique(groups).size),
                        time_coding, random_slope, converged, notes=notes, singular=singular)


# lme4's isSingular() flags a diagonal element of the relative covariance factor (theta) below
# 1e-4. statsmodels' optimisers stop near the boundary rather than on it (lme4's bounded
# optimiser lands on it), so craftwave uses 1e-3: a slope SD of its own below a thousandth of
# the residual SD. statsmodels' own "MLE may be on the boundary" warning is a heuristic on the
# absolute size of a variance (< 0.01) and is not taken as a failure.
_SINGULAR_TOL = 1e-3
_BOUNDARY_MESSAGES = ("boundary", "singular", "hessian", "gradient")


def _relative_cholesky(G: np.ndarray, sigma2: float) -> np.ndarray:
    """Lower Cholesky factor of ``G / sigma2`` (lme4's theta), zero where ``G`` is singular."""
    R = G / sigma2
    L = np.zeros_like(R)
    L[0, 0] = np.sqrt(max(R[0, 0], 0.0))
    if R.shape[0] == 2:
        L[1, 0] = R[1, 0] / L[0, 0] if L[0, 0] > 0 else 0.0
        L[1, 1] = np.sqrt(max(R[1, 1] - L[1, 0] ** 2, 0.0))
    return L


def _is_boundary_message(message: str) -> bool:
    low = message.lower()
    return any(k in low for k in _BOUNDARY_MESSAGES)


def _singular_message(boundary: list[str], G: np.ndarray, random_slope: bool) -> str:
    if "(Intercept)" in boundary:
        what = "the random intercept variance is estimated at zero (no stable differences " \
               "between participants beyond the residual)"
    elif G[1, 1] <= 1e-10 * max(G[0, 0], 1e-300):
        what = "the random slope variance of time is estimated at zero (everyone changes at " \
               "the same rate)"
    else:
        corr = G[0, 1] / np.sqrt(G[0, 0] * G[1, 1])
        what = (f"the random slope of time is perfectly correlated with the random intercept "
                f"(r = {corr:+.2f}): its variance {G[1, 1]:.3g} has no part of its own")
    hint = " Consider random_slope=False." if random_slope and "(Intercept)" not in boundary \
        else ""
    return (f"boundary (singular) fit: {what}. This is a legitimate REML estimate (lme4 "
            f"reports the same and warns of a singular fit).{hint}")


# Optimisers tried in turn: statsmodels' L-BFGS from its default start can step onto a
# singular point when a variance component is zero (numpy raises LinAlgError); BFGS,
# Nelder-Mead and Powell reach the same REML optimum from there. A singular (boundary) fit is
# accepted at once: statsmodels' optimisers report "failed to converge" there although they
# sit at lme4's optimum (checked against lme4 on simulated panels to 1e-4), and retrying only
# costs time.
_ATTEMPTS = (["lbfgs"], ["bfgs", "nm"], ["powell"])


def _fit_reml(model: Any, outcome: str) -> tuple[Any, list[warnings.WarningMessage]]:
    """Fit by REML, trying the optimiser sequences of ``_ATTEMPTS`` until one converges
    (else the best log-likelihood); raise :class:`ModelError` if every one fails."""
    fits, errors = [], []
    for method in _ATTEMPTS:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                res = model.fit(reml=True, method=method, maxiter=2000)
            except (np.linalg.LinAlgError, ValueError) as exc:
                errors.append(f"{'/'.join(method)}: {exc}")
                continue
        if not np.isfinite(res.llf):
            errors.append(f"{'/'.join(method)}: non-finite log-likelihood")
            continue
        fits.append((res, list(caught)))
        if res.converged or _is_singular(res):
            break
    if not fits:
        raise ModelError(f"growth: the mixed model of {outcome!r} could not be estimated "
                         f"({'; '.join(errors)}); check that the outcome varies within "
                         "participants and that enough participants have two or more occasions")
    return max(fits, key=lambda f: (bool(f[0].converged or _is_singular(f[0])), float(f[0].llf)))


def _is_singular(res: Any) -> bool:
    G = np.atleast_2d(np.asarray(res.cov_re, float))
    sigma2 = float(res.scale)
    if not (np.isfinite(sigma2) and sigma2 > 0 and np.all(np.isfinite(G))):
        return False
    return bool(np.min(np.diag(_relative_cholesky(G, sigma2))) < _SINGULAR_TOL)


def _check_estimable(y: np.ndarray, X: np.ndarray, terms: list[str], n_re: int,
                     n_groups: int) -> None:
    """Raise :class:`ModelError` when the model cannot be estimated at all."""
    if float(np.ptp(y)) == 0.0:
        raise ModelError("growth: the outcome has the same value in every row; there is "
                         "nothing to model")
    rank = np.linalg.matrix_rank(X)
    if rank < X.shape[1]:
        dropped = [terms[j] for j in range(1, X.shape[1])
                   if np.linalg.matrix_rank(X[:, : j + 1]) < j + 1]
        raise ModelError("growth: the fixed effects are not estimable: "
                         f"{', '.join(dropped)} is constant or a linear combination of the "
                         "terms before it")
    if len(y) <= n_re * n_groups:
        raise ModelError(f"growth: {len(y)} observations of {n_groups} participants cannot "
                         f"identify {n_re} random effect(s) per participant and a residual "
                         "variance (lme4: number of observations <= number of random effects); "
                         "use random_slope=False or more occasions")
