"""Memoised pure functions of text, and one switch that empties them all.

A document repeats its agencies, headings and words (one plan names the same
`Sở` dozens of times, and a province's plans name the same ones), so the pure
functions that fold or canonicalise such strings remember their answers.
`clear_memos()` exists for measurement: `make bench` empties every memo before
each timed pass, so its throughput is that of documents never seen before.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_MEMOS: list[Any] = []


def memo(maxsize: int = 4096) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)`, registered so `clear_memos` reaches it."""

    def wrap(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _MEMOS.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear_memos() -> None:
    """Empty every memo (`make bench` times documents as if never seen)."""
    for cached in _MEMOS:
        cached.cache_clear()
