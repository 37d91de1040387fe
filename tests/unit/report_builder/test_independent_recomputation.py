"""Every figure a report shows, recomputed from the raw responses by separate, plain code.

Nothing from report_builder is used to get the expected values: the counts come from a wide
pivot of the raw frame and the indicator definitions in the catalogue, the interval from the
Wilson formula written out (Wilson 1927; Newcombe 1998 method 3), and the display rules from
R-STAT-4 and R-SDC-1/R-SDC-4 as docs/statistics.md §2 and §4 state them.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pandas as pd
import pytest
from scipy.stats import norm

from report_builder.comparison.values import ComparisonKind
from tests.unit.report_builder.conftest import LARGE_LA, SMALL_LA

Z = norm.ppf(0.975)


def wide_answers(responses: pd.DataFrame, rounds: list[str]) -> pd.DataFrame:
    """Completed responses of ``rounds``, one row each, one column per item, plus instrument."""
    done = responses.loc[responses["round_id"].isin(rounds) & responses["completed"]].astype(
        {"item_id": str, "value": str, "instrument": str, "la_code": str}
    )
    wide = done.pivot(index="response_id", columns="item_id", values="value")
    people = done.drop_duplicates("response_id").set_index("response_id")
    return wide.join(people[["instrument", "la_code"]])


def counts(people: pd.DataFrame, indicator, band: str) -> tuple[int, int]:
    """(positive, base) for one indicator among ``people`` who answered ``band``."""
    group = people.loc[people["instrument"] == band]
    answers = group.get(indicator.sources[band], pd.Series(index=group.index, dtype=object))
    in_base = answers.notna() & ~answers.isin(indicator.base.excluded)
    for condition in indicator.base.when:
        in_base &= group[condition.item].isin(condition.values)
    return int(answers[in_base].isin(indicator.positive).sum()), int(in_base.sum())


def half_up(value: float | Fraction) -> int:
    """Whole number, halves rounded up."""
    return (
        math.floor(value + Fraction(1, 2))
        if isinstance(value, Fraction)
        else math.floor(value + 0.5)
    )


def wilson(k: int, n: int) -> tuple[float, float]:
    """The Wilson score interval, written out."""
    p = k / n
    centre = (p + Z**2 / (2 * n)) / (1 + Z**2 / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z**2 / (4 * n**2)) / (1 + Z**2 / n)
    return centre - half, centre + half


def is_sensitive(catalogue, indicator) -> bool:
    """R-SDC-4: sensitive items, and feeling safe, which the rule names."""
    items = [
        version.item(item_id)
        for band, item_id in indicator.sources.items()
        for version in catalogue.versions_of(band)
        if version.has_item(item_id)
    ]
    feeling_safe = {"always_feels_safe", "feels_safe_faces"}
    return indicator.id in feeling_safe or any(item.sensitive for item in items)


def is_hidden(k: int, n: int, sensitive: bool) -> bool:
    """R-SDC-1 and R-SDC-4 as docs/statistics.md §4 states them."""
    return n < 10 or (sensitive and n < 30 and k in (0, n))


@pytest.mark.parametrize("la_code", [LARGE_LA, SMALL_LA])
def test_every_shown_figure_matches_an_independent_recomputation(national, la_code):
    report = national.report(la_code)
    people = wide_answers(national.responses, [f"{la_code}-2026"])
    catalogue = national.catalogue

    for result in report.results():
        indicator = catalogue.indicator(result.indicator_id)
        k, n = counts(people, indicator, result.age_band)
        if is_hidden(k, n, is_sensitive(catalogue, indicator)):
            assert result.percent is None
            assert result.numerator is None
            assert result.base is None
            continue
        lower, upper = wilson(k, n)
        assert (result.numerator, result.base) == (k, n)
        assert result.percent == half_up(Fraction(100 * k, n))
        assert (result.ci_lower, result.ci_upper) == (half_up(100 * lower), half_up(100 * upper))
        assert result.proportion == pytest.approx(k / n)
        assert (result.lower, result.upper) == pytest.approx((lower, upper), abs=1e-9)
        assert result.marker == ("[u]" if n < 30 else "")


def published_pool(catalogue, people: pd.DataFrame, indicator, band: str) -> tuple[int, int]:
    """(positive, base) of other areas: the sum of the cells each area's own report shows
    (R-SDC-9), so a cell hidden there is left out."""
    cells = [counts(area, indicator, band) for _, area in people.groupby("la_code")]
    sensitive = is_sensitive(catalogue, indicator)
    shown = [(k, n) for k, n in cells if not is_hidden(k, n, sensitive)]
    return sum(k for k, _ in shown), sum(n for _, n in shown)


def test_other_areas_and_previous_round_figures_match_a_recomputation(national):
    report = national.report(LARGE_LA)
    rounds_2026 = [f"SYN00{i}-2026" for i in range(1, 7)]
    everyone = wide_answers(national.responses, rounds_2026)
    others = everyone.loc[everyone["la_code"] != LARGE_LA]
    previous = wide_answers(national.responses, [f"{LARGE_LA}-2025"])
    checked = 0

    for result in report.results():
        indicator = national.catalogue.indicator(result.indicator_id)
        for comparison in result.comparisons:
            if comparison.comparator_percent is None:
                continue
            if comparison.kind is ComparisonKind.OTHER_LAS:
                k, n = published_pool(national.catalogue, others, indicator, result.age_band)
            elif comparison.kind is ComparisonKind.PREVIOUS_ROUND:
                k, n = counts(previous, indicator, result.age_band)
            else:
                continue
            assert comparison.comparator_percent == half_up(Fraction(100 * k, n))
            assert comparison.comparator_base == n
            checked += 1

    assert checked > 50


def test_pooled_differences_and_intervals_are_whole_points(national):
    """R-SDC-9: against other areas no output receives a difference at full precision."""
    pooled = [
        comparison
        for result in national.report(LARGE_LA).results()
        for comparison in result.comparisons
        if comparison.kind is ComparisonKind.OTHER_LAS and comparison.interval_lower is not None
    ]
    figures = [
        value
        for c in pooled
        for value in (c.difference, c.interval_lower, c.interval_upper)
        if value is not None
    ]

    assert len(pooled) > 20
    assert all(isinstance(value, int) for value in figures)
