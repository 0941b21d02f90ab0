"""Evaluating an intervention arm: ANCOVA, difference-in-differences and attrition by arm.

Every estimate here is *intention to treat*: participants are analysed in the arm they were
assigned to, whether or not they used what their arm offered. Each result carries a plain
statement of what the design can and cannot show (DESIGN.md, "Statistics conventions"):

- ANCOVA (post-intervention outcome on arm, adjusted for the pre-intervention outcome) is a
  valid effect estimate only when arms were assigned at random;
- the difference-in-differences compares changes over waves between arms and rests on parallel
  trends, which one pre-intervention wave cannot check;
- attrition is reported by arm, because dropout that differs by arm biases both estimates.

Standard errors: ANCOVA uses HC3 heteroskedasticity-consistent errors by default (``se="HC3"``,
as R's ``sandwich::vcovHC(type = "HC3")``) or the classic OLS errors (``se="classic"``);
confidence intervals use the t distribution with the residual degrees of freedom, as R's
``lmtest::coefci``. The difference-in-differences uses errors clustered by participant (as
``sandwich::vcovCL(type = "HC1")``, i.e. the G/(G-1) * (N-1)/(N-K) correction) and t intervals
with G - 1 degrees of freedom (G participants).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from instruments.errors import DataError
from instruments.names import with_wave

__all__ = [
    "AncovaResult",
    "AttritionResult",
    "DidResult",
    "InterventionEvaluation",
    "ancova",
    "attrition_by_arm",
    "diff_in_diff",
    "evaluate_intervention",
]

SeType = Literal["HC3", "classic"]

_COLUMNS = ["term", "est", "se", "t", "df", "pvalue", "ci_lower", "ci_upper"]


# -- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AncovaResult:
    """ANCOVA of a post-intervention outcome on arm, adjusted for its pre-intervention value.

    Attributes
    ----------
    coefficients : DataFrame
        Every coefficient of the model (``term, est, se, t, df, pvalue, ci_lower, ci_upper``).
    effects : DataFrame
        One row per non-control arm: ``arm, control, est, se, t, df, pvalue, ci_lower,
        ci_upper, n_arm, n_control`` (the adjusted difference arm minus control).
    """

    outcome: str
    pre: str
    post: str
    control: str
    coefficients: pd.DataFrame
    effects: pd.DataFrame
    n: int
    n_missing_post: int
    se_type: str
    level: float
    randomised: bool
    statement: str

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (for JSON)."""
        return {
            "analysis": "ancova",
            "outcome": self.outcome,
            "pre": self.pre,
            "post": self.post,
            "control": self.control,
            "n": self.n,
            "n_missing_post": self.n_missing_post,
            "se_type": self.se_type,
            "level": self.level,
            "randomised": self.randomised,
            "effects": self.effects.to_dict(orient="records"),
            "coefficients": self.coefficients.to_dict(orient="records"),
            "statement": self.statement,
        }

    def summary(self) -> str:
        """A short text summary."""
        return _summary("ANCOVA (intention to treat)", self.effects, self.statement,
                        f"N = {self.n}; SE: {self.se_type}")


@dataclass(frozen=True)
class DidResult:
    """Difference-in-differences over waves: arm x wave interactions in long format.

    Attributes
    ----------
    coefficients : DataFrame
        Every coefficient (intercept, arm, wave, arm x wave).
    effects : DataFrame
        One row per non-control arm and wave other than the reference wave: ``arm, wave,
        reference_wave, est, se, t, df, pvalue, ci_lower, ci_upper``: the change from the
        reference wave in the arm minus the same change in the control arm. Waves up to
        ``after_wave`` are placebo (pre-intervention) contrasts.
    """

    outcome: str
    control: str
    reference_wave: int
    after_wave: int
    waves: tuple[int, ...]
    coefficients: pd.DataFrame
    effects: pd.DataFrame
    n_obs: int
    n_participants: int
    level: float
    randomised: bool
    statement: str

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (for JSON)."""
        return {
            "analysis": "difference_in_differences",
            "outcome": self.outcome,
            "control": self.control,
            "reference_wave": self.reference_wave,
            "after_wave": self.after_wave,
            "waves": list(self.waves),
            "n_obs": self.n_obs,
            "n_participants": self.n_participants,
            "se_type": "cluster-robust by participant (CR1)",
            "level": self.level,
            "randomised": self.randomised,
            "effects": self.effects.to_dict(orient="records"),
            "coefficients": self.coefficients.to_dict(orient="records"),
            "statement": self.statement,
        }

    def summary(self) -> str:
        """A short text summary."""
        return _summary("Difference-in-differences (intention to treat)", self.effects,
                        self.statement,
                        f"{self.n_obs} observations of {self.n_participants} participants; "
                        "SE clustered by participant")


@dataclass(frozen=True)
class AttritionResult:
    """Retention per arm and wave, with a chi-square test of equal retention per wave.

    Attributes
    ----------
    table : DataFrame
        ``arm, wave, assigned, responded, retained`` (share of the arm's assigned participants
        who responded at the wave).
    tests : DataFrame
        ``wave, chisq, df, pvalue, min_expected`` (Pearson's chi-square without continuity
        correction, arms x responded; waves where everyone or no one responded are left out).
    """

    table: pd.DataFrame
    tests: pd.DataFrame
    statement: str

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (for JSON)."""
        return {
            "analysis": "attrition_by_arm",
            "table": self.table.to_dict(orient="records"),
            "tests": self.tests.to_dict(orient="records"),
            "statement": self.statement,
        }


@dataclass(frozen=True)
class InterventionEvaluation:
    """The three analyses of one intervention together, with one overall statement."""

    ancova: AncovaResult | None
    did: DidResult | None
    attrition: AttritionResult
    randomised: bool
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (for JSON)."""
        return {
            "randomised": self.randomised,
            "ancova": None if self.ancova is None else self.ancova.to_dict(),
            "did": None if self.did is None else self.did.to_dict(),
            "attrition": self.attrition.to_dict(),
            "notes": list(self.notes),
        }


# -- statements ---------------------------------------------------------------------------


def _ancova_statement(outcome: str, pre: str, post: str, randomised: bool,
                      n_missing: int) -> str:
    itt = (
        "Participants are counted in the arm they were assigned to (intention to treat), "
        "whether or not they used what the arm offered, so the estimate is the effect of being "
        "offered the intervention, not of using it."
    )
    if randomised:
        core = (
            f"Comparing {post} between arms while adjusting for {pre} (ANCOVA) estimates the "
            "effect without bias only because the arms were assigned at random; that is what "
            "makes the arms comparable on everything, measured or not."
        )
    else:
        core = (
            "The arms were not assigned at random, so this ANCOVA is NOT a valid estimate of "
            f"the intervention's effect: the adjusted difference in {post} is an association "
            "that may reflect who took up or was offered the intervention, and adjusting for "
            f"{pre} cannot remove differences that were not measured."
        )
    missing = (
        f" {n_missing} assigned participant(s) without {post} or {pre} are left out (complete "
        "cases); if dropout depends on the outcome and differs by arm, the estimate is biased "
        "(see attrition by arm)."
        if n_missing
        else ""
    )
    return f"{itt} {core}{missing}"


def _did_statement(outcome: str, after_wave: int, n_pre: int, randomised: bool) -> str:
    base = (
        f"The difference-in-differences compares how {outcome} changed from wave {after_wave} "
        "in each arm with how it changed in the control arm. It removes stable differences "
        "between the arms, but only under the assumption that, without the intervention, the "
        "arms would have changed in parallel."
    )
    if n_pre <= 1:
        trend = (
            " With a single wave before the intervention, this parallel-trends assumption "
            "cannot be checked with these data."
        )
    else:
        trend = (
            f" With {n_pre} waves before the intervention, the contrasts at the earlier waves "
            "(placebo contrasts) show whether the arms were already drifting apart; parallel "
            "past trends make parallel future trends more plausible but do not prove them."
        )
    assign = (
        " Because arms were assigned at random, the comparison is also protected against "
        "selection into the intervention."
        if randomised
        else " Arms were not assigned at random, so differences in who joined each arm can "
        "still produce different trends: read the estimate as an association."
    )
    return base + trend + assign


def _attrition_statement(tests: pd.DataFrame, alpha: float = 0.05) -> str:
    if tests.empty:
        return "Retention could not be compared between arms (no wave with dropout)."
    flagged = tests.loc[tests["pvalue"] < alpha, "wave"].tolist()
    if flagged:
        waves = ", ".join(str(int(w)) for w in flagged)
        return (
            f"Retention differed between arms at wave(s) {waves} (chi-square p < {alpha}). "
            "Estimates that use only participants who stayed may be biased if those who left "
            "an arm differ from those who stayed; FIML-based panel models reduce, but cannot "
            "remove, this bias."
        )
    return (
        "Retention did not differ detectably between arms (chi-square p >= "
        f"{alpha} at every wave); this does not show that those who left were like those who "
        "stayed."
    )


# -- the analyses -------------------------------------------------------------------------


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
        statement=_ancova_statement(post, pre, post, randomised, n_missing),
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
        statement=_did_statement(outcome, after_wave, n_pre, randomised),
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
                           statement=_attrition_statement(tests_df, alpha))


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
            col = f"_present_w{w}"
            d[col] = data[with_wave(outcome, w)].notna() if with_wave(outcome, w) in data else False
            present[w] = col
        data_att = d
    else:
        data_att = data
    attr = attrition_by_arm(data_att, present=present, arm=arm)
    anc = did = None
    if post_waves:
        anc = ancova(data, pre=with_wave(outcome, after_wave), post=with_wave(outcome, post_waves[0]),
                     arm=arm, control=control, covariates=covariates, se=se, level=level,
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
    """OLS estimates, their covariance matrix and the df of the t reference distribution."""
    n, k = x.shape
    xtx_inv = np.linalg.inv(x.T @ x)
    beta = xtx_inv @ (x.T @ y)
    resid = y - x @ beta
    if se == "classic":
        sigma2 = resid @ resid / (n - k)
        return beta, sigma2 * xtx_inv, n - k
    if se == "HC3":
        h = np.einsum("ij,jk,ik->i", x, xtx_inv, x)
        w = (resid / (1.0 - h)) ** 2
        meat = (x * w[:, None]).T @ x
        return beta, xtx_inv @ meat @ xtx_inv, n - k
    if se == "cluster":
        if groups is None:
            raise DataError("cluster-robust errors need the cluster ids")
        g = int(groups.max() + 1)
        if g < 2:
            raise DataError("cluster-robust errors need at least two participants")
        scores = np.zeros((g, k))
        np.add.at(scores, groups, x * resid[:, None])
        meat = scores.T @ scores
        adj = g / (g - 1) * (n - 1) / (n - k)
        return beta, adj * xtx_inv @ meat @ xtx_inv, g - 1
    raise DataError(f"unknown standard-error type {se!r}; use 'HC3' or 'classic'")


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
        const = [n for n, c in zip(names, x.T, strict=True) if n != "(Intercept)" and np.ptp(c) == 0]
        detail = f" (constant: {', '.join(const)})" if const else ""
        raise DataError(f"the design matrix is rank deficient{detail}")


def _check_level(level: float) -> None:
    if not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1; got {level}")


def _summary(title: str, effects: pd.DataFrame, statement: str, info: str) -> str:
    lines = [title, info]
    for r in effects.to_dict(orient="records"):
        where = f" at wave {r['wave']}" if "wave" in r else ""
        lines.append(
            f"  {r['arm']} vs {r['control']}{where}: {r['est']:.3f} "
            f"[{r['ci_lower']:.3f}, {r['ci_upper']:.3f}], p = {r['pvalue']:.3f}"
        )
    lines.append(statement)
    return "\n".join(lines)
