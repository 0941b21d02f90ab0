"""Shared helpers for command output: JSON for scripts, plain text for people."""

from __future__ import annotations

import json
import math
from typing import Any

import click


def _clean(obj: Any) -> Any:
    """Make numpy scalars, NaN and infinities JSON-safe (NaN and inf become null)."""
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if hasattr(obj, "item") and callable(obj.item) and getattr(obj, "ndim", 1) == 0:
        obj = obj.item()
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    return obj


def echo_json(payload: Any) -> None:
    """Print ``payload`` as indented JSON on standard output."""
    click.echo(json.dumps(_clean(payload), indent=2, ensure_ascii=False))


def fail(message: str, code: int = 2) -> None:
    """Print ``Error: message`` on standard error and exit with ``code``."""
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(code)
