"""Nonparametric bootstrap of a model of ordered indicators, as lavaan's ``se = "bootstrap"``.

lavaan's ordinary bootstrap (``lav_bootstrap_internal``) resamples rows within each group,
recomputes the first stage (thresholds, polychoric correlations, the DWLS weights from NACOV),
refits from the full-sample estimates, and drops resamples whose statistics or fit fail. Here
the first stage of all resamples is computed at once
(:mod:`~craftwave.analysis.sem.categorical.resample`) and each refit is the Gauss-Newton DWLS
solve of the fit itself, warm-started at the estimates. As lavaan: the bootstrap SE is the SD of
the draws with divisor B times ``sqrt(N / (N - G))`` (``lav_model_nvcov_bootstrap`` gives
``N cov(draws) (B - 1) / B`` and ``lav_model_vcov`` divides it by ``N - G`` for (D)WLS, G the
number of groups), the percentile interval interpolates
order statistics on the normal scale (``parameterEstimates(boot.ci.type = "perc")``), fixed and
computed parameters (the delta residual variances) keep their estimate as both ends.
"""

from __future__ import annotations

import copy
import warnings

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from craftwave.analysis.bootstrap.intervals import check_level, norm_inter_interval
from craftwave.analysis.bootstrap.result import BootstrapResult
from craftwave.analysis.bootstrap.weights import resample_weights
from craftwave.analysis.errors import DataError, ModelError
from craftwave.analysis.sem.categorical.dwls import OrdinalFit, _solve, _table, _weights
from craftwave.analysis.sem.categorical.resample import CodedItems, resampled_stats

__all__ = ["bootstrap_ordinal"]

#: resamples whose first stage is computed together (bounds the memory of the tables)
BATCH = 50
#: largest parameter step at which a refit stops (the fit's own is 1e-10; the draws move
#: by far less than the 1e-4 that intervals are read to)
REFIT_TOL = 1e-8


def _coded_groups(res: OrdinalFit, data: pd.DataFrame, group: str | None
                  ) -> tuple[list[CodedItems], np.ndarray, np.ndarray]:
    """Each group's coded rows as fitted, the data rows they are, and their group codes."""
    stats = res.group_stats or [res.stats]
    names = list(res.stats.names)
    labels = list(res.group_labels or ["1"])
    if len(labels) > 1 and group is None:
        raise ModelError("the fit has several groups: give group= (the group column)")
    missing = [c for c in names + ([group] if group else []) if c not in data.columns]
    if missing:
        raise DataError(f"not in the data: {', '.join(missing)}")
    frame = data[names]
    keep = (frame.notna().all(axis=1) if res.stats.missing == "listwise"
            else frame.notna().any(axis=1))
    if group is not None:
        keep &= data[group].notna()
    rows = np.flatnonzero(keep.to_numpy())
    gcol = (data[group].astype(str).to_numpy()[rows] if group is not None
            else np.full(rows.size, "1"))
    coded, gcodes = [], np.full(rows.size, -1)
    for g, (lab, st) in enumerate(zip(labels, stats, strict=True)):
        mine = gcol == lab
        gcodes[mine] = g
        sub = frame.iloc[rows[mine]]
        codes = np.column_stack([_code(sub[c], st.levels[j]) for j, c in enumerate(names)])
        if sub.shape[0] != st.n:
            raise DataError(f"these data give {sub.shape[0]} rows in group {lab}, the fit used "
                            f"{st.n}: pass the data the model was fitted to")
        coded.append(CodedItems(codes, st))
    return coded, rows, gcodes


def _code(column: pd.Series, levels: np.ndarray) -> np.ndarray:
    lookup = {v: i for i, v in enumerate(levels.tolist())}
    values = pd.to_numeric(column, errors="coerce") if levels.dtype != object else column
    return np.array([lookup.get(v, -1) if pd.notna(v) else -1 for v in values], dtype=np.int64)


def bootstrap_ordinal(res: OrdinalFit, data: pd.DataFrame, *, group: str | None = None,
                      n: int = 1000, seed: int | None = None, level: float = 0.95,
                      progress: bool = True, weights: np.ndarray | None = None
                      ) -> BootstrapResult:
    """Nonparametric bootstrap of a WLSMV (DWLS, ULSMV, ULS) fit, as lavaan's
    ``se = "bootstrap"`` with percentile intervals.

    Parameters
    ----------
    res : OrdinalFit
        From :func:`~craftwave.analysis.sem.categorical.fit_ordinal`.
    data : pandas.DataFrame
        The data it was fitted to.
    group : str, optional
        The group column of a multi-group fit (rows are resampled within groups).
    n : int
        Number of resamples.
    seed : int, optional
        Seed of the resamples (the project's seed contract: the same seed, the same resamples).
    level : float
        Confidence level of the percentile intervals.
    progress : bool
        Show a progress bar over the refits.
    weights : ndarray, optional
        Resamples as counts (B x rows used, in data order) instead of drawing them, e.g.
        lavaan's own resamples.

    Returns
    -------
    BootstrapResult
        ``params`` is the fit's table with ``boot_se``, bootstrap ``ci_lower`` /
        ``ci_upper`` and ``free`` (the column of ``draws``); ``path`` is ``"ordinal"``.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from craftwave.analysis.sem.categorical import fit_ordinal
    >>> rng = np.random.default_rng(4)
    >>> f = rng.normal(size=(300, 1))
    >>> y = f @ [[.8, .7, .6, .7]] + rng.normal(scale=.6, size=(300, 4))
    >>> d = pd.DataFrame(np.digitize(y, [-.8, 0, .8]), columns=["a", "b", "c", "e"])
    >>> fit = fit_ordinal("F =~ a + b + c + e", d)
    >>> boot = bootstrap_ordinal(fit, d, n=20, seed=1, progress=False)
    >>> boot.n_failed, boot.draws.shape[0]
    (0, 20)
    """
    level = check_level(level)
    if res.problem is None:
        raise ModelError("bootstrap_ordinal needs a fit from fit_ordinal")
    coded, rows, gcodes = _coded_groups(res, data, group)
    if weights is None:
        if not isinstance(n, (int, np.integer)) or n < 2:
            raise DataError(f"n must be an integer of at least 2; got {n!r}")
        weights = resample_weights(rows.size, int(n), seed, groups=gcodes)
    weights = np.asarray(weights)
    if weights.ndim != 2 or weights.shape[1] != rows.size:
        raise DataError(f"weights must have one column per row used ({rows.size}); got shape "
                        f"{weights.shape}")
    for g in range(len(coded)):
        sizes = weights[:, gcodes == g].sum(axis=1)
        if not np.all(sizes == coded[g].codes.shape[0]):
            raise DataError("each resample must keep every group's size (rows are resampled "
                            "within groups)")
    with threadpool_limits(limits=1, user_api="blas"), warnings.catch_warnings():
        warnings.simplefilter("ignore")       # as lavaan's suppressWarnings around each refit
        draws, tables = _refits(res, coded, weights, gcodes, progress)
    return _summarise(res, draws, tables, weights.shape[0], seed, level)


def _refits(res: OrdinalFit, coded: list[CodedItems], weights: np.ndarray,
            gcodes: np.ndarray, progress: bool) -> tuple[np.ndarray, np.ndarray]:
    prob = res.problem
    B = weights.shape[0]
    draws = np.full((B, prob.npar), np.nan)
    tables = np.full((B, len(res.params)), np.nan)
    bar = None
    if progress:
        from tqdm.auto import tqdm  # optional display dependency, only when asked for

        bar = tqdm(total=B, desc="bootstrap (ordinal)", unit="resample")
    need_nacov = res.estimator not in ("uls", "ulsmv")
    for start in range(0, B, BATCH):
        stop = min(start + BATCH, B)
        per_group = [resampled_stats(c, weights[start:stop, gcodes == g], nacov=need_nacov)
                     for g, c in enumerate(coded)]
        for i in range(stop - start):
            stats = [pg[i] for pg in per_group]
            if all(s is not None for s in stats):
                x = _refit(prob, res, stats)
                if x is not None:
                    draws[start + i] = x
                    tables[start + i] = _table(_with_stats(prob, res, stats), x,
                                               np.zeros((prob.npar, prob.npar)),
                                               list(res.group_labels or ["1"]), 0.95)["est"]
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    return draws, tables


def _with_stats(prob, res: OrdinalFit, stats: list):
    new = copy.copy(prob)
    new.stats = stats
    new.s = [s.wls_obs for s in stats]
    new.w = [_weights(res.estimator, s) for s in stats]
    return new


def _refit(prob, res: OrdinalFit, stats: list) -> np.ndarray | None:
    new = _with_stats(prob, res, stats)
    try:
        x, converged = _solve(new, res.theta.copy(), tol=REFIT_TOL)
    except (ModelError, np.linalg.LinAlgError):
        return None
    if not converged or not np.all(np.isfinite(x)):
        return None
    return x


def _summarise(res: OrdinalFit, draws: np.ndarray, tables: np.ndarray, n_boot: int,
               seed: int | None, level: float) -> BootstrapResult:
    ok = np.all(np.isfinite(draws), axis=1)
    good = tables[ok]
    params = res.params.copy()
    free = (params["se"] > 0).to_numpy()
    # lavaan: NVarCov = N cov(draws) (B - 1) / B, and for (D)WLS VarCov = NVarCov / (N - G)
    G = len(res.group_labels or ["1"])
    factor = np.sqrt(res.nobs / (res.nobs - G))
    sd = np.where(free, factor * good.std(axis=0, ddof=0) if len(good) else np.nan, 0.0)
    lo, hi = norm_inter_interval(good, level) if len(good) else (np.nan, np.nan)
    est = params["est"].to_numpy()
    params["boot_se"] = sd
    params["ci_lower"] = np.where(free, lo, est)
    params["ci_upper"] = np.where(free, hi, est)
    params["free"] = np.where(free, np.arange(len(params)), -1)
    inadmissible = 0
    table_good = pd.DataFrame(good, columns=range(len(params)))
    var_rows = ((params["op"] == "~~") & (params["lhs"] == params["rhs"])).to_numpy()
    if len(good):
        inadmissible = int((table_good.loc[:, var_rows] < 0).any(axis=1).sum())
    return BootstrapResult(params=params, defined=pd.DataFrame(
        columns=["name", "expression", "est", "boot_se", "ci_lower", "ci_upper"]),
        draws=good, defined_draws=np.empty((len(good), 0)), n_boot=n_boot,
        n_failed=int((~ok).sum()), n_inadmissible=inadmissible, seed=seed, ci="percentile",
        level=level, path="ordinal", nobs=res.nobs)

