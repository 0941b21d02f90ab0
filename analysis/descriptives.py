"""Descriptive statistics and the APA-style correlation table, per wave.

The table follows the usual APA layout: numbered variables, M and SD, correlations in the lower
triangle with significance marks (* p < .05, ** p < .01, *** p < .001), reliabilities in
parentheses on the diagonal, values without a leading zero. It is kept as numbers
(``.r``, ``.p``, ``.n``) and as a formatted DataFrame (``.table``) that renders as text or as
an HTML table (escaped) for the reports' templates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.data import ID_COL, numeric_items, score_all, waves_in
from craftwave.instruments import Instrument, load_library
from craftwave.instruments.errors import DataError
from craftwave.instruments.scoring import score_columns

__all__ = ["CorrelationTable", "correlation_table", "correlation_tables_by_wave", "describe",
           "mean_ci", "significance_marks"]


def describe(data: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Descriptive statistics of numeric columns.

    Returns
    -------
    DataFrame
        One row per variable: ``variable``, ``n``, ``missing``, ``mean``, ``sd`` (N - 1),
        ``min``, ``median``, ``max``, ``skew`` and ``kurtosis`` (excess; both bias-corrected,
        as SPSS reports them).

    Examples
    --------
    >>> import pandas as pd
    >>> describe(pd.DataFrame({"a": [1, 2, 3, 4]}))[["variable", "n", "mean"]].to_dict("list")
    {'variable': ['a'], 'n': [4], 'mean': [2.5]}
    """
    cols = _columns(data, columns)
    frame = numeric_items(data, cols, listwise=False, min_cases=1, purpose="describe")
    rows = []
    for c in cols:
        x = frame[c].dropna()
        rows.append({
            "variable": c, "n": int(x.size), "missing": int(frame[c].isna().sum()),
            "mean": float(x.mean()), "sd": float(x.std(ddof=1)) if x.size > 1 else np.nan,
            "min": float(x.min()), "median": float(x.median()), "max": float(x.max()),
            "skew": float(x.skew()) if x.size > 2 else np.nan,
            "kurtosis": float(x.kurt()) if x.size > 3 else np.nan,
        })
    return pd.DataFrame(rows)


def mean_ci(values: Sequence[float] | pd.Series, level: float = 0.95) -> tuple[float, float, float]:
    """Mean of the non-missing values and its t-based confidence interval.

    Parameters
    ----------
    values : sequence of float or Series
        Missing values (NaN) are left out.
    level : float, default 0.95

    Returns
    -------
    (mean, ci_lower, ci_upper) : tuple of float
        ``mean +/- t(level, n - 1) * sd / sqrt(n)`` (SD with N - 1), from scipy's one-sample t
        test; NaN bounds with fewer than two values (NaN mean with none).

    Examples
    --------
    >>> m, lo, hi = mean_ci([1.0, 2.0, 3.0, float("nan")])
    >>> m, round(hi - m, 3)
    (2.0, 2.484)
    """
    x = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").dropna().to_numpy(float)
    if x.size == 0:
        return np.nan, np.nan, np.nan
    mean = float(x.mean())
    if x.size < 2:
        return mean, np.nan, np.nan
    ci = stats.ttest_1samp(x, 0.0).confidence_interval(confidence_level=level)
    return mean, float(ci.low), float(ci.high)


def significance_marks(p: float) -> str:
    """``***`` for p < .001, ``**`` for p < .01, ``*`` for p < .05, else nothing."""
    if p is None or np.isnan(p):
        return ""
    return "***" if p < 0.001 else "**" if p < 0.01 else "*" if p < 0.05 else ""


def _apa(x: float, decimals: int) -> str:
    """A correlation-like number without its leading zero (``-.45``, ``.07``)."""
    if x is None or np.isnan(x):
        return ""
    s = f"{x:.{decimals}f}"
    return s.replace("0.", ".", 1) if abs(round(x, decimals)) < 1 else s


@dataclass(frozen=True)
class CorrelationTable:
    """Means, SDs, correlations with p values and pairwise N, and reliabilities.

    Attributes
    ----------
    variables : list of str
    labels : list of str
        What the table prints for each variable.
    descriptives : DataFrame
        As :func:`describe`.
    r, p, n : DataFrame
        Correlations, two-sided p values and pairwise numbers of cases (variables x variables).
    reliability : Series
        Reliability per variable (missing where not given).
    method : str
    table : DataFrame
        The formatted APA table (strings).
    note : str
    """

    variables: list[str]
    labels: list[str]
    descriptives: pd.DataFrame
    r: pd.DataFrame
    p: pd.DataFrame
    n: pd.DataFrame
    reliability: pd.Series
    method: str
    table: pd.DataFrame = field(repr=False)
    note: str = ""

    def to_text(self) -> str:
        """The table as plain text, with its note."""
        cols = list(self.table.columns)
        cells = [cols] + self.table.astype(str).to_numpy().tolist()
        widths = [max(len(row[j]) for row in cells) for j in range(len(cols))]
        lines = ["  ".join(v.ljust(w) if j == 0 else v.rjust(w)
                           for j, (v, w) in enumerate(zip(row, widths, strict=True))).rstrip()
                 for row in cells]
        return "\n".join(lines) + "\n" + self.note

    def to_html(self, **kwargs) -> str:
        """The table as an HTML ``<table>`` (values escaped); the note is ``.note``."""
        kwargs.setdefault("index", False)
        kwargs.setdefault("escape", True)
        kwargs.setdefault("border", 0)
        kwargs.setdefault("classes", "apa-correlations")
        return self.table.to_html(**kwargs)

    def to_dict(self) -> dict:
        """Numbers for JSON: descriptives, r, p, n and reliabilities by variable."""
        return {
            "variables": self.variables, "method": self.method,
            "descriptives": self.descriptives.to_dict("records"),
            "r": self.r.to_dict(), "p": self.p.to_dict(), "n": self.n.to_dict(),
            "reliability": self.reliability.to_dict(),
        }


def correlation_table(
    data: pd.DataFrame,
    columns: Sequence[str] | None = None,
    *,
    reliability: Mapping[str, float] | None = None,
    labels: Mapping[str, str] | None = None,
    method: str = "pearson",
    decimals: int = 2,
) -> CorrelationTable:
    """APA-style table of means, SDs and correlations, reliability on the diagonal.

    Parameters
    ----------
    data : DataFrame
    columns : sequence of str, optional
        Variables in table order (default: every numeric column but ``participant_id``).
    reliability : mapping of variable to value, optional
        Printed in parentheses on the diagonal (e.g. alpha or omega); a dash where absent.
    labels : mapping of variable to label, optional
    method : {"pearson", "spearman"}
    decimals : int
        Decimals of correlations, means and SDs.

    Returns
    -------
    CorrelationTable
        Correlations use pairwise complete cases; ``.n`` holds each pair's N.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(3)
    >>> x = rng.normal(size=100)
    >>> d = pd.DataFrame({"x": x, "y": x + rng.normal(size=100)})
    >>> t = correlation_table(d, reliability={"x": 0.81})
    >>> list(t.table.columns)
    ['Variable', 'M', 'SD', '1', '2']
    >>> t.table.iloc[0, 3], t.table.iloc[1, 3]
    ('(.81)', '.75***')
    """
    if method not in ("pearson", "spearman"):
        raise DataError(f"method must be 'pearson' or 'spearman', not {method!r}")
    cols = _columns(data, columns)
    frame = numeric_items(data, cols, min_items=2, min_cases=3, listwise=False,
                          purpose="a correlation table")
    k = len(cols)
    r = np.eye(k)
    p = np.zeros((k, k))
    n = np.zeros((k, k), dtype=int)
    for i in range(k):
        n[i, i] = int(frame[cols[i]].notna().sum())
        for j in range(i):
            pair = frame[[cols[i], cols[j]]].dropna()
            n[i, j] = n[j, i] = len(pair)
            if len(pair) < 3 or pair.nunique().min() < 2:
                r[i, j] = r[j, i] = p[i, j] = p[j, i] = np.nan
                continue
            test = stats.pearsonr if method == "pearson" else stats.spearmanr
            res = test(pair.iloc[:, 0], pair.iloc[:, 1])
            r[i, j] = r[j, i] = float(res.statistic)
            p[i, j] = p[j, i] = float(res.pvalue)
    rel = pd.Series({c: float((reliability or {}).get(c, np.nan)) for c in cols}, dtype=float)
    label = [str((labels or {}).get(c, c)) for c in cols]
    desc = describe(frame, cols)
    table = {"Variable": [f"{i + 1}. {lab}" for i, lab in enumerate(label)],
             "M": [f"{m:.{decimals}f}" for m in desc["mean"]],
             "SD": [f"{s:.{decimals}f}" for s in desc["sd"]]}
    for j in range(k):
        colvals = []
        for i in range(k):
            if i == j:
                colvals.append(f"({_apa(rel.iloc[i], decimals)})" if not np.isnan(rel.iloc[i])
                               else "\u2014")
            elif i > j:
                colvals.append(_apa(r[i, j], decimals) + significance_marks(p[i, j]))
            else:
                colvals.append("")
        table[str(j + 1)] = colvals
    nmin, nmax = int(n.min()), int(n.max())
    nn = f"N = {nmin}" if nmin == nmax else f"N = {nmin} to {nmax} (pairwise)"
    kind = "Pearson" if method == "pearson" else "Spearman"
    note = (f"Note. {nn}. M and SD are means and standard deviations; {kind} correlations "
            "below the diagonal; reliabilities in parentheses on the diagonal. "
            "* p < .05. ** p < .01. *** p < .001.")
    def square(m: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame(m, index=cols, columns=cols)

    return CorrelationTable(
        variables=cols, labels=label, descriptives=desc, r=square(r), p=square(p), n=square(n),
        reliability=rel, method=method, table=pd.DataFrame(table), note=note)


def correlation_tables_by_wave(
    data: pd.DataFrame,
    instruments: Mapping[str, Instrument] | None = None,
    *,
    level: str = "scale",
    coefficient: str = "alpha",
    waves: Sequence[int] | None = None,
    method: str = "pearson",
) -> dict[int, CorrelationTable]:
    """One correlation table per wave of the instruments' scores, reliability on the diagonal.

    Parameters
    ----------
    data : DataFrame
        Wide item answers (scores are computed with :func:`craftwave.analysis.data.score_all`).
    instruments : mapping of id to Instrument, optional
        Default: the bundled library.
    level : {"scale", "subscale", "both"}
        Whole-scale scores, subscale scores, or both.
    coefficient : {"alpha", "omega"}
        The diagonal: Cronbach's alpha, or omega total (one-factor CFA for unidimensional
        (sub)scales, Schmid-Leiman for whole multidimensional scales; alpha where omega
        cannot be computed).
    """
    if level not in ("scale", "subscale", "both"):
        raise DataError(f"level must be 'scale', 'subscale' or 'both', not {level!r}")
    if coefficient not in ("alpha", "omega"):
        raise DataError(f"coefficient must be 'alpha' or 'omega', not {coefficient!r}")
    from craftwave.analysis.reliability import reliability_table

    library = dict(instruments) if instruments is not None else load_library()
    scores = score_all(data, library, waves)
    rel = reliability_table(data, library, waves=waves)
    out: dict[int, CorrelationTable] = {}
    all_waves = sorted({w for inst in library.values() for w in waves_in(data.columns, inst)})
    for wave in all_waves:
        if waves is not None and wave not in waves:
            continue
        cols = []
        for inst in library.values():
            for name, sub in score_columns(inst, wave):
                wanted = (level == "both"
                          or (sub is None and (level == "scale" or not inst.subscales))
                          or (sub is not None and level == "subscale"))
                if wanted and name in scores.columns and scores[name].notna().sum() > 2:
                    cols.append(name)
        if len(cols) < 2:
            continue
        diag = {}
        for row in rel[rel["wave"] == wave].itertuples():
            value = row.alpha
            if coefficient == "omega" and not np.isnan(row.omega_total):
                value = row.omega_total
            diag[row.scale] = value
        out[wave] = correlation_table(scores, cols, reliability=diag, method=method)
    return out


def _columns(data: pd.DataFrame, columns: Sequence[str] | None) -> list[str]:
    if columns is not None:
        return list(columns)
    cols = [c for c in data.columns if c != ID_COL and pd.api.types.is_numeric_dtype(data[c])]
    if not cols:
        raise DataError("no numeric columns to describe")
    return cols
