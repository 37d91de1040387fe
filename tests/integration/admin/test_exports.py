"""Exports open in pandas with one row per response, match the stored answers, and are audited."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.extensions import db
from survey_app.models import Answer, AuditEvent, StaffUser, SurveyRound
from survey_app.services.exports import csv_chunks
from survey_app.services.moderation import decide, pending_answer
from tests.factories import make_answered_response, make_round, make_staff
from tests.integration.auth.staff_client import post_form, sign_in

ROUND_INSTRUMENTS = (("cic-8-10", 1), ("leavers-16-25", 1))


@pytest.fixture
def survey_round(session: Session, officer: StaffUser) -> SurveyRound:
    made = make_round(session, officer.local_authority, instruments=ROUND_INSTRUMENTS)
    make_answered_response(
        session,
        made,
        "cic-8-10",
        {"feel_safe": "always", "worries": "Nothing", "anything_else": "Hi"},
    )
    make_answered_response(
        session, made, "leavers-16-25", {"doing_now": ["work", "caring"], "life_satisfaction": "7"}
    )
    make_answered_response(session, made, "cic-8-10", {"feel_safe": "never"}, completed=False)
    worries = session.scalars(select(Answer).where(Answer.value == "Nothing")).one()
    decide(session, officer, pending_answer(session, made, worries.id), "approve")
    session.commit()
    return made


def _download(client: FlaskClient, survey_round: SurveyRound, kind: str) -> bytes:
    reply = client.get(f"/admin/rounds/{survey_round.id}/exports/responses.{kind}")
    assert reply.status_code == 200, reply.headers.get("Location")
    assert "attachment" in reply.headers["Content-Disposition"]
    body = reply.get_data()
    reply.close()  # As a WSGI server does: closes the export's temporary file.
    return body


def _check_frame(frame: pd.DataFrame) -> None:
    assert len(frame) == 3
    assert list(frame["instrument_version"]) == ["cic-8-10@v1", "leavers-16-25@v1", "cic-8-10@v1"]
    assert list(frame["feel_safe"].fillna("")) == ["always", "", "never"]
    assert list(frame["status"]) == ["completed", "completed", "in_progress"]
    assert str(frame["doing_now__work"][1]) in ("1", "1.0")
    assert str(frame["doing_now__education"][1]) in ("0", "0.0")
    assert str(frame["life_satisfaction"][1]) == "7"
    assert frame["worries"].fillna("")[0] == "Nothing"
    assert frame["anything_else"].fillna("")[0] == ""  # Not approved: never exported.


def test_the_csv_export_matches_the_stored_answers(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    frame = pd.read_csv(io.BytesIO(_download(officer_client, survey_round, "csv")), dtype=str)
    _check_frame(frame)


def test_the_csv_stream_needs_nothing_from_the_request_session_once_it_has_begun(
    app: Flask, survey_round: SurveyRound
) -> None:
    """A WSGI server draws a streamed body after the view returns and the session is removed.

    Flask's test client drains the stream inside the request, which hid a 500 under gunicorn.
    """
    with app.test_request_context():
        chunks = csv_chunks(db.session, db.session.get(SurveyRound, survey_round.id))
        db.session.commit()  # The view commits the audit event before it returns.
        db.session.remove()  # The request's teardown, before the server draws the body.
        body = "".join(chunks)
    _check_frame(pd.read_csv(io.StringIO(body), dtype=str))


def test_the_xlsx_export_matches_and_carries_the_codebook(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    sheets = pd.read_excel(
        io.BytesIO(_download(officer_client, survey_round, "xlsx")), sheet_name=None, dtype=str
    )
    _check_frame(sheets["Responses"])
    assert "cic-8-10@v1" in " ".join(sheets["Codebook"]["versions"].dropna())


def test_the_spss_export_has_value_labels(
    officer_client: FlaskClient, survey_round: SurveyRound, tmp_path: Path
) -> None:
    path = tmp_path / "export.sav"
    path.write_bytes(_download(officer_client, survey_round, "sav"))
    frame, meta = pyreadstat.read_sav(str(path))
    _check_frame(frame.replace("", None))
    assert meta.variable_value_labels["feel_safe"]["always"] == "Always"
    assert meta.column_names_to_labels["instrument_version"].startswith("Questionnaire and version")


def test_the_codebook_names_every_instrument_version(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    reply = officer_client.get(f"/admin/rounds/{survey_round.id}/exports/codebook.csv")
    codebook = pd.read_csv(io.BytesIO(reply.get_data()), dtype=str)
    feel_safe = codebook[codebook["variable"] == "feel_safe"]
    assert "cic-8-10@v1" in feel_safe["versions"].iloc[0]
    assert "leavers-16-25@v1" in feel_safe["versions"].iloc[0]
    assert set(feel_safe["value"]) >= {"always", "never"}


def test_exports_are_audited_and_need_a_recent_password(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    _download(officer_client, survey_round, "csv")
    assert "export.downloaded" in list(session.scalars(select(AuditEvent.action)))
    with officer_client.session_transaction() as cookie:
        cookie["confirmed_at"] = "2000-01-01T00:00:00"
    reply = officer_client.get(f"/admin/rounds/{survey_round.id}/exports/responses.csv")
    assert reply.headers["Location"].startswith("/auth/confirm")


def test_exports_are_limited_to_ten_an_hour(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    path = f"/admin/rounds/{survey_round.id}/exports/responses.csv"
    statuses = [officer_client.get(path).status_code for _ in range(11)]
    assert statuses == [200] * 10 + [429]


def test_signing_out_and_in_again_does_not_reset_the_export_limit(
    officer_client: FlaskClient, officer: StaffUser, survey_round: SurveyRound
) -> None:
    path = f"/admin/rounds/{survey_round.id}/exports/responses.csv"
    assert [officer_client.get(path).status_code for _ in range(10)] == [200] * 10
    post_form(officer_client, "/auth/sign-out", {}, form_page="/admin/")
    assert sign_in(officer_client, officer).status_code == 302
    assert officer_client.get(path).status_code == 429


def test_service_leads_cannot_export(client: FlaskClient, session: Session) -> None:
    lead = make_staff(session, role="service_lead")
    survey_round = make_round(session, lead.local_authority)
    session.commit()
    sign_in(client, lead)
    assert client.get(f"/admin/rounds/{survey_round.id}/exports/responses.csv").status_code == 403
