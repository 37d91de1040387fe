"""Specification of cohort caveats (R-STAT-7): when a band's changes or figures need caution."""

from __future__ import annotations

import pytest

from report_builder.report.cohort_caveats import alone_caveat, change_caveat, cohort_caveats
from report_builder.report.model import ResponseRate
from report_builder.report.numbers_and_dates import count_text, percent_text
from report_builder.report.wording import LANGUAGES


def rate(respondents: int | None, population: int | None = 100, band: str = "cic-11-17"):
    """A band's response-rate row as the report shows it (None: hidden)."""
    percent = None
    if respondents is not None and population:
        percent = round(100 * respondents / population)
    return ResponseRate(
        age_band=band,
        age_band_label="Ages 11 to 17",
        respondents=respondents,
        population=population,
        rate_percent=percent,
        respondents_text=count_text(respondents, "en", marker="[c]"),
        population_text=count_text(population, "en"),
        rate_text=percent_text(percent, "en", marker="[c]"),
    )


def test_a_fall_in_response_rate_of_more_than_ten_points_quotes_both_rates():
    text = change_caveat(rate(31), rate(48), "in_care", 30, "en")

    assert text == (
        "Fewer children took part this time (31% against 48%), so the two groups may differ: "
        "treat changes with caution."
    )


def test_a_fall_of_more_than_a_third_in_those_taking_part_quotes_both_counts():
    text = change_caveat(rate(39, None), rate(60, None), "care_leaver", None, "en")

    assert text.startswith("Fewer young people took part this time (39 against 60)")


@pytest.mark.parametrize(
    ("now", "before"),
    [(rate(40), rate(48)), (rate(41, None), rate(60, None)), (rate(50), rate(50))],
)
def test_small_falls_above_the_minimum_need_no_caveat(now, before):
    assert change_caveat(now, before, "in_care", 30, "en") == ""


def test_either_round_below_the_minimum_response_rate_needs_a_caveat():
    now_low = change_caveat(rate(28), rate(33), "in_care", 30, "en")
    before_low = change_caveat(rate(33), rate(25), "in_care", 30, "en")

    assert now_low.startswith("Only 28% took part this time, below the aim of at least 30%")
    assert before_low.startswith("Only 25% took part last time")


def test_a_hidden_count_gives_the_caveat_without_figures_whatever_the_counts():
    """Whether the caveat appears must say nothing about the hidden count."""
    text = change_caveat(rate(None), rate(60), "in_care", 30, "en")

    assert "hidden" in text
    assert not any(ch.isdigit() for ch in text)


def test_this_rounds_figures_alone_get_a_caveat_below_the_minimum():
    assert alone_caveat(rate(23), "in_care", 30, "en").startswith(
        "Only 23% of children in this age group took part, below the aim of at least 30%"
    )
    assert alone_caveat(rate(35), "in_care", 30, "en") == ""
    assert alone_caveat(rate(23), "in_care", None, "en") == ""


def test_a_first_round_gets_only_the_caveat_on_its_own_figures():
    caveats = cohort_caveats(
        [rate(23)], [], {"cic-11-17": "in_care"}, minimum_rate=30, language="en"
    )

    assert [c.on_changes for c in caveats] == [False]


def test_a_band_can_carry_both_caveats():
    caveats = cohort_caveats(
        [rate(25)], [rate(48)], {"cic-11-17": "in_care"}, minimum_rate=30, language="en"
    )

    assert [c.on_changes for c in caveats] == [True, False]
    assert "25% against 48%" in caveats[0].text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_caveat_has_text_in_every_language(language):
    audiences = ("in_care", "care_leaver")
    for audience in audiences:
        assert change_caveat(rate(20), rate(48), audience, 30, language)
        assert change_caveat(rate(33, None), rate(60, None), audience, 30, language)
        assert change_caveat(rate(None), rate(48), audience, 30, language)
        assert alone_caveat(rate(20), audience, 30, language)
