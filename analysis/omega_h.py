"""Hierarchical omega of a multidimensional scale (Schmid-Leiman), as ``psych::omega``.

The steps follow psych 2.2.9's ``omega`` with its defaults (checked against it in
``tests/reference/r/psychometrics.R``):

1. the correlation matrix of the items (pairwise complete, as psych's ``use = "pairwise"``);
2. ``nfactors`` minimum-residual (minres) factors: the uniquenesses that minimise the squared
   off-diagonal residuals, starting from ``1 - SMC``, bounded to ``[0.005, 1]``;
3. a varimax rotation (Kaiser-normalised), then an oblique quartimin rotation (oblimin with
   gamma 0) by gradient projection, starting from the varimax solution;
4. the general factor from the factor correlations: one minres factor of them for three or more
   factors, and ``sqrt(|phi_12|)`` for both with two (psych's ``option = "equal"``);
5. items' general loadings ``F g``; group loadings ``F sqrt(1 - g^2)``; items whose general
   loading is negative are reflected;
6. ``omega_h = (sum of general loadings)^2 / sum(R)`` and
   ``omega_total = (sum(R) - sum(u^2)) / sum(R)``, ``u^2 = 1 - communality``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize

from craftwave.analysis.data import ID_COL, item_matrix, numeric_items
from craftwave.instruments import Instrument
from craftwave.instruments.errors import ConvergenceWarning, DataError, HeywoodWarning

__all__ = ["OmegaHierarchical", "omega_hierarchical"]


ROWS_PAIRWISE = ("pairwise-complete correlations (as psych::omega): each correlation uses the "
                 "rows answering both items")


@dataclass(frozen=True)
class OmegaHierarchical:
    """Result of :func:`omega_hierarchical`.

    Attributes
    ----------
    omega_h : float
        Hierarchical omega: variance of the total score due to the general factor.
    omega_total : float
        Variance of the total score due to all common factors.
    alpha : float
        Standardised-free coefficient alpha of the (reflected) correlation matrix, as psych.
    g_loadings : Series
        General-factor loadings of the items.
    group_loadings : DataFrame
        Group-factor loadings (items x factors), in the order of the rotated factors.
    communalities : Series
    nfactors : int
    n : int
        Rows with at least one answered item.
    rows : str
        Which rows the coefficient used: pairwise-complete correlations, as psych's ``omega``.
    warnings : tuple of str
        Where psych warns too: an ultra-Heywood case (a communality above 1, of an item or of
        a group factor on the general factor).
    """

    omega_h: float
    omega_total: float
    alpha: float
    g_loadings: pd.Series
    group_loadings: pd.DataFrame
    communalities: pd.Series
    nfactors: int
    n: int
    rows: str = ROWS_PAIRWISE
    warnings: tuple[str, ...] = ()

    @property
    def nobs(self) -> int:
        """Rows with at least one answered item (each correlation uses its own pairs)."""
        return self.n

    def to_dict(self) -> dict:
        return {"omega_h": self.omega_h, "omega_total": self.omega_total, "alpha": self.alpha,
                "nfactors": self.nfactors, "n": self.n, "nobs": self.n, "rows": self.rows,
                "method": "Schmid-Leiman (psych::omega: minres, oblimin)",
                "g_loadings": self.g_loadings.to_dict(), "warnings": list(self.warnings)}


# -- the steps ------------------------------------------------------------------------------

def _smc(r: np.ndarray) -> np.ndarray:
    """Squared multiple correlations: ``1 - 1 / diag(R^-1)``."""
    try:
        inv = np.linalg.inv(r)
    except np.linalg.LinAlgError:
        inv = np.linalg.pinv(r)
    return np.clip(1 - 1 / np.diag(inv), 0.0, 1.0)


def _principal(r: np.ndarray, psi: np.ndarray, nf: int) -> np.ndarray:
    """Loadings from the first ``nf`` eigenpairs of R with ``1 - psi`` on the diagonal."""
    s = r.copy()
    np.fill_diagonal(s, 1 - psi)
    vals, vecs = np.linalg.eigh(s)
    order = np.argsort(vals)[::-1][:nf]
    vals = np.maximum(vals[order], 0.0)
    return vecs[:, order] * np.sqrt(vals)


def minres(r: np.ndarray, nfactors: int) -> np.ndarray:
    """Minimum-residual factor loadings (unrotated; columns signed to a positive sum)."""
    lower = np.tril_indices_from(r, k=-1)

    def objective(psi: np.ndarray) -> float:
        lam = _principal(r, psi, nfactors)
        res = (r - lam @ lam.T)[lower]
        return float(res @ res)

    def gradient(psi: np.ndarray) -> np.ndarray:
        # psych's FAgr.minres: zero where the communalities reproduce themselves
        lam = _principal(r, psi, nfactors)
        return (lam**2).sum(axis=1) + psi - 1

    start = 1 - _smc(r)
    upper = max(float(_smc(r).max()), 1.0)
    fit = optimize.minimize(objective, start, jac=gradient, method="L-BFGS-B",
                            bounds=[(0.005, upper)] * len(start),
                            options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 5000})
    lam = _principal(r, fit.x, nfactors)
    signs = np.sign(lam.sum(axis=0))
    signs[signs == 0] = 1
    return lam * signs


def varimax(loadings: np.ndarray, eps: float = 1e-5, maxit: int = 1000) -> np.ndarray:
    """Kaiser-normalised varimax rotation (the iteration of R's ``stats::varimax``)."""
    nf = loadings.shape[1]
    if nf < 2:
        return loadings
    scale = np.sqrt((loadings**2).sum(axis=1))
    x = loadings / scale[:, None]
    p = x.shape[0]
    rot = np.eye(nf)
    d = 0.0
    for _ in range(maxit):
        z = x @ rot
        b = x.T @ (z**3 - z @ np.diag((z**2).sum(axis=0)) / p)
        u, sv, vt = np.linalg.svd(b)
        rot = u @ vt
        d_old, d = d, float(sv.sum())
        if d < d_old * (1 + eps):
            break
    return (x @ rot) * scale[:, None]


def _quartimin(lam: np.ndarray) -> tuple[float, np.ndarray]:
    sq = lam**2
    off = sq @ (1 - np.eye(lam.shape[1]))
    return float((sq * off).sum() / 4), lam * off


def oblimin(loadings: np.ndarray, eps: float = 1e-5, maxit: int = 1000
            ) -> tuple[np.ndarray, np.ndarray]:
    """Quartimin (oblimin, gamma 0) rotation by gradient projection from the identity.

    Returns the pattern loadings and the factor correlations.
    """
    a = loadings
    t = np.eye(a.shape[1])
    lam = a @ np.linalg.inv(t).T
    f, gq = _quartimin(lam)
    g = -(lam.T @ gq @ np.linalg.inv(t)).T
    step = 1.0
    converged = False
    for _ in range(maxit + 1):
        gp = g - t @ np.diag((t * g).sum(axis=0))
        s = float(np.sqrt((gp**2).sum()))
        if s < eps:
            converged = True
            break
        step *= 2
        for _ in range(11):
            x = t - step * gp
            t_new = x / np.sqrt((x**2).sum(axis=0))
            lam = a @ np.linalg.inv(t_new).T
            f_new, gq = _quartimin(lam)
            if f - f_new > 0.5 * s**2 * step:
                break
            step /= 2
        t, f = t_new, f_new
        g = -(lam.T @ gq @ np.linalg.inv(t)).T
    if not converged:
        warnings.warn("the oblimin rotation did not converge", ConvergenceWarning, stacklevel=3)
    return lam, t.T @ t


def _general_loadings(phi: np.ndarray) -> np.ndarray:
    nf = phi.shape[0]
    if nf == 2:
        root = np.sqrt(abs(phi[0, 1]))
        return np.array([root, np.sign(phi[0, 1]) * root])
    g = minres(phi, 1)[:, 0]
    return g if g.sum() >= 0 else -g


# -- the public call ------------------------------------------------------------------------

def omega_hierarchical(data: pd.DataFrame, items: Sequence[str] | None = None, *,
                       nfactors: int | None = None, instrument: Instrument | None = None,
                       wave: int | None = None, reverse: Sequence[str] | None = None,
                       scale_range: tuple[float, float] | None = None) -> OmegaHierarchical:
    """Hierarchical omega (and omega total) by a Schmid-Leiman transformation, as psych's.

    Parameters
    ----------
    data : DataFrame
    items : sequence of str, optional
        Item columns (plain data).
    nfactors : int, optional
        Group factors; default 3, or the instrument's number of subscales.
    instrument, wave : optional
        Take the instrument's scored items at ``wave``, reverse keyed through its definition.
    reverse, scale_range : optional
        Reverse-key plain items (``min + max - x``; default range: the observed one).

    Returns
    -------
    OmegaHierarchical

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(2)
    >>> g, s = rng.normal(size=(500, 1)), rng.normal(size=(500, 3))
    >>> x = 0.6 * g + 0.5 * np.repeat(s, 3, axis=1) + 0.6 * rng.normal(size=(500, 9))
    >>> om = omega_hierarchical(pd.DataFrame(x, columns=[f"i{k}" for k in range(9)]))
    >>> bool(0.4 < om.omega_h < om.omega_total < 1)
    True
    """
    if instrument is not None:
        if wave is None:
            raise DataError("give the wave of the instrument's items")
        data = item_matrix(data, instrument, wave)
        items = list(data.columns)
        if nfactors is None:
            nfactors = max(len(instrument.subscales), 1)
    if items is None:
        items = [c for c in data.columns if c != ID_COL]
    nfactors = 3 if nfactors is None else int(nfactors)
    if nfactors < 2:
        raise DataError("hierarchical omega needs at least two group factors")
    frame = numeric_items(data, items, min_items=max(3, nfactors + 1), listwise=False,
                          min_cases=3, purpose="hierarchical omega")
    frame = frame[frame.notna().any(axis=1)]
    for col in reverse or ():
        if col not in frame.columns:
            raise DataError(f"reverse: '{col}' is not one of the items")
        lo, hi = scale_range if scale_range is not None else (frame[col].min(), frame[col].max())
        frame[col] = lo + hi - frame[col]
    r = frame.corr().to_numpy()
    if np.isnan(r).any():
        raise DataError("hierarchical omega: some pairs of items have no cases in common")
    p = r.shape[0]
    orth = varimax(minres(r, nfactors))
    pattern, phi = oblimin(orth)
    g = _general_loadings(phi)
    notes = _ultra_heywood(orth, g, items)
    g_items = pattern @ g
    group = pattern * np.sqrt(np.clip(1 - g**2, 0, None))
    h2 = (orth**2).sum(axis=1)
    u2 = 1 - h2
    key = np.where(g_items < 0, -1.0, 1.0)
    r_flipped = r * np.outer(key, key)
    g_items, group = g_items * key, group * key[:, None]
    vt = float(r_flipped.sum())
    alpha = (vt - p) / vt * p / (p - 1)
    cols = [f"F{k + 1}*" for k in range(nfactors)]
    return OmegaHierarchical(
        omega_h=float(g_items.sum() ** 2 / vt),
        omega_total=float((vt - u2.sum()) / vt),
        alpha=float(alpha),
        g_loadings=pd.Series(g_items, index=items),
        group_loadings=pd.DataFrame(group, index=items, columns=cols),
        communalities=pd.Series(h2, index=items),
        nfactors=nfactors, n=len(frame), warnings=tuple(notes))


def _ultra_heywood(orth: np.ndarray, g: np.ndarray, items: Sequence[str]) -> list[str]:
    """psych's warning (``fa``: a communality above 1), for the items and the general factor."""
    notes = []
    h2 = (orth**2).sum(axis=1)
    bad = [str(items[i]) for i in np.flatnonzero(h2 > 1.0)]
    if bad:
        notes.append(f"an ultra-Heywood case: the communality of {', '.join(bad)} exceeds 1 "
                     "(as psych warns); examine the results carefully")
    over = np.flatnonzero(g**2 > 1.0)
    if over.size:
        notes.append("an ultra-Heywood case: a group factor loads above 1 on the general "
                     f"factor (F{over[0] + 1}, {g[over[0]]:.3f}; as psych warns); omega_h and "
                     "the group loadings are not to be interpreted")
    for note in notes:
        warnings.warn(note, HeywoodWarning, stacklevel=3)
    return notes
