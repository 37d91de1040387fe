"""A report as files: standalone HTML, PDF, CSV (one per table or zipped) and XLSX.

Every file is drawn from the same disclosure-controlled ``Report`` as the web page
(R-SDC-8). The standalone HTML renders the page's own body template with the stylesheets
inlined, so it opens anywhere with no app behind it; the PDF prints that same body with the
print stylesheet (``print_pdf``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

from report_builder.render.csv import report_csv
from report_builder.report.model import Report
from survey_app.reports.cover import ReportCover
from survey_app.reports.presenters import report_context
from survey_app.reports.print_pdf import html_to_pdf

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
LANGUAGE_TAGS = {"en": "en-GB", "cy": "cy"}
"""The language a PDF declares, as a BCP 47 tag."""
_STYLESHEETS = ("govuk/govuk-frontend.min.css", "care-voices.css")


def file_stem(round_id: int, language: str) -> str:
    """The start of every file name of a round's report, e.g. ``care-voices-round-3-en``."""
    return f"care-voices-round-{round_id}-{language}"


def report_files(
    report: Report, kind: str, *, round_id: int, cover: ReportCover
) -> dict[str, bytes]:
    """File name -> bytes of ``report`` in ``kind`` (one of ``REPORT_FORMATS``)."""
    stem = file_stem(round_id, report.language)
    if kind == "html":
        return {f"{stem}.html": standalone_html(report, cover).encode("utf-8")}
    if kind == "pdf":
        return {f"{stem}.pdf": report_pdf(report, cover)}
    if kind == "csv":
        return {f"{stem}-{name}": body for name, body in report_csv(report).items()}
    raise ValueError(f"unknown report format {kind!r}")


def standalone_html(report: Report, cover: ReportCover | None = None) -> str:
    """The report page with inlined CSS and no links back into the app."""
    css = "\n".join((_static() / name).read_text(encoding="utf-8") for name in _STYLESHEETS)
    return _rendered("reports/standalone.html", report, cover=cover, css=css)


def report_body(report: Report, cover: ReportCover) -> str:
    """The report itself (``reports/_report.html``) as the page shows it, in the current
    request's language, which is the report's."""
    return render_template("reports/_report.html", cover=cover, **report_context(report))


def report_pdf(report: Report, cover: ReportCover | None = None) -> bytes:
    """The report as a tagged PDF (PDF/UA-1): its own HTML printed with the print stylesheet
    (and the cover's logo, the one image the printer may load that is not a static file)."""
    html = print_html(report, cover)
    return html_to_pdf(html, static_folder=_static(), images=_cover_images(cover))


def _cover_images(cover: ReportCover | None) -> dict[str, bytes]:
    """The cover's logo by the ``data:`` URL the cover names it with; none without a logo."""
    if cover is None or cover.branding.logo is None or cover.branding.logo_data_url is None:
        return {}
    return {cover.branding.logo_data_url: cover.branding.logo.png}


def print_html(report: Report, cover: ReportCover | None = None) -> str:
    """The document the PDF is printed from (``reports/print.html``)."""
    tag = LANGUAGE_TAGS[report.language]
    return _rendered("reports/print.html", report, cover=cover, language_tag=tag)


def _rendered(template: str, report: Report, **context: object) -> str:
    """``template`` with the report's context, outside any request, in the report's language."""
    with current_app.test_request_context(), force_locale(LOCALES[report.language]):
        return render_template(template, **context, **report_context(report))


def _static() -> Path:
    return Path(current_app.static_folder or "")


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
