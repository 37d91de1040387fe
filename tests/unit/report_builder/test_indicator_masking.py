"""Specification of disclosure.mask_indicator_table: base rules and small-group extremes."""

import pandas as pd
import pytest

from report_builder.disclosure.control import mask_indicator_table
from report_builder.inputs import columns as col
from report_builder.statistics.estimates import estimate_table

SENSITIVE = frozenset({"feels_safe"})


def results(*rows: tuple[str, int, int]) -> pd.DataFrame:
    """An indicator table: (indicator_id, numerator, denominator) with whole-number percents."""
    frame = pd.DataFrame(rows, columns=[col.INDICATOR_ID, col.NUMERATOR, col.DENOMINATOR])
    percent = (100 * frame[col.NUMERATOR] / frame[col.DENOMINATOR]).round()
    return frame.assign(**{col.PERCENT: percent, col.CI_LOWER: 0.0, col.CI_UPPER: 1.0})


@pytest.mark.parametrize("base", [0, 1, 9])
def test_a_base_below_ten_hides_everything_including_the_base(base):
    """R-SDC-1 / R-STAT-4: under 10 answered shows only [c], "fewer than 10 answered"."""
    masked = mask_indicator_table(results(("likes_school", 0, base)), SENSITIVE).iloc[0]

    assert masked[col.MARKER] == "[c]"
    assert masked[col.NOTE] == "base_below_10"
    assert masked[[col.NUMERATOR, col.DENOMINATOR, col.PERCENT, col.CI_LOWER]].isna().all()


@pytest.mark.parametrize("base", [10, 29])
def test_a_base_of_ten_to_twenty_nine_is_shown_and_marked_low_reliability(base):
    """R-STAT-4: 10 <= n < 30 shows the percentage and interval with [u]."""
    masked = mask_indicator_table(results(("likes_school", 5, base)), SENSITIVE).iloc[0]

    assert masked[col.MARKER] == "[u]"
    assert masked[col.NOTE] == "low_reliability"
    assert masked[col.NUMERATOR] == 5
    assert masked[col.DENOMINATOR] == base
    assert not pd.isna(masked[col.PERCENT])


def test_a_base_of_thirty_is_shown_without_a_marker():
    """R-STAT-4: n >= 30 is normal display."""
    masked = mask_indicator_table(results(("likes_school", 5, 30)), SENSITIVE).iloc[0]

    assert masked[col.MARKER] == ""
    assert masked[col.PERCENT] == 17


@pytest.mark.parametrize("numerator", [0, 20])
def test_none_or_all_of_a_small_group_on_a_sensitive_item_is_hidden(numerator):
    """R-SDC-4 / docs/sources.md D7: 0% or 100% of a group under 30 tells the reader about every
    child in it, so the result becomes [c], base included (R-SDC-9: a base beside [c] would
    say the answer was 0% or 100%). The note is the generic "confidential" one: naming the
    reason would reveal the all-or-none answer."""
    masked = mask_indicator_table(results(("feels_safe", numerator, 20)), SENSITIVE).iloc[0]

    assert masked[col.MARKER] == "[c]"
    assert masked[col.NOTE] == "confidential"
    assert masked[[col.NUMERATOR, col.DENOMINATOR, col.PERCENT, col.CI_UPPER]].isna().all()


def test_none_or_all_on_an_item_that_is_not_sensitive_is_shown_as_low_reliability():
    """R-SDC-4 applies to sensitive items only."""
    masked = mask_indicator_table(results(("likes_school", 0, 20)), SENSITIVE).iloc[0]

    assert masked[col.MARKER] == "[u]"
    assert masked[col.NUMERATOR] == 0


def test_none_or_all_of_a_group_of_thirty_or_more_is_shown():
    """R-SDC-4 applies below a base of 30."""
    masked = mask_indicator_table(results(("feels_safe", 30, 30)), SENSITIVE).iloc[0]

    assert masked[col.MARKER] == ""
    assert masked[col.PERCENT] == 100


def test_the_input_table_is_not_changed():
    """CR-12 (docs/architecture.md): every function returns new objects."""
    table = results(("feels_safe", 0, 5), ("feels_safe", 0, 20), ("likes_school", 3, 40))
    before = table.copy()

    mask_indicator_table(table, SENSITIVE)

    pd.testing.assert_frame_equal(table, before)


def test_a_small_la_table_from_counts_to_display():
    """R-SDC-8: a fixed small-LA fixture through estimate_table then the base rules. Brent-sized
    round (docs/sources.md B11: 82 responses over three bands): 4-7s 7 answered, 8-11s 20 of
    whom all feel safe, 11-17s 55 of whom 44 feel safe (80%, Wilson 68%-88%)."""
    counts = pd.DataFrame(
        {
            col.INDICATOR_ID: ["feels_safe"] * 3,
            col.AGE_BAND: ["4-7", "8-11", "11-17"],
            col.NUMERATOR: [6, 20, 44],
            col.DENOMINATOR: [7, 20, 55],
        }
    )

    shown = mask_indicator_table(estimate_table(counts), SENSITIVE)

    assert shown[col.MARKER].tolist() == ["[c]", "[c]", ""]
    assert shown[col.PERCENT].isna().tolist() == [True, True, False]
    assert shown.loc[2, [col.PERCENT, col.CI_LOWER, col.CI_UPPER]].tolist() == [80, 68, 88]
