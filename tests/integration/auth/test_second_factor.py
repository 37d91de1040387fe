"""Staff sign in with a password and a code from an authenticator app (ASVS 2.8).

Someone without an app sets one up on their first sign-in (a QR code and the key as text),
gets ten recovery codes once, and from then on every sign-in asks for a fresh code. A code
works once; tries are limited per account and audited without the code.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pyotp
import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AuditEvent, RecoveryCode, StaffUser
from tests.factories import DEFAULT_PASSWORD, make_staff
from tests.integration.auth.staff_client import (
    new_client_address,
    post_form,
    sign_in,
    totp_code,
)

RECOVERY = re.compile(r"<code>([0-9a-f]{5}-[0-9a-f]{5})</code>")
SET_UP = "/auth/second-factor/set-up"
QR = re.compile(r'<img class="cv-qr" src="([^"]+)"')


def _newcomer(session: Session, **fields: object) -> StaffUser:
    user = make_staff(session, totp_secret=None, totp_enrolled_at=None, **fields)
    session.commit()
    return user


def _password(client: FlaskClient, user: StaffUser) -> str:
    """Pass the password step from a new address; return where it sends the browser."""
    client.environ_base["REMOTE_ADDR"] = new_client_address()
    reply = post_form(client, "/auth/sign-in", {"email": user.email, "password": DEFAULT_PASSWORD})
    assert reply.status_code == 302
    return reply.headers["Location"]


def _set_up(client: FlaskClient, session: Session, user: StaffUser) -> list[str]:
    """Set the app up as a newcomer would; return the recovery codes shown."""
    assert _password(client, user) == SET_UP
    page = client.get(SET_UP).get_data(as_text=True)
    session.refresh(user)
    assert user.totp_secret
    assert " ".join(re.findall(".{4}", user.totp_secret)) in page
    done = post_form(client, SET_UP, {"code": pyotp.TOTP(user.totp_secret).now()})
    return RECOVERY.findall(done.get_data(as_text=True))


def _actions(session: Session, user: StaffUser) -> list[str]:
    query = select(AuditEvent.action).where(AuditEvent.actor_id == user.id)
    return list(session.scalars(query.order_by(AuditEvent.id)))


def test_a_newcomer_sets_up_an_app_and_gets_ten_recovery_codes_once(
    client: FlaskClient, session: Session
) -> None:
    user = _newcomer(session)
    assert _password(client, user) == SET_UP
    page = client.get(SET_UP).get_data(as_text=True)
    assert 'src="data:image/svg+xml' in page
    assert client.get("/admin/").status_code == 302  # Not signed in before the code.
    codes = _set_up(client, session, user)
    assert len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200
    session.refresh(user)
    assert user.has_second_factor
    hashes = session.scalars(select(RecoveryCode.code_hash)).all()
    assert len(hashes) == 10
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any(code.replace("-", "") in h for code in codes for h in hashes)
    assert "second_factor.enrolled" in _actions(session, user)


def test_reloading_the_set_up_page_keeps_the_same_key(
    client: FlaskClient, session: Session
) -> None:
    user = _newcomer(session)
    _password(client, user)
    first = QR.findall(client.get(SET_UP).get_data(as_text=True))
    assert len(first) == 1
    assert QR.findall(client.get(SET_UP).get_data(as_text=True)) == first


def test_the_key_never_travels_in_the_session_cookie(client: FlaskClient, session: Session) -> None:
    user = _newcomer(session)
    _password(client, user)
    client.get(SET_UP)
    session.refresh(user)
    with client.session_transaction() as cookie:
        assert user.totp_secret not in repr(dict(cookie))


def test_an_enrolled_officer_is_asked_for_a_code_not_a_new_app(
    client: FlaskClient, session: Session
) -> None:
    officer = make_staff(session)
    session.commit()
    assert _password(client, officer) == "/auth/second-factor"
    assert client.get(SET_UP).headers["Location"] == "/auth/second-factor"
    assert client.get("/admin/").status_code == 302


def test_a_wrong_code_is_refused_and_audited_without_the_code(
    client: FlaskClient, session: Session
) -> None:
    officer = make_staff(session)
    session.commit()
    _password(client, officer)
    page = post_form(client, "/auth/second-factor", {"code": "000000"})
    assert "Enter the 6-digit code your app shows now" in page.get_data(as_text=True)
    assert client.get("/admin/").status_code == 302
    assert "second_factor.failed" in _actions(session, officer)
    logged = " ".join(e.subject + e.detail for e in session.scalars(select(AuditEvent)))
    assert "000000" not in logged


def test_a_code_cannot_be_used_twice(client: FlaskClient, session: Session) -> None:
    officer = make_staff(session)
    session.commit()
    code = totp_code(client.application, officer.id)
    _password(client, officer)
    assert post_form(client, "/auth/second-factor", {"code": code}).status_code == 302
    post_form(client, "/auth/sign-out", {}, form_page="/admin/")
    _password(client, officer)
    assert post_form(client, "/auth/second-factor", {"code": code}).status_code == 200


def test_codes_from_more_than_one_step_away_are_refused(
    client: FlaskClient, session: Session
) -> None:
    officer = make_staff(session)
    session.commit()
    totp = pyotp.TOTP(officer.totp_secret)
    old = totp.generate_otp(totp.timecode(datetime.now(UTC)) - 3)
    _password(client, officer)
    assert post_form(client, "/auth/second-factor", {"code": old}).status_code == 200


def test_code_tries_are_limited_per_account_whatever_the_address(
    client: FlaskClient, session: Session
) -> None:
    officer = make_staff(session)
    session.commit()
    _password(client, officer)
    statuses = [
        post_form(client, "/auth/second-factor", {"code": "000000"}).status_code for _ in range(5)
    ]
    assert statuses == [200] * 5
    _password(client, officer)
    code = totp_code(client.application, officer.id)
    assert post_form(client, "/auth/second-factor", {"code": code}).status_code == 429


def test_the_code_page_needs_a_right_password_first(client: FlaskClient) -> None:
    for path in ("/auth/second-factor", SET_UP, "/auth/second-factor/recovery"):
        assert client.get(path).headers["Location"] == "/auth/sign-in"


def test_a_recovery_code_signs_in_once(client: FlaskClient, session: Session) -> None:
    user = _newcomer(session)
    codes = _set_up(client, session, user)
    post_form(client, "/auth/sign-out", {}, form_page="/admin/")
    _password(client, user)
    recovery = "/auth/second-factor/recovery"
    assert post_form(client, recovery, {"code": codes[0].upper()}).status_code == 302
    assert client.get("/admin/").status_code == 200
    post_form(client, "/auth/sign-out", {}, form_page="/admin/")
    _password(client, user)
    assert post_form(client, recovery, {"code": codes[0]}).status_code == 200
    assert "second_factor.recovery_code_used" in _actions(session, user)


def test_an_admin_resets_a_lost_second_factor(client: FlaskClient, session: Session) -> None:
    admin = make_staff(session, role="programme_admin")
    officer = make_staff(session)
    session.commit()
    sign_in(client, admin)
    path = f"/admin/users/{officer.id}/second-factor/reset"
    reply = post_form(client, path, {}, form_page=f"/admin/users/{officer.id}")
    assert reply.status_code == 302
    session.refresh(officer)
    assert not officer.has_second_factor
    assert officer.totp_secret is None
    assert "user.second_factor_reset" in _actions(session, admin)
    assert _password(client.application.test_client(), officer) == SET_UP


@pytest.mark.parametrize("exempt", [True, False])
def test_demo_accounts_skip_the_code_only_when_the_demo_setting_says_so(
    client: FlaskClient, session: Session, monkeypatch: pytest.MonkeyPatch, exempt: bool
) -> None:
    monkeypatch.setitem(client.application.config, "CARE_VOICES_DEMO_WITHOUT_SECOND_FACTOR", exempt)
    demo = _newcomer(session, email="officer@demo.care-voices.test")
    assert _password(client, demo) == ("/admin/" if exempt else SET_UP)
