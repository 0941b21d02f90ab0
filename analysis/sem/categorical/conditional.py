"""Stage one of WLSMV with observed covariates, as lavaan's ``conditional.x = TRUE``.

With exogenous covariates x (a MIMIC model, ``f ~ x1 + x2``, or a direct effect ``y1 ~ x1``),
lavaan 0.6 summarises ordered items conditionally on x (its default for categorical data;
``lav_samplestats_step1.R``, ``lav_uvord.R``, ``lav_bvord.R``, ``lav_muthen1984.R``):

1. each item's **probit regression** on the covariates by maximum likelihood,
   ``P(y <= k | x) = Phi(tau_k - x'beta)``: thresholds and slopes;
2. each pair's **residual polychoric correlation**: the correlation of the two latent responses
   given x, by maximum likelihood with both items' thresholds and slopes held at their step-1
   values (each row has its own thresholds ``tau - x'beta``);
3. **NACOV**, N times the sandwich covariance of all of them, built from the stacked casewise
   scores exactly as without covariates (the bread per item from outer products of its own
   scores, the correlation rows from products of correlation and univariate scores).

The statistics are ordered as lavaan's ``WLS.obs``: thresholds item by item, the slopes
``vec(SLOPES)`` (items within covariates), then the correlations below the diagonal column by
column. Rows missing a covariate are left out; missing answers are handled listwise (lavaan's
default) or pairwise.

Cost: the probit fits are Newton steps on N x (thresholds + covariates) matrices; the
correlations run Newton's method on all p(p-1)/2 pairs at once, each step four vectorised
bivariate normal evaluations per row and pair (no table of counts helps here: every row has its
own thresholds). Six items, two covariates and N = 600 take about 30 ms.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.special import ndtr, ndtri
from threadpoolctl import threadpool_limits

from craftwave.analysis.errors import ConvergenceWarning, CraftwaveWarning, DataError
from craftwave.analysis.sem.categorical.bivariate import (
    bivariate_normal_cdf,
    bivariate_normal_pdf,
)
from craftwave.analysis.sem.categorical.polychoric import (
    OrdinalStats,
    _pairs,
    code_items,
)

__all__ = ["ConditionalStats", "conditional_stats"]

_RHO_BOUND = 0.999                     # lavaan's nlminb bounds for a correlation
_TINY = np.sqrt(np.finfo(float).eps)   # lavaan leaves out rows whose likelihood is below this
_MISSING = ("listwise", "pairwise")


@dataclass
class ConditionalStats(OrdinalStats):
    """The first-stage statistics of ordered items given covariates (one group).

    Adds to :class:`OrdinalStats` (whose ``thresholds`` are the intercepts of the probit
    regressions and ``cor`` the residual polychoric correlations):

    Attributes
    ----------
    covariates : list of str
    slopes : numpy.ndarray
        Items x covariates: the probit slopes (``y* = x'beta + e``).
    cov_x, mean_x : numpy.ndarray
        The covariates' sample covariance (divisor N - 1, as lavaan's ``cov.x``) and means.
    """

    covariates: list[str] = field(default_factory=list)
    slopes: np.ndarray | None = None
    cov_x: np.ndarray | None = None
    mean_x: np.ndarray | None = None

    @property
    def n_uni(self) -> int:
        """How many statistics precede the correlations (thresholds and slopes)."""
        return int(sum(len(t) for t in self.thresholds) + self.slopes.size)

    @property
    def wls_obs(self) -> np.ndarray:
        """lavaan's WLS.obs: thresholds, ``vec(slopes)``, then the correlations (vech)."""
        col_j, col_i = _pairs(len(self.names))
        return np.concatenate([np.concatenate(self.thresholds), self.slopes.ravel(order="F"),
                               self.cor[col_i, col_j]])

    def slope_table(self) -> pd.DataFrame:
        """The probit slopes as a tidy table: item, covariate, value."""
        rows = [(n, x, float(self.slopes[i, k])) for i, n in enumerate(self.names)
                for k, x in enumerate(self.covariates)]
        return pd.DataFrame(rows, columns=["item", "covariate", "value"])


def conditional_stats(data: pd.DataFrame, items: list[str], covariates: list[str], *,
                      missing: str = "listwise", nacov: bool = True) -> ConditionalStats:
    """Thresholds, slopes and residual polychoric correlations of ordered items given covariates.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    items : list of str
        The ordered items (numbers or ordered categoricals).
    covariates : list of str
        Numeric covariates (a 0/1 dummy is a number); rows missing one are left out.
    missing : {"listwise", "pairwise"}
        ``"listwise"`` (lavaan's default) keeps rows answering every item; ``"pairwise"`` fits
        each probit regression on the rows answering that item and each correlation on the rows
        answering both.
    nacov : bool
        Also compute NACOV (needed for DWLS weights, robust SEs and the scaled test).

    Returns
    -------
    ConditionalStats

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.read_csv("tests/reference/data/ordinal_exo.csv")
    >>> st = conditional_stats(d, ["y1", "y2", "y3", "y4"], ["x1", "x2"])
    >>> st.slopes.shape
    (4, 2)
    """
    with threadpool_limits(limits=1, user_api="blas"):
        return _conditional_stats(data, list(items), list(covariates), missing, nacov)


def _conditional_stats(data: pd.DataFrame, items: list[str], covariates: list[str],
                       missing: str, want_nacov: bool) -> ConditionalStats:
    if missing not in _MISSING:
        raise DataError(f"missing must be one of {', '.join(_MISSING)}; got {missing!r}")
    unknown = [c for c in items + covariates if c not in data.columns]
    if unknown:
        raise DataError(f"not in the data: {', '.join(unknown)}")
    if len(items) < 2:
        raise DataError("residual polychoric correlations need at least two ordered items")
    if not covariates:
        raise DataError("conditional statistics need at least one covariate")
    xs = data[covariates].apply(pd.to_numeric, errors="coerce")
    bad = [c for c in covariates if (xs[c].isna() & data[c].notna()).any()]
    if bad:
        raise DataError(f"covariates must be numeric (code a category as 0/1 dummies): "
                        f"{', '.join(bad)}")
    keep = xs.notna().all(axis=1)
    if not keep.all():
        gone = [c for c in covariates if xs[c].isna().any()]
        warnings.warn(f"{int((~keep).sum())} row(s) left out for missing values in the "
                      f"covariates ({', '.join(gone)}), as lavaan does with fixed.x",
                      CraftwaveWarning, stacklevel=3)
    if missing == "listwise":
        keep &= data[items].notna().all(axis=1)
    frame = data.loc[keep, items]
    X = xs.loc[keep].to_numpy(dtype=float)
    codes, levels, n = code_items(frame, items, missing)
    answered = codes >= 0
    if np.linalg.matrix_rank(np.column_stack([np.ones(len(X)), X])) < X.shape[1] + 1:
        raise DataError(f"the covariates ({', '.join(covariates)}) are collinear or constant; "
                        "the probit regressions cannot be estimated")
    p, q = len(items), len(covariates)
    ncat = np.array([len(lv) for lv in levels])
    thresholds, slopes = [], np.zeros((p, q))
    upper = np.empty(codes.shape)                 # each row's upper and lower threshold,
    lower = np.empty(codes.shape)                 # minus x'beta (+-inf at the ends)
    uni_scores = []
    for j in range(p):
        ok = answered[:, j]
        tau, beta = _probit(codes[ok, j], X[ok], ncat[j], items[j])
        thresholds.append(tau)
        slopes[j] = beta
        up, lo = _edges(codes[:, j], tau, X @ beta)
        upper[:, j], lower[:, j] = np.where(ok, up, 0.0), np.where(ok, lo, 0.0)
        uni_scores.append(_probit_scores(codes[:, j], ok, tau, X, up, lo))
    col_j, col_i = _pairs(p)
    both = answered[:, col_i] & answered[:, col_j]
    hu, hl = upper[:, col_i], lower[:, col_i]
    ku, kl = upper[:, col_j], lower[:, col_j]
    rho = _fit_rho(hu, hl, ku, kl, both, _start(codes, both, col_i, col_j))
    for q_ in np.flatnonzero(np.abs(rho) > 0.99):
        warnings.warn(f"the residual polychoric correlation of {items[col_i[q_]]} and "
                      f"{items[col_j[q_]]} is (nearly) 1 ({rho[q_]:.3f})", ConvergenceWarning,
                      stacklevel=3)
    cor = np.eye(p)
    cor[col_i, col_j] = rho
    cor[col_j, col_i] = rho
    stats = ConditionalStats(names=items, levels=levels, thresholds=thresholds, cor=cor, n=n,
                             missing=missing, covariates=covariates, slopes=slopes,
                             cov_x=np.atleast_2d(np.cov(X, rowvar=False)),
                             mean_x=X.mean(axis=0))
    if want_nacov:
        with np.errstate(divide="ignore", invalid="ignore"):
            stats.nacov = _nacov(codes, answered, X, uni_scores, rho, (hu, hl, ku, kl), both,
                                 col_i, col_j, ncat, n)
        diag = np.diag(stats.nacov)
        if not (np.all(np.isfinite(stats.nacov)) and np.all(diag > 0)):
            raise DataError("the sampling covariance of the thresholds, slopes and residual "
                            "correlations cannot be estimated (too few answers in some "
                            "categories, or perfectly associated items)")
    return stats


def _edges(codes: np.ndarray, tau: np.ndarray, xb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's upper and lower category bound minus x'beta (+-inf at the ends)."""
    full = np.concatenate([[-np.inf], tau, [np.inf]])
    c = np.where(codes >= 0, codes, 0)
    return full[c + 1] - xb, full[c] - xb


def _phi(x: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", over="ignore"):
        out = np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi)
    return np.where(np.isfinite(x), out, 0.0)


def _cell_prob(up: np.ndarray, lo: np.ndarray) -> np.ndarray:
    """Phi(up) - Phi(lo), from the upper tails when both are large (as lavaan)."""
    return np.where(lo > 1, ndtr(-lo) - ndtr(-up), ndtr(up) - ndtr(lo))


def _probit(y: np.ndarray, X: np.ndarray, ncat: int, name: str, tol: float = 1e-12,
            max_iter: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """Ordinal probit regression by Newton's method (its log-likelihood is concave)."""
    nth, q = ncat - 1, X.shape[1]
    counts = np.bincount(y, minlength=ncat)
    if np.any(counts == 0):
        raise DataError(f"{name}: a category has no answers in these rows")
    theta = np.concatenate([ndtri(np.cumsum(counts)[:-1] / len(y)), np.zeros(q)])

    def loglik(th):
        tau = th[:nth]
        if nth > 1 and np.any(np.diff(tau) <= 0):
            return -np.inf
        up, lo = _edges(y, tau, X @ th[nth:])
        pr = _cell_prob(up, lo)
        return float(np.sum(np.log(pr))) if np.all(pr > 0) else -np.inf

    ll = loglik(theta)
    rows = np.arange(len(y))
    for _ in range(max_iter):
        tau, beta = theta[:nth], theta[nth:]
        up, lo = _edges(y, tau, X @ beta)
        pr = _cell_prob(up, lo)
        p1, p2 = _phi(up), _phi(lo)
        A1 = np.zeros((len(y), nth + q))
        A2 = np.zeros((len(y), nth + q))
        has_up, has_lo = y < nth, y > 0
        A1[rows[has_up], y[has_up]] = 1.0
        A2[rows[has_lo], y[has_lo] - 1] = 1.0
        A1[:, nth:] = -X
        A2[:, nth:] = -X
        dpi = (p1[:, None] * A1 - p2[:, None] * A2) / pr[:, None]
        grad = dpi.sum(axis=0)
        z1p1 = np.where(np.isfinite(up), up, 0.0) * p1 / pr
        z2p2 = np.where(np.isfinite(lo), lo, 0.0) * p2 / pr
        H = (A2 * z2p2[:, None]).T @ A2 - (A1 * z1p1[:, None]).T @ A1 - dpi.T @ dpi
        try:
            step = -np.linalg.solve(H, grad)
        except np.linalg.LinAlgError as exc:
            raise DataError(f"the probit regression of {name} on the covariates failed "
                            "(a covariate may separate its categories)") from exc
        t = 1.0
        while t > 1e-10:
            cand = theta + t * step
            lc = loglik(cand)
            if lc >= ll - 1e-12 * abs(ll):
                break
            t *= 0.5
        else:
            break
        theta, ll = cand, lc
        if np.max(np.abs(t * step)) < tol:
            break
    else:
        warnings.warn(f"the probit regression of {name} did not converge", ConvergenceWarning,
                      stacklevel=4)
    return theta[:nth], theta[nth:]


def _probit_scores(codes: np.ndarray, ok: np.ndarray, tau: np.ndarray, X: np.ndarray,
                   up: np.ndarray, lo: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Casewise scores of one probit regression: (thresholds, slopes); 0 where unanswered."""
    nth = len(tau)
    pr = np.where(ok, _cell_prob(up, lo), 1.0)
    p1, p2 = np.where(ok, _phi(up), 0.0), np.where(ok, _phi(lo), 0.0)
    c = np.where(ok, codes, -5)
    k = np.arange(nth)
    sc_th = ((c[:, None] == k) * p1[:, None] - (c[:, None] - 1 == k) * p2[:, None]) / pr[:, None]
    sc_sl = -X * ((p1 - p2) / pr)[:, None]
    return sc_th, sc_sl


def _start(codes: np.ndarray, both: np.ndarray, col_i: np.ndarray, col_j: np.ndarray
           ) -> np.ndarray:
    """Pearson correlations of the category codes (lavaan's start), inside the bounds."""
    out = np.zeros(len(col_i))
    for q in range(len(col_i)):
        rows = both[:, q]
        a, b = codes[rows, col_i[q]].astype(float), codes[rows, col_j[q]].astype(float)
        if a.std() > 0 and b.std() > 0:
            out[q] = np.corrcoef(a, b)[0, 1]
    return np.clip(out, -0.9, 0.9)


def _lik(hu, hl, ku, kl, rho):
    """Each row's probability of its two answers, its derivative in rho and second derivative."""
    r = np.broadcast_to(rho, hu.shape)
    corners = ((hu, ku, 1.0), (hl, ku, -1.0), (hu, kl, -1.0), (hl, kl, 1.0))
    lik = sum(s * bivariate_normal_cdf(h, k, r) for h, k, s in corners)
    d1 = np.zeros(hu.shape)
    d2 = np.zeros(hu.shape)
    one = 1.0 - r * r
    for h, k, s in corners:
        dens = bivariate_normal_pdf(h, k, r)
        d1 += s * dens
        fin = np.isfinite(h) & np.isfinite(k)
        hh, kk = np.where(fin, h, 0.0), np.where(fin, k, 0.0)
        g = (hh * kk * one - r * (hh * hh - 2 * r * hh * kk + kk * kk) + r * one) / (one * one)
        d2 += s * dens * g
    return lik, d1, d2


def _fit_rho(hu, hl, ku, kl, both, rho, tol: float = 1e-10, max_iter: int = 100) -> np.ndarray:
    """Maximum likelihood residual correlations given the probit fits: Newton on all pairs."""
    rho = rho.copy()

    def pieces(r, idx):
        lik, d1, d2 = _lik(hu[:, idx], hl[:, idx], ku[:, idx], kl[:, idx], r[None, :])
        use = both[:, idx] & (lik >= _TINY)
        safe = np.where(use, lik, 1.0)
        ll = np.where(use, np.log(safe), 0.0).sum(axis=0)
        g = np.where(use, d1 / safe, 0.0).sum(axis=0)
        h = np.where(use, d2 / safe - (d1 / safe) ** 2, 0.0).sum(axis=0)
        return ll, g, h

    active = np.arange(len(rho))
    ll, g, h = pieces(rho, active)
    for _ in range(max_iter):
        if active.size == 0:
            break
        step = np.where(h < 0, -g / np.where(h < 0, h, -1.0), np.sign(g) * 0.05)
        last = (h < 0) & (np.abs(step) < 1e-7)     # Newton's next error is ~step^2: done
        if last.any():
            rho[active[last]] = np.clip(rho[active[last]] + step[last], -_RHO_BOUND, _RHO_BOUND)
            active, ll, g, h, step = (a[~last] for a in (active, ll, g, h, step))
            if active.size == 0:
                break
        t = np.ones(active.size)
        new = np.clip(rho[active] + step, -_RHO_BOUND, _RHO_BOUND)
        pending = np.ones(active.size, dtype=bool)
        for _ in range(30):
            ll_n, g_n, h_n = pieces(new, active)
            better = ll_n >= ll - 1e-12 * np.abs(ll)
            pending &= ~better
            if not pending.any():
                break
            t[pending] *= 0.5
            new = np.where(pending, np.clip(rho[active] + t * step, -_RHO_BOUND, _RHO_BOUND),
                           new)
        moved = np.abs(new - rho[active])
        rho[active] = np.where(pending, rho[active], new)
        keep = (moved > tol) & ~pending
        ll, g, h = ll_n[keep], g_n[keep], h_n[keep]
        active = active[keep]
    if active.size:
        warnings.warn(f"{active.size} residual polychoric correlation(s) did not converge",
                      ConvergenceWarning, stacklevel=4)
    return rho


def _nacov(codes, answered, X, uni_scores, rho, corners, both, col_i, col_j, ncat, n
           ) -> np.ndarray:
    """N times the sandwich covariance of (thresholds, slopes, correlations), as muthen1984."""
    nrow, p = codes.shape
    q = X.shape[1]
    nth = ncat - 1
    th_start = np.concatenate([[0], np.cumsum(nth)[:-1]])
    total_th = int(nth.sum())
    npair = len(col_i)
    sc_th = np.hstack([s for s, _ in uni_scores])
    sc_sl = np.zeros((nrow, p * q))
    for j, (_, s) in enumerate(uni_scores):
        sc_sl[:, j::p] = s                          # vec(SLOPES): items within covariates
    hu, hl, ku, kl = corners
    lik, d1, _ = _lik(hu, hl, ku, kl, rho[None, :])
    use = both & (lik > _TINY)
    safe = np.where(use, lik, 1.0)
    sc_cor = np.where(use, d1 / safe, 0.0)
    R = np.sqrt(1.0 - rho * rho)[None, :]

    def zpart(a, b_up, b_lo):
        """phi(a) [Phi((b_up - rho a)/R) - Phi((b_lo - rho a)/R)], 0 at an infinite a."""
        fa = np.isfinite(a)
        aa = np.where(fa, a, 0.0)
        val = _phi(a) * (ndtr((b_up - rho * aa) / R) - ndtr((b_lo - rho * aa) / R))
        return np.where(fa & use, val, 0.0)

    y1z1, y1z2 = zpart(hu, ku, kl), zpart(hl, ku, kl)     # item i (the row item of the pair)
    y2z1, y2z2 = zpart(ku, hu, hl), zpart(kl, hu, hl)     # item j
    a21 = np.zeros((npair, total_th + p * q))
    safe_codes = np.where(answered, codes, 0)
    for item, zu, zl in ((col_i, y1z1, y1z2), (col_j, y2z1, y2z2)):
        w_up, w_lo = sc_cor * zu / safe, sc_cor * zl / safe
        sl = (w_lo - w_up).T @ X                          # (pairs, covariates)
        for qq in range(npair):
            v = item[qq]
            c = safe_codes[:, v]
            up = np.bincount(c, weights=w_up[:, qq], minlength=nth[v] + 1)[:nth[v]]
            lo = np.bincount(c, weights=w_lo[:, qq], minlength=nth[v] + 1)[1:nth[v] + 1]
            a21[qq, th_start[v]:th_start[v] + nth[v]] += up - lo
            a21[qq, total_th + v + p * np.arange(q)] += sl[qq]
    scores = np.hstack([sc_th, sc_sl, sc_cor])
    inner = scores.T @ scores
    size = total_th + p * q
    a11 = np.zeros((size, size))
    for j in range(p):
        idx = np.concatenate([th_start[j] + np.arange(nth[j]), total_th + j + p * np.arange(q)])
        a11[np.ix_(idx, idx)] = inner[np.ix_(idx, idx)]
    a22 = np.einsum("nq,nq->q", sc_cor, sc_cor)
    a11_inv = np.linalg.inv(a11)
    b_inv = np.zeros_like(inner)
    b_inv[:size, :size] = a11_inv
    b_inv[size:, size:] = np.diag(1.0 / a22)
    b_inv[size:, :size] = -(a21 / a22[:, None]) @ a11_inv
    return n * (b_inv @ inner @ b_inv.T)
