"""Helpers for driving the respondent journey through the test client, as a browser would."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from questionnaires import InstrumentVersion, Item, load_catalogue
from survey_app.extensions import db
from survey_app.models import Answer, Response, SurveyRound
from tests.conftest import make_test_app
from tests.factories import ALL_INSTRUMENTS, make_access_code, make_round
from tests.support.forms import csrf_token_in

_PER_RESPONSE = re.compile(r'(name="csrf_token" value|nonce)="[^"]*"')


def token(client: FlaskClient, path: str = "/start") -> str:
    """A CSRF token, read from a page as a browser would see it."""
    return csrf_token_in(client.get(path).get_data(as_text=True))


BROWSER = {"Accept": "text/html,application/xhtml+xml"}


def post(client: FlaskClient, path: str, data: dict | None = None, **kwargs):
    """POST a form as a browser would: with a valid CSRF token, accepting HTML."""
    kwargs.setdefault("headers", BROWSER)
    return client.post(path, data={"csrf_token": token(client), **(data or {})}, **kwargs)


@contextmanager
def counted_statements() -> Iterator[list[str]]:
    """Collect the SQL statements run inside the block (needs an app context)."""
    statements: list[str] = []

    def _count(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", _count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", _count)


def same_words(page) -> str:
    """The page's HTML without what changes on every response (CSRF token, CSP nonce), so two
    pages can be compared for the same words and markup."""
    return _PER_RESPONSE.sub(r'\1=""', page.get_data(as_text=True))


def open_round(session: Session, instruments=ALL_INSTRUMENTS, **fields) -> SurveyRound:
    return make_round(session, instruments=instruments, **fields)


def enter(client: FlaskClient, session: Session, instrument: str = "cic-8-10") -> str:
    """Enter a code fixed to ``instrument`` and press Start; return the first question's path."""
    _code, clear = make_access_code(session, open_round(session), audience=instrument)
    session.commit()
    assert client.get(f"/s/{clear}").status_code == 303
    started = post(client, "/welcome")
    assert started.status_code == 303
    return started.headers["Location"]


def the_response(session: Session) -> Response:
    session.expire_all()
    return session.scalars(select(Response)).one()


def stored_answers(session: Session) -> dict[str, str]:
    session.expire_all()
    return {a.item_id: a.value for a in session.scalars(select(Answer))}


def version(instrument: str = "cic-8-10") -> InstrumentVersion:
    return load_catalogue().get(f"{instrument}@v1")


def item_of_type(item_type: str, instrument: str = "cic-8-10") -> Item:
    """The first item of ``item_type``, so tests follow the data rather than an item id."""
    return next(i for i in version(instrument).items if i.type == item_type)


def conditional_item(instrument: str = "cic-8-10") -> Item:
    """The first item shown only for some earlier answer."""
    return next(i for i in version(instrument).items if i.show_if)


EVERY_VERSION = [
    each
    for instrument in load_catalogue().instruments()
    for each in load_catalogue().versions_of(instrument)
]
"""Every instrument version the catalogue finds, so new versions are covered as they are added."""


def in_every_version_and_language(test: Callable[..., None]) -> Callable[..., None]:
    """Run ``test`` for each of ``EVERY_VERSION`` (as ``version``) in English and Welsh
    (``lang``)."""
    test = pytest.mark.parametrize("lang", ["en", "cy"])(test)
    return pytest.mark.parametrize("version", EVERY_VERSION, ids=lambda each: each.key)(test)


def text_language(version: InstrumentVersion, lang: str) -> str:
    """The language questions are shown in when the page is in ``lang``."""
    return lang if lang in version.complete_languages() else "en"


@pytest.fixture(scope="module")
def page_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """An app that only renders: pages compared in one request need no database."""
    database = tmp_path_factory.mktemp("pages") / "unused.sqlite3"
    return make_test_app(f"sqlite:///{database}")
