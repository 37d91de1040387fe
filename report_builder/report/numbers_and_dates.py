"""Numbers and dates as report text, through Babel, for English (en_GB) and Welsh (cy).

Only values that disclosure control has allowed reach these functions; a hidden value is
given its marker instead (``[c]``), so every renderer shows the same thing.
"""

from __future__ import annotations

import functools
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from report_builder.report.wording import Language

LOCALES: dict[Language, str] = {"en": "en_GB", "cy": "cy"}


def percent_text(percent: int | None, language: Language, *, marker: str = "") -> str:
    """A whole-number percentage such as "45%", or the marker when it is hidden."""
    if percent is None:
        return marker
    return _percent_text(percent, language)


def count_text(count: int | None, language: Language, *, marker: str = "") -> str:
    """A whole number with the locale's grouping, or the marker when it is hidden."""
    if count is None:
        return marker
    return _count_text(count, language)


@functools.lru_cache(maxsize=4096)
def _percent_text(percent: int, language: Language) -> str:
    """Babel's text for a shown percentage; cached, since a report repeats the same few."""
    return format_percent(percent / 100, format="#,##0%", locale=LOCALES[language])


@functools.lru_cache(maxsize=4096)
def _count_text(count: int, language: Language) -> str:
    """Babel's text for a shown count; cached like ``_percent_text``."""
    return format_decimal(count, format="#,##0", locale=LOCALES[language])


def date_text(day: date, language: Language) -> str:
    """A long-form date, e.g. "3 March 2026" or "3 Mawrth 2026"."""
    return format_date(day, format="long", locale=LOCALES[language])
