"""The app's report cache: where it lives and what it is signed with (``services.report_cache``)."""

from __future__ import annotations

from pathlib import Path

from flask import current_app

from survey_app.services.report_cache import ReportCache

FOLDER_NAME = "report-cache"


def report_cache() -> ReportCache:
    """The cache in ``REPORT_CACHE_FOLDER``, by default ``report-cache`` in the instance folder."""
    folder = current_app.config.get("REPORT_CACHE_FOLDER") or (
        Path(current_app.instance_path) / FOLDER_NAME
    )
    return ReportCache(Path(folder), current_app.config["SECRET_KEY"].encode("utf-8"))
