"""Routes of the ``reports`` blueprint."""

from survey_app.reports import bp  # noqa: F401 (views are added here)
