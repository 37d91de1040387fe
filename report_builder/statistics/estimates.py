"""Percentages and Wilson intervals for a table of indicator counts (R-STAT-1, R-STAT-4).

The output goes to ``control.mask_indicator_table`` before anything is shown.
"""

from __future__ import annotations

import math

import pandas as pd

from report_builder.inputs import columns as col
from report_builder.statistics.intervals import wilson_bounds

_HALF_UP_TOLERANCE = 1e-9
"""Stops binary fractions such as 0.145 * 100 = 14.499... rounding down (D5)."""


def estimate_table(counts: pd.DataFrame) -> pd.DataFrame:
    """Add ``percent``, ``ci_lower`` and ``ci_upper`` as whole-number percentages.

    ``counts`` needs ``numerator`` and ``denominator``. Every figure is computed from the
    unrounded counts and rounded once, half up, at the end (R-STAT-4, docs/sources.md D1, D5).
    Rows nobody answered get NA. The intervals are Wilson score intervals
    (``intervals.wilson_bounds``), computed for all rows in one vectorised call. The input
    frame is not changed.
    """
    answered = counts[col.DENOMINATOR] > 0
    count = counts[col.NUMERATOR].where(answered, 0).to_numpy(dtype=float)
    nobs = counts[col.DENOMINATOR].where(answered, 1).to_numpy(dtype=float)
    low, high = wilson_bounds(count, nobs)
    lower = pd.Series(low, counts.index, dtype=float).where(answered)
    upper = pd.Series(high, counts.index, dtype=float).where(answered)
    share = counts[col.NUMERATOR].where(answered) / counts[col.DENOMINATOR].where(answered)
    return counts.assign(
        **{
            col.PERCENT: whole_percent(share),
            col.CI_LOWER: whole_percent(lower),
            col.CI_UPPER: whole_percent(upper),
        }
    )


def whole_percent(proportions: pd.Series) -> pd.Series:
    """Proportions as whole-number percentages, halves rounded up (12.5% shows as 13%).

    A small tolerance stops binary fractions such as 0.145 * 100 = 14.499... rounding down.
    """
    values = proportions.astype("Float64") * 100
    return ((values + 0.5 + _HALF_UP_TOLERANCE) // 1).astype("Int64")


def whole_percent_of(proportion: float) -> int:
    """``whole_percent`` of one proportion, by the same arithmetic, without building a Series."""
    return math.floor(proportion * 100 + 0.5 + _HALF_UP_TOLERANCE)
