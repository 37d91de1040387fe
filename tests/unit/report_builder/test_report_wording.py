"""Specification of report_builder.report.wording: R-STAT-6's three tiers in English and Welsh."""

import dataclasses
import itertools

import pytest

from report_builder.comparison.values import (
    Benchmark,
    Classification,
    Comparison,
    ComparisonKind,
    ComparisonStatus,
    Flag,
    Tier,
)
from report_builder.disclosure.values import SuppressionReason
from report_builder.report.populations import national_population, other_areas_population
from report_builder.report.wording import (
    LANGUAGES,
    describe_classification,
    describe_comparison,
    marker_note,
    method_note,
    provisional_text,
    report_language,
    significance_note,
)
from report_builder.statistics.values import Proportion
from tests.support.reference_comparisons import (
    compare_with_national,
    compare_with_other_las,
    compare_with_previous_round,
)

CARE_LEAVER_FIGURE = Benchmark(
    measure_id="ons_low_life_satisfaction_16_24",
    indicator_id="low_life_satisfaction",
    value=0.03,
    age_min=16,
    age_max=24,
    year="2017-2019",
    source_title="test",
    source_url="https://example.org",
    sample_size=None,
    confidence="secondary",
)
CHILDREN_FIGURE = dataclasses.replace(CARE_LEAVER_FIGURE, value=0.10, age_min=10, age_max=15)
IN_CARE = other_areas_population("in_care")


def clear_higher() -> Comparison:
    """9 of 30 against a fixed 10%: p = 0.0003, the interval leaves out 10% (S8)."""
    return compare_with_national("a", Proportion(9, 30), CHILDREN_FIGURE)


def possible(comparison: Comparison) -> Comparison:
    """The same comparison after Benjamini-Hochberg took its flag away."""
    return dataclasses.replace(comparison, flag=Flag.NONE, adjusted_pvalue=0.2)


def no_clear_change() -> Comparison:
    """S15: 12/40 against 5/35, a 16-point gap whose interval includes zero."""
    return compare_with_previous_round(
        "a", Proportion(12, 40), Proportion(5, 35), is_comparable=True
    )


def clear_up() -> Comparison:
    """32/35 against 40/60: a 25-point rise whose interval leaves out zero."""
    return compare_with_previous_round(
        "a", Proportion(32, 35), Proportion(40, 60), is_comparable=True
    )


def test_the_three_tiers_follow_the_adjusted_p_value_and_the_unadjusted_interval():
    assert clear_higher().tier is Tier.CLEAR
    assert possible(clear_higher()).tier is Tier.POSSIBLE
    assert no_clear_change().tier is Tier.NONE
    assert compare_with_national("a", Proportion(9, 30), None).tier is None


@pytest.mark.parametrize(
    ("comparison", "expected"),
    [
        (clear_higher(), "higher than children aged 10 to 15 nationally"),
        (
            possible(clear_higher()),
            "possibly higher than children aged 10 to 15 nationally "
            "(not confirmed once the number of comparisons is allowed for)",
        ),
        (clear_up(), "up since 2024"),
        (
            possible(clear_up()),
            "possibly up since 2024 (not confirmed once the number of comparisons is allowed for)",
        ),
        (no_clear_change(), "no clear change since 2024"),
    ],
)
def test_english_phrases_follow_r_stat_6(comparison, expected):
    """R-STAT-6 (docs/statistics.md §3.4) gives these phrases word for word."""
    population = national_population(CHILDREN_FIGURE)

    assert describe_comparison(comparison, "en", "2024", population=population) == expected


def test_a_gap_whose_interval_includes_no_difference_is_no_clear_difference():
    """32/60 against a pool of 45/90: the interval includes zero."""
    result = compare_with_other_las("a", Proportion(32, 60), Proportion(45, 90))

    assert result.tier is Tier.NONE
    assert describe_comparison(result, population=IN_CARE) == (
        "no clear difference from children in care in other areas"
    )


def test_a_possible_difference_the_test_itself_did_not_confirm_says_so():
    """With no adjustment, a possible tier means the p-value and the interval disagree."""
    unconfirmed = dataclasses.replace(
        possible(clear_higher()), test=dataclasses.replace(clear_higher().test, pvalue=0.06)
    )
    population = national_population(CHILDREN_FIGURE)

    assert describe_comparison(unconfirmed, population=population).endswith(
        "(not confirmed by the significance test)"
    )


def test_national_figures_name_their_own_population():
    """Care leavers are compared with young people aged 16 to 24, not "children nationally"."""
    phrase = describe_comparison(
        compare_with_national("a", Proportion(9, 30), CARE_LEAVER_FIGURE),
        population=national_population(CARE_LEAVER_FIGURE),
    )

    assert phrase == "higher than young people aged 16 to 24 nationally"


def test_other_areas_name_care_leavers_for_the_care_leavers_band():
    result = compare_with_other_las("a", Proportion(30, 40), Proportion(10, 40))

    assert describe_comparison(result, population=other_areas_population("care_leaver")) == (
        "higher than care leavers in other areas"
    )


def test_no_phrase_ever_says_similar():
    """No equivalence test is run, so nothing is called similar (R-STAT-6)."""
    outcomes = [clear_higher(), possible(clear_higher()), no_clear_change(), clear_up()]
    for language, outcome in itertools.product(LANGUAGES, outcomes):
        phrase = describe_comparison(outcome, language, "2024", population=IN_CARE)
        assert "similar" not in phrase
        assert "debyg" not in phrase


def test_a_difference_on_a_small_base_is_worded_as_indicative():
    """R-STAT-4: bases of 10-29 give indicative wording, in both tiers that name a direction."""
    for comparison in (clear_higher(), possible(clear_higher())):
        indicative = dataclasses.replace(comparison, is_indicative=True)
        assert describe_comparison(indicative, population=IN_CARE).startswith("indicative: ")
        assert describe_comparison(indicative, "cy", population=IN_CARE).startswith("arwyddol: ")


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


def test_a_tested_group_comparison_without_its_population_is_refused():
    with pytest.raises(ValueError, match="population"):
        describe_comparison(clear_higher())


def test_no_phrase_without_a_clear_difference_says_better_or_worse():
    """R-STAT-6: never say "worse" (or "better") for a gap that is not clear."""
    for language, outcome in itertools.product(
        LANGUAGES, [possible(clear_higher()), no_clear_change()]
    ):
        phrase = describe_comparison(outcome, language, "2024", population=IN_CARE)
        assert "worse" not in phrase
        assert "better" not in phrase


def test_every_comparison_outcome_has_text_in_every_language():
    """English and Welsh reports need the same set of phrases."""
    tested = [clear_higher(), possible(clear_higher()), no_clear_change(), clear_up()]
    tested += [possible(clear_up())]
    lower = compare_with_national("a", Proportion(1, 30), CHILDREN_FIGURE)
    tested += [lower, possible(lower)]
    untested = [
        Comparison("a", ComparisonKind.NATIONAL, status)
        for status in ComparisonStatus
        if status is not ComparisonStatus.TESTED
    ]
    for language, outcome in itertools.product(LANGUAGES, tested + untested):
        assert describe_comparison(outcome, language, "2024", population=IN_CARE).strip()


def test_every_classification_and_marker_note_has_text_in_every_language():
    """R-SDC-7: every marker used is explained; classifications label each indicator."""
    for language in LANGUAGES:
        assert all(describe_classification(c, language) for c in Classification)
        assert all(marker_note(r, language).startswith("[") for r in SuppressionReason)


def test_welsh_phrases_differ_from_english_and_mutate_after_na():
    """Guards against an English string pasted into the Welsh table; "na" takes "phlant"."""
    english = describe_comparison(clear_higher(), "en", population=IN_CARE)
    welsh = describe_comparison(clear_higher(), "cy", population=IN_CARE)

    assert welsh != english
    assert welsh == "uwch na phlant mewn gofal mewn ardaloedd eraill"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_significance_note_mentions_adjustment_only_when_applied(language):
    """R-STAT-6's note explains the tiers; with adjust="none" it must not claim an adjustment."""
    adjusted = significance_note(is_adjusted=True, language=language)
    unadjusted = significance_note(is_adjusted=False, language=language)

    assert "95%" in adjusted
    assert "95%" in unadjusted
    assert adjusted != unadjusted


def test_the_english_significance_note_explains_the_three_tiers_in_plain_words():
    note = significance_note(is_adjusted=True)

    assert "allowing for the number of comparisons" in note
    assert "“Possibly higher”" in note
    assert "it does not mean they are the same" in note


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_method_disagreement_note_exists_in_every_language(language):
    """R-STAT-2: a note is added when the exact test disagrees with the score test."""
    assert method_note(language).endswith(".")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_provisional_warning_exists_in_every_language(language):
    assert provisional_text(language).endswith(".")


def test_a_report_is_written_in_english_or_welsh_and_no_other_language():
    assert [report_language(code) for code in ("en", "cy")] == list(LANGUAGES)
    with pytest.raises(ValueError, match="English or Welsh"):
        report_language("fr")
