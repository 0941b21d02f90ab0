"""Nested model comparisons as lavaan's ``lavTestLRT`` (``anova``): plain and scaled differences.

Follows lavaan 0.6 (``lavTestLRT.R``, ``lav_test_diff.R``):

* models are sorted by their degrees of freedom; each row is compared with the row above
  (the less restricted model);
* ``standard``: the difference of the chi-squares on the difference of the dfs, with the RMSEA of
  the difference (lavaan's ``RMSEA`` column);
* ``satorra.bentler.2001`` (lavaan's default for MLM and MLR): c_d = (r0 c0 - r1 c1) / (r0 - r1),
  T_d = (T0 - T1) / c_d, from the unscaled statistics T and scaling factors c of both models;
* ``satorra.bentler.2010``: as 2001 with c1 replaced by the scaling factor of the less restricted
  model evaluated at the estimates of the more restricted one (always positive);
* ``satorra.2000`` (lavaan's default for MLMV; complete data): the restriction matrix A spans the
  orthogonal complement of ginv(Delta1) Delta0, U = V Delta1 P^-1 A'(A P^-1 A')^- A P^-1 Delta1' V,
  and the difference is scaled and shifted as lavTestLRT does by default: a = sqrt(m / tr((U
  Gamma)^2)), b = m - a tr(U Gamma), T_d = a (T0 - T1) + b (the table shows 1/a and b).

AIC and BIC are the ML ones (empty for ULS and GLS, as in lavaan).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import linalg, stats

from craftwave.analysis.errors import ModelError
from craftwave.analysis.sem import fitmeasures as fmx
from craftwave.analysis.sem.api import fit, prepare_groups
from craftwave.analysis.sem.estimation import Evaluator
from craftwave.analysis.sem.information import saturated_h1, vcov_matrix, yuan_bentler_scaling
from craftwave.analysis.sem.result import SEMResult
from craftwave.analysis.sem.robust import full_gammas, robust_parts, ugamma_traces

__all__ = ["compare", "ComparisonResult", "METHODS", "TABLE_COLUMNS"]

METHODS = ("default", "standard", "satorra.bentler.2001", "satorra.bentler.2010",
           "satorra.2000")
TABLE_COLUMNS = ["model", "df", "aic", "bic", "chisq", "chisq_diff", "df_diff", "pvalue",
                 "scaling_factor", "shift", "rmsea"]
_SB_FAMILY = ("MLM", "MLR")


@dataclass
class ComparisonResult:
    """A nested-model comparison: lavaan's ``anova`` table and how it was made.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per model, sorted by df: ``model df aic bic chisq chisq_diff df_diff pvalue
        scaling_factor shift rmsea`` (``chisq`` is each model's unscaled statistic, as lavaan
        prints; the difference columns compare a row with the row above).
    method : str
        ``standard``, ``satorra.bentler.2001``, ``satorra.bentler.2010`` or ``satorra.2000``.
    estimator : str
    results : list of SEMResult
        The fits, in the order of the table.
    warnings : list of str
    """

    table: pd.DataFrame
    method: str
    estimator: str
    results: list[SEMResult]
    warnings: list[str] = field(default_factory=list)

    @property
    def params(self) -> pd.DataFrame:
        """The comparison table (the one vocabulary of result objects)."""
        return self.table

    @property
    def nobs(self) -> int:
        return self.results[0].nobs

    def to_dict(self) -> dict[str, Any]:
        rows = []
        for rec in self.table.to_dict(orient="records"):
            out = {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
                   for k, v in rec.items()}
            for k in ("df", "df_diff"):
                if out[k] is not None:
                    out[k] = int(out[k])
            rows.append(out)
        return {"method": self.method, "estimator": self.estimator, "nobs": self.nobs,
                "missing": self.results[0].missing, "table": rows,
                "warnings": list(self.warnings)}

    def summary(self) -> str:
        head = ("Chi-squared difference test" if self.method == "standard" else
                f"Scaled chi-squared difference test (method = {self.method})")
        lines = [f"{head}; estimator {self.estimator}, N = {self.nobs}"]
        if self.method != "standard":
            lines.append("  Chisq is each model's unscaled statistic; the difference test is "
                         "scaled.")
        cols = [("model", "", 14), ("df", "Df", 5), ("aic", "AIC", 11), ("bic", "BIC", 11),
                ("chisq", "Chisq", 10), ("chisq_diff", "Chisq diff", 11),
                ("df_diff", "Df diff", 8), ("pvalue", "Pr(>Chisq)", 11)]
        if self.method == "standard":
            cols.append(("rmsea", "RMSEA", 8))
        else:
            cols.append(("scaling_factor", "scaling", 9))
        if self.method == "satorra.2000":
            cols.append(("shift", "shift", 8))
        lines.append("".join(f"{lab:>{w}}" if key != "model" else f"{lab:<{w}}"
                             for key, lab, w in cols))
        for rec in self.table.to_dict(orient="records"):
            cells = []
            for key, _, w in cols:
                v = rec[key]
                if key == "model":
                    cells.append(f"{str(v)[:w - 1]:<{w}}")
                elif v is None or (isinstance(v, float) and not math.isfinite(v)):
                    cells.append(" " * w)
                elif key in ("df", "df_diff"):
                    cells.append(f"{v:>{w}.0f}")
                elif key == "pvalue":
                    cells.append(f"{v:>{w}.4g}")
                else:
                    cells.append(f"{v:>{w}.3f}")
            lines.append("".join(cells))
        lines.extend(f"Warning: {w}" for w in self.warnings)
        return "\n".join(lines)


def _method(method: str, estimator: str) -> str:
    m = str(method).lower().replace("_", ".").replace("-", ".")
    if m not in METHODS:
        raise ModelError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    scaled = estimator in ("MLM", "MLR", "MLMV")
    if m == "default":
        if not scaled:
            return "standard"
        return "satorra.2000" if estimator == "MLMV" else "satorra.bentler.2001"
    if m != "standard" and not scaled:
        raise ModelError(f"method {m!r} needs a scaled test (estimator MLM, MLMV or MLR); "
                         f"estimator {estimator} has none")
    if scaled and m == "standard":
        return m
    if estimator == "MLMV" and m in ("satorra.bentler.2001", "satorra.bentler.2010"):
        raise ModelError("MLMV's scaled-and-shifted test has no single scaling factor: use "
                         "method 'satorra.2000' (lavaan's default for MLMV)")
    if m == "satorra.2000" and estimator == "MLR":
        raise ModelError("method 'satorra.2000' needs complete data and estimator MLM or MLMV")
    return m


def _evaluator(res: SEMResult, data: pd.DataFrame, group: str | None) -> Evaluator:
    cm = res.model
    if res.missing == "fiml" and cm.ov_x and cm.fixed_x:
        # as fit(): FIML with fixed.x deletes the cases missing an exogenous covariate
        data = data.loc[data[cm.ov_x].notna().all(axis=1)]
    groups, _ = prepare_groups(cm, data, missing=res.missing, group=group)
    if int(round(sum(g.n for g in groups))) != res.nobs:
        raise ModelError("the data given to compare are not the data the models were fitted to "
                         f"(N {int(round(sum(g.n for g in groups)))} against {res.nobs})")
    return Evaluator(res.model, groups)


def _theta_at(less: SEMResult, more: SEMResult) -> np.ndarray:
    """The less restricted model's free parameters at the more restricted model's estimates."""
    est = {(r["lhs"], r["op"], r["rhs"], r["group"]): r["est"]
           for r in more.params.to_dict(orient="records")}
    theta = np.zeros(less.model.n_free)
    for row in less.model.rows:
        if row.free >= 0:
            theta[row.free] = est.get((row.lhs, row.op, row.rhs, row.group + 1), 0.0)
    return theta


def _scaling_at(res: SEMResult, ev: Evaluator, theta: np.ndarray) -> float:
    """The scaling factor of a model evaluated at given parameter values (SB 2010's c10)."""
    df = res.model.df
    if df <= 0:
        return 1.0
    if res.estimator == "MLM":
        tr1, _ = ugamma_traces(robust_parts(ev, theta))
        return tr1 / df
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vc = vcov_matrix(ev, theta, "MLR")
    h1 = [saturated_h1(g, res.model.meanstructure, first_order=True) for g in ev.groups]
    return yuan_bentler_scaling(ev, h1, vc["information_inv"], vc["first_order"], df)


def _satorra_2000(less: SEMResult, ev1: Evaluator, more: SEMResult, ev0: Evaluator,
                  m: int) -> tuple[float, float, float]:
    """lavaan's lav_test_diff_Satorra2000 (A by the delta method), scaled and shifted."""
    gammas = full_gammas(ev1)
    rp1 = robust_parts(ev1, less.theta, gammas=gammas)
    rp0 = robust_parts(ev0, more.theta, gammas=gammas)
    D1 = np.vstack(rp1.deltas)
    D0 = np.vstack(rp0.deltas)
    H = np.linalg.pinv(D1) @ D0
    A = linalg.null_space(H.T).T
    Pinv = rp1.E_inv
    PA = Pinv @ A.T
    M = PA @ np.linalg.pinv(A @ PA) @ PA.T                 # P^-1 A'(A P^-1 A')^- A P^-1
    blocks_U, blocks_G = [], []
    for f, D, W, G in zip(rp1.fg, rp1.deltas, rp1.weights, rp1.gammas, strict=True):
        blocks_U.append((W, D))
        blocks_G.append(f * G)
    VD = np.vstack([W @ D for W, D in blocks_U])
    U = VD @ M @ VD.T
    Gall = linalg.block_diag(*blocks_G)
    UG = U @ Gall
    tr1 = float(np.trace(UG))
    tr2 = float(np.trace(UG @ UG))
    a = math.sqrt(m / tr2)
    b = m - a * tr1
    T = a * (more.fit_measures["chisq"] - less.fit_measures["chisq"]) + b
    return T, 1.0 / a, b


def compare(models: Sequence[str | SEMResult], data: pd.DataFrame, *,
            method: str = "default", names: Sequence[str] | None = None,
            **fit_options: Any) -> ComparisonResult:
    """Compare nested models as lavaan's ``lavTestLRT`` (``anova``).

    Parameters
    ----------
    models : sequence of str or SEMResult
        Two or more models in lavaan syntax (fitted here with ``fit_options``), or results of
        :func:`~craftwave.analysis.sem.fit` on ``data``.
    data : pandas.DataFrame
        The data every model was (or is) fitted to.
    method : {"default", "standard", "satorra.bentler.2001", "satorra.bentler.2010", "satorra.2000"}
        lavaan's ``method``: the default is the plain difference for ML, GLS and ULS,
        Satorra-Bentler (2001) for MLM and MLR, Satorra (2000) for MLMV.
    names : sequence of str, optional
        Row names (default ``model1``, ``model2``, ...).
    **fit_options
        Passed to :func:`~craftwave.analysis.sem.fit` (``estimator``, ``missing``, ``group``,
        ...), the same for every model given as syntax.

    Returns
    -------
    ComparisonResult

    Raises
    ------
    ModelError
        Fewer than two models, models fitted with different estimators or to different N, or a
        method the estimator has no statistics for.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(7)
    >>> f = rng.normal(size=(400, 2))
    >>> y = np.hstack([f[:, :1] * [1, .8, .7], f[:, 1:] * [1, .9, .6]])
    >>> df = pd.DataFrame(y + rng.normal(scale=.6, size=(400, 6)),
    ...                   columns=["a1", "a2", "a3", "b1", "b2", "b3"])
    >>> two = "A =~ a1 + a2 + a3\\nB =~ b1 + b2 + b3"
    >>> res = compare([two, two + "\\nA ~~ 0*B"], df, names=["oblique", "orthogonal"])
    >>> list(res.table["model"])
    ['oblique', 'orthogonal']
    """
    if len(models) < 2:
        raise ModelError("compare needs at least two models")
    if names is not None and len(names) != len(models):
        raise ModelError("give one name per model")
    labels = list(names) if names is not None else [f"model{i + 1}" for i in range(len(models))]
    results = [m if isinstance(m, SEMResult) else fit(m, data, **fit_options) for m in models]
    estimators = {r.estimator for r in results}
    if len(estimators) > 1:
        raise ModelError(f"the models were fitted with different estimators: "
                         f"{', '.join(sorted(estimators))}")
    if len({r.nobs for r in results}) > 1:
        raise ModelError("the models were fitted to different numbers of cases: "
                         + ", ".join(str(r.nobs) for r in results))
    estimator = results[0].estimator
    chosen = _method(method, estimator)
    group = fit_options.get("group")
    order = sorted(range(len(results)), key=lambda i: results[i].fit_measures["df"])
    results = [results[i] for i in order]
    labels = [labels[i] for i in order]
    notes: list[str] = []
    fms = [r.fit_measures for r in results]
    N = results[0].nobs
    G = len(results[0].group_labels)
    rows = []
    evs: dict[int, Evaluator] = {}

    def ev_of(k: int) -> Evaluator:
        if k not in evs:
            evs[k] = _evaluator(results[k], data, group)
        return evs[k]

    for k, (res, fm) in enumerate(zip(results, fms, strict=True)):
        row = {"model": labels[k], "df": fm["df"], "aic": fm.get("aic", math.nan),
               "bic": fm.get("bic", math.nan), "chisq": fm["chisq"], "chisq_diff": math.nan,
               "df_diff": math.nan, "pvalue": math.nan, "scaling_factor": math.nan,
               "shift": math.nan, "rmsea": math.nan}
        if k > 0:
            less, f1 = results[k - 1], fms[k - 1]
            m = fm["df"] - f1["df"]
            raw = fm["chisq"] - f1["chisq"]
            stat, scale, shift = raw, math.nan, math.nan
            if m != 0 and chosen in ("satorra.bentler.2001", "satorra.bentler.2010"):
                c1 = f1["scaling_factor"] if f1["df"] > 0 else 1.0
                c0 = fm["scaling_factor"] if fm["df"] > 0 else 1.0
                if chosen == "satorra.bentler.2010":
                    c1 = _scaling_at(less, ev_of(k - 1), _theta_at(less, res))
                scale = (fm["df"] * c0 - f1["df"] * c1) / m
                if scale < 0:
                    notes.append(f"{labels[k]}: the scaling factor of the difference is "
                                 "negative (no test); method 'satorra.bentler.2010' avoids it")
                    scale = math.nan
                stat = raw / scale
            elif m != 0 and chosen == "satorra.2000":
                stat, scale, shift = _satorra_2000(less, ev_of(k - 1), res, ev_of(k), m)
            row.update(chisq_diff=stat, df_diff=m, scaling_factor=scale, shift=shift)
            if m != 0 and math.isfinite(stat):
                row["pvalue"] = float(stats.chi2.sf(stat, m))
            elif m == 0:
                notes.append(f"{labels[k - 1]} and {labels[k]} have the same degrees of freedom")
            if chosen == "standard":
                row["rmsea"] = fmx.rmsea(raw, m, N, G) if m > 0 else 0.0
            if raw < -(np.finfo(float).eps ** (1 / 3)):
                notes.append(f"{labels[k]} fits better than the less restricted {labels[k - 1]}: "
                             "the models are not nested, or one fit missed its optimum")
        rows.append(row)
    table = pd.DataFrame(rows)[TABLE_COLUMNS]
    if not all(r.converged for r in results):
        notes.append("not every model converged")
    return ComparisonResult(table=table, method=chosen, estimator=estimator, results=results,
                            warnings=notes)
