"""Access codes are memorable, forgiving to type, and stored only as hashes."""

import re

from survey_app.services.access_codes import code_words, generate_code, hash_code, normalise_code


def test_generated_codes_are_two_words_and_a_number() -> None:
    for _ in range(50):
        assert re.fullmatch(r"[a-z]+-[a-z]+-[1-9][0-9]", generate_code())


def test_normalising_forgives_case_spaces_and_punctuation() -> None:
    assert normalise_code("  Otter Maple 42 ") == "otter-maple-42"
    assert normalise_code("OTTER_maple--42") == "otter-maple-42"


def test_the_same_code_typed_differently_has_the_same_hash() -> None:
    assert hash_code("otter maple 42") == hash_code("Otter-Maple-42")
    assert hash_code("otter maple 42") != hash_code("otter maple 43")


def test_the_hash_does_not_contain_the_code() -> None:
    assert "otter" not in hash_code("otter-maple-42")


def test_word_list_has_no_duplicates_and_only_plain_words() -> None:
    words = code_words()
    assert len(words) == len(set(words)) >= 128
    assert all(re.fullmatch(r"[a-z]+", word) for word in words)
