"""Version 2 for the youngest children: the helping adult's page, and faces with words.

Every question a 4 to 7 year old answers in version 2 is three faces, each with a visible word;
the adult helping a child under 11 reads a "before you start" page first.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from questionnaires import Item, load_catalogue
from tests.factories import make_access_code, make_round
from tests.integration.respond.conftest import post

V2 = (("cic-4-7", 2), ("cic-8-10", 2), ("cic-11-17", 2), ("leavers-16-25", 2))
CHILD_FACES_4_7 = [
    item
    for item in load_catalogue().get("cic-4-7@v2").items
    if item.answered_by == "child" and item.type != "free_text"
]


def arrive(client: FlaskClient, session: Session, instrument: str) -> None:
    """Enter a code for ``instrument`` in a round of version 2 questionnaires."""
    survey_round = make_round(session, instruments=V2)
    _code, clear = make_access_code(session, survey_round, audience=instrument)
    session.commit()
    assert client.get(f"/s/{clear}").status_code == 303


def soup_of(client: FlaskClient, path: str) -> BeautifulSoup:
    page = client.get(path)
    assert page.status_code == 200, path
    return BeautifulSoup(page.get_data(as_text=True), "html.parser")


@pytest.mark.parametrize("instrument", ["cic-4-7", "cic-8-10"])
def test_the_welcome_leads_the_helping_adult_to_a_before_you_start_page(
    client: FlaskClient, session: Session, instrument: str
) -> None:
    arrive(client, session, instrument)
    welcome = soup_of(client, "/welcome")
    assert welcome.find("a", href="/before-you-start") is not None
    assert welcome.find("form", action="/welcome") is None
    page = soup_of(client, "/before-you-start")
    assert page.h1.get_text(strip=True) == "Before you start: for the adult helping"
    text = page.get_text(" ", strip=True)
    assert "not help if you are the child’s carer or their own social worker" in text
    assert "Do not suggest an answer" in text
    assert page.find("form", action="/welcome", method="post") is not None


def test_older_young_people_start_from_the_welcome_without_the_adults_page(
    client: FlaskClient, session: Session
) -> None:
    arrive(client, session, "cic-11-17")
    assert soup_of(client, "/welcome").find("form", action="/welcome") is not None
    assert client.get("/before-you-start").headers["Location"] == "/welcome"


def test_the_adults_page_starts_the_survey(client: FlaskClient, session: Session) -> None:
    arrive(client, session, "cic-4-7")
    started = post(client, "/welcome")
    assert started.status_code == 303
    assert client.get("/before-you-start").status_code == 303


def test_the_adults_page_is_in_welsh_when_welsh_is_chosen(
    client: FlaskClient, session: Session
) -> None:
    arrive(client, session, "cic-4-7")
    page = soup_of(client, "/before-you-start?lang=cy")
    assert page.html["lang"] == "cy"


@pytest.mark.parametrize("item", CHILD_FACES_4_7, ids=lambda item: item.id)
def test_every_4_to_7_question_shows_three_faces_each_with_a_word(
    client: FlaskClient, session: Session, item: Item
) -> None:
    arrive(client, session, "cic-4-7")
    assert post(client, "/welcome").status_code == 303
    page = soup_of(client, f"/q/{item.id}")
    faces = page.select("label.cv-face")
    assert len(faces) == 3
    for face, option in zip(faces, item.options, strict=False):
        assert option.label is not None
        assert face.get_text(strip=True) == option.label.en
        assert face.img is not None
        image = client.get(face.img["src"])
        image.close()
        assert image.status_code == 200
    plain = [label.get_text(strip=True) for label in page.select("label:not(.cv-face)")]
    if item.prefer_not_to_say:
        assert "Prefer not to say" in plain
