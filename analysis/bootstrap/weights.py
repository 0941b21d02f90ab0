"""Resample draws as case-weight vectors, seeded and independent of the number of workers.

A nonparametric bootstrap resample of ``n`` rows is fully described by how often each row was
drawn: a vector of non-negative integer counts summing to ``n`` (to each group's size when rows
are resampled within groups). Both bootstrap paths consume these count vectors: the closed form
turns them into weighted cross-products, the general path into weighted sample moments (or into
the resampled rows themselves).

Reproducibility contract: resample ``b`` belongs to chunk ``b // CHUNK_SIZE``; chunk ``c`` draws
from ``numpy.random.default_rng(SeedSequence(seed).spawn(n_chunks)[c])``. The chunking does not
depend on the number of workers, so the same seed gives the same resamples with 1 or 16 workers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from craftwave.instruments.errors import DataError

#: Resamples per chunk: the unit of work and of seeding. Part of the seed contract: changing it
#: changes which resamples a seed produces.
CHUNK_SIZE = 250


@dataclass(frozen=True)
class WeightChunk:
    """One chunk of resamples: rows ``start`` to ``start + counts.shape[0]`` of the full draw."""

    start: int
    counts: np.ndarray  # (m, n) integer counts


def chunk_bounds(n_boot: int, chunk_size: int = CHUNK_SIZE) -> list[tuple[int, int]]:
    """Start and stop of every chunk of ``n_boot`` resamples."""
    if n_boot < 1:
        raise DataError(f"the number of bootstrap resamples must be at least 1; got {n_boot}")
    return [(s, min(s + chunk_size, n_boot)) for s in range(0, n_boot, chunk_size)]


def _group_rows(n: int, groups: Sequence | np.ndarray | None) -> list[np.ndarray]:
    if groups is None:
        return [np.arange(n)]
    g = np.asarray(groups)
    if g.shape != (n,):
        raise DataError(f"groups must have one entry per row ({n}); got shape {g.shape}")
    _, codes = np.unique(g, return_inverse=True)
    return [np.flatnonzero(codes == k) for k in range(codes.max() + 1)]


def draw_chunk(
    n: int, m: int, rng: np.random.Generator, groups: Sequence | np.ndarray | None = None
) -> np.ndarray:
    """Draw ``m`` resamples of ``n`` rows (within groups) as an ``(m, n)`` count matrix.

    Each resample draws row indices uniformly with replacement, as ``sample(n, replace=TRUE)``
    does, and counts them; group sizes are kept fixed.
    """
    offsets = (np.arange(m, dtype=np.int64) * n)[:, None]
    if groups is None:
        parts = [rng.integers(0, n, size=(m, n)) + offsets]
    else:
        parts = [rows[rng.integers(0, rows.size, size=(m, rows.size))] + offsets
                 for rows in _group_rows(n, groups)]
    flat = parts[0].ravel() if len(parts) == 1 else np.concatenate([p.ravel() for p in parts])
    return np.bincount(flat, minlength=m * n).reshape(m, n)


def chunk_generators(seed: int | np.random.SeedSequence | None, n_chunks: int) -> list:
    """One independent generator seed per chunk, spawned from one ``SeedSequence``."""
    ss = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
    return ss.spawn(n_chunks)


def iter_weight_chunks(
    n: int,
    n_boot: int,
    seed: int | None,
    groups: Sequence | np.ndarray | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[WeightChunk]:
    """Yield the resamples chunk by chunk (the same chunks whatever consumes them)."""
    bounds = chunk_bounds(n_boot, chunk_size)
    for (start, stop), child in zip(bounds, chunk_generators(seed, len(bounds)), strict=True):
        yield WeightChunk(start, draw_chunk(n, stop - start, np.random.default_rng(child), groups))


def resample_weights(
    n: int,
    n_boot: int,
    seed: int | None,
    groups: Sequence | np.ndarray | None = None,
) -> np.ndarray:
    """All ``n_boot`` resamples of ``n`` rows as one ``(n_boot, n)`` count matrix.

    Parameters
    ----------
    n : int
        Number of rows (cases).
    n_boot : int
        Number of resamples.
    seed : int or None
        Seed of the ``SeedSequence`` the chunks' generators are spawned from.
    groups : array-like, optional
        Group membership per row; rows are then resampled within groups.

    Returns
    -------
    numpy.ndarray
        Integer counts, one row per resample; each row sums to ``n``.

    Examples
    --------
    >>> w = resample_weights(5, 3, seed=1)
    >>> w.shape, w.sum(axis=1).tolist()
    ((3, 5), [5, 5, 5])
    """
    return np.concatenate([c.counts for c in iter_weight_chunks(n, n_boot, seed, groups)])


def jackknife_weights(n: int) -> np.ndarray:
    """Leave-one-out case weights: row ``i`` is all ones except a zero at ``i``."""
    return np.ones((n, n)) - np.eye(n)
