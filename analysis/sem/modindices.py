"""Modification indices, as lavaan 0.6's ``modindices()`` (``lav_mi.R``).

For every parameter the fitted model does not estimate (its fixed parameters, and the candidates
of lavaan's ``lav_partable_full``: cross-loadings, residual covariances of indicators,
covariances of latent variables and of exogenous covariates, regressions among the variables of
the structural part, intercepts), with s the gradient of the fit function F (per observation)
and I the expected information of the extended model at the estimates:

    V   = I_11 - I_12 I_22^-1 I_21         (extra parameters 1, the model's free parameters 2)
    mi  = N s^2 / diag(V)                  (NA where diag(V) < eps^(1/3): not identified)
    epc = -s / diag(V)

``sepc_lv``, ``sepc_all`` and ``sepc_nox`` standardise the epc as lavaan's
``lav_standardize_lv/all/all_nox`` with ``cov.std = TRUE``: covariances by the square roots of
the estimated (residual) variances, everything else by the model-implied variances of the
fitted model.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from craftwave.analysis.errors import ConvergenceWarning, ModelError
from craftwave.analysis.sem.estimation import Evaluator
from craftwave.analysis.sem.extended import expected_information, extended_model, vnames
from craftwave.analysis.sem.result import SEMResult

__all__ = ["modindices", "modindices_from_groups", "MI_COLUMNS", "ML_ESTIMATORS",
           "check_estimator"]

# estimators whose estimates are ML's (lavaan's Model@estimator is "ML" for all of them)
ML_ESTIMATORS = ("ML", "MLR", "MLM", "MLMV", "MLMVS", "MLF")
MI_COLUMNS = ["lhs", "op", "rhs", "group", "mi", "epc", "sepc_lv", "sepc_all", "sepc_nox"]
_EPS = np.finfo(float).eps


def modindices(result: SEMResult, data: pd.DataFrame | None = None, *,
               group: str | None = None,
               minimum: float = 0.0, top: int | None = None, sort: bool = True,
               op: list[str] | None = None) -> pd.DataFrame:
    """Modification indices of a fitted model, as lavaan's ``modindices(fit, sort. = TRUE)``.

    Parameters
    ----------
    result : SEMResult or OrdinalFit
        From :func:`craftwave.analysis.sem.fit`, or a WLSMV/DWLS fit of ordered indicators
        from :func:`~craftwave.analysis.sem.categorical.fit_ordinal` (whose DWLS information
        and gradient the indices then use, as lavaan).
    data : pandas.DataFrame
        The data the model was fitted to (not needed for an ordinal fit, which keeps its
        sample statistics).
    group : str, optional
        The group column of a multi-group fit.
    minimum : float
        Keep rows with ``mi`` above this value (lavaan's ``minimum.value``).
    top : int, optional
        Keep the first ``top`` rows (lavaan's ``maximum.number``).
    sort : bool
        Sort by ``mi``, largest first (lavaan's ``sort.``).
    op : list of str, optional
        Keep these operators only (e.g. ``["=~"]``).

    Returns
    -------
    pandas.DataFrame
        ``lhs op rhs group mi epc sepc_lv sepc_all sepc_nox`` (``group`` only for several
        groups), one row per candidate parameter whose mi is defined.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from craftwave.analysis.sem import fit
    >>> rng = np.random.default_rng(3)
    >>> f = rng.normal(size=(400, 2))
    >>> y = np.hstack([f[:, :1] * [1, .8, .7], f[:, 1:] * [1, .9, .6]])
    >>> y[:, 3] += 0.5 * f[:, 0]
    >>> df = pd.DataFrame(y + rng.normal(scale=.6, size=(400, 6)),
    ...                   columns=[f"y{i}" for i in range(1, 7)])
    >>> res = fit("A =~ y1 + y2 + y3\\nB =~ y4 + y5 + y6", df)
    >>> mi = modindices(res, df)
    >>> mi.iloc[0][["lhs", "op", "rhs"]].tolist()
    ['A', '=~', 'y4']
    """
    # imported here: api imports this package's siblings, and prepare_groups lives there;
    # the categorical package imports this module
    from craftwave.analysis.sem.api import prepare_groups
    from craftwave.analysis.sem.categorical.dwls import OrdinalFit

    if isinstance(result, OrdinalFit):
        from craftwave.analysis.sem.categorical.scoretests import ordinal_modindices

        return ordinal_modindices(result, minimum=minimum, top=top, sort=sort, op=op)
    if data is None:
        raise ModelError("modification indices of this fit need the data it was fitted to")
    check_estimator(result)
    if result.missing == "fiml" and result.model.fixed_x and result.model.ov_x:
        keep = data[result.model.ov_x].notna().all(axis=1)
        data = data.loc[keep]
    groups, _ = prepare_groups(result.model, data, missing=result.missing, group=group)
    if not result.converged:
        warnings.warn("the model did not converge; modification indices may mean nothing",
                      ConvergenceWarning, stacklevel=2)
    table = modindices_from_groups(result.model, groups, result.theta)
    return select(table, minimum=minimum, top=top, sort=sort, op=op)


def check_estimator(result: SEMResult) -> None:
    """Refuse a fit whose estimates are not maximum likelihood ones (e.g. ULS, GLS)."""
    if str(result.estimator).upper() not in ML_ESTIMATORS:
        raise ModelError(f"modification indices and score tests need an ML-type estimator "
                         f"({', '.join(ML_ESTIMATORS)}), not {result.estimator}")


def select(table: pd.DataFrame, *, minimum: float = 0.0, top: int | None = None,
           sort: bool = True, op: list[str] | None = None) -> pd.DataFrame:
    """lavaan's order of filters: sort, minimum, maximum number, drop NA, operators."""
    out = table
    if sort:
        out = out.sort_values("mi", ascending=False, kind="stable", na_position="last")
    if minimum > 0:
        out = out[out["mi"].notna() & (out["mi"] > minimum)]
    if top is not None:
        out = out.head(int(top))
    out = out[out["mi"].notna()]
    if op:
        out = out[out["op"].isin(list(op))]
    return out.reset_index(drop=True)


def modindices_from_groups(model, groups: list, theta: np.ndarray) -> pd.DataFrame:
    """Every candidate row with its mi, epc and standardised epc (unsorted, NA kept).

    ``model`` is the fitted :class:`CompiledModel`, ``groups`` its per-group data (as
    :func:`~craftwave.analysis.sem.api.prepare_groups` gives), ``theta`` the estimates.
    """
    ev0 = Evaluator(model, groups)
    ext = extended_model(ev0, theta)
    if not ext.extra:   # lavaan: "list with extra parameters is empty; model is saturated"
        cols = MI_COLUMNS if model.n_groups > 1 else [c for c in MI_COLUMNS if c != "group"]
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("lhs", "op", "rhs") else float)
                             for c in cols})
    ev = Evaluator(ext.model, groups)
    _, grad = ev.value_and_gradient(ext.theta)
    info = expected_information(ev, ext.theta)
    nf = model.n_free
    I22 = info[:nf, :nf]
    try:
        I22_inv = np.linalg.inv(I22)
    except np.linalg.LinAlgError as exc:
        raise ModelError("could not compute modification indices: the information matrix "
                         "is singular") from exc
    idx = np.array([ext.model.rows[k].free for k in ext.extra], dtype=int)
    I11 = info[np.ix_(idx, idx)]
    I12 = info[np.ix_(idx, np.arange(nf))]
    vdiag = np.diag(I11) - np.einsum("ij,jk,ik->i", I12, I22_inv, I12)
    vdiag = np.where(vdiag < _EPS ** (1 / 3), np.nan, vdiag)
    s = grad[idx]
    N = ev.N
    mi = N * s * s / vdiag
    d = -N * s
    d = np.where(np.abs(d) < 1e-15, 1.0, d)
    epc = mi / d
    rows = [ext.model.rows[k] for k in ext.extra]
    epc_all = np.full(len(ext.model.rows), np.nan)
    epc_all[np.array(ext.extra, dtype=int)] = epc
    std = _standardise(model, ev0, theta, ext, epc_all)
    pos = np.array(ext.extra, dtype=int)
    out = pd.DataFrame({
        "lhs": [r.lhs for r in rows], "op": [r.op for r in rows],
        "rhs": [r.rhs for r in rows], "group": [r.group + 1 for r in rows],
        "mi": mi, "epc": epc,
        "sepc_lv": std["lv"][pos], "sepc_all": std["all"][pos], "sepc_nox": std["nox"][pos],
    })
    if model.n_groups == 1:
        out = out.drop(columns="group")
    return out


def _standardise(model, ev0: Evaluator, theta: np.ndarray, ext, epc: np.ndarray) -> dict:
    """sepc.lv, sepc.all and sepc.nox of every row of the extended table (lav_mi.R)."""
    rows = ext.model.rows
    n = len(rows)
    ext_values = ext.theta[[r.free for r in rows]]
    # EPC: variances (not exo) take their estimates, so covariances are divided by the
    # square roots of the estimated (residual) variances (cov.std = TRUE)
    EPC = epc.copy()
    is_var = np.array([r.op == "~~" and r.lhs == r.rhs for r in rows])
    for k in range(n):
        if is_var[k] and not ext.exo[k]:
            EPC[k] = ext_values[k]
    small = is_var & (np.abs(EPC) < np.sqrt(_EPS))
    EPC[small] = np.nan
    sign = np.sign(epc)
    est = np.abs(EPC)
    vn = vnames(model)
    lv, ov, ov_x = vn["lv"], vn["ov"], set(vn["ov_x"])
    lv_set, ov_set = set(lv), set(ov)
    eta_i = {v: i for i, v in enumerate(model.eta_names)}
    out_lv = est.copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        for g in range(model.n_groups):
            pr = ev0.parts(theta, g)
            A = pr["A"]
            veta = np.diag(A @ pr["Psi"] @ A.T)
            ETA = {v: (np.sqrt(veta[eta_i[v]]) if veta[eta_i[v]] >= 0 else np.nan) for v in lv}
            in_g = [k for k in range(n) if rows[k].group == g]
            # lav_standardize_lv
            rv_lv = {}
            for k in in_g:
                r = rows[k]
                if r.op == "~~" and r.lhs == r.rhs and r.rhs in lv_set:
                    rv_lv.setdefault(r.lhs, np.sqrt(abs(est[k])))
            for k in in_g:
                r, e = rows[k], out_lv[k]
                if r.op == "=~":
                    e = e * ETA[r.lhs] if r.rhs not in lv_set else e * ETA[r.lhs] / ETA[r.rhs]
                elif r.op == "~":
                    if r.lhs in lv_set:
                        e = e / ETA[r.lhs]
                    if r.rhs in lv_set:
                        e = e * ETA[r.rhs]
                elif r.op == "~~" and r.lhs == r.rhs and r.rhs in lv_set:
                    e = e / ETA[r.lhs] / ETA[r.rhs]
                elif r.op == "~~" and r.lhs != r.rhs:
                    if r.lhs in lv_set:
                        e = e / rv_lv.get(r.lhs, np.nan)
                    if r.rhs in lv_set:
                        e = e / rv_lv.get(r.rhs, np.nan)
                elif r.op == "~1" and r.lhs in lv_set:
                    e = e / ETA[r.lhs]
                out_lv[k] = e
    out_all = _standardise_ov(model, ev0, theta, rows, est, out_lv, nox=False,
                              lv_set=lv_set, ov=ov, ov_x=ov_x, ov_set=ov_set)
    out_nox = _standardise_ov(model, ev0, theta, rows, est, out_lv, nox=True,
                              lv_set=lv_set, ov=ov, ov_x=ov_x, ov_set=ov_set)
    res = {"lv": sign * out_lv, "all": sign * out_all, "nox": sign * out_nox}
    for key in res:
        res[key][small] = 0.0
    return res


def _standardise_ov(model, ev0, theta, rows, est, out_lv, *, nox: bool, lv_set, ov,
                    ov_x, ov_set) -> np.ndarray:
    """lav_standardize_all (``nox=False``) or lav_standardize_all_nox on top of the lv step."""
    out = out_lv.copy()
    ov_i = {v: i for i, v in enumerate(model.ov_names)}
    skip_x = ov_x if nox else set()
    with np.errstate(invalid="ignore", divide="ignore"):
        for g in range(model.n_groups):
            ov2 = np.diag(ev0.parts(theta, g)["Sigma"])
            OV2 = {v: (ov2[ov_i[v]] if abs(ov2[ov_i[v]]) >= _EPS else np.nan) for v in ov}
            OV = {v: (np.sqrt(x) if x >= 0 else np.nan) for v, x in OV2.items()}
            in_g = [k for k in range(len(rows)) if rows[k].group == g]
            rv = {}
            for k in in_g:
                r = rows[k]
                if (r.op == "~~" and r.lhs == r.rhs and r.lhs not in lv_set
                        and r.lhs not in skip_x):
                    rv.setdefault(r.lhs, np.sqrt(abs(est[k])))
            for k in in_g:
                r, e = rows[k], out[k]
                if r.op == "=~" and r.rhs not in lv_set:
                    e = e / OV[r.rhs]
                elif r.op == "~":
                    if r.lhs in ov_set:
                        e = e / OV[r.lhs]
                    if r.rhs in ov_set and r.rhs not in skip_x:
                        e = e * OV[r.rhs]
                elif r.op == "~~" and r.lhs == r.rhs:
                    if r.lhs not in lv_set and r.lhs not in skip_x:
                        e = e / OV2[r.lhs]
                elif r.op == "~~":
                    if r.lhs not in lv_set and r.lhs not in skip_x:
                        e = e / rv.get(r.lhs, np.nan)
                    if r.rhs not in lv_set and r.rhs not in skip_x:
                        e = e / rv.get(r.rhs, np.nan)
                elif r.op == "~1" and r.lhs not in lv_set and r.lhs not in skip_x:
                    e = e / OV[r.lhs]
                out[k] = e
    return out
