"""Help on every page, English and Welsh, resume codes, and the kind safeguarding response."""

from __future__ import annotations

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import Answer
from tests.factories import make_access_code, make_authority
from tests.integration.respond.conftest import (
    BROWSER,
    enter,
    item_of_type,
    open_round,
    post,
    same_words,
    stored_answers,
    the_response,
    version,
)


def _help_link_position(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    link = soup.select_one("#help-link")
    return "/".join(p.name for p in reversed(list(link.parents)))


def test_the_help_link_sits_in_the_same_place_on_every_respondent_page(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    pages = ["/start", "/resume", "/help", first, "/check", "/save"]
    positions = {_help_link_position(client.get(p).get_data(as_text=True)) for p in pages}
    assert len(positions) == 1
    assert "header" in positions.pop()


def test_the_help_page_lists_childline_and_the_councils_own_contacts(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    authority = the_response(session).round.local_authority
    html = client.get("/help").get_data(as_text=True)
    assert "Childline" in html
    assert "0800 1111" in html
    assert authority.help_contact in html.replace("&#39;", "'")
    assert authority.advocacy_contact in html
    assert 'href="/continue"' in html


def test_the_help_page_works_before_any_survey_is_started(client: FlaskClient) -> None:
    page = client.get("/help")
    assert page.status_code == 200
    assert "Childline" in page.get_data(as_text=True)


def test_question_pages_switch_to_welsh_with_lang_attributes(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    item = version().items[0]
    english = client.get(first).get_data(as_text=True)
    assert 'lang="cy" hreflang="cy">Cymraeg</a>' in english
    welsh = client.get(f"{first}?lang=cy").get_data(as_text=True)
    assert '<html lang="cy"' in welsh
    assert item.text.cy.replace("'", "&#39;") in welsh
    assert 'lang="en" hreflang="en">English</a>' in welsh


def test_the_response_records_the_language_it_was_answered_in(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    client.get(f"{first}?lang=cy")
    post(client, first, {"answer": version().items[0].option_values[0]})
    assert the_response(session).language == "cy"


def test_only_languages_the_council_offers_are_switchable(
    client: FlaskClient, session: Session
) -> None:
    authority = make_authority(session, languages="en")
    _code, clear = make_access_code(
        session, open_round(session, authority=authority), audience="cic-8-10"
    )
    session.commit()
    client.get(f"/s/{clear}")
    post(client, "/welcome")
    page = client.get("/continue", follow_redirects=True).get_data(as_text=True)
    assert "Cymraeg" not in page
    assert client.get("/check?lang=cy").headers["Location"] == "/check?lang=en"


def test_a_resume_code_continues_the_same_response_in_another_browser(
    app, client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    item = version().items[0]
    post(client, first, {"answer": item.option_values[0]})
    shown = post(client, "/save").get_data(as_text=True)
    code = BeautifulSoup(shown, "html.parser").select_one("#resume-code").get_text(strip=True)
    response = the_response(session)
    assert response.resume_code_hash
    assert code not in response.resume_code_hash
    other = app.test_client()
    resumed = post(other, "/resume", {"code": code.upper().replace("-", " ")})
    assert resumed.headers["Location"] == "/continue"
    assert other.get("/continue").headers["Location"] == f"/q/{version().items[1].id}"


def test_an_unknown_resume_code_is_shown_kindly(client: FlaskClient, session: Session) -> None:
    page = post(client, "/resume", {"code": "not-a-real-code-12"})
    assert page.status_code == 200
    assert "That resume code does not work" in page.get_data(as_text=True)


def _saved_resume_code(client: FlaskClient, session: Session) -> str:
    enter(client, session)
    shown = post(client, "/save").get_data(as_text=True)
    return BeautifulSoup(shown, "html.parser").select_one("#resume-code").get_text(strip=True)


def test_a_closed_rounds_resume_code_answers_like_an_unknown_one(
    app, client: FlaskClient, session: Session
) -> None:
    """A guesser cannot tell a real resume code of a closed round from a made-up one."""
    code = _saved_resume_code(client, session)
    the_response(session).round.status = "closed"
    session.commit()
    closed = post(app.test_client(), "/resume", {"code": code})
    unknown = post(app.test_client(), "/resume", {"code": "not-a-real-code-12"})
    assert closed.status_code == unknown.status_code == 200
    assert same_words(closed) == same_words(unknown)


def test_a_completed_response_cannot_be_resumed(app, client: FlaskClient, session: Session) -> None:
    enter(client, session)
    shown = post(client, "/save").get_data(as_text=True)
    code = BeautifulSoup(shown, "html.parser").select_one("#resume-code").get_text(strip=True)
    post(client, "/check")
    page = post(app.test_client(), "/resume", {"code": code})
    assert "That resume code does not work" in page.get_data(as_text=True)


def test_worrying_free_text_is_flagged_and_help_is_shown_at_once(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    item = item_of_type("free_text")
    saved = post(client, f"/q/{item.id}", {"answer": "Sometimes he hits me when I am late"})
    assert saved.headers["Location"].startswith("/support")
    support = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Thank you for telling us" in support
    assert "Childline" in support
    flagged = session.scalars(select(Answer).where(Answer.item_id == item.id)).one()
    assert flagged.is_flagged


def test_ordinary_free_text_is_not_flagged(client: FlaskClient, session: Session) -> None:
    enter(client, session)
    item = item_of_type("free_text")
    saved = post(client, f"/q/{item.id}", {"answer": "More trips to the beach"})
    assert saved.headers["Location"].startswith("/q/")
    assert not session.scalars(select(Answer)).one().is_flagged
    assert stored_answers(session) == {item.id: "More trips to the beach"}


def test_the_support_page_ignores_a_tampered_next_question(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    page = client.get("/support?next=https://evil.example", headers=BROWSER)
    assert 'href="/check"' in page.get_data(as_text=True)
