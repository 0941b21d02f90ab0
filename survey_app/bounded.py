"""Bounded, thread-safe in-process caches: every cache of the app has a size bound.

A cache keyed by anything a request can choose (posted answers, a study id in a URL) grows
with every new key unless it is bounded. Each cache here is a ``cachetools`` cache (least
recently used, optionally with a time to live) behind a lock, since ``craftwave serve``
runs requests in threads and ``cachetools`` caches are not thread-safe by themselves.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable
from typing import Any

from cachetools import LRUCache, TTLCache

_MISSING = object()


class BoundedCache:
    """A least-recently-used cache of at most ``maxsize`` entries (each ``ttl`` seconds, if given).

    Parameters
    ----------
    maxsize : int
        The most entries kept; the least recently used goes first.
    ttl : float, optional
        Seconds an entry stays valid (``None``: until pushed out).
    """

    def __init__(self, maxsize: int, ttl: float | None = None) -> None:
        self._cache = LRUCache(maxsize) if ttl is None else TTLCache(maxsize, ttl)
        self._lock = threading.Lock()

    @property
    def maxsize(self) -> int:
        return int(self._cache.maxsize)

    def get(self, key: Hashable, default: Any = None) -> Any:
        with self._lock:
            return self._cache.get(key, default)

    def lookup(self, key: Hashable) -> tuple[bool, Any]:
        """``(True, value)`` if ``key`` is cached, else ``(False, None)`` (a cached None counts)."""
        with self._lock:
            value = self._cache.get(key, _MISSING)
        return (False, None) if value is _MISSING else (True, value)

    def set(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._cache[key] = value

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._cache)
