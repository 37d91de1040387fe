"""Staff sign in with email and password, and sign out; failures say little and count."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.factories import make_staff
from tests.integration.auth.staff_client import post_form, sign_in


def test_signed_out_people_are_sent_to_sign_in(client: FlaskClient) -> None:
    page = client.get("/admin/")
    assert page.status_code == 302
    assert page.headers["Location"].startswith("/auth/sign-in?next=")


def test_an_officer_signs_in_and_lands_on_their_rounds(
    client: FlaskClient, session: Session
) -> None:
    officer = make_staff(session)
    session.commit()
    page = sign_in(client, officer)
    assert page.status_code == 302
    assert page.headers["Location"] == "/admin/"
    assert "Survey rounds" in client.get("/admin/").get_data(as_text=True)


def test_email_is_matched_without_case(client: FlaskClient, session: Session) -> None:
    officer = make_staff(session, email="Jo.Bloggs@Example.test")
    session.commit()
    officer.email = "JO.BLOGGS@example.test"
    assert sign_in(client, officer).status_code == 302


def test_a_wrong_password_is_refused_with_one_message(
    client: FlaskClient, session: Session
) -> None:
    officer = make_staff(session)
    session.commit()
    page = sign_in(client, officer, password="not the right password at all")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Enter a correct email address and password" in html
    assert "<title>Error:" in html


def test_an_unknown_email_gets_the_same_message(client: FlaskClient, session: Session) -> None:
    page = post_form(
        client, "/auth/sign-in", {"email": "nobody@example.test", "password": "x" * 20}
    )
    assert "Enter a correct email address and password" in page.get_data(as_text=True)


def test_deactivated_accounts_cannot_sign_in(client: FlaskClient, session: Session) -> None:
    officer = make_staff(session, is_active_account=False)
    session.commit()
    assert sign_in(client, officer).status_code == 200


def test_signing_in_is_rate_limited_to_ten_tries_a_minute(client: FlaskClient) -> None:
    client.environ_base["REMOTE_ADDR"] = "10.250.0.1"
    tries = {"email": "someone@example.test", "password": "a wrong password here"}
    statuses = [post_form(client, "/auth/sign-in", tries).status_code for _ in range(11)]
    assert statuses == [200] * 10 + [429]


def test_next_can_only_point_inside_the_site(client: FlaskClient, session: Session) -> None:
    officer = make_staff(session)
    session.commit()
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        page = sign_in(client, officer, next_url=target)
        assert page.headers["Location"] == "/admin/"
        post_form(client, "/auth/sign-out", {}, form_page="/admin/")


def test_next_returns_to_the_page_asked_for(client: FlaskClient, session: Session) -> None:
    officer = make_staff(session)
    session.commit()
    page = sign_in(client, officer, next_url="/admin/rounds/new")
    assert page.headers["Location"] == "/admin/rounds/new"


def test_signing_out_ends_the_session_even_for_a_copied_cookie(
    client: FlaskClient, session: Session, app: Flask
) -> None:
    officer = make_staff(session)
    session.commit()
    sign_in(client, officer)
    copy = app.test_client()
    copy.environ_base.update(client.environ_base)
    cookie = client.get_cookie("session")
    copy.set_cookie("session", cookie.value)
    assert copy.get("/admin/").status_code == 200
    post_form(client, "/auth/sign-out", {}, form_page="/admin/")
    assert client.get("/admin/").status_code == 302
    assert copy.get("/admin/").status_code == 302


def test_a_post_without_a_csrf_token_is_refused(client: FlaskClient, session: Session) -> None:
    officer = make_staff(session)
    session.commit()
    page = client.post("/auth/sign-in", data={"email": officer.email, "password": "x"})
    assert page.status_code == 400


def test_signing_in_starts_a_fresh_session(client: FlaskClient, session: Session) -> None:
    """ASVS v4.0.3-3.2.1: nothing planted in the session before sign-in survives it.

    Sessions are signed cookies, so "a new session token" means a session rebuilt from nothing:
    a value an attacker fixed in the victim's cookie beforehand (here, a respondent's response
    and a made-up key) is gone; only the language choice is kept.
    """
    officer = make_staff(session)
    session.commit()
    with client.session_transaction() as before:
        before.update(response="planted-response", planted="by an attacker", lang="cy")
    assert sign_in(client, officer).status_code == 302
    with client.session_transaction() as after:
        assert "response" not in after
        assert "planted" not in after
        assert after["lang"] == "cy"
        assert after.get("_user_id")
