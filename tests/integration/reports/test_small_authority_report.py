"""A small authority's report says what it can show, and why the rest is missing, in a few
lines: not pages of [c], a chart of bars whose ranges are all too wide to compare, or the same
note under every table (issue 15)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask import Flask

from questionnaires import load_catalogue
from survey_app.extensions import db
from survey_app.models import SurveyRound
from survey_app.reports.cover import report_cover
from survey_app.reports.files import report_body
from survey_app.services.reporting import build_round_report
from tests.integration.reports.conftest import Demo

# Slow: each test builds whole reports; left out of `make test-fast`, run by `make test`.
pytestmark = [pytest.mark.xdist_group("reports"), pytest.mark.slow]

LENGTH_BEFORE_ISSUE_15 = 174_240
"""Bytes of Demo Small Borough's report body when issue 15 was filed: pages of [c]."""


@pytest.fixture(scope="module")
def small_report(app: Flask, demo: Demo) -> tuple[str, list[tuple[str, str]]]:
    """The small authority's report body as the page shows it, and (label, result) of every
    result its report model may show (built once: it takes seconds)."""
    with app.app_context(), app.test_request_context():
        survey_round = db.session.get(SurveyRound, demo.small_round_id)
        catalogue = load_catalogue()
        report = build_round_report(db.session, catalogue, survey_round.id, "en")
        body = report_body(report, report_cover(survey_round, report))
    shown = [
        (r.label, f"{r.percent_text} {r.marker}".strip()) for r in report.results() if r.is_shown
    ]
    return body, shown


def test_the_small_authoritys_report_is_under_a_quarter_of_its_length_before_issue_15(
    small_report: tuple[str, list[tuple[str, str]]],
) -> None:
    body, _ = small_report

    assert len(body.encode("utf-8")) < LENGTH_BEFORE_ISSUE_15 / 4


def test_the_small_authoritys_report_still_shows_every_result_it_may_show(
    small_report: tuple[str, list[tuple[str, str]]],
) -> None:
    body, shown = small_report

    page = BeautifulSoup(body, "html.parser")
    rows = [
        (row.th.get_text(strip=True), row.td.get_text(" ", strip=True))
        for row in page.select("table.cv-report-table[id^=table-] tbody tr")
    ]
    assert len(shown) >= 30  # Its 11 to 17s answered enough for about 40 results.
    assert sorted(rows) == sorted(shown)


def test_the_small_authoritys_report_says_once_why_its_tables_have_no_charts(
    small_report: tuple[str, list[tuple[str, str]]],
) -> None:
    body, _ = small_report

    page = BeautifulSoup(body, "html.parser")
    text = page.get_text(" ")
    assert not page.select("figure svg")
    assert text.count("is given without a chart") == 1
    assert text.count("No question here could be compared with these") == 1
    assert text.count("How to read the comparisons") == 1
