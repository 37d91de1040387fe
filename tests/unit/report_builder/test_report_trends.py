"""Specification of the headline trends: every round of an authority, as its own report shows it.

Three rounds of three synthetic areas (the last small): 2024 and 2025 answered in version 1,
2026 in version 2, so an indicator whose definition changed is "not comparable" in the older
rounds and not drawn.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from demo_data.synthetic import SyntheticDesign, synthetic_responses
from questionnaires import load_catalogue
from report_builder.comparison.national_benchmarks import load_benchmarks
from report_builder.disclosure.control import RELIABLE_BASE
from report_builder.indicators.counts import indicator_counts
from report_builder.render.svg_elements import BACKGROUND
from report_builder.render.trend_charts import is_trend_charted, trend_svg
from report_builder.report.build import build_report
from report_builder.report.headline import HEADLINE_INDICATORS
from report_builder.report.model import Report
from tests.support.svg_contrast import contrast, mark_colours

PERIODS = ("2024", "2025", "2026")
DESIGN = SyntheticDesign(
    n_las=3, periods=PERIODS, respondents=120.0, versions={"2024": 1, "2025": 1, "2026": 2}
)


@pytest.fixture(scope="module")
def rounds() -> dict[tuple[str, str], Report]:
    """Each area's report for each round, the latest with its two earlier rounds."""
    catalogue = load_catalogue()
    responses = synthetic_responses(catalogue, DESIGN, seed=7)
    counts = indicator_counts(responses, catalogue)
    benchmarks = load_benchmarks()
    built = {}
    for la in ("SYN001", "SYN003"):
        for index, period in enumerate(PERIODS):
            built[(la, period)] = build_report(
                responses,
                catalogue,
                benchmarks,
                la_code=la,
                round_id=f"{la}-{period}",
                counts=counts,
                generated_on=date(2026, 3, 2),
                earlier_rounds=[(f"{la}-{p}", p) for p in PERIODS[:index]],
            )
    return built


def test_a_report_shows_headline_trends_over_all_three_rounds(rounds):
    trends = rounds[("SYN001", "2026")].trends

    assert trends
    assert all([p.round_label for p in t.points] == list(PERIODS) for t in trends)
    assert {t.indicator_id for t in trends} <= set(HEADLINE_INDICATORS)
    assert any(sum(p.percent is not None for p in t.points) == 3 for t in trends)


@pytest.mark.parametrize("la", ["SYN001", "SYN003"])
def test_each_rounds_point_is_what_that_rounds_own_report_shows(rounds, la):
    for trend in rounds[(la, "2026")].trends:
        for point, period in zip(trend.points, PERIODS, strict=True):
            if not point.comparable:
                assert (point.percent, point.base, point.percent_text) == (None, None, "")
                continue
            own = {(r.indicator_id, r.age_band): r for r in rounds[(la, period)].results()}[
                (trend.indicator_id, trend.age_band)
            ]
            assert (point.percent, point.base, point.ci_lower) == (
                own.percent,
                own.base,
                own.ci_lower,
            )
            assert point.percent_text == own.percent_text


def test_a_round_that_asked_another_way_is_labelled_but_not_drawn(rounds):
    trend = next(t for t in rounds[("SYN001", "2026")].trends if t.shown_points == 3)
    first = trend.points[0]
    changed = replace(
        trend,
        points=(replace(first, comparable=False, percent=None, ci_lower=None), *trend.points[1:]),
    )

    svg = trend_svg(changed, "t", "title")

    assert svg.count("<circle") == 2
    assert ">2024</text>" in svg


def test_a_trend_of_low_reliability_figures_only_is_given_without_a_chart(rounds):
    trend = next(t for t in rounds[("SYN001", "2026")].trends if t.shown_points == 3)
    reliable = [p for p in trend.points if p.base is not None and p.base >= RELIABLE_BASE]
    small = replace(trend, points=tuple(replace(p, base=RELIABLE_BASE - 1) for p in trend.points))

    assert reliable
    assert is_trend_charted(trend)
    assert not is_trend_charted(small)


def test_a_first_round_has_no_trends(rounds):
    assert rounds[("SYN001", "2024")].trends == ()


def test_every_trend_mark_has_three_to_one_contrast_with_the_page_and_the_points(rounds):
    for trend in rounds[("SYN001", "2026")].trends:
        points, others = mark_colours(trend_svg(trend, "t", "title"), BACKGROUND)
        for colour in points | others:
            assert contrast(colour, BACKGROUND) >= 3, colour
        for colour in others - points:
            assert all(contrast(colour, point) >= 3 for point in points), colour
