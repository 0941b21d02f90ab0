"""FIML for many resamples at once: one fixed set of missing-data patterns, reweighted.

A bootstrap resample only reweights the rows, so a row keeps its missing-data pattern: the
patterns, their observed-variable index sets, the rows in each and the index arrays that cut
each pattern's block out of Sigma are found once for the data and shared by every resample. A
resample's sufficient statistics are, per pattern, the weighted count, sum and cross-product
sum of its rows: one matrix product of the chunk's count matrix with the pattern's rows.

The FIML objective of a whole batch is then evaluated at once, without factoring any pattern's
k x k block: with P = Sigma^-1 (one p x p Cholesky per resample), the Schur-complement identities
give each pattern's log-determinant, inverse and regression of the missing on the observed
variables from P's m x m missing block, and the gradient is the complete-data one at the expected
cross-products (Fisher's identity), chained to the free parameters by the rank-2 derivative of
Sigma per free element as the engine does (:meth:`BatchedFIML.evaluate`).

Every resample starts from the full-sample estimate and the inverse of the full-sample Hessian of
F (central differences of the analytic gradient, computed once); BFGS updates carry the curvature
on. At N = 1,000 a resample's Hessian differs from the full sample's by a few per cent, so the
first quasi-Newton step already lands close and about 13 iterations reach the engine's own
convergence criterion (every step below 1e-9 (1 + |theta|)).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from craftwave.analysis.bootstrap.batched_ml import BatchedML, _batched_inverse
from craftwave.analysis.sem.specification import CompiledModel
from craftwave.instruments.errors import DataError

LOG2PI = np.log(2.0 * np.pi)


class _Block:
    """Incomplete missing-data patterns of one group with the same number ``m`` of missing
    variables (so the same number ``k = p - m`` observed)."""

    def __init__(self, obs: np.ndarray, mis: np.ndarray, rows: list[np.ndarray], Yc: np.ndarray,
                 p: int) -> None:
        self.obs, self.mis, self.rows = obs, mis, rows      # (P, k), (P, m), rows per pattern
        self.k, self.m = obs.shape[1], mis.shape[1]
        # each pattern's rows with their observed values and cross-products: [y, vec(y y')]
        self.stats = []
        for pi, r in enumerate(rows):
            Yo = Yc[np.ix_(r, obs[pi])]
            self.stats.append(np.hstack([Yo, (Yo[:, :, None] * Yo[:, None, :]).reshape(r.size, -1)]))
        # index arrays that cut each pattern's blocks out of a p x p matrix, made once
        self.mm = (mis[:, :, None], mis[:, None, :])
        self.mo = (mis[:, :, None], obs[:, None, :])
        # scatter of the patterns' m x k and m x m blocks (and m-vectors) back into p x p (p)
        self.scatter_mo = _scatter((mis[:, :, None] * p + obs[:, None, :]).ravel(), p * p)
        self.scatter_mm = _scatter((mis[:, :, None] * p + mis[:, None, :]).ravel(), p * p)
        self.scatter_m = _scatter(mis.ravel(), p)

    def moments(self, w: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Weighted count (B, P), sum (B, P, k) and cross-product sum (B, P, k, k)."""
        b, k, P = w.shape[0], self.k, len(self.rows)
        n = np.empty((b, P))
        s1 = np.empty((b, P, k))
        m2 = np.empty((b, P, k * k))
        for pi, r in enumerate(self.rows):
            wr = w[:, r]
            n[:, pi] = wr.sum(axis=1)
            prod = wr @ self.stats[pi]
            s1[:, pi] = prod[:, :k]
            m2[:, pi] = prod[:, k:]
        return n, s1, m2.reshape(b, P, k, k)


def _scatter(flat: np.ndarray, size: int) -> sparse.csr_matrix:
    """Sparse (size x len(flat)) map that adds entry e of a block to position flat[e]."""
    return sparse.csr_matrix((np.ones(flat.size), (flat, np.arange(flat.size))),
                             shape=(size, flat.size))


def _add(target: np.ndarray, scatter: sparse.csr_matrix, values: np.ndarray) -> None:
    """target (B, size) += each row of values (B, ...) scattered by ``scatter``."""
    target += (scatter @ values.reshape(values.shape[0], -1).T).T


class _GroupPatterns:
    """One group's data split once into missing-data patterns (centred at the observed means).

    What does not depend on the parameters is summed once per resample over every row: the
    cross-products of the observed values (``M2``), their sums where the other variable is also
    observed (``S1``) and the counts of rows observing both (``N2``); with them the observed
    part of the expected cross-product matrix is a few element-wise products at any mu. Only
    the incomplete patterns need their own statistics.
    """

    def __init__(self, Y: np.ndarray, x_idx: list[int]) -> None:
        Y = np.asarray(Y, dtype=float)
        self.n, self.p = Y.shape
        p = self.p
        R = ~np.isnan(Y)
        if not R.any(axis=1).all():
            raise DataError("every row must have at least one observed value")
        # centring keeps the raw cross-product sums well conditioned
        self.center = np.array([Y[R[:, j], j].mean() if R[:, j].any() else 0.0 for j in range(p)])
        Yc = np.where(R, Y - self.center, 0.0)
        Rf = R.astype(float)
        self._rowstats = np.hstack([
            Rf, Yc,
            (Yc[:, :, None] * Yc[:, None, :]).reshape(-1, p * p),
            (Yc[:, :, None] * Rf[:, None, :]).reshape(-1, p * p),
            (Rf[:, :, None] * Rf[:, None, :]).reshape(-1, p * p)])
        self.k_total = Rf.sum(axis=1)                       # observed values per row
        codes, inverse = np.unique(R, axis=0, return_inverse=True)
        inverse = np.asarray(inverse).reshape(-1)
        pats = [(np.flatnonzero(code), np.flatnonzero(~code), np.flatnonzero(inverse == i))
                for i, code in enumerate(codes)]
        self.n_patterns = len(pats)
        self.blocks = []
        for m in sorted({mis.size for _, mis, _ in pats} - {0}):
            sel = [t for t in pats if t[1].size == m]
            self.blocks.append(_Block(np.array([t[0] for t in sel]), np.array([t[1] for t in sel]),
                                      [t[2] for t in sel], Yc, p))
        self.x_idx = list(x_idx)
        self._x = Y[:, self.x_idx] if self.x_idx else None

    def moments(self, w: np.ndarray) -> tuple:
        """(n, S, ybar, sum k, N1, S1vec, M2, S1, N2, *per block (n, sum, cross-products)); S and
        ybar of the fixed.x covariates only (the rest zero: they are complete in every row)."""
        w = np.asarray(w, dtype=float)
        b, p = w.shape[0], self.p
        tot = w.sum(axis=1)
        S = np.zeros((b, p, p))
        ybar = np.zeros((b, p))
        if self._x is not None:
            xbar = (w @ self._x) / tot[:, None]
            xc = self._x[None, :, :] - xbar[:, None, :]
            Sx = np.einsum("bn,bni,bnj->bij", w, xc, xc) / tot[:, None, None]
            ix = np.array(self.x_idx)
            S[:, ix[:, None], ix[None, :]] = Sx
            ybar[:, ix] = xbar
        agg = w @ self._rowstats
        pp = p * p
        out: list[np.ndarray] = [
            tot, S, ybar, w @ self.k_total, agg[:, :p], agg[:, p:2 * p],
            agg[:, 2 * p:2 * p + pp].reshape(b, p, p),
            agg[:, 2 * p + pp:2 * p + 2 * pp].reshape(b, p, p),
            agg[:, 2 * p + 2 * pp:].reshape(b, p, p)]
        for blk in self.blocks:
            out.extend(blk.moments(w))
        return tuple(out)


class BatchedFIML(BatchedML):
    """Batched FIML fits of a compiled model on resamples of one fixed data set.

    Parameters
    ----------
    model : CompiledModel
        The engine's compiled model (compiled once).
    groups : list of ndarray
        Each group's data matrix with NaN for missing values, columns in ``model.ov_names``
        order; every row has at least one observed value (and observed fixed.x covariates).
    """

    def __init__(self, model: CompiledModel, groups: list[np.ndarray]) -> None:
        self._compile(model)
        x_idx = [model.ov_names.index(v) for v in model.ov_x] if model.fixed_x else []
        self.data = [_GroupPatterns(Y, x_idx) for Y in groups]
        self.N = float(sum(g.n for g in self.data))
        self._hessian: np.ndarray | None = None

    @property
    def n_patterns(self) -> int:
        """Missing-data patterns over all groups."""
        return sum(g.n_patterns for g in self.data)

    def moments(self, weights: list[np.ndarray]) -> list[tuple]:
        return [g.moments(w) for g, w in zip(self.data, weights, strict=True)]

    def set_hessian(self, theta: np.ndarray, h: float = 1e-5) -> np.ndarray:
        """The full-sample Hessian of F at ``theta`` (central differences of the analytic
        gradient, all 2 x n_free points in one batch): every resample's starting curvature."""
        nf = self.nf
        E = h * np.eye(nf)
        pts = np.vstack([theta + E, theta - E])
        weights = [np.ones((pts.shape[0], g.n)) for g in self.data]
        _, grads, _, ok = self.evaluate(pts, self.moments(weights), info=False)
        if not ok.all():
            raise np.linalg.LinAlgError("the implied covariance matrix is not positive "
                                        "definite next to the estimate")
        H = 0.5 * (grads[:nf] - grads[nf:]).T / (2.0 * h)
        self._hessian = H + H.T
        # its inverse starts every resample's BFGS (eigenvalues kept positive)
        ev, vec = np.linalg.eigh(self._hessian)
        ev = np.maximum(ev, 1e-8 * max(float(ev.max()), 1e-300))
        self._hinv = (vec / ev) @ vec.T
        return self._hessian

    def fit(self, weights: list[np.ndarray], theta0: np.ndarray, *, max_iter: int = 500,
            tol: float = 1e-12, step_tol: float = 1e-9) -> tuple[np.ndarray, np.ndarray]:
        """Fit every resample from the warm start ``theta0`` by BFGS on the inverse Hessian,
        started from the full-sample one (:meth:`set_hessian` first).

        Converged when every coordinate of the quasi-Newton step is below
        ``step_tol * (1 + |theta|)`` (the engine's criterion); steps are halved until F
        decreases (or, at F's rounding floor, until the gradient shrinks).

        Returns
        -------
        theta : ndarray, shape (B, n_free)
            NaN rows where the implied covariance matrix stopped being positive definite.
        converged : ndarray of bool, shape (B,)
        """
        if self._hessian is None:
            raise ValueError("call set_hessian(theta_hat) before fitting")
        moments = self.moments(weights)
        b = moments[0][0].shape[0]
        theta_out = np.tile(np.asarray(theta0, dtype=float), (b, 1))
        f, g, _, ok = self.evaluate(theta_out, moments, info=False)
        converged = np.zeros(b, dtype=bool)
        failed = ~ok
        # work arrays hold only the resamples still iterating
        idx = np.flatnonzero(ok)
        mom = [tuple(x[idx] for x in m) for m in moments] if idx.size < b else moments
        theta, f, g = theta_out[idx], f[idx], g[idx]
        Hi = np.broadcast_to(self._hinv, (idx.size, self.nf, self.nf)).copy()
        for _ in range(max_iter):
            if idx.size == 0:
                break
            step = np.einsum("bij,bj->bi", Hi, g)
            dec = np.einsum("bi,bi->b", g, step)
            bad = ~np.isfinite(dec) | (dec <= 0)
            if bad.any():  # curvature lost: back to the full-sample Hessian
                Hi[bad] = self._hinv
                step[bad] = g[bad] @ self._hinv
                dec[bad] = np.einsum("bi,bi->b", g[bad], step[bad])
            rel = np.abs(step) / (1.0 + np.abs(theta))
            done = np.isfinite(dec) & (rel.max(axis=1) < step_tol)
            converged[idx[done]] = True
            theta_out[idx[done]] = theta[done]
            t = np.ones(idx.size)
            pending = np.flatnonzero(~done)
            new_th, new_f, new_g = theta.copy(), f.copy(), g.copy()
            moved = np.zeros(idx.size, dtype=bool)
            while pending.size:
                cand = theta[pending] - t[pending, None] * step[pending]
                sub = mom if pending.size == idx.size else [
                    tuple(x[pending] for x in m) for m in mom]
                fc, gc, _, okc = self.evaluate(cand, sub, info=False)
                fp = f[pending]
                accept = okc & np.isfinite(fc) & (fc <= fp - 1e-4 * t[pending] * dec[pending])
                # at the rounding floor of F: a full step that shrinks the gradient
                flat = np.abs(fc - fp) <= 1e-13 * (1.0 + np.abs(fp))
                shrink = np.abs(gc).max(axis=1) < np.abs(g[pending]).max(axis=1)
                accept |= okc & (t[pending] == 1.0) & flat & shrink
                acc = pending[accept]
                new_th[acc], new_f[acc], new_g[acc] = cand[accept], fc[accept], gc[accept]
                moved[acc] = True
                t[pending[~accept]] *= 0.5
                pending = pending[~accept]
                pending = pending[t[pending] > 1e-12]
            stuck = ~done & ~moved
            near = stuck & ((dec < 1e3 * tol) | (np.abs(f) * 1e-13 > dec))
            converged[idx[near]] = True
            theta_out[idx[stuck]] = theta[stuck]
            # BFGS update of the inverse Hessian of the resamples that moved
            mv = np.flatnonzero(moved)
            if mv.size:
                s_ = new_th[mv] - theta[mv]
                y_ = new_g[mv] - g[mv]
                ys = np.einsum("bi,bi->b", y_, s_)
                Hy = np.einsum("bij,bj->bi", Hi[mv], y_)
                yHy = np.einsum("bi,bi->b", y_, Hy)
                upd = ys > 1e-14 * np.maximum(np.abs(yHy), 1e-300)
                if upd.any():
                    # Hi += c s s' - rho (Hy s' + s Hy'), as one rank-2 product
                    rho = np.where(upd, 1.0 / np.where(upd, ys, 1.0), 0.0)
                    c = (1.0 + rho * yHy) * rho
                    left = np.stack([c[:, None] * s_ - rho[:, None] * Hy, -rho[:, None] * s_], axis=2)
                    right = np.stack([s_, Hy], axis=1)
                    if mv.size == idx.size:
                        Hi += left @ right
                    else:
                        Hi[mv] += left @ right
            theta_out[idx[moved]] = new_th[moved]
            if moved.all():
                theta, f, g = new_th, new_f, new_g
            else:
                keep = moved
                idx = idx[keep]
                mom = [tuple(x[keep] for x in m) for m in mom]
                theta, f, g, Hi = new_th[keep], new_f[keep], new_g[keep], Hi[keep]
        theta_out[failed] = np.nan
        return theta_out, converged & ~failed

    def evaluate(self, theta: np.ndarray, moments: list, grad: bool = True, info: bool = True):
        """F = -loglik / N, its gradient and (as curvature) the full-sample Hessian.

        With P = Sigma^-1, a pattern missing the variables m has log|Sigma_oo| = log|Sigma| +
        log|P_mm|, Sigma_oo^-1 = P_oo - P_om P_mm^-1 P_mo and regression of the missing on the
        observed A = -P_mm^-1 P_mo, so no k x k matrix is factored per pattern. The gradient is
        the complete-data one at the expected cross-products (Fisher's identity):
        dF/dSigma = (N P - P S_hat P) / 2, dF/dmu = -P r_hat, with S_hat filled in the missing
        blocks by A T and A T A' + n P_mm^-1.
        """
        b = theta.shape[0]
        p = self.model.p
        f = np.zeros(b)
        g_out = np.zeros((b, self.nf)) if grad else None
        ok = np.ones(b, dtype=bool)
        total = sum(m[0] for m in moments)
        for gi, (gp, mom) in enumerate(zip(self.data, moments, strict=True)):
            n_tot, S_x, ybar_x, k_tot, N1, S1v, M2, S1, N2 = mom[:9]
            pr = self._parts(theta, gi, S_x, ybar_x)
            P, logdet, good = _batched_inverse(pr["Sigma"])
            ok &= good
            d = pr["mu"] - gp.center                                  # (b, p)
            # observed part of the expected cross-products about mu, all rows at once
            S_hat = (M2 - S1 * d[:, None, :] - np.swapaxes(S1, 1, 2) * d[:, :, None]
                     + N2 * d[:, :, None] * d[:, None, :])
            r_hat = S1v - N1 * d
            fg = k_tot * LOG2PI + n_tot * logdet + np.einsum("bij,bij->b", P, S_hat)
            if grad:
                X_mo = np.zeros((b, p * p))
                X_mm = np.zeros((b, p * p))
                X_m = np.zeros((b, p))
            for bi, blk in enumerate(gp.blocks):
                n, s1, m2 = mom[9 + 3 * bi: 12 + 3 * bi]
                C = P[:, blk.mm[0], blk.mm[1]]                          # (b, P, m, m)
                G = P[:, blk.mo[0], blk.mo[1]]                          # (b, P, m, k)
                C = np.where(good[:, None, None, None], C, np.eye(blk.m))
                if blk.m == 1:  # one item missing: P_mm is a number
                    logdet_c = np.log(C[..., 0, 0])
                    Cinv = 1.0 / C
                elif blk.m == 2:  # two: the 2 x 2 inverse written out
                    a, c2, e = C[..., 0, 0], C[..., 0, 1], C[..., 1, 1]
                    det = a * e - c2 * c2
                    logdet_c = np.log(det)
                    Cinv = np.stack([np.stack([e, -c2], -1), np.stack([-c2, a], -1)], -2)
                    Cinv /= det[..., None, None]
                else:
                    logdet_c = np.linalg.slogdet(C)[1]
                    Cinv = np.linalg.inv(C)
                A = -(Cinv @ G)                                         # (b, P, m, k)
                do = d[:, blk.obs]                                      # (b, P, k)
                # A T with T = sum of (y - mu)(y - mu)' over the pattern's rows, never formed
                As1 = np.einsum("bpmk,bpk->bpm", A, s1)
                Ad = np.einsum("bpmk,bpk->bpm", A, do)
                AT = (A @ m2 - As1[..., :, None] * do[..., None, :]
                      + Ad[..., :, None] * (n[..., None, None] * do[..., None, :]
                                            - s1[..., None, :]))
                fg += np.einsum("bp,bp->b", n, logdet_c) + np.einsum("bpij,bpij->b", G, AT)
                if grad:
                    r = s1 - n[..., None] * do
                    _add(X_mo, blk.scatter_mo, AT)
                    _add(X_mm, blk.scatter_mm, AT @ np.swapaxes(A, 2, 3)
                         + n[..., None, None] * Cinv)
                    _add(X_m, blk.scatter_m, np.einsum("bpmk,bpk->bpm", A, r))
            f += np.where(good, 0.5 * fg, np.inf)
            if grad:
                X_mo = X_mo.reshape(b, p, p)
                S_hat += X_mo + np.swapaxes(X_mo, 1, 2) + X_mm.reshape(b, p, p)
                r_hat += X_m
                Wc = 0.5 * (n_tot[:, None, None] * P - P @ S_hat @ P)
                gmu = -np.einsum("bij,bj->bi", P, r_hat)
                U, V, D = self._derivatives(pr, gi)
                rows = 2.0 * np.einsum("bkp,bkp->bk", U @ Wc, V) + np.einsum("bkp,bp->bk", D, gmu)
                g_out += rows @ self._R[gi]
        f = f / total
        if grad:
            g_out /= total[:, None]
            g_out[~ok] = 0.0
        f[~ok] = np.inf
        i_out = None
        if info:
            if self._hessian is None:
                raise ValueError("call set_hessian(theta_hat) before fitting")
            i_out = np.broadcast_to(self._hessian, (b, self.nf, self.nf)).copy()
        return f, g_out, i_out, ok
