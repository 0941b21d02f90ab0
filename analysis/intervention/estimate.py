"""The intervention analyses: ANCOVA, difference-in-differences and attrition by arm."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.intervention.results import (
    AncovaResult,
    AttritionResult,
    DidResult,
    InterventionEvaluation,
)
from craftwave.analysis.intervention.statements import (
    ancova_statement,
    attrition_statement,
    did_statement,
)
from craftwave.instruments.errors import DataError
from craftwave.instruments.names import with_wave

SeType = Literal["HC3", "classic"]

_COLUMNS = ["term", "est", "se", "t", "df", "pvalue", "ci_lower", "ci_upper"]


def ancova(
    data: pd.DataFrame,
    *,
    pre: str,
    post: str,
    arm: str = "arm",
    control: str | None = None,
    covariates: Sequence[str] = (),
    se: SeType = "HC3",
    level: float = 0.95,
    randomised: bool = True,
) -> AncovaResult:
    """ANCOVA of ``post`` on arm, adjusted for ``pre`` (intention to treat).

    Parameters
    ----------
    data : DataFrame
        One row per assigned participant (wide), with the arm column and the outcome columns.
    pre, post : str
        The outcome before and after the intervention (e.g. ``resil_w1``, ``resil_w2``).
    arm : str
        Column holding the assigned arm.
    control : str, optional
        The reference arm; default ``"control"`` if present, else the first arm in sorted order.
    covariates : sequence of str
        Further baseline covariates.
    se : {"HC3", "classic"}
        HC3 heteroskedasticity-consistent standard errors (default) or classic OLS ones.
    level : float
        Confidence level of the intervals.
    randomised : bool
        Whether arms were assigned at random; changes the statement, not the numbers.

    Returns
    -------
    AncovaResult

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> d = pd.DataFrame({"arm": np.repeat(["control", "forum"], 50),
    ...                   "y_w1": rng.normal(size=100)})
    >>> d["y_w2"] = 0.5 * d["y_w1"] + 0.4 * (d["arm"] == "forum") + rng.normal(size=100)
    >>> res = ancova(d, pre="y_w1", post="y_w2")
    >>> res.effects[["arm", "control"]].iloc[0].tolist()
    ['forum', 'control']
    """
    _check_level(level)
    cols = [arm, pre, post, *covariates]
    _check_columns(data, cols)
    arms, control = _arms(data[arm], control)
    used = data[cols].copy()
    for c in [pre, post, *covariates]:
        used[c] = _numeric(used[c], c)
    assigned = used[used[arm].notna()]
    complete = assigned.dropna()
    n_missing = int(len(assigned) - len(complete))
    others = [a for a in arms if a != control]
    names = ["(Intercept)", *[f"arm[{a}]" for a in others], pre, *covariates]
    x = np.column_stack(
        [np.ones(len(complete))]
        + [(complete[arm] == a).to_numpy(float) for a in others]
        + [complete[c].to_numpy(float) for c in [pre, *covariates]]
    )
    y = complete[post].to_numpy(float)
    if len(y) <= x.shape[1]:
        raise DataError(f"too few complete cases ({len(y)}) for the ANCOVA of '{post}'")
    _check_rank(x, names)
    beta, vcov, df = _ols(x, y, se=se)
    coef = _coef_table(names, beta, vcov, df, level)
    counts = complete[arm].value_counts()
    rows = []
    for a in others:
        r = coef.loc[coef["term"] == f"arm[{a}]"].iloc[0].to_dict()
        r.pop("term")
        rows.append({"arm": a, "control": control, **r,
                     "n_arm": int(counts.get(a, 0)), "n_control": int(counts.get(control, 0))})
    return AncovaResult(
        outcome=post, pre=pre, post=post, control=control, coefficients=coef,
        effects=pd.DataFrame(rows), n=int(len(y)), n_missing_post=n_missing,
        se_type="HC3" if se == "HC3" else "classic OLS", level=level, randomised=randomised,
        statement=ancova_statement(post, pre, post, randomised, n_missing),
    )


def diff_in_diff(
    data: pd.DataFrame,
    *,
    outcome: str,
    waves: Sequence[int],
    after_wave: int = 1,
    arm: str = "arm",
    id_col: str = "participant_id",
    control: str | None = None,
    level: float = 0.95,
    randomised: bool = True,
) -> DidResult:
    """Difference-in-differences over waves with errors clustered by participant.

    The wide columns ``{outcome}_w{wave}`` are stacked into long format (one row per
    participant and wave with an observed outcome) and ``y ~ arm * factor(wave)`` is fitted by
    OLS with wave ``after_wave`` (the last wave before the intervention) as reference. Each
    arm x wave interaction is the arm's change since the reference wave minus the control
    arm's change.

    Parameters
    ----------
    data : DataFrame
        One row per assigned participant (wide).
    outcome : str
        Stem of the outcome (``resil`` for ``resil_w1``, ``resil_w2``, ...).
    waves : sequence of int
        Waves to use; must include ``after_wave`` and a later wave.
    after_wave : int
        The intervention ran after this wave (the reference wave).
    arm, id_col : str
        Columns with the assigned arm and the participant id (the clusters).
    control : str, optional
        The reference arm (see :func:`ancova`).
    level : float
        Confidence level.
    randomised : bool
        Whether arms were assigned at random (changes the statement only).

    Returns
    -------
    DidResult
    """
    _check_level(level)
    waves = tuple(sorted({int(w) for w in waves}))
    if after_wave not in waves or not any(w > after_wave for w in waves):
        raise DataError(
            f"waves {list(waves)} must include the pre-intervention wave {after_wave} and a "
            "later wave"
        )
    ycols = [with_wave(outcome, w) for w in waves]
    _check_columns(data, [id_col, arm, *ycols])
    arms, control = _arms(data[arm], control)
    others = [a for a in arms if a != control]
    long = data[[id_col, arm, *ycols]].melt(
        id_vars=[id_col, arm], value_vars=ycols, var_name="variable", value_name="y"
    )
    long["wave"] = long["variable"].map(dict(zip(ycols, waves, strict=True)))
    long["y"] = _numeric(long["y"], outcome)
    long = long.dropna(subset=["y", arm]).reset_index(drop=True)
    other_waves = [w for w in waves if w != after_wave]
    arm_d = {a: (long[arm] == a).to_numpy(float) for a in others}
    wave_d = {w: (long["wave"] == w).to_numpy(float) for w in other_waves}
    names = ["(Intercept)", *[f"arm[{a}]" for a in others], *[f"wave[{w}]" for w in other_waves]]
    cols = [np.ones(len(long)), *arm_d.values(), *wave_d.values()]
    inter: list[tuple[str, int]] = []
    for w in other_waves:  # R's order: the first factor varies fastest
        for a in others:
            names.append(f"arm[{a}]:wave[{w}]")
            cols.append(arm_d[a] * wave_d[w])
            inter.append((a, w))
    x = np.column_stack(cols)
    y = long["y"].to_numpy(float)
    if len(y) <= x.shape[1]:
        raise DataError(f"too few observations ({len(y)}) for the difference-in-differences")
    _check_rank(x, names)
    groups = pd.factorize(long[id_col])[0]
    beta, vcov, df = _ols(x, y, se="cluster", groups=groups)
    coef = _coef_table(names, beta, vcov, df, level)
    rows = []
    for (a, w), name in zip(inter, names[-len(inter):], strict=True):
        r = coef.loc[coef["term"] == name].iloc[0].to_dict()
        r.pop("term")
        rows.append({"arm": a, "control": control, "wave": w, "reference_wave": after_wave,
                     "placebo": w < after_wave, **r})
    n_pre = sum(1 for w in waves if w <= after_wave)
    return DidResult(
        outcome=outcome, control=control, reference_wave=after_wave, after_wave=after_wave,
        waves=waves, coefficients=coef, effects=pd.DataFrame(rows), n_obs=int(len(y)),
        n_participants=int(groups.max() + 1), level=level, randomised=randomised,
        statement=did_statement(outcome, after_wave, n_pre, randomised),
    )


def attrition_by_arm(
    data: pd.DataFrame,
    *,
    present: Mapping[int, str],
    arm: str = "arm",
    alpha: float = 0.05,
) -> AttritionResult:
    """Retention per arm and wave, and a chi-square test of equal retention at each wave.

    Parameters
    ----------
    data : DataFrame
        One row per assigned participant.
    present : mapping of int to str
        For each wave, a column that is true (or 1) when the participant responded at that wave.
    arm : str
        Column with the assigned arm.
    alpha : float
        Level at which the statement calls a difference in retention detectable.

    Returns
    -------
    AttritionResult
    """
    _check_columns(data, [arm, *present.values()])
    arms, _ = _arms(data[arm], None)
    d = data[data[arm].notna()]
    rows, tests = [], []
    for wave in sorted(present):
        col = present[wave]
        resp = d[col].fillna(False).astype(bool)
        counts = np.zeros((len(arms), 2))
        for i, a in enumerate(arms):
            sel = (d[arm] == a).to_numpy()
            n_a, r_a = int(sel.sum()), int(resp.to_numpy()[sel].sum())
            counts[i] = [r_a, n_a - r_a]
            rows.append({"arm": a, "wave": int(wave), "assigned": n_a, "responded": r_a,
                         "retained": r_a / n_a if n_a else np.nan})
        if (counts.sum(axis=0) > 0).all() and (counts.sum(axis=1) > 0).all():
            chi2, p, dof, expected = stats.chi2_contingency(counts, correction=False)
            tests.append({"wave": int(wave), "chisq": float(chi2), "df": int(dof),
                          "pvalue": float(p), "min_expected": float(expected.min())})
    tests_df = pd.DataFrame(tests, columns=["wave", "chisq", "df", "pvalue", "min_expected"])
    return AttritionResult(table=pd.DataFrame(rows), tests=tests_df,
                           statement=attrition_statement(tests_df, alpha))


def evaluate_intervention(
    data: pd.DataFrame,
    *,
    outcome: str,
    waves: Sequence[int],
    after_wave: int = 1,
    arm: str = "arm",
    id_col: str = "participant_id",
    control: str | None = None,
    present: Mapping[int, str] | None = None,
    covariates: Sequence[str] = (),
    se: SeType = "HC3",
    level: float = 0.95,
    randomised: bool = True,
) -> InterventionEvaluation:
    """ANCOVA at the first wave after the intervention, the difference-in-differences over all
    ``waves``, and attrition by arm, with their statements.

    ``present`` defaults to "the outcome is observed at the wave".
    """
    waves = sorted({int(w) for w in waves})
    post_waves = [w for w in waves if w > after_wave]
    notes = []
    if present is None:
        d = data.copy()
        present = {}
        for w in waves:
            col = with_wave("_present", w)
            d[col] = data[with_wave(outcome, w)].notna() if with_wave(outcome, w) in data else False
            present[w] = col
        data_att = d
    else:
        data_att = data
    attr = attrition_by_arm(data_att, present=present, arm=arm)
    anc = did = None
    if post_waves:
        anc = ancova(data, pre=with_wave(outcome, after_wave),
                     post=with_wave(outcome, post_waves[0]), arm=arm, control=control, covariates=covariates, se=se, level=level,
                     randomised=randomised)
        did = diff_in_diff(data, outcome=outcome, waves=waves, after_wave=after_wave, arm=arm,
                           id_col=id_col, control=control, level=level, randomised=randomised)
    else:
        notes.append(f"no wave after wave {after_wave}: the intervention cannot be evaluated")
    return InterventionEvaluation(ancova=anc, did=did, attrition=attr, randomised=randomised,
                                  notes=notes)


# -- helpers ------------------------------------------------------------------------------


def _ols(x: np.ndarray, y: np.ndarray, *, se: str,
         groups: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, int]:
    """OLS estimates, their covariance matrix and the df of the t reference distribution.

    statsmodels fits and makes the covariance: classic, HC3, or cluster-robust with the CR1
    small-sample factor ``G/(G-1) (N-1)/(N-K)`` (as R's ``sandwich::vcovCL(type = "HC1")``),
    referred to t with G - 1 df.
    """
    import statsmodels.api as sm

    n, k = x.shape
    model = sm.OLS(y, x)
    if se == "classic":
        res, df = model.fit(), n - k
    elif se == "HC3":
        res, df = model.fit(cov_type="HC3"), n - k
    elif se == "cluster":
        if groups is None:
            raise DataError("cluster-robust errors need the cluster ids")
        g = int(groups.max() + 1)
        if g < 2:
            raise DataError("cluster-robust errors need at least two participants")
        res, df = model.fit(cov_type="cluster", cov_kwds={"groups": groups}), g - 1
    else:
        raise DataError(f"unknown standard-error type {se!r}; use 'HC3' or 'classic'")
    return np.asarray(res.params), np.asarray(res.cov_params()), df


def _coef_table(names: list[str], beta: np.ndarray, vcov: np.ndarray, df: int,
                level: float) -> pd.DataFrame:
    se = np.sqrt(np.diag(vcov))
    t = beta / se
    p = 2 * stats.t.sf(np.abs(t), df)
    crit = stats.t.ppf(0.5 + level / 2, df)
    return pd.DataFrame({
        "term": names, "est": beta, "se": se, "t": t, "df": float(df), "pvalue": p,
        "ci_lower": beta - crit * se, "ci_upper": beta + crit * se,
    })[_COLUMNS]


def _arms(col: pd.Series, control: str | None) -> tuple[list[str], str]:
    arms = sorted({str(a) for a in col.dropna().unique()})
    if len(arms) < 2:
        raise DataError(f"column '{col.name}' needs at least two arms; found {arms}")
    if control is None:
        control = "control" if "control" in arms else arms[0]
    if control not in arms:
        raise DataError(f"control arm '{control}' is not among the arms {arms}")
    return [control, *[a for a in arms if a != control]], control


def _check_columns(data: pd.DataFrame, cols: Sequence[str]) -> None:
    missing = [c for c in cols if c not in data.columns]
    if missing:
        raise DataError(f"missing column(s): {', '.join(missing)}")


def _numeric(s: pd.Series, name: str) -> pd.Series:
    out = pd.to_numeric(s, errors="coerce")
    bad = s.notna() & out.isna()
    if bad.any():
        raise DataError(f"column '{name}' has a non-numeric value at row {bad.idxmax()!r}")
    return out.astype(float)


def _check_rank(x: np.ndarray, names: list[str]) -> None:
    if np.linalg.matrix_rank(x) < x.shape[1]:
        const = [n for n, c in zip(names, x.T, strict=True)
                 if n != "(Intercept)" and np.ptp(c) == 0]
        detail = f" (constant: {', '.join(const)})" if const else ""
        raise DataError(f"the design matrix is rank deficient{detail}")


def _check_level(level: float) -> None:
    if not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1; got {level}")


