"""ONS personal wellbeing thresholds, built in so every report bands 0-10 answers the same way.

Source: ONS harmonised standard for personal well-being (docs/sources.md B1). Life satisfaction,
worthwhile and happiness use 0-4 low, 5-6 medium, 7-8 high, 9-10 very high. Anxiety runs the
other way: 0-1 very low, 2-3 low, 4-5 medium, 6-10 high.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Band:
    """An inclusive range of scores on a 0-10 scale."""

    name: str
    low: int
    high: int

    @property
    def values(self) -> frozenset[str]:
        """The stored option values (``"0"``..``"10"``) that fall in this band."""
        return frozenset(str(score) for score in range(self.low, self.high + 1))


ONS_BANDS = (Band("low", 0, 4), Band("medium", 5, 6), Band("high", 7, 8), Band("very_high", 9, 10))
ONS_ANXIETY_BANDS = (
    Band("very_low", 0, 1),
    Band("low", 2, 3),
    Band("medium", 4, 5),
    Band("high", 6, 10),
)


def _band(bands: tuple[Band, ...], score: int) -> Band:
    for band in bands:
        if band.low <= score <= band.high:
            return band
    raise ValueError(f"{score!r} is not a score from 0 to 10")


def ons_band(score: int) -> str:
    """Band name for a life satisfaction, worthwhile or happiness score."""
    return _band(ONS_BANDS, score).name


def ons_anxiety_band(score: int) -> str:
    """Band name for an anxiety score."""
    return _band(ONS_ANXIETY_BANDS, score).name


def band_values(kind: str, name: str) -> frozenset[str]:
    """Option values in band ``name``; ``kind`` is ``ons_band`` or ``ons_anxiety_band``."""
    bands = ONS_ANXIETY_BANDS if kind == "ons_anxiety_band" else ONS_BANDS
    return next(band.values for band in bands if band.name == name)
