"""Count the SQL statements each request sends, and report them in a response header.

Bench-only: both the app under test and the baseline app call ``count_sql(app)``, so their
figures are counted the same way.
"""

from __future__ import annotations

from flask import Flask, Response, g, has_app_context
from sqlalchemy import event
from sqlalchemy.engine import Engine

SQL_HEADER = "X-Bench-SQL"


def count_sql(app: Flask) -> None:
    """Report each request's SQL statement count in the ``X-Bench-SQL`` response header.

    Counts statements sent through SQLAlchemy (``before_cursor_execute``); connection pings and
    SQLite pragmas set on connect bypass it, as they bypass the app's own budget test.
    """
    if not event.contains(Engine, "before_cursor_execute", _count):
        event.listen(Engine, "before_cursor_execute", _count)

    @app.after_request
    def _report(response: Response) -> Response:
        response.headers[SQL_HEADER] = str(g.get("bench_sql", 0))
        return response


def _count(*_args: object, **_kwargs: object) -> None:
    """One more statement for the request (or app context) in progress, if any."""
    if has_app_context():
        g.bench_sql = g.get("bench_sql", 0) + 1
