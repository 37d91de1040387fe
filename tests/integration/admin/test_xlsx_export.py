"""The XLSX export reads without the codebook: a labels sheet beside the codes sheet, each sheet's
header frozen and its rows filtered, numbers kept as numbers."""

from __future__ import annotations

import io

import openpyxl
import pytest
from flask.testing import FlaskClient
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import Answer, StaffUser, SurveyRound
from survey_app.services.moderation import decide, pending_answer
from tests.factories import make_answered_response, make_round

SHEETS = ("Responses", "Responses (labels)", "Codebook")


@pytest.fixture
def survey_round(session: Session, officer: StaffUser) -> SurveyRound:
    """A child of 8-10 and a care leaver (who see different words for one code), and an
    unfinished response; one free-text answer is approved."""
    made = make_round(
        session, officer.local_authority, instruments=(("cic-8-10", 1), ("leavers-16-25", 1))
    )
    make_answered_response(
        session,
        made,
        "cic-8-10",
        {"trust_carers": "all_or_most_of_the_time", "gender": "female", "worries": "Nothing"},
    )
    make_answered_response(
        session,
        made,
        "leavers-16-25",
        {"doing_now": ["work"], "life_satisfaction": "7", "gender": "female"},
    )
    make_answered_response(session, made, "cic-8-10", {"feel_safe": "never"}, completed=False)
    worries = session.scalars(select(Answer).where(Answer.value == "Nothing")).one()
    decide(session, officer, pending_answer(session, made, worries.id), "approve")
    session.commit()
    return made


@pytest.fixture
def book(officer_client: FlaskClient, survey_round: SurveyRound) -> Workbook:
    reply = officer_client.get(f"/admin/rounds/{survey_round.id}/exports/responses.xlsx")
    assert reply.status_code == 200
    body = reply.get_data()
    reply.close()
    return openpyxl.load_workbook(io.BytesIO(body))


def _column(sheet: Worksheet, name: str) -> list[object]:
    header = [cell.value for cell in sheet[1]]
    return [row[header.index(name)].value for row in sheet.iter_rows(min_row=2)]


def test_the_workbook_holds_codes_labels_and_the_codebook(book: Workbook) -> None:
    assert tuple(book.sheetnames) == SHEETS


def test_the_labels_sheet_holds_the_same_rows_in_words(book: Workbook) -> None:
    codes, words = book["Responses"], book["Responses (labels)"]

    assert [c.value for c in words[1]] == [c.value for c in codes[1]]
    for same in ("response", "instrument_version", "status", "worries"):
        assert _column(words, same) == _column(codes, same)
    assert _column(codes, "trust_carers") == ["all_or_most_of_the_time", None, None]
    assert _column(words, "trust_carers") == ["All or most of the time", None, None]
    assert _column(words, "feel_safe") == [None, None, "Never"]
    assert _column(words, "worries") == ["Nothing", None, None]


def test_each_response_is_labelled_in_the_words_of_its_own_questionnaire(book: Workbook) -> None:
    assert _column(book["Responses"], "gender") == ["female", "female", None]
    assert _column(book["Responses (labels)"], "gender") == ["Girl", "Woman", None]


def test_multiple_choice_options_read_chosen_not_chosen_or_blank_when_not_asked(
    book: Workbook,
) -> None:
    words = book["Responses (labels)"]
    assert _column(words, "doing_now__work") == [None, "chosen", None]
    assert _column(words, "doing_now__education") == [None, "not chosen", None]
    assert _column(book["Responses"], "doing_now__work") == [None, 1, None]


def test_numbers_stay_numbers_in_both_response_sheets(book: Workbook) -> None:
    for title in ("Responses", "Responses (labels)"):
        assert _column(book[title], "response") == [1, 2, 3]
        assert _column(book[title], "life_satisfaction") == [None, 7, None]


@pytest.mark.parametrize("title", SHEETS)
def test_every_sheet_keeps_its_header_in_view_and_filters_its_rows(
    book: Workbook, title: str
) -> None:
    sheet = book[title]
    last = f"{get_column_letter(sheet.max_column)}{sheet.max_row}"

    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{last}"
    assert all(cell.font.bold for cell in sheet[1])


@pytest.mark.parametrize("title", SHEETS)
def test_every_column_is_wide_enough_for_its_header_within_bounds(
    book: Workbook, title: str
) -> None:
    sheet = book[title]
    for cell in sheet[1]:
        width = sheet.column_dimensions[cell.column_letter].width
        assert min(len(cell.value) + 2, 50) <= width <= 50, cell.value


def test_a_labels_column_is_as_wide_as_its_longest_label(book: Workbook) -> None:
    words = book["Responses (labels)"]
    header = [cell.value for cell in words[1]]
    letter = get_column_letter(header.index("trust_carers") + 1)

    assert words.column_dimensions[letter].width >= len("All or most of the time")
