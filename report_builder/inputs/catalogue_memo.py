"""Catalogue answers every report asks again, remembered per catalogue object.

An indicator's definition fingerprint in a version, and whether two versions score it alike,
depend only on those frozen catalogue objects, yet hashing a definition costs more than the
rest of a report row. They are remembered by object identity; each entry keeps its objects
alive, so an identity is never reused while it is remembered (docs/statistics.md §6).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from questionnaires import Indicator, InstrumentVersion, comparable

MAX_ENTRIES = 50_000
"""Forget everything past this size, so reloading catalogues cannot grow memory for ever."""

_T = TypeVar("_T")
_MEMO: dict[tuple[object, ...], tuple[tuple[object, ...], object]] = {}


def fingerprint(indicator: Indicator, version: InstrumentVersion) -> str:
    """``indicator.fingerprint(version)``: the hash of what the indicator reads there."""
    return _remembered(Indicator.fingerprint, indicator, version)


def is_comparable(
    indicator: Indicator, version_a: InstrumentVersion, version_b: InstrumentVersion
) -> bool:
    """``questionnaires.comparable``: same items, options and scoring in both versions."""
    return _remembered(comparable, indicator, version_a, version_b)


def has_source(indicator: Indicator, version: InstrumentVersion) -> bool:
    """True when ``indicator`` reads an item in ``version``."""
    return _remembered(_reads_an_item, indicator, version)


def _reads_an_item(indicator: Indicator, version: InstrumentVersion) -> bool:
    """``Indicator.source_item`` found an item."""
    return indicator.source_item(version) is not None


def _remembered(function: Callable[..., _T], *objects: object) -> _T:
    """``function(*objects)``, computed once per function and identity of ``objects``."""
    key = (function, *(id(thing) for thing in objects))
    found = _MEMO.get(key)
    if found is None:
        if len(_MEMO) >= MAX_ENTRIES:
            _MEMO.clear()
        found = _MEMO[key] = (objects, function(*objects))
    return cast(_T, found[1])  # the entry under this key holds `function`'s own result
