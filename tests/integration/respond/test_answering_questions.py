"""One question per page: every item type renders accessibly, saves codes, and can be skipped."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from questionnaires import PREFER_NOT_TO_SAY
from tests.integration.respond.conftest import (
    conditional_item,
    enter,
    item_of_type,
    post,
    stored_answers,
    version,
)

TYPES = [
    ("yes_no", "cic-8-10"),
    ("frequency", "cic-8-10"),
    ("count_band", "cic-11-17"),
    ("scale_0_10", "cic-11-17"),
    ("faces", "cic-8-10"),
    ("single_choice", "cic-8-10"),
    ("multi_choice", "leavers-16-25"),
    ("free_text", "cic-8-10"),
]


def _soup(client: FlaskClient, path: str) -> BeautifulSoup:
    page = client.get(path)
    assert page.status_code == 200
    return BeautifulSoup(page.get_data(as_text=True), "html.parser")


@pytest.mark.parametrize(("item_type", "instrument"), TYPES)
def test_every_item_type_has_its_question_as_the_page_heading(
    client: FlaskClient, session: Session, item_type: str, instrument: str
) -> None:
    enter(client, session, instrument)
    item = item_of_type(item_type, instrument)
    soup = _soup(client, f"/q/{item.id}")
    assert soup.h1.get_text(strip=True) == item.text.en
    assert soup.select_one("#help-link")["href"] == "/help"
    assert "Question " in soup.select_one("#progress").get_text()
    assert soup.find("button", attrs={"value": "skip"}) is not None
    assert soup.find("input", checked=True) is None


@pytest.mark.parametrize(("item_type", "instrument"), [t for t in TYPES if t[0] != "free_text"])
def test_choice_questions_are_a_fieldset_with_the_question_as_legend(
    client: FlaskClient, session: Session, item_type: str, instrument: str
) -> None:
    enter(client, session, instrument)
    item = item_of_type(item_type, instrument)
    soup = _soup(client, f"/q/{item.id}")
    legend = soup.select_one("fieldset legend h1")
    assert legend.get_text(strip=True) == item.text.en
    inputs = soup.select("fieldset input[name=answer]")
    assert [i["value"] for i in inputs] == list(item.option_values)
    expected = "checkbox" if item_type == "multi_choice" else "radio"
    assert {i["type"] for i in inputs} == {expected}


def test_the_0_to_10_scale_is_eleven_radios_with_labelled_ends(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session, "cic-11-17")
    item = item_of_type("scale_0_10", "cic-11-17")
    soup = _soup(client, f"/q/{item.id}")
    assert len(soup.select("input[type=radio]")) == 11
    hints = [h.get_text(strip=True) for h in soup.select(".govuk-radios__hint")]
    assert hints == [item.options[0].label.en, item.options[-1].label.en]
    assert soup.find("input", attrs={"type": "range"}) is None


def test_faces_are_radios_whose_pictures_sit_beside_a_text_label(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    item = item_of_type("faces")
    soup = _soup(client, f"/q/{item.id}")
    labels = soup.select("label.cv-face")
    assert [label.get_text(strip=True) for label in labels] == [o.label.en for o in item.options]
    for label in labels:
        assert label.img["alt"] == ""
        image = client.get(label.img["src"])
        image.close()
        assert image.status_code == 200


def test_free_text_has_a_character_count_and_asks_for_no_names(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    item = item_of_type("free_text")
    soup = _soup(client, f"/q/{item.id}")
    assert soup.select_one(".govuk-character-count")["data-maxlength"] == str(item.max_length)
    assert "name" in soup.select_one("#answer-hint").get_text()


def test_prefer_not_to_say_is_offered_after_an_or_divider(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    item = next(i for i in version().items if i.prefer_not_to_say and i.type == "single_choice")
    soup = _soup(client, f"/q/{item.id}")
    assert soup.select_one(".govuk-radios__divider") is not None
    assert soup.select("input[type=radio]")[-1]["value"] == PREFER_NOT_TO_SAY


def test_an_answer_is_saved_as_its_code_and_the_next_question_follows(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    item = version().items[0]
    saved = post(client, first, {"answer": item.options[0].value, "action": "continue"})
    assert saved.status_code == 303
    assert saved.headers["Location"] == f"/q/{version().items[1].id}"
    assert stored_answers(session) == {item.id: item.options[0].value}


def test_multi_choice_answers_are_stored_as_a_json_list_of_codes(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session, "leavers-16-25")
    item = item_of_type("multi_choice", "leavers-16-25")
    chosen = list(item.option_values[:2])
    post(client, f"/q/{item.id}", {"answer": chosen})
    assert json.loads(stored_answers(session)[item.id]) == chosen
    checked = _soup(client, f"/q/{item.id}").select("input[checked]")
    assert [c["value"] for c in checked] == chosen


def test_skipping_saves_nothing_and_removes_an_earlier_answer(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    item = version().items[0]
    post(client, first, {"answer": item.options[0].value})
    skipped = post(client, first, {"answer": item.options[1].value, "action": "skip"})
    assert skipped.status_code == 303
    assert stored_answers(session) == {}


def test_continuing_without_choosing_is_a_skip_not_an_error(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    page = post(client, first, {"action": "continue"})
    assert page.status_code == 303
    assert stored_answers(session) == {}


def test_show_if_questions_appear_only_after_the_answer_that_opens_them(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    hidden = conditional_item()
    condition = hidden.show_if[0]
    gate = version().item(condition.item)
    assert client.get(f"/q/{hidden.id}").headers["Location"] == "/continue"
    other = next(v for v in gate.option_values if v not in condition.values)
    assert post(client, f"/q/{gate.id}", {"answer": other}).headers["Location"] != f"/q/{hidden.id}"
    opened = post(client, f"/q/{gate.id}", {"answer": sorted(condition.values)[0]})
    assert opened.headers["Location"] == f"/q/{hidden.id}"
    assert client.get(f"/q/{hidden.id}").status_code == 200
    closed = post(client, f"/q/{gate.id}", {"action": "skip"})
    assert closed.headers["Location"] != f"/q/{hidden.id}", "skipping the gate closes it again"


def test_progress_counts_only_the_questions_this_respondent_will_see(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    total = len([i for i in version().items if not i.show_if])
    assert f"Question 1 of {total}" in client.get(first).get_data(as_text=True)


def test_the_back_link_goes_to_the_previous_question(client: FlaskClient, session: Session) -> None:
    enter(client, session)
    second = version().items[1]
    soup = _soup(client, f"/q/{second.id}")
    assert soup.select_one(".govuk-back-link")["href"] == f"/q/{version().items[0].id}"


def test_trusted_adult_mode_says_who_answers_each_question(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session, "cic-4-7")
    adult = next(i for i in version("cic-4-7").items if i.answered_by == "adult")
    child = next(i for i in version("cic-4-7").items if i.answered_by == "child")
    assert "For the grown-up to answer" in client.get(f"/q/{adult.id}").get_data(as_text=True)
    assert "For the child to answer" in client.get(f"/q/{child.id}").get_data(as_text=True)


def test_the_read_aloud_button_is_an_enhancement_hidden_until_scripts_run(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    soup = _soup(client, first)
    button = soup.select_one("[data-cv-read-aloud]")
    assert button.has_attr("hidden")
    assert button["data-speech"]
    assert soup.find("script", src="/static/respond/read-aloud.js")["type"] == "module"
