"""Specification of the summary lists, the direction of good and the source list.

Bright spots and areas for improvement come from the clear tier only and only for indicators
with a direction of good; possible differences are worth looking into, each indicator and age
band once (R-STAT-6, R-STAT-8). The source list names each source once, with only the figures
actually compared.
"""

from __future__ import annotations

import dataclasses

from questionnaires import load_catalogue
from questionnaires.fingerprint import indicator_fingerprint
from report_builder.comparison import comparators
from report_builder.comparison.values import (
    Classification,
    ComparisonKind,
    ComparisonStatus,
    Direction,
    Tier,
)
from report_builder.report.model import Report
from tests.unit.report_builder.conftest import LARGE_LA

NO_DIRECTION = {
    "wants_more_contact_with_parents",
    "wants_more_contact_with_siblings",
    "wants_more_contact_with_mum",
    "wants_more_contact_with_dad",
    "has_disability_or_condition",
}


def test_contact_with_family_and_disability_have_no_agreed_direction():
    directions = {i.id: i.direction for i in load_catalogue().indicators}

    assert {i for i, d in directions.items() if d == Direction.NO_AGREED_DIRECTION} == NO_DIRECTION


def test_the_direction_of_good_is_not_part_of_the_fingerprint():
    """Changing a direction keeps every comparison between rounds (docs/questionnaires.md)."""
    catalogue = load_catalogue()
    indicator = catalogue.indicator("wants_more_contact_with_parents")
    version = catalogue.get("cic-11-17@v1")
    judged = dataclasses.replace(indicator, direction=Direction.HIGHER_IS_WORSE.value)

    assert indicator_fingerprint(judged, version) == indicator_fingerprint(indicator, version)


def test_an_indicator_with_no_agreed_direction_is_never_a_bright_spot_or_area(national):
    """R-STAT-8, on a report where such an indicator has a clear difference."""
    reports = [national.report(la) for la in ("SYN001", "SYN002", "SYN003", "SYN004")]
    clear = [
        c
        for report in reports
        for r in report.results()
        if r.indicator_id in NO_DIRECTION
        for c in r.comparisons
        if c.tier is Tier.CLEAR
    ]
    highlighted = {
        h.indicator_id
        for report in reports
        for h in (*report.bright_spots, *report.areas_for_improvement, *report.worth_looking_into)
    }

    assert clear, "the synthetic data should give such an indicator a clear difference"
    assert all(c.classification is Classification.NO_AGREED_DIRECTION for c in clear)
    assert not highlighted & NO_DIRECTION


def test_bright_spots_and_areas_come_from_the_clear_tier_only(large_report: Report):
    for highlight in (*large_report.bright_spots, *large_report.areas_for_improvement):
        result = next(
            r
            for r in large_report.results()
            if (r.indicator_id, r.age_band) == (highlight.indicator_id, highlight.age_band)
        )
        comparison = next(c for c in result.comparisons if c.kind is highlight.kind)
        assert comparison.tier is Tier.CLEAR


def test_each_possible_difference_is_worth_looking_into_once(large_report: Report):
    possible = {
        (r.indicator_id, r.age_band)
        for r in large_report.results()
        if r.direction != Direction.NO_AGREED_DIRECTION
        and any(c.tier is Tier.POSSIBLE for c in r.comparisons)
    }
    listed = [(w.indicator_id, w.age_band) for w in large_report.worth_looking_into]

    assert possible
    assert sorted(listed) == sorted(possible)


def test_worth_looking_into_gives_every_tested_comparison_of_the_indicator(large_report):
    item = large_report.worth_looking_into[0]
    result = next(
        r
        for r in large_report.results()
        if (r.indicator_id, r.age_band) == (item.indicator_id, item.age_band)
    )

    for comparison in result.comparisons:
        if comparison.status is ComparisonStatus.TESTED:
            assert comparison.text in item.text
    assert "possibly" in item.text


def test_a_changed_definition_shows_no_old_figure(national, monkeypatch):
    """A previous round counted another way is "not comparable", with no percentage or n."""
    monkeypatch.setattr(
        comparators, "is_comparable", lambda indicator, a, b: indicator.id != "always_feels_safe"
    )
    report = national.report(LARGE_LA)
    changes = [
        c
        for r in report.results()
        if r.indicator_id == "always_feels_safe" and r.is_shown
        for c in r.comparisons
        if c.kind is ComparisonKind.PREVIOUS_ROUND
    ]

    assert changes
    for change in changes:
        assert change.text == "not comparable: definition changed"
        assert (change.comparator_percent, change.comparator_base, change.comparator_text) == (
            None,
            None,
            "",
        )


def test_the_source_list_names_each_source_once_with_only_compared_figures(large_report):
    sources = large_report.methods.benchmark_sources
    compared = {
        r.indicator_id
        for r in large_report.results()
        for c in r.comparisons
        if c.kind is ComparisonKind.NATIONAL and c.status is ComparisonStatus.TESTED
    }

    assert len({(s.title, s.url) for s in sources}) == len(sources)
    assert {i for s in sources for i in s.indicator_ids} == compared


def test_care_leavers_are_compared_with_young_people_aged_16_to_24(large_report):
    labels = {
        c.comparator_label
        for r in large_report.results()
        if r.age_band == "leavers-16-25"
        for c in r.comparisons
        if c.status is ComparisonStatus.TESTED
    }

    assert "Young people aged 16 to 24 nationally (2024-2025)" in labels
    assert "Care leavers in other areas" in labels
    assert not any(label.startswith("Children") for label in labels)
