"""``bootstrap``: the nonparametric bootstrap of any model the SEM engine fits.

Rows are resampled (within groups, group sizes fixed) as case-weight vectors
(:mod:`craftwave.analysis.bootstrap.weights`); the model is compiled once and every resample is refitted
warm-started from the full-sample estimate:

* complete data (listwise): all resamples of a chunk are refitted together by batched Fisher
  scoring / BFGS on the resamples' weighted moments (:mod:`craftwave.analysis.bootstrap.batched_ml`);
* FIML: the missing-data patterns are found once (a resample only reweights rows) and all
  resamples of a chunk are refitted together by batched quasi-Newton steps started from the
  full-sample estimate and Hessian (:mod:`craftwave.analysis.bootstrap.batched_fiml`), chunks
  spread over threads. ``_Problem.refit_engine`` keeps the one-by-one reference.

Fixed.x covariances are recomputed per resample, ``:=`` parameters are recomputed from each
resample's estimates, and resamples that fail or do not converge are excluded and counted (as
lavaan does); inadmissible ones (a negative variance) are kept and counted. Bootstrap SEs are the
draws' SD with divisor B and percentile intervals interpolate order statistics as lavaan 0.6's
``se = "bootstrap"`` and ``parameterEstimates(boot.ci.type = "perc")`` do for ML. The refits are
ML (also for MLM, MLMV and MLR fits, whose estimates are ML's); ULS and GLS fits are refused.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from craftwave.analysis.bootstrap.intervals import (
    CI_METHODS,
    bca_interval,
    check_level,
    percentile_interval,
)
from craftwave.analysis.bootstrap.result import BootstrapResult
from craftwave.analysis.bootstrap.weights import (
    CHUNK_SIZE,
    chunk_bounds,
    chunk_generators,
    draw_chunk,
    jackknife_weights,
)
from craftwave.analysis.sem.interactions import add_product_columns
from craftwave.instruments.errors import ConvergenceWarning, DataError, ModelError

#: FIML refits stop when every step is below this times (1 + |theta|): the engine's criterion.
FIML_STEP_TOL = 1e-9

FIT_OPTIONS = ("estimator", "missing", "group", "group_equal", "group_partial", "meanstructure",
               "fixed_x", "function", "int_ov_free", "int_lv_free", "std_lv", "orthogonal",
               "auto_fix_first", "auto_fix_single", "auto_var", "auto_cov_lv_x", "auto_cov_y")


class _Problem:
    """What a bootstrap needs: the compiled model, the rows used, their groups, the estimate."""

    def __init__(self, result, data: pd.DataFrame, group: str | None, tol: float) -> None:
        from craftwave.analysis.sem.api import prepare_groups

        self.result = result
        cm = result.model
        self.model = cm
        self.fiml = result.missing == "fiml"
        self.group = group
        frame = data
        if group is not None:
            if group not in data.columns:
                raise DataError(f"the data have no group column {group!r}")
            frame = frame.loc[frame[group].notna()]
        values = frame[cm.ov_names].apply(pd.to_numeric, errors="coerce")
        if self.fiml:
            keep = values.notna().any(axis=1)
            if cm.fixed_x and cm.ov_x:
                keep &= frame[cm.ov_x].notna().all(axis=1)
        else:
            keep = values.notna().all(axis=1)
        self.frame = frame.loc[keep.to_numpy()].reset_index(drop=True)
        self.Y = values.loc[keep.to_numpy()].to_numpy(dtype=float)
        if group is not None:
            gvals = self.frame[group].astype(str).to_numpy()
            self.labels = [str(x) for x in pd.unique(gvals)]
        else:
            gvals = np.array(["1"] * len(self.frame))
            self.labels = ["1"]
        if self.labels != list(result.group_labels):
            raise DataError("the data's groups do not match the fitted model's "
                            f"({self.labels} vs {list(result.group_labels)}); pass the same "
                            "data and group column that were fitted")
        self.group_codes = np.array([self.labels.index(g) for g in gvals])
        self.n = len(self.frame)
        if int(round(sum(result.n_obs))) != self.n:
            raise DataError(f"the fitted model used {sum(result.n_obs)} rows but these data give "
                            f"{self.n}; pass the data that were fitted")
        # FIML on complete rows is complete-data ML with a mean structure: take the batched path
        self.fiml = self.fiml and bool(np.isnan(self.Y).any())
        self.theta = np.asarray(result.theta, dtype=float)
        self._prepare = prepare_groups
        self._batched = None
        self.tol = tol

    # -- refits ------------------------------------------------------------------------------
    def refit(self, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Estimates of the resamples given as case weights (B x n); NaN rows where failed."""
        counts = np.atleast_2d(np.asarray(counts, dtype=float))
        if counts.shape[1] != self.n:
            raise DataError(f"weights must have {self.n} columns (one per row used)")
        if not self.fiml:
            return self._refit_batched(counts)
        return self._refit_fiml(counts)

    def _refit_batched(self, counts):
        from craftwave.analysis.bootstrap.batched_ml import BatchedML

        if self._batched is None:
            self._rows = [np.flatnonzero(self.group_codes == g) for g in range(len(self.labels))]
            self._batched = BatchedML(self.model, [self.Y[r] for r in self._rows])
        return self._batched.fit([counts[:, r] for r in self._rows], self.theta, tol=self.tol)

    def prepare(self) -> None:
        """Build what every chunk shares (compiled data, pattern structure, the full-sample
        Hessian for FIML) once, before the chunks are sent to workers."""
        if self.fiml:
            self._fiml_batch()

    def _fiml_batch(self):
        from craftwave.analysis.bootstrap.batched_fiml import BatchedFIML

        if self._batched is None:
            self._rows = [np.flatnonzero(self.group_codes == g) for g in range(len(self.labels))]
            self._batched = BatchedFIML(self.model, [self.Y[r] for r in self._rows])
            self._batched.set_hessian(self.theta)
        return self._batched

    def _refit_fiml(self, counts):
        try:
            batch = self._fiml_batch()
        except np.linalg.LinAlgError:  # no usable curvature at the estimate: one by one
            return self.refit_engine(counts)
        from threadpoolctl import threadpool_limits

        # thousands of small matrices: one BLAS thread each (threads only fight over them)
        parts = []
        with threadpool_limits(limits=1, user_api="blas"):
            for start in range(0, counts.shape[0], CHUNK_SIZE):  # memory bounded (jackknife)
                part = counts[start:start + CHUNK_SIZE]
                parts.append(batch.fit([part[:, r] for r in self._rows], self.theta,
                                       tol=self.tol, step_tol=FIML_STEP_TOL))
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    def refit_engine(self, counts) -> tuple[np.ndarray, np.ndarray]:
        """The reference: each resample's patterns rebuilt and refitted by the engine's own
        optimiser (warm-started), one at a time. Slow; the batched path must agree with it."""
        from craftwave.analysis.sem.api import fit_moments

        counts = np.atleast_2d(np.asarray(counts, dtype=float))
        out = np.full((counts.shape[0], self.theta.size), np.nan)
        ok = np.zeros(counts.shape[0], dtype=bool)
        for b, w in enumerate(counts):
            try:
                groups, _ = self._prepare(self.model, self.frame, missing="fiml",
                                          group=self.group, case_weights=w)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ConvergenceWarning)
                    state = fit_moments(self.model, groups, start=self.theta, warn=False)
            except (ModelError, DataError, np.linalg.LinAlgError):
                continue
            if state.converged and np.all(np.isfinite(state.theta)):
                out[b], ok[b] = state.theta, True
        return out, ok

    def chunk(self, m: int, child) -> tuple[np.ndarray, np.ndarray]:
        counts = draw_chunk(self.n, m, np.random.default_rng(child), self.group_codes)
        return self.refit(counts)


def _resolve(model, data, fit_kwargs) -> tuple[Any, pd.DataFrame, str | None]:
    from craftwave.analysis.sem import SEMResult, fit

    kwargs = dict(fit_kwargs or {})
    unknown = set(kwargs) - set(FIT_OPTIONS)
    if unknown:
        raise ModelError(f"unknown fit option(s): {', '.join(sorted(unknown))}")
    if isinstance(model, tuple):
        if len(model) not in (2, 3):
            raise ModelError("give (syntax, data) or (syntax, data, fit options)")
        syntax, data = model[0], model[1]
        if len(model) == 3:
            kwargs.update(model[2] or {})
        model = syntax
    if not isinstance(data, pd.DataFrame):
        raise DataError("the bootstrap needs the data (a DataFrame) the model is fitted to")
    if isinstance(model, SEMResult):
        # observed interaction terms (x:w): the product columns the fit made from the data
        return model, add_product_columns(model.model, data), kwargs.get("group")
    if not isinstance(model, str):
        raise ModelError("model must be lavaan syntax, (syntax, data[, options]) or an SEMResult")
    result = fit(model, data, **kwargs)
    return result, add_product_columns(result.model, data), kwargs.get("group")


def bootstrap(
    model,
    data: pd.DataFrame | None = None,
    *,
    n: int = 1000,
    seed: int | None = None,
    ci: str = "percentile",
    level: float = 0.95,
    n_jobs: int = 1,
    progress: bool = True,
    fit_kwargs: dict | None = None,
    weights: np.ndarray | None = None,
    tol: float = 1e-12,
) -> BootstrapResult:
    """Nonparametric bootstrap of a structural equation model (general path).

    Parameters
    ----------
    model : SEMResult, str or tuple
        A result of :func:`craftwave.analysis.fit` (then pass the same ``data``, and ``group`` in
        ``fit_kwargs`` for a multi-group model), lavaan syntax (fitted here with ``fit_kwargs``),
        or a tuple ``(syntax, data)`` / ``(syntax, data, fit_kwargs)``.
    data : DataFrame
        The data the model is (or was) fitted to.
    n : int
        Number of resamples.
    seed : int, optional
        Seed; the same seed gives the same resamples and intervals whatever ``n_jobs``.
    ci : {"percentile", "bca"}
        Interval type. ``"percentile"`` is lavaan's ``parameterEstimates(boot.ci.type =
        "perc")``: boot's ``norm.inter`` interpolation of the order statistics on the normal
        scale (:func:`~craftwave.analysis.bootstrap.intervals.percentile_interval`), not type-7
        quantiles. ``"bca"`` is Efron's BCa, its acceleration from a jackknife (n extra refits).
    level : float
        Confidence level.
    n_jobs : int
        Parallel workers (threads: the batched refits spend their time in NumPy, which
        releases the GIL) over chunks of resamples; results do not depend on it.
    progress : bool
        Show a tqdm progress bar over chunks.
    fit_kwargs : dict, optional
        Options of :func:`craftwave.analysis.fit` (estimator, missing, group, group_equal, group_partial,
        meanstructure, fixed_x, and lavaan's function mode and options: function, std_lv, ...).
    weights : ndarray, optional
        Resample case weights (B x rows used) to use instead of drawing them: how often each
        row of the fitted data (in order, after listwise deletion) is in each resample. Given
        lavaan's resample rows (``bootstrapLavaan(keep.idx = TRUE)``) as counts, the draws and
        intervals are lavaan's.
    tol : float
        Convergence criterion of the complete-data refits (Newton decrement of F per case; the
        engine's default). FIML refits stop on the engine's step criterion instead
        (``FIML_STEP_TOL``).

    Returns
    -------
    BootstrapResult

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> f = rng.normal(size=(200, 1))
    >>> df = pd.DataFrame(f @ [[1.0, 0.8, 0.7]] + rng.normal(scale=0.6, size=(200, 3)),
    ...                   columns=["y1", "y2", "y3"])
    >>> boot = bootstrap("F =~ y1 + y2 + y3", df, n=200, seed=1, progress=False)
    >>> boot.n_failed
    0
    """
    level = check_level(level)
    if ci not in CI_METHODS:
        raise ModelError(f"ci must be one of {CI_METHODS}; got {ci!r}")
    result, data, group = _resolve(model, data, fit_kwargs)
    estimator = str(getattr(result, "estimator", "ML")).upper()
    if estimator in ("ULS", "GLS"):
        # the refits minimise the ML discrepancy: a least-squares fit would be bootstrapped by ML
        raise ModelError(f"the bootstrap refits each resample by ML; it is not available for an "
                         f"{estimator} fit (fit by ML, MLM, MLMV or MLR)")
    prob = _Problem(result, data, group, tol)
    if weights is not None:
        draws, ok = prob.refit(weights)
        n = draws.shape[0]
    else:
        if not isinstance(n, (int, np.integer)) or n < 2:
            raise DataError(f"n must be an integer of at least 2; got {n!r}")
        draws, ok = _run_chunks(prob, int(n), seed, n_jobs, progress)
    jack = None
    if ci == "bca":
        jack, jok = prob.refit(jackknife_weights(prob.n))
        jack = jack[jok]
    return _summarise(prob, draws, ok, jack, n, seed, ci, level)


def _run_chunks(prob: _Problem, n: int, seed, n_jobs: int, progress: bool):
    prob.prepare()
    bounds = chunk_bounds(n, CHUNK_SIZE)
    children = chunk_generators(seed, len(bounds))
    if prob.fiml:
        # FIML: the chunks' resamples are drawn here (the seed contract is the chunks') and
        # split into one batch per worker, so that even one chunk keeps every worker busy
        tasks = []
        for (start, stop), child in zip(bounds, children, strict=True):
            counts = draw_chunk(prob.n, stop - start, np.random.default_rng(child),
                                prob.group_codes)
            tasks += [(prob.refit, (part,))
                      for part in np.array_split(counts, min(max(n_jobs, 1), counts.shape[0]))]
    else:
        tasks = [(prob.chunk, (stop - start, child))
                 for (start, stop), child in zip(bounds, children, strict=True)]
    if n_jobs == 1 or len(tasks) == 1:
        results = (fn(*args) for fn, args in tasks)
    else:
        from joblib import Parallel, delayed

        results = Parallel(n_jobs=n_jobs, prefer="threads", return_as="generator")(
            delayed(fn)(*args) for fn, args in tasks)
    if progress:
        from tqdm.auto import tqdm

        results = tqdm(results, total=len(tasks), desc="bootstrap", unit="batch")
    if prob.fiml:  # small matrices by the thousand: one BLAS thread per worker thread
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1, user_api="blas"):
            results = list(results)
    results = list(results)  # in order whatever the workers
    return np.concatenate([r[0] for r in results]), np.concatenate([r[1] for r in results])


def _defined(prob: _Problem, theta: np.ndarray) -> tuple[list[str], np.ndarray]:
    from craftwave.analysis.sem.defined import DefinedSet

    cm = prob.model
    if not cm.defined:
        return [], np.zeros((theta.shape[0], 0))
    first: dict[str, int] = {}
    for k, row in enumerate(cm.rows):
        if row.label and row.label not in first:
            first[row.label] = k

    def label_values(th):
        return {lab: (th[cm.rows[k].free] if cm.rows[k].free >= 0 else cm.rows[k].value)
                for lab, k in first.items()}

    ds = DefinedSet(cm.defined, set(first), label_values)
    return ds.names, np.array([ds.values(t) for t in theta]).reshape(theta.shape[0], -1)


def _summarise(prob, draws, ok, jack, n, seed, ci, level) -> BootstrapResult:
    cm = prob.model
    good = draws[ok]
    if good.shape[0] < 2:
        raise ModelError("fewer than two bootstrap resamples could be estimated")
    names, def_draws = _defined(prob, good)
    _, def_est = _defined(prob, prob.theta[None, :])
    est = np.concatenate([prob.theta, def_est[0]])
    allq = np.hstack([good, def_draws])
    if ci == "bca":
        _, def_jack = _defined(prob, jack)
        lo, hi = bca_interval(allq, est, np.hstack([jack, def_jack]), level)
    else:
        lo, hi = percentile_interval(allq, level)
    se = allq.std(axis=0)  # free parameters: divisor B, as lavaan's lav_model_nvcov_bootstrap
    k = prob.theta.size
    # ``:=`` parameters: lavaan's lav_model_vcov_se takes cov() of the defined draws (divisor B - 1)
    se[k:] = allq[:, k:].std(axis=0, ddof=1)
    var_rows = [r.free for r in cm.rows
                if r.free >= 0 and r.op == "~~" and r.lhs == r.rhs]
    n_inadmissible = int((good[:, var_rows] < 0).any(axis=1).sum()) if var_rows else 0
    params = prob.result.params.copy()
    free = np.array([r.free for r in cm.rows])
    is_free = free >= 0
    params["boot_se"] = np.where(is_free, se[np.where(is_free, free, 0)], 0.0)
    params["ci_lower"] = np.where(is_free, lo[np.where(is_free, free, 0)], params["est"])
    params["ci_upper"] = np.where(is_free, hi[np.where(is_free, free, 0)], params["est"])
    params = params.drop(columns=[c for c in ("z", "pvalue") if c in params.columns])
    params["free"] = free  # column of ``draws`` holding the parameter (-1: fixed)
    expr = {d.name: d.expression for d in cm.defined}
    defined = pd.DataFrame({"name": names, "expression": [expr.get(nm, "") for nm in names],
                            "est": est[k:], "boot_se": se[k:],
                            "ci_lower": lo[k:], "ci_upper": hi[k:]})
    return BootstrapResult(
        params=params, defined=defined, draws=good, defined_draws=def_draws,
        n_boot=int(n), n_failed=int((~ok).sum()), n_inadmissible=n_inadmissible,
        seed=seed, ci=ci, level=level, path="general (FIML)" if prob.fiml else "general",
        jackknife=jack, nobs=int(prob.n),
    )
