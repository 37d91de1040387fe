"""The programme view's downloads: its tables as CSV files and as one XLSX workbook.

As the page, for programme admins only; every file is audited (``report.download``) before a
byte is sent, sent with ``Cache-Control: no-store`` and limited per member of staff like the
report's own downloads.
"""

from __future__ import annotations

from flask import Response
from flask_login import current_user

from questionnaires import load_catalogue
from survey_app.auth.access import ADMINS, staff_required
from survey_app.common.downloads import attachment
from survey_app.common.i18n import current_language
from survey_app.common.rate_keys import staff_account_rate_key
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session, limiter
from survey_app.reports import bp
from survey_app.reports.programme_files import (
    PROGRAMME_TABLES,
    ProgrammeTable,
    programme_tables,
    table_csv,
    tables_xlsx,
)
from survey_app.reports.routes import DOWNLOAD_LIMIT, TABLE_LIMIT
from survey_app.services.audit import record_event
from survey_app.services.reporting import (
    authority_names,
    programme_response_rates,
    programme_view,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/programme/response-rates.csv")
@staff_required(*ADMINS)
@limiter.limit(TABLE_LIMIT, key_func=staff_account_rate_key)
def programme_rates_csv() -> Response:
    return _table_csv("response-rates")


@bp.get("/programme/results.csv")
@staff_required(*ADMINS)
@limiter.limit(TABLE_LIMIT, key_func=staff_account_rate_key)
def programme_results_csv() -> Response:
    return _table_csv("results")


@bp.get("/programme/notes.csv")
@staff_required(*ADMINS)
@limiter.limit(TABLE_LIMIT, key_func=staff_account_rate_key)
def programme_notes_csv() -> Response:
    return _table_csv("notes")


@bp.get("/programme/programme.xlsx")
@staff_required(*ADMINS)
@limiter.limit(DOWNLOAD_LIMIT, key_func=staff_account_rate_key)
def programme_download_xlsx() -> Response:
    tables = _audited_tables("xlsx")
    body = tables_xlsx([tables[name] for name in PROGRAMME_TABLES])
    return attachment(body, XLSX, _file_name("xlsx"))


def _table_csv(name: str) -> Response:
    """The page's table ``name`` (one of ``PROGRAMME_TABLES``) as a CSV attachment."""
    table = _audited_tables(f"{name}.csv")[name]
    return attachment(table_csv(table), "text/csv", _file_name(f"{name}.csv"))


def _audited_tables(what: str) -> dict[str, ProgrammeTable]:
    """The page's tables in the page's language, once the download is audited and committed."""
    session = db_session()
    catalogue = load_catalogue()
    language = current_language()
    tables = programme_tables(
        catalogue,
        programme_view(session, catalogue),
        authority_names(session),
        programme_response_rates(session),
        language,
    )
    with unit_of_work(session):  # Audited before a byte is sent.
        record_event(
            session,
            current_user,
            "report.download",
            subject=f"programme: {what}",
            detail=f"language {language}",
        )
    return tables


def _file_name(ending: str) -> str:
    """Such as ``care-voices-programme-en-results.csv`` or ``care-voices-programme-cy.xlsx``."""
    separator = "." if ending == "xlsx" else "-"
    return f"care-voices-programme-{current_language()}{separator}{ending}"
