"""Wrong passwords lock out the client that sent them, never the account's owner elsewhere.

An outsider who knows staff email addresses must not be able to lock a local authority out of
its own tool, so failures count per account *and* client (ASVS 2.2.1 without the lockout
denial of service). ``sign_in`` gives each call a new client address unless told one.
"""

from __future__ import annotations

from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from survey_app.extensions import limiter
from survey_app.models import AuditEvent, SignInFailure, StaffUser
from survey_app.services.audit import now_utc
from survey_app.services.sign_in_lockout import UNDER_ATTACK_FAILURES, record_failure
from tests.factories import make_staff
from tests.integration.auth.staff_client import new_client_address, sign_in

WRONG = "wrong password, try again"


def _fail(client: FlaskClient, user: StaffUser, address: str, times: int) -> None:
    """Send ``times`` wrong passwords from ``address``, then forget the per-address rate limit
    (ten tries a minute, a separate guard), so that the lockout is what answers next."""
    for _ in range(times):
        assert sign_in(client, user, password=WRONG, address=address).status_code == 200
    limiter.reset()


def _officer(session: Session) -> StaffUser:
    officer = make_staff(session)
    session.commit()
    return officer


def test_ten_wrong_passwords_lock_that_client_out_even_against_the_right_one(
    client: FlaskClient, session: Session
) -> None:
    officer = _officer(session)
    attacker = new_client_address()
    _fail(client, officer, attacker, 10)
    page = sign_in(client, officer, address=attacker)
    assert page.status_code == 200
    assert "Enter a correct email address and password" in page.get_data(as_text=True)
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.actor_id == officer.id))
    assert "account.locked" in list(actions)


def test_failures_from_one_client_do_not_stop_the_owner_signing_in_from_another(
    client: FlaskClient, session: Session
) -> None:
    officer = _officer(session)
    attacker = new_client_address()
    _fail(client, officer, attacker, 10)
    assert sign_in(client, officer, address=new_client_address()).status_code == 302
    assert sign_in(client, officer, address=attacker).status_code == 200


def test_nine_wrong_passwords_do_not_lock_the_client_out(
    client: FlaskClient, session: Session
) -> None:
    officer = _officer(session)
    owner = new_client_address()
    _fail(client, officer, owner, 9)
    assert sign_in(client, officer, address=owner).status_code == 302


def test_a_lockout_ends_after_30_minutes(client: FlaskClient, session: Session) -> None:
    officer = _officer(session)
    address = new_client_address()
    _fail(client, officer, address, 10)
    session.execute(update(SignInFailure).values(locked_until=now_utc() - timedelta(seconds=1)))
    session.commit()
    assert sign_in(client, officer, address=address).status_code == 302


def test_an_account_under_attack_gives_each_new_client_three_tries_but_not_its_owner(
    client: FlaskClient, session: Session
) -> None:
    officer = _officer(session)
    for number in range(UNDER_ATTACK_FAILURES):  # One wrong password from each of 30 clients.
        record_failure(session, officer, f"client-{number}", now_utc())
    session.commit()
    another = new_client_address()
    _fail(client, officer, another, 3)
    assert sign_in(client, officer, address=another).status_code == 200
    assert sign_in(client, officer, address=new_client_address()).status_code == 302


def test_signing_in_clears_the_clients_failures(client: FlaskClient, session: Session) -> None:
    officer = _officer(session)
    owner = new_client_address()
    _fail(client, officer, owner, 9)
    assert sign_in(client, officer, address=owner).status_code == 302
    assert session.scalars(select(SignInFailure)).all() == []


def test_no_client_address_is_stored(client: FlaskClient, session: Session) -> None:
    officer = _officer(session)
    _fail(client, officer, "10.99.98.97", 1)
    stored = session.scalars(select(SignInFailure.client_key)).one()
    assert "10.99.98.97" not in stored
    assert len(stored) == 32
