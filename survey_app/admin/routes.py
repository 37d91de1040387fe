"""Routes of the ``admin`` blueprint."""

from survey_app.admin import bp  # noqa: F401 (views are added here)
