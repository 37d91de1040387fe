"""Monitoring shows progress against the target: a chart with words and a table, and a CSV.

The target is each band's number of children times the authority's minimum rate (30% unless
changed), rounded up; progress is the running total of responses by the day they completed.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from survey_app.models import StaffUser, SurveyRound
from survey_app.services.monitoring import monitor_round
from tests.factories import make_access_code, make_answered_response, make_round

TODAY = date.today()


def _complete_on(session: Session, survey_round: SurveyRound, days: list[date], **kw) -> None:
    for day in days:
        response = make_answered_response(session, survey_round, "cic-8-10", **kw)
        response.started_on = response.completed_on = day


def _round_with_progress(session: Session, officer: StaffUser) -> SurveyRound:
    survey_round = make_round(
        session, officer.local_authority, opens_on=TODAY - timedelta(days=3)
    )  # cic-8-10 and cic-11-17, 100 children each
    batch, _clear = make_access_code(session, survey_round, label="=HYPERLINK(1)")
    _complete_on(session, survey_round, [TODAY - timedelta(days=2)] * 2, access_code=batch)
    _complete_on(session, survey_round, [TODAY], mode="paper")
    session.commit()
    return survey_round


def test_targets_and_the_running_total_by_day(session: Session, officer: StaffUser) -> None:
    survey_round = _round_with_progress(session, officer)
    survey_round.local_authority.minimum_response_rate = 25

    figures = monitor_round(session, survey_round)

    assert [band.target for band in figures.bands] == [25, 25]
    assert figures.target == 50
    progress = [(p.day, p.completed, p.running_total) for p in figures.progress]
    assert progress == [(TODAY - timedelta(days=2), 2, 2), (TODAY, 1, 3)]


def test_the_page_draws_the_chart_with_words_and_the_same_figures_in_a_table(
    officer_client: FlaskClient, session: Session, officer: StaffUser
) -> None:
    survey_round = _round_with_progress(session, officer)

    html = officer_client.get(f"/admin/rounds/{survey_round.id}/monitoring").get_data(as_text=True)

    page = BeautifulSoup(html, "html.parser")
    chart = page.select_one("svg.cv-chart__svg")
    assert chart["role"] == "img"
    assert chart["aria-labelledby"] == "progress-heading progress-summary"
    summary = page.select_one("#progress-summary").get_text(" ", strip=True)
    assert summary.startswith("3 completed responses so far, against a target of 60 (30%")
    assert chart.select_one(".cv-chart__target") is not None
    assert "Target 60" in chart.get_text()
    rows = [
        r.get_text("|", strip=True)
        for r in page.select("[aria-label='Completed each day'] tbody tr")
    ]
    day = (TODAY - timedelta(days=2)).strftime("%d/%m/%Y")
    assert rows == [f"{day}|2|2", f"{TODAY:%d/%m/%Y}|1|3"]
    region = page.select_one("[aria-label='Completed each day']")
    assert (region["role"], region["tabindex"]) == ("region", "0")
    assert "Children in care aged 8 to 10" in page.select_one("#monitoring-figures").get_text()


def test_the_figures_download_as_csv_with_staff_labels_defused(
    officer_client: FlaskClient, session: Session, officer: StaffUser
) -> None:
    survey_round = _round_with_progress(session, officer)
    path = f"/admin/rounds/{survey_round.id}/monitoring.csv"
    page = officer_client.get(f"/admin/rounds/{survey_round.id}/monitoring").get_data(as_text=True)
    assert f'href="{path}"' in page

    reply = officer_client.get(path)

    assert reply.mimetype == "text/csv"
    assert "attachment" in reply.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(reply.get_data(as_text=True))))
    by_table = {(r["table"], r["group"]): r for r in rows}
    assert by_table[("day", TODAY.isoformat())]["running_total"] == "3"
    assert by_table[("age_band", "cic-8-10")]["target"] == "30"
    assert by_table[("code_batch", "'=HYPERLINK(1)")]["responses"] == "2"
    assert by_table[("code_batch", "no code")]["responses"] == "1"
    assert by_table[("mode", "paper")]["responses"] == "1"


@pytest.mark.parametrize(
    ("children_entered", "summary"),
    [
        (True, "1 completed response so far, against a target of 60"),
        (False, "1 completed response so far. Enter the numbers of children"),
    ],
)
def test_one_completed_response_is_counted_in_the_singular(
    officer_client: FlaskClient,
    session: Session,
    officer: StaffUser,
    children_entered: bool,
    summary: str,
) -> None:
    survey_round = make_round(session, officer.local_authority)
    if not children_entered:
        survey_round.denominators = []
    _complete_on(session, survey_round, [TODAY])
    session.commit()

    html = officer_client.get(f"/admin/rounds/{survey_round.id}/monitoring").get_data(as_text=True)

    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("#progress-summary").get_text(" ", strip=True).startswith(summary)
