"""Cohort caveats: when an age band's figures, or its changes since the last round, need care.

Rounds are different children answering anonymously (R-STAT-7). For each age band, the
comparison with the previous round carries a caveat when the band's response rate fell by more
than ``RATE_FALL_POINTS`` points, when either round's rate is below the authority's minimum, or
when the number who took part fell by more than a third. This round's figures carry one of
their own when its rate is below the minimum.

Only figures the report shows are quoted, read from the disclosure-controlled response-rate
rows of both rounds. Where either round's count is hidden, the caveat is given without
figures and without testing the rules, so whether it appears says nothing about a hidden
count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from report_builder.report.model import CohortCaveat, ResponseRate
from report_builder.report.numbers_and_dates import count_text, percent_text
from report_builder.report.wording import Language

RATE_FALL_POINTS = 10
"""A fall in response rate of more than this many percentage points needs a caveat."""

COUNT_FALL_SHARE = Fraction(1, 3)
"""A fall in the number taking part of more than this share needs a caveat."""

_FEWER: dict[Language, dict[str, str]] = {
    "en": {
        "in_care": "Fewer children took part this time ({now} against {before}), so the two "
        "groups may differ: treat changes with caution.",
        "care_leaver": "Fewer young people took part this time ({now} against {before}), so "
        "the two groups may differ: treat changes with caution.",
    },
    "cy": {
        "in_care": "Cymerodd llai o blant ran y tro hwn ({now} o'i gymharu â {before}), felly "
        "gall y ddau grŵp fod yn wahanol: byddwch yn ofalus wrth ddarllen newidiadau.",
        "care_leaver": "Cymerodd llai o bobl ifanc ran y tro hwn ({now} o'i gymharu â "
        "{before}), felly gall y ddau grŵp fod yn wahanol: byddwch yn ofalus wrth ddarllen "
        "newidiadau.",
    },
}

_BELOW_AIM: dict[Language, dict[str, str]] = {
    "en": {
        "now": "Only {rate} took part this time, below the aim of at least {minimum}, so the "
        "two groups may differ: treat changes with caution.",
        "before": "Only {rate} took part last time, below the aim of at least {minimum}, so "
        "the two groups may differ: treat changes with caution.",
    },
    "cy": {
        "now": "Dim ond {rate} a gymerodd ran y tro hwn, yn is na'r nod o {minimum} o leiaf, "
        "felly gall y ddau grŵp fod yn wahanol: byddwch yn ofalus wrth ddarllen newidiadau.",
        "before": "Dim ond {rate} a gymerodd ran y tro diwethaf, yn is na'r nod o {minimum} o "
        "leiaf, felly gall y ddau grŵp fod yn wahanol: byddwch yn ofalus wrth ddarllen "
        "newidiadau.",
    },
}

_HIDDEN: dict[Language, str] = {
    "en": "The number who took part is hidden in one of the rounds to protect "
    "confidentiality, so the two groups may differ: treat changes with caution.",
    "cy": "Mae nifer y rhai a gymerodd ran wedi'i guddio yn un o'r rowndiau i ddiogelu "
    "cyfrinachedd, felly gall y ddau grŵp fod yn wahanol: byddwch yn ofalus wrth ddarllen "
    "newidiadau.",
}

_ALONE: dict[Language, dict[str, str]] = {
    "en": {
        "in_care": "Only {rate} of children in this age group took part, below the aim of at "
        "least {minimum}, so these results may not reflect all of them: treat them with "
        "caution.",
        "care_leaver": "Only {rate} of care leavers in this group took part, below the aim of "
        "at least {minimum}, so these results may not reflect all of them: treat them with "
        "caution.",
    },
    "cy": {
        "in_care": "Dim ond {rate} o'r plant yn y grŵp oedran hwn a gymerodd ran, yn is na'r "
        "nod o {minimum} o leiaf, felly efallai nad yw'r canlyniadau hyn yn adlewyrchu pob un "
        "ohonynt: byddwch yn ofalus wrth eu darllen.",
        "care_leaver": "Dim ond {rate} o'r ymadawyr gofal yn y grŵp hwn a gymerodd ran, yn is "
        "na'r nod o {minimum} o leiaf, felly efallai nad yw'r canlyniadau hyn yn adlewyrchu pob "
        "un ohonynt: byddwch yn ofalus wrth eu darllen.",
    },
}


def cohort_caveats(
    current: Sequence[ResponseRate],
    previous: Sequence[ResponseRate],
    audiences: Mapping[str, str],
    *,
    minimum_rate: int | None,
    language: Language,
) -> tuple[CohortCaveat, ...]:
    """Every caveat of the report, band by band in ``current`` order (R-STAT-7).

    ``previous`` holds the previous round's rows (empty for a first round); ``audiences`` maps
    each band to ``in_care`` or ``care_leaver``; ``minimum_rate`` is the authority's minimum
    response rate in percent, or None when it has none.
    """
    before = {rate.age_band: rate for rate in previous}
    caveats = []
    for rate in current:
        audience = audiences[rate.age_band]
        if rate.age_band in before:
            change = change_caveat(rate, before[rate.age_band], audience, minimum_rate, language)
            caveats += [_caveat(rate, True, change)] if change else []
        alone = alone_caveat(rate, audience, minimum_rate, language)
        caveats += [_caveat(rate, False, alone)] if alone else []
    return tuple(caveats)


def change_caveat(
    now: ResponseRate,
    before: ResponseRate,
    audience: str,
    minimum_rate: int | None,
    language: Language,
) -> str:
    """The caveat on one band's changes since the previous round, or "" when none is due."""
    if now.respondents is None or before.respondents is None:
        return _HIDDEN[language]
    if _rate_fell(now, before):
        return _FEWER[language][audience].format(now=now.rate_text, before=before.rate_text)
    if now.respondents < (1 - COUNT_FALL_SHARE) * before.respondents:
        return _FEWER[language][audience].format(
            now=count_text(now.respondents, language),
            before=count_text(before.respondents, language),
        )
    for which, rate in (("now", now), ("before", before)):
        if _is_below(rate, minimum_rate):
            minimum = percent_text(minimum_rate, language)
            return _BELOW_AIM[language][which].format(rate=rate.rate_text, minimum=minimum)
    return ""


def alone_caveat(
    rate: ResponseRate, audience: str, minimum_rate: int | None, language: Language
) -> str:
    """The caveat on one band's figures when its response rate is below the minimum, else ""."""
    if not _is_below(rate, minimum_rate):
        return ""
    minimum = percent_text(minimum_rate, language)
    return _ALONE[language][audience].format(rate=rate.rate_text, minimum=minimum)


def _rate_fell(now: ResponseRate, before: ResponseRate) -> bool:
    """True when both rates are shown and the rate fell by more than ``RATE_FALL_POINTS``."""
    if now.rate_percent is None or before.rate_percent is None:
        return False
    return before.rate_percent - now.rate_percent > RATE_FALL_POINTS


def _is_below(rate: ResponseRate, minimum_rate: int | None) -> bool:
    """True when the rate is shown and below the authority's minimum."""
    shown = rate.rate_percent
    return shown is not None and minimum_rate is not None and shown < minimum_rate


def _caveat(rate: ResponseRate, on_changes: bool, text: str) -> CohortCaveat:
    return CohortCaveat(rate.age_band, rate.age_band_label, on_changes, text)
