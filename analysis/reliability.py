"""Reliability and convergent/discriminant validity of scales.

What is computed, and against what it is checked (``tests/reference/r/psychometrics.R``):

* Cronbach's alpha through :func:`pingouin.cronbach_alpha`, with Feldt's F-based confidence
  interval. This is the interval pingouin returns (rounded there to three decimals; here it is
  recomputed unrounded with the same formula) and the one of ``psych::alpha.ci`` and of the
  "Feldt" line that ``psych::alpha`` prints. ``psych::alpha`` also prints a Duhachek interval,
  alpha +/- 1.96 ``ase``, which craftwave does not use.
* Omega total of a unidimensional (sub)scale from a one-factor CFA fitted by maximum likelihood
  (marker-variable identification, listwise deletion, covariances over N as lavaan does), as
  ``semTools::compRelSEM(fit)``: ``(sum lambda)^2 psi / 1' S 1`` with the observed (sample)
  total variance in the denominator (``obs.var = TRUE``).
* Composite reliability: the same with the model-implied total variance (``obs.var = FALSE``),
  i.e. ``(sum lambda)^2 psi / ((sum lambda)^2 psi + sum theta)``.
* Average variance extracted as ``semTools::AVE``: ``sum(lambda^2) psi / sum(diag S)``.
* HTMT as ``semTools::htmt`` (by default its ``htmt2``: geometric means of absolute
  correlations of complete cases).
* Hierarchical omega of a multidimensional scale: :mod:`craftwave.analysis.omega_h` (``psych::omega``,
  Schmid-Leiman).

Reverse-keyed items are reversed through the instrument (or ``reverse=`` for plain data)
before any of these.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.data import ID_COL, item_matrix, numeric_items, scored_waves
from craftwave.analysis.omega_h import omega_hierarchical
from craftwave.instruments import Instrument, load_library
from craftwave.instruments.errors import DataError
from craftwave.instruments.scoring import score_columns

__all__ = [
    "Reliability",
    "ave",
    "composite_reliability",
    "cronbach_alpha",
    "fornell_larcker",
    "htmt",
    "omega_total",
    "reliability",
    "reliability_table",
]

TABLE_COLUMNS = ["instrument", "scale", "subscale", "wave", "n_items", "n", "alpha",
                 "alpha_ci_lower", "alpha_ci_upper", "omega_total", "omega_h", "omega_method",
                 "composite_reliability", "ave", "composite_reliability_fl", "ave_fl", "rows"]

ROWS_LISTWISE = "complete cases (listwise): rows answering every item"

# what each coefficient is and which rows it used (reports and JSON carry these labels)
METHODS = {
    "alpha": "Cronbach's alpha (psych::alpha, pingouin) with Feldt's CI; " + ROWS_LISTWISE,
    "omega_total": "omega total, semTools::compRelSEM(obs.var = TRUE): one-factor ML CFA over "
                   "the observed variance of the total score; " + ROWS_LISTWISE,
    "composite_reliability": "composite reliability, semTools::compRelSEM(obs.var = FALSE): "
                             "model-implied total variance; " + ROWS_LISTWISE,
    "ave": "average variance extracted, semTools::AVE: sum(lambda^2) psi / sum of the "
           "observed item variances; " + ROWS_LISTWISE,
    "composite_reliability_fl": "composite reliability, Fornell-Larcker: from standardised "
                                "loadings l, (sum l)^2 / ((sum l)^2 + sum(1 - l^2)); "
                                + ROWS_LISTWISE,
    "ave_fl": "average variance extracted, Fornell-Larcker: mean of the squared standardised "
              "loadings; " + ROWS_LISTWISE,
}


@dataclass(frozen=True)
class OneFactor:
    """ML estimates of a one-factor CFA (marker variable: the first loading is 1)."""

    items: tuple[str, ...]
    loadings: np.ndarray
    factor_variance: float
    residual_variances: np.ndarray
    sample_cov: np.ndarray
    n: int

    @property
    def std_loadings(self) -> np.ndarray:
        """Standardized loadings; NaN where a negative variance (a Heywood case, warned about
        when fitting) leaves them undefined, as lavaan's std.all."""
        implied = self.loadings**2 * self.factor_variance + self.residual_variances
        ratio = self.factor_variance / implied
        return self.loadings * np.sqrt(np.where(ratio >= 0, ratio, np.nan))


@dataclass(frozen=True)
class Reliability:
    """Reliability of one set of items.

    Attributes
    ----------
    items : tuple of str
    n : int
        Complete cases used (listwise).
    alpha : float
    alpha_ci : tuple of float
        Feldt's interval at ``ci_level``.
    omega_total, composite_reliability, ave : float
        From the one-factor CFA, as semTools (``nan`` with fewer than three items).
    std_loadings : Series
        Standardised loadings of the one-factor CFA.
    ci_level : float
    composite_reliability_fl, ave_fl : float
        Fornell and Larcker's composite reliability and AVE from the standardised loadings.
    methods : dict
        For each coefficient: what it is and which rows it used (``METHODS``).
    """

    items: tuple[str, ...]
    n: int
    alpha: float
    alpha_ci: tuple[float, float]
    omega_total: float
    composite_reliability: float
    ave: float
    std_loadings: pd.Series
    ci_level: float = 0.95
    composite_reliability_fl: float = float("nan")
    ave_fl: float = float("nan")

    @property
    def nobs(self) -> int:
        """Rows used: the complete cases."""
        return int(self.n)

    @property
    def methods(self) -> dict[str, str]:
        return dict(METHODS)

    def to_dict(self) -> dict:
        """The figures as plain Python values (the ``craftwave reliability --json`` payload)."""
        def num(x: float) -> float | None:
            return float(x) if np.isfinite(x) else None

        return {
            "alpha": float(self.alpha),
            "alpha_ci": [float(self.alpha_ci[0]), float(self.alpha_ci[1])],
            "omega_total": num(self.omega_total),
            "composite_reliability": num(self.composite_reliability),
            "ave": num(self.ave),
            "composite_reliability_fl": num(self.composite_reliability_fl),
            "ave_fl": num(self.ave_fl),
            "n": int(self.n),
            "nobs": self.nobs,
            "rows": ROWS_LISTWISE,
            "methods": self.methods,
            "items": list(self.items),
            "std_loadings": {k: num(v) for k, v in self.std_loadings.items()},
        }

    def summary(self) -> str:
        """A few lines for people, each coefficient labelled."""
        lo, hi = self.alpha_ci
        pct = round(self.ci_level * 100)
        return "\n".join([
            f"{len(self.items)} items, N = {self.n} complete cases (listwise)",
            f"Cronbach's alpha        {self.alpha:.3f}  ({pct}% CI {lo:.3f} to {hi:.3f}, Feldt)",
            f"McDonald's omega total  {self.omega_total:.3f}  (one-factor ML CFA, "
            "semTools compRelSEM)",
            f"Composite reliability   {self.composite_reliability:.3f}  (semTools, "
            "model-implied variance)",
            f"AVE                     {self.ave:.3f}  (semTools AVE)",
            f"CR, Fornell-Larcker     {self.composite_reliability_fl:.3f}  (standardised "
            "loadings)",
            f"AVE, Fornell-Larcker    {self.ave_fl:.3f}  (standardised loadings)",
        ])


# -- the pieces --------------------------------------------------------------------------------

def _prepare(data: pd.DataFrame, items: Sequence[str] | None, reverse: Sequence[str] | None,
             scale_range: tuple[float, float] | None, min_items: int, purpose: str
             ) -> pd.DataFrame:
    if items is None:
        items = [c for c in data.columns if c != ID_COL]
    frame = numeric_items(data, items, min_items=min_items, min_cases=3, purpose=purpose)
    for col in reverse or ():
        if col not in frame.columns:
            raise DataError(f"reverse: '{col}' is not one of the items")
        lo, hi = scale_range if scale_range is not None else (frame[col].min(), frame[col].max())
        frame[col] = lo + hi - frame[col]
    return frame


def feldt_ci(alpha: float, n: int, k: int, level: float = 0.95) -> tuple[float, float]:
    """Feldt's F-based confidence interval of coefficient alpha (``psych::alpha.ci``)."""
    tail = (1 - level) / 2
    df1, df2 = n - 1, (n - 1) * (k - 1)
    lower = 1 - (1 - alpha) * stats.f.ppf(1 - tail, df1, df2)
    upper = 1 - (1 - alpha) * stats.f.ppf(tail, df1, df2)
    return float(lower), float(upper)


def cronbach_alpha(data: pd.DataFrame, items: Sequence[str] | None = None, *,
                   reverse: Sequence[str] | None = None,
                   scale_range: tuple[float, float] | None = None,
                   ci: float = 0.95) -> tuple[float, tuple[float, float]]:
    """Cronbach's alpha of complete cases with Feldt's confidence interval.

    Parameters
    ----------
    data : DataFrame
    items : sequence of str, optional
        Item columns (default: every column but ``participant_id``).
    reverse : sequence of str, optional
        Items to reverse first, as ``min + max - x``.
    scale_range : (min, max), optional
        The response scale's ends for ``reverse`` (default: the observed ones, as psych does).
    ci : float
        Confidence level.

    Returns
    -------
    alpha : float
    (lower, upper) : tuple of float

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> t = rng.normal(size=200)
    >>> d = pd.DataFrame({f"i{j}": t + rng.normal(size=200) for j in range(4)})
    >>> a, (lo, hi) = cronbach_alpha(d)
    >>> bool(lo < a < hi)
    True
    """
    import pingouin

    frame = _prepare(data, items, reverse, scale_range, 2, "alpha")
    value, _rounded = pingouin.cronbach_alpha(frame, ci=ci)
    return float(value), feldt_ci(float(value), len(frame), frame.shape[1], ci)


def _fit_one_factor(frame: pd.DataFrame) -> OneFactor:
    """ML one-factor CFA of complete data through craftwave's SEM engine (lavaan's estimates).

    The engine warns by itself (naming the variable) on non-convergence and Heywood cases.
    """
    from craftwave.analysis.sem import fit

    cols = list(frame.columns)
    alias = {c: f"v{i}" for i, c in enumerate(cols)}
    data = frame.rename(columns=alias)
    result = fit("f =~ " + " + ".join(alias.values()), data)
    params = result.params.set_index(["lhs", "op", "rhs"])["est"]
    lam = np.array([params[("f", "=~", alias[c])] for c in cols])
    theta = np.array([params[(alias[c], "~~", alias[c])] for c in cols])
    psi = float(params[("f", "~~", "f")])
    return OneFactor(tuple(cols), lam, psi, theta, data.cov(ddof=0).to_numpy(), len(frame))


def _omega(fit: OneFactor, obs_var: bool = True) -> float:
    common = fit.loadings.sum() ** 2 * fit.factor_variance
    if obs_var:
        total = fit.sample_cov.sum()
    else:
        total = common + fit.residual_variances.sum()
    return float(common / total)


def _ave(fit: OneFactor) -> float:
    return float((fit.loadings**2).sum() * fit.factor_variance / np.trace(fit.sample_cov))


def omega_total(data: pd.DataFrame, items: Sequence[str] | None = None, *,
                reverse: Sequence[str] | None = None,
                scale_range: tuple[float, float] | None = None) -> float:
    """McDonald's omega total from a one-factor ML CFA, as ``semTools::compRelSEM(fit)``.

    ``(sum lambda)^2 psi`` over the observed variance of the total score (complete cases,
    covariances over N). Needs at least three items. Parameters as :func:`cronbach_alpha`.
    """
    frame = _prepare(data, items, reverse, scale_range, 3, "the one-factor CFA")
    return _omega(_fit_one_factor(frame), obs_var=True)


def composite_reliability(data: pd.DataFrame, items: Sequence[str] | None = None, *,
                          reverse: Sequence[str] | None = None,
                          scale_range: tuple[float, float] | None = None) -> float:
    """Composite reliability, ``compRelSEM(fit, obs.var = FALSE)``: model-implied total variance."""
    frame = _prepare(data, items, reverse, scale_range, 3, "the one-factor CFA")
    return _omega(_fit_one_factor(frame), obs_var=False)


def ave(data: pd.DataFrame, items: Sequence[str] | None = None, *,
        reverse: Sequence[str] | None = None,
        scale_range: tuple[float, float] | None = None) -> float:
    """Average variance extracted, as ``semTools::AVE``: ``sum(lambda^2) psi / sum(diag S)``."""
    frame = _prepare(data, items, reverse, scale_range, 3, "the one-factor CFA")
    return _ave(_fit_one_factor(frame))


def htmt(data: pd.DataFrame, groups: Mapping[str, Sequence[str]], *, htmt2: bool = True,
         reverse: Sequence[str] | None = None,
         scale_range: tuple[float, float] | None = None) -> pd.DataFrame:
    """Heterotrait-monotrait ratio of correlations between scales, as ``semTools::htmt``.

    Parameters
    ----------
    data : DataFrame
    groups : mapping of scale name to its item columns
    htmt2 : bool, default True
        Geometric means of absolute correlations (Roemer, Schuberth and Henseler's HTMT2,
        semTools' default); ``False`` gives arithmetic means of absolute correlations.

    Returns
    -------
    DataFrame
        Symmetric, scales by scales, ones on the diagonal. Values near or above .85 (or .90)
        are the usual signs of poor discriminant validity.
    """
    if len(groups) < 2:
        raise DataError("HTMT needs at least two scales")
    items = [c for cols in groups.values() for c in cols]
    frame = _prepare(data, items, reverse, scale_range, 2, "HTMT")
    r = np.abs(frame.corr().to_numpy())
    np.fill_diagonal(r, np.nan)
    pos = {c: i for i, c in enumerate(items)}
    idx = {name: [pos[c] for c in cols] for name, cols in groups.items()}
    for name, ix in idx.items():
        if len(ix) < 2:
            raise DataError(f"HTMT: scale '{name}' needs at least two items")

    def mean(block: np.ndarray) -> float:
        vals = block[~np.isnan(block)]
        return float(np.exp(np.log(vals).mean())) if htmt2 else float(vals.mean())

    names = list(groups)
    mono = {n: mean(r[np.ix_(idx[n], idx[n])]) for n in names}
    out = pd.DataFrame(np.eye(len(names)), index=names, columns=names)
    for a in names:
        for b in names:
            if a != b:
                out.loc[a, b] = mean(r[np.ix_(idx[a], idx[b])]) / np.sqrt(mono[a] * mono[b])
    return out


# -- the one call ----------------------------------------------------------------------------

def reliability(data: pd.DataFrame, items: Sequence[str] | None = None, *,
                instrument: Instrument | None = None, wave: int | None = None,
                subscale: str | None = None, reverse: Sequence[str] | None = None,
                scale_range: tuple[float, float] | None = None,
                ci: float = 0.95) -> Reliability:
    """Alpha (with CI), omega total, composite reliability and AVE of one set of items.

    Give either ``items`` (plain data; ``reverse`` and ``scale_range`` reverse-key) or an
    ``instrument`` with ``wave`` (and ``subscale``): its item columns are found through
    :mod:`craftwave.instruments.names`, reverse keyed and cleaned of non-substantive codes by the
    instrument. Everything uses the complete cases.

    Returns
    -------
    Reliability

    Raises
    ------
    DataError
        Naming an unknown or non-numeric column, an empty or constant column, or too few cases.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(7)
    >>> t = rng.normal(size=300)
    >>> d = pd.DataFrame({f"i{j}": 0.8 * t + rng.normal(size=300) for j in range(4)})
    >>> r = reliability(d, items=["i0", "i1", "i2", "i3"])
    >>> bool(0.6 < r.alpha < 0.8 and abs(r.omega_total - r.alpha) < 0.05)
    True
    """
    if instrument is not None:
        if items is not None:
            raise DataError("give either items or an instrument, not both")
        if wave is None:
            raise DataError("give the wave of the instrument's items")
        data = item_matrix(data, instrument, wave, subscale)
        items, reverse, scale_range = list(data.columns), None, None
    elif subscale is not None or wave is not None:
        raise DataError("wave and subscale select items of an instrument: give instrument=")
    frame = _prepare(data, items, reverse, scale_range, 2, "reliability")
    import pingouin

    a, _ = pingouin.cronbach_alpha(frame, ci=ci)
    a_ci = feldt_ci(float(a), len(frame), frame.shape[1], ci)
    cr_fl = ave_fl = float("nan")
    if frame.shape[1] >= 3:
        fit = _fit_one_factor(frame)
        om, cr, av = _omega(fit, True), _omega(fit, False), _ave(fit)
        std = pd.Series(fit.std_loadings, index=frame.columns)
        cr_fl, ave_fl = fornell_larcker(fit.std_loadings)
    else:
        om = cr = av = float("nan")
        std = pd.Series(np.nan, index=frame.columns)
    return Reliability(tuple(frame.columns), len(frame), float(a), a_ci, om, cr, av, std, ci,
                       cr_fl, ave_fl)


def fornell_larcker(std_loadings: Sequence[float] | np.ndarray) -> tuple[float, float]:
    """Fornell and Larcker's composite reliability and AVE from standardised loadings.

    CR = (sum l)^2 / ((sum l)^2 + sum(1 - l^2)); AVE = mean(l^2). ``nan`` when a loading is
    undefined (a Heywood case).

    Examples
    --------
    >>> [round(x, 3) for x in fornell_larcker([0.7, 0.8, 0.6])]
    [0.745, 0.497]
    """
    lam = np.asarray(std_loadings, dtype=float)
    if lam.size == 0 or not np.isfinite(lam).all():
        return float("nan"), float("nan")
    common = lam.sum() ** 2
    return float(common / (common + (1 - lam**2).sum())), float((lam**2).mean())


def reliability_table(data: pd.DataFrame, instruments: Mapping[str, Instrument] | None = None,
                      *, waves: Sequence[int] | None = None, ci: float = 0.95) -> pd.DataFrame:
    """Reliability of every (sub)scale of every instrument at every wave in a wide frame.

    Unidimensional (sub)scales get alpha, omega total from the one-factor CFA, composite
    reliability and AVE; the whole of a multidimensional scale gets alpha and, from
    :func:`craftwave.analysis.omega_h.omega_hierarchical` with one group factor per subscale, hierarchical
    omega and the Schmid-Leiman omega total. (Sub)scales with fewer than two present items are
    skipped.

    Returns
    -------
    DataFrame
        One row per instrument x (sub)scale x wave: ``instrument``, ``scale`` (the score's
        column name, e.g. ``icraft_task_w1``), ``subscale`` (``None`` for the whole scale),
        ``wave``, ``n_items``, ``n``, ``alpha``, ``alpha_ci_lower``, ``alpha_ci_upper``,
        ``omega_total``, ``omega_h``, ``omega_method`` (``"one-factor CFA"`` or
        ``"Schmid-Leiman"``), ``composite_reliability``, ``ave``.
    """
    library = dict(instruments) if instruments is not None else load_library()
    rows = []
    for inst, wave in scored_waves(data.columns, library, waves):
        for name, sub in score_columns(inst, wave):
            try:
                frame = item_matrix(data, inst, wave, sub)
            except DataError:
                continue
            if frame.shape[1] < 2:
                continue
            row = {"instrument": inst.id, "scale": name, "subscale": sub, "wave": wave,
                   "n_items": frame.shape[1], "omega_total": np.nan, "omega_h": np.nan,
                   "omega_method": None, "composite_reliability": np.nan, "ave": np.nan,
                   "composite_reliability_fl": np.nan, "ave_fl": np.nan,
                   "rows": ROWS_LISTWISE}
            if sub is None and len(inst.subscales) > 1:
                a, a_ci = cronbach_alpha(frame, ci=ci)
                row["n"] = len(frame.dropna())
                try:
                    om = omega_hierarchical(frame, nfactors=len(inst.subscales))
                except DataError:
                    om = None
                if om is not None:
                    row.update(omega_total=om.omega_total, omega_h=om.omega_h,
                               omega_method="Schmid-Leiman",
                               rows=f"alpha: {ROWS_LISTWISE}; omega: {om.rows}")
            else:
                res = reliability(frame, list(frame.columns), ci=ci)
                a, a_ci, row["n"] = res.alpha, res.alpha_ci, res.n
                if not np.isnan(res.omega_total):
                    row.update(omega_total=res.omega_total, omega_method="one-factor CFA",
                               composite_reliability=res.composite_reliability, ave=res.ave,
                               composite_reliability_fl=res.composite_reliability_fl,
                               ave_fl=res.ave_fl)
            row.update(alpha=a, alpha_ci_lower=a_ci[0], alpha_ci_upper=a_ci[1])
            rows.append(row)
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)
