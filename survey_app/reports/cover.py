"""What a report's cover says beyond the report model: the round's name and dates, and the
overall response rate.

The cover is the top of the report page and the first page of the PDF. Everything on it is
either the round's own settings or figures the report already shows, so it discloses nothing
the report does not (R-SDC-8).
"""

from __future__ import annotations

from dataclasses import dataclass

from report_builder.report.model import Report, ResponseRate
from report_builder.report.numbers_and_dates import count_text, date_text, percent_text
from report_builder.report.wording import Language
from report_builder.statistics.estimates import whole_percent_of
from survey_app.models import SurveyRound


@dataclass(frozen=True)
class ResponseTotal:
    """Completed surveys out of the children who could take part, across every age group."""

    respondents_text: str
    population_text: str
    rate_text: str


@dataclass(frozen=True)
class ReportCover:
    """The round as the cover names it, in the report's language."""

    round_name: str
    opens_on_text: str
    closes_on_text: str
    total: ResponseTotal | None


def report_cover(survey_round: SurveyRound, report: Report) -> ReportCover:
    """The cover of ``report``, the report of ``survey_round``."""
    language = report.language
    return ReportCover(
        round_name=survey_round.name,
        opens_on_text=date_text(survey_round.opens_on, language),
        closes_on_text=date_text(survey_round.closes_on, language),
        total=response_total(report.response_rates, language),
    )


def response_total(rates: tuple[ResponseRate, ...], language: Language) -> ResponseTotal | None:
    """The overall response rate, or None unless every age group's count and population is
    shown: a total over a hidden count would let a reader work the hidden count out."""
    if not rates or any(r.respondents is None or not r.population for r in rates):
        return None
    respondents = sum(r.respondents or 0 for r in rates)
    population = sum(r.population or 0 for r in rates)
    return ResponseTotal(
        respondents_text=count_text(respondents, language),
        population_text=count_text(population, language),
        rate_text=percent_text(whole_percent_of(respondents / population), language),
    )
