"""Statistical disclosure control: the one place that decides what a report may show (R-SDC-8).

HTML, PDF and CSV outputs all pass through these functions and their neighbours, so every
format hides the same cells. Each function returns new frames or dataclasses and never changes
its input. Breakdown tables are protected in ``breakdowns`` and quotes chosen in ``quotes``.

- ``mask_indicator_table``: base rules (R-SDC-1, R-STAT-4) and all-or-none answers in small
  groups on sensitive items (R-SDC-4); ``is_publishable`` applies the same rules to say which
  cells may feed a pooled comparator (R-SDC-9).
- ``published_comparison``: what a comparison may publish beside a hidden result, and
  differences and intervals against pooled comparators in whole points (R-SDC-9).
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd

from report_builder.comparison.values import ComparisonKind
from report_builder.disclosure.values import Marker, SuppressionReason
from report_builder.inputs import columns as col
from report_builder.report.model import ComparisonResult

MIN_BASE = 10
"""Below this base nothing is shown or tested (R-SDC-1, R-STAT-4)."""

RELIABLE_BASE = 30
"""Below this base results are low reliability: [u], exact tests, indicative wording (R-STAT-4)."""


def mask_indicator_table(table: pd.DataFrame, sensitive_indicators: frozenset[str]) -> pd.DataFrame:
    """Apply the base rules to a table of indicator results, one row per indicator and group.

    Needs ``indicator_id``, ``numerator`` and ``denominator``; ``percent``, ``ci_lower`` and
    ``ci_upper`` are hidden too when present. Adds ``marker`` and ``note`` (a
    ``SuppressionReason`` value or ""):

    - base under 10: everything, base included, becomes ``[c]`` (R-SDC-1, R-STAT-4);
    - a sensitive item with base under 30 answered 0% or 100%: ``[c]``, base included, because
      the answer would apply to every child in the group and a shown base beside ``[c]`` says
      that it does (R-SDC-4, R-SDC-9);
    - otherwise base 10-29: shown with ``[u]``, low reliability (R-STAT-4).
    """
    base = table[col.DENOMINATOR]
    is_tiny, is_extreme = _hiding_rules(table, sensitive_indicators)
    is_hidden = is_tiny | is_extreme
    is_small = base < RELIABLE_BASE
    shown = {
        name: table[name].astype("Float64").mask(is_hidden)
        for name in (col.NUMERATOR, col.PERCENT, col.CI_LOWER, col.CI_UPPER)
        if name in table.columns
    }
    marker = np.select([is_hidden, is_small], [Marker.CONFIDENTIAL, Marker.LOW_RELIABILITY], "")
    note = np.select(
        [is_tiny, is_extreme, is_small],
        [
            SuppressionReason.BASE_BELOW_10,
            SuppressionReason.CONFIDENTIAL,
            SuppressionReason.LOW_RELIABILITY,
        ],
        "",
    )
    flags: dict[str, pd.Series | np.ndarray] = {
        col.DENOMINATOR: base.astype("Int64").mask(is_hidden),
        col.MARKER: marker,
        col.NOTE: note,
    }
    return table.assign(**shown, **flags)


def is_publishable(table: pd.DataFrame, sensitive_indicators: frozenset[str]) -> pd.Series:
    """True for each row a report may show: neither R-SDC-1 nor R-SDC-4 hides it.

    The same rules as ``mask_indicator_table``, without building the masked table, so a
    comparator pool can be limited to cells published in their own authority's report
    (R-SDC-9). Needs ``indicator_id``, ``numerator`` and ``denominator``.
    """
    is_tiny, is_extreme = _hiding_rules(table, sensitive_indicators)
    return ~(is_tiny | is_extreme)


def _hiding_rules(
    table: pd.DataFrame, sensitive_indicators: frozenset[str]
) -> tuple[pd.Series, pd.Series]:
    """The rows R-SDC-1 hides (base under 10) and those R-SDC-4 hides (all or none on a
    sensitive item, base 10-29)."""
    base, count = table[col.DENOMINATOR], table[col.NUMERATOR]
    is_tiny = base < MIN_BASE
    is_sensitive = table[col.INDICATOR_ID].isin(sensitive_indicators)
    is_all_or_none = (count == 0) | (count == base)
    is_extreme = is_sensitive & (base < RELIABLE_BASE) & ~is_tiny & is_all_or_none
    return is_tiny, is_extreme


def published_comparison(result: ComparisonResult, *, beside_hidden: bool) -> ComparisonResult:
    """A comparison as every output may publish it (R-SDC-9).

    Beside a hidden own result (``beside_hidden``) no comparator figure or base is shown.
    Against the pooled other areas the difference and interval are whole percentage points
    (``published_points``), so no output carries them at full precision. The pool holds only
    cells published in their own reports (``comparators.pooled_others``), so its base is the
    sum of published bases and is shown exactly.
    """
    if beside_hidden:
        result = replace(
            result,
            comparator_percent=None,
            comparator_percent_text="",
            comparator_base=None,
            comparator_base_text="",
        )
    if result.kind is not ComparisonKind.OTHER_LAS:
        return result
    return replace(
        result,
        difference=published_points(result.difference),
        interval_lower=published_points(result.interval_lower),
        interval_upper=published_points(result.interval_upper),
    )


def published_points(value: float | None) -> int | None:
    """Percentage points as published against a pooled comparator: whole points, halves
    rounded away from zero (26.5 -> 27, -26.5 -> -27), None kept."""
    if value is None:
        return None
    return int(math.copysign(math.floor(abs(value) + 0.5), value))
