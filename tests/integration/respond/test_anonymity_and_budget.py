"""Anonymity by construction (R-DP-1, R-DP-2) and the SQL budget of a question page and a save."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session

from survey_app.extensions import db
from tests.integration.respond.conftest import enter, post, the_response, version
from tests.integration.respond.test_signposting_and_helplines import calm_answer, risk_choices

ADDRESS = "203.0.113.77"
AGENT = "Mozilla/5.0 (ChildPhone) Care-Voices-Test-Agent"
TIME_OF_DAY = re.compile(r"(?<!\w)([01]\d|2[0-3]):[0-5]\d(?!\w)")


def _every_stored_value(session: Session) -> Iterator[tuple[str, str, object]]:
    for table in inspect(session.get_bind()).get_table_names():
        if table == "alembic_version":
            continue
        for row in session.execute(text(f'SELECT * FROM "{table}"')).mappings():
            for column, value in row.items():
                yield table, column, value


def test_no_table_holds_an_address_user_agent_or_time_of_day_after_a_full_completion(
    client: FlaskClient, session: Session
) -> None:
    headers = {"User-Agent": AGENT, "Referer": "https://example.test/poster"}
    client.environ_base.update(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    path = enter(client, session)
    while path.startswith("/q/"):
        item = version().item(path.removeprefix("/q/"))
        value = "Trips out" if item.type == "free_text" else item.option_values[0]
        path = post(client, path, {"answer": value}, headers=headers).headers["Location"]
    post(client, "/check", headers=headers)
    assert the_response(session).status == "completed"
    for table, column, value in _every_stored_value(session):
        assert not isinstance(value, datetime | time), (table, column)
        if isinstance(value, str):
            assert ADDRESS not in value, (table, column)
            assert "ChildPhone" not in value, (table, column)
            assert "example.test" not in value, (table, column)
            assert not (table in {"response", "answer"} and TIME_OF_DAY.search(value)), (
                table,
                column,
            )
    assert isinstance(the_response(session).completed_on, date)


def test_the_only_cookie_is_the_session_and_survey_pages_load_nothing_from_elsewhere(
    client: FlaskClient, session: Session
) -> None:
    first = enter(client, session)
    page = client.get(first)
    soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    assert [c.key for c in client._cookies.values()] == ["session"]
    fetched = [tag["src"] for tag in soup.find_all(src=True)]
    fetched += [tag["href"] for tag in soup.find_all("link", href=True)]
    assert fetched
    assert all(url.startswith("/") and not url.startswith("//") for url in fetched), fetched
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]


def test_viewing_survey_pages_sets_no_cookie_once_the_session_holds_the_response(
    client: FlaskClient, session: Session
) -> None:
    """Pages that only show something leave the cookie as it is: no session signed and sent
    again, and no staff remember-me cookie deleted, on a child's every page."""
    first = enter(client, session)
    for path in (first, "/welcome", "/check", "/help"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers.getlist("Set-Cookie") == [], path


def test_the_session_cookie_holds_no_answers(client: FlaskClient, session: Session) -> None:
    first = enter(client, session)
    item = version().items[0]
    post(client, first, {"answer": item.option_values[0]})
    with client.session_transaction() as cookie:
        assert set(cookie) <= {"response", "lang", "csrf_token"}
        assert cookie["response"] == the_response(session).public_id


def test_answers_never_appear_in_the_logs(client: FlaskClient, session: Session, capsys) -> None:
    enter(client, session)
    free_text = next(i for i in version().items if i.type == "free_text")
    post(client, f"/q/{free_text.id}", {"answer": "My secret wish is a trampoline"})
    assert "trampoline" not in capsys.readouterr().out


def test_survey_sessions_last_at_least_20_hours(app: Flask) -> None:
    assert app.permanent_session_lifetime.total_seconds() >= 20 * 3600


@contextmanager
def _counted_statements() -> Iterator[list[str]]:
    statements: list[str] = []

    def _count(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", _count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", _count)


@contextmanager
def _transactions_seen() -> Iterator[list[tuple[str | None, bool | None]]]:
    """For each statement: the isolation level it asked for, and whether the database driver
    was inside a transaction after it ran (None where the driver cannot say: sqlite3 opens one
    only before a write)."""
    seen: list[tuple[str | None, bool | None]] = []

    def _note(conn, cursor, statement, parameters, context, executemany) -> None:
        info = getattr(conn.connection.dbapi_connection, "info", None)
        status = getattr(info, "transaction_status", None)
        inside = None if status is None else status.name != "IDLE"
        seen.append((context.execution_options.get("isolation_level"), inside))

    event.listen(db.engine, "after_cursor_execute", _note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "after_cursor_execute", _note)


def test_a_question_page_reads_outside_a_transaction_and_a_save_writes_inside_one(
    client: FlaskClient, session: Session
) -> None:
    """No BEGIN before a question page's reads and no ROLLBACK after them, each a round trip to
    PostgreSQL; an answer's reads and writes share one transaction, committed once."""
    first = enter(client, session)
    item = version().items[0]
    session.close()  # the test's requests share its session; a server's begin with none open
    with _transactions_seen() as shown:
        assert client.get(first).status_code == 200
    with _transactions_seen() as saved:
        assert post(client, first, {"answer": item.option_values[0]}).status_code == 303
    assert shown
    assert all(level == "AUTOCOMMIT" and not inside for level, inside in shown)
    assert saved
    assert all(level is None and inside is not False for level, inside in saved)


def test_a_question_page_is_one_statement_and_a_save_two_or_three_after_a_risk_answer(
    client: FlaskClient, session: Session
) -> None:
    """The budget of issue 19 (at most 3): a page reads the response with its round, authority
    and answers in one statement; a save adds its upsert; a closed answer that signals risk also
    asks whether the authority wants an alert (off here, as by default)."""
    first = enter(client, session)
    risky, risky_code = risk_choices()[0]
    item = version().items[0]
    session.close()  # the test's requests share its session; a server's begin with none open
    with _counted_statements() as shown:
        assert client.get(first).status_code == 200
    token_page = client.get("/start")
    token_page.close()
    session.close()
    with _counted_statements() as saved:
        assert post(client, first, {"answer": calm_answer(item)}).status_code == 303
    session.close()
    with _counted_statements() as saved_risky:
        assert post(client, f"/q/{risky.id}", {"answer": risky_code}).status_code == 303
    assert len(shown) == 1, shown
    assert len(saved) == 2, saved
    assert len(saved_risky) == 3, saved_risky
    assert session.scalar(select(text("1")))
