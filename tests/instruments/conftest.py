"""Fixtures of the instrument tests: the bundled library and small definitions to break."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from craftwave.instruments import LIBRARY_DIR, Instrument, load_library

_TINY = {
    "id": "tiny",
    "version": "0.1",
    "prefix": "tiny",
    "title": {"en": "A tiny test instrument"},
    "construct_definition": "Something to break in tests.",
    "wording": "project",
    "follows": {"citation": "Nobody (2000). Nothing.", "dimensions": ["a", "b"]},
    "validation_status": "not validated; a test fixture",
    "licence": "test fixture",
    "languages": ["en"],
    "response_scales": [
        {
            "id": "agree5",
            "options": [
                {"value": v, "label": {"en": f"point {v}"}} for v in range(1, 6)
            ] + [{"value": 99, "label": {"en": "prefer not to say"}, "missing": True}],
        }
    ],
    "default_scale": "agree5",
    "subscales": [{"id": "a", "label": {"en": "Part A"}}, {"id": "b", "label": {"en": "Part B"}}],
    "items": [
        {"id": "a_1", "subscale": "a", "text": {"en": "first a"}},
        {"id": "a_2", "subscale": "a", "text": {"en": "second a"}},
        {"id": "a_3", "subscale": "a", "text": {"en": "third a"}},
        {"id": "b_1", "subscale": "b", "text": {"en": "first b"}},
        {"id": "b_2", "subscale": "b", "text": {"en": "second b"}},
        {"id": "b_3", "subscale": "b", "text": {"en": "third b"}},
    ],
    "attention_checks": [{"id": "check", "text": {"en": "choose 4"}, "expected": 4}],
    "scoring": {"method": "mean", "reverse": ["a_3", "b_2"], "min_items": 2,
                "total": True, "total_min_items": 4},
}


@pytest.fixture
def tiny() -> dict:
    """A fresh, valid instrument definition (a dict) that a test may change."""
    return copy.deepcopy(_TINY)


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[..., Path]:
    """Write a definition (or raw text) to ``tmp_path/<name>`` and return the path."""

    def write(content: dict | str, name: str = "bad.yaml") -> Path:
        path = tmp_path / name
        text = content if isinstance(content, str) else yaml.safe_dump(content, sort_keys=False,
                                                                        allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def library() -> dict[str, Instrument]:
    """The bundled library, by id."""
    return load_library()


@pytest.fixture(scope="session")
def library_raw() -> dict[str, dict]:
    """The bundled YAML files as parsed dicts, by file stem."""
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted(LIBRARY_DIR.glob("*.yaml"))}
