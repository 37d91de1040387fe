"""Specification of the comparison rules: the three comparison axes, BH and classification.

Each comparison is run through the reference single-call tests (``tests/support``);
``test_batched_comparisons.py`` checks the report's batched route gives the same results.
"""

import dataclasses

import pandas as pd
import pytest

from report_builder.comparison.comparators import pooled_others
from report_builder.comparison.plans import adjust_section, classify
from report_builder.comparison.values import (
    Benchmark,
    Classification,
    ComparisonKind,
    ComparisonStatus,
    Direction,
    Flag,
)
from report_builder.inputs import columns as col
from report_builder.statistics.values import Proportion
from tests.support.reference_comparisons import (
    compare_with_national,
    compare_with_other_las,
    compare_with_previous_round,
)
from tests.support.reference_statistics import one_sample_test, two_sample_test


def benchmark(value: float, sample_size: int | None = None) -> Benchmark:
    """A benchmark row as match_benchmark returns it; provenance fields are placeholders."""
    return Benchmark(
        measure_id="test_measure",
        indicator_id="afraid_of_school_bullying",
        value=value,
        age_min=8,
        age_max=10,
        year="2021",
        source_title="test",
        source_url="https://example.org",
        sample_size=sample_size,
        confidence="secondary",
    )


def test_nine_of_thirty_against_ten_percent_is_flagged_higher():
    """docs/sources.md S8: Wilson 16.7%-47.9% leaves out 10%, score p = 0.0003: "higher"."""
    result = compare_with_national("afraid_of_school_bullying", Proportion(9, 30), benchmark(0.10))

    assert result.status is ComparisonStatus.TESTED
    assert result.flag is Flag.HIGHER
    assert not result.is_indicative
    assert result.benchmark_measure_id == "test_measure"


def test_twelve_of_forty_against_five_of_thirty_five_is_not_flagged_as_a_change():
    """docs/sources.md S15: a 16-point gap, Newcombe -3.5 to +33.1 points: "no clear change"."""
    result = compare_with_previous_round(
        "likes_school", Proportion(12, 40), Proportion(5, 35), is_comparable=True
    )

    assert result.flag is Flag.NONE
    assert result.test is not None
    assert result.test.method == "score"


def test_no_matching_benchmark_means_no_national_comparison():
    """docs/sources.md B7: no forced comparison when definitions or ages do not match."""
    result = compare_with_national("likes_school", Proportion(20, 40), None)

    assert result.status is ComparisonStatus.NO_BENCHMARK
    assert result.test is None


@pytest.mark.parametrize("nobs", [0, 5, 9])
def test_a_base_below_ten_is_not_tested(nobs):
    """R-STAT-4: under 10 answered, no percentage and no test."""
    result = compare_with_national(
        "afraid_of_school_bullying", Proportion(0, nobs), benchmark(0.17)
    )

    assert result.status is ComparisonStatus.BASE_TOO_SMALL


def test_a_base_of_ten_to_twenty_nine_uses_the_exact_test_and_is_indicative():
    """R-STAT-4: bases of 10-29 are tested with binomtest and flags are worded as indicative."""
    result = compare_with_national("afraid_of_school_bullying", Proportion(12, 20), benchmark(0.17))

    assert result.is_indicative
    assert result.test is not None
    assert result.test.method == "exact binomial"
    assert result.flag is Flag.HIGHER


def test_a_benchmark_from_a_small_sample_is_compared_as_a_second_sample():
    """R-STAT-2 / S7: a benchmark n under 10x the LA's is not fixed; 30% of 200 = 60 of 200."""
    result = compare_with_national(
        "afraid_of_school_bullying", Proportion(20, 40), benchmark(0.30, 200)
    )

    assert result.test == two_sample_test(20, 40, 60, 200)


def test_a_benchmark_from_a_large_sample_is_treated_as_fixed():
    """R-STAT-2: n at least 10x the LA's (400 vs 40) is treated as a fixed value."""
    result = compare_with_national(
        "afraid_of_school_bullying", Proportion(20, 40), benchmark(0.30, 400)
    )

    assert result.test == one_sample_test(20, 40, 0.30)


def test_other_las_are_pooled_without_this_la_and_the_input_is_unchanged():
    """docs/sources.md B6: other LAs' children in care, excluding this LA itself."""
    counts = pd.DataFrame(
        [
            ("likes_school", la, f"{la}-2026", "2026", "cic-11-17", "fp1", count, base)
            for la, count, base in (("E1", 5, 20), ("E2", 30, 100), ("E3", 40, 120))
        ],
        columns=list(col.COUNT_COLUMNS),
    )
    before = counts.copy()

    pooled = pooled_others(counts, "2026", "E1", frozenset()).iloc[0]

    assert (pooled[col.NUMERATOR], pooled[col.DENOMINATOR]) == (70, 220)
    pd.testing.assert_frame_equal(counts, before)


def test_other_las_comparison_flags_a_clear_gap():
    """A 50-point gap on bases of 60 and 600 is far outside chance."""
    result = compare_with_other_las("trust_carers", Proportion(15, 60), Proportion(450, 600))

    assert result.kind is ComparisonKind.OTHER_LAS
    assert result.flag is Flag.LOWER


def test_a_changed_definition_makes_the_previous_round_not_comparable():
    """docs/sources.md B7: rounds compare only where the indicator definition matches."""
    result = compare_with_previous_round(
        "feels_safe", Proportion(30, 40), Proportion(10, 40), is_comparable=False
    )

    assert result.status is ComparisonStatus.NOT_COMPARABLE
    assert result.flag is Flag.NONE


def test_benjamini_hochberg_can_remove_a_marginal_flag_within_a_section():
    """R-STAT-5: BH multiplies the smallest of m p-values by m. 16/40 against 25% has score
    p of about 0.028 and is flagged on its own; among four results with p = 1 (12/40 vs 30%)
    its adjusted p is 5 x 0.028 = 0.14, so the flag goes."""
    marginal = compare_with_national("a", Proportion(16, 40), benchmark(0.25))
    nulls = [compare_with_national(f"n{i}", Proportion(12, 40), benchmark(0.30)) for i in range(4)]
    assert marginal.flag is Flag.HIGHER

    section = adjust_section([marginal, *nulls], "bh")

    assert section[0].flag is Flag.NONE
    assert section[0].adjusted_pvalue == pytest.approx(5 * marginal.test.pvalue)


def test_benjamini_hochberg_keeps_a_strong_flag_within_a_section():
    """R-STAT-5: 9/30 against 10% (p = 0.0003, docs/sources.md S8) stays flagged:
    5 x 0.0003 < 0.05."""
    strong = compare_with_national("b", Proportion(9, 30), benchmark(0.10))
    nulls = [compare_with_national(f"n{i}", Proportion(12, 40), benchmark(0.30)) for i in range(4)]

    section = adjust_section([strong, *nulls], "bh")

    assert section[0].flag is Flag.HIGHER


def test_switching_adjustment_off_keeps_each_flag():
    """R-STAT-5: adjust="none" leaves raw p-values and flags as they were."""
    comparisons = [
        compare_with_national("a", Proportion(17, 40), benchmark(0.25)),
        compare_with_national("b", Proportion(12, 40), benchmark(0.30)),
    ]

    assert adjust_section(comparisons, "none") == tuple(comparisons)


def test_untested_comparisons_pass_through_a_section_unchanged():
    """Comparisons with no test carry no p-value into the BH step."""
    untested = compare_with_national("x", Proportion(3, 5), benchmark(0.2))
    tested = compare_with_national("y", Proportion(9, 30), benchmark(0.10))

    section = adjust_section([untested, tested])

    assert section[0] is untested
    assert section[1].flag is Flag.HIGHER


def test_a_section_mixing_comparison_kinds_is_refused():
    """R-STAT-5: a section is one age group and one kind of comparison."""
    national = compare_with_national("a", Proportion(9, 30), benchmark(0.10))
    previous = compare_with_previous_round(
        "a", Proportion(9, 30), Proportion(9, 30), is_comparable=True
    )

    with pytest.raises(ValueError, match="one kind"):
        adjust_section([national, previous])


@pytest.mark.parametrize(
    ("flag", "direction", "expected"),
    [
        (Flag.HIGHER, Direction.HIGHER_IS_BETTER, Classification.BRIGHT_SPOT),
        (Flag.LOWER, Direction.HIGHER_IS_BETTER, Classification.AREA_FOR_IMPROVEMENT),
        (Flag.HIGHER, Direction.HIGHER_IS_WORSE, Classification.AREA_FOR_IMPROVEMENT),
        (Flag.LOWER, Direction.HIGHER_IS_WORSE, Classification.BRIGHT_SPOT),
        (Flag.NONE, Direction.HIGHER_IS_BETTER, Classification.WORTH_LOOKING_INTO),
        (Flag.NONE, Direction.HIGHER_IS_WORSE, Classification.WORTH_LOOKING_INTO),
        (Flag.HIGHER, Direction.NO_AGREED_DIRECTION, Classification.NO_AGREED_DIRECTION),
        (Flag.NONE, Direction.NO_AGREED_DIRECTION, Classification.NO_AGREED_DIRECTION),
    ],
)
def test_classification_follows_the_tier_and_the_indicators_direction(flag, direction, expected):
    """docs/sources.md B8: bright spots are clearly better, areas for improvement clearly worse; for
    an indicator such as afraid_of_school_bullying, higher is worse. 9/30 against 10% has an
    interval leaving out 10%, so without its flag it is a possible difference, worth looking
    into; an indicator with no agreed direction is never judged (R-STAT-6, R-STAT-8)."""
    tested = compare_with_national("a", Proportion(9, 30), benchmark(0.10))

    assert classify(dataclasses.replace(tested, flag=flag), direction) is expected


@pytest.mark.parametrize("direction", list(Direction))
def test_a_gap_whose_interval_includes_no_difference_is_no_clear_difference(direction):
    tested = compare_with_national("a", Proportion(4, 30), benchmark(0.10))

    assert classify(tested, direction) is Classification.NO_CLEAR_DIFFERENCE


def test_an_untested_comparison_is_not_assessed_rather_than_no_difference():
    """An absent test is not evidence of no difference (R-STAT-6: honest wording)."""
    result = compare_with_national("a", Proportion(9, 30), None)

    assert classify(result, Direction.HIGHER_IS_BETTER) is Classification.NOT_ASSESSED
