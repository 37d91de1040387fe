"""The programme view as files: its two tables (response rates, and each headline result by
authority) and the notes explaining their markers, as CSV files and as sheets of one XLSX
workbook.

The files hold exactly the rows and values of the page's tables, in the page's language, drawn
from the same ``ProgrammeView`` and response rates: a value the page hides is ``[c]`` (or its
own marker) here too, with no base beside it, and the authorities are named as on the page,
which only programme admins may open. Numbers stay numbers so a spreadsheet can sort them;
every text cell is defused against formulas. The charts' captions (median, middle half and
range of the shown values) are left out: they are worked from the shown values in the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from flask_babel import gettext as _
from openpyxl import Workbook

from questionnaires import Catalogue
from report_builder.disclosure.values import Marker, SuppressionReason
from report_builder.render.csv import CSV_ENCODING, CSV_LINE_END
from report_builder.render.untrusted_text import defuse_formula
from report_builder.report.model import ProgrammeView
from survey_app.reports.presenters import notes_for
from survey_app.reports.programme import programme_spreads
from survey_app.services.reporting import ProgrammeRate
from survey_app.services.xlsx_export import MAX_WIDTH, MIN_WIDTH, FilteredSheet

Cell = str | int | None
PROGRAMME_TABLES = ("response-rates", "results", "notes")
"""The tables, by the name their CSV file ends with, in the order the page shows them; the
notes explain every marker the other two use (R-SDC-7), as the notes beneath the page's
tables do."""


@dataclass(frozen=True)
class ProgrammeTable:
    """One of the page's tables: its title (a sheet's name), header and rows."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def programme_tables(
    catalogue: Catalogue,
    view: ProgrammeView,
    names: dict[str, str],
    rates: Sequence[ProgrammeRate],
    language: str,
) -> dict[str, ProgrammeTable]:
    """The page's tables by ``PROGRAMME_TABLES`` name, in the current request's language;
    ``names`` maps authority codes to the names the page shows."""
    return {
        "response-rates": rates_table(rates),
        "results": results_table(catalogue, view, names, language),
        "notes": notes_table(view, rates, language),
    }


def rates_table(rates: Sequence[ProgrammeRate]) -> ProgrammeTable:
    """ "Response rates by local authority", with the page's ``[c]`` and "not set"."""
    header = (
        _("Local authority"),
        _("Period"),
        _("Completed the survey"),
        _("Could take part"),
        _("Response rate (%)"),
    )
    rows = tuple(
        (
            rate.name,
            rate.period,
            _or_hidden(rate.respondents),
            rate.population or _("not set"),
            _rate_cell(rate),
        )
        for rate in rates
    )
    return ProgrammeTable(_("Response rates"), header, rows)


def _rate_cell(rate: ProgrammeRate) -> Cell:
    """The rate, ``[c]`` when it is hidden with its count, or a dash when there is none."""
    if rate.rate_percent is not None:
        return rate.rate_percent
    return Marker.CONFIDENTIAL.value if rate.respondents is None and rate.population else "–"


def results_table(
    catalogue: Catalogue, view: ProgrammeView, names: dict[str, str], language: str
) -> ProgrammeTable:
    """Each headline indicator and age group's table, one row per authority, stacked."""
    header = (
        _("Question"),
        _("Age group"),
        _("Local authority"),
        _("Period"),
        _("Result (%)"),
        _("Answered"),
        _("Marker"),
    )
    spreads = programme_spreads(catalogue, view, names, language)
    rows = tuple(
        (
            spread.label,
            spread.band_label,
            area.name,
            value.period,
            value.percent if value.percent is not None else value.marker,
            value.base if value.base is not None else value.marker,
            value.marker or None,
        )
        for spread, indicator in zip(spreads, view.indicators, strict=True)
        for area, value in zip(spread.values, indicator.values, strict=True)
    )
    return ProgrammeTable(_("Results"), header, rows)


def notes_table(
    view: ProgrammeView, rates: Sequence[ProgrammeRate], language: str
) -> ProgrammeTable:
    """One row for each marker used in the other tables: what it means."""
    reasons = [value.note for indicator in view.indicators for value in indicator.values]
    if any(rate.respondents is None for rate in rates):
        reasons.append(SuppressionReason.CONFIDENTIAL.value)
    notes = notes_for(reasons, language)
    return ProgrammeTable(_("Notes on markers"), (_("Note"),), tuple((note,) for note in notes))


def _or_hidden(value: int | None) -> Cell:
    return Marker.CONFIDENTIAL.value if value is None else value


def table_csv(table: ProgrammeTable) -> bytes:
    """``table`` as a CSV file (UTF-8 with a byte-order mark, CRLF, as the report's CSVs)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=CSV_LINE_END)
    writer.writerow([defuse_formula(name) for name in table.header])
    writer.writerows([defuse_formula(cell) for cell in row] for row in table.rows)
    return out.getvalue().encode(CSV_ENCODING)


def tables_xlsx(tables: Sequence[ProgrammeTable]) -> bytes:
    """Each table as a sheet of one workbook: a bold header that stays in view and a filter."""
    book = Workbook(write_only=True)
    for table in tables:
        sheet = FilteredSheet(book, table.title[:31], table.header, _widths(table))
        for row in table.rows:
            sheet.append([defuse_formula(cell) for cell in row])
        sheet.finish()
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _widths(table: ProgrammeTable) -> list[int]:
    """Each column wide enough for its longest entry, within the export's limits."""
    columns = zip(table.header, *table.rows, strict=True)
    return [
        min(MAX_WIDTH, max(MIN_WIDTH, *(len(str(cell or "")) + 2 for cell in column)))
        for column in columns
    ]
