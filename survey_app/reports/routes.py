"""The report pages: rounds with reports, one round's report, and its downloads.

Service leads and officers see their own authority's rounds; programme admins see all
(``scoped_round`` makes anyone else's round a 404). A round's report is built once for each
state of what it is made from and read from the report cache after that, as are the page's
report body and the PDF (``services.report_cache``). Downloads are audited before a byte is
sent, never cached by the browser, and limited for each member of staff: each kind of file has
its own hourly count, and reading the page counts against none of them.
"""

from __future__ import annotations

from flask import Response, abort, render_template
from flask_login import current_user
from markupsafe import Markup

from questionnaires import load_catalogue
from report_builder.render.csv import report_xlsx
from report_builder.report.model import Report
from survey_app.auth.access import scoped_round, staff_required
from survey_app.common.downloads import attachment
from survey_app.common.i18n import current_language
from survey_app.common.rate_keys import staff_account_rate_key
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session, limiter
from survey_app.models import SurveyRound
from survey_app.reports import bp
from survey_app.reports.cover import round_cover
from survey_app.reports.files import (
    TABLES,
    csv_zip,
    file_stem,
    report_body,
    report_pdf,
    table_csv,
)
from survey_app.reports.report_store import report_cache
from survey_app.services.actions import band_labels, done_by_band
from survey_app.services.cached_reports import cached_round_report
from survey_app.services.report_cache import CacheKey
from survey_app.services.reporting import NoResponsesError, record_download, reportable_rounds

DOWNLOAD_LIMIT = "30 per hour"
"""For each member of staff and each download route apart (the PDF, the zip, the workbook,
the "you said, we will" printout)."""
TABLE_LIMIT = "60 per hour"
"""One table at a time: seven tables, each of which may be fetched more than once."""
_MIMETYPES = {
    "pdf": "application/pdf",
    "zip": "application/zip",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@bp.get("/")
@staff_required()
def rounds() -> str:
    found = reportable_rounds(db_session(), current_user)
    return render_template("reports/rounds.html", rounds=found)


@bp.get("/rounds/<int:round_id>")
@staff_required()
def report(round_id: int) -> str:
    survey_round = scoped_round(round_id)
    try:
        key, built = _cached(survey_round)
    except NoResponsesError:
        return render_template("reports/no_responses.html", survey_round=survey_round)
    cover = round_cover(db_session(), survey_round, built)
    body = report_cache().file(key, "html", lambda: report_body(built, cover).encode("utf-8"))
    return render_template(
        "reports/report.html",
        survey_round=survey_round,
        cover=cover,
        tables=TABLES,
        report=built,
        # Rendered by us from the report with every text escaped, then stored as it was.
        report_body=Markup(body.decode("utf-8")),
        we_did=done_by_band(db_session(), survey_round),
        band_labels=band_labels(load_catalogue(), survey_round, built.language),
    )


@bp.get("/rounds/<int:round_id>/report.pdf")
@staff_required()
@limiter.limit(DOWNLOAD_LIMIT, key_func=staff_account_rate_key)
def download_pdf(round_id: int) -> Response:
    survey_round, key, built = _download("pdf", round_id)
    cover = round_cover(db_session(), survey_round, built)
    body = report_cache().file(key, "pdf", lambda: report_pdf(built, cover))
    return _attachment(body, "pdf", survey_round, built)


@bp.get("/rounds/<int:round_id>/report-data.zip")
@staff_required()
@limiter.limit(DOWNLOAD_LIMIT, key_func=staff_account_rate_key)
def download_zip(round_id: int) -> Response:
    survey_round, _, built = _download("zip", round_id)
    return _attachment(csv_zip(built, round_id=round_id), "zip", survey_round, built)


@bp.get("/rounds/<int:round_id>/report.xlsx")
@staff_required()
@limiter.limit(DOWNLOAD_LIMIT, key_func=staff_account_rate_key)
def download_xlsx(round_id: int) -> Response:
    survey_round, _, built = _download("xlsx", round_id)
    body = report_xlsx(built)
    if body is None:
        abort(404)
    return _attachment(body, "xlsx", survey_round, built)


@bp.get("/rounds/<int:round_id>/tables/<table>.csv")
@staff_required()
@limiter.limit(TABLE_LIMIT, key_func=staff_account_rate_key)
def download_table(round_id: int, table: str) -> Response:
    if table not in TABLES:
        scoped_round(round_id)  # Another authority's round stays a 404 whatever the table.
        abort(404)
    survey_round, _, built = _download(f"{table}.csv", round_id)
    body = table_csv(built, table)
    if body is None:
        abort(404)
    return _attachment(body, "csv", survey_round, built, suffix=f"-{table}")


def _cached(survey_round: SurveyRound) -> tuple[CacheKey, Report]:
    """The round's report in the page's language, from the cache when still current."""
    catalogue = load_catalogue()
    language = current_language()
    return cached_round_report(db_session(), catalogue, report_cache(), survey_round, language)


def _download(what: str, round_id: int) -> tuple[SurveyRound, CacheKey, Report]:
    """The round, its report and cache key, after the download is audited and committed; 404
    if nothing is completed."""
    survey_round = scoped_round(round_id)
    try:
        key, built = _cached(survey_round)
    except NoResponsesError:
        abort(404)
    with unit_of_work(db_session()):  # Audited before a byte is sent.
        record_download(db_session(), current_user, survey_round, what, built.language)
    return survey_round, key, built


def _attachment(
    body: bytes, kind: str, survey_round: SurveyRound, built: Report, suffix: str = ""
) -> Response:
    name = f"{file_stem(survey_round.id, built.language)}{suffix}.{kind}"
    return attachment(body, _MIMETYPES[kind], name)
