"""The XLSX labels sheet never lets a label run as a formula, and never turns free text into a
number, whatever words a questionnaire or a young person uses."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from survey_app.services.codebook import CODEBOOK_FIELDS, Variable
from survey_app.services.xlsx_export import save_workbook

COLUMNS = ["response", "instrument_version", "amount", "said"]
AMOUNT = Variable("amount", "amount", "single_choice", "How much?")
SAID = Variable("said", "said", "free_text", "Anything else?")
LABELS = {"q@v1": {"amount": {"less": "-1 or less", "sum": "=1+1", "ten": "10"}}}


def _sheets(tmp_path: Path, codes: list[str]) -> tuple[list[list[object]], list[list[object]]]:
    rows = [
        {"response": n, "instrument_version": "q@v1", "amount": code, "said": "42"}
        for n, code in enumerate(codes, start=1)
    ]
    codebook = [dict.fromkeys(CODEBOOK_FIELDS, "-") for _ in range(2)]
    path = tmp_path / "export.xlsx"
    save_workbook(path, COLUMNS, [AMOUNT, SAID], rows, LABELS, codebook)
    book = openpyxl.load_workbook(path)
    return [
        [[cell.value for cell in row] for row in book[title].iter_rows(min_row=2)]
        for title in ("Responses (labels)", "Codebook")
    ]


def test_a_label_starting_with_a_formula_trigger_is_written_as_text(tmp_path: Path) -> None:
    labels, _codebook = _sheets(tmp_path, ["less", "sum"])
    assert [row[2] for row in labels] == ["'-1 or less", "'=1+1"]


def test_a_whole_number_label_is_a_number_but_free_text_stays_text(tmp_path: Path) -> None:
    labels, _codebook = _sheets(tmp_path, ["ten"])
    assert labels == [[1, "q@v1", 10, "42"]]


def test_a_code_with_no_label_is_shown_as_it_is(tmp_path: Path) -> None:
    labels, _codebook = _sheets(tmp_path, ["unknown"])
    assert labels[0][2] == "unknown"


def test_codebook_cells_are_defused_too(tmp_path: Path) -> None:
    _labels, codebook = _sheets(tmp_path, [])
    assert codebook == [["'-"] * len(CODEBOOK_FIELDS)] * 2
