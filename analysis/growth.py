"""Growth models for repeated measures: linear mixed models as lme4 and lmerTest report them.

Random intercept (and optionally random slope of time) per participant, fitted by REML (or ML)
in lme4's parameterisation (:mod:`craftwave.analysis.lmm`), time codings that say what the
intercept means, covariates and their interactions with time (or an lme4 formula), and output
named as lme4 names it, so ``lmerTest::lmer(y ~ time * arm + (time | id))`` can be compared line
by line: fixed effects with lmerTest's Satterthwaite df, t and p-values, variance components as
``VarCorr``, and ``logLik``, AIC and BIC as lme4's. Fixed-effect standard errors are the
generalized-least-squares ones, ``(X' V^-1 X)^-1`` at the variance estimates, as lme4's.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from typing import Any, Literal

import formulaic
import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis import lmm
from craftwave.analysis.lmm_anova import type3_contrasts
from craftwave.instruments.errors import ConvergenceWarning, DataError, ModelError

TimeCoding = Literal["first", "center", "raw", "months"]

_DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class GrowthResult:
    """A fitted growth model.

    Attributes
    ----------
    fixed : DataFrame
        ``term, est, se, df, t, pvalue, ci_lower, ci_upper`` as lmerTest's ``summary()``:
        Satterthwaite denominator df, t = est / se, two-sided p from t(df), and Wald intervals
        on t(df) (lmerTest's ``contest(..., confint = TRUE)``). Terms are named as R names
        them: ``(Intercept)``, ``time``, ``armcontrol``, ``time:armcontrol``.
    random : DataFrame
        Variance components as lme4's ``as.data.frame(VarCorr(m))``: ``grp, var1, var2, vcov,
        sdcor`` (variances, the intercept-slope covariance, and the residual variance).
    loglik : float
        The REML (or, with ``method="ML"``, ML) log-likelihood, lme4's ``logLik(m)``.
    aic, bic : float
        lme4's ``AIC(m)`` and ``BIC(m)``: ``-2 loglik + 2 npar`` and ``+ npar log(nobs)``
        (REML-based by default, as lme4; compare models differing in fixed effects by ML).
    npar : int
        Parameters counted by ``logLik``: fixed effects, theta and the residual SD.
    formula : str
        The model in lme4's notation.
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
    aic: float = float("nan")
    bic: float = float("nan")
    npar: int = 0
    formula: str = ""
    ddf: str = "Satterthwaite"
    term_columns: dict[str, list[str]] = field(default_factory=dict)
    _satt: lmm.Satterthwaite | None = field(default=None, repr=False, compare=False)
    _beta: np.ndarray | None = field(default=None, repr=False, compare=False)
    _type3: dict[str, np.ndarray] | None = field(default=None, repr=False, compare=False)

    def anova(self) -> pd.DataFrame:
        """Type III F-tests of every model term with Satterthwaite ddf, as lmerTest's
        ``anova(m)``: ``term, F, ndf, ddf, pvalue``."""
        if self._type3 is None or self._satt is None or self._beta is None:
            raise ModelError("anova: the type III hypotheses could not be built for this "
                             "model (terms other than columns, their products and C())")
        rows = [{"term": t, **self._satt.ftest(self._beta, L)}
                for t, L in self._type3.items() if len(L)]
        return pd.DataFrame(rows, columns=["term", "F", "ndf", "ddf", "pvalue"])

    def contrast(self, L: dict[str, float] | list[float] | np.ndarray,
                 rhs: float = 0.0) -> dict[str, float]:
        """Test ``L'beta = rhs`` with Satterthwaite df, as lmerTest's ``contest1D``.

        Parameters
        ----------
        L : dict or sequence
            Weights of the fixed effects, by term name (``{"time": 1, "time:armcontrol": 1}``
            is the slope of time in the control arm) or one per term in ``fixed`` order.
        rhs : float
            The value under the null hypothesis.

        Returns
        -------
        dict
            ``est, se, df, t, pvalue``.
        """
        terms = list(self.fixed["term"])
        if isinstance(L, dict):
            unknown = [k for k in L if k not in terms]
            if unknown:
                raise DataError(f"contrast: no fixed effect named {', '.join(unknown)}; the "
                                f"terms are {', '.join(terms)}")
            vec = np.array([float(L.get(t, 0.0)) for t in terms])
        else:
            vec = np.asarray(L, float)
            if vec.shape != (len(terms),):
                raise DataError(f"contrast: L needs {len(terms)} weights, one per fixed effect")
        if self._satt is None or self._beta is None:
            raise ModelError("contrast: this result carries no Satterthwaite information")
        return self._satt.contrast(self._beta, vec, rhs)

    def ftest(self, what: str | list[str]) -> dict[str, Any]:
        """Joint F-test that fixed effects are zero, as lmerTest's ``contestMD``.

        Parameters
        ----------
        what : str or list of str
            A model term (``"time:arm"``: all its coefficients, e.g. ``time:armb`` and
            ``time:armc``) or coefficient names. For a term that no other term contains (the
            highest-order interaction, a covariate without interactions) this is the row of
            lmerTest's ``anova(m)``; a term contained in an interaction is tested as its
            coefficients, which depends on the coding (lmerTest's type III table does not).

        Returns
        -------
        dict
            ``test, coefficients, F, ndf, ddf, pvalue``.
        """
        terms = list(self.fixed["term"])
        if isinstance(what, str):
            cols = self.term_columns.get(what, [what] if what in terms else [])
        else:
            cols = list(what)
        unknown = [c for c in cols if c not in terms]
        if not cols or unknown:
            raise DataError(f"ftest: no term or fixed effect named {what!r}; terms: "
                            f"{', '.join(self.term_columns) or ', '.join(terms)}")
        if self._satt is None or self._beta is None:
            raise ModelError("ftest: this result carries no Satterthwaite information")
        L = np.array([[1.0 if t == c else 0.0 for t in terms] for c in cols])
        name = what if isinstance(what, str) else " & ".join(cols)
        return {"test": name, "coefficients": cols, **self._satt.ftest(self._beta, L)}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "model": "growth", "method": self.method, "formula": self.formula,
            "time_coding": self.time_coding,
            "random_slope": self.random_slope, "converged": self.converged,
            "singular": self.singular, "ddf": self.ddf,
            "nobs": self.nobs, "ngroups": self.ngroups, "loglik": self.loglik,
            "npar": self.npar, "aic": self.aic, "bic": self.bic,
            ("reml_criterion" if self.method == "REML" else "deviance"): -2 * self.loglik,
            "fixed": self.fixed.to_dict(orient="records"),
            "anova": (self.anova().to_dict(orient="records") if self._type3 is not None
                      else None),
            "random": self.random.to_dict(orient="records"), "notes": list(self.notes),
        }

    def summary(self) -> str:
        """Plain-text summary."""
        lines = [
            f"Growth model (linear mixed model, {self.method}); time coded '{self.time_coding}'",
            f"random intercept{' and slope' if self.random_slope else ''}; "
            f"{self.nobs} observations of {self.ngroups} participants",
            f"formula: {self.formula}",
            f"logLik {self.loglik:.3f} (df = {self.npar}); AIC {self.aic:.3f}; BIC {self.bic:.3f}"
            + (f"; REML criterion {-2 * self.loglik:.3f}" if self.method == "REML" else ""),
            "", f"Fixed effects (t-tests use {self.ddf}'s method for the df):",
            self.fixed.assign(pvalue=[f"{p:.3g}" if p >= 1e-4 else "<1e-4"
                                      for p in self.fixed["pvalue"]])
            .to_string(index=False, float_format=lambda v: f"{v:.4f}"),
            "", "Variance components:",
            self.random.to_string(index=False, float_format=lambda v: f"{v:.4f}"),
        ]
        if self._type3 is not None:
            table = self.anova()
            if len(table):
                table["pvalue"] = [f"{p:.3g}" if p >= 1e-4 else "<1e-4" for p in table["pvalue"]]
                lines += ["", "Type III analysis of variance (Satterthwaite's method, as "
                          "lmerTest's anova()):",
                          table.to_string(index=False, float_format=lambda v: f"{v:.4f}")]
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
    id: str | None = None,
    time: str,
    outcome: str | None = None,
    random_slope: bool = True,
    time_coding: TimeCoding | None = None,
    covariates: tuple[str, ...] | list[str] = (),
    time_interactions: tuple[str, ...] | list[str] = (),
    formula: str | None = None,
    reml: bool = True,
) -> GrowthResult:
    """Fit a linear growth model by REML (or ML), reported as lmerTest reports it.

    ``outcome ~ 1 + time (+ covariates + time:interactions)`` with a random intercept per
    participant and, with ``random_slope=True``, a random slope of time correlated with it
    (lme4: ``lmer(y ~ time + arm + time:arm + (time | id), REML = TRUE)``). Or an lme4 formula.

    Parameters
    ----------
    data : DataFrame
        Long data: one row per participant and occasion.
    id, time, outcome : str
        Column names (``id`` and ``outcome`` may come from ``formula`` instead).
    random_slope : bool, default True
        Add a random slope of time.
    time_coding : {"first", "center", "raw", "months"}, optional
        See :func:`code_time`. Default ``"first"``, or ``"raw"`` with ``formula`` (the data
        as they are, as lme4 takes them).
    covariates : sequence of str
        Further fixed-effect predictors: numeric columns, or text columns as factors with
        R's treatment coding (first level in sorted order is the reference).
    time_interactions : sequence of str
        Columns whose interaction with time is added (their main effect is added too, as
        R's ``time * arm``): the difference in the rate of change.
    formula : str, optional
        An lme4 formula, e.g. ``"resil ~ wave * arm + age + (wave | participant_id)"``, used
        instead of ``outcome``/``covariates``/``time_interactions``. Its random part is
        ``(1 | ID)``, ``(TIME | ID)`` or ``(1 + TIME | ID)`` with ``TIME`` the ``time``
        column; without one, ``(TIME | id)`` or ``(1 | id)`` by ``random_slope``.
        The fixed part is a Wilkinson formula (``*``, ``:``, ``C()``, ``I()``, as formulaic).
    reml : bool, default True
        REML as lme4's default; ``False`` for maximum likelihood (``REML = FALSE``), whose
        log-likelihood, AIC and BIC compare models with different fixed effects.

    Returns
    -------
    GrowthResult

    Warns
    -----
    ConvergenceWarning
        When the optimiser did not converge, or the fit is singular (a variance component on
        the boundary, e.g. a zero slope variance, as lme4's ``isSingular``); the message names
        the component and the result says so (``converged``, ``singular``, ``notes``).

    Raises
    ------
    DataError
        Unknown columns (named), a malformed formula, too few participants or occasions.
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
    if not isinstance(data, pd.DataFrame):
        raise DataError(f"data must be a pandas DataFrame, not {type(data).__name__}")
    if formula is not None:
        if covariates or time_interactions:
            raise DataError("growth: give either a formula or covariates/time interactions, "
                            "not both")
        outcome, fixed_rhs, id, random_slope, time_name = _parse_formula(formula, id, time,
                                                                         random_slope)
        coding = time_coding or "raw"
    else:
        if outcome is None or id is None:
            raise DataError("growth: give id and outcome (or an lme4 formula)")
        time_name = "time"
        names = [*covariates, *time_interactions]
        if "time" in names or time_name in (outcome, id):
            raise DataError("growth: 'time' names the coded time variable; rename the "
                            "column called 'time' or pass the model as a formula")
        main = list(dict.fromkeys([*covariates, *time_interactions]))
        fixed_rhs = " + ".join(["time", *(_q(c) for c in main),
                                *(f"time:{_q(c)}" for c in time_interactions)])
        coding = time_coding or "first"
    needed = [id, time, outcome] + ([] if formula is not None else
                                    list(dict.fromkeys([*covariates, *time_interactions])))
    absent = [c for c in dict.fromkeys(needed) if c not in data.columns]
    if absent:
        raise DataError(f"growth: the data have no column(s) {', '.join(absent)} (columns: "
                        f"{', '.join(map(str, data.columns))})")
    frame = data.copy()
    frame[time_name] = code_time(frame, id, time, coding)
    frame[outcome] = pd.to_numeric(frame[outcome], errors="coerce")
    frame = frame.dropna(subset=[id, time_name, outcome])
    design_info = _fixed_design(frame, outcome, fixed_rhs)
    y, X, terms = design_info.y, design_info.X, design_info.names
    term_columns = design_info.term_columns
    frame = frame.loc[design_info.kept]
    order = np.lexsort((frame[time_name].to_numpy(float), frame[id].astype(str).to_numpy()))
    frame, y, X = frame.iloc[order], y[order], X[order]
    if frame[id].nunique() < 3 or frame[time_name].nunique() < 2:
        raise DataError("growth: needs at least 3 participants and 2 distinct time points")
    tvals = frame[time_name].to_numpy(float)
    Z = np.column_stack([np.ones(len(frame)), tvals]) if random_slope else \
        np.ones((len(frame), 1))
    groups = frame[id].to_numpy()
    n_groups = int(pd.unique(groups).size)
    _check_estimable(y, X, terms, Z.shape[1], n_groups)

    design = lmm.GroupedDesign.from_arrays(y, X, Z, groups)
    q = Z.shape[1]
    starts = [lmm.theta_of(np.eye(q)), lmm.theta_of(0.5 * np.eye(q)),
              lmm.theta_of(np.diag([1.0] + [0.1] * (q - 1)))]
    try:
        fit = lmm.fit_profiled(design, starts, reml=reml)
    except np.linalg.LinAlgError as exc:
        raise ModelError(f"growth: the mixed model of {outcome!r} could not be estimated "
                         f"({exc}); check that the outcome varies within participants and "
                         "that enough participants have two or more occasions") from exc
    sigma2 = fit.sigma ** 2
    if not (np.isfinite(sigma2) and sigma2 > 1e-12 * max(float(np.var(y)), 1e-300)):
        raise ModelError(f"growth: the mixed model of {outcome!r} could not be estimated: the "
                         f"residual variance is estimated at {sigma2:.3g} (every observation "
                         "is reproduced by the random effects; too few occasions per "
                         "participant for this random-effects structure)")
    G = fit.G()
    lam = lmm.lambda_of(fit.theta, q)
    re_names = ["(Intercept)", time_name][:q]
    boundary = [nm for nm, v in zip(re_names, np.diag(lam), strict=True) if v < _SINGULAR_TOL]
    singular = bool(boundary)
    notes: list[str] = []
    if singular:
        msg = _singular_message(boundary, G, random_slope, time_name,
                               "REML" if reml else "ML")
        notes.append(msg)
        warnings.warn(f"growth model of {outcome!r}: {msg}", ConvergenceWarning, stacklevel=2)
    if not fit.converged:
        msg = "the optimiser did not report convergence"
        notes.append(msg)
        warnings.warn(f"growth model of {outcome!r}: {msg}", ConvergenceWarning, stacklevel=2)

    satt = lmm.satterthwaite(design, fit)
    try:
        type3 = type3_contrasts(frame, X, terms, term_columns, design_info.term_factors,
                                design_info.numeric, _r_name)
    except (ValueError, KeyError, np.linalg.LinAlgError, formulaic.errors.FormulaicError):
        type3 = None  # anova() then says it cannot build the type III hypotheses
    rows_fixed = [satt.contrast(fit.beta, np.eye(len(terms))[k]) for k in range(len(terms))]
    fixed = pd.DataFrame(rows_fixed)
    fixed.insert(0, "term", terms)
    crit = stats.t.ppf(0.975, fixed["df"].to_numpy(float))
    fixed["ci_lower"] = fixed["est"] - crit * fixed["se"]
    fixed["ci_upper"] = fixed["est"] + crit * fixed["se"]
    fixed = fixed[["term", "est", "se", "df", "t", "pvalue", "ci_lower", "ci_upper"]]
    if np.any(satt.eigenvalues < -1e-8) and not singular:
        notes.append("the Hessian of the deviance in (theta, sigma) has a negative eigenvalue "
                     "(lmerTest: 'Model failed to converge'); the Satterthwaite df use its "
                     "positive part")
    rows = [(str(id), "(Intercept)", "", G[0, 0], np.sqrt(G[0, 0]))]
    if random_slope:
        corr = G[0, 1] / np.sqrt(G[0, 0] * G[1, 1]) if G[0, 0] > 0 and G[1, 1] > 0 else np.nan
        rows += [(str(id), time_name, "", G[1, 1], np.sqrt(G[1, 1])),
                 (str(id), "(Intercept)", time_name, G[0, 1], corr)]
    rows.append(("Residual", "", "", sigma2, np.sqrt(sigma2)))
    random = pd.DataFrame(rows, columns=["grp", "var1", "var2", "vcov", "sdcor"])
    loglik = -0.5 * fit.deviance
    npar = len(terms) + len(fit.theta) + 1
    re_part = f"({time_name} | {id})" if random_slope else f"(1 | {id})"
    model_formula = f"{outcome} ~ {fixed_rhs} + {re_part}"
    return GrowthResult(fixed, random, float(loglik), len(frame), n_groups, coding,
                        random_slope, fit.converged, method="REML" if reml else "ML",
                        notes=notes, singular=singular, aic=float(-2 * loglik + 2 * npar),
                        bic=float(-2 * loglik + npar * np.log(len(frame))), npar=npar,
                        formula=model_formula, term_columns=term_columns, _satt=satt,
                        _beta=fit.beta, _type3=type3)


_RANDOM_TERM = re.compile(r"\(\s*([^()|]*?)\s*\|\s*([^()|]+?)\s*\)")


def _q(name: str) -> str:
    """A column name as a formula term (backticks when it is not a plain identifier)."""
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name) else f"`{name}`"


def _parse_formula(formula: str, id: str | None, time: str,
                   random_slope: bool) -> tuple[str, str, str, bool, str]:
    """Split an lme4 formula into outcome, fixed part, id, random slope and time name."""
    if formula.count("~") != 1:
        raise DataError(f"growth: the formula needs one '~' (outcome ~ terms); got {formula!r}")
    lhs, rhs = (part.strip() for part in formula.split("~"))
    if not lhs:
        raise DataError("growth: the formula has no outcome left of '~'")
    random = _RANDOM_TERM.findall(rhs)
    if len(random) > 1:
        raise DataError("growth: one random-effects term per formula, e.g. (time | id)")
    group = id
    if random:
        left, group = random[0]
        parts = {p.strip() for p in left.replace("+", " ").split()}
        if parts in ({"1"}, set()):
            random_slope = False
        elif parts in ({time}, {"1", time}):
            random_slope = True
        else:
            raise DataError(f"growth: random effects ({left} | {group}) are not supported; "
                            f"use (1 | {group}) or ({time} | {group}) with the time column "
                            f"{time!r}")
        if id is not None and id != group:
            raise DataError(f"growth: the formula groups by {group!r} but id is {id!r}")
        rhs = _RANDOM_TERM.sub("", rhs)
    if group is None:
        raise DataError("growth: name the participant column in the formula's random part, "
                        "e.g. (time | id), or give id")
    rhs = re.sub(r"\+\s*(\+\s*)+", "+ ", rhs).strip().strip("+").strip()
    if not rhs:
        rhs = "1"
    return lhs.strip("`"), rhs, group.strip().strip("`"), random_slope, time


def _r_name(column: str) -> str:
    """formulaic's column names as R's: ``arm[T.coach]`` -> ``armcoach``."""
    if column == "Intercept":
        return "(Intercept)"
    return re.sub(r"\[(?:T\.)?([^\]]*)\]", r"\1", column).replace("`", "")


@dataclass(frozen=True)
class _Design:
    y: np.ndarray
    X: np.ndarray
    names: list[str]
    kept: pd.Index
    term_columns: dict[str, list[str]]
    term_factors: dict[str, list[str]]
    numeric: dict[str, bool]


def _fixed_design(frame: pd.DataFrame, outcome: str, rhs: str) -> _Design:
    """Response, fixed-effects matrix, R-style coefficient names, the rows kept (complete),
    the coefficients and variables of each model term, and which variables are numeric."""
    try:
        mm = formulaic.model_matrix(f"{_q(outcome)} ~ {rhs}", frame, na_action="drop")
    except formulaic.errors.FactorEvaluationError as exc:
        missing = re.search(r"`([^`]+)` is not present", str(exc))
        what = f"no column {missing.group(1)!r}" if missing else str(exc).splitlines()[0]
        raise DataError(f"growth: the model names {what} (columns: "
                        f"{', '.join(map(str, frame.columns))})") from exc
    except formulaic.errors.FormulaicError as exc:
        raise DataError(f"growth: cannot read the formula {rhs!r}: "
                        f"{str(exc).splitlines()[0]}") from exc
    X = mm.rhs
    if "Intercept" not in X.columns:
        raise DataError("growth: the fixed part needs an intercept (growth models have one)")
    names = [_r_name(str(c)) for c in X.columns]
    spec = X.model_spec
    by_term = {str(t): [names[i] for i in idx]
               for t, idx in spec.term_indices.items() if str(t) != "1"}
    factors = {str(t): [str(f) for f in t.factors] for t in spec.terms if str(t) != "1"}
    numeric = {str(k): str(v[0]).endswith("NUMERICAL") or getattr(v[0], "value", "") ==
               "numerical" for k, v in spec.encoder_state.items()}
    design = _Design(np.asarray(mm.lhs, float).ravel(), np.asarray(X, float), names, X.index,
                     by_term, factors, numeric)
    return design


# lme4's isSingular() flags a diagonal element of the relative covariance factor (theta) below
# 1e-4; the bounded optimiser of analysis.lmm lands on the boundary as lme4's does.
_SINGULAR_TOL = 1e-4


def _singular_message(boundary: list[str], G: np.ndarray, random_slope: bool,
                      time_name: str = "time", method: str = "REML") -> str:
    if "(Intercept)" in boundary:
        what = "the random intercept variance is estimated at zero (no stable differences " \
               "between participants beyond the residual)"
    elif G[1, 1] <= 1e-10 * max(G[0, 0], 1e-300):
        what = (f"the random slope variance of {time_name} is estimated at zero (everyone "
                "changes at the same rate)")
    else:
        corr = G[0, 1] / np.sqrt(G[0, 0] * G[1, 1])
        what = (f"the random slope of {time_name} is perfectly correlated with the random "
                f"intercept (r = {corr:+.2f}): its variance {G[1, 1]:.3g} has no part of its own")
    hint = " Consider random_slope=False." if random_slope and "(Intercept)" not in boundary \
        else ""
    return (f"boundary (singular) fit: {what}. This is a legitimate {method} estimate (lme4 "
            f"reports the same and warns of a singular fit).{hint}")


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
