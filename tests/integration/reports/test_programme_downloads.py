"""The programme view's tables download as CSV and XLSX: the same rows and values as the page,
hidden values still [c], audited, never cached, and for programme admins only."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import openpyxl
import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import AuditEvent
from tests.integration.auth.staff_client import post_form
from tests.integration.reports.conftest import ADMIN, LEAD, OFFICER, Demo

# Slow: each test builds whole reports; left out of `make test-fast`, run by `make test`.
pytestmark = [pytest.mark.xdist_group("reports"), pytest.mark.slow]
StaffClient = Callable[[str], FlaskClient]
SMALL = "Demo Small Borough Council"
RATES = "/reports/programme/response-rates.csv"
RESULTS = "/reports/programme/results.csv"
NOTES = "/reports/programme/notes.csv"
WORKBOOK = "/reports/programme/programme.xlsx"


def _csv(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def _page_rows(client: FlaskClient) -> set[tuple[str, ...]]:
    """Every body row of the page's tables, as its cells' text."""
    soup = BeautifulSoup(client.get("/reports/programme").get_data(as_text=True), "html.parser")
    return {
        tuple(cell.get_text(strip=True) for cell in row.select("th, td"))
        for row in soup.select("tbody tr")
    }


def test_the_results_csv_has_the_pages_rows_with_hidden_values_still_hidden(
    staff_client: StaffClient, demo: Demo
) -> None:
    client = staff_client(ADMIN)
    reply = client.get(RESULTS)

    assert reply.headers["Cache-Control"] == "no-store"
    assert reply.headers["Content-Disposition"].startswith("attachment;")
    header, *rows = _csv(reply.data)
    assert header[:6] == [
        "Question",
        "Age group",
        "Local authority",
        "Period",
        "Result (%)",
        "Answered",
    ]
    hidden = [row for row in rows if row[2] == SMALL and row[4] == "[c]"]
    assert hidden
    assert all(row[5] == "[c]" for row in hidden)
    page = _page_rows(client)
    for row in rows:
        shown = f"{row[4]}%" if row[4].isdigit() else row[4]
        assert any(
            cells[0] == row[2] and cells[1] == row[3] and cells[2].startswith(shown)
            for cells in page
        ), row


def test_the_response_rates_csv_matches_the_pages_table(
    staff_client: StaffClient, demo: Demo
) -> None:
    client = staff_client(ADMIN)

    header, *rows = _csv(client.get(RATES).data)

    assert header[0] == "Local authority"
    page = _page_rows(client)
    for name, period, completed, population, rate in rows:
        rate_text = f"{rate}%" if rate.isdigit() else rate
        assert any(
            cells[:2] == (name, period)
            and cells[2].replace(",", "") == completed
            and cells[3].replace(",", "") == population
            and cells[4] == rate_text
            for cells in page
        ), (name, period)
    assert {row[0] for row in rows} >= {"Demo Borough Council", SMALL}


def test_the_workbook_holds_both_tables_with_numbers_as_numbers_and_c_kept(
    staff_client: StaffClient, demo: Demo
) -> None:
    client = staff_client(ADMIN)
    book = openpyxl.load_workbook(io.BytesIO(client.get(WORKBOOK).data), read_only=True)

    assert book.sheetnames == ["Response rates", "Results", "Notes on markers"]
    # A read-only sheet leaves out a row's empty cells at its end (no marker).
    results = [(*r, *[None] * (7 - len(r))) for r in book["Results"].iter_rows(values_only=True)]
    assert results[1:] == [
        (*row[:4], *(int(cell) if cell.isdigit() else cell for cell in row[4:6]), row[6] or None)
        for row in _csv(client.get(RESULTS).data)[1:]
    ]
    assert any(row[2] == SMALL and row[4] == "[c]" for row in results)
    assert any(isinstance(row[4], int) for row in results)


def test_every_marker_in_the_files_is_explained_in_the_notes(
    staff_client: StaffClient, demo: Demo
) -> None:
    client = staff_client(ADMIN)
    results = _csv(client.get(RESULTS).data)[1:]

    header, *notes = _csv(client.get(NOTES).data)

    assert header == ["Note"]
    used = {row[6] for row in results if row[6]}
    assert "[c]" in used
    assert all(any(note[0].startswith(marker) for note in notes) for marker in used)


def test_the_files_follow_the_pages_language(staff_client: StaffClient, demo: Demo) -> None:
    client = staff_client(ADMIN)
    post_form(client, "/auth/language", {"language": "cy"}, form_page="/reports/programme")

    reply = client.get(RATES)

    assert _csv(reply.data)[0][0] == "Awdurdod lleol"
    assert "care-voices-programme-cy-response-rates.csv" in reply.headers["Content-Disposition"]


def test_every_programme_download_is_audited(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    client = staff_client(ADMIN)
    for path in (RATES, RESULTS, NOTES, WORKBOOK):
        client.get(path)

    with app.app_context():
        subjects = db.session.scalars(
            select(AuditEvent.subject).where(AuditEvent.action == "report.download")
        ).all()
    assert {"programme: response-rates.csv", "programme: results.csv", "programme: xlsx"} <= set(
        subjects
    )


@pytest.mark.parametrize("email", [OFFICER, LEAD])
@pytest.mark.parametrize("path", [RATES, RESULTS, NOTES, WORKBOOK])
def test_other_staff_get_no_programme_file_and_no_authority_names(
    staff_client: StaffClient, demo: Demo, email: str, path: str
) -> None:
    reply = staff_client(email).get(path)

    assert reply.status_code == 403
    assert SMALL.encode() not in reply.data


def test_the_programme_page_links_to_its_downloads(staff_client: StaffClient, demo: Demo) -> None:
    soup = BeautifulSoup(
        staff_client(ADMIN).get("/reports/programme").get_data(as_text=True), "html.parser"
    )

    links = {a["href"] for a in soup.select("a.govuk-link")}
    assert {RATES, RESULTS, NOTES, WORKBOOK} <= links
