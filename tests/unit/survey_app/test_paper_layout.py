"""Question numbers and routing in words, as the printed copy and the entry form show them."""

from __future__ import annotations

from questionnaires import load_catalogue
from survey_app.services.paper_layout import (
    Route,
    go_to_route,
    joined,
    only_if_routes,
    question_numbers,
)

VERSION = load_catalogue().get("cic-11-17@v1")


def test_questions_are_numbered_from_one_in_order() -> None:
    numbers = question_numbers(VERSION)

    assert list(numbers.values()) == list(range(1, len(VERSION.items) + 1))
    assert numbers[VERSION.items[0].id] == 1


def test_a_question_opening_follow_ups_says_where_to_go_for_the_other_answers() -> None:
    numbers = question_numbers(VERSION)
    follow_ups = [item for item in VERSION.items if item.show_if]
    after = numbers[follow_ups[-1].id] + 1

    route = go_to_route(VERSION, VERSION.item("know_social_worker"), "en")

    assert route == Route(("No", "I don't know"), after)


def test_a_follow_up_names_the_answer_and_question_that_open_it() -> None:
    numbers = question_numbers(VERSION)

    routes = only_if_routes(VERSION, VERSION.item("trust_social_worker"), "cy")

    assert routes == [Route(("Ie",), numbers["know_social_worker"])]


def test_a_question_without_follow_ups_has_no_go_to() -> None:
    assert go_to_route(VERSION, VERSION.item("feel_safe"), "en") is None


def test_answers_are_quoted_and_joined_with_the_languages_or() -> None:
    assert (
        joined(("Na", "Dw i ddim yn gwybod", "Ie"), "neu") == "“Na”, “Dw i ddim yn gwybod” neu “Ie”"
    )
    assert joined(("No",), "or") == "“No”"
