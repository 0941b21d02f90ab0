"""``fit``: lavaan model syntax + a DataFrame -> an :class:`SEMResult` matching lavaan 0.6."""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from craftwave.analysis.errors import (
    DataError,
    HeywoodWarning,
    ModelError,
    NotPositiveDefiniteWarning,
)
from craftwave.analysis.sem import fitmeasures as fmx
from craftwave.analysis.sem.defined import DefinedSet
from craftwave.analysis.sem.estimation import (
    Evaluator,
    FitState,
    exo_moments,
    moments_from_data,
    optimise,
    patterns_from_data,
    start_values,
)
from craftwave.analysis.sem.fimlrobust import fiml_corrected
from craftwave.analysis.sem.fitextra import add_more_measures
from craftwave.analysis.sem.information import (
    saturated_h1,
    singular_directions,
    vcov_matrix,
    yuan_bentler_scaling,
)
from craftwave.analysis.sem.interactions import add_product_columns
from craftwave.analysis.sem.leastsquares import LEAST_SQUARES, fit_least_squares, ls_vcov
from craftwave.analysis.sem.options import model_options
from craftwave.analysis.sem.result import PARAM_COLUMNS, SEMResult
from craftwave.analysis.sem.robustfit import (
    least_squares_measures,
    residual_fit,
    satorra_bentler,
)
from craftwave.analysis.sem.specification import ALPHA, NU, PSI, THETA, CompiledModel, compile_model
from craftwave.analysis.sem.standardize import std_all
from craftwave.analysis.sem.syntax import parse_model

__all__ = ["fit", "fit_moments", "prepare_groups", "baseline_syntax"]

_Z975 = stats.norm.ppf(0.975)
ESTIMATORS = ("ML", "MLR", "MLM", "MLMV", "ULS", "GLS")


def _check_options(estimator: str, missing: str) -> tuple[str, str]:
    est = str(estimator).upper()
    if est not in ESTIMATORS:
        raise ModelError(f"estimator must be one of {', '.join(ESTIMATORS)}, not {estimator!r}")
    miss = str(missing).lower()
    if miss in ("ml", "fiml", "direct"):
        miss = "fiml"
    if miss not in ("listwise", "fiml"):
        raise ModelError(f"missing must be 'listwise' or 'fiml', not {missing!r}")
    if miss == "fiml" and est not in ("ML", "MLR"):
        raise ModelError(f"estimator {est} needs complete data (missing = 'listwise'), as in "
                         "lavaan; with missing = 'fiml' use ML or MLR")
    return est, miss


def prepare_groups(model: CompiledModel, data: pd.DataFrame, *, missing: str = "listwise",
                   group: str | None = None, case_weights=None) -> tuple[list, list[str]]:
    """Per-group data for :class:`~craftwave.analysis.sem.estimation.Evaluator`, with the group labels.

    Groups are taken in order of first appearance (as lavaan does); rows with a missing group
    are dropped. Listwise deletion drops rows with any missing model variable; FIML keeps every
    row with at least one observed model variable.
    """
    if not isinstance(data, pd.DataFrame):
        raise DataError("data must be a pandas DataFrame")
    absent = [v for v in model.ov_names if v not in data.columns]
    if absent:
        raise DataError(f"the data have no column(s) {', '.join(absent)} named in the model")
    cols = model.ov_names
    frame = data
    w_all = None
    if case_weights is not None:
        w_all = np.asarray(case_weights, dtype=float)
        if w_all.shape != (len(data),):
            raise DataError("case_weights must have one entry per row of data")
    try:
        values = frame[cols].apply(pd.to_numeric, errors="raise").to_numpy(dtype=float)
    except (ValueError, TypeError) as exc:
        bad = [c for c in cols if not pd.api.types.is_numeric_dtype(frame[c])]
        raise DataError(f"non-numeric values in column(s) {', '.join(bad)}") from exc
    if group is not None:
        if group not in data.columns:
            raise DataError(f"the data have no group column {group!r}")
        gcol = data[group]
        keep = gcol.notna().to_numpy()
        labels = [str(x) for x in pd.unique(gcol[keep])]
        gvals = gcol.astype(str).to_numpy()
    else:
        keep = np.ones(len(data), dtype=bool)
        labels = ["1"]
        gvals = np.array(["1"] * len(data))
    if len(labels) != model.n_groups:
        raise DataError(f"the data have {len(labels)} group(s) but the model was compiled for "
                        f"{model.n_groups}")
    groups = []
    for lab in labels:
        sel = keep & (gvals == lab)
        Y = values[sel]
        w = w_all[sel] if w_all is not None else None
        if missing == "listwise":
            ok = ~np.isnan(Y).any(axis=1)
            Y = Y[ok]
            w = w[ok] if w is not None else None
            if Y.shape[0] < 2:
                raise DataError(f"group {lab!r} has fewer than 2 complete rows")
            g = moments_from_data(Y, w)
            sd = np.sqrt(np.diag(g.S))
            flat = [cols[i] for i in np.flatnonzero(sd < 1e-12)]
            if flat:
                raise DataError(f"variable(s) {', '.join(flat)} have zero variance"
                                + (f" in group {lab!r}" if group else ""))
            _check_sample_pd(g.S, cols, f" in group {lab!r}" if group else "")
            groups.append(g)
        else:
            groups.append(patterns_from_data(Y, w))
    return groups, labels


def _check_sample_pd(S: np.ndarray, cols: list[str], where: str) -> None:
    """Refuse, naming the variables, a singular sample covariance matrix (as lavaan does)."""
    sd = np.sqrt(np.diag(S))
    R = S / np.outer(sd, sd)
    w, vecs = np.linalg.eigh(R)
    if w[0] > 1e-8:
        return
    involved = [cols[i] for i in np.flatnonzero(np.abs(vecs[:, 0]) > 0.1)]
    raise DataError(f"the sample covariance matrix{where} is not positive definite: "
                    f"{', '.join(involved)} are linearly dependent")


def fit_moments(model: CompiledModel, groups: list, *, start: np.ndarray | None = None,
                hessian: np.ndarray | None = None, max_iter: int = 500,
                step_tol: float = 1e-9, warn: bool = True) -> FitState:
    """Estimate a compiled model from per-group data (moments or FIML patterns).

    This is the fast path for bootstraps and simulations: no parsing, no model building, only
    the optimisation (warm-started from ``start`` when given).

    Parameters
    ----------
    model : CompiledModel
        From :func:`~craftwave.analysis.sem.specification.compile_model`.
    groups : list
        :class:`GroupMoments` (complete data; ``moments_from_data`` or built directly from S,
        ybar, n) or :class:`GroupPatterns` (FIML) per group.
    start : ndarray, optional
        Starting values of the free parameters (e.g. the full-sample estimate).
    hessian : ndarray, optional
        A Hessian of F (per observation) near the solution, e.g. ``Evaluator(model,
        groups).hessian(theta_hat)`` of the full sample (analytic, FIML too): the refit then takes a
        few quasi-Newton steps instead of Fisher scoring.
    step_tol : float
        Convergence when every step is below ``step_tol * (1 + |theta|)``; the default matches
        lavaan to about 1e-7; 1e-6 is plenty for bootstrap replicates and saves iterations.

    Returns
    -------
    FitState
        ``theta``, ``fmin`` (lavaan's fmin; chisq = 2 N fmin for complete data), ``converged``.
    """
    ev = Evaluator(model, groups)
    theta0 = start_values(model, groups) if start is None else np.asarray(start, dtype=float)
    return optimise(ev, theta0, max_iter=max_iter, hessian=hessian, step_tol=step_tol,
                    warn=warn)


def baseline_syntax(model: CompiledModel) -> str:
    """lavaan's independence (baseline) model for the same observed variables (same order)."""
    # lav_partable_independence: the covariances among the exogenous covariates stay in the
    # baseline model, fixed to their sample values (fixed.x) or free (fixed.x = FALSE)
    x_set = set(model.ov_x)
    xs = [v for v in model.ov_names if v in x_set]
    # every variance first, so that the variables keep the model's order
    lines = [f"{v} ~~ {v}" for v in model.ov_names]
    for j, v in enumerate(xs[:-1]):
        lines.append(f"{v} ~~ " + " + ".join(xs[j + 1:]))
    return "\n".join(lines)


def _x_loglik(cm: CompiledModel, groups: list) -> float:
    """Log-likelihood of the fixed.x covariates at their sample moments (lavaan leaves it out)."""
    if not (cm.fixed_x and cm.ov_x):
        return 0.0
    idx = [cm.ov_names.index(v) for v in cm.ov_x]
    total = 0.0
    for g in groups:
        S, _ = exo_moments(g)
        Sx = S[np.ix_(idx, idx)]
        _, logdet = np.linalg.slogdet(Sx)
        total += -0.5 * g.n * (len(idx) * math.log(2 * math.pi) + logdet + len(idx))
    return total


def _row_estimates(model: CompiledModel, parts: list[dict]) -> np.ndarray:
    est = np.empty(len(model.rows))
    for k, row in enumerate(model.rows):
        mats = [parts[row.group][key] for key in ("L", "B", "Psi", "Theta", "nu", "alpha")]
        est[k] = mats[row.mat][row.r] if row.mat in (NU, ALPHA) else mats[row.mat][row.r, row.c]
    return est


def fit(
    model: str,
    data: pd.DataFrame,
    estimator: str = "ML",
    missing: str = "listwise",
    group: str | None = None,
    group_equal: Sequence[str] = (),
    group_partial: Sequence[str] = (),
    *,
    case_weights: Sequence[float] | np.ndarray | None = None,
    function: str = "sem",
    meanstructure: bool | None = None,
    fixed_x: bool | None = None,
    int_ov_free: bool | None = None,
    int_lv_free: bool | None = None,
    std_lv: bool | None = None,
    orthogonal: bool | None = None,
    auto_fix_first: bool | None = None,
    auto_fix_single: bool | None = None,
    auto_var: bool | None = None,
    auto_cov_lv_x: bool | None = None,
    auto_cov_y: bool | None = None,
    start: np.ndarray | None = None,
) -> SEMResult:
    """Fit a structural equation model written in lavaan syntax, as lavaan's ``sem()``.

    ``function`` and the keyword options below take lavaan's names and meanings (``.`` written
    ``_``): ``fit(m, df, function="lavaan", meanstructure=True, int_ov_free=True)`` is lavaan's
    ``lavaan(m, df, meanstructure = TRUE, int.ov.free = TRUE)``.

    Parameters
    ----------
    model : str
        lavaan syntax: ``=~``, ``~``, ``~~``, ``~ 1``, fixed values ``1*x``, free ``NA*x``,
        labels ``a*x`` (shared labels = equality), ``c(...)`` per group, ``:=``, ``==``.
    data : pandas.DataFrame
        One row per case; the model's observed variables are columns.
    estimator : {"ML", "MLR", "MLM", "MLMV", "ULS", "GLS"}
        ML with expected-information SEs (observed under FIML); MLR adds sandwich SEs and the
        Yuan-Bentler scaled chi-square with robust CFI/TLI/RMSEA; MLM (Satorra-Bentler) and
        MLMV (scaled and shifted) add robust.sem SEs and their scaled tests (complete data);
        ULS and GLS are least squares (see :mod:`craftwave.analysis.sem.leastsquares`).
    missing : {"listwise", "fiml"}
        lavaan's default listwise deletion, or full-information ML (mean structure added).
    group : str, optional
        Column holding the group of each row (multi-group model; groups in order of appearance).
    group_equal : sequence of str
        Across-group equality, as lavaan's ``group.equal``: "loadings", "intercepts",
        "residuals", "means", "residual.covariances", "lv.variances", "lv.covariances",
        "regressions".
    group_partial : sequence of str
        Parameters freed from ``group_equal`` (lavaan's ``group.partial``), e.g. ``"F =~ x2"``.
    case_weights : array-like, optional
        Frequency weights per row (e.g. bootstrap multinomial counts); N is their sum.
    function : {"sem", "cfa", "growth", "lavaan"}
        Which lavaan function's automatic settings apply (see
        :mod:`craftwave.analysis.sem.options`): ``lavaan`` adds nothing the syntax does not
        state; ``growth`` has a mean structure, fixed observed intercepts and free latent means.
    meanstructure : bool, optional
        Force a mean structure (default: on with FIML, groups, ``growth`` or ``~ 1`` in the
        syntax).
    fixed_x : bool, optional
        lavaan's ``fixed.x`` (default: on; off for ULS and GLS, as in lavaan): moments of
        observed exogenous covariates fixed to sample values (not free parameters, out of the
        log-likelihood). A covariate whose variance,
        covariance or intercept the syntax names becomes random, as in lavaan.
    int_ov_free, int_lv_free, std_lv, orthogonal, auto_fix_first, auto_fix_single, auto_var, auto_cov_lv_x, auto_cov_y : bool, optional
        lavaan's ``int.ov.free``, ``int.lv.free``, ``std.lv``, ``orthogonal``,
        ``auto.fix.first``, ``auto.fix.single``, ``auto.var``, ``auto.cov.lv.x``,
        ``auto.cov.y``; ``None`` takes the ``function``'s default.
    start : ndarray, optional
        Starting values for the free parameters.

    Returns
    -------
    SEMResult

    Raises
    ------
    ModelError
        Unreadable syntax, an unidentified model (more free parameters than sample moments).
    DataError
        Missing columns, non-numeric values, zero variances, too few rows.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> f = rng.normal(size=(300, 1))
    >>> df = pd.DataFrame(f @ [[1.0, 0.8, 0.7]] + rng.normal(scale=0.6, size=(300, 3)),
    ...                   columns=["y1", "y2", "y3"])
    >>> res = fit("F =~ y1 + y2 + y3", df)
    >>> int(res.fit_measures["df"])
    0
    """
    est, miss = _check_options(estimator, missing)
    if fixed_x is None:
        fixed_x = est not in LEAST_SQUARES
    opts = model_options(function, int_ov_free=int_ov_free, int_lv_free=int_lv_free,
                         std_lv=std_lv, orthogonal=orthogonal, auto_fix_first=auto_fix_first,
                         auto_fix_single=auto_fix_single, auto_var=auto_var,
                         auto_cov_lv_x=auto_cov_lv_x, auto_cov_y=auto_cov_y)
    parsed = parse_model(model)
    n_groups = 1
    if group is not None:
        if not isinstance(data, pd.DataFrame) or group not in data.columns:
            raise DataError(f"the data have no group column {group!r}")
        n_groups = int(data[group].dropna().nunique())
        if n_groups < 1:
            raise DataError(f"the group column {group!r} is empty")
    if meanstructure is None:
        meanstructure = (miss == "fiml" or n_groups > 1 or str(function).lower() == "growth"
                         or any(t.op == "~1" for t in parsed.terms))
    if miss == "fiml" and not meanstructure:
        raise ModelError("FIML needs a mean structure")
    cm = compile_model(parsed, n_groups=n_groups, meanstructure=meanstructure, fixed_x=fixed_x,
                       group_equal=tuple(group_equal), group_partial=tuple(group_partial),
                       options=opts)
    data = add_product_columns(cm, data)  # observed interaction terms x:w, as lavaan
    dropped_x = 0
    if miss == "fiml" and cm.ov_x and cm.fixed_x:
        # lavaan (lav_data.R) deletes the cases with a missing exogenous covariate when
        # fixed.x = TRUE under missing = "ml"; so do we, and say how many
        ok = data[cm.ov_x].notna().all(axis=1).to_numpy()
        if group is not None:
            ok = ok & data[group].notna().to_numpy()
        if not ok.all():
            dropped_x = int((~ok).sum())
            data = data.loc[ok]
            if case_weights is not None:
                case_weights = np.asarray(case_weights, dtype=float)[ok]
    groups, labels = prepare_groups(cm, data, missing=miss, group=group,
                                    case_weights=case_weights)
    if cm.df < 0:
        raise ModelError(f"the model is not identified: {cm.n_free} free parameters but only "
                         f"{cm.ndat} sample moments (df = {cm.df})")
    result = _finish(cm, groups, labels, est, miss, start)
    result.function = str(function).lower()
    if dropped_x:
        result.warnings.append(
            f"{dropped_x} case(s) were deleted because of missing values in the exogenous "
            f"covariate(s) {', '.join(cm.ov_x)} (fixed.x = TRUE, as lavaan)")
    if cm.x_random and cm.fixed_x:
        result.warnings.append(
            f"the exogenous covariate(s) {', '.join(cm.x_random)} are named in a variance, "
            "covariance or intercept and are treated as random (free parameters), as lavaan")
    return result


def _param_names(cm: CompiledModel) -> list[str]:
    names = [""] * cm.n_free
    for row in cm.rows:
        if row.free >= 0 and not names[row.free]:
            grp = f" (group {row.group + 1})" if cm.n_groups > 1 else ""
            names[row.free] = f"{row.lhs} {row.op} {row.rhs}".strip() + grp
    return names


def _baseline_model(cm: CompiledModel) -> CompiledModel:
    return compile_model(baseline_syntax(cm), n_groups=cm.n_groups,
                         meanstructure=cm.meanstructure, fixed_x=cm.fixed_x,
                         exogenous=list(cm.ov_x))


def _baseline_start(base: CompiledModel, groups: list) -> np.ndarray:
    """Start values of the baseline: every variance at its (available-case) sample variance.

    That is the independence model's estimate of the variances outside the covariates' block
    (complete data and FIML alike), so the optimiser starts at or next to the optimum.
    """
    theta = start_values(base, groups)
    idx = {v: i for i, v in enumerate(base.ov_names)}
    x_set = set(base.ov_x)
    moments = [exo_moments(g) for g in groups]
    for row in base.rows:
        if (row.free >= 0 and row.op == "~~" and row.lhs == row.rhs and row.lhs in idx
                and row.lhs not in x_set and row.start is None):
            S = moments[row.group][0]
            theta[row.free] = max(float(S[idx[row.lhs], idx[row.lhs]]), 1e-3)
    return theta


def _fit_baseline(cm: CompiledModel, groups: list, est: str, h1: list[dict]) -> dict:
    base = _baseline_model(cm)
    if base.ov_names != cm.ov_names:  # pragma: no cover - guarded by baseline_syntax
        raise ModelError("internal: the baseline model orders the variables differently")
    ev = Evaluator(base, groups)
    state = optimise(ev, _baseline_start(base, groups), warn=False)
    logl = ev.loglik(state.theta)
    chisq = 2.0 * (sum(h["loglik"] for h in h1) - logl)
    out = {"chisq": chisq, "df": base.df, "c": float("nan"), "ev": ev, "theta": state.theta}
    if est == "MLR":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            vc = vcov_matrix(ev, state.theta, "MLR")
        out["c"] = yuan_bentler_scaling(ev, h1, vc["information_inv"], vc["first_order"],
                                        base.df)
    return out


def _finish(cm: CompiledModel, groups: list, labels: list[str], est: str, miss: str,
            start: np.ndarray | None) -> SEMResult:
    names = _param_names(cm)
    if est in LEAST_SQUARES:
        ls = fit_least_squares(cm, groups, est, start)
        ev, state, V = ls.ev, ls.state, ls_vcov(ls)
        base_ls = fit_least_squares(_baseline_model(cm), groups, est)
        fm = least_squares_measures(cm, ls, base_ls, est)
        parts = [ev.parts(state.theta, g) for g in range(cm.n_groups)]
        messages = _check_solution(cm, parts, labels)
        samples = [(g.S, g.ybar) for g in groups]
        return _assemble(cm, ev, state, V, fm, parts, messages, groups, labels, est, miss,
                         samples)
    ev = Evaluator(cm, groups)
    theta0 = start_values(cm, groups) if start is None else np.asarray(start, dtype=float)
    state = optimise(ev, theta0)
    theta = state.theta
    vc = vcov_matrix(ev, theta, "ML" if est in ("MLM", "MLMV") else est, names)
    V = vc["vcov"]
    N = ev.N
    parts = [ev.parts(theta, g) for g in range(cm.n_groups)]
    messages = _check_solution(cm, parts, labels)
    no_se = bool(V.size) and bool(np.isnan(V).all())
    if no_se:
        involved = singular_directions(vc["information"], names)
        messages.append("could not compute standard errors: the information matrix is "
                        "singular or nearly so (empirical under-identification; involved: "
                        f"{', '.join(involved)}); se, z and p are NA")

    # ---- fit measures ------------------------------------------------------------------------
    h1 = [saturated_h1(g, cm.meanstructure, first_order=est == "MLR") for g in groups]
    x_logl = _x_loglik(cm, groups)
    logl = ev.loglik(theta) - x_logl
    logl_h1 = sum(h["loglik"] for h in h1) - x_logl
    df = cm.df
    chisq = max(2.0 * (logl_h1 - logl), 0.0) if df > 0 else 2.0 * (logl_h1 - logl)
    npar = cm.n_free
    base = _fit_baseline(cm, groups, est, h1)
    G = cm.n_groups
    fm: dict[str, float] = {
        "npar": npar, "chisq": chisq, "df": df, "pvalue": fmx.chisq_pvalue(chisq, df),
        "baseline_chisq": base["chisq"], "baseline_df": base["df"],
        "baseline_pvalue": fmx.chisq_pvalue(base["chisq"], base["df"]),
        "cfi": fmx.cfi(chisq, df, base["chisq"], base["df"]),
        "tli": fmx.tli(chisq, df, base["chisq"], base["df"]),
        "rmsea": fmx.rmsea(chisq, df, N, G),
        "loglik": logl, "unrestricted_loglik": logl_h1,
        "aic": -2 * logl + 2 * npar, "bic": -2 * logl + npar * math.log(N), "ntotal": N,
    }
    fm["rmsea_ci_lower"], fm["rmsea_ci_upper"] = fmx.rmsea_ci(chisq, df, N, G)
    samples = [(h["Sigma"], h["mu"]) for h in h1]
    implied = [(p["Sigma"], p["mu"]) for p in parts]
    fm["srmr"] = fmx.srmr(samples, implied, [g.n / N for g in groups], cm.meanstructure)
    residual_fit(fm, ev, theta, samples)
    if est == "MLR":
        c = (float("nan") if no_se else
             yuan_bentler_scaling(ev, h1, vc["information_inv"], vc["first_order"], df))
        c0 = base["c"]
        fm["scaling_factor"] = c
        fm["chisq_scaled"] = chisq / c if df > 0 else float("nan")
        fm["pvalue_scaled"] = fmx.chisq_pvalue(fm["chisq_scaled"], df)
        fm["baseline_scaling_factor"] = c0
        fm["baseline_chisq_scaled"] = base["chisq"] / c0
        fm["baseline_df_scaled"] = base["df"]
        fm["baseline_pvalue_scaled"] = fmx.chisq_pvalue(fm["baseline_chisq_scaled"], base["df"])
        # lavaan's "scaled" indices: the ordinary formulas on the scaled statistics
        xs, xs0 = fm["chisq_scaled"], fm["baseline_chisq_scaled"]
        fm["cfi_scaled"] = fmx.cfi(xs, df, xs0, base["df"])
        fm["tli_scaled"] = fmx.tli(xs, df, xs0, base["df"])
        fm["rmsea_scaled"] = fmx.rmsea(xs, df, N, G)
        # lavaan: the scaled RMSEA's interval inverts X2 with tr(U Gamma) = c df degrees of freedom
        fm["rmsea_ci_lower_scaled"], fm["rmsea_ci_upper_scaled"] = fmx.rmsea_ci(chisq, c * df,
                                                                                N, G)
        x2, x2_0 = chisq, base["chisq"]
        if miss == "fiml":
            # lavaan's FIML-corrected robust indices (Zhang & Savalei, 2023)
            corr = fiml_corrected(ev, theta, h1, df, base["ev"], base["theta"], base["df"])
            x2, c, x2_0, c0 = corr["xx3"], corr["c"], corr["xx3_null"], corr["c_null"]
        fm["cfi_robust"] = fmx.cfi(x2, df, x2_0, base["df"], c, c0)
        fm["tli_robust"] = fmx.tli(x2, df, x2_0, base["df"], c, c0)
        fm["rmsea_robust"] = fmx.rmsea(x2, df, N, G, c)
        lo, hi = fmx.rmsea_ci(x2, df, N, G, c=c)
        fm["rmsea_ci_lower_robust"], fm["rmsea_ci_upper_robust"] = lo, hi

    if est in ("MLM", "MLMV") and not no_se:
        V = satorra_bentler(ev, theta, fm, base, est)   # robust.sem SEs, scaled test, indices
    elif est == "MLR":
        # x2, c, x2_0, c0: the robust ingredients above (FIML-corrected under FIML)
        add_more_measures(fm, n=N, n_groups=G, robust_c=(c, c0), robust_x2=(x2, x2_0),
                          scaled_rmsea=(chisq, fm["scaling_factor"] * df),
                          robust_rmsea=(x2 / c, c))
    else:
        add_more_measures(fm, n=N, n_groups=G)

    fmx.add_lavaan_names(fm)
    return _assemble(cm, ev, state, V, fm, parts, messages, groups, labels, est, miss, samples)


def _assemble(cm: CompiledModel, ev: Evaluator, state: FitState, V: np.ndarray, fm: dict,
              parts: list[dict], messages: list[str], groups: list, labels: list[str],
              est: str, miss: str, samples: list) -> SEMResult:
    """The parameter table, defined parameters and the result object."""
    theta = state.theta
    implied = [(p["Sigma"], p["mu"]) for p in parts]
    # ---- parameter table ---------------------------------------------------------------------
    row_est = _row_estimates(cm, parts)
    se_free = np.sqrt(np.clip(np.diag(V), 0, None))
    row_se = np.array([se_free[r.free] if r.free >= 0 else 0.0 for r in cm.rows])
    row_std = std_all(cm, parts, row_est)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(row_se > 0, row_est / row_se, np.nan)
    params = pd.DataFrame({
        "lhs": [r.lhs for r in cm.rows], "op": [r.op for r in cm.rows],
        "rhs": [r.rhs for r in cm.rows], "group": [r.group + 1 for r in cm.rows],
        "label": [r.label for r in cm.rows], "est": row_est, "se": row_se, "z": z,
        "pvalue": 2 * stats.norm.sf(np.abs(z)),
        "ci_lower": row_est - _Z975 * row_se, "ci_upper": row_est + _Z975 * row_se,
        "std_all": row_std,
    })[PARAM_COLUMNS]
    defined = _defined_table(cm, theta, V, row_std)
    if not state.converged:
        messages.insert(0, f"the optimiser did not converge ({state.message})")
    return SEMResult(params=params, defined=defined, fit_measures=fm,
                     converged=state.converged, n_obs=[int(round(g.n)) for g in groups],
                     estimator=est, missing=miss, group_labels=labels, theta=theta, vcov=V,
                     model=cm, iterations=state.iterations, warnings=messages, implied=implied,
                     sample=samples, evaluator=ev)


def _defined_table(cm: CompiledModel, theta: np.ndarray, V: np.ndarray,
                   row_std: np.ndarray) -> pd.DataFrame:
    cols = ["name", "expression", "est", "se", "z", "pvalue", "ci_lower", "ci_upper", "std_all"]
    if not cm.defined:
        return pd.DataFrame(columns=cols)
    first: dict[str, int] = {}
    for k, row in enumerate(cm.rows):
        if row.label and row.label not in first:
            first[row.label] = k

    def label_values(th: np.ndarray) -> dict:
        out = {}
        for lab, k in first.items():
            row = cm.rows[k]
            out[lab] = th[row.free] if row.free >= 0 else row.value
        return out

    ds = DefinedSet(cm.defined, set(first), label_values)
    est = ds.values(theta)
    J = ds.jacobian(theta)
    se = np.sqrt(np.clip(np.einsum("ij,jk,ik->i", J, V, J), 0, None))
    std_env = {lab: row_std[k] for lab, k in first.items()}
    std = ds.values_from_env(std_env)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, est / se, np.nan)
    return pd.DataFrame({"name": ds.names, "expression": ds.expressions, "est": est, "se": se,
                         "z": z, "pvalue": 2 * stats.norm.sf(np.abs(z)),
                         "ci_lower": est - _Z975 * se, "ci_upper": est + _Z975 * se,
                         "std_all": std})[cols]


def _check_solution(cm: CompiledModel, parts: list[dict], labels: list[str]) -> list[str]:
    """Warn about Heywood cases and non-positive-definite latent covariance matrices."""
    messages = []
    multi = cm.n_groups > 1
    for g, pr in enumerate(parts):
        where = f" in group {labels[g]}" if multi else ""
        for row in cm.rows:
            if row.group != g or row.free < 0 or row.op != "~~" or row.lhs != row.rhs:
                continue
            mats = {PSI: pr["Psi"], THETA: pr["Theta"]}
            value = mats[row.mat][row.r, row.c]
            if value < 0:
                kind = "residual variance" if row.lhs in cm.ov_names else "variance"
                msg = (f"negative {kind} of {row.lhs}{where} ({value:.4g}): a Heywood case; "
                       "the model may be misspecified or the sample too small")
                messages.append(msg)
                warnings.warn(msg, HeywoodWarning, stacklevel=4)
        lv_idx = [i for i, n in enumerate(cm.eta_names) if n in cm.lv_names]
        if lv_idx:
            A = pr["A"]
            cov_eta = (A @ pr["Psi"] @ A.T)[np.ix_(lv_idx, lv_idx)]
            w = np.linalg.eigvalsh(cov_eta)
            if w.min() < -1e-10 * max(1.0, abs(w.max())):
                sd = np.sqrt(np.abs(np.diag(cov_eta)))
                with np.errstate(divide="ignore", invalid="ignore"):
                    corr = cov_eta / np.outer(sd, sd)
                bad = np.argwhere(np.triu(np.abs(corr) > 1.0, 1))
                pair = (f" (the correlation of {cm.eta_names[lv_idx[bad[0][0]]]} and "
                        f"{cm.eta_names[lv_idx[bad[0][1]]]} exceeds 1)") if len(bad) else ""
                msg = ("the covariance matrix of the latent variables is not positive "
                       f"definite{where}{pair}")
                messages.append(msg)
                warnings.warn(msg, NotPositiveDefiniteWarning, stacklevel=4)
    return messages
