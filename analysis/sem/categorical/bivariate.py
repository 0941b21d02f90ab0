"""The standard bivariate normal distribution, vectorised over points and correlations.

``bivariate_normal_cdf(h, k, r)`` is P(X <= h, Y <= k) for standard normals with correlation r,
computed by Genz's (2004) method: Gauss-Legendre quadrature of Plackett's integral over the
correlation for |r| < .925, and Drezner and Wesolowsky's expansion around |r| = 1 above. It is
accurate to about 1e-15 and takes arrays of any broadcastable shape, so the probabilities of
every cell of every item pair's contingency table come from one call.
"""

from __future__ import annotations

import numpy as np
from scipy.special import ndtr

__all__ = ["bivariate_normal_cdf", "bivariate_normal_pdf"]

_X, _W = np.polynomial.legendre.leggauss(20)
_GL6 = np.polynomial.legendre.leggauss(6)
_GL12 = np.polynomial.legendre.leggauss(12)
_TWO_PI = 2.0 * np.pi
_BIG = 38.0          # beyond this a standard normal tail is below double precision


def bivariate_normal_pdf(h: np.ndarray, k: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Density of the standard bivariate normal with correlation ``r`` at ``(h, k)``.

    Infinite coordinates give 0 (the limit), so cell corners at +-inf need no special case.
    """
    h, k, r = np.broadcast_arrays(*(np.asarray(a, dtype=float) for a in (h, k, r)))
    one_minus = 1.0 - r * r
    with np.errstate(invalid="ignore", over="ignore"):
        q = (h * h - 2.0 * r * h * k + k * k) / one_minus
        out = np.exp(-0.5 * q) / (_TWO_PI * np.sqrt(one_minus))
    return np.where(np.isfinite(h) & np.isfinite(k), out, 0.0)


def _upper(h: np.ndarray, k: np.ndarray, r: np.ndarray) -> np.ndarray:
    """P(X > h, Y > k) for finite h, k (Genz's BVND), elementwise on equal-shaped arrays."""
    out = np.empty_like(h)
    ar = np.abs(r)
    # Genz's node counts: 6 for |r| < .3, 12 for |r| < .75, 20 up to .925 (each to ~1e-16)
    for lo, hi, (xs, ws) in ((0.0, 0.3, _GL6), (0.3, 0.75, _GL12), (0.75, 0.925, (_X, _W))):
        mid = (ar >= lo) & (ar < hi)
        if not mid.any():
            continue
        hm, km, rm = h[mid], k[mid], r[mid]
        hk = hm * km
        hs = 0.5 * (hm * hm + km * km)
        asr = np.arcsin(rm)
        sn = np.sin(np.multiply.outer(asr, 0.5 * (1.0 + xs)))              # (m, nodes)
        terms = np.exp((sn * hk[:, None] - hs[:, None]) / (1.0 - sn * sn))
        out[mid] = (terms @ ws) * asr / (2.0 * _TWO_PI) + ndtr(-hm) * ndtr(-km)
    high = ar >= 0.925
    if high.any():
        hh, kk, rr = h[high], k[high].copy(), r[high]
        neg = rr < 0
        kk[neg] = -kk[neg]
        hk = hh * kk
        bvn = np.zeros_like(hh)
        inner = np.abs(rr) < 1.0
        if inner.any():
            hi, ki, hki, ri = hh[inner], kk[inner], hk[inner], rr[inner]
            a_s = (1.0 - ri) * (1.0 + ri)
            a = np.sqrt(a_s)
            bs = (hi - ki) ** 2
            c = (4.0 - hki) / 8.0
            d = (12.0 - hki) / 16.0
            val = a * np.exp(-0.5 * (bs / a_s + hki)) * (
                1.0 - c * (bs - a_s) * (1.0 - d * bs / 5.0) / 3.0 + c * d * a_s * a_s / 5.0)
            b = np.sqrt(bs)
            tail = np.where(
                hki > -160.0,
                np.exp(-0.5 * hki) * np.sqrt(_TWO_PI) * ndtr(-b / a) * b
                * (1.0 - c * bs * (1.0 - d * bs / 5.0) / 3.0),
                0.0)
            val = val - tail
            half = 0.5 * a
            xs = (np.multiply.outer(half, 1.0 + _X)) ** 2                  # (m, nodes)
            rs = np.sqrt(1.0 - xs)
            asr = -0.5 * (bs[:, None] / xs + hki[:, None])
            with np.errstate(over="ignore", invalid="ignore"):
                body = half[:, None] * np.exp(asr) * (
                    np.exp(-hki[:, None] * xs / (2.0 * (1.0 + rs) ** 2)) / rs
                    - (1.0 + c[:, None] * xs * (1.0 + d[:, None] * xs)))
            body = np.where(asr > -100.0, body, 0.0)
            val = val + body @ _W
            bvn[inner] = -val / _TWO_PI
        pos = ~neg
        bvn[pos] += ndtr(-np.maximum(hh[pos], kk[pos]))
        bvn[neg] = -bvn[neg]
        flip = neg & (kk > hh)
        bvn[flip] += ndtr(kk[flip]) - ndtr(hh[flip])
        out[high] = bvn
    return np.clip(out, 0.0, 1.0)


def bivariate_normal_cdf(h: np.ndarray, k: np.ndarray, r: np.ndarray) -> np.ndarray:
    """P(X <= h, Y <= k) for standard normals X, Y with correlation ``r`` (-1 <= r <= 1).

    Parameters
    ----------
    h, k : array_like
        Upper limits; +-inf allowed.
    r : array_like
        Correlations, broadcast against ``h`` and ``k``.

    Returns
    -------
    numpy.ndarray
        The probabilities, in the broadcast shape.
    """
    h, k, r = np.broadcast_arrays(*(np.asarray(a, dtype=float) for a in (h, k, r)))
    shape = h.shape
    h, k, r = h.ravel(), k.ravel(), r.ravel()
    out = np.empty(h.shape)
    lo = (h == -np.inf) | (k == -np.inf)
    h_inf, k_inf = h == np.inf, k == np.inf
    out[lo] = 0.0
    only_k = h_inf & ~lo
    out[only_k] = ndtr(k[only_k])
    only_h = k_inf & ~lo & ~h_inf
    out[only_h] = ndtr(h[only_h])
    rest = ~(lo | h_inf | k_inf)
    if rest.any():
        hr = np.clip(h[rest], -_BIG, _BIG)
        kr = np.clip(k[rest], -_BIG, _BIG)
        out[rest] = _upper(-hr, -kr, r[rest])
    return out.reshape(shape)
