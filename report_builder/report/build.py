"""Build one LA's report for one round: frames in, a frozen ``Report`` out.

This is the one entry point that runs the pipeline. The stages run in order (CR-12,
docs/architecture.md): counts (``indicators/``) → estimates and disclosure control
(``statistics/``, ``indicator_results``, ``demographics``; every rule lives in ``disclosure/``)
→ comparisons and Benjamini-Hochberg (``comparison/assessment``) → wording (``wording``,
``fixed_text``) → dataclasses (``report/model``). Nothing leaves this function that
disclosure control has not cleared, so the HTML, PDF and CSV renderers all show the same
things (R-SDC-8).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TypedDict

import pandas as pd

from questionnaires import Catalogue, InstrumentVersion
from report_builder.comparison.comparators import round_versions
from report_builder.comparison.values import Classification
from report_builder.disclosure.quotes import select_quotes
from report_builder.disclosure.values import Marker, Quote, SuppressionReason
from report_builder.indicators.counts import indicator_counts
from report_builder.inputs import columns as col
from report_builder.inputs.checks import check_quotes, check_response_columns
from report_builder.report.assessed_results import assessed_results
from report_builder.report.cohort_caveats import cohort_caveats
from report_builder.report.demographics import (
    demographic_tables,
    response_rates,
    round_respondents,
    shown_total,
)
from report_builder.report.fixed_text import DOMAINS, text
from report_builder.report.headline import HEADLINE_INDICATORS, headline_bands
from report_builder.report.indicator_results import sensitive_indicators
from report_builder.report.methods_note import methods_note
from report_builder.report.model import (
    CohortCaveat,
    DemographicTable,
    Finding,
    HeadlineBand,
    Highlight,
    IndicatorResult,
    Report,
    ResponseRate,
    Section,
    Trend,
    WorthLookingInto,
)
from report_builder.report.numbers_and_dates import count_text, date_text
from report_builder.report.report_rounds import ThisRound, previous_round, round_rows
from report_builder.report.summary import findings, highlights, worth_looking_into
from report_builder.report.trends import trend_lines
from report_builder.report.wording import Language, provisional_text
from report_builder.statistics.multiple_testing import Adjustment


def build_report(
    responses: pd.DataFrame,
    catalogue: Catalogue,
    benchmarks: pd.DataFrame,
    *,
    la_code: str,
    round_id: str,
    previous_round_id: str | None = None,
    denominators: Mapping[str, int] | None = None,
    quotes: pd.DataFrame | None = None,
    adjust: Adjustment = "bh",
    language: Language = "en",
    la_name: str | None = None,
    counts: pd.DataFrame | None = None,
    generated_on: date | None = None,
    previous_denominators: Mapping[str, int] | None = None,
    minimum_response_rate: int | None = None,
    is_provisional: bool = False,
    earlier_rounds: Sequence[tuple[str, str]] = (),
) -> Report:
    """The report for ``la_code``'s round ``round_id`` (``responses`` as in ``columns.py``),
    against other LAs of the same period, ``load_benchmarks()`` and the previous round.
    ``denominators``, ``previous_denominators`` (instrument to population) and the authority's
    ``minimum_response_rate`` give response rates and cohort caveats; ``is_provisional`` marks an
    open round (R-STAT-7). ``earlier_rounds`` are the authority's earlier closed rounds as
    (round id, label), oldest first, for the headline trends; their rows must be in
    ``responses``. ValueError if the round has no responses from ``la_code``."""
    counts = indicator_counts(responses, catalogue) if counts is None else counts
    rows = round_rows(check_response_columns(responses), la_code, round_id)
    versions = round_versions(rows, round_id, catalogue)
    this = ThisRound(la_code, round_id, str(rows[col.PERIOD].iloc[0]), versions)
    previous = previous_round(
        responses, previous_round_id, catalogue, previous_denominators, language
    )
    respondents = round_respondents(rows)
    rates = response_rates(respondents, versions, denominators, language)
    caveats = _caveats(rates, previous.rates, versions, minimum_response_rate, language)
    results, compared = assessed_results(
        counts, catalogue, benchmarks, this, previous, caveats, adjust=adjust, language=language
    )
    demographics = demographic_tables(rows, respondents, catalogue, versions, language)
    return Report(
        **_heading(la_code, la_name, round_id, this.period, language, generated_on),
        previous_round_id=previous.round_id,
        previous_round_label=previous.label,
        respondents=len(respondents),
        respondents_text=_respondents_text(len(respondents), language),
        response_rates=rates,
        demographics=demographics,
        sections=_sections(results, language),
        **_summary(results, rates, caveats, is_provisional=is_provisional, language=language),
        quotes=_quotes(quotes, this, base=len(respondents), language=language),
        methods=methods_note(
            _reasons(results, rates, demographics), compared, adjust=adjust, language=language
        ),
        trends=_trends(responses, counts, catalogue, this, earlier_rounds, caveats, language),
    )


def _respondents_text(respondents: int, language: Language) -> str:
    """How many took part, in words, or [c] for a small total (R-SDC-2, ``shown_total``)."""
    return count_text(shown_total(respondents), language, marker=Marker.CONFIDENTIAL)


def _trends(
    responses: pd.DataFrame,
    counts: pd.DataFrame,
    catalogue: Catalogue,
    this: ThisRound,
    earlier_rounds: Sequence[tuple[str, str]],
    caveats: tuple[CohortCaveat, ...],
    language: Language,
) -> tuple[Trend, ...]:
    """The headline trends over ``earlier_rounds`` and this round (``trends.trend_lines``)."""
    earlier = [
        (rid, label, round_versions(responses, rid, catalogue)) for rid, label in earlier_rounds
    ]
    return trend_lines(
        counts,
        catalogue,
        sensitive_indicators(catalogue),
        la_code=this.la_code,
        rounds=[*earlier, (this.round_id, this.period, this.versions)],
        indicators=HEADLINE_INDICATORS,
        caveats=caveats,
        language=language,
    )


def _caveats(
    rates: tuple[ResponseRate, ...],
    previous_rates: tuple[ResponseRate, ...],
    versions: Mapping[str, InstrumentVersion],
    minimum_rate: int | None,
    language: Language,
) -> tuple[CohortCaveat, ...]:
    """The cohort caveats of every band (R-STAT-7, ``cohort_caveats.cohort_caveats``)."""
    audiences = {band: version.audience for band, version in versions.items()}
    return cohort_caveats(
        rates, previous_rates, audiences, minimum_rate=minimum_rate, language=language
    )


class _Summary(TypedDict):
    """The summary fields of ``Report``, as ``_summary`` makes them."""

    headline: tuple[HeadlineBand, ...]
    bright_spots: tuple[Highlight, ...]
    areas_for_improvement: tuple[Highlight, ...]
    bright_spot_findings: tuple[Finding, ...]
    improvement_findings: tuple[Finding, ...]
    worth_looking_into: tuple[WorthLookingInto, ...]
    cohort_caveats: tuple[CohortCaveat, ...]
    is_provisional: bool
    provisional_text: str


class _Heading(TypedDict):
    """The heading fields of ``Report``, as ``_heading`` makes them."""

    title: str
    la_code: str
    la_name: str
    round_id: str
    round_label: str
    language: Language
    generated_on: date
    generated_on_text: str


def _summary(
    results: list[IndicatorResult],
    rates: tuple[ResponseRate, ...],
    caveats: tuple[CohortCaveat, ...],
    *,
    is_provisional: bool,
    language: Language,
) -> _Summary:
    """The report's summary fields: the headline page, its lists, cautions and the
    provisional warning."""
    return {
        "headline": headline_bands(results, rates, caveats, language=language),
        "bright_spots": highlights(results, Classification.BRIGHT_SPOT),
        "areas_for_improvement": highlights(results, Classification.AREA_FOR_IMPROVEMENT),
        "bright_spot_findings": findings(results, Classification.BRIGHT_SPOT),
        "improvement_findings": findings(results, Classification.AREA_FOR_IMPROVEMENT),
        "worth_looking_into": worth_looking_into(results),
        "cohort_caveats": caveats,
        "is_provisional": is_provisional,
        "provisional_text": provisional_text(language) if is_provisional else "",
    }


def _heading(
    la_code: str,
    la_name: str | None,
    round_id: str,
    period: str,
    language: Language,
    generated_on: date | None,
) -> _Heading:
    """The report's title, names and date fields, in ``language``."""
    today = generated_on or date.today()
    return {
        "title": text("title", language, la=la_name or la_code, round=period),
        "la_code": la_code,
        "la_name": la_name or la_code,
        "round_id": round_id,
        "round_label": period,
        "language": language,
        "generated_on": today,
        "generated_on_text": date_text(today, language),
    }


def _sections(results: list[IndicatorResult], language: Language) -> tuple[Section, ...]:
    """One section per domain, in report order, each keeping catalogue order."""
    return tuple(
        Section(domain, text(domain, language), tuple(r for r in results if r.domain == domain))
        for domain in DOMAINS
        if any(r.domain == domain for r in results)
    )


def _quotes(
    quotes: pd.DataFrame | None, this: ThisRound, *, base: int, language: Language
) -> tuple[Quote, ...]:
    """Approved quotes of this LA round, themed by question and headed with its words
    (R-SDC-6, ``select_quotes``)."""
    if quotes is None:
        return ()
    check_quotes(quotes)
    own = quotes.loc[
        (quotes[col.LA_CODE] == this.la_code) & (quotes[col.ROUND_ID] == this.round_id)
    ]
    selected = select_quotes(own.assign(**{col.THEME: own[col.ITEM_ID]}), base=base)
    labels = _questions(this.versions, language)
    return tuple(replace(q, theme_label=labels.get(q.theme or "", "")) for q in selected)


def _questions(versions: Mapping[str, InstrumentVersion], language: Language) -> dict[str, str]:
    """Each free-text question's words by item id, from the round's versions."""
    return {
        item.id: item.text.get(language)
        for version in versions.values()
        for item in version.items
        if item.type == "free_text"
    }


def _reasons(
    results: list[IndicatorResult],
    rates: tuple[ResponseRate, ...],
    demographics: tuple[DemographicTable, ...],
) -> set[str]:
    """Every suppression reason behind a marker anywhere in the report (R-SDC-7)."""
    reasons = {r.note for r in results if r.note}
    if any(rate.respondents is None for rate in rates):
        reasons.add(SuppressionReason.CONFIDENTIAL.value)
    if any(table.is_withheld for table in demographics):
        reasons.add(SuppressionReason.TABLE_WITHHELD.value)
    return reasons
