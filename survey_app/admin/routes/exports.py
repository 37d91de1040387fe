"""Exports of a round's anonymised responses and codebook: permission-checked, and audited once
sent in full."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import AnyStr

from flask import Response, abort, render_template, stream_with_context
from flask_login import current_user

from survey_app.admin import bp
from survey_app.auth.access import (
    ROUND_MANAGERS,
    recent_password_required,
    scoped_round,
    staff_required,
)
from survey_app.common.complete_downloads import record_before_last_chunk
from survey_app.common.downloads import attachment
from survey_app.common.rate_keys import staff_account_rate_key
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session, limiter
from survey_app.models import SurveyRound
from survey_app.services.exports import (
    FORMATS,
    codebook_csv,
    csv_chunks,
    file_chunks,
    record_export,
    write_sav,
    write_xlsx,
)

EXPORT_LIMIT = "10 per hour"
_FILE_WRITERS = {"xlsx": write_xlsx, "sav": write_sav}
_MIMETYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "sav": "application/x-spss-sav",
}


@bp.get("/rounds/<int:round_id>/exports")
@staff_required(*ROUND_MANAGERS)
def exports(round_id: int) -> str:
    return render_template("admin/exports.html", survey_round=scoped_round(round_id))


@bp.get("/rounds/<int:round_id>/exports/responses.<kind>")
@staff_required(*ROUND_MANAGERS)
@recent_password_required
@limiter.limit(EXPORT_LIMIT, key_func=staff_account_rate_key)
def export_responses(round_id: int, kind: str) -> Response:
    """The export, streamed, and audited once sent in full (``complete_downloads``)."""
    survey_round = scoped_round(round_id)
    if kind not in FORMATS:
        abort(404)
    record = partial(_record_sent, current_user.id, round_id, kind)
    body: Iterator[str] | Iterator[bytes]
    if kind == "csv":
        body = _streamed(csv_chunks(db_session(), survey_round), record)
    else:
        body = _streamed(file_chunks(_FILE_WRITERS[kind](db_session(), survey_round)), record)
    return attachment(body, _MIMETYPES[kind], _file_name(survey_round, kind))


def _streamed(chunks: Iterable[AnyStr], record: Callable[[], None]) -> Iterator[AnyStr]:
    """``chunks`` streamed in the request's context, with ``record`` called once all were drawn."""
    return stream_with_context(record_before_last_chunk(chunks, record))


def _record_sent(actor_id: int, round_id: int, kind: str) -> None:
    with unit_of_work(db_session()):
        record_export(db_session(), actor_id, round_id, kind)


@bp.get("/rounds/<int:round_id>/exports/codebook.csv")
@staff_required(*ROUND_MANAGERS)
def export_codebook(round_id: int) -> Response:
    survey_round = scoped_round(round_id)
    return attachment(
        codebook_csv(survey_round), "text/csv", _file_name(survey_round, "csv", "codebook")
    )


def _file_name(survey_round: SurveyRound, kind: str, what: str = "responses") -> str:
    return f"care-voices-round-{survey_round.id}-{what}.{kind}"
