"""Trends: each headline indicator across every round of the authority, not just the last.

Each round's value is the one that round's own report shows: the same counts, the same
disclosure control (``indicator_results.masked_table``), so a trend never reveals a value a
report hid. A round that asked the question another way (a different indicator fingerprint
from this round's) is marked "not comparable" and not drawn. The band's cohort caveats come
with every trend (R-STAT-7): each round is a different group of children.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from pandas.api.typing import NAType

from questionnaires import Catalogue, InstrumentVersion
from report_builder.disclosure.values import Marker
from report_builder.inputs import columns as col
from report_builder.inputs.frames import records
from report_builder.report.indicator_results import (
    age_band_label,
    base_text,
    indicator_table,
    interval_text,
    masked_table,
)
from report_builder.report.model import CohortCaveat, Trend, TrendPoint
from report_builder.report.numbers_and_dates import percent_text
from report_builder.report.wording import Language

TrendRound = tuple[str, str, Mapping[str, InstrumentVersion]]
"""A round of the trend: its id, its label (e.g. "2025") and its instrument versions."""


def trend_lines(
    counts: pd.DataFrame,
    catalogue: Catalogue,
    sensitive: frozenset[str],
    *,
    la_code: str,
    rounds: Sequence[TrendRound],
    indicators: Sequence[str],
    caveats: Sequence[CohortCaveat],
    language: Language,
) -> tuple[Trend, ...]:
    """A trend per headline indicator and age band of the last of ``rounds`` (oldest first)
    with at least two rounds to draw; each round's value as its own report shows it.
    """
    if len(rounds) < 2:
        return ()
    tables = [_shown_values(counts, catalogue, sensitive, la_code, r) for r in rounds]
    *_, (_, _, versions) = rounds
    current = tables[-1]
    trends = (
        Trend(
            indicator_id=indicator,
            label=catalogue.indicator(indicator).label.get(language),
            age_band=band,
            age_band_label=age_band_label(version, language),
            points=tuple(
                _point(table.get((indicator, band)), current[(indicator, band)], label, language)
                for table, (_, label, _) in zip(tables, rounds, strict=True)
            ),
            caveats=tuple(c.text for c in caveats if c.age_band == band),
        )
        for band, version in versions.items()
        for indicator in indicators
        if (indicator, band) in current
    )
    return tuple(trend for trend in trends if trend.shown_points >= 2)


def _shown_values(
    counts: pd.DataFrame,
    catalogue: Catalogue,
    sensitive: frozenset[str],
    la_code: str,
    trend_round: TrendRound,
) -> dict[tuple[str, str], dict[str, Any]]:
    """One round's masked rows by (indicator, age band), as its own report shows them."""
    round_id, _, versions = trend_round
    table = indicator_table(counts, catalogue, versions, la_code=la_code, round_id=round_id)
    return {
        (row[col.INDICATOR_ID], row[col.AGE_BAND]): row
        for row in records(masked_table(table, sensitive))
    }


def _point(
    row: dict[str, Any] | None, current: dict[str, Any], label: str, language: Language
) -> TrendPoint:
    """One round's point: not comparable unless it asked the question the same way."""
    if row is None or row[col.FINGERPRINT] != current[col.FINGERPRINT]:
        return TrendPoint(label, False, None, None, None, None, "", "", "", "")
    values = {name: _whole(row[name]) for name in _SHOWN}
    return TrendPoint(
        round_label=label,
        comparable=True,
        percent=values[col.PERCENT],
        ci_lower=values[col.CI_LOWER],
        ci_upper=values[col.CI_UPPER],
        base=values[col.DENOMINATOR],
        marker=str(row[col.MARKER]),
        percent_text=percent_text(values[col.PERCENT], language, marker=Marker.CONFIDENTIAL),
        ci_text=interval_text(values[col.CI_LOWER], values[col.CI_UPPER], language),
        base_text=base_text(values[col.DENOMINATOR], language),
    )


_SHOWN = (col.DENOMINATOR, col.PERCENT, col.CI_LOWER, col.CI_UPPER)


def _whole(value: float | NAType) -> int | None:
    """A shown whole number, or None for a hidden (NA) value."""
    return None if pd.isna(value) else int(value)
