"""The monitoring page's progress chart as geometry, for an SVG drawn on the server.

It shows the running total of completed responses by day against the round's target, so an
officer sees at a glance whether reminders are needed. The page puts the same figures in a
table beside it and a sentence in the SVG's description; the colours keep at least 3:1
against white (GOV.UK blue 5.2:1, red 4.5:1, text near-black).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from survey_app.services.monitoring import DayProgress

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 16, 40


@dataclass(frozen=True)
class Tick:
    """A labelled position along an axis, in SVG units."""

    position: float
    label: str


@dataclass(frozen=True)
class ProgressChart:
    """What the template draws: the line's points, the target's height and the axis ticks."""

    points: str
    target_y: float | None
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2 or 5 times a power of ten that is at least ``value`` (and 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def progress_chart(
    progress: tuple[DayProgress, ...], target: int | None, first_day: date, last_day: date
) -> ProgressChart:
    """The running total from ``first_day`` (at nought) to ``last_day``, and the target line."""
    last_day = max(last_day, first_day, *(p.day for p in progress))
    reached = progress[-1].running_total if progress else 0
    top_value = nice_ceiling(max(reached, target or 0))
    span = max((last_day - first_day).days, 1)

    def x(day: date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - first_day).days / span, 1)

    def y(value: int) -> float:
        return round(HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / top_value, 1)

    corners = [(x(first_day), y(0))]
    for step in progress:
        corners.append((x(step.day), corners[-1][1]))
        corners.append((x(step.day), y(step.running_total)))
    corners.append((x(last_day), corners[-1][1]))
    days = dict.fromkeys((first_day, last_day))
    values = dict.fromkeys((0, top_value // 2, top_value))
    return ProgressChart(
        points=" ".join(f"{px},{py}" for px, py in corners),
        target_y=y(target) if target else None,
        y_ticks=tuple(Tick(y(value), str(value)) for value in values),
        x_ticks=tuple(Tick(x(day), day.strftime("%d/%m")) for day in days),
    )
