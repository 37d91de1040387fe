"""Every indicator has children's words in English and Welsh, checked when the app starts."""

from __future__ import annotations

import pytest

from questionnaires import load_catalogue
from survey_app.services.child_phrases import (
    ChildPhraseError,
    check_child_phrases,
    parse_child_phrases,
    shipped_child_phrases,
)


def test_the_shipped_phrases_cover_every_indicator_in_both_languages() -> None:
    indicators = [indicator.id for indicator in load_catalogue().indicators]

    check_child_phrases(shipped_child_phrases(), indicators)


def test_the_english_phrases_speak_to_the_child_not_about_them() -> None:
    for phrase in shipped_child_phrases().values():
        assert " they " not in f" {phrase.en} "
        assert " their " not in f" {phrase.en} "


def test_a_missing_welsh_phrase_or_indicator_stops_the_check() -> None:
    phrases = parse_child_phrases("likes_school:\n  en: you like school\n")

    with pytest.raises(ChildPhraseError) as raised:
        check_child_phrases(phrases, ["likes_school", "has_pet"])

    assert raised.value.problems == ["has_pet: no phrase", "likes_school: no cy phrase"]


def test_a_phrase_for_an_unknown_indicator_stops_the_check() -> None:
    phrases = parse_child_phrases(
        "has_pets:\n  en: you have a pet\n  cy: bod gennych chi anifail\n"
    )

    with pytest.raises(ChildPhraseError, match="has_pets: not an indicator"):
        check_child_phrases(phrases, [])
