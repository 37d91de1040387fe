"""The disclosure stage's frozen values: the markers a hidden value carries, their reasons, and
the quotes cleared for a report (R-SDC-7)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Marker(StrEnum):
    """GSS shorthand markers, always in square brackets (R-SDC-7, docs/sources.md D3)."""

    CONFIDENTIAL = "[c]"
    LOW_RELIABILITY = "[u]"


class SuppressionReason(StrEnum):
    """Why a value carries a marker; each reason has a note in every report language.

    Small cells (R-SDC-2), their secondary partners (R-SDC-3) and all-or-none results (R-SDC-4)
    share CONFIDENTIAL on purpose: a note saying which hidden cell was the small one, or that a
    group answered all alike, would itself disclose what the marker hides.
    """

    BASE_BELOW_10 = "base_below_10"
    LOW_RELIABILITY = "low_reliability"
    CONFIDENTIAL = "confidential"
    TABLE_WITHHELD = "table_withheld"


@dataclass(frozen=True)
class Quote:
    """A free-text quote cleared for a report: text and theme only, never a demographic tag."""

    text: str
    theme: str | None
    theme_label: str = ""
    """The question the quote answered, in the report's language (a theme heading)."""
