"""Officers make batches of codes, see and print them once, and revoke them."""

from __future__ import annotations

import json
import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AccessCode, AuditEvent, StaffUser, SurveyRound
from survey_app.services.code_facts import code_facts_by_text
from tests.factories import make_access_code, make_round, make_staff
from tests.integration.auth.staff_client import post_form, sign_in

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
        assert code_facts_by_text(session, code) is not None
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


def _session_cookies(client: FlaskClient, reply: object) -> list[str]:
    """Every session cookie ``reply`` set, raw and decoded with the app's own serializer."""
    app = client.application
    serializer = app.session_interface.get_signing_serializer(app)
    name = app.config["SESSION_COOKIE_NAME"]
    raws = [
        header.split(";", 1)[0].split("=", 1)[1]
        for header in reply.headers.getlist("Set-Cookie")
        if header.startswith(f"{name}=")
    ]
    return raws + [json.dumps(serializer.loads(raw)) for raw in raws]


def test_no_clear_code_travels_in_the_session_cookie(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    made = _make_batch(officer_client, survey_round.id, count=5)
    cookies = _session_cookies(officer_client, made)
    shown = officer_client.get(made.headers["Location"])
    clear = CODE.findall(shown.get_data(as_text=True))
    assert len(clear) == 5
    cookies += _session_cookies(officer_client, shown)
    assert len(cookies) >= 2
    assert not any(code in cookie for code in clear for cookie in cookies)


def test_another_officer_cannot_read_a_batch_from_a_copied_cookie(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    _make_batch(officer_client, survey_round.id)
    base = f"/admin/rounds/{survey_round.id}/codes"
    colleague = make_staff(session, local_authority=survey_round.local_authority)
    session.commit()
    with officer_client.session_transaction() as cookie:
        sealed = cookie["code_batch"]
    other = officer_client.application.test_client()
    sign_in(other, colleague)
    with other.session_transaction() as cookie:
        cookie["code_batch"] = sealed
    assert CODE.findall(other.get(f"{base}/batch").get_data(as_text=True)) == []
    assert other.get(f"{base}/poster.pdf").status_code == 404
