"""Specification of indicators.indicator_counts and the responses contract (inputs.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from questionnaires import load_catalogue
from report_builder.indicators.counts import indicator_counts
from report_builder.inputs import columns as col
from report_builder.inputs.checks import check_responses

CATALOGUE = load_catalogue()


def responses(*people: tuple[str, dict[str, str]], completed: bool = True) -> pd.DataFrame:
    """A long responses frame: one LA round, each person (instrument, answers) a response."""
    rows = []
    for number, (instrument, answers) in enumerate(people):
        version = CATALOGUE.get(f"{instrument}@v1")
        rows += [
            {
                col.RESPONSE_ID: number,
                col.ROUND_ID: "E1-2026",
                col.LA_CODE: "E1",
                col.PERIOD: "2026",
                col.INSTRUMENT: instrument,
                col.VERSION: version.version,
                col.CONTENT_HASH: version.content_hash,
                col.MODE: "online",
                col.LANGUAGE: "en",
                col.ITEM_ID: item_id,
                col.VALUE: value,
                col.COMPLETED: completed,
            }
            for item_id, value in answers.items()
        ]
    return pd.DataFrame(rows, columns=list(col.RESPONSE_COLUMNS))


def count(frame: pd.DataFrame, indicator_id: str, band: str) -> tuple[int, int]:
    """(numerator, denominator) of one indicator and band, (0, 0) when nobody is in the base."""
    rows = indicator_counts(frame, CATALOGUE)
    row = rows.loc[(rows[col.INDICATOR_ID] == indicator_id) & (rows[col.AGE_BAND] == band)]
    if row.empty:
        return (0, 0)
    return int(row[col.NUMERATOR].iloc[0]), int(row[col.DENOMINATOR].iloc[0])


def test_trust_in_social_worker_counts_only_those_who_know_their_social_worker():
    """indicators.yaml: trusts_social_worker's base is know_social_worker = yes."""
    frame = responses(
        (
            "cic-8-10",
            {"know_social_worker": "yes", "trust_social_worker": "all_or_most_of_the_time"},
        ),
        ("cic-8-10", {"know_social_worker": "yes", "trust_social_worker": "sometimes"}),
        (
            "cic-8-10",
            {"know_social_worker": "no", "trust_social_worker": "all_or_most_of_the_time"},
        ),
        ("cic-8-10", {"trust_social_worker": "all_or_most_of_the_time"}),
    )

    assert count(frame, "trusts_social_worker", "cic-8-10") == (1, 2)


def test_prefer_not_to_say_and_skipped_questions_are_not_in_the_base():
    """docs/questionnaires.md: skipped items are absent and "prefer not to say" is excluded."""
    frame = responses(
        ("cic-8-10", {"afraid_school_bullying": "sometimes"}),
        ("cic-8-10", {"afraid_school_bullying": "never"}),
        ("cic-8-10", {"afraid_school_bullying": "prefer_not_to_say"}),
        ("cic-8-10", {"feel_safe": "always"}),
    )

    assert count(frame, "afraid_of_school_bullying", "cic-8-10") == (1, 2)


def test_dont_know_is_left_out_where_the_indicator_excludes_it():
    """no_good_friend excludes "dont_know" from its base; "no" is the positive answer."""
    frame = responses(
        ("leavers-16-25", {"good_friend": "no"}),
        ("leavers-16-25", {"good_friend": "yes"}),
        ("leavers-16-25", {"good_friend": "dont_know"}),
    )

    assert count(frame, "no_good_friend", "leavers-16-25") == (1, 2)


@pytest.mark.parametrize(
    ("score", "is_low"), [("0", True), ("4", True), ("5", False), ("10", False)]
)
def test_low_life_satisfaction_is_the_ons_low_band_of_zero_to_four(score, is_low):
    """ONS thresholds (thresholds.py): 0-4 is low life satisfaction."""
    frame = responses(("cic-11-17", {"life_satisfaction": score}))

    assert count(frame, "low_life_satisfaction", "cic-11-17") == (int(is_low), 1)


def test_high_anxiety_is_the_ons_anxiety_band_of_six_to_ten():
    """ONS anxiety runs the other way: 6-10 is high."""
    frame = responses(
        ("leavers-16-25", {"anxious_yesterday": "6"}),
        ("leavers-16-25", {"anxious_yesterday": "5"}),
    )

    assert count(frame, "high_anxiety_yesterday", "leavers-16-25") == (1, 2)


def test_incomplete_responses_are_not_counted():
    """Only submitted (completed) responses count towards any indicator."""
    frame = responses(("cic-4-7", {"feel_safe": "always"}), completed=False)

    assert count(frame, "always_feels_safe", "cic-4-7") == (0, 0)


def test_each_age_band_is_counted_separately_with_its_fingerprint():
    """An indicator read by two instruments gives one row per band, each with the
    fingerprint of the version answered, so only comparable versions are ever pooled."""
    frame = responses(("cic-4-7", {"feel_safe": "always"}), ("cic-8-10", {"feel_safe": "never"}))
    rows = indicator_counts(frame, CATALOGUE)
    safe = rows.loc[rows[col.INDICATOR_ID] == "always_feels_safe"].set_index(col.AGE_BAND)

    assert safe.loc["cic-4-7", col.NUMERATOR] == 1
    assert safe.loc["cic-8-10", col.NUMERATOR] == 0
    indicator = CATALOGUE.indicator("always_feels_safe")
    assert safe.loc["cic-4-7", col.FINGERPRINT] == indicator.fingerprint(
        CATALOGUE.get("cic-4-7@v1")
    )


def test_counting_only_some_indicators_gives_exactly_their_rows_of_the_full_count():
    frame = responses(
        ("cic-4-7", {"feel_safe": "always"}),
        ("cic-8-10", {"feel_safe": "never", "know_social_worker": "yes"}),
    )
    full = indicator_counts(frame, CATALOGUE)
    wanted = ["always_feels_safe"]

    some = indicator_counts(frame, CATALOGUE, only=wanted)

    expected = full.loc[full[col.INDICATOR_ID].isin(wanted)].reset_index(drop=True)
    pd.testing.assert_frame_equal(some, expected)
    assert len(full) > len(some) > 0


def test_counting_indicators_no_answered_version_reads_gives_an_empty_table():
    frame = responses(("cic-4-7", {"feel_safe": "always"}))
    only_leavers = [i.id for i in CATALOGUE.indicators if set(i.sources) == {"leavers-16-25"}]
    assert only_leavers
    assert indicator_counts(frame, CATALOGUE, only=only_leavers).empty


def test_the_input_frame_is_not_changed():
    frame = responses(("cic-8-10", {"feel_safe": "always"}))
    before = frame.copy()

    indicator_counts(frame, CATALOGUE)

    pd.testing.assert_frame_equal(frame, before)


def test_a_frame_missing_columns_is_refused_naming_them():
    frame = responses(("cic-8-10", {"feel_safe": "always"})).drop(columns=[col.PERIOD, col.MODE])

    with pytest.raises(ValueError, match="period, mode"):
        check_responses(frame)


def test_answers_against_an_unknown_version_hash_are_refused():
    """Answers are stored against a version's codes; another file's codes would miscount."""
    frame = responses(("cic-8-10", {"feel_safe": "always"})).assign(
        **{col.CONTENT_HASH: "sha256:0"}
    )

    with pytest.raises(ValueError, match="cic-8-10@v1"):
        indicator_counts(frame, CATALOGUE)
