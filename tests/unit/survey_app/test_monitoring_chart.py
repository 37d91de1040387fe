"""The progress chart's geometry: a running total from nought, a target line, tidy axes."""

from __future__ import annotations

from datetime import date

import pytest

from survey_app.admin.monitoring_chart import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    WIDTH,
    nice_ceiling,
    progress_chart,
)
from survey_app.services.monitoring import DayProgress

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 11)


@pytest.mark.parametrize(("value", "ceiling"), [(0, 1), (1, 1), (3, 5), (60, 100), (200, 200)])
def test_the_axis_tops_out_at_one_two_or_five_times_a_power_of_ten(
    value: int, ceiling: int
) -> None:
    assert nice_ceiling(value) == ceiling


def test_the_line_climbs_in_steps_from_nought_to_the_last_day_and_the_target_is_marked() -> None:
    progress = (DayProgress(date(2027, 3, 6), 10, 10), DayProgress(date(2027, 3, 11), 30, 40))

    chart = progress_chart(progress, 50, FIRST, LAST)

    points = [tuple(map(float, p.split(","))) for p in chart.points.split()]
    floor, middle = HEIGHT - BOTTOM, LEFT + (WIDTH - LEFT - RIGHT) / 2
    assert points[0] == (LEFT, floor)
    assert points[1:3] == [(middle, floor), (middle, floor - (HEIGHT - 16 - BOTTOM) * 10 / 50)]
    assert points[-1][0] == WIDTH - RIGHT
    assert chart.target_y == 16  # the target, 50, tops the axis
    assert [t.label for t in chart.y_ticks] == ["0", "25", "50"]
    assert [t.label for t in chart.x_ticks] == ["01/03", "11/03"]


def test_without_a_target_or_responses_the_chart_is_a_flat_line() -> None:
    chart = progress_chart((), None, FIRST, FIRST)
    assert chart.target_y is None
    assert [t.label for t in chart.y_ticks] == ["0", "1"]
    assert len(chart.x_ticks) == 1
