"""Version 2 of the four questionnaires: the wording and scales that comparisons depend on.

The ONS personal wellbeing questions and the ONS direct loneliness question are only comparable
with ONS figures when asked in ONS's exact words with ONS's answer scales (GSS personal
well-being harmonised standard; ONS loneliness guidance, 2018), so these tests pin them
character for character. The 4-7 tests pin what makes the youngest children's survey usable:
three faces with a word under each, and no words a five-year-old would stumble on.
"""

from __future__ import annotations

import re

import pytest

from questionnaires import (
    Indicator,
    InstrumentVersion,
    Item,
    LocalisedText,
    comparable,
    load_catalogue,
)

CATALOGUE = load_catalogue()
ONS_BANDS = ("cic-11-17@v2", "leavers-16-25@v2")
UNDER_11 = ("cic-4-7@v2", "cic-8-10@v2")
IN_CARE = ("cic-4-7@v2", "cic-8-10@v2", "cic-11-17@v2")

ONS_QUESTIONS = {
    "ons_life_satisfaction": (
        "Overall, how satisfied are you with your life nowadays?",
        "Not at all satisfied",
        "Completely satisfied",
    ),
    "ons_worthwhile": (
        "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
        "Not at all worthwhile",
        "Completely worthwhile",
    ),
    "ons_happy_yesterday": (
        "Overall, how happy did you feel yesterday?",
        "Not at all happy",
        "Completely happy",
    ),
    "ons_anxious_yesterday": (
        "On a scale where 0 is “not at all anxious” and 10 is “completely anxious”, overall, "
        "how anxious did you feel yesterday?",
        "Not at all anxious",
        "Completely anxious",
    ),
}
ONS_LONELINESS = ("Often or always", "Some of the time", "Occasionally", "Hardly ever", "Never")
WORDS_TOO_HARD_AT_4_TO_7 = ("trust", "carer", "always there for you", "hardly ever")


def version(key: str) -> InstrumentVersion:
    return CATALOGUE.get(key)


def child_choice_items(key: str) -> list[Item]:
    return [
        item
        for item in version(key).items
        if item.answered_by == "child" and item.type != "free_text"
    ]


@pytest.mark.parametrize("key", ONS_BANDS)
@pytest.mark.parametrize("item_id", ONS_QUESTIONS)
def test_the_four_ons_questions_use_the_exact_ons_wording_and_0_to_10_scale(
    key: str, item_id: str
) -> None:
    item = version(key).item(item_id)
    question, low, high = ONS_QUESTIONS[item_id]
    assert item.text.en == question
    assert item.type == "scale_0_10"
    assert item.option_values == tuple(str(score) for score in range(11))
    labels = {option.value: option.label for option in item.options}
    assert labels["0"] == LocalisedText(low, labels["0"].cy if labels["0"] else None)
    assert labels["10"] == LocalisedText(high, labels["10"].cy if labels["10"] else None)
    assert all(labels[str(score)] is None for score in range(1, 10))


@pytest.mark.parametrize("key", ONS_BANDS)
def test_the_ons_questions_come_in_the_ons_order(key: str) -> None:
    ids = [item.id for item in version(key).items if item.id in ONS_QUESTIONS]
    assert ids == list(ONS_QUESTIONS)


@pytest.mark.parametrize("key", ONS_BANDS)
def test_loneliness_is_the_ons_direct_question_with_its_five_answers(key: str) -> None:
    item = version(key).item("lonely_how_often")
    assert item.text.en == "How often do you feel lonely?"
    answers = [option.label.en for option in item.options if option.label is not None]
    assert answers[:5] == list(ONS_LONELINESS)
    assert item.option_values[5:] == ("prefer_not_to_say",)


@pytest.mark.parametrize("key", ONS_BANDS)
def test_positive_about_the_future_is_asked_on_0_to_10(key: str) -> None:
    item = version(key).item("positive_about_future")
    assert item.type == "scale_0_10"


def test_every_question_for_a_4_to_7_year_old_is_three_faces_each_with_a_word() -> None:
    items = child_choice_items("cic-4-7@v2")
    assert len(items) == 13
    for item in items:
        faces = [option for option in item.options if option.value != "prefer_not_to_say"]
        assert item.type == "faces", item.id
        assert [face.value for face in faces] == ["sad", "in_between", "happy"], item.id
        assert all(face.image and face.label and face.label.en for face in faces), item.id


def test_4_to_7_questions_avoid_words_a_five_year_old_would_stumble_on() -> None:
    for item in version("cic-4-7@v2").items:
        if item.answered_by != "child":
            continue
        for text in item.texts():
            for words in WORDS_TOO_HARD_AT_4_TO_7:
                assert not re.search(rf"\b{words}", text.en, re.IGNORECASE), (item.id, text.en)


@pytest.mark.parametrize("key", UNDER_11)
def test_under_11s_are_asked_happy_yesterday_life_and_settled(key: str) -> None:
    ids = {item.id for item in version(key).items}
    assert {"happy_yesterday_face", "life_face"} <= ids
    assert ids & {"feel_settled", "settled_face"}


@pytest.mark.parametrize("key", IN_CARE)
def test_children_in_care_are_asked_about_moves_in_the_last_year(key: str) -> None:
    assert version(key).item("placement_moves").type == "count_band"


@pytest.mark.parametrize("key", ["cic-8-10@v2", "cic-11-17@v2"])
def test_mum_and_dad_are_asked_about_separately_and_may_not_apply(key: str) -> None:
    for item_id in ("contact_mum", "contact_dad"):
        assert "does_not_apply" in version(key).item(item_id).option_values
    assert not version(key).has_item("contact_parents")


def test_the_embarrassment_question_gives_concrete_examples() -> None:
    item = version("cic-11-17@v2").item("adults_embarrass_about_care")
    assert "embarrassed because you are in care" in item.text.en
    assert item.hint is not None
    assert {"school", "lanyards", "meetings"} <= set(re.findall(r"[a-z]+", item.hint.en))


def test_care_leavers_can_say_they_are_homeless_or_sofa_surfing() -> None:
    item = version("leavers-16-25@v2").item("where_living")
    assert {"homeless", "sofa_surfing"} <= set(item.option_values)


@pytest.mark.parametrize(
    "item_id",
    ["someone_believes_in_you", "someone_listens", "emotional_support", "fun_free_time"],
)
def test_care_leavers_are_asked_the_bright_spots_relationship_and_fun_items(item_id: str) -> None:
    assert version("leavers-16-25@v2").has_item(item_id)


@pytest.mark.parametrize("key", [*IN_CARE, "leavers-16-25@v2"])
def test_version_2_welsh_is_complete_and_honestly_marked_unreviewed(key: str) -> None:
    assert version(key).complete_languages() == ("en", "cy")
    assert version(key).translation_review == {"cy": "machine_translated"}
    assert not version(key).translation_reviewed("cy")


def indicator(indicator_id: str) -> Indicator:
    return next(each for each in CATALOGUE.indicators if each.id == indicator_id)


@pytest.mark.parametrize(
    ("indicator_id", "instrument"),
    [
        ("always_feels_safe", "cic-8-10"),
        ("trusts_social_worker", "cic-11-17"),
        ("has_trusted_adult", "leavers-16-25"),
        ("feels_settled", "cic-11-17"),
    ],
)
def test_unchanged_items_still_compare_from_version_1_to_version_2(
    indicator_id: str, instrument: str
) -> None:
    old, new = version(f"{instrument}@v1"), version(f"{instrument}@v2")
    assert comparable(indicator(indicator_id), old, new)


@pytest.mark.parametrize(
    ("indicator_id", "instrument"),
    [
        ("low_life_satisfaction", "cic-11-17"),
        ("ons_low_life_satisfaction", "leavers-16-25"),
        ("often_lonely", "leavers-16-25"),
        ("always_feels_safe", "cic-4-7"),
        ("happy_most_days", "cic-8-10"),
        ("wants_more_contact_with_parents", "cic-11-17"),
        ("made_to_feel_bad_about_care", "cic-11-17"),
    ],
)
def test_changed_or_new_items_never_compare_from_version_1_to_version_2(
    indicator_id: str, instrument: str
) -> None:
    old, new = version(f"{instrument}@v1"), version(f"{instrument}@v2")
    assert not comparable(indicator(indicator_id), old, new)


def test_every_version_2_item_that_can_be_scored_feeds_an_indicator_or_is_context() -> None:
    context = {"age_4_7", "age_8_10", "age_11_17", "age_16_25", "gender", "ethnicity"}
    context |= {"placement_type", "time_in_care", "where_living", "know_personal_adviser"}
    read = {
        (instrument, item_id)
        for each in CATALOGUE.indicators
        for instrument, item_id in each.sources.items()
    }
    read |= {
        (instrument, condition.item)
        for each in CATALOGUE.indicators
        for condition in each.base.when
        for instrument in each.sources
    }
    for key in (*IN_CARE, "leavers-16-25@v2"):
        for item in version(key).items:
            if item.type in ("free_text", "multi_choice") or item.id in context:
                continue
            assert (version(key).instrument, item.id) in read, (key, item.id)
