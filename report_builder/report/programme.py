"""The programme view: headline indicators across LAs, each LA's latest round, as a spread.

Each LA's value passes through ``control.mask_indicator_table`` exactly as in its own
report (R-SDC-8): a hidden value shows neither percentage nor base. The spread (quartiles,
range) is taken over shown values only and nothing is pooled across LAs, so no programme
figure holds a hidden cell (R-SDC-9).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import SupportsFloat

import numpy as np
import pandas as pd

from questionnaires import Catalogue
from report_builder.disclosure.control import mask_indicator_table
from report_builder.indicators.counts import indicator_counts
from report_builder.inputs import columns as col
from report_builder.report.indicator_results import sensitive_indicators
from report_builder.report.model import ProgrammeIndicator, ProgrammeValue, ProgrammeView
from report_builder.statistics.estimates import estimate_table


def build_programme_view(
    responses: pd.DataFrame,
    catalogue: Catalogue,
    headline_indicator_ids: Sequence[str],
    *,
    counts: pd.DataFrame | None = None,
) -> ProgrammeView:
    """Per headline indicator and age band: every LA's latest-round value and their spread.

    ``counts`` may pass ``indicator_counts(responses, catalogue)`` computed once.
    """
    if counts is None:
        counts = indicator_counts(responses, catalogue, only=headline_indicator_ids)
    latest = _latest_rounds(counts)
    wanted = latest.loc[latest[col.INDICATOR_ID].isin(list(headline_indicator_ids))]
    masked = mask_indicator_table(estimate_table(wanted), sensitive_indicators(catalogue))
    indicators = [
        _indicator(
            catalogue,
            indicator_id,
            band,
            masked.loc[(masked[col.INDICATOR_ID] == indicator_id) & (masked[col.AGE_BAND] == band)],
        )
        for indicator_id in headline_indicator_ids
        for band in catalogue.indicator(indicator_id).age_bands
        if ((masked[col.INDICATOR_ID] == indicator_id) & (masked[col.AGE_BAND] == band)).any()
    ]
    return ProgrammeView(tuple(indicators))


def _latest_rounds(counts: pd.DataFrame) -> pd.DataFrame:
    """Counts of each LA's latest period only."""
    latest = counts.groupby(col.LA_CODE)[col.PERIOD].transform("max")
    return counts.loc[counts[col.PERIOD] == latest]


def _indicator(
    catalogue: Catalogue, indicator_id: str, band: str, rows: pd.DataFrame
) -> ProgrammeIndicator:
    """One indicator and band: LA values in code order and the spread of shown values."""
    values = tuple(
        ProgrammeValue(
            la_code=str(row[col.LA_CODE]),
            round_id=str(row[col.ROUND_ID]),
            period=str(row[col.PERIOD]),
            base=None if pd.isna(row[col.DENOMINATOR]) else int(row[col.DENOMINATOR]),
            percent=None if pd.isna(row[col.PERCENT]) else int(row[col.PERCENT]),
            marker=str(row[col.MARKER]),
            note=str(row[col.NOTE]),
        )
        for row in rows.sort_values(col.LA_CODE).to_dict("records")
    )
    shown = np.array([v.percent for v in values if v.percent is not None], dtype=float)
    quartiles = np.percentile(shown, [25, 50, 75]) if len(shown) else [None] * 3
    return ProgrammeIndicator(
        indicator_id=indicator_id,
        label=catalogue.indicator(indicator_id).label.en,
        age_band=band,
        values=values,
        shown=len(shown),
        suppressed=len(values) - len(shown),
        minimum=int(shown.min()) if len(shown) else None,
        lower_quartile=_maybe_float(quartiles[0]),
        median=_maybe_float(quartiles[1]),
        upper_quartile=_maybe_float(quartiles[2]),
        maximum=int(shown.max()) if len(shown) else None,
    )


def _maybe_float(value: SupportsFloat | None) -> float | None:
    """A quartile as float, or None when no value was shown."""
    return None if value is None else float(value)
