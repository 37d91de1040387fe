"""What a report's cover says beyond the report model: the round's name and dates, the
overall response rate, and the authority's logo and colour.

The cover is the top of the report page and the first page of the PDF. Everything on it is
either the round's and authority's own settings or figures the report already shows, so it
discloses nothing the report does not (R-SDC-8).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from report_builder.report.model import Report, ResponseRate
from report_builder.report.numbers_and_dates import count_text, date_text, percent_text
from report_builder.report.wording import Language
from report_builder.statistics.estimates import whole_percent_of
from survey_app.models import SurveyRound
from survey_app.services.branding import Branding, branding_for

NO_BRANDING = Branding()
"""The cover of an authority that has set no logo or colour."""


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
    branding: Branding = NO_BRANDING

    @property
    def style(self) -> str:
        """The stylesheet rule of the authority's colour (``colour_style``)."""
        return colour_style(self.branding.colour)


def colour_style(colour: str | None) -> str:
    """A stylesheet rule giving the cover the authority's ``colour`` (a checked ``#rrggbb``)
    for its accent bar and the authority's name; empty without one, so the stylesheets'
    own colour is used."""
    return f".cv-report-cover {{ --cv-authority-colour: {colour}; }}\n" if colour else ""


def round_cover(session: Session, survey_round: SurveyRound, report: Report) -> ReportCover:
    """The cover of ``report``, the report of ``survey_round``, with its authority's branding."""
    branding = branding_for(session, survey_round.local_authority_id)
    return report_cover(survey_round, report, branding)


def report_cover(
    survey_round: SurveyRound, report: Report, branding: Branding = NO_BRANDING
) -> ReportCover:
    """The cover of ``report``, the report of ``survey_round``, carrying ``branding``."""
    language = report.language
    return ReportCover(
        round_name=survey_round.name,
        opens_on_text=date_text(survey_round.opens_on, language),
        closes_on_text=date_text(survey_round.closes_on, language),
        total=response_total(report.response_rates, language),
        branding=branding,
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
