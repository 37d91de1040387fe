"""Tampered, stale or strange input gets a kind page, keeps what was saved, and never a 500."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy.orm import Session

from tests.integration.respond.conftest import (
    BROWSER,
    enter,
    item_of_type,
    post,
    stored_answers,
    the_response,
    version,
)


@pytest.fixture
def saved(client: FlaskClient, session: Session) -> dict[str, str]:
    """A journey with its first question answered; returns what is stored."""
    first = enter(client, session)
    post(client, first, {"answer": version().items[0].option_values[0]})
    return stored_answers(session)


def test_an_unknown_option_value_shows_the_error_summary(
    client: FlaskClient, session: Session, saved: dict[str, str]
) -> None:
    item = version().items[1]
    page = post(client, f"/q/{item.id}", {"answer": "definitely-not-an-option"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<title>Error:" in html
    assert 'href="#answer"' in html
    assert "Choose one of the answers shown, or skip this question" in html
    assert stored_answers(session) == saved


def test_two_values_for_a_one_answer_question_are_refused(
    client: FlaskClient, session: Session, saved: dict[str, str]
) -> None:
    item = version().items[1]
    page = post(client, f"/q/{item.id}", {"answer": list(item.option_values[:2])})
    assert "Error:" in page.get_data(as_text=True)
    assert stored_answers(session) == saved


def test_prefer_not_to_say_cannot_be_ticked_with_other_choices(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session, "leavers-16-25")
    item = item_of_type("multi_choice", "leavers-16-25")
    allowed = set(item.option_values)
    page = post(client, f"/q/{item.id}", {"answer": ["education", "not-a-choice"]})
    assert "Error:" in page.get_data(as_text=True)
    assert allowed
    assert stored_answers(session) == {}


def test_oversized_text_is_kept_on_the_page_with_an_error(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    item = item_of_type("free_text")
    too_long = "a" * (item.max_length + 1)
    page = post(client, f"/q/{item.id}", {"answer": too_long})
    html = page.get_data(as_text=True)
    assert f"{item.max_length} characters or fewer" in html
    assert too_long in html
    assert stored_answers(session) == {}


def test_a_request_body_over_the_limit_gets_the_kind_error_page(
    client: FlaskClient, session: Session, saved: dict[str, str]
) -> None:
    item = item_of_type("free_text")
    page = post(client, f"/q/{item.id}", {"answer": "a" * 300_000})
    assert page.status_code == 413
    assert stored_answers(session) == saved


def test_a_tampered_question_id_is_not_found(
    client: FlaskClient, session: Session, saved: dict[str, str]
) -> None:
    page = post(client, "/q/not_a_question", {"answer": "yes"})
    assert page.status_code == 404
    assert "Page not found" in page.get_data(as_text=True)


def test_an_answer_for_another_instruments_question_is_not_found(
    client: FlaskClient, session: Session, saved: dict[str, str]
) -> None:
    elsewhere = next(i for i in version("cic-11-17").items if not version().has_item(i.id))
    page = post(client, f"/q/{elsewhere.id}", {"answer": elsewhere.option_values[0]})
    assert page.status_code == 404
    assert stored_answers(session) == saved


def test_a_post_without_a_csrf_token_is_refused_and_saves_nothing(
    client: FlaskClient, session: Session, saved: dict[str, str]
) -> None:
    item = version().items[1]
    page = client.post(f"/q/{item.id}", data={"answer": item.option_values[0]}, headers=BROWSER)
    assert page.status_code == 400
    assert "Anything you have already saved is still safe" in page.get_data(as_text=True)
    assert stored_answers(session) == saved


def test_a_stale_csrf_token_is_refused_and_saves_nothing(
    app, client: FlaskClient, session: Session, saved: dict[str, str]
) -> None:
    signer = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="wtf-csrf-token")
    stale = signer.dumps("a-token-from-an-older-session")
    item = version().items[1]
    data = {"csrf_token": stale, "answer": item.option_values[0]}
    assert client.post(f"/q/{item.id}", data=data, headers=BROWSER).status_code == 400
    assert stored_answers(session) == saved


def test_an_expired_session_gets_a_kind_page_pointing_to_resume_codes(
    app, session: Session
) -> None:
    fresh = app.test_client()
    page = post(fresh, f"/q/{version().items[0].id}", {"answer": "yes"})
    html = page.get_data(as_text=True)
    assert page.status_code == 400
    assert "We could not find your answers on this device" in html
    assert 'href="/resume"' in html


@pytest.mark.parametrize("path", ["/check", "/continue", "/done", "/q/any_question"])
def test_a_bookmarked_survey_page_in_a_browser_without_a_survey_gets_the_kind_page(
    app, session: Session, path: str
) -> None:
    """Refreshing or bookmarking a page (check your answers too) is not a bad request."""
    page = app.test_client().get(path, headers=BROWSER)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "We could not find your answers on this device" in html
    assert 'href="/resume"' in html


def test_a_post_after_the_round_closed_keeps_what_was_answered(
    client: FlaskClient, session: Session, saved: dict[str, str]
) -> None:
    response = the_response(session)
    response.round.closes_on = date.today() - timedelta(days=1)
    session.commit()
    item = version().items[1]
    page = post(client, f"/q/{item.id}", {"answer": item.option_values[0]})
    assert page.status_code == 403
    assert "The answers you gave before it closed have been kept" in page.get_data(as_text=True)
    assert stored_answers(session) == saved
    assert the_response(session).status == "in_progress"


def test_control_characters_are_removed_from_free_text(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    item = item_of_type("free_text")
    post(client, f"/q/{item.id}", {"answer": "More\x00 trips\x07 out\r\nplease"})
    assert stored_answers(session)[item.id] == "More trips out\nplease"


def test_non_utf8_form_bytes_never_cause_a_server_error(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    item = item_of_type("free_text")
    body = b"csrf_token=x&answer=%FF%FE%C3%28"
    page = client.post(
        f"/q/{item.id}",
        data=body,
        content_type="application/x-www-form-urlencoded",
        headers=BROWSER,
    )
    assert page.status_code == 400


def test_non_utf8_form_bytes_with_a_valid_token_are_saved_safely(
    client: FlaskClient, session: Session
) -> None:
    from tests.integration.respond.conftest import token

    enter(client, session)
    item = item_of_type("free_text")
    body = f"csrf_token={token(client)}&answer=caf%E9%FF".encode()
    page = client.post(
        f"/q/{item.id}",
        data=body,
        content_type="application/x-www-form-urlencoded",
        headers=BROWSER,
    )
    assert page.status_code == 303
    assert stored_answers(session)[item.id].startswith("caf")


def test_scripts_sending_a_bad_answer_get_a_plain_400(
    client: FlaskClient, session: Session, saved: dict[str, str]
) -> None:
    item = version().items[1]
    page = post(client, f"/q/{item.id}", {"answer": "nope"}, headers={"Accept": "application/json"})
    assert page.status_code == 400
