"""Complete-data ML for many resamples at once: batched Fisher scoring on a compiled model.

The SEM engine (:mod:`craftwave.analysis.sem`) compiles a model once into LISREL-style matrices and index
maps. A bootstrap of complete data changes only the sample moments, so all resamples can be
refitted together: the model-implied moments, the analytic gradient and the expected information
of every resample are stacked along a leading axis and each Fisher-scoring step is one batched
solve. Every resample starts from the full-sample estimate (a warm start) and usually converges
in two or three steps. The objective, gradient and information are the engine's (lavaan's ML
fit function, with fixed.x covariates at each resample's own sample moments, as lavaan updates
them per draw); only the bookkeeping is vectorised.
"""

from __future__ import annotations

import numpy as np

from craftwave.analysis.sem.specification import ALPHA, BETA, LAMBDA, NU, PSI, THETA, CompiledModel

_SYMMETRIC = (PSI, THETA)


class GroupData:
    """One group's complete data, centred once, with the products needed for weighted moments."""

    def __init__(self, Y: np.ndarray) -> None:
        self.Y = np.asarray(Y, dtype=float)
        self.n, self.p = self.Y.shape
        self.center = self.Y.mean(axis=0)
        yc = self.Y - self.center
        self._yc = yc
        self._outer = (yc[:, :, None] * yc[:, None, :]).reshape(self.n, -1)

    def moments(self, w: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Weighted (S, ybar, n) of each row of case weights ``w`` (B x n); S divides by n."""
        w = np.asarray(w, dtype=float)
        tot = w.sum(axis=1)
        dc = (w @ self._yc) / tot[:, None]
        raw = (w @ self._outer).reshape(-1, self.p, self.p) / tot[:, None, None]
        S = raw - dc[:, :, None] * dc[:, None, :]
        return S, self.center + dc, tot


def _batched_inverse(Sigma: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Inverse and log-determinant of a stack of matrices; ``ok`` False where not PD."""
    b = Sigma.shape[0]
    ok = np.ones(b, dtype=bool)
    try:
        L = np.linalg.cholesky(Sigma)
    except np.linalg.LinAlgError:
        ev = np.linalg.eigvalsh(Sigma)[:, 0]
        ok = ev > 0
        L = np.zeros_like(Sigma)
        if ok.any():
            L[ok] = np.linalg.cholesky(Sigma[ok])
    eye = np.broadcast_to(np.eye(Sigma.shape[1]), Sigma.shape)
    P = np.full_like(Sigma, np.nan)
    logdet = np.full(b, np.inf)
    if ok.any():
        Li = np.linalg.solve(L[ok], eye[ok])
        P[ok] = np.swapaxes(Li, 1, 2) @ Li
        logdet[ok] = 2.0 * np.log(np.diagonal(L[ok], axis1=1, axis2=2)).sum(axis=1)
    return P, logdet, ok


class BatchedML:
    """Batched complete-data ML fits of a compiled model.

    Parameters
    ----------
    model : CompiledModel
        The engine's compiled model (compiled once).
    groups : list of ndarray
        Each group's complete data matrix, columns in ``model.ov_names`` order.
    """

    def __init__(self, model: CompiledModel, groups: list[np.ndarray]) -> None:
        self.data = [GroupData(Y) for Y in groups]
        self.N = float(sum(g.n for g in self.data))
        self._compile(model)

    def _compile(self, model: CompiledModel) -> None:
        """The data-free part: base matrices, fixed.x rows and free-row maps of every group."""
        self.model = model
        self.nf = model.n_free
        ov_i = {v: i for i, v in enumerate(model.ov_names)}
        self._exo: list[list[tuple]] = []
        self._base: list[list[np.ndarray]] = []
        self._free: list[dict] = []
        self._R: list[np.ndarray] = []
        for gi in range(model.n_groups):
            self._base.append(model.base_matrices(gi, None))
            exo = []
            for row in model.rows:
                if row.group == gi and row.exo and row.mat >= 0:
                    i = ov_i[row.lhs]
                    j = ov_i[row.rhs] if row.op == "~~" else -1
                    exo.append((row.mat, row.r, row.c, i, j))
            self._exo.append(exo)
            fr = model.free_row_map(gi)
            self._free.append(fr)
            R = np.zeros((fr["pidx"].size, self.nf))
            R[np.arange(fr["pidx"].size), fr["pidx"]] = 1.0
            self._R.append(R)

    def moments(self, weights: list[np.ndarray]) -> list[tuple]:
        """Per group, a tuple of arrays with one leading row per resample (what evaluate reads)."""
        return [g.moments(w) for g, w in zip(self.data, weights, strict=True)]

    # -- matrices -------------------------------------------------------------------------------
    def _matrices(self, theta: np.ndarray, gi: int, S: np.ndarray, ybar: np.ndarray) -> list:
        b = theta.shape[0]
        mats = [np.broadcast_to(a, (b, *a.shape)).copy() for a in self._base[gi]]
        for code, r, c, i, j in self._exo[gi]:
            val = S[:, i, j] if j >= 0 else ybar[:, i]
            if code in (NU, ALPHA):
                mats[code][:, r] = val
            else:
                mats[code][:, r, c] = val
                if code in _SYMMETRIC:
                    mats[code][:, c, r] = val
        fr = self._free[gi]
        vals = theta[:, fr["pidx"]]
        for code in range(6):
            sel = fr["mat"] == code
            if not sel.any():
                continue
            r, c, v = fr["r"][sel], fr["c"][sel], vals[:, sel]
            if code in (NU, ALPHA):
                mats[code][:, r] = v
            else:
                mats[code][:, r, c] = v
                if code in _SYMMETRIC:
                    mats[code][:, c, r] = v
        return mats

    def _parts(self, theta, gi, S, ybar):
        L, B, Ps, Th, nu, al = self._matrices(theta, gi, S, ybar)
        m = B.shape[1]
        A = np.linalg.inv(np.eye(m)[None] - B)
        G = L @ A
        Sigma = G @ Ps @ np.swapaxes(G, 1, 2) + Th
        mu = nu + np.einsum("bpm,bm->bp", G, al)
        return {"A": A, "G": G, "Psi": Ps, "alpha": al, "Sigma": Sigma, "mu": mu}

    def _derivatives(self, pr: dict, gi: int):
        fr = self._free[gi]
        mat, r, c = fr["mat"], fr["r"], fr["c"]
        G, A = pr["G"], pr["A"]
        b, p = G.shape[0], G.shape[1]
        K = mat.size
        M = A @ pr["Psi"] @ np.swapaxes(G, 1, 2)          # b x m x p
        Aal = np.einsum("bij,bj->bi", A, pr["alpha"])      # b x m
        Gt = np.swapaxes(G, 1, 2)                          # b x m x p
        U = np.zeros((b, K, p))
        V = np.zeros((b, K, p))
        D = np.zeros((b, K, p))
        ks = np.arange(K)
        s = mat == LAMBDA
        if s.any():
            U[:, ks[s], r[s]] = 1.0
            V[:, s] = M[:, c[s]]
            D[:, ks[s], r[s]] = Aal[:, c[s]]
        s = mat == BETA
        if s.any():
            U[:, s] = Gt[:, r[s]]
            V[:, s] = M[:, c[s]]
            D[:, s] = Gt[:, r[s]] * Aal[:, c[s]][:, :, None]
        s = mat == PSI
        if s.any():
            half = np.where(r[s] == c[s], 0.5, 1.0)
            U[:, s] = Gt[:, r[s]]
            V[:, s] = Gt[:, c[s]] * half[None, :, None]
        s = mat == THETA
        if s.any():
            half = np.where(r[s] == c[s], 0.5, 1.0)
            U[:, ks[s], r[s]] = 1.0
            V[:, ks[s], c[s]] = half
        s = mat == NU
        if s.any():
            D[:, ks[s], r[s]] = 1.0
        s = mat == ALPHA
        if s.any():
            D[:, s] = Gt[:, r[s]]
        if not self.model.meanstructure:
            D[:] = 0.0
        return U, V, D

    # -- objective, gradient, information ---------------------------------------------------------
    def evaluate(self, theta: np.ndarray, moments: list, grad: bool = True, info: bool = True):
        """F (without the constant log|S| term), gradient and expected information per resample."""
        b = theta.shape[0]
        f = np.zeros(b)
        g_out = np.zeros((b, self.nf)) if grad else None
        i_out = np.zeros((b, self.nf, self.nf)) if info else None
        ok = np.ones(b, dtype=bool)
        total = sum(m[2] for m in moments)
        for gi, (S, ybar, n) in enumerate(moments):
            pr = self._parts(theta, gi, S, ybar)
            P, logdet, good = _batched_inverse(pr["Sigma"])
            ok &= good
            d = (ybar - pr["mu"]) if self.model.meanstructure else np.zeros_like(ybar)
            Pd = np.einsum("bij,bj->bi", P, d)
            wgt = n / total
            fg = 0.5 * (logdet + np.einsum("bij,bji->b", S, P) + np.einsum("bi,bi->b", d, Pd))
            f += wgt * np.where(good, fg, np.inf)
            if not (grad or info):
                continue
            U, V, D = self._derivatives(pr, gi)
            R = self._R[gi]
            if grad:
                T = S + d[:, :, None] * d[:, None, :]
                Wc = 0.5 * (P - P @ T @ P)
                rows = 2.0 * np.einsum("bkp,bkp->bk", U @ Wc, V) - np.einsum("bkp,bp->bk", D, Pd)
                g_out += wgt[:, None] * (rows @ R)
            if info:
                PU, PV = U @ P, V @ P
                Ut, Vt = np.swapaxes(U, 1, 2), np.swapaxes(V, 1, 2)
                VU = PV @ Ut
                rows = VU * np.swapaxes(VU, 1, 2) + (PV @ Vt) * (PU @ Ut)
                if self.model.meanstructure:
                    rows = rows + D @ P @ np.swapaxes(D, 1, 2)
                i_out += wgt[:, None, None] * (R.T[None] @ rows @ R[None])
        f[~ok] = np.inf
        return f, g_out, i_out, ok

    def fit(
        self,
        weights: list[np.ndarray],
        theta0: np.ndarray,
        *,
        max_iter: int = 500,
        tol: float = 1e-12,
        fisher_steps: int = 3,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Fit every resample (one row of case weights per group) from the warm start ``theta0``.

        The first ``fisher_steps`` steps are Fisher scoring (fresh expected information each
        step: quadratic convergence where the model fits, e.g. path models); after them the
        curvature is carried on by BFGS updates, because Fisher scoring converges only linearly
        in a misfitting model. Steps are halved until F decreases.

        Returns
        -------
        theta : ndarray, shape (B, n_free)
            NaN rows where the implied covariance matrix stopped being positive definite.
        converged : ndarray of bool, shape (B,)
            Same criterion as the engine's optimiser: Newton decrement below ``tol``.
        """
        moments = self.moments(weights)
        b = moments[0][0].shape[0]
        theta = np.tile(np.asarray(theta0, dtype=float), (b, 1))
        f, g, H, ok = self.evaluate(theta, moments)
        converged = np.zeros(b, dtype=bool)
        failed = ~ok
        active = np.flatnonzero(ok)
        eye = 1e-10 * np.eye(self.nf)
        mom, mom_rows = moments, np.arange(b)
        for it in range(max_iter):
            if active.size == 0:
                break
            if active.size != mom_rows.size:  # active only shrinks: subset the moments then
                mom = [tuple(x[active] for x in m) for m in moments]
                mom_rows = active
            if 0 < it < fisher_steps:  # Fisher scoring first: fresh expected information
                H[active] = self.evaluate(theta[active], mom, grad=False)[2]
            step = _solve_each(H[active] + eye, g[active])
            dec = np.einsum("bi,bi->b", g[active], step)
            bad = ~np.isfinite(dec) | (dec <= 0)
            if bad.any():  # curvature lost: fall back to the expected information
                sub = [tuple(x[bad] for x in m) for m in mom]
                H[active[bad]] = self.evaluate(theta[active[bad]], sub, grad=False)[2]
                step[bad] = _solve_each(H[active[bad]] + eye, g[active[bad]])
                dec[bad] = np.einsum("bi,bi->b", g[active[bad]], step[bad])
            # converged, or the decrement is below what double precision resolves in F
            done = (dec < tol) | (dec < 1e-13 * np.maximum(np.abs(f[active]), 1.0))
            converged[active[done]] = True
            t = np.ones(active.size)
            pending = np.flatnonzero(~done)
            new_th = theta[active].copy()
            new_f = f[active].copy()
            new_g = g[active].copy()
            moved = np.zeros(active.size, dtype=bool)
            while pending.size:
                sel = active[pending]
                cand = theta[sel] - t[pending, None] * step[pending]
                sub = mom if pending.size == active.size else [
                    tuple(x[pending] for x in m) for m in mom]
                fc, gc, _, okc = self.evaluate(cand, sub, info=False)
                accept = okc & np.isfinite(fc) & (fc <= f[sel] - 1e-4 * t[pending] * dec[pending])
                acc = pending[accept]
                new_th[acc], new_f[acc], new_g[acc] = cand[accept], fc[accept], gc[accept]
                moved[acc] = True
                t[pending[~accept]] *= 0.5
                pending = pending[~accept]
                pending = pending[t[pending] > 1e-12]
            stuck = ~done & ~moved
            near = stuck & ((dec < 1e3 * tol) | (np.abs(f[active]) * 1e-13 > dec))
            converged[active[near]] = True
            # BFGS update of the curvature of the resamples that moved
            mv = np.flatnonzero(moved)
            if mv.size:
                idx = active[mv]
                s_ = new_th[mv] - theta[idx]
                y_ = new_g[mv] - g[idx]
                ys = np.einsum("bi,bi->b", y_, s_)
                Hs = np.einsum("bij,bj->bi", H[idx], s_)
                sHs = np.einsum("bi,bi->b", s_, Hs)
                upd = (ys > 1e-14 * np.abs(sHs)) & (sHs > 0)
                Hn = (H[idx] + y_[:, :, None] * y_[:, None, :] / np.where(upd, ys, 1.0)[:, None, None]
                      - Hs[:, :, None] * Hs[:, None, :] / np.where(upd, sHs, 1.0)[:, None, None])
                H[idx[upd]] = Hn[upd]
                theta[idx], f[idx], g[idx] = new_th[mv], new_f[mv], new_g[mv]
            active = active[moved]
        theta[failed] = np.nan
        return theta, converged & ~failed


def _solve_each(A: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Batched solve; singular systems fall back to the gradient direction."""
    try:
        return np.linalg.solve(A, b[:, :, None])[:, :, 0]
    except np.linalg.LinAlgError:
        out = b.copy()
        for i in range(b.shape[0]):
            try:
                out[i] = np.linalg.solve(A[i], b[i])
            except np.linalg.LinAlgError:
                pass
        return out
