"""Specification of report_builder.wording: R-STAT-6 phrases in English and Welsh."""

import dataclasses
import itertools

import pytest

from report_builder.compare import compare_with_national, compare_with_previous_round
from report_builder.model import (
    Classification,
    Comparison,
    ComparisonKind,
    ComparisonStatus,
    Flag,
    Proportion,
    SuppressionReason,
)
from report_builder.wording import (
    LANGUAGES,
    describe_classification,
    describe_comparison,
    marker_note,
    method_note,
    significance_note,
)


def comparison_of(kind: ComparisonKind, flag: Flag, *, is_indicative: bool = False) -> Comparison:
    """A tested comparison with the given axis and flag (the test itself is not worded)."""
    return Comparison("a", kind, ComparisonStatus.TESTED, flag=flag, is_indicative=is_indicative)


@pytest.mark.parametrize(
    ("kind", "flag", "expected"),
    [
        (ComparisonKind.NATIONAL, Flag.HIGHER, "higher than children nationally"),
        (ComparisonKind.NATIONAL, Flag.LOWER, "lower than children nationally"),
        (ComparisonKind.NATIONAL, Flag.NONE, "similar to children nationally"),
        (ComparisonKind.PREVIOUS_ROUND, Flag.HIGHER, "up since 2024"),
        (ComparisonKind.PREVIOUS_ROUND, Flag.LOWER, "down since 2024"),
        (ComparisonKind.PREVIOUS_ROUND, Flag.NONE, "no clear change since 2024"),
    ],
)
def test_english_phrases_follow_r_stat_6(kind, flag, expected):
    """methods.md R-STAT-6 gives these phrases word for word."""
    assert describe_comparison(comparison_of(kind, flag), "en", round_label="2024") == expected


def test_the_s15_example_reads_as_no_clear_change():
    """methods.md S15: 12/40 vs 5/35 must not read as a change despite a 16-point gap."""
    result = compare_with_previous_round(
        "a", Proportion(12, 40), Proportion(5, 35), is_comparable=True
    )

    assert describe_comparison(result, round_label="2024") == "no clear change since 2024"


def test_a_flag_on_a_small_base_is_worded_as_indicative():
    """R-STAT-4: bases of 10-29 give indicative flags."""
    result = comparison_of(ComparisonKind.NATIONAL, Flag.HIGHER, is_indicative=True)

    assert describe_comparison(result) == "indicative: higher than children nationally"
    assert describe_comparison(result, "cy").startswith("arwyddol: ")


def test_a_changed_definition_is_worded_as_not_comparable():
    """Brief: the previous-round result says "not comparable: definition changed"."""
    result = compare_with_previous_round(
        "a", Proportion(9, 30), Proportion(9, 30), is_comparable=False
    )

    assert describe_comparison(result) == "not comparable: definition changed"


def test_a_missing_benchmark_is_worded_as_no_national_comparison():
    """benchmarks README: say no national comparison is available rather than force one."""
    result = compare_with_national("a", Proportion(9, 30), None)

    assert describe_comparison(result) == "no national comparison available"


def test_no_unflagged_phrase_says_better_or_worse():
    """R-STAT-6: never say "worse" (or "better") for a gap that is not flagged."""
    for language, kind in itertools.product(LANGUAGES, ComparisonKind):
        phrase = describe_comparison(comparison_of(kind, Flag.NONE), language, round_label="2024")
        assert "worse" not in phrase
        assert "better" not in phrase


def test_every_comparison_outcome_has_text_in_every_language():
    """English and Welsh reports need the same set of phrases."""
    outcomes = [comparison_of(kind, flag) for kind, flag in itertools.product(ComparisonKind, Flag)]
    outcomes += [
        dataclasses.replace(comparison_of(ComparisonKind.NATIONAL, Flag.NONE), status=status)
        for status in ComparisonStatus
        if status is not ComparisonStatus.TESTED
    ]
    for language, outcome in itertools.product(LANGUAGES, outcomes):
        assert describe_comparison(outcome, language, round_label="2024").strip()


def test_every_classification_and_marker_note_has_text_in_every_language():
    """R-SDC-7: every marker used is explained; classifications label each indicator."""
    for language in LANGUAGES:
        assert all(describe_classification(c, language) for c in Classification)
        assert all(marker_note(r, language).startswith("[") for r in SuppressionReason)


def test_welsh_phrases_differ_from_english():
    """Guards against an English string pasted into the Welsh table."""
    result = comparison_of(ComparisonKind.OTHER_LAS, Flag.LOWER)

    assert describe_comparison(result, "cy") != describe_comparison(result, "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_significance_note_mentions_adjustment_only_when_applied(language):
    """R-STAT-6's note names the adjustment; with adjust="none" it must not claim one."""
    adjusted = significance_note(is_adjusted=True, language=language)
    unadjusted = significance_note(is_adjusted=False, language=language)

    assert "95%" in adjusted
    assert "95%" in unadjusted
    assert len(adjusted) > len(unadjusted)


def test_the_english_significance_note_is_the_r_stat_6_text():
    """methods.md R-STAT-6 gives the standard note word for word."""
    assert significance_note(is_adjusted=True) == (
        "A difference is called out only where it is unlikely to be due to chance "
        "(95% level, adjusted for the number of comparisons)."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_method_disagreement_note_exists_in_every_language(language):
    """R-STAT-2: a note is added when the exact test disagrees with the score test."""
    assert method_note(language).endswith(".")
