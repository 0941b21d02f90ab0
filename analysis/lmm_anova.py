"""Type III hypotheses of a fixed-effects design, as lmerTest 3.x builds them for ``anova()``.

For treatment-coded designs lmerTest (``extract_contrasts_type3``) maps the fully dummy-coded
design (an intercept plus every term's columns with all factor levels, ``rdX``) onto the
model's columns, ``L = (X^+ rdX)'``, then, from the highest-order terms down, makes each term's
columns orthogonal (over the rows of L) to the columns of the terms containing it. A term is
contained in another when its variables are a proper subset of the other's and both have the
same numeric variables (so ``arm`` is not contained in ``time:arm``, but ``time`` is). Each
term's hypothesis is the transpose of its columns of L, rows with no weight dropped.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from formulaic import model_matrix


def _zapsmall(x: np.ndarray, digits: int = 7) -> np.ndarray:
    """R's ``zapsmall``: round to ``digits`` significant digits of the largest entry."""
    mx = float(np.max(np.abs(x))) if x.size else 0.0
    if mx > 0:
        digits = max(0, digits - int(np.ceil(np.log10(mx))))
    return np.round(x, digits)


def type3_contrasts(frame: pd.DataFrame, X: np.ndarray, names: list[str],
                    term_columns: dict[str, list[str]], term_factors: dict[str, list[str]],
                    numeric: dict[str, bool], r_name) -> dict[str, np.ndarray]:
    """The type III hypothesis matrix of each term (rows: contrasts; columns: ``names``).

    Parameters
    ----------
    frame : DataFrame
        The rows the model used.
    X, names : the fixed-effects design and its R-style column names.
    term_columns : term -> its columns among ``names``.
    term_factors : term -> its variables (formula factors).
    numeric : variable -> whether it is numeric (else a factor).
    r_name : callable turning formulaic column names into R-style names.
    """
    terms = list(term_columns)
    blocks = [np.ones((len(frame), 1))]
    rd_names = ["(Intercept)"]
    for term in terms:
        mm = model_matrix(f"0 + {term}", frame, na_action="ignore")
        blocks.append(np.asarray(mm, float))
        rd_names += [r_name(str(c)) for c in mm.columns]
    rdX = np.column_stack(blocks)
    L = _zapsmall((np.linalg.pinv(X) @ rdX).T)
    col = {n: i for i, n in enumerate(names)}
    cols = {t: [col[c] for c in term_columns[t]] for t in terms}

    def contains(small: str, big: str) -> bool:
        vs, vb = set(term_factors[small]), set(term_factors[big])
        num_s = {v for v in vs if numeric[v]}
        num_b = {v for v in vb if numeric[v]}
        return vs < vb and num_s == num_b

    order = sorted(range(len(terms)), key=lambda i: -len(term_factors[terms[i]]))
    for i in order:
        term = terms[i]
        containing = [c for t in terms if t != term and contains(term, t) for c in cols[t]]
        if containing:
            A = L[:, containing]
            Y = L[:, cols[term]]
            coef, *_ = np.linalg.lstsq(A, Y, rcond=None)
            L[:, cols[term]] = _zapsmall(Y - A @ coef)
    rows = [rd_names.index(n) for n in names]
    L = L[rows, :]
    out = {}
    for term in terms:
        Lt = L[:, cols[term]].T
        out[term] = Lt[np.abs(Lt).sum(axis=1) > 1e-8]
    return out
