"""Moderated mediation with missing values: FIML with the SEM engine, general-path bootstrap.

The closed form needs complete data. With ``missing="fiml"`` the same path model (same
centering, same product, same parameter layout) is fitted by full-information ML with the SEM
engine (lavaan's ``sem(missing = "ml", fixed.x = TRUE)``: rows missing an exogenous variable
are dropped, as lavaan does), and bootstrapped on the general path, where each resample's
weighted missing-data patterns are refitted from the full-sample estimate.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.mediation.spec import MediationSpec


@dataclass
class FimlFit:
    """Estimates in the layout of ``spec.path_model``'s parameter vector."""

    theta: np.ndarray
    vcov: np.ndarray
    paths: pd.DataFrame
    draws: np.ndarray | None
    jackknife: np.ndarray | None
    n_failed: int
    n_used: int


def fiml_fit(
    spec: MediationSpec,
    work: pd.DataFrame,
    *,
    bootstrap: int,
    seed: int | None,
    ci: str,
    level: float,
    n_jobs: int,
    progress: bool,
) -> FimlFit:
    """Fit ``spec`` by FIML on ``work`` (centred, product formed, NaN kept) and bootstrap it."""
    from craftwave.analysis.bootstrap.general import bootstrap as general_bootstrap
    from craftwave.analysis.sem import fit

    res = fit(spec.syntax(), work, missing="fiml", meanstructure=True)
    pm = spec.path_model
    table = res.params.reset_index(drop=True)
    free = []
    for row in pm.param_frame().itertuples():
        hit = np.flatnonzero((table.lhs == row.lhs) & (table.op == row.op)
                             & (table.rhs == row.rhs))
        free.append(res.model.rows[int(hit[0])].free)
    free = np.array(free)
    theta = np.asarray(res.theta)[free]
    vcov = np.asarray(res.vcov)[np.ix_(free, free)]
    se = np.sqrt(np.clip(np.diag(vcov), 0.0, None))
    paths = pm.param_frame()
    paths["est"], paths["se"] = theta, se
    paths["z"] = theta / se
    paths["pvalue"] = 2.0 * stats.norm.sf(np.abs(paths["z"]))
    crit = stats.norm.ppf(0.5 + level / 2.0)
    paths["ci_lower"], paths["ci_upper"] = theta - crit * se, theta + crit * se
    draws = jack = None
    n_failed = 0
    if bootstrap > 0:
        boot = general_bootstrap(res, work, n=int(bootstrap), seed=seed, ci=ci, level=level,
                                 n_jobs=n_jobs, progress=progress)
        draws = boot.draws[:, free]
        n_failed = boot.n_failed
        if boot.jackknife is not None:
            jack = boot.jackknife[:, free]
    return FimlFit(theta, vcov, paths, draws, jack, n_failed, int(round(sum(res.n_obs))))
