"""Improper solutions: detect them, name them as lavaan does, and test a boundary.

An SEM solution is *improper* (inadmissible) when an estimated variance is negative, a
correlation implied by the estimates exceeds 1 in absolute value, or an estimated covariance
matrix is not positive definite. Such estimates are not interpreted. :func:`admissibility`
reads a fitted result's parameter table and names each problem with lavaan's own words
(``lav_object_post_check`` in lavaan 0.6: "some estimated ov variances are negative", "some
estimated lv variances are negative", "covariance matrix of latent variables is not positive
definite", "the covariance matrix of the residuals of the observed variables (theta) is not
positive definite"), so a report can say what lavaan would say without internal detail.

:func:`boundary_test` is the chi-bar-square test of a 2 x 2 covariance matrix of random effects
(two variances and their covariance) against zero, for comparing a RI-CLPM with the nested
CLPM: the variances cannot be negative, so the test statistic's null distribution is a mixture
of chi-squares (Stoel, Garre, Dolan & van den Wittenboer, 2006), not the chi-square with 3 df a
naive difference test uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from craftwave.instruments.errors import ModelError

__all__ = ["Admissibility", "BoundaryTest", "Problem", "admissibility", "boundary_test",
           "ri_boundary_test"]

#: lavaan's words for each kind of problem (lavaan 0.6, lav_object_post_check).
LAVAAN_WORDS = {
    "ov_variance": "some estimated ov variances are negative",
    "lv_variance": "some estimated lv variances are negative",
    "lv_not_pd": "covariance matrix of latent variables is not positive definite",
    "theta_not_pd": "the covariance matrix of the residuals of the observed variables (theta) "
                    "is not positive definite",
}
#: Problems lavaan does not name on its own (it reports them as a non-positive-definite matrix).
EXTRA_WORDS = {
    "lv_correlation": "an estimated latent correlation is larger than 1 in absolute value",
}
_TOL = 1e-8
_EIG_TOL = np.finfo(float).eps ** 0.75  # lavaan's threshold on eigenvalues


@dataclass(frozen=True)
class Problem:
    """One problem of a solution.

    Attributes
    ----------
    kind : str
        A key of ``LAVAAN_WORDS``.
    parameters : tuple of str
        The variables involved (model names), for the researcher's own inspection.
    """

    kind: str
    parameters: tuple[str, ...] = ()

    @property
    def words(self) -> str:
        """The problem in lavaan's words (craftwave's where lavaan has none)."""
        return LAVAAN_WORDS.get(self.kind) or EXTRA_WORDS[self.kind]


@dataclass(frozen=True)
class Admissibility:
    """Whether a solution is proper, and if not, what is wrong with it."""

    problems: tuple[Problem, ...]

    @property
    def proper(self) -> bool:
        return not self.problems

    def kinds(self) -> list[str]:
        return [p.kind for p in self.problems]

    def lavaan_messages(self) -> list[str]:
        """The warnings lavaan gives for this solution, in its order and by its rules.

        As ``lav_object_post_check``: the latent covariance matrix is checked only when no
        latent variance is negative, the residual matrix (theta) only when no observed
        variance is negative.
        """
        kinds = set(self.kinds())
        out = []
        for k in LAVAAN_WORDS:
            if k == "lv_not_pd" and "lv_variance" in kinds:
                continue
            if k == "theta_not_pd" and "ov_variance" in kinds:
                continue
            if k in kinds:
                out.append(LAVAAN_WORDS[k])
        return out

    def messages(self) -> list[str]:
        """lavaan's warnings, then the problems lavaan does not name on its own."""
        return self.lavaan_messages() + [EXTRA_WORDS[k] for k in EXTRA_WORDS
                                         if k in self.kinds()]


def _names(result: Any) -> tuple[list[str], list[str]]:
    model = getattr(result, "model", None)
    ov = list(getattr(model, "ov_names", []) or [])
    lv = list(getattr(model, "lv_names", []) or [])
    if not ov and not lv:
        raise ModelError("the result carries no compiled model to check")
    return ov, lv


def _matrix(params: pd.DataFrame, names: list[str]) -> np.ndarray:
    idx = {n: i for i, n in enumerate(names)}
    out = np.zeros((len(names), len(names)))
    for r in params[params["op"] == "~~"].itertuples():
        if r.lhs in idx and r.rhs in idx:
            i, j = idx[r.lhs], idx[r.rhs]
            out[i, j] = out[j, i] = float(r.est)
    return out


def _latent_cov(params: pd.DataFrame, lv: list[str]) -> np.ndarray:
    """The model-implied covariance of the latent variables (lavaan's ``cov.lv``).

    Regressions among latent variables are propagated, cov = (I - B)^-1 Psi (I - B)^-T.
    """
    psi = _matrix(params, lv)
    idx = {n: i for i, n in enumerate(lv)}
    beta = np.zeros_like(psi)
    for r in params[params["op"] == "~"].itertuples():
        if r.lhs in idx and r.rhs in idx:
            beta[idx[r.lhs], idx[r.rhs]] = float(r.est)
    inv = np.linalg.inv(np.eye(len(lv)) - beta)
    return inv @ psi @ inv.T


def admissibility(result: Any) -> Admissibility:
    """Check a fitted SEM result for an improper solution.

    Parameters
    ----------
    result : SEMResult
        From :func:`craftwave.analysis.fit` (or a panel model's ``fit``).

    Returns
    -------
    Admissibility
        ``proper`` is True when no variance is negative, no latent correlation exceeds 1 in
        absolute value and the latent and residual covariance matrices are positive
        (semi-)definite.
    """
    params = result.params
    if "group" in params.columns and params["group"].nunique() > 1:
        groups = [g for _, g in params.groupby("group")]
    else:
        groups = [params]
    ov, lv = _names(result)
    problems: list[Problem] = []
    for p in groups:
        var = p[(p["op"] == "~~") & (p["lhs"] == p["rhs"])]
        neg = var[var["est"] < 0]
        neg_ov = tuple(v for v in neg["lhs"] if v in ov)
        neg_lv = tuple(v for v in neg["lhs"] if v in lv)
        if neg_ov:
            problems.append(Problem("ov_variance", neg_ov))
        if neg_lv:
            problems.append(Problem("lv_variance", neg_lv))
        if lv:
            cov = _latent_cov(p, lv)
            d = np.diag(cov)
            bad = []
            for i in range(len(lv)):
                for j in range(i + 1, len(lv)):
                    if d[i] > _TOL and d[j] > _TOL and abs(cov[i, j]) > np.sqrt(d[i] * d[j]) \
                            * (1 + 1e-6):
                        bad.append(f"{lv[i]} ~~ {lv[j]}")
            if bad:
                problems.append(Problem("lv_correlation", tuple(bad)))
            if len(lv) and np.linalg.eigvalsh(cov).min() < -_EIG_TOL:
                problems.append(Problem("lv_not_pd", tuple(lv)))
        theta = _matrix(p, ov)
        if ov and theta.any():
            w = np.linalg.eigvalsh(theta)
            if w.min() < -_EIG_TOL:
                problems.append(Problem("theta_not_pd", tuple(ov)))
    seen: dict[str, Problem] = {}
    for prob in problems:  # one problem per kind over groups
        if prob.kind in seen:
            prob = Problem(prob.kind, tuple(dict.fromkeys(seen[prob.kind].parameters
                                                          + prob.parameters)))
        seen[prob.kind] = prob
    return Admissibility(tuple(seen.values()))


# -- the boundary (chi-bar-square) test -------------------------------------------------------


@dataclass(frozen=True)
class BoundaryTest:
    """A chi-bar-square test of a 2 x 2 random-effect covariance matrix against zero.

    Attributes
    ----------
    statistic : float
        The likelihood-ratio statistic of the admissible full model against the nested one
        (for an improper fit, brought to the admissible model; see :func:`boundary_test`).
    pvalue : float
        From the simulated chi-bar-square (mixture of chi-squares) null distribution.
    naive_pvalue : float
        The same statistic referred to chi-square with 3 df (too conservative).
    n_sim : int
    weights : tuple of float
        The simulated mixing weights (rank 0, 1, 2 of the null's projection on the cone),
        when known (:func:`ri_boundary_test`).
    """

    statistic: float
    pvalue: float
    naive_pvalue: float
    n_sim: int
    weights: tuple[float, ...] = ()


def _grid(n: int = 720) -> np.ndarray:
    phi = np.linspace(0.0, np.pi, n, endpoint=False)
    c, s = np.cos(phi), np.sin(phi)
    return np.column_stack([c * c, c * s, s * s])  # rank-1 2x2 matrices (a^2, ab, b^2)


def chibar_statistics(z: np.ndarray, info: np.ndarray) -> np.ndarray:
    """The quadratic-approximation LR statistics of "zero" against "positive semi-definite".

    For each row ``z`` (``var_1, cov_12, var_2``): ``z'Iz - min_{t PSD} (z - t)'I(z - t)``.
    A point inside the cone gives ``z'Iz``; outside, the minimiser lies on the cone's boundary,
    the rank-1 matrices ``s v(phi)``, so the statistic is ``max_phi max(0, v'Iz)^2 / v'Iv``
    (evaluated on a fine grid of ``phi``).
    """
    z = np.atleast_2d(np.asarray(z, dtype=float))
    v = _grid()
    a = v @ info @ z.T                                   # grid x draws
    b = np.einsum("gi,ij,gj->g", v, info, v)[:, None]
    edge = (np.clip(a, 0, None) ** 2 / b).max(axis=0)
    inside = (z[:, 0] >= 0) & (z[:, 2] >= 0) & (z[:, 0] * z[:, 2] >= z[:, 1] ** 2)
    full = np.einsum("ni,ij,nj->n", z, info, z)
    return np.where(inside, full, edge)


def boundary_test(statistic: float, vcov: np.ndarray, estimate: np.ndarray | None = None, *,
                  n_sim: int = 20000, seed: int = 20261204) -> BoundaryTest:
    """Chi-bar-square test that a 2 x 2 random-intercept covariance matrix is zero.

    Parameters
    ----------
    statistic : float
        The likelihood-ratio statistic of the unconstrained fit, e.g. chi-square(CLPM) -
        chi-square(RI-CLPM).
    vcov : array 3 x 3
        The sampling covariance of the full model's ``(var_1, cov_12, var_2)`` estimates.
    estimate : array of 3, optional
        Those estimates. When they are not a positive semi-definite matrix (an improper
        solution), the statistic is brought to the admissible model's: the squared distance
        (in the metric of ``vcov^-1``) from the estimate to the nearest admissible matrix is
        subtracted, the second-order approximation of how much worse the best admissible fit
        is than the improper one.
    n_sim : int
        Draws of the null distribution.
    seed : int

    Returns
    -------
    BoundaryTest

    Notes
    -----
    Under the null the unconstrained estimates are approximately ``N(0, vcov)``, and the LR
    statistic of the admissible (positive semi-definite) alternative is approximately
    :func:`chibar_statistics` of them: a mixture of chi-squares (Stoel et al., 2006) whose
    weights depend on ``vcov``. The p-value is the share of simulated statistics at least as
    large as the observed one. ``bench/riclpm_boundary.py`` checks the rejection rate on data
    without random intercepts (RI-CLPM against CLPM, three waves).
    """
    from scipy import stats

    v = np.asarray(vcov, dtype=float).reshape(3, 3)
    v = (v + v.T) / 2
    if not np.all(np.isfinite(v)) or np.linalg.eigvalsh(v).min() <= 0:
        raise ModelError("the sampling covariance of the random-intercept (co)variances is not "
                         "positive definite; no boundary test")
    info = np.linalg.inv(v)
    stat = max(0.0, float(statistic))
    if estimate is not None:
        z = np.asarray(estimate, dtype=float).reshape(1, 3)
        excess = float((z @ info @ z.T)[0, 0]) - float(chibar_statistics(z, info)[0])
        stat = max(0.0, stat - max(0.0, excess))
    rng = np.random.default_rng(seed)
    draws = rng.multivariate_normal(np.zeros(3), v, size=n_sim)
    sims = chibar_statistics(draws, info)
    p = float((1 + (sims >= stat - 1e-10).sum()) / (n_sim + 1))
    return BoundaryTest(statistic=stat, pvalue=p, naive_pvalue=float(stats.chi2.sf(stat, 3)),
                        n_sim=n_sim)


# -- the RI-CLPM against the CLPM --------------------------------------------------------------

_RI_FIXED = "\n".join(["", "# the random intercepts' covariance matrix written as L L' (rank 1)",
                       "F_RIrank =~ NA*{a} + {b}", "F_RIrank ~~ 1*F_RIrank"])


def _ri_fixed_syntax(syntax: str, a: str, b: str) -> str:
    """The RI-CLPM's syntax with the random intercepts' (co)variances fixed at zero."""
    out = syntax
    for lhs, rhs in ((a, a), (b, b), (a, b)):
        line = f"{lhs} ~~ {rhs}"
        if line not in out.splitlines():
            raise ModelError(f"the model has no free parameter '{line}'")
        out = "\n".join(f"{lhs} ~~ 0*{rhs}" if ln == line else ln for ln in out.splitlines())
    return out


def _rank_one_syntax(syntax: str, a: str, b: str, within_first: Sequence[str]) -> str:
    """The RI-CLPM with the random intercepts' covariance matrix restricted to ``l l'``."""
    lines = [_ri_fixed_syntax(syntax, a, b), _RI_FIXED.format(a=a, b=b)]
    lines += [f"F_RIrank ~~ 0*{w}" for w in within_first]
    return "\n".join(lines)


def _psd2(v: np.ndarray, tol: float = 0.0) -> bool:
    return bool(v[0] >= -tol and v[2] >= -tol and v[0] * v[2] - v[1] ** 2 >= -tol)


def ri_boundary_test(spec: Any, data: pd.DataFrame, full: Any, pair: Sequence[str], *,
                     missing: str = "fiml", estimator: str = "ML", n_sim: int = 20000,
                     seed: int = 20261204) -> BoundaryTest:
    """Boundary-corrected likelihood-ratio test of a RI-CLPM's random intercepts.

    Tests "the random intercepts' 2 x 2 covariance matrix is zero" (the CLPM) against "it is
    positive semi-definite" (an admissible RI-CLPM). Both parts of the test follow the
    likelihood theory of a parameter on the boundary (Self & Liang, 1987; Stoel et al., 2006;
    Savalei & Kolenikov, 2008):

    * the **statistic** is the likelihood ratio of the CLPM against the *best admissible*
      RI-CLPM. When the unconstrained estimate is positive semi-definite, that is the
      unconstrained fit; otherwise the maximum lies on the boundary of the cone, the matrices
      of rank one, and the model with the covariance matrix written as ``l l'`` (a phantom
      factor with loadings ``l``) is fitted to find it;
    * its **null distribution** is the chi-bar-square of the positive semi-definite cone in the
      metric of the information of the three (co)variances *at the null*: the RI-CLPM's
      information evaluated at the CLPM's estimates with the random intercepts at zero (the
      nuisance parameters profiled out by taking the 3 x 3 block of its inverse). The mixing
      weights depend on that information; the three parameters are one covariance block,
      not three independent scalars, so neither 50:50 mixtures nor chi-square(3) apply.

    Parameters
    ----------
    spec : PanelModel
        From :func:`craftwave.analysis.panel.riclpm` (single indicators).
    data : DataFrame
        The data ``full`` was fitted to.
    full : SEMResult
        The unconstrained RI-CLPM fit.
    pair : sequence of two str
        The two constructs; their random intercepts are ``RI_{c}``.
    missing, estimator : str
        As for the fit.
    n_sim, seed : int
        Draws of the null distribution and their seed.

    Returns
    -------
    BoundaryTest
        ``weights`` holds the simulated shares of the null's projection onto the cone's apex
        (rank 0, a zero statistic), its boundary (rank 1) and its interior (rank 2).

    Raises
    ------
    ModelError
        When the information at the null is singular (no test).
    """
    import warnings

    from scipy import stats

    from craftwave.analysis.sem import fit as sem_fit
    from craftwave.analysis.sem.api import prepare_groups
    from craftwave.analysis.sem.estimation import Evaluator
    from craftwave.analysis.sem.information import vcov_matrix

    a, b = (f"RI_{c}" for c in pair)
    keys = [(a, "~~", a), (a, "~~", b), (b, "~~", b)]
    free = {}
    for r in full.model.rows:
        if r.free >= 0:
            free.setdefault((r.lhs, r.op, r.rhs, r.group), r.free)
            if r.op == "~~":
                free.setdefault((r.rhs, r.op, r.lhs, r.group), r.free)
    idx = [free[(*k, 0)] for k in keys]
    prepared = spec.prepared(data)
    kw = {"missing": missing, "estimator": estimator, "fixed_x": False, "meanstructure": True}
    within_first = [f"W_{c}_w{spec.waves[0]}" for c in pair]
    with warnings.catch_warnings():
        # the restricted fits are only means to the statistic and the null information;
        # a singular information at a boundary optimum is expected there
        warnings.simplefilter("ignore")
        null = sem_fit(_ri_fixed_syntax(spec.syntax, a, b), prepared, **kw)
        estimate = np.asarray(full.theta, dtype=float)[idx]
        if _psd2(estimate):
            constrained = float(full.fit_measures["chisq"])
        else:
            rank1 = sem_fit(_rank_one_syntax(spec.syntax, a, b, within_first), prepared, **kw)
            constrained = float(rank1.fit_measures["chisq"])
    statistic = max(0.0, float(null.fit_measures["chisq"]) - constrained)
    # the full model's parameters at the null: the CLPM's estimates, the random intercepts 0
    theta0 = np.zeros(full.model.n_free)
    est = {(r.lhs, r.op, r.rhs, r.group - 1): r.est for r in null.params.itertuples()}
    for r in full.model.rows:
        if r.free >= 0 and (r.lhs, r.op, r.rhs, r.group) in est:
            theta0[r.free] = est[(r.lhs, r.op, r.rhs, r.group)]
    for i in idx:
        theta0[i] = 0.0
    groups, _ = prepare_groups(full.model, prepared, missing=missing)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        v0 = vcov_matrix(Evaluator(full.model, groups), theta0, estimator)["vcov"]
    v = np.asarray(v0, dtype=float)[np.ix_(idx, idx)]
    v = (v + v.T) / 2
    if not np.all(np.isfinite(v)) or np.linalg.eigvalsh(v).min() <= 0:
        raise ModelError("the information of the random-intercept (co)variances at the null is "
                         "singular; no boundary test")
    info = np.linalg.inv(v)
    rng = np.random.default_rng(seed)
    draws = rng.multivariate_normal(np.zeros(3), v, size=n_sim)
    sims = chibar_statistics(draws, info)
    inside = (draws[:, 0] >= 0) & (draws[:, 2] >= 0) & (draws[:, 0] * draws[:, 2] >= draws[:, 1] ** 2)
    apex = (~inside) & (sims <= 1e-12)
    weights = (float(apex.mean()), float(1 - apex.mean() - inside.mean()), float(inside.mean()))
    p = float((1 + (sims >= statistic - 1e-10).sum()) / (n_sim + 1))
    return BoundaryTest(statistic=statistic, pvalue=p,
                        naive_pvalue=float(stats.chi2.sf(statistic, 3)), n_sim=n_sim,
                        weights=weights)
