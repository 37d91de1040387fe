"""Check your answers, change an answer, submit once, and the thank-you page."""

from __future__ import annotations

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.models import Answer, Response
from tests.integration.respond.conftest import (
    conditional_item,
    enter,
    item_of_type,
    post,
    stored_answers,
    the_response,
    version,
)


def _answer_every_question(client: FlaskClient, path: str) -> None:
    """Walk the journey, choosing each item's first option and writing in free text; a first
    option that signals risk brings up the support page once, and the walk carries on."""
    while path.startswith("/q/"):
        item = version().item(path.removeprefix("/q/"))
        value = "More days out" if item.type == "free_text" else item.option_values[0]
        path = post(client, path, {"answer": value}).headers["Location"]
        if path.startswith("/support/answer"):
            path = client.get("/continue").headers["Location"]
    assert path == "/check"


def test_check_answers_lists_labels_with_change_links(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    item = version().items[0]
    post(client, first, {"answer": item.option_values[0]})
    soup = BeautifulSoup(client.get("/check").get_data(as_text=True), "html.parser")
    rows = soup.select(".govuk-summary-list__row")
    assert rows[0].select_one(".govuk-summary-list__value").get_text(strip=True) == (
        item.options[0].label.en
    )
    assert rows[0].select_one("a")["href"] == f"/q/{item.id}?change=1"
    assert "Not answered" in rows[1].get_text()


def test_a_change_returns_to_check_answers(client: FlaskClient, session: Session) -> None:
    enter(client, session)
    item = item_of_type("free_text")
    changed = post(client, f"/q/{item.id}?change=1", {"answer": "Pizza on Fridays"})
    assert changed.headers["Location"] == "/check"


def test_a_change_that_opens_new_questions_asks_them_first(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    hidden = conditional_item()
    gate = version().item(hidden.show_if[0].item)
    opening = sorted(hidden.show_if[0].values)[0]
    changed = post(client, f"/q/{gate.id}?change=1", {"answer": opening})
    assert changed.headers["Location"] == f"/q/{hidden.id}"


def test_a_full_completion_submits_once_and_thanks_the_respondent(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    _answer_every_question(client, first)
    submitted = post(client, "/check")
    assert submitted.headers["Location"] == "/done"
    thanks = client.get("/done").get_data(as_text=True)
    assert "Thank you" in thanks
    assert "Childline" in thanks
    response = the_response(session)
    assert response.status == "completed"
    assert response.completed_on == response.started_on


def test_a_double_final_submit_leaves_one_response_with_the_same_answers(
    client: FlaskClient, session: Session
) -> None:
    _answer_every_question(client, enter(client, session))
    post(client, "/check")
    before = stored_answers(session)
    again = post(client, "/check")
    assert again.headers["Location"] == "/done"
    assert stored_answers(session) == before
    assert session.scalar(select(func.count()).select_from(Response)) == 1


def test_a_replayed_page_post_leaves_one_answer(client: FlaskClient, session: Session) -> None:
    first = enter(client, session)
    item = version().items[0]
    for _ in range(3):
        post(client, first, {"answer": item.option_values[1]})
    assert session.scalar(select(func.count()).select_from(Answer)) == 1
    assert stored_answers(session) == {item.id: item.option_values[1]}


def test_after_completion_every_survey_page_shows_the_thank_you_page(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    _answer_every_question(client, first)
    post(client, "/check")
    before = stored_answers(session)
    replay = post(client, first, {"answer": version().items[0].option_values[-1]})
    assert replay.headers["Location"] == "/done"
    assert client.get(first).headers["Location"] == "/done"
    assert stored_answers(session) == before


def test_answers_to_questions_hidden_by_a_changed_answer_are_dropped_on_submit(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    hidden = conditional_item()
    gate = version().item(hidden.show_if[0].item)
    post(client, f"/q/{gate.id}", {"answer": sorted(hidden.show_if[0].values)[0]})
    post(client, f"/q/{hidden.id}", {"answer": hidden.option_values[0]})
    closing = next(v for v in gate.option_values if v not in hidden.show_if[0].values)
    post(client, f"/q/{gate.id}", {"answer": closing})
    post(client, "/check")
    assert hidden.id not in stored_answers(session)
    assert stored_answers(session)[gate.id] == closing


def test_done_before_submitting_carries_on_with_the_survey(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    assert client.get("/done").headers["Location"] == "/continue"
