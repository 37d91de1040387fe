"""An export is audited once it has been sent in full, never for a download that failed.

(The test client drains a body inside the request, so the order of sending and recording is
specified in ``tests/unit/survey_app/test_complete_downloads.py``.)

Under a real server a streamed export is written after the view returns. The audit event used
to be committed before the first byte, so an export that failed half way (as the CSV export
did under gunicorn) still read "export.downloaded" in the log.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.admin.routes import exports
from survey_app.models import AuditEvent, SurveyRound
from tests.factories import make_answered_response


def _downloads(session: Session) -> list[str]:
    query = select(AuditEvent.detail).where(AuditEvent.action == "export.downloaded")
    return list(session.scalars(query))


@pytest.mark.parametrize("kind", ["csv", "xlsx", "sav"])
def test_an_export_is_audited_once_its_whole_body_has_been_sent(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session, kind: str
) -> None:
    make_answered_response(session, survey_round, "cic-8-10", {"feel_safe": "always"})
    session.commit()
    reply = officer_client.get(f"/admin/rounds/{survey_round.id}/exports/responses.{kind}")

    assert reply.status_code == 200
    assert reply.get_data()
    assert _downloads(session) == [kind]


def test_an_export_whose_stream_fails_half_way_is_not_audited(
    officer_client: FlaskClient,
    survey_round: SurveyRound,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing_chunks(*_args: object) -> Iterator[str]:
        yield "response,instrument_version\r\n"
        yield "1,cic-8-10@v1\r\n"
        raise RuntimeError("the database went away")

    monkeypatch.setattr(exports, "csv_chunks", failing_chunks)
    path = f"/admin/rounds/{survey_round.id}/exports/responses.csv"

    with pytest.raises(RuntimeError, match="went away"):
        officer_client.get(path).get_data()

    assert _downloads(session) == []
