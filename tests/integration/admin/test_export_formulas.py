"""An approved quote that a spreadsheet would run as a formula leaves every responses export
as text: a leading ``'`` in the CSV, XLSX and SPSS files, while numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pyreadstat
import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import Answer, StaffUser, SurveyRound
from survey_app.services.moderation import decide, pending_answer
from tests.factories import make_answered_response, make_round
from tests.support.hostile_text import FORMULAS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
STORED = [text for text in FORMULAS if text.strip() == text]
"""The formulas as the answer service stores them (it trims leading tabs and line breaks)."""


@pytest.fixture
def survey_round(session: Session, officer: StaffUser) -> SurveyRound:
    """One completed response per formula, each approved as a quote."""
    made = make_round(session, officer.local_authority, instruments=(("cic-8-10", 1),))
    for text in STORED:
        make_answered_response(session, made, "cic-8-10", {"feel_safe": "always", "worries": text})
    for answer in session.scalars(select(Answer).where(Answer.item_id == "worries")):
        decide(session, officer, pending_answer(session, made, answer.id), "approve")
    session.commit()
    return made


def _download(client: FlaskClient, survey_round: SurveyRound, kind: str) -> bytes:
    reply = client.get(f"/admin/rounds/{survey_round.id}/exports/responses.{kind}")
    assert reply.status_code == 200
    body = reply.get_data()
    reply.close()
    return body


def test_the_csv_export_writes_each_formula_as_quoted_text(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    body = _download(officer_client, survey_round, "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(body, newline="")))

    assert [row["worries"] for row in rows] == [f"'{text}" for text in STORED]
    assert not any(cell.startswith(FORMULA_START) for row in rows for cell in row.values())


@pytest.mark.parametrize("title", ["Responses", "Responses (labels)"])
def test_the_xlsx_export_holds_no_formula_and_keeps_row_numbers_as_numbers(
    officer_client: FlaskClient, survey_round: SurveyRound, title: str
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_download(officer_client, survey_round, "xlsx")))
    sheet = book[title]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    header = [cell.value for cell in sheet[1]]

    assert all(cell.data_type != "f" for cell in cells)
    assert not any(str(cell.value or "").startswith(FORMULA_START) for cell in cells)
    worries = [row[header.index("worries")].value for row in sheet.iter_rows(min_row=2)]
    assert worries == [f"'{text}" for text in STORED]
    numbers = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [(cell.data_type, cell.value) for cell in numbers] == [
        ("n", n) for n in range(1, len(STORED) + 1)
    ]


def test_the_spss_export_holds_each_formula_as_quoted_text(
    officer_client: FlaskClient, survey_round: SurveyRound, tmp_path: Path
) -> None:
    path = tmp_path / "export.sav"
    path.write_bytes(_download(officer_client, survey_round, "sav"))
    frame, _meta = pyreadstat.read_sav(str(path))

    assert list(frame["worries"]) == [f"'{text}" for text in STORED]
    texts = [cell for cell in frame.to_numpy().ravel() if isinstance(cell, str)]
    assert not any(cell.startswith(FORMULA_START) for cell in texts)
    assert list(frame["response"]) == list(range(1, len(STORED) + 1))
