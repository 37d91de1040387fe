"""Comparators come from closed rounds only: another authority's answers cannot move them.

A service lead who downloads ``comparisons.csv`` before and after another authority keys one
paper response must get the same file; otherwise the difference would reveal that response.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from report_builder.comparison.values import ComparisonKind
from report_builder.render.csv import report_csv
from survey_app.models import SurveyRound
from survey_app.services.reporting import build_round_report
from tests.factories import make_answered_response, make_round

pytestmark = pytest.mark.xdist_group("reports")
ABOUT_ME = {
    "gender": "prefer_not_to_say",
    "ethnicity": "prefer_not_to_say",
    "placement_type": "foster_care",
    "time_in_care": "over_3_years",
}
"""The same demographic answers for everyone: the report's demographic tables need some."""


def _round_with_answers(session: Session, status: str, safe: int, unsafe: int) -> SurveyRound:
    """A round of a new authority opening on 1 March 2026, with completed answers to feel_safe."""
    survey_round = make_round(
        session, opens_on=date(2026, 3, 1), closes_on=date(2026, 3, 28), status=status
    )
    for value in ["always"] * safe + ["never"] * unsafe:
        make_answered_response(session, survey_round, answers={"feel_safe": value, **ABOUT_ME})
    return survey_round


def _other_areas_and_csv(
    session: Session, survey_round: SurveyRound
) -> tuple[dict[str, int | None], bytes]:
    """The report's other-areas percentages by age band, and its comparisons.csv."""
    report = build_round_report(session, load_catalogue(), survey_round.id)
    others = {
        result.age_band: comparison.comparator_percent
        for result in report.results()
        if result.indicator_id == "always_feels_safe"
        for comparison in result.comparisons
        if comparison.kind == ComparisonKind.OTHER_LAS
    }
    return others, report_csv(report)["comparisons.csv"]


def test_another_authoritys_open_round_never_moves_the_comparators(session: Session) -> None:
    this = _round_with_answers(session, "open", safe=8, unsafe=4)
    _round_with_answers(session, "closed", safe=15, unsafe=5)
    still_open = _round_with_answers(session, "open", safe=2, unsafe=10)
    before, csv_before = _other_areas_and_csv(session, this)

    paper = {"feel_safe": "never", **ABOUT_ME}
    make_answered_response(session, still_open, answers=paper, mode="paper")
    after, csv_after = _other_areas_and_csv(session, this)

    assert before == {"cic-8-10": 75}  # 15 of 20 in the closed round; the open one is left out.
    assert after == before
    assert csv_after == csv_before


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "whose rounds for the same period have closed"), ("cy", "yr un cyfnod wedi cau")],
)
def test_the_methods_note_says_other_areas_are_closed_rounds(
    session: Session, language: str, words: str
) -> None:
    this = _round_with_answers(session, "open", safe=8, unsafe=4)
    report = build_round_report(session, load_catalogue(), this.id, language)
    assert any(words in paragraph for paragraph in report.methods.paragraphs)
