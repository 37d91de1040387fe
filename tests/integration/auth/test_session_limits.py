"""Staff sessions end after 30 idle minutes or 12 hours; sensitive pages re-ask who you are."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from survey_app.auth.sessions import BACKGROUND_HEADER
from survey_app.services.audit import now_utc
from tests.factories import DEFAULT_PASSWORD, make_staff
from tests.integration.auth.staff_client import post_form, sign_in, totp_code


def _age_session(client: FlaskClient, **ages: timedelta) -> None:
    with client.session_transaction() as cookie:
        for key, age in ages.items():
            cookie[key] = (now_utc() - age).isoformat()


@pytest.fixture
def officer_client(client: FlaskClient, session: Session) -> FlaskClient:
    officer = make_staff(session)
    session.commit()
    sign_in(client, officer)
    return client


def test_29_idle_minutes_keep_the_session(officer_client: FlaskClient) -> None:
    _age_session(officer_client, seen_at=timedelta(minutes=29))
    assert officer_client.get("/admin/").status_code == 200


def test_31_idle_minutes_end_the_session(officer_client: FlaskClient) -> None:
    _age_session(officer_client, seen_at=timedelta(minutes=31))
    page = officer_client.get("/admin/")
    assert page.status_code == 302
    assert page.headers["Location"].startswith("/auth/sign-in")


def test_12_hours_end_the_session_however_busy(officer_client: FlaskClient) -> None:
    _age_session(officer_client, signed_in_at=timedelta(hours=12, minutes=1))
    assert officer_client.get("/admin/").status_code == 302


def test_background_refreshes_do_not_count_as_activity(officer_client: FlaskClient) -> None:
    _age_session(officer_client, seen_at=timedelta(minutes=20))
    officer_client.get("/admin/", headers={BACKGROUND_HEADER: "1"})
    _age_session(officer_client, seen_at=timedelta(minutes=31))
    assert officer_client.get("/admin/").status_code == 302


def test_user_management_asks_for_the_password_and_a_code_after_15_minutes(
    client: FlaskClient, session: Session
) -> None:
    admin = make_staff(session, role="programme_admin")
    session.commit()
    sign_in(client, admin)
    assert client.get("/admin/users").status_code == 200
    _age_session(client, confirmed_at=timedelta(minutes=16))
    page = client.get("/admin/users")
    assert page.headers["Location"] == "/auth/confirm?next=/admin/users"
    confirm = "/auth/confirm?next=/admin/users"
    wrong = post_form(client, confirm, {"password": "not my password!", "code": "123456"})
    assert "Enter your correct password and the code shown now" in wrong.get_data(as_text=True)
    no_code = post_form(client, confirm, {"password": DEFAULT_PASSWORD})
    assert "Enter the 6-digit code" in no_code.get_data(as_text=True)
    code = totp_code(client.application, admin.id)
    right = post_form(client, confirm, {"password": DEFAULT_PASSWORD, "code": code})
    assert right.headers["Location"] == "/admin/users"
    assert client.get("/admin/users").status_code == 200
