"""Alert pages show stored UTC times as UK clock time, summer or winter."""

from __future__ import annotations

from datetime import datetime

from survey_app.admin.routes.safeguarding import uk_time


def test_summer_times_are_shown_an_hour_ahead_of_utc() -> None:
    assert uk_time(datetime(2026, 7, 1, 23, 30)) == "02/07/2026 00:30"


def test_winter_times_are_shown_as_utc() -> None:
    assert uk_time(datetime(2026, 12, 3, 14, 5)) == "03/12/2026 14:05"
