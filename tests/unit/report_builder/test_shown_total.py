"""A round's total of respondents is hidden exactly when it is a small count (R-SDC-2)."""

from __future__ import annotations

import pytest

from report_builder.report.demographics import shown_total


@pytest.mark.parametrize("respondents", [1, 2, 4])
def test_a_total_of_one_to_four_is_hidden(respondents: int) -> None:
    assert shown_total(respondents) is None


@pytest.mark.parametrize("respondents", [0, 5, 240])
def test_zero_and_totals_of_five_or_more_are_shown(respondents: int) -> None:
    assert shown_total(respondents) == respondents
