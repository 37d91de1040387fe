"""The XLSX responses export laid out for an officer as well as an analyst.

Three sheets: "Responses" (answer codes, as in the CSV), "Responses (labels)" (the same rows
with every coded answer in the English words its questionnaire version showed) and "Codebook".
Each has a bold header row that stays in view (frozen panes), an auto-filter over its data and
columns wide enough to read. Whole-number codes and labels (0-10 scales, the 0/1 multiple-choice
columns, ages) are numbers, so a spreadsheet can sum and sort them; free text is left as it came
(approved quotes, already defused against formulas) and every label is defused the same way.

openpyxl's write-only mode is kept so that a large round streams through memory: it writes a
sheet's panes and column widths before the first row and its filter after the last, so widths are
worked out from the header and the codebook's labels rather than from the data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from report_builder.render.untrusted_text import defuse_formula
from survey_app.services.codebook import CODEBOOK_FIELDS, Variable

Value = str | int | None
Labels = Mapping[str, Mapping[str, Mapping[str, str]]]
ValuesOf = Callable[[Variable], list[str]]
MIN_WIDTH = 12
MAX_WIDTH = 50
FREE_TEXT_WIDTH = MAX_WIDTH
CODES_SHEET = "Responses"
LABELS_SHEET = "Responses (labels)"
CODEBOOK_SHEET = "Codebook"


class FilteredSheet:
    """A write-only sheet with its header frozen and an auto-filter over every row appended."""

    def __init__(
        self, book: Workbook, title: str, header: Sequence[str], widths: Sequence[int]
    ) -> None:
        """Add the sheet to ``book`` with its panes, column widths and bold header row, all of
        which a write-only sheet must have before its first data row."""
        self._sheet = book.create_sheet(title)
        self._sheet.freeze_panes = "A2"
        for number, width in enumerate(widths, start=1):
            self._sheet.column_dimensions[get_column_letter(number)].width = width
        self._sheet.append([self._bold(name) for name in header])
        self._columns, self._rows = len(header), 1

    def _bold(self, text: str) -> Cell:
        cell = WriteOnlyCell(self._sheet, value=text)
        cell.font = Font(bold=True)
        return cell

    def append(self, values: Sequence[Value]) -> None:
        """Add one data row."""
        self._sheet.append(values)
        self._rows += 1

    def finish(self) -> None:
        """Filter over the header and every row; call once, after the last ``append``."""
        self._sheet.auto_filter.ref = f"A1:{get_column_letter(self._columns)}{self._rows}"


def save_workbook(
    path: Path,
    columns: Sequence[str],
    variables: Sequence[Variable],
    rows: Iterable[Mapping[str, Value]],
    labels: Labels,
    codebook: Sequence[Mapping[str, str]],
) -> None:
    """Write the three sheets to ``path``, drawing ``rows`` (export rows of codes) once.

    ``labels`` is ``codebook.labels_by_version``: a row is labelled by its
    ``instrument_version``.
    """
    book = Workbook(write_only=True)
    kinds = {v.name: v for v in variables}
    codes = FilteredSheet(book, CODES_SHEET, columns, _widths(columns, kinds, _codes_of))
    words = FilteredSheet(book, LABELS_SHEET, columns, _widths(columns, kinds, _labels_of))
    for row in rows:
        by_name = labels.get(str(row["instrument_version"]), {})
        codes.append([_coded(row[name], kinds.get(name)) for name in columns])
        words.append([_labelled(row[name], kinds.get(name), by_name) for name in columns])
    codes.finish()
    words.finish()
    _codebook_sheet(book, codebook)
    book.save(path)


def _coded(code: Value, variable: Variable | None) -> Value:
    """A code as written to the codes sheet: a whole number as a number, other codes as text."""
    if variable is None or variable.item_type == "free_text":
        return code
    return _number_or_text(code)


def _labelled(
    code: Value, variable: Variable | None, by_name: Mapping[str, Mapping[str, str]]
) -> Value:
    """A code in its version's words; free text, blanks and response details are unchanged."""
    if variable is None or variable.item_type == "free_text" or code is None:
        return code
    label = by_name.get(variable.name, {}).get(str(code), str(code))
    return _number_or_text(label)


def _number_or_text(value: Value) -> Value:
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return defuse_formula(value)


def _codes_of(variable: Variable) -> list[str]:
    return list(variable.labels)


def _labels_of(variable: Variable) -> list[str]:
    return list(variable.labels.values())


def _widths(
    columns: Sequence[str], kinds: Mapping[str, Variable], values_of: ValuesOf
) -> list[int]:
    """Each column's width: its header or longest known value, within the house bounds."""
    return [_column_width(name, kinds.get(name), values_of) for name in columns]


def _column_width(name: str, variable: Variable | None, values_of: ValuesOf) -> int:
    if variable is not None and variable.item_type == "free_text":
        return FREE_TEXT_WIDTH
    return fitted_width([name, *(values_of(variable) if variable else [])])


def fitted_width(texts: Iterable[str]) -> int:
    """A column width (in characters) showing the longest of ``texts``, kept within bounds."""
    return min(max([MIN_WIDTH, *(len(text) + 2 for text in texts)]), MAX_WIDTH)


def _codebook_sheet(book: Workbook, codebook: Sequence[Mapping[str, str]]) -> None:
    widths = [
        fitted_width([name, *(entry[name] for entry in codebook)]) for name in CODEBOOK_FIELDS
    ]
    sheet = FilteredSheet(book, CODEBOOK_SHEET, CODEBOOK_FIELDS, widths)
    for entry in codebook:
        sheet.append([defuse_formula(entry[name]) for name in CODEBOOK_FIELDS])
    sheet.finish()
