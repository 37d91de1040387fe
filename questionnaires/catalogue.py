"""The catalogue: every instrument version and every indicator, loaded together."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from questionnaires.model import Indicator, InstrumentVersion
from questionnaires.risk_signals import RiskSignals


@dataclass(frozen=True, slots=True)
class Catalogue:
    """All versions keyed ``"<id>@v<N>"`` (youngest band first), all indicators, and the closed
    answers that signal risk (``risk_signals.yaml``)."""

    versions: Mapping[str, InstrumentVersion] = field(hash=False)
    indicators: tuple[Indicator, ...]
    risk_signals: RiskSignals = field(default_factory=RiskSignals)

    def get(self, key: str) -> InstrumentVersion:
        """The version with public key ``key``; raises ``KeyError`` naming the known keys."""
        try:
            return self.versions[key]
        except KeyError:
            raise KeyError(
                f"unknown instrument version {key!r}; known: {', '.join(self.versions)}"
            ) from None

    def instruments(self) -> tuple[str, ...]:
        """Instrument ids, youngest band first."""
        return tuple(dict.fromkeys(version.instrument for version in self.versions.values()))

    def versions_of(self, instrument_id: str) -> tuple[InstrumentVersion, ...]:
        """Every version of one instrument, oldest first."""
        return tuple(v for v in self.versions.values() if v.instrument == instrument_id)

    def latest(self, instrument_id: str) -> InstrumentVersion:
        """The highest version of an instrument, draft or published."""
        versions = self.versions_of(instrument_id)
        if not versions:
            raise KeyError(f"unknown instrument {instrument_id!r}")
        return versions[-1]

    def published(self) -> tuple[InstrumentVersion, ...]:
        """Versions a round may use: those marked published (and so locked)."""
        return tuple(v for v in self.versions.values() if v.status == "published")

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with this id; raises ``KeyError`` when there is none."""
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(f"unknown indicator {indicator_id!r}")
