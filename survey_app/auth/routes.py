"""Routes of the ``auth`` blueprint."""

from survey_app.auth import bp  # noqa: F401 (views are added here)
