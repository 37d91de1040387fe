"""ONS personal wellbeing thresholds are built in, boundaries included."""

from __future__ import annotations

import pytest

from questionnaires import load_catalogue
from questionnaires.thresholds import band_values, ons_anxiety_band, ons_band


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "low"),
        (4, "low"),
        (5, "medium"),
        (6, "medium"),
        (7, "high"),
        (8, "high"),
        (9, "very_high"),
        (10, "very_high"),
    ],
)
def test_life_satisfaction_worthwhile_and_happiness_use_the_ons_bands(
    score: int, band: str
) -> None:
    assert ons_band(score) == band


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "very_low"),
        (1, "very_low"),
        (2, "low"),
        (3, "low"),
        (4, "medium"),
        (5, "medium"),
        (6, "high"),
        (10, "high"),
    ],
)
def test_anxiety_uses_the_reversed_ons_bands(score: int, band: str) -> None:
    assert ons_anxiety_band(score) == band


@pytest.mark.parametrize("score", [-1, 11])
def test_a_score_outside_0_to_10_is_refused(score: int) -> None:
    with pytest.raises(ValueError, match="not a score from 0 to 10"):
        ons_band(score)


def test_band_values_are_the_stored_option_codes() -> None:
    assert band_values("ons_band", "low") == {"0", "1", "2", "3", "4"}
    assert band_values("ons_anxiety_band", "high") == {"6", "7", "8", "9", "10"}


def test_indicators_can_name_an_ons_band_as_their_positive_set() -> None:
    catalogue = load_catalogue()
    assert catalogue.indicator("low_life_satisfaction").positive == band_values("ons_band", "low")
    assert catalogue.indicator("high_anxiety_yesterday").positive == band_values(
        "ons_anxiety_band", "high"
    )
