"""Intention to treat on every randomised participant: FIML with auxiliary variables, multiple
imputation with Rubin's rules, and a delta-adjustment tipping point for departures from MAR.

The primary model regresses the outcome at the primary wave on the arm (one dummy per
non-control arm) and the outcome's baseline (the last wave before the intervention):

    y_primary ~ arm + y_baseline

It is fitted by full-information maximum likelihood with the SEM engine
(:func:`craftwave.analysis.sem.fit`, ``missing="fiml"``, ``fixed_x=False`` so a missing
baseline does not drop anyone), on every participant who holds an arm: whoever dropped out,
answered carelessly or stopped early is analysed in the arm they were assigned to. Auxiliary
variables (the outcome at the other waves and the scores the study names) enter as *saturated
correlates* (Graham, 2003): each covaries with the predictors, with the outcome's residual and
with the other auxiliaries, so they inform the missing outcomes without changing what the
regression means. This makes the estimate valid when dropout depends on what was observed
(missing at random, MAR), in lavaan terms ``sem(model, missing = "ml", fixed.x = FALSE)``.

Multiple imputation is the stated alternative: chained equations with predictive mean
matching (statsmodels' :class:`~statsmodels.imputation.mice.MICEData`, as R's ``mice``
default), ``m >= 20`` data sets, OLS of the same model in each, pooled by Rubin's rules with
Barnard-Rubin degrees of freedom (as ``mice::pool``).

Neither can check MAR. The delta adjustment asks how far from MAR dropout would have to be to
change the conclusion: the imputed primary outcomes of a non-control arm are shifted by
``delta`` (those who left the arm did ``delta`` points worse than MAR predicts), the model is
refitted, and the *tipping point* is the smallest shift at which the interval's conclusion
changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.sem import fit as sem_fit
from craftwave.instruments.errors import DataError
from craftwave.instruments.names import with_wave

MI_DEFAULT_M = 20
"""Imputed data sets of the multiple-imputation alternative (at least 20)."""
MI_BURNIN = 5
"""Cycles of chained equations before the first imputed data set."""
MI_SKIP = 2
"""Cycles of chained equations between two imputed data sets (one chain)."""

_ITT_COLUMNS = ["arm", "control", "est", "se", "z", "pvalue", "ci_lower", "ci_upper"]


@dataclass(frozen=True)
class IttResult:
    """An intention-to-treat estimate of the arm contrast(s) at one wave.

    Attributes
    ----------
    params : DataFrame
        One row per non-control arm: ``arm, control, est, se, z, pvalue, ci_lower, ci_upper``
        (the difference in the outcome at ``wave``, arm minus control, adjusted for baseline).
    nobs : int
        Participants analysed: every one who holds an arm.
    n_by_arm : dict
        Randomised participants per arm.
    n_observed : dict
        Per arm, those whose primary outcome was observed.
    method : str
        ``"FIML"`` or ``"MI"`` (with ``m`` data sets).
    auxiliary : list of str
        Auxiliary variables used.
    notes : list of str
        What the estimate assumes and anything noticed on the way.
    """

    outcome: str
    wave: int
    baseline: str
    control: str
    params: pd.DataFrame
    nobs: int
    n_by_arm: dict[str, int]
    n_observed: dict[str, int]
    method: str
    auxiliary: list[str]
    level: float
    m: int | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (for JSON)."""
        return {"analysis": "itt", "method": self.method, "outcome": self.outcome,
                "wave": self.wave, "baseline": self.baseline, "control": self.control,
                "nobs": self.nobs, "n_by_arm": self.n_by_arm, "n_observed": self.n_observed,
                "auxiliary": self.auxiliary, "level": self.level, "m": self.m,
                "params": self.params.to_dict(orient="records"), "notes": self.notes}

    def summary(self) -> str:
        """A short text summary."""
        lines = [f"Intention to treat ({self.method}): {self.outcome} at wave {self.wave} on arm, "
                 f"adjusted for {self.baseline}; N = {self.nobs} randomised"]
        for r in self.params.itertuples(index=False):
            lines.append(f"  {r.arm} - {r.control}: {r.est:+.3f} (SE {r.se:.3f}; "
                         f"{self.level:.0%} CI {r.ci_lower:.3f} to {r.ci_upper:.3f})")
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)


@dataclass(frozen=True)
class TippingPoint:
    """Delta-adjustment sensitivity of one arm contrast under multiple imputation.

    Attributes
    ----------
    params : DataFrame
        One row per ``delta``: ``delta, est, se, ci_lower, ci_upper``.
    tipping_delta : float or None
        The smallest shift (in outcome points, towards no effect) at which the interval's
        conclusion changes; ``None`` if no shift on the grid changes it.
    conclusion_at_mar : str
        ``"benefit"``, ``"harm"`` or ``"unclear"`` at delta 0.
    """

    arm: str
    control: str
    outcome: str
    wave: int
    params: pd.DataFrame
    tipping_delta: float | None
    conclusion_at_mar: str
    outcome_sd: float
    m: int
    nobs: int
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python form (for JSON)."""
        return {"analysis": "tipping_point", "arm": self.arm, "control": self.control,
                "outcome": self.outcome, "wave": self.wave, "m": self.m, "nobs": self.nobs,
                "tipping_delta": self.tipping_delta, "conclusion_at_mar": self.conclusion_at_mar,
                "outcome_sd": self.outcome_sd, "params": self.params.to_dict(orient="records"),
                "notes": self.notes}

    def summary(self) -> str:
        """A short text summary."""
        where = ("no shift up to 2 SD changes it" if self.tipping_delta is None else
                 f"a shift of {self.tipping_delta:+.2f} points "
                 f"({self.tipping_delta / self.outcome_sd:+.2f} SD) in the arm's missing "
                 "outcomes changes it")
        at_mar = {"benefit": "shows a benefit", "harm": "shows a harm",
                  "unclear": "includes no effect"}[self.conclusion_at_mar]
        return (f"Tipping point for {self.arm} - {self.control} on {self.outcome}: under MAR "
                f"the interval {at_mar}; {where}.")


@dataclass(frozen=True)
class _Design:
    frame: pd.DataFrame  # safe column names
    y: str
    x0: str
    dummies: dict[str, str]  # arm -> dummy column
    aux: list[str]
    aux_names: list[str]
    control: str
    arms: list[str]
    n_by_arm: dict[str, int]
    n_observed: dict[str, int]
    notes: list[str]
    wave: int


def _design(data: pd.DataFrame, *, outcome: str, wave: int, baseline_wave: int, arm: str,
            control: str | None, auxiliary: Sequence[str], other_waves: bool) -> _Design:
    if arm not in data.columns:
        raise DataError(f"missing column '{arm}' (the assigned arm)")
    y_name, x_name = with_wave(outcome, wave), with_wave(outcome, baseline_wave)
    for c in (y_name, x_name):
        if c not in data.columns:
            raise DataError(f"missing column '{c}'")
    d = data[data[arm].notna()].reset_index(drop=True)
    arms = sorted({str(a) for a in d[arm].unique()})
    if len(arms) < 2:
        raise DataError(f"column '{arm}' needs at least two arms among randomised participants; "
                        f"found {arms}")
    control = control or ("control" if "control" in arms else arms[0])
    if control not in arms:
        raise DataError(f"control arm '{control}' is not among the arms {arms}")
    notes: list[str] = []
    aux_names: list[str] = []
    if other_waves:
        stem = re.compile(rf"^{re.escape(outcome)}_w(\d+)$")
        for c in data.columns:
            m = stem.match(str(c))
            if m and int(m.group(1)) not in (wave, baseline_wave):
                aux_names.append(str(c))
    for c in auxiliary:
        if c in (y_name, x_name) or c in aux_names:
            continue
        if c not in data.columns:
            notes.append(f"auxiliary variable '{c}' is not in the data and was left out")
            continue
        aux_names.append(c)
    frame = pd.DataFrame({"y": _numeric(d[y_name], y_name), "x0": _numeric(d[x_name], x_name)})
    dummies = {}
    for i, a in enumerate(a for a in arms if a != control):
        dummies[a] = f"arm{i + 1}"
        frame[dummies[a]] = (d[arm].astype(str) == a).astype(float)
    aux = []
    for i, c in enumerate(aux_names):
        col = _numeric(d[c], c)
        if col.notna().sum() < 3 or col.std() == 0:
            notes.append(f"auxiliary variable '{c}' has too little data and was left out")
            continue
        aux.append(f"aux{i + 1}")
        frame[aux[-1]] = col
    aux_kept = [aux_names[int(a[3:]) - 1] for a in aux]
    arm_s = d[arm].astype(str)
    n_by_arm = {a: int((arm_s == a).sum()) for a in arms}
    n_obs = {a: int(frame["y"][(arm_s == a).to_numpy()].notna().sum()) for a in arms}
    if frame["y"].notna().sum() < 3:
        raise DataError(f"too few observed values of '{y_name}' for an estimate")
    return _Design(frame, y_name, x_name, dummies, aux, aux_kept, control, arms, n_by_arm, n_obs,
                   notes, wave)


def fiml_syntax(dummies: Sequence[str], aux: Sequence[str]) -> str:
    """lavaan syntax of the primary model with saturated-correlates auxiliaries.

    ``y ~ arm1 + ... + x0``; the predictors covary freely (written out: lavaan stops treating
    them as exogenous once an auxiliary covaries with them, and would otherwise fix their
    covariances at zero); every auxiliary covaries with the predictors, the outcome (its
    residual) and the other auxiliaries. The model is saturated in the auxiliaries.
    """
    preds = [*dummies, "x0"]
    lines = [f"y ~ {' + '.join(preds)}"]
    if aux:
        for i, a in enumerate(preds[:-1]):
            lines.append(f"{a} ~~ {' + '.join(preds[i + 1:])}")
    for i, a in enumerate(aux):
        partners = [*preds, "y", *aux[i + 1:]]
        lines.append(f"{a} ~~ {' + '.join(partners)}")
    return "\n".join(lines)


def itt_fiml(data: pd.DataFrame, *, outcome: str, wave: int, baseline_wave: int,
             arm: str = "arm", control: str | None = None, auxiliary: Sequence[str] = (),
             other_waves: bool = True, level: float = 0.95) -> IttResult:
    """The primary intention-to-treat model by FIML with auxiliary variables.

    Parameters
    ----------
    data : DataFrame
        One row per participant (wide): the arm column and the score columns
        ``{outcome}_w{k}``. Rows without an arm (never randomised) are left out; every row
        with one is analysed, whatever its data-quality flags.
    outcome : str
        Score stem (``resil``).
    wave : int
        The primary wave.
    baseline_wave : int
        The last wave before the intervention (the baseline adjusted for).
    arm, control : str
        The arm column and the reference arm (default ``"control"`` if present).
    auxiliary : sequence of str
        Further columns used as auxiliary variables (e.g. ``meaning_w2``).
    other_waves : bool
        Use the outcome at the other waves as auxiliaries too (default).
    level : float
        Confidence level (normal-theory intervals, as lavaan's).

    Returns
    -------
    IttResult

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(3)
    >>> d = pd.DataFrame({"arm": np.repeat(["control", "forum"], 100), "y_w1": rng.normal(size=200)})
    >>> d["y_w2"] = 0.5 * d["y_w1"] + 0.3 * (d["arm"] == "forum") + rng.normal(size=200)
    >>> d.loc[rng.random(200) < 0.3, "y_w2"] = np.nan
    >>> res = itt_fiml(d, outcome="y", wave=2, baseline_wave=1)
    >>> res.nobs
    200
    """
    _check_level(level)
    des = _design(data, outcome=outcome, wave=wave, baseline_wave=baseline_wave, arm=arm,
                  control=control, auxiliary=auxiliary, other_waves=other_waves)
    syntax = fiml_syntax(list(des.dummies.values()), des.aux)
    res = sem_fit(syntax, des.frame, missing="fiml", fixed_x=False)
    notes = [*des.notes, "FIML: valid if dropout depends only on what was observed (MAR), "
             "including the auxiliary variables"]
    if not res.converged:
        notes.append("the FIML estimation did not converge; do not interpret")
    notes += list(res.warnings)
    p = res.params
    z = stats.norm.ppf(0.5 + level / 2)
    rows = []
    for a, dcol in des.dummies.items():
        r = p[(p["lhs"] == "y") & (p["op"] == "~") & (p["rhs"] == dcol)].iloc[0]
        est, se = float(r["est"]), float(r["se"])
        rows.append({"arm": a, "control": des.control, "est": est, "se": se, "z": est / se,
                     "pvalue": float(2 * stats.norm.sf(abs(est / se))),
                     "ci_lower": est - z * se, "ci_upper": est + z * se})
    return IttResult(outcome=des.y, wave=wave, baseline=des.x0, control=des.control,
                     params=pd.DataFrame(rows, columns=_ITT_COLUMNS), nobs=len(des.frame),
                     n_by_arm=des.n_by_arm, n_observed=des.n_observed, method="FIML",
                     auxiliary=des.aux_names, level=level, notes=notes)


def _imputations(des: _Design, m: int, rng: np.random.Generator) -> list[pd.DataFrame]:
    """``m`` completed data sets by chained equations with predictive mean matching
    (statsmodels' :class:`~statsmodels.imputation.mice.MICEData`, whose every cycle draws each
    imputation model's coefficients from their sampling distribution, so the imputations carry
    the uncertainty about them): :data:`MI_BURNIN` cycles, then one data set every
    :data:`MI_SKIP` cycles of the same chain."""
    from statsmodels.imputation.mice import MICEData

    if m < 2:
        raise DataError(f"multiple imputation needs at least 2 data sets; got m = {m}")
    mdata = MICEData(des.frame.copy(), rng=rng)
    mdata.update_all(MI_BURNIN)
    out = []
    for _ in range(m):
        mdata.update_all(MI_SKIP)
        out.append(mdata.data.copy().reset_index(drop=True))
    return out


def _ols_arm(frame: pd.DataFrame, dummies: Sequence[str]) -> tuple[np.ndarray, np.ndarray, int]:
    """Classic OLS of ``y`` on the arm dummies and ``x0``: the dummies' estimates, their
    sampling variances and the residual df (the same numbers as ``statsmodels.OLS`` or R's
    ``lm``; written out because the tipping point refits it ``m`` times per shift)."""
    x = np.column_stack([np.ones(len(frame)), frame[[*dummies, "x0"]].to_numpy(float)])
    y = frame["y"].to_numpy(float)
    xtx_inv = np.linalg.inv(x.T @ x)
    beta = xtx_inv @ (x.T @ y)
    df = len(y) - x.shape[1]
    sigma2 = float(np.sum((y - x @ beta) ** 2)) / df
    k = len(dummies)
    return beta[1:1 + k], sigma2 * np.diag(xtx_inv)[1:1 + k], df


def rubin(estimates: np.ndarray, variances: np.ndarray, df_complete: float | None = None
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rubin's rules over ``m`` imputations (rows) for each parameter (columns).

    Returns the pooled estimate, its total variance ``W + (1 + 1/m) B`` and the degrees of
    freedom (Barnard and Rubin's small-sample version when ``df_complete`` is given, as
    R's ``mice::pool``).
    """
    q = np.atleast_2d(estimates)
    u = np.atleast_2d(variances)
    m = q.shape[0]
    qbar = q.mean(axis=0)
    w = u.mean(axis=0)
    b = q.var(axis=0, ddof=1)
    t = w + (1 + 1 / m) * b
    lam = np.where(t > 0, (1 + 1 / m) * b / t, 0.0)
    with np.errstate(divide="ignore"):
        df_old = (m - 1) / np.maximum(lam, 1e-12) ** 2
    if df_complete is None:
        return qbar, t, df_old
    df_obs = (df_complete + 1) / (df_complete + 3) * df_complete * (1 - lam)
    return qbar, t, df_old * df_obs / (df_old + df_obs)


def itt_mi(data: pd.DataFrame, *, outcome: str, wave: int, baseline_wave: int,
           arm: str = "arm", control: str | None = None, auxiliary: Sequence[str] = (),
           other_waves: bool = True, m: int = MI_DEFAULT_M, level: float = 0.95,
           seed: np.random.Generator | int | None = None) -> IttResult:
    """The same model by multiple imputation (chained equations), pooled by Rubin's rules.

    Parameters are those of :func:`itt_fiml`, plus ``m`` (imputed data sets, default 20) and
    ``seed`` (a numpy Generator or an integer seed for one).

    Returns
    -------
    IttResult
        ``method="MI"``; t intervals with Barnard-Rubin degrees of freedom.
    """
    _check_level(level)
    des = _design(data, outcome=outcome, wave=wave, baseline_wave=baseline_wave, arm=arm,
                  control=control, auxiliary=auxiliary, other_waves=other_waves)
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    return _mi_result(des, _imputations(des, m, rng), level)


def _mi_result(des: _Design, sets: list[pd.DataFrame], level: float) -> IttResult:
    m = len(sets)
    dummies = list(des.dummies.values())
    est, var, dfc = _pooled(sets, dummies, 0.0, None)
    rows = []
    for i, a in enumerate(des.dummies):
        se = float(np.sqrt(var[i]))
        crit = stats.t.ppf(0.5 + level / 2, dfc[i])
        rows.append({"arm": a, "control": des.control, "est": float(est[i]), "se": se,
                     "z": float(est[i]) / se,
                     "pvalue": float(2 * stats.t.sf(abs(est[i] / se), dfc[i])),
                     "ci_lower": float(est[i]) - crit * se, "ci_upper": float(est[i]) + crit * se})
    notes = [*des.notes, f"multiple imputation: {m} data sets by chained equations (predictive "
             "mean matching), pooled by Rubin's rules; valid under MAR, like FIML"]
    return IttResult(outcome=des.y, wave=des.wave, baseline=des.x0, control=des.control,
                     params=pd.DataFrame(rows, columns=_ITT_COLUMNS), nobs=len(des.frame),
                     n_by_arm=des.n_by_arm, n_observed=des.n_observed, method="MI",
                     auxiliary=des.aux_names, level=level, m=m, notes=notes)


def _pooled(sets: list[pd.DataFrame], dummies: list[str], delta: float,
            shift: tuple[str, np.ndarray] | None):
    ests, vars_, dfs = [], [], []
    for frame in sets:
        if shift is not None and delta:
            frame = frame.copy()
            col, mask = shift
            frame.loc[mask, "y"] = frame.loc[mask, "y"] + delta
        e, v, df = _ols_arm(frame, dummies)
        ests.append(e)
        vars_.append(v)
        dfs.append(df)
    return rubin(np.array(ests), np.array(vars_), df_complete=float(dfs[0]))


def tipping_point(data: pd.DataFrame, *, outcome: str, wave: int, baseline_wave: int,
                  arm: str = "arm", treated: str | None = None, control: str | None = None,
                  auxiliary: Sequence[str] = (), other_waves: bool = True,
                  m: int = MI_DEFAULT_M, deltas: Sequence[float] | None = None,
                  level: float = 0.95,
                  seed: np.random.Generator | int | None = None) -> TippingPoint:
    """Delta-adjustment sensitivity analysis for missing-not-at-random dropout.

    The primary outcome is imputed under MAR (as :func:`itt_mi`); then, for each ``delta``,
    the imputed values of the ``treated`` arm are shifted by ``delta`` and the pooled estimate
    is recomputed. ``deltas`` default to 0 to 2 outcome SD in 40 steps: against the MAR
    conclusion when it is a benefit or a harm (towards zero), and towards the side the
    estimate leans when the MAR interval includes zero (could dropout hide a finding?).

    Returns
    -------
    TippingPoint
    """
    _check_level(level)
    des = _design(data, outcome=outcome, wave=wave, baseline_wave=baseline_wave, arm=arm,
                  control=control, auxiliary=auxiliary, other_waves=other_waves)
    others = [a for a in des.arms if a != des.control]
    treated = treated or others[0]
    if treated not in des.dummies:
        raise DataError(f"arm '{treated}' is not a non-control arm ({others})")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    return _tipping_result(des, _imputations(des, m, rng), treated, deltas, level)


def _tipping_result(des: _Design, sets: list[pd.DataFrame], treated: str,
                    deltas: Sequence[float] | None, level: float) -> TippingPoint:
    m = len(sets)
    dummies = list(des.dummies.values())
    k = dummies.index(des.dummies[treated])
    mask = (des.frame["y"].isna() & (des.frame[des.dummies[treated]] == 1)).to_numpy()
    sd = float(des.frame["y"].std())

    def at(delta: float) -> dict:
        est, var, dfc = _pooled(sets, dummies, delta, ("y", mask))
        se = float(np.sqrt(var[k]))
        crit = stats.t.ppf(0.5 + level / 2, dfc[k])
        return {"delta": float(delta), "est": float(est[k]), "se": se,
                "ci_lower": float(est[k]) - crit * se, "ci_upper": float(est[k]) + crit * se}

    base = at(0.0)
    verdict = _verdict(base)
    if deltas is None:
        # against a benefit or a harm; with an unclear result, towards the side the estimate
        # leans (how much MNAR dropout would it take to turn it into a finding?)
        lean = 1.0 if base["est"] >= 0 else -1.0
        direction = -lean if verdict != "unclear" else lean
        deltas = direction * sd * np.linspace(0, 2, 41)
    rows = [at(float(dl)) for dl in deltas]
    tip = next((r["delta"] for r in rows if _verdict(r) != verdict), None)
    notes = [f"{int(mask.sum())} missing outcomes of arm '{treated}' are shifted"]
    return TippingPoint(arm=treated, control=des.control, outcome=des.y, wave=des.wave,
                        params=pd.DataFrame(rows), tipping_delta=tip, conclusion_at_mar=verdict,
                        outcome_sd=sd, m=m, nobs=len(des.frame), notes=notes)


def _verdict(row: dict) -> str:
    if row["ci_lower"] > 0:
        return "benefit"
    if row["ci_upper"] < 0:
        return "harm"
    return "unclear"


def _numeric(s: pd.Series, name: str) -> pd.Series:
    out = pd.to_numeric(s, errors="coerce")
    bad = s.notna() & out.isna()
    if bad.any():
        raise DataError(f"column '{name}' has a non-numeric value at row {bad.idxmax()!r}")
    return out.astype(float).reset_index(drop=True)


def _check_level(level: float) -> None:
    if not 0 < level < 1:
        raise DataError(f"level must be between 0 and 1; got {level}")


def sensitivity_analyses(data: pd.DataFrame, *, outcome: str, wave: int, baseline_wave: int,
                         arm: str = "arm", control: str | None = None,
                         auxiliary: Sequence[str] = (), m: int = MI_DEFAULT_M,
                         level: float = 0.95, seed: int | None = None
                         ) -> tuple[IttResult, list[TippingPoint]]:
    """Multiple imputation and the tipping point of every non-control arm from one set of
    ``m`` imputations, drawn from a Generator seeded with ``seed``: the researcher report and
    ``craftwave itt --sensitivity`` both call this, so the same seed gives the same numbers."""
    _check_level(level)
    des = _design(data, outcome=outcome, wave=wave, baseline_wave=baseline_wave, arm=arm,
                  control=control, auxiliary=auxiliary, other_waves=True)
    sets = _imputations(des, m, np.random.default_rng(seed))
    mi = _mi_result(des, sets, level)
    tips = [_tipping_result(des, sets, a, None, level) for a in des.dummies]
    return mi, tips
