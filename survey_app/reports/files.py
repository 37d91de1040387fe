"""A report as files: standalone HTML, PDF, CSV (one per table or zipped) and XLSX.

Every file is drawn from the same disclosure-controlled ``Report`` as the web page
(R-SDC-8). The standalone HTML renders the page's own body template with the stylesheets
inlined, so it opens anywhere with no app behind it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

from report_builder.render.csv import report_csv
from report_builder.render.pdf import report_pdf
from report_builder.report.model import Report
from survey_app.reports.presenters import report_context

REPORT_FORMATS = ("html", "pdf", "csv")
TABLES = (
    "indicators",
    "comparisons",
    "response_rates",
    "demographics",
    "highlights",
    "quotes",
    "notes",
)
"""The tables ``report_csv`` writes, in the order the download list shows them."""
LOCALES = {"en": "en_GB", "cy": "cy"}
_STYLESHEETS = ("govuk/govuk-frontend.min.css", "care-voices.css")


def file_stem(round_id: int, language: str) -> str:
    """The start of every file name of a round's report, e.g. ``care-voices-round-3-en``."""
    return f"care-voices-round-{round_id}-{language}"


def report_files(report: Report, kind: str, *, round_id: int) -> dict[str, bytes]:
    """File name -> bytes of ``report`` in ``kind`` (one of ``REPORT_FORMATS``)."""
    stem = file_stem(round_id, report.language)
    if kind == "html":
        return {f"{stem}.html": standalone_html(report).encode("utf-8")}
    if kind == "pdf":
        return {f"{stem}.pdf": report_pdf(report)}
    if kind == "csv":
        return {f"{stem}-{name}": body for name, body in report_csv(report).items()}
    raise ValueError(f"unknown report format {kind!r}")


def standalone_html(report: Report) -> str:
    """The report page with inlined CSS and no links back into the app."""
    static = Path(current_app.static_folder or "")
    css = "\n".join((static / name).read_text(encoding="utf-8") for name in _STYLESHEETS)
    with current_app.test_request_context(), force_locale(LOCALES[report.language]):
        return render_template("reports/standalone.html", css=css, **report_context(report))


def csv_zip(report: Report, *, round_id: int) -> bytes:
    """Every table's CSV in one zip file."""
    buffer = io.BytesIO()
    stem = file_stem(round_id, report.language)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in report_csv(report).items():
            archive.writestr(f"{stem}-{name}", body)
    return buffer.getvalue()


def table_csv(report: Report, table: str) -> bytes | None:
    """One table's CSV (``table`` as in ``report_csv``, without ``.csv``); None if unknown."""
    return report_csv(report).get(f"{table}.csv")


def pdf(report: Report, *, html_url: str, data_url: str) -> bytes:
    """The PDF, pointing readers to the accessible HTML page and the data files (A14)."""
    return report_pdf(report, html_url=html_url, data_url=data_url)
