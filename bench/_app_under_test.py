"""The Care Voices app as the load bench serves it: ``gunicorn 'bench._app_under_test:create()'``.

Bench-only wrapping, never part of ``survey_app``: rate limits are off unless
``BENCH_RATELIMIT=1`` (every simulated respondent shares one loopback address, so the limits
would stop a load test at once), and every response carries ``X-Bench-SQL``, the number of SQL
statements the request sent.
"""

from __future__ import annotations

import os

from flask import Flask

from bench._sql_count import count_sql
from survey_app import create_app


def create() -> Flask:
    """The real app factory with the bench's two changes (see the module docstring)."""
    limits_on = os.environ.get("BENCH_RATELIMIT", "0") == "1"
    app = create_app({"RATELIMIT_ENABLED": limits_on})
    count_sql(app)
    return app
