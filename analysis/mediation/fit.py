"""``moderated_mediation``: estimate, probe and bootstrap PROCESS-style models 7, 8 and 14."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from craftwave.analysis.bootstrap.intervals import (
    CI_METHODS,
    bca_interval,
    check_level,
    percentile_interval,
)
from craftwave.analysis.bootstrap.runner import closed_form_draws
from craftwave.analysis.mediation.fiml import fiml_fit
from craftwave.analysis.mediation.probe import critical_z, johnson_neyman, slope_rows
from craftwave.analysis.mediation.result import BootstrapInfo, ModeratedMediationResult
from craftwave.analysis.mediation.spec import Effect, build_spec, probe_values
from craftwave.instruments.errors import DataError, ModelError


def _interval(
    effects: list[Effect],
    theta: np.ndarray,
    draws: np.ndarray | None,
    jack: np.ndarray | None,
    ci: str,
    level: float,
) -> tuple[np.ndarray, np.ndarray]:
    if draws is None:
        return np.full(len(effects), np.nan), np.full(len(effects), np.nan)
    values = np.column_stack([e.value(draws) for e in effects])
    if ci == "bca":
        est = np.array([e.value(theta) for e in effects])
        jk = np.column_stack([e.value(jack) for e in effects])
        return bca_interval(values, est, jk, level)
    return percentile_interval(values, level)


def moderated_mediation(
    data: pd.DataFrame,
    *,
    x: str,
    w: str | None = None,
    m: str,
    y: str,
    covariates: Sequence[str] = (),
    center: bool = True,
    model: int = 7,
    v: str | None = None,
    probe: str | Sequence[float] = "meansd",
    bootstrap: int = 5000,
    seed: int | None = None,
    ci: str = "percentile",
    level: float = 0.95,
    n_jobs: int = 1,
    progress: bool = False,
    missing: str = "listwise",
) -> ModeratedMediationResult:
    """Moderated mediation (PROCESS models 7, 8, 14) with a closed-form bootstrap.

    The model is a recursive path model of observed variables, so its ML estimates are
    per-equation least squares (lavaan's ``sem()`` with ``fixed.x = TRUE`` gives the same
    estimates and standard errors). The bootstrap solves all resamples at once as batched
    weighted least squares.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per participant. With ``missing="listwise"`` rows missing any variable of the
        model are dropped (as PROCESS and lavaan's default do); the count is reported.
    x, m, y : str
        Predictor, mediator and outcome columns.
    w : str, optional
        Moderator of the X -> M path (models 7 and 8; also of X -> Y in model 8).
    v : str, optional
        Moderator of the M -> Y path (model 14; ``w`` is accepted there too).
    covariates : sequence of str
        Covariates entered in both equations.
    center : bool
        Mean-centre the variables that form the product (X and W, or M and V) before
        forming it. Centering constants and probe values stay at their full-sample values in
        every resample, as in PROCESS and lavaan.
    model : {7, 8, 14}
        PROCESS model number.
    probe : "meansd", "percentile" or sequence of float
        Moderator values (data units) at which effects are probed; see ``probe_values``.
    bootstrap : int
        Number of resamples; 0 gives delta-method (normal) intervals only.
    seed : int, optional
        Seed; the same seed gives the same intervals whatever ``n_jobs``.
    ci : {"percentile", "bca"}
        Bootstrap interval type: lavaan's percentile interval (``boot.ci.type = "perc"``, boot's
        ``norm.inter`` interpolation of order statistics) or Efron's BCa (jackknife acceleration).
    level : float
        Confidence level.
    n_jobs : int
        Threads over resample chunks.
    progress : bool
        Show a progress bar.
    missing : {"listwise", "fiml"}
        ``"fiml"`` fits the same model by full-information ML with the SEM engine (rows missing
        X, W or a covariate are still dropped, as lavaan's ``fixed.x`` does) and bootstraps it
        on the general path (refits per resample: minutes rather than a fraction of a second
        for 5,000 resamples).

    Returns
    -------
    ModeratedMediationResult

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> df = pd.DataFrame(rng.normal(size=(200, 3)), columns=["x", "w", "c"])
    >>> df["m"] = 0.4 * df.x + 0.2 * df.x * df.w + rng.normal(size=200)
    >>> df["y"] = 0.5 * df.m + rng.normal(size=200)
    >>> res = moderated_mediation(df, x="x", w="w", m="m", y="y", bootstrap=1000, seed=1)
    >>> res.conditional_indirect.shape[0]
    3
    """
    level = check_level(level)
    if ci not in CI_METHODS:
        raise ModelError(f"ci must be one of {CI_METHODS}; got {ci!r}")
    if not isinstance(bootstrap, (int, np.integer)) or bootstrap < 0:
        raise DataError(f"bootstrap must be a non-negative integer; got {bootstrap!r}")
    if not isinstance(data, pd.DataFrame):
        raise DataError("data must be a pandas DataFrame")
    if missing not in ("listwise", "fiml"):
        raise ModelError(f"missing must be 'listwise' or 'fiml'; got {missing!r}")
    moderator = v if (model == 14 and v is not None) else w
    used = [c for c in dict.fromkeys([x, moderator, m, y, *covariates]) if c is not None]
    absent = [c for c in used if c not in data.columns]
    if absent:
        raise DataError(f"columns not in the data: {', '.join(absent)}")
    numeric = data[used].apply(pd.to_numeric, errors="coerce")
    draws = jack = None
    n_failed = 0
    if missing == "fiml":
        frame = numeric.reset_index(drop=True)
        spec, work = build_spec(frame, x=x, w=w, m=m, y=y, covariates=covariates,
                                center=center, model=model, v=v, allow_missing=True)
        pm = spec.path_model
        ff = fiml_fit(spec, work, bootstrap=int(bootstrap), seed=seed, ci=ci, level=level,
                      n_jobs=n_jobs, progress=progress)
        theta, vcov, paths, draws, jack = ff.theta, ff.vcov, ff.paths, ff.draws, ff.jackknife
        n_failed, n_used = ff.n_failed, ff.n_used
        n_dropped = len(frame) - n_used
        estimator = ("ML with missing values (FIML, as lavaan sem(missing = 'ml', fixed.x = TRUE); "
                     "bootstrap on the general path)")
    else:
        complete = numeric.notna().all(axis=1)
        n_dropped = int((~complete).sum())
        frame = numeric.loc[complete].reset_index(drop=True)
        spec, work = build_spec(
            frame, x=x, w=w, m=m, y=y, covariates=covariates, center=center, model=model, v=v
        )
        pm = spec.path_model
        theta, vcov = pm.full_sample()
        paths = pm.params(level)
        n_used = len(frame)
        estimator = ("ML, listwise (per-equation least squares, as lavaan sem() with fixed.x = "
                     "TRUE); closed-form bootstrap")
        if bootstrap > 0:
            boot, ok = closed_form_draws(pm, int(bootstrap), seed, n_jobs=n_jobs,
                                         progress=progress)
            n_failed = int((~ok).sum())
            draws = boot[ok]
            if ci == "bca":
                jack, jok = pm.jackknife()
                jack = jack[jok]
    probes = probe_values(frame[spec.moderator], probe)
    if draws is not None:
        if draws.shape[0] < 2:
            raise ModelError("fewer than two bootstrap resamples could be estimated")
        ident = [Effect(np.eye(pm.n_params)[i]) for i in range(pm.n_params)]
        lo, hi = _interval(ident, theta, draws, jack, ci, level)
        paths["ci_lower"], paths["ci_upper"] = lo, hi

    def effect_table(effects: list[Effect], values: np.ndarray | None) -> pd.DataFrame:
        est = np.array([e.value(theta) for e in effects])
        se = np.array([e.delta_se(theta, vcov) for e in effects])
        if draws is None:
            crit = critical_z(level)
            lo, hi = est - crit * se, est + crit * se
        else:
            lo, hi = _interval(effects, theta, draws, jack, ci, level)
        table = pd.DataFrame({"est": est, "se": se, "ci_lower": lo, "ci_upper": hi})
        if values is not None:
            table.insert(0, "w_value", values)
        return table

    conditional = effect_table([spec.indirect(c) for c in probes], probes)
    index = effect_table([spec.index()], None)

    slopes, jn_rows, regions = [], [], {}
    crit = critical_z(level)
    observed = (float(frame[spec.moderator].min()), float(frame[spec.moderator].max()))
    shift = spec.centers.get(spec.moderator, 0.0)
    for name, (lo_lab, hi_lab) in spec.moderated_paths().items():
        effs = [spec.slope(name, c) for c in probes]
        est = np.array([e.value(theta) for e in effs])
        se = np.array([e.delta_se(theta, vcov) for e in effs])
        slopes.append(slope_rows(name, probes, est, se, level))
        i, j = spec.labels[lo_lab], spec.labels[hi_lab]
        bounds, sig = johnson_neyman(
            theta[i], theta[j], vcov[i, i], vcov[i, j], vcov[j, j], crit
        )
        for bnd in bounds:
            jn_rows.append(
                {
                    "effect": name,
                    "boundary": bnd + shift,
                    "in_range": observed[0] <= bnd + shift <= observed[1],
                }
            )
        regions[name] = [(lo + shift, hi + shift) for lo, hi in sig]
    simple_slopes = pd.concat(slopes, ignore_index=True)
    jn = pd.DataFrame(jn_rows, columns=["effect", "boundary", "in_range"])

    if spec.model == 8:
        direct = simple_slopes[simple_slopes["effect"].str.endswith("(direct)")]
        direct = direct.drop(columns="effect").reset_index(drop=True)
    else:
        i = spec.labels["cp"]
        direct = slope_rows(f"{x} -> {y} (direct)", np.array([np.nan]), theta[[i]],
                            np.sqrt(vcov[[i], [i]]), level).drop(columns="effect")

    info = BootstrapInfo(
        n_boot=int(bootstrap), n_failed=n_failed, seed=seed, ci=ci if bootstrap else "delta",
        level=level,
    )
    return ModeratedMediationResult(
        spec=spec, n=n_used, n_dropped=n_dropped, theta=theta, vcov=vcov, paths=paths,
        index=index, conditional_indirect=conditional, conditional_direct=direct,
        simple_slopes=simple_slopes, johnson_neyman=jn, jn_regions=regions,
        observed_range=observed, probes=probes, bootstrap=info, draws=draws, data=work,
        syntax=spec.syntax(probes), estimator=estimator,
    )
