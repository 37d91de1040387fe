"""Admins invite staff, who choose a strong password; admins change roles and access."""

from __future__ import annotations

import re

import pytest
from click.testing import Result
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AuditEvent, StaffUser
from survey_app.services.common_passwords import is_common
from tests.factories import make_authority, make_staff
from tests.integration.auth.staff_client import post_form, sign_in

LONG_PASSPHRASE = "the otters of the river tamar like plums at midnight " * 4


@pytest.fixture
def admin_client(client: FlaskClient, session: Session) -> FlaskClient:
    admin = make_staff(session, role="programme_admin")
    session.commit()
    sign_in(client, admin)
    return client


def _invite(client: FlaskClient, authority_id: int, email: str = "new.officer@example.test") -> str:
    page = post_form(
        client,
        "/admin/users/invite",
        {
            "email": email,
            "display_name": "New Officer",
            "role": "participation_officer",
            "local_authority": authority_id,
        },
    )
    match = re.search(r"(/auth/invite/[A-Za-z0-9_-]+)", page.get_data(as_text=True))
    assert match, page.get_data(as_text=True)
    return match.group(1)


def test_an_invited_officer_chooses_a_passphrase_and_signs_in(
    admin_client: FlaskClient, session: Session, app: Flask
) -> None:
    authority = make_authority(session)
    session.commit()
    link = _invite(admin_client, authority.id)
    newcomer = app.test_client()
    saved = post_form(newcomer, link, {"password": LONG_PASSPHRASE, "repeat": LONG_PASSPHRASE})
    assert saved.headers["Location"] == "/auth/sign-in"
    user = session.scalar(select(StaffUser).where(StaffUser.email == "new.officer@example.test"))
    assert sign_in(newcomer, user, LONG_PASSPHRASE).status_code == 302
    assert newcomer.get(link).status_code == 404


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short pass", "12 characters or more"),
        ("qwertyuiopasdfgh", "very common"),
        ("Password12345678", "very common"),
    ],
)
def test_short_and_common_passwords_are_refused(
    admin_client: FlaskClient, session: Session, app: Flask, password: str, message: str
) -> None:
    authority = make_authority(session)
    session.commit()
    link = _invite(admin_client, authority.id)
    page = post_form(app.test_client(), link, {"password": password, "repeat": password})
    assert message in page.get_data(as_text=True)


def test_the_common_password_list_is_loaded() -> None:
    assert is_common("123456")
    assert is_common(" PASSWORD ")
    assert not is_common(LONG_PASSPHRASE)


def test_a_duplicate_email_is_refused(admin_client: FlaskClient, session: Session) -> None:
    authority = make_authority(session)
    make_staff(session, email="taken@example.test")
    session.commit()
    page = post_form(
        admin_client,
        "/admin/users/invite",
        {
            "email": "TAKEN@example.test",
            "display_name": "X",
            "role": "service_lead",
            "local_authority": authority.id,
        },
    )
    assert "already exists" in page.get_data(as_text=True)


def test_changing_a_role_is_audited_and_signs_the_person_out(
    admin_client: FlaskClient, session: Session, app: Flask
) -> None:
    lead = make_staff(session, role="service_lead")
    session.commit()
    lead_client = app.test_client()
    sign_in(lead_client, lead)
    page = post_form(
        admin_client,
        f"/admin/users/{lead.id}",
        {"role": "participation_officer", "local_authority": lead.local_authority_id},
    )
    assert page.headers["Location"] == "/admin/users"
    assert lead_client.get("/admin/").status_code == 302
    actions = list(session.scalars(select(AuditEvent.action)))
    assert "user.role_changed" in actions


def test_a_service_lead_cannot_be_left_without_a_local_authority(
    admin_client: FlaskClient, session: Session
) -> None:
    lead = make_staff(session, role="service_lead")
    session.commit()
    page = post_form(
        admin_client, f"/admin/users/{lead.id}", {"role": "service_lead", "local_authority": 0}
    )
    assert "Select a local authority" in page.get_data(as_text=True)


def test_the_create_admin_command_makes_the_first_admin(app: Flask, session: Session) -> None:
    runner = app.test_cli_runner()
    result: Result = runner.invoke(
        args=["admin", "create", "--email", "First@Example.test", "--name", "First Admin"],
        input=f"{LONG_PASSPHRASE}\n{LONG_PASSPHRASE}\n",
    )
    assert result.exit_code == 0, result.output
    admin = session.scalar(select(StaffUser).where(StaffUser.email == "first@example.test"))
    assert admin.role == "programme_admin"
    assert admin.local_authority_id is None


def test_the_create_admin_command_refuses_a_common_password(app: Flask, session: Session) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "admin",
            "create",
            "--email",
            "a@example.test",
            "--name",
            "A",
            "--password",
            "password1234",
        ],
    )
    assert result.exit_code != 0
    assert "very common" in result.output
