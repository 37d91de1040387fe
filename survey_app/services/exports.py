"""Anonymised response-level exports of a round: CSV (streamed), XLSX and SPSS ``.sav``.

Rows are read a batch at a time, so a large round never sits in memory as ORM objects and the
CSV starts flowing at once. XLSX and SAV are written to a temporary file first (openpyxl's
write-only mode; pyreadstat needs a data frame) and then streamed from disk. Rows carry codes
(the XLSX adds a sheet of the same rows in words, ``xlsx_export``); free text appears only as
its approved quote, and a quote a spreadsheet would run as a formula (``=HYPERLINK(...)``) is
written with a leading ``'``. Every export is audited.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import pyreadstat
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from report_builder.render.untrusted_text import defuse_formula
from survey_app.models import Answer, Response, StaffUser, SurveyRound
from survey_app.services.audit import record_event
from survey_app.services.codebook import (
    CODEBOOK_FIELDS,
    RESPONSE_COLUMNS,
    Variable,
    codebook_rows,
    item_variables,
    labels_by_version,
)
from survey_app.services.moderation import approved_quote_map
from survey_app.services.xlsx_export import save_workbook

BATCH_SIZE = 500
FORMATS = ("csv", "xlsx", "sav")
Row = dict[str, str | int | None]


@dataclass(frozen=True)
class ExportPlan:
    """What an export reads from its round, taken while the request's session is open.

    A streamed CSV body runs after the view has returned, when Flask-SQLAlchemy has removed
    the request's session and every ORM object from it is detached; the stream therefore
    holds plain values only, never the ``SurveyRound``.
    """

    round_id: int
    variables: list[Variable]
    quotes: dict[int, str]

    @classmethod
    def of(cls, session: Session, survey_round: SurveyRound) -> ExportPlan:
        """Read the round's columns and approved quotes now."""
        quotes = approved_quote_map(session, survey_round)
        return cls(survey_round.id, item_variables(survey_round), quotes)

    @property
    def columns(self) -> list[str]:
        """Every column of the export, in order."""
        return list(RESPONSE_COLUMNS) + [v.name for v in self.variables]


def response_rows(session: Session, plan: ExportPlan) -> Iterator[Row]:
    """One row per response, oldest first, read ``BATCH_SIZE`` responses at a time."""
    number, last_id = 0, 0
    while True:
        batch = list(session.scalars(_batch_query(plan.round_id, last_id)))
        if not batch:
            return
        answers = _answers_of(session, [r.id for r in batch])
        for response in batch:
            number += 1
            yield _row(number, response, answers[response.id], plan.variables, plan.quotes)
        last_id = batch[-1].id


def _batch_query(round_id: int, after_id: int) -> Select[Response]:
    return (
        select(Response)
        .where(Response.round_id == round_id, Response.id > after_id)
        .order_by(Response.id)
        .limit(BATCH_SIZE)
    )


def _answers_of(session: Session, response_ids: list[int]) -> dict[int, dict[str, Answer]]:
    found: dict[int, dict[str, Answer]] = defaultdict(dict)
    for answer in session.scalars(select(Answer).where(Answer.response_id.in_(response_ids))):
        found[answer.response_id][answer.item_id] = answer
    return found


def _row(
    number: int,
    response: Response,
    answers: dict[str, Answer],
    variables: list[Variable],
    quotes: dict[int, str],
) -> Row:
    row: Row = {
        "response": number,
        "instrument_version": f"{response.instrument}@v{response.version}",
        "content_hash": response.content_hash,
        "mode": response.mode,
        "language": response.language,
        "status": response.status,
        "started_on": response.started_on.isoformat(),
        "completed_on": response.completed_on.isoformat() if response.completed_on else None,
    }
    for variable in variables:
        row[variable.name] = defuse_formula(_cell(answers.get(variable.item_id), variable, quotes))
    return row


def _cell(answer: Answer | None, variable: Variable, quotes: dict[int, str]) -> str | None:
    if answer is None:
        return None
    if variable.item_type == "free_text":
        return quotes.get(answer.id)
    if variable.option is not None:
        return "1" if variable.option in json.loads(answer.value) else "0"
    return answer.value


def csv_chunks(session: Session, survey_round: SurveyRound) -> Iterator[str]:
    """The CSV export as text chunks: a header, then one chunk per ``BATCH_SIZE`` rows.

    The round is read before this returns; the chunks may be drawn after the request's
    session has gone (a streamed response), so ``session`` should be a scoped session.
    """
    return _csv_stream(session, ExportPlan.of(session, survey_round))


def _csv_stream(session: Session, plan: ExportPlan) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=plan.columns)
    writer.writeheader()
    for count, row in enumerate(response_rows(session, plan), start=1):
        writer.writerow(row)
        if count % BATCH_SIZE == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def codebook_csv(survey_round: SurveyRound) -> str:
    """The codebook as CSV text."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CODEBOOK_FIELDS)
    writer.writeheader()
    writer.writerows(codebook_rows(survey_round))
    return buffer.getvalue()


def write_xlsx(session: Session, survey_round: SurveyRound) -> Path:
    """A temporary XLSX file of codes, labels and the codebook (see ``xlsx_export``); the caller
    removes it."""
    plan = ExportPlan.of(session, survey_round)
    path = _temporary_path(".xlsx")
    save_workbook(
        path,
        plan.columns,
        plan.variables,
        response_rows(session, plan),
        labels_by_version(survey_round),
        codebook_rows(survey_round),
    )
    return path


def write_sav(session: Session, survey_round: SurveyRound) -> Path:
    """A temporary SPSS file with variable labels and value labels; the caller removes it."""
    plan = ExportPlan.of(session, survey_round)
    columns, variables = plan.columns, plan.variables
    frame = pd.DataFrame(list(response_rows(session, plan)), columns=columns)
    frame = frame.astype({name: "string" for name in columns if name != "response"})
    path = _temporary_path(".sav")
    pyreadstat.write_sav(
        frame.fillna(""),
        str(path),
        column_labels={**RESPONSE_COLUMNS, **{v.name: v.text[:250] for v in variables}},
        # Our columns are text, so their labels are keyed by text codes, as pyreadstat's
        # documentation allows; its annotation admits number keys only.
        variable_value_labels={v.name: v.labels for v in variables if v.labels},  # type: ignore[misc]
    )
    return path


def _temporary_path(suffix: str) -> Path:
    descriptor, name = tempfile.mkstemp(prefix="care-voices-export-", suffix=suffix)
    os.close(descriptor)
    return Path(name)


def file_chunks(path: Path, size: int = 64 * 1024) -> Iterator[bytes]:
    """The file at ``path`` in chunks of ``size`` bytes. It is opened and deleted at once, so it
    goes however (or whether) the reading ends; the open handle keeps the data until then."""
    handle = path.open("rb")
    path.unlink()
    return _read_and_close(handle, size)


def _read_and_close(handle: BinaryIO, size: int) -> Iterator[bytes]:
    with handle:
        yield from iter(lambda: handle.read(size), b"")


def record_export(session: Session, actor_id: int, round_id: int, kind: str) -> None:
    """Audit an export once it has been sent in full (by ids: the request's objects may be
    detached by then)."""
    survey_round = session.get_one(SurveyRound, round_id)
    record_event(
        session,
        session.get(StaffUser, actor_id),
        "export.downloaded",
        subject=f"round {survey_round.id}: {survey_round.name}",
        authority_id=survey_round.local_authority_id,
        detail=kind,
    )
