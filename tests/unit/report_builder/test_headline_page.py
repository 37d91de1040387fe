"""Specification of the headline page and the summary lists a board reads first (issue 15).

Each age band has its response rate, its cautions (R-STAT-7) and its headline results with a
short mark per comparison in that comparison's tier (R-STAT-6); bright spots and areas for
improvement list each indicator once with all its called-out comparisons.
"""

from __future__ import annotations

from collections import Counter

import pytest

from report_builder.comparison.values import ComparisonKind, ComparisonStatus, Flag, Tier
from report_builder.report.fixed_text import counted_text
from report_builder.report.headline import HEADLINE_INDICATORS
from report_builder.report.wording import short_phrase

_TIER_WORDS = {
    Tier.CLEAR: {"Higher", "Lower", "Up", "Down"},
    Tier.POSSIBLE: {"Possibly higher", "Possibly lower", "Possibly up", "Possibly down"},
    Tier.NONE: {"No clear difference", "No clear change"},
}


def test_every_age_band_comes_with_its_response_rate_and_cautions(large_report):
    bands = {band.age_band: band for band in large_report.headline}

    assert list(bands) == [rate.age_band for rate in large_report.response_rates]
    for caveat in large_report.cohort_caveats:
        assert caveat.text in bands[caveat.age_band].caveats
    assert all(band.response_rate is not None for band in bands.values())


def test_headline_rows_are_shown_headline_indicators_in_catalogue_order(large_report):
    for band in large_report.headline:
        ids = [row.result.indicator_id for row in band.rows]
        assert ids == [i for i in HEADLINE_INDICATORS if i in ids]
        assert all(row.result.is_shown for row in band.rows)
    assert any(band.rows for band in large_report.headline)


def test_each_mark_words_its_comparisons_tier(large_report):
    marks = [
        (mark, comparison)
        for band in large_report.headline
        for row in band.rows
        for mark in row.marks
        for comparison in row.result.comparisons
        if comparison.kind is mark.kind
    ]

    assert marks
    for mark, comparison in marks:
        assert mark.tier is comparison.tier
        if comparison.tier is not None:
            assert mark.text in _TIER_WORDS[comparison.tier]
        assert mark.comparator_text == comparison.comparator_text


def test_a_band_without_any_national_figure_has_no_national_column(large_report):
    for band in large_report.headline:
        has_national = any(
            c.kind is ComparisonKind.NATIONAL and c.status is not ComparisonStatus.NO_BENCHMARK
            for row in band.rows
            for c in row.result.comparisons
        )
        assert (ComparisonKind.NATIONAL in band.columns) is has_national
        assert all(tuple(m.kind for m in row.marks) == band.columns for row in band.rows)


def test_a_small_areas_hidden_results_stay_off_the_headline_page(small_report):
    shown = {(r.indicator_id, r.age_band) for r in small_report.results() if r.is_shown}

    for band in small_report.headline:
        assert all((row.result.indicator_id, band.age_band) in shown for row in band.rows)


@pytest.mark.parametrize("kind", ["bright_spot_findings", "improvement_findings"])
def test_each_finding_lists_an_indicator_once_with_all_its_comparisons(large_report, kind):
    found = getattr(large_report, kind)
    per_comparison = (
        large_report.bright_spots
        if kind == "bright_spot_findings"
        else large_report.areas_for_improvement
    )

    keys = Counter((f.indicator_id, f.age_band) for f in found)
    assert found
    assert max(keys.values()) == 1
    assert sum(len(f.kinds) for f in found) == len(per_comparison)


def test_counts_in_words_agree_in_number_in_english_and_welsh():
    assert counted_text("bright_spots", 1, "en") == "1 bright spot"
    assert counted_text("bright_spots", 2, "en") == "2 bright spots"
    assert counted_text("areas_for_improvement", 0, "en") == "no areas for improvement"
    assert counted_text("bright_spots", 1, "cy") == "un man disglair"
    assert counted_text("areas_for_improvement", 3, "cy") == "3 o feysydd i'w gwella"


def test_an_untested_comparison_says_why_not_no_difference():
    phrase = short_phrase(
        ComparisonKind.NATIONAL, ComparisonStatus.NO_BENCHMARK, None, Flag.NONE, "cy"
    )

    assert phrase == "Dim ffigur cenedlaethol"
