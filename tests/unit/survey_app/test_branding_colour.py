"""The cover's colour is a #rrggbb dark enough to read as text on white (4.5:1, WCAG 1.4.3)."""

from __future__ import annotations

import pytest

from survey_app.services.branding import ColourError, checked_colour, contrast_with_white


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("#1D70B8", "#1d70b8"), (" 8a1538 ", "#8a1538"), ("#0b0c0c", "#0b0c0c"), ("", None)],
)
def test_a_dark_enough_colour_is_stored_as_lower_case_hex(typed: str, stored: str | None) -> None:
    assert checked_colour(typed) == stored


@pytest.mark.parametrize("typed", ["red", "#12345", "#1234567", "#ggg000", "rgb(0,0,0)", "#"])
def test_anything_but_six_hex_digits_is_not_a_colour(typed: str) -> None:
    with pytest.raises(ColourError) as refused:
        checked_colour(typed)

    assert refused.value.problem == "not_a_colour"


@pytest.mark.parametrize("typed", ["#ffdd00", "#00ff00", "#f47738", "#ffffff"])
def test_a_colour_too_pale_to_read_on_white_is_refused(typed: str) -> None:
    with pytest.raises(ColourError) as refused:
        checked_colour(typed)

    assert refused.value.problem == "low_contrast"


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#1d70b8") == pytest.approx(5.17, abs=0.01)
    assert contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)
