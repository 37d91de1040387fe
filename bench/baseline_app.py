"""The ceiling for the respondent load bench: a bare Flask app doing the least a survey must.

``gunicorn 'bench.baseline_app:create()'`` under the same gunicorn settings and database as the
app under test. ``GET /q/<n>`` shows a tiny form (a hidden ``csrf_token`` and the ``answer``
radios, as Care Voices' question pages have); ``POST /q/<n>`` inserts one row and redirects to
the next question with 303, as Care Voices does. No templates, sessions, CSRF checks, i18n or
security headers: whatever Care Voices spends beyond this is its overhead.
``create(reads=True)`` adds Care Voices' database round trips, and nothing else.
"""

from __future__ import annotations

import os

from flask import Flask, Response, redirect, request
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    bindparam,
    create_engine,
    event,
    select,
)
from sqlalchemy.engine import Engine

from bench._sql_count import count_sql

QUESTIONS = 30
"""About the length of an instrument (19 to 44 questions)."""
OPTIONS = ("never", "sometimes", "often", "always", "prefer_not_to_say")
metadata = MetaData()
answers = Table(
    "bench_baseline_answer",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", String(40), nullable=False),
    Column("value", String(1000)),
)
_ONE_ROW = select(answers.c.value).where(answers.c.id == bindparam("id"))
"""A read by primary key: a round trip, not a search (``create(reads=True)``)."""


def database_engine(url: str) -> Engine:
    """An engine with Care Voices' settings: pre-ping, and WAL with a busy timeout on SQLite."""
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    return engine


def _tune_sqlite(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=5000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def ensure_table(url: str) -> None:
    """Create the baseline's table before any worker starts (no start-up race between them)."""
    engine = database_engine(url)
    try:
        metadata.create_all(engine)
    finally:
        engine.dispose()


def create(reads: bool = False) -> Flask:
    """The baseline app on ``DATABASE_URL``.

    With ``reads`` (``bench.baseline_app:create(reads=True)``) it also makes the database round
    trips Care Voices makes for a question cycle: a page view reads one row on a pooled
    connection of its own, outside a transaction; a save reads one row, then inserts one, in a
    transaction. Care Voices' figures against this one are what its code costs beyond the
    shape of its requests; this one's against the plain baseline is what that shape costs.
    """
    app = Flask(__name__)
    engine = database_engine(os.environ["DATABASE_URL"])
    count_sql(app)

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/q/<int:number>")
    def question(number: int) -> str:
        if reads:
            with engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT")
                connection.execute(_ONE_ROW, {"id": number}).first()
        return _form(number)

    @app.post("/q/<int:number>")
    def answer(number: int) -> Response:
        value = None if request.form.get("action") == "skip" else request.form.get("answer")
        with engine.begin() as connection:
            if reads:
                connection.execute(_ONE_ROW, {"id": number}).first()
            connection.execute(answers.insert().values(item_id=f"q{number}", value=value))
        following = f"/q/{number + 1}" if number < QUESTIONS else "/q/1"
        return redirect(following, 303)

    return app


def _form(number: int) -> str:
    """The smallest honest question page: a token, radios and the two buttons."""
    radios = "".join(
        f'<label><input type="radio" name="answer" value="{value}"> {value}</label>'
        for value in OPTIONS
    )
    return (
        f"<!DOCTYPE html><html lang=en><title>Question {number}</title>"
        f'<h1>Question {number}</h1><form method="post">'
        '<input type="hidden" name="csrf_token" value="baseline">'
        f'{radios}<button name="action" value="continue">Continue</button>'
        '<button name="action" value="skip">Skip</button></form></html>'
    )
