"""The four shipped instruments and their indicators, checked as content.

These are the issue's acceptance rules for what ships: every file loads and matches its lock,
indicators resolve, shared items keep their ids, Welsh is complete, and respondents meet short,
plain questions.
"""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pytest

from questionnaires import Indicator, InstrumentVersion, load_catalogue
from questionnaires.fingerprint import content_hash
from questionnaires.loader import DEFAULT_ROOT, instrument_paths

CATALOGUE = load_catalogue()
VERSIONS = tuple(CATALOGUE.versions.values())
LOCK = tomllib.loads((DEFAULT_ROOT / "published.toml").read_text("utf-8"))
YLYC = ("cic-4-7", "cic-8-10", "cic-11-17")
ONS_FOUR = ("life_satisfaction", "worthwhile", "happy_yesterday", "anxious_yesterday")


def by_key(version: InstrumentVersion) -> str:
    return version.key


def test_the_four_instruments_ship_as_published_versions_1_and_2() -> None:
    assert [v.key for v in CATALOGUE.published()] == [
        "cic-4-7@v1",
        "cic-4-7@v2",
        "cic-8-10@v1",
        "cic-8-10@v2",
        "cic-11-17@v1",
        "cic-11-17@v2",
        "leavers-16-25@v1",
        "leavers-16-25@v2",
    ]


@pytest.mark.parametrize(
    "path", instrument_paths(DEFAULT_ROOT), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_a_published_file_still_matches_its_locked_hash(path: Path) -> None:
    key = f"{path.parent.name}@{path.stem}"
    assert content_hash(path.read_bytes()) == LOCK[key], (
        f"{key} is published and was edited; undo the edit and run "
        f"`python -m questionnaires new-version {path.parent.name}` instead"
    )


def test_bands_and_audiences_are_as_the_programme_defines_them() -> None:
    bands = {v.instrument: (v.audience, v.age_min, v.age_max, v.trusted_adult) for v in VERSIONS}
    assert bands == {
        "cic-4-7": ("in_care", 4, 7, True),
        "cic-8-10": ("in_care", 8, 10, False),
        "cic-11-17": ("in_care", 11, 17, False),
        "leavers-16-25": ("care_leaver", 16, 25, False),
    }


@pytest.mark.parametrize("version", VERSIONS, ids=by_key)
def test_each_instrument_takes_15_minutes_at_most(version: InstrumentVersion) -> None:
    assert version.minutes <= 15


def test_the_4_to_7_survey_is_short_and_its_demographics_are_answered_by_the_adult() -> None:
    version = CATALOGUE.get("cic-4-7@v1")
    adult = [item.id for item in version.items if item.answered_by == "adult"]
    assert adult == ["age_4_7", "gender", "ethnicity", "placement_type", "time_in_care"]
    assert len(version.items) - len(adult) <= 15
    assert version.item("feelings_most_days").type == "faces"


@pytest.mark.parametrize("instrument", YLYC[1:])
def test_the_core_4_to_7_items_reappear_with_the_same_ids_in_version_1(instrument: str) -> None:
    core = [i.id for i in CATALOGUE.get("cic-4-7@v1").items if i.answered_by == "child"]
    assert all(CATALOGUE.get(f"{instrument}@v1").has_item(item_id) for item_id in core)


def test_the_version_2_wellbeing_faces_are_shared_by_the_two_youngest_bands() -> None:
    # The other version 2 questions for 4 to 7 year olds have three faces where older bands
    # have longer scales, so they cannot share ids (docs/questionnaires.md, "Version 2").
    shared = {"happy_yesterday_face", "life_face"}
    assert all(CATALOGUE.get("cic-8-10@v2").has_item(item_id) for item_id in shared)


def test_care_leavers_share_ids_with_the_in_care_survey_for_comparison() -> None:
    leavers = {i.id for i in CATALOGUE.get("leavers-16-25@v1").items}
    in_care = {i.id for i in CATALOGUE.get("cic-11-17@v1").items}
    assert {"feel_safe", "good_friend", "trusted_adult", *ONS_FOUR} <= leavers & in_care


@pytest.mark.parametrize("key", ["cic-11-17@v1", "leavers-16-25@v1"])
def test_older_bands_ask_the_four_ons_questions_on_0_to_10_scales(key: str) -> None:
    version = CATALOGUE.get(key)
    assert all(version.item(item_id).type == "scale_0_10" for item_id in ONS_FOUR)


@pytest.mark.parametrize("version", VERSIONS, ids=by_key)
def test_demographics_use_the_five_ons_ethnic_groups(version: InstrumentVersion) -> None:
    ethnicity = version.item("ethnicity")
    assert ethnicity.option_values == (
        "white",
        "mixed",
        "asian",
        "black",
        "other",
        "prefer_not_to_say",
    )
    assert {"gender", "time_in_care"} <= {item.id for item in version.items}


@pytest.mark.parametrize("version", VERSIONS, ids=by_key)
def test_free_text_boxes_have_a_limit_and_a_hint_not_to_write_names(
    version: InstrumentVersion,
) -> None:
    boxes = [item for item in version.items if item.type == "free_text"]
    assert {"make_care_better", "anything_else"} <= {item.id for item in boxes}
    for item in boxes:
        assert item.max_length
        assert item.hint is not None
        assert "name" in item.hint.en


@pytest.mark.parametrize("version", VERSIONS, ids=by_key)
def test_welsh_is_complete_and_not_claimed_to_be_reviewed(version: InstrumentVersion) -> None:
    # No Welsh speaker has reviewed any shipped file yet: version 1 waits for one, and version
    # 2's Welsh was written without one.
    assert version.complete_languages() == ("en", "cy")
    assert version.translation_review["cy"] in ("awaiting_review", "machine_translated")
    assert not version.translation_reviewed("cy")


@pytest.mark.parametrize("version", VERSIONS, ids=by_key)
def test_sensitive_questions_can_be_declined(version: InstrumentVersion) -> None:
    for item in version.items:
        if item.sensitive and item.type != "free_text":
            assert item.prefer_not_to_say, item.id


def test_the_indicators_cover_the_four_domains_and_wellbeing() -> None:
    domains = {indicator.domain for indicator in CATALOGUE.indicators}
    assert domains == {"relationships", "rights", "resilience", "recovery", "wellbeing"}


@pytest.mark.parametrize("indicator", CATALOGUE.indicators, ids=lambda i: i.id)
def test_every_indicator_resolves_to_items_whose_options_hold_its_positive_set(
    indicator: Indicator,
) -> None:
    resolved = [v for v in VERSIONS if indicator.source_item(v) is not None]
    assert resolved, f"{indicator.id} reads no item in any instrument"
    for version in resolved:
        item = indicator.source_item(version)
        assert item is not None
        assert indicator.positive <= set(item.option_values)
        assert indicator.excluded <= set(item.option_values) | {"prefer_not_to_say"}


def test_trust_in_a_social_worker_is_counted_only_among_those_who_know_them() -> None:
    (condition,) = CATALOGUE.indicator("trusts_social_worker").base.when
    assert (condition.item, condition.values) == ("know_social_worker", frozenset({"yes"}))


def test_benchmark_keys_name_rows_of_the_national_comparator_table() -> None:
    """Each ``benchmark`` key is a row of the national comparator file for that indicator."""
    table = Path(__file__).parents[3] / "report_builder" / "benchmarks" / "national.csv"
    with table.open(encoding="utf-8", newline="") as rows:
        indicator_of = {row["measure_id"]: row["indicator_id"] for row in csv.DictReader(rows)}
    keyed = {i.benchmark: i.id for i in CATALOGUE.indicators if i.benchmark}

    assert len(keyed) >= 6
    assert {key: indicator_of.get(key) for key in keyed} == keyed
