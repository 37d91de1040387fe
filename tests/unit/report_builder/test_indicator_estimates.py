"""Specification of estimates.estimate_table: whole-number percentages with Wilson intervals."""

import pandas as pd

from report_builder.inputs import columns as col
from report_builder.statistics.estimates import estimate_table, whole_percent, whole_percent_of
from tests.support.reference_statistics import wilson_interval


def counts(*rows: tuple[int, int]) -> pd.DataFrame:
    """An indicator count table from (numerator, denominator) pairs."""
    return pd.DataFrame(rows, columns=[col.NUMERATOR, col.DENOMINATOR])


def test_nine_of_thirty_shows_thirty_percent_from_seventeen_to_forty_eight():
    """docs/sources.md S8: 30% with Wilson 16.7%-47.9%, shown as whole numbers (R-STAT-4)."""
    row = estimate_table(counts((9, 30))).iloc[0]

    assert (row[col.PERCENT], row[col.CI_LOWER], row[col.CI_UPPER]) == (30, 17, 48)


def test_the_interval_is_the_wilson_interval_rounded_once():
    """R-STAT-1 and R-STAT-4: computed from unrounded counts, rounded at the end."""
    interval = wilson_interval(29, 200)

    row = estimate_table(counts((29, 200))).iloc[0]

    assert row[col.CI_LOWER] == round(interval.lower * 100)
    assert row[col.CI_UPPER] == round(interval.upper * 100)


def test_halves_round_up():
    """29/200 = 14.5% shows as 15%, and 1/8 = 12.5% as 13% (hand-worked; Python's round()
    would give 14 and 12)."""
    table = estimate_table(counts((29, 200), (1, 8)))

    assert table[col.PERCENT].tolist() == [15, 13]


def test_a_row_nobody_answered_has_no_percentage():
    """0 of 0 is not 0%: the figures are missing (and disclosure then shows [c])."""
    row = estimate_table(counts((0, 0))).iloc[0]

    assert row[[col.PERCENT, col.CI_LOWER, col.CI_UPPER]].isna().all()


def test_the_input_frame_is_not_changed():
    """CR-12 (docs/architecture.md): every function returns new objects."""
    table = counts((9, 30), (0, 0))
    before = table.copy()

    estimate_table(table)

    pd.testing.assert_frame_equal(table, before)


def test_one_proportion_rounds_exactly_as_a_column_does():
    """``whole_percent_of`` (single figures: benchmarks, response rates) matches
    ``whole_percent``, halves and binary near-halves included (R-STAT-4, D5)."""
    values = [0.145, 0.125, 0.005, 0.0, 1.0, 0.4449999, 2 / 3, 29 / 200, 0.675, 0.285]
    values += [k / n for n in (7, 30, 200) for k in range(n + 1)]

    columnwise = whole_percent(pd.Series(values)).tolist()

    assert [whole_percent_of(value) for value in values] == columnwise
