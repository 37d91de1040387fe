"""Routes of the ``respond`` blueprint."""

from survey_app.respond import bp  # noqa: F401 (views are added here)
