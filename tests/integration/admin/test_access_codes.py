"""Officers make batches of codes, see and print them once, and revoke them."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AccessCode, AuditEvent, StaffUser, SurveyRound
from survey_app.services.access_codes import find_access_code
from tests.factories import make_access_code, make_round
from tests.integration.auth.staff_client import post_form

CODE = re.compile(r"<code>([a-z]+-[a-z]+-\d{2})</code>")


def _make_batch(client: FlaskClient, round_id: int, label: str = "Virtual school", count: int = 3):
    return post_form(
        client,
        f"/admin/rounds/{round_id}/codes",
        {"label": label, "audience": "any", "count": str(count)},
    )


def test_a_batch_is_shown_once_and_stored_only_as_hashes(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    page = _make_batch(officer_client, survey_round.id)
    assert page.headers["Location"] == f"/admin/rounds/{survey_round.id}/codes/batch"
    clear = CODE.findall(officer_client.get(page.headers["Location"]).get_data(as_text=True))
    assert len(clear) == 3
    stored = session.scalars(select(AccessCode)).all()
    assert {code.label for code in stored} == {"Virtual school"}
    for code in clear:
        assert find_access_code(session, code) is not None
        assert all(code not in (row.code_hash, row.label) for row in stored)
    details = " ".join(e.subject + e.detail for e in session.scalars(select(AuditEvent)))
    assert not any(code in details for code in clear)


def test_posters_and_cards_download_until_the_officer_is_done(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    _make_batch(officer_client, survey_round.id, count=2)
    base = f"/admin/rounds/{survey_round.id}/codes"
    poster = officer_client.get(f"{base}/poster.pdf")
    cards = officer_client.get(f"{base}/cards.pdf")
    assert poster.mimetype == cards.mimetype == "application/pdf"
    assert poster.data.startswith(b"%PDF")
    assert poster.data.count(b"/Type /Page\n") == 2
    assert "attachment" in poster.headers["Content-Disposition"]
    post_form(officer_client, f"{base}/forget", {}, form_page=f"{base}/batch")
    assert officer_client.get(f"{base}/poster.pdf").status_code == 404
    assert CODE.findall(officer_client.get(f"{base}/batch").get_data(as_text=True)) == []


def test_a_label_already_used_in_the_round_is_refused(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    make_access_code(session, survey_round, label="Leaving care team")
    session.commit()
    page = _make_batch(officer_client, survey_round.id, label="leaving care TEAM ")
    assert "already has codes with this label" in page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("count", "message"), [("0", "from 1 to 50"), ("51", "from 1 to 50"), ("two", "whole number")]
)
def test_batch_sizes_are_checked(
    officer_client: FlaskClient, survey_round: SurveyRound, count: str, message: str
) -> None:
    page = post_form(
        officer_client,
        f"/admin/rounds/{survey_round.id}/codes",
        {"label": "School", "audience": "any", "count": count},
    )
    assert message in page.get_data(as_text=True)


def test_a_revoked_code_is_marked_and_audited(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    code, _clear = make_access_code(session, survey_round)
    session.commit()
    base = f"/admin/rounds/{survey_round.id}/codes"
    post_form(officer_client, f"{base}/{code.id}/revoke", {}, form_page=base)
    session.refresh(code)
    assert code.is_revoked
    assert "codes.revoked" in list(session.scalars(select(AuditEvent.action)))


def test_codes_cannot_be_made_for_a_closed_round(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    closed = make_round(session, officer.local_authority, status="closed")
    session.commit()
    page = post_form(
        officer_client,
        f"/admin/rounds/{closed.id}/codes",
        {"label": "Late", "audience": "any", "count": "1"},
        form_page=f"/admin/rounds/{closed.id}",
    )
    assert session.scalars(select(AccessCode)).first() is None
    assert page.status_code == 200
