"""Who leaves a panel, and is it at random?

- :func:`dropout_comparison`: completers vs dropouts at each wave transition, compared on
  wave-1 scores (means, SDs, Welch's t-test, Cohen's d and Hedges' g).
- :func:`little_mcar`: Little's (1988) test that data are missing completely at random, from
  EM estimates of the means and covariance matrix.
- :func:`missingness_by_wave` and :func:`missingness_patterns`: tidy tables of who answered
  which wave.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.instruments.errors import ConvergenceWarning, DataError
from craftwave.instruments.names import with_wave


def _present(data: pd.DataFrame, constructs: Sequence[str], wave: int) -> pd.Series:
    cols = [with_wave(c, wave) for c in constructs if with_wave(c, wave) in data.columns]
    if not cols:
        raise DataError(f"no score column for wave {wave} (looked for "
                        f"{', '.join(with_wave(c, wave) for c in constructs)})")
    return data[cols].notna().any(axis=1)


def missingness_by_wave(data: pd.DataFrame, constructs: Sequence[str],
                        waves: Sequence[int]) -> pd.DataFrame:
    """Participation and missing scores by wave.

    Returns
    -------
    DataFrame
        One row per wave and construct: ``wave, variable, n_present`` (participants with any
        score at that wave), ``n_missing`` (missing this variable) and ``share_missing``
        (of all rows).
    """
    rows = []
    for w in waves:
        present = int(_present(data, constructs, w).sum())
        for c in constructs:
            col = with_wave(c, w)
            miss = int(data[col].isna().sum()) if col in data.columns else len(data)
            rows.append({"wave": w, "variable": col, "n_present": present, "n_missing": miss,
                         "share_missing": miss / len(data) if len(data) else np.nan})
    return pd.DataFrame(rows)


def missingness_patterns(data: pd.DataFrame, constructs: Sequence[str],
                         waves: Sequence[int]) -> pd.DataFrame:
    """Participation patterns over waves, e.g. ``"110"`` = waves 1 and 2, not 3.

    Returns
    -------
    DataFrame
        ``pattern, n, share, monotone`` sorted by ``n`` (descending); ``monotone`` is True when
        nobody returns after missing a wave.
    """
    flags = np.column_stack([_present(data, constructs, w).to_numpy() for w in waves])
    patterns = ["".join("1" if f else "0" for f in row) for row in flags]
    counts = pd.Series(patterns).value_counts()
    out = pd.DataFrame({"pattern": counts.index, "n": counts.to_numpy()})
    out["share"] = out["n"] / len(data)
    out["monotone"] = [("01" not in p) for p in out["pattern"]]
    return out.sort_values(["n", "pattern"], ascending=[False, True], ignore_index=True)


def dropout_comparison(data: pd.DataFrame, constructs: Sequence[str],
                       waves: Sequence[int]) -> pd.DataFrame:
    """Completers vs dropouts at each wave transition, on wave-1 scores.

    Among those who took part at wave ``t``, completers are those who also took part at wave
    ``t + 1``; dropouts did not.

    Returns
    -------
    DataFrame
        One row per transition and wave-1 variable: ``from_wave, to_wave, variable,
        n_completers, mean_completers, sd_completers, n_dropouts, mean_dropouts,
        sd_dropouts, t, df, pvalue`` (Welch), ``cohens_d`` (completers minus dropouts, pooled
        SD) and ``hedges_g`` (small-sample corrected).
    """
    waves = list(waves)
    if len(waves) < 2:
        raise DataError("dropout comparison needs at least two waves")
    base = [with_wave(c, waves[0]) for c in constructs]
    absent = [c for c in base if c not in data.columns]
    if absent:
        raise DataError(f"the data have no column(s) {', '.join(absent)}")
    rows = []
    for a, b in zip(waves, waves[1:], strict=False):
        at_a = _present(data, constructs, a)
        stay = at_a & _present(data, constructs, b)
        gone = at_a & ~_present(data, constructs, b)
        for col in base:
            x = pd.to_numeric(data.loc[stay, col], errors="coerce").dropna().to_numpy(float)
            y = pd.to_numeric(data.loc[gone, col], errors="coerce").dropna().to_numpy(float)
            rows.append({"from_wave": a, "to_wave": b, "variable": col, **_compare(x, y)})
    return pd.DataFrame(rows)


def _compare(x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    nx, ny = len(x), len(y)
    out = {"n_completers": nx, "mean_completers": x.mean() if nx else np.nan,
           "sd_completers": x.std(ddof=1) if nx > 1 else np.nan,
           "n_dropouts": ny, "mean_dropouts": y.mean() if ny else np.nan,
           "sd_dropouts": y.std(ddof=1) if ny > 1 else np.nan,
           "t": np.nan, "df": np.nan, "pvalue": np.nan, "cohens_d": np.nan, "hedges_g": np.nan}
    if nx > 1 and ny > 1:
        if x.var(ddof=1) / nx + y.var(ddof=1) / ny > 0:
            welch = stats.ttest_ind(x, y, equal_var=False)
            out.update(t=float(welch.statistic), df=float(welch.df), pvalue=float(welch.pvalue))
        pooled = np.sqrt(((nx - 1) * x.var(ddof=1) + (ny - 1) * y.var(ddof=1)) / (nx + ny - 2))
        if pooled > 0:
            d = (x.mean() - y.mean()) / pooled
            out.update(cohens_d=d, hedges_g=d * (1 - 3 / (4 * (nx + ny) - 9)))
    return out


@dataclass(frozen=True)
class MCARResult:
    """Little's MCAR test.

    Attributes
    ----------
    statistic, df, pvalue : float
        The chi-square statistic, its degrees of freedom (sum over patterns of the observed
        variables, minus the number of variables) and p-value.
    n_patterns : int
        Missing-data patterns with at least one observed variable.
    mean : Series
        EM (maximum-likelihood) means.
    cov : DataFrame
        EM (maximum-likelihood, divisor N) covariance matrix.
    iterations : int
        EM iterations used.
    """

    statistic: float
    df: int
    pvalue: float
    n_patterns: int
    mean: pd.Series
    cov: pd.DataFrame
    iterations: int

    def to_dict(self) -> dict:
        """A JSON-ready dictionary."""
        return {"test": "Little's MCAR", "statistic": self.statistic, "df": self.df,
                "pvalue": self.pvalue, "n_patterns": self.n_patterns}


def em_moments(x: np.ndarray, tol: float = 1e-8, max_iter: int = 5000
               ) -> tuple[np.ndarray, np.ndarray, int]:
    """Maximum-likelihood mean and covariance of multivariate-normal data with missing values.

    The EM algorithm (the E-step fills each case's missing part with its conditional expectation
    given its observed part and adds the conditional covariance to the cross-products; the
    M-step recomputes the moments), run by the SEM engine's
    :func:`craftwave.analysis.sem.information.em_fit` on the data's missing-data patterns. Rows with
    nothing observed are left out. Returns ``(mean, covariance, iterations)``; warns with
    :class:`ConvergenceWarning` when ``max_iter`` iterations were not enough.
    """
    from craftwave.analysis.sem.information import em_fit
    from craftwave.analysis.sem.samplestats import patterns_from_data

    sigma, mu, iterations, converged = em_fit(patterns_from_data(np.asarray(x, dtype=float)),
                                              max_iter=max_iter, tol=tol)
    if not converged:
        warnings.warn(f"EM did not converge in {max_iter} iterations", ConvergenceWarning,
                      stacklevel=2)
    return mu, sigma, iterations


def little_mcar(data: pd.DataFrame, columns: Sequence[str] | None = None) -> MCARResult:
    """Little's (1988) test of missing completely at random.

    ``d2 = sum_j n_j (ybar_j - mu_j)' Sigma_j^-1 (ybar_j - mu_j)`` over the missing-data patterns
    ``j``, where ``ybar_j`` is the mean of the observed variables of the ``n_j`` cases with that
    pattern and ``mu_j``, ``Sigma_j`` the corresponding parts of the EM estimates. Under MCAR (and
    multivariate normality) ``d2`` is chi-square with ``sum_j p_j - p`` degrees of freedom.

    Parameters
    ----------
    data : DataFrame
    columns : sequence of str, optional
        The variables to test (default: every numeric column). Rows with none of them observed
        are left out.

    Returns
    -------
    MCARResult

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(3)
    >>> x = pd.DataFrame(rng.normal(size=(300, 3)), columns=["a", "b", "c"])
    >>> x.loc[rng.random(300) < .2, "b"] = np.nan
    >>> res = little_mcar(x)
    >>> res.df, bool(res.pvalue > 0.01)
    (2, True)
    """
    cols = list(columns) if columns is not None else list(data.select_dtypes("number").columns)
    absent = [c for c in cols if c not in data.columns]
    if absent:
        raise DataError(f"the data have no column(s) {', '.join(absent)}")
    x = data[cols].apply(pd.to_numeric, errors="coerce").to_numpy(float)
    x = x[~np.isnan(x).all(axis=1)]
    n, p = x.shape
    if n <= p:
        raise DataError(f"Little's test needs more cases ({n}) than variables ({p})")
    mu, sigma, iters = em_moments(x)
    obs = ~np.isnan(x)
    keys, inverse = np.unique(obs, axis=0, return_inverse=True)
    inverse = np.ravel(inverse)
    d2, df = 0.0, 0
    for k, o in enumerate(keys):
        rows = inverse == k
        diff = x[np.ix_(rows, o)].mean(axis=0) - mu[o]
        d2 += rows.sum() * float(diff @ np.linalg.solve(sigma[np.ix_(o, o)], diff))
        df += int(o.sum())
    df -= p
    pvalue = float(stats.chi2.sf(d2, df)) if df > 0 else np.nan
    return MCARResult(float(d2), df, pvalue, len(keys), pd.Series(mu, index=cols),
                      pd.DataFrame(sigma, index=cols, columns=cols), iters)
