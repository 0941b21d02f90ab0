"""Observed interaction terms in regressions (``y ~ x + w + x:w``), as lavaan reads them.

lavaan (``lav_data.R``) makes a column named ``x:w`` holding the product of the raw columns
``x`` and ``w`` (no centering) and treats it as one more observed variable: with ``fixed.x`` it
is an exogenous covariate like any other. The parameter table names it ``x:w``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from craftwave.analysis.errors import DataError

__all__ = ["product_terms", "add_product_columns"]


def product_terms(names: list[str]) -> list[str]:
    """The interaction terms (names with ``:``) among ``names``, in order."""
    return [n for n in names if ":" in n]


def add_product_columns(model, data: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``data`` with a product column for every ``x:w`` term the model names.

    Parameters
    ----------
    model : CompiledModel
        Its ``ov_names`` may hold terms such as ``"x:w"`` (or ``"x:w:z"``).
    data : pandas.DataFrame
        The raw data; the factors of each term must be numeric columns.

    Returns
    -------
    pandas.DataFrame
        ``data`` itself when the model has no interaction term, else a copy with the product
        columns (missing where any factor is missing).

    Raises
    ------
    DataError
        A factor of a term is not a column of the data or is not numeric.
    """
    terms = product_terms(list(model.ov_names))
    if not terms or not isinstance(data, pd.DataFrame):
        return data
    out = data.copy()
    for term in terms:
        factors = term.split(":")
        absent = [f for f in factors if f not in data.columns]
        if absent:
            raise DataError(f"the interaction term {term} needs the column(s) "
                            f"{', '.join(absent)}, which the data do not have")
        try:
            cols = [pd.to_numeric(data[f], errors="raise").to_numpy(dtype=float)
                    for f in factors]
        except (ValueError, TypeError) as exc:
            raise DataError(f"the interaction term {term} needs numeric columns") from exc
        out[term] = np.prod(np.vstack(cols), axis=0)
    return out
