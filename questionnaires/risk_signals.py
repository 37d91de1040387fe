"""Risk signals: the closed answers that should bring up a kind support page.

Keyed by instrument version and item, because published files are locked and an item may change
meaning between versions: a signal holds only for the versions ``risk_signals.yaml`` names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

SignalKey = tuple[str, str]
"""``(version key, item id)``, for example ``("cic-11-17@v1", "feel_safe")``."""


@dataclass(frozen=True, slots=True)
class RiskSignals:
    """The risk answers of every (version, item) pair; empty when the catalogue has none."""

    answers: Mapping[SignalKey, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )

    def risk_answers(self, version_key: str, item_id: str) -> frozenset[str]:
        """The option codes of ``item_id`` that signal risk in ``version_key`` (often none)."""
        return self.answers.get((version_key, item_id), frozenset())

    def signals(self, version_key: str, item_id: str, value: str | Iterable[str]) -> bool:
        """True when the stored ``value`` (a code, or the codes of a multi-choice answer)
        includes a risk answer for this item in this version."""
        chosen = {value} if isinstance(value, str) else set(value)
        return bool(chosen & self.risk_answers(version_key, item_id))


def build_risk_signals(data: Mapping[str, Any]) -> RiskSignals:
    """The checked ``risk_signals.yaml`` document as a lookup by (version, item)."""
    answers: dict[SignalKey, frozenset[str]] = {}
    for entry in data["signals"]:
        for version_key in entry["versions"]:
            key = (version_key, entry["item"])
            answers[key] = answers.get(key, frozenset()) | frozenset(entry["answers"])
    return RiskSignals(MappingProxyType(answers))
