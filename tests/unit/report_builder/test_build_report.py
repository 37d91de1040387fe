"""Specification of build_report on synthetic data: disclosure control, wording, methods."""

from __future__ import annotations

import re

from report_builder.comparison.values import (
    Classification,
    ComparisonKind,
    ComparisonStatus,
    Direction,
    Flag,
    Tier,
)
from report_builder.inputs import columns as col
from tests.unit.report_builder.conftest import LARGE_LA, SMALL_LA


def raw_bases(national, la_code: str) -> dict[tuple[str, str], int]:
    """Unmasked bases of one LA's 2026 round, straight from the counts."""
    rows = national.counts.loc[national.counts[col.ROUND_ID] == f"{la_code}-2026"]
    return {
        (row[col.INDICATOR_ID], row[col.AGE_BAND]): int(row[col.DENOMINATOR])
        for row in rows.to_dict("records")
    }


def test_no_percentage_is_shown_on_a_base_below_ten(national, small_report):
    """R-SDC-1 / R-STAT-4: under 10 answered, the model holds no number at all, only [c]."""
    bases = raw_bases(national, SMALL_LA)
    tiny = [r for r in small_report.results() if bases.get((r.indicator_id, r.age_band), 0) < 10]

    assert tiny, "the small synthetic area should have bases under 10"
    for result in tiny:
        assert (result.percent, result.base, result.numerator, result.ci_lower) == (None,) * 4
        assert (result.percent_text, result.base_text, result.marker) == ("[c]", "[c]", "[c]")
        assert result.proportion is None
        assert result.lower is None


def test_bases_of_ten_to_twenty_nine_are_marked_low_reliability(national, small_report):
    bases = raw_bases(national, SMALL_LA)
    for result in small_report.results():
        base = bases.get((result.indicator_id, result.age_band), 0)
        if 10 <= base < 30 and result.is_shown:
            assert result.marker == "[u]"


def test_hidden_results_are_never_tested(small_report):
    """A hidden result is not compared: a p-value or difference could reveal it (R-SDC-4)."""
    for result in small_report.results():
        if not result.is_shown:
            assert all(c.status is not ComparisonStatus.TESTED for c in result.comparisons)
            assert all(c.difference is None and c.pvalue is None for c in result.comparisons)


def test_every_comparison_is_worded_in_its_tier(large_report):
    """R-STAT-6: the clear tier says higher/lower/up/down, the possible tier "possibly", the
    none tier "no clear"; an untested comparison says why."""
    openings = {
        Tier.CLEAR: ("higher than", "lower than", "up since", "down since"),
        Tier.POSSIBLE: ("possibly",),
        Tier.NONE: ("no clear difference from", "no clear change since"),
    }
    for result in large_report.results():
        for comparison in result.comparisons:
            text = comparison.text.removeprefix("indicative: ")
            if comparison.tier is None:
                assert text.startswith(("no ", "not "))
            else:
                assert text.startswith(openings[comparison.tier])


def test_each_result_is_compared_three_ways(large_report):
    kinds = {tuple(c.kind for c in r.comparisons) for r in large_report.results()}

    assert kinds == {
        (ComparisonKind.NATIONAL, ComparisonKind.OTHER_LAS, ComparisonKind.PREVIOUS_ROUND)
    }


def test_the_area_whose_children_feel_safer_shows_it_as_up_since_last_round(large_report):
    safe = [r for r in large_report.results() if r.indicator_id == "always_feels_safe"]
    changes = [
        c.text for r in safe for c in r.comparisons if c.kind is ComparisonKind.PREVIOUS_ROUND
    ]

    assert any(text.endswith("up since 2025") for text in changes)


def test_bright_spots_and_areas_for_improvement_follow_each_indicators_direction(
    national, large_report
):
    """docs/statistics.md §3.4: a called-out gap in the good direction is a bright spot."""
    for highlight in (*large_report.bright_spots, *large_report.areas_for_improvement):
        result = next(
            r
            for r in large_report.results()
            if (r.indicator_id, r.age_band) == (highlight.indicator_id, highlight.age_band)
        )
        comparison = next(c for c in result.comparisons if c.kind is highlight.kind)
        is_higher_good = Direction(result.direction) is Direction.HIGHER_IS_BETTER
        is_good = (comparison.flag is Flag.HIGHER) == is_higher_good
        expected = Classification.BRIGHT_SPOT if is_good else Classification.AREA_FOR_IMPROVEMENT
        assert highlight.classification is expected is comparison.classification


def test_the_methods_note_names_tests_thresholds_and_sources(large_report):
    methods = large_report.methods
    text = " ".join(methods.paragraphs)

    for phrase in ("Wilson", "score test", "Boschloo", "Newcombe", "Fewer than 10", "at least 10"):
        assert phrase in text
    assert "allowing for the number of comparisons" in methods.significance_note
    assert methods.benchmark_sources
    assert all("primary source" in source.text for source in methods.benchmark_sources)


def test_switching_adjustment_off_says_so_in_the_methods_note(national):
    report = national.report(LARGE_LA, adjust="none")

    assert "adjusted" not in report.methods.significance_note
    assert not any("Benjamini" in paragraph for paragraph in report.methods.paragraphs)


def test_only_approved_quotes_appear_and_none_in_a_small_round(
    national, large_report, small_report
):
    """R-SDC-6: approved quotes only, at most ten, none where fewer than 30 took part."""
    quotes = national.quotes
    approved = quotes.loc[
        (quotes[col.ROUND_ID] == f"{LARGE_LA}-2026") & (quotes[col.REVIEW_STATE] == "approved"),
        col.QUOTE_TEXT,
    ]

    assert 0 < len(large_report.quotes) <= 10
    assert {quote.text for quote in large_report.quotes} <= set(approved)
    if small_report.respondents < 30:
        assert small_report.quotes == ()


def test_demographic_tables_show_only_groups_of_ten_or_more(large_report, small_report):
    """R-SDC-5: every shown group has at least 10 people; a smaller group is hidden as [c],
    count and percentage, rather than the whole table withheld."""
    for report in (large_report, small_report):
        for table in report.demographics:
            shown = [row.count for row in table.rows if row.count is not None]
            hidden = [row for row in table.rows if row.count is None]
            assert all(count >= 10 or count == 0 for count in shown)
            assert all((row.count_text, row.percent_text) == ("[c]", "[c]") for row in hidden)


def test_welsh_report_uses_the_catalogues_welsh_labels(national):
    report = national.report(LARGE_LA, language="cy")

    for result in report.results():
        assert result.label == national.catalogue.indicator(result.indicator_id).label.cy
    assert report.title.startswith("Adroddiad Lleisiau Gofal")
    assert report.generated_on_text == "2 Mawrth 2026"


def test_percentages_are_formatted_for_the_report_language(large_report):
    shown = next(r for r in large_report.results() if r.is_shown)

    assert re.fullmatch(r"\d{1,3}%", shown.percent_text)
    assert re.fullmatch(r"\d{1,3}% to \d{1,3}%", shown.ci_text)
    assert shown.base_text == f"n = {shown.base}"
