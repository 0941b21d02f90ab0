"""Run the closed-form bootstrap chunk by chunk (threads; the result does not depend on them)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from craftwave.analysis.bootstrap.closed_form import RecursivePathModel
from craftwave.analysis.bootstrap.weights import (
    CHUNK_SIZE,
    chunk_bounds,
    chunk_generators,
    draw_chunk,
)


def _one_chunk(model: RecursivePathModel, m: int, child, groups) -> tuple[np.ndarray, np.ndarray]:
    counts = draw_chunk(model.n, m, np.random.default_rng(child), groups)
    return model.estimates(counts)


def closed_form_draws(
    model: RecursivePathModel,
    n_boot: int,
    seed: int | None,
    n_jobs: int = 1,
    groups: Sequence | np.ndarray | None = None,
    progress: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap parameter vectors of a recursive path model, all resamples solved in batches.

    Parameters
    ----------
    model : RecursivePathModel
        The compiled model (its design matrices and cross-product table are built once).
    n_boot : int
        Number of resamples.
    seed : int or None
        Seed; with the same seed the draws are identical whatever ``n_jobs``.
    n_jobs : int
        Threads across chunks (NumPy's matrix products and solves release the GIL). The
        arithmetic is small, so 1 is usually fastest below some 10^5 cases.
    groups : array-like, optional
        Resample within these groups (group sizes fixed).
    progress : bool
        Show a tqdm progress bar over chunks.

    Returns
    -------
    theta : ndarray, shape (n_boot, n_params)
        NaN rows for failed (singular) resamples.
    ok : ndarray of bool, shape (n_boot,)
    """
    bounds = chunk_bounds(n_boot, CHUNK_SIZE)
    children = chunk_generators(seed, len(bounds))
    jobs = [(stop - start, child) for (start, stop), child in zip(bounds, children, strict=True)]
    if n_jobs == 1:
        results = (_one_chunk(model, m, child, groups) for m, child in jobs)
    else:
        from joblib import Parallel, delayed

        results = Parallel(n_jobs=n_jobs, prefer="threads", return_as="generator")(
            delayed(_one_chunk)(model, m, child, groups) for m, child in jobs
        )
    if progress:
        from tqdm.auto import tqdm

        results = tqdm(results, total=len(jobs), desc="bootstrap", unit="chunk")
    results = list(results)  # in chunk order whatever the workers
    theta = np.concatenate([r[0] for r in results])
    ok = np.concatenate([r[1] for r in results])
    return theta, ok
