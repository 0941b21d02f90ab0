"""Shared helpers for the analysis tests: the R reference fixtures under tests/reference/."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

REFERENCE = Path(__file__).resolve().parents[1] / "reference"


def load_reference(name: str) -> dict:
    """The JSON fixture ``tests/reference/<name>.json`` (written by make_reference.R)."""
    path = REFERENCE / f"{name}.json"
    if not path.exists():
        pytest.fail(f"missing reference fixture {path}; run `make reference`")
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def load_reference_data(filename: str) -> pd.DataFrame:
    """A data set the R script wrote to tests/reference/data/ (identical numbers in R and here)."""
    return pd.read_csv(REFERENCE / "data" / filename)


@pytest.fixture(scope="session")
def reference():
    return load_reference


@pytest.fixture(scope="session")
def reference_data():
    return load_reference_data


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    return REFERENCE
