"""Factor scores of a fitted model, as lavaan's ``lavPredict(fit, method = ...)``.

Follows lavaan 0.6's ``lav_predict.R`` (``lav_predict_eta_normal`` and
``lav_predict_eta_bartlett``) for continuous indicators. With the model-implied moments of the
group (Sigma, mu), the implied covariance matrix VETA of the latent variables, their means
E(eta) and the loadings Lambda:

- ``regression``: eta_hat = E(eta) + VETA Lambda' Sigma^-1 (y - mu);
- ``bartlett``: eta_hat = E(eta) + (Lambda' Sigma^-1 Lambda)^+ Lambda' Sigma^-1 (y - mu).

Under FIML each case uses only its observed variables (the sub-blocks of Lambda, Sigma and mu
of its missing-data pattern), so every case with at least one observed variable has scores; a
latent variable with no observed indicator in a pattern has no Bartlett score (NA), as in
lavaan. Under listwise deletion the cases the fit did not use get NA. Without a mean
structure mu is the sample mean, as lavaan's ``computeEY``. As lavaan's ``computeLAMBDA``, the
row of Lambda of an observed dependent variable of a regression is the row of B of its
phantom latent variable.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from craftwave.analysis.errors import DataError, ModelError
from craftwave.analysis.sem.interactions import add_product_columns

__all__ = ["PREDICT_METHODS", "predict"]

PREDICT_METHODS = ("regression", "bartlett")


def _eta_means(cm, pr: dict, ybar: np.ndarray) -> np.ndarray:
    if cm.meanstructure:
        return pr["A"] @ pr["alpha"]
    # no mean structure: exogenous observed covariates sit at their sample means
    alpha = np.zeros(len(cm.eta_names))
    ov_i = {v: i for i, v in enumerate(cm.ov_names)}
    for i, name in enumerate(cm.eta_names):
        if name in cm.ov_x:
            alpha[i] = ybar[ov_i[name]]
    return pr["A"] @ alpha


def _lambda(cm, pr: dict) -> np.ndarray:
    """lavaan's ``computeLAMBDA`` (handle.dummy.lv): the row of an observed dependent variable
    of a regression takes the row of B of its phantom latent variable."""
    L = pr["L"].copy()
    dependent = {r.lhs for r in cm.rows if r.op == "~"}
    ov_i = {v: i for i, v in enumerate(cm.ov_names)}
    for name in cm.phantom:
        if name in dependent:
            L[ov_i[name]] = pr["B"][cm.eta_names.index(name)]
    return L


def _scores(Y: np.ndarray, pr: dict, L: np.ndarray, eeta: np.ndarray, ey: np.ndarray,
            method: str) -> np.ndarray:
    n, m = Y.shape[0], eeta.size
    out = np.full((n, m), np.nan)
    Sigma = pr["Sigma"]
    veta = pr["A"] @ pr["Psi"] @ pr["A"].T
    obs = ~np.isnan(Y)
    patterns, inverse = np.unique(obs, axis=0, return_inverse=True)
    for k, pat in enumerate(patterns):
        if not pat.any():
            continue
        rows = np.flatnonzero(inverse.ravel() == k)
        o = np.flatnonzero(pat)
        Sinv = np.linalg.pinv(Sigma[np.ix_(o, o)])
        Lo = L[o]
        if method == "regression":
            fsc = veta @ Lo.T @ Sinv
        else:
            fsc = np.linalg.pinv(Lo.T @ Sinv @ Lo) @ Lo.T @ Sinv
            fsc[np.all(np.abs(fsc) < 1e-12, axis=1)] = np.nan
        Yc = Y[np.ix_(rows, o)] - ey[o]
        out[rows] = eeta + Yc @ fsc.T
    return out


def predict(result, data: pd.DataFrame, method: str = "regression",
            group: str | None = None) -> pd.DataFrame:
    """Factor scores of every case, as lavaan's ``lavPredict(fit, method = ...)``.

    Parameters
    ----------
    result : SEMResult
        A fit from :func:`craftwave.analysis.sem.fit`.
    data : pandas.DataFrame
        The data of the fit (or new cases with the same columns).
    method : {"regression", "bartlett"}
        lavaan's ``method`` (``"Bartlett"`` is accepted too).
    group : str, optional
        The group column; needed when the model has several groups.

    Returns
    -------
    pandas.DataFrame
        One row per row of ``data`` (same index), one column per latent variable (and the
        group column for a multi-group model); NA where the case was not used.

    Raises
    ------
    ModelError
        Unknown method, or a multi-group model without ``group``.
    DataError
        Missing columns.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from craftwave.analysis.sem import fit
    >>> rng = np.random.default_rng(5)
    >>> f = rng.normal(size=(200, 1))
    >>> df = pd.DataFrame(f @ [[1.0, 0.8, 0.7]] + rng.normal(scale=0.6, size=(200, 3)),
    ...                   columns=["y1", "y2", "y3"])
    >>> scores = predict(fit("F =~ y1 + y2 + y3", df), df, method="bartlett")
    >>> scores.shape
    (200, 1)
    """
    kind = str(method).lower()
    if kind == "ebm":
        kind = "regression"
    if kind not in PREDICT_METHODS:
        raise ModelError(f"method must be one of {', '.join(PREDICT_METHODS)}, not {method!r}")
    cm = result.model
    if not cm.lv_names:
        raise ModelError("the model has no latent variables to score")
    if cm.n_groups > 1 and group is None:
        raise ModelError("a multi-group model needs the group column (group=...)")
    data = add_product_columns(cm, data)
    absent = [v for v in cm.ov_names if v not in data.columns]
    if absent:
        raise DataError(f"the data have no column(s) {', '.join(absent)} named in the model")
    Y = data[cm.ov_names].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float, copy=True)
    if result.missing != "fiml":
        Y[np.isnan(Y).any(axis=1)] = np.nan
    elif cm.ov_x and cm.fixed_x:
        x_idx = [cm.ov_names.index(v) for v in cm.ov_x]
        Y[np.isnan(Y[:, x_idx]).any(axis=1)] = np.nan
    if group is not None:
        labels = data[group].astype(str).where(data[group].notna(), None).to_numpy()
    else:
        labels = np.array([result.group_labels[0]] * len(data), dtype=object)
    lv_idx = [cm.eta_names.index(v) for v in cm.lv_names]
    out = np.full((len(data), len(lv_idx)), np.nan)
    for g, label in enumerate(result.group_labels):
        sel = labels == label
        if not sel.any():
            continue
        pr = result.evaluator.parts(result.theta, g)
        ybar = result.sample[g][1]
        ey = pr["mu"] if cm.meanstructure else ybar
        eeta = _eta_means(cm, pr, ybar)
        out[sel] = _scores(Y[sel], pr, _lambda(cm, pr), eeta, ey, kind)[:, lv_idx]
    frame = pd.DataFrame(out, index=data.index, columns=list(cm.lv_names))
    if group is not None:
        frame[group] = data[group].to_numpy()
    return frame
