"""Latent growth curves of a repeated measure in long data, as lavaan's ``growth()``.

The same repeated measure that :func:`craftwave.analysis.growth.growth` models as a mixed
model is put wide (one column per occasion), and an intercept factor ``i`` (loadings 1) and a
slope factor ``s`` (loadings the coded occasions, e.g. 0, 1, 2, 3) are fitted by craftwave's SEM
engine with lavaan's ``growth()`` settings: observed intercepts fixed to 0, latent means free.
Time-invariant covariates predict the intercept factor; those with a time interaction also
predict the slope factor (the latent counterpart of ``time:arm``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from craftwave.analysis.growth import TimeCoding, code_time
from craftwave.analysis.sem import fit as sem_fit
from craftwave.instruments.errors import DataError


@dataclass(frozen=True)
class LatentGrowth:
    """A latent growth curve: the lavaan ``syntax``, the ``wide`` data it was fitted to,
    the occasions with their slope loadings, and the SEM ``result``."""

    syntax: str
    wide: pd.DataFrame
    loadings: dict[str, float]
    result: Any

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary: the SEM result's, with the syntax and loadings."""
        out = self.result.to_dict()
        out.update({"model": "latent growth curve", "function": "growth",
                    "syntax": self.syntax, "slope_loadings": dict(self.loadings)})
        return out

    def summary(self) -> str:
        """The syntax, then the SEM summary."""
        return ("Latent growth curve (lavaan growth())\n" + self.syntax + "\n\n"
                + self.result.summary())


def _occasion_name(outcome: str, value: float) -> str:
    text = f"{value:g}".replace("-", "m").replace(".", "_")
    return f"{outcome}_t{text}"


def latent_growth(
    data: pd.DataFrame,
    *,
    id: str,
    time: str,
    outcome: str,
    time_coding: TimeCoding = "first",
    covariates: tuple[str, ...] | list[str] = (),
    time_interactions: tuple[str, ...] | list[str] = (),
    missing: str = "fiml",
    estimator: str = "ML",
) -> LatentGrowth:
    """Fit the latent growth curve of ``outcome`` over the occasions in ``time``.

    Parameters
    ----------
    data : DataFrame
        Long data: one row per participant and occasion.
    id, time, outcome : str
        Column names.
    time_coding : {"first", "center", "raw"}, default "first"
        The slope loadings are the coded occasions (see :func:`~craftwave.analysis.growth.code_time`);
        the intercept factor is the level where the coded time is 0.
    covariates : sequence of str
        Time-invariant predictors of the intercept factor (numeric, or text as treatment-coded
        dummies named as R names them, e.g. ``armcontrol``).
    time_interactions : sequence of str
        Predictors of the slope factor as well (and of the intercept).
    missing : {"fiml", "listwise"}, default "fiml"
        Panels lose people between waves, so FIML by default (lavaan's own default is listwise:
        pass ``"listwise"`` to match ``growth(model, data)``).
    estimator : {"ML", "MLR"}

    Returns
    -------
    LatentGrowth

    Raises
    ------
    DataError
        Unknown columns, dates as time (individually varying occasions need the mixed model),
        covariates that vary within participants, fewer than three occasions.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> ids = np.repeat(np.arange(300), 4); t = np.tile([1, 2, 3, 4], 300)
    >>> slope = .2 + rng.normal(0, .15, 300)
    >>> y = 3 + rng.normal(0, .6, 300)[ids] + slope[ids] * t + rng.normal(0, .4, 1200)
    >>> res = latent_growth(pd.DataFrame({"pid": ids, "wave": t, "y": y}), id="pid",
    ...                     time="wave", outcome="y")
    >>> print(res.syntax.splitlines()[1])
    s =~ 0*y_t1 + 1*y_t2 + 2*y_t3 + 3*y_t4
    >>> p = res.result.params
    >>> round(float(p[(p.lhs == "s") & (p.op == "~1")].est.iloc[0]), 1)
    0.2
    """
    if time_coding == "months":
        raise DataError("latent growth: occasions must be shared by everyone; months since each "
                        "participant's first date vary by person (use the mixed model)")
    main = list(dict.fromkeys([*covariates, *time_interactions]))
    absent = [c for c in dict.fromkeys([id, time, outcome, *main]) if c not in data.columns]
    if absent:
        raise DataError(f"latent growth: the data have no column(s) {', '.join(absent)} "
                        f"(columns: {', '.join(map(str, data.columns))})")
    frame = data.copy()
    frame["_coded"] = code_time(frame, id, time, time_coding)
    frame["_raw"] = pd.to_numeric(frame[time], errors="coerce")
    frame[outcome] = pd.to_numeric(frame[outcome], errors="coerce")
    frame = frame.dropna(subset=[id, "_raw"])
    occasions = sorted(frame["_raw"].unique())
    if len(occasions) < 3:
        raise DataError(f"latent growth: needs at least 3 occasions; {time!r} has "
                        f"{len(occasions)}")
    coded = frame.groupby("_raw")["_coded"].first()
    names = {v: _occasion_name(outcome, v) for v in occasions}
    if frame.duplicated([id, "_raw"]).any():
        raise DataError(f"latent growth: some participants have two rows for one occasion of "
                        f"{time!r}")
    wide = frame.pivot(index=id, columns="_raw", values=outcome).rename(columns=names)
    wide.columns.name = None
    predictors: dict[str, list[str]] = {}
    for c in main:
        per = frame.groupby(id)[c].nunique(dropna=True)
        if (per > 1).any():
            raise DataError(f"latent growth: covariate {c!r} varies within participants; the "
                            "latent growth curve takes time-invariant covariates")
        value = frame.groupby(id)[c].first()
        numeric = pd.to_numeric(value, errors="coerce")
        if numeric.notna().sum() == value.notna().sum():
            wide[c] = numeric
            predictors[c] = [c]
        else:
            levels = sorted(value.dropna().astype(str).unique())
            cols = []
            for lev in levels[1:]:
                name = re.sub(r"\W", "_", f"{c}{lev}")
                wide[name] = np.where(value.isna(), np.nan, (value.astype(str) == lev) * 1.0)
                cols.append(name)
            predictors[c] = cols
    wide = wide.reset_index()
    ys = [names[v] for v in occasions]
    load = {names[v]: float(coded[v]) for v in occasions}
    lines = ["i =~ " + " + ".join(f"1*{y}" for y in ys),
             "s =~ " + " + ".join(f"{load[y]:g}*{y}" for y in ys)]
    i_preds = [x for c in main for x in predictors[c]]
    s_preds = [x for c in time_interactions for x in predictors[c]]
    if i_preds:
        lines.append("i ~ " + " + ".join(i_preds))
    if s_preds:
        lines.append("s ~ " + " + ".join(s_preds))
    syntax = "\n".join(lines)
    result = sem_fit(syntax, wide, estimator=estimator, missing=missing, function="growth")
    return LatentGrowth(syntax, wide, load, result)
