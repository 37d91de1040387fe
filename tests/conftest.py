"""Fixtures shared by the whole suite.

Web and database tests run twice: on SQLite (the embedded default) and on a real PostgreSQL
server that this test session starts from Debian's packages. Every schema is built by the
Alembic migrations, never by ``create_all``. Every HTML page a test client receives is checked
by ``tests/support/pages.check_page``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import argon2
import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy.orm import Session

from survey_app import create_app
from survey_app.extensions import db, limiter
from survey_app.services import passwords
from tests.support.pages import check_page
from tests.support.postgres import PostgresServer

# The app factory reads the environment; tests must never touch a developer's instance folder.
os.environ["CARE_VOICES_ENV"] = "test"
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ["CARE_VOICES_INSTANCE_PATH"] = tempfile.mkdtemp(prefix="cv-instance-")
atexit.register(shutil.rmtree, os.environ["CARE_VOICES_INSTANCE_PATH"], ignore_errors=True)
# Full-cost Argon2 for each of thousands of test users is minutes of CPU that tests nothing.
passwords.use_parameters(argon2.profiles.CHEAPEST)


class CheckedClient(FlaskClient):
    """A test client that applies the page checks to every HTML page it receives.

    Error pages (4xx, 5xx) are pages a child or officer reads too, so they are checked as well;
    only redirects, whose bodies no browser shows, are skipped.
    """

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
            check_page(response.get_data(as_text=True))
        return response


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated-once database URL for each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'care_voices.sqlite3'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database("care_voices_test")


def make_test_app(database_url: str, **overrides: object) -> Flask:
    """An app on ``database_url`` with test settings; CSRF stays on (clients read the token)."""
    settings = {"SQLALCHEMY_DATABASE_URI": database_url, "TESTING": True, **overrides}
    app = create_app(settings)
    app.test_client_class = CheckedClient
    return app


@pytest.fixture(scope="session")
def app(database_url: str) -> Iterator[Flask]:
    app = make_test_app(database_url)
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def session(app: Flask) -> Iterator[Session]:
    """The app's session inside an app context; every table is emptied afterwards."""
    with app.app_context():
        yield db.session
        db.session.rollback()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()


@pytest.fixture
def client(app: Flask, session: Session) -> FlaskClient:
    return app.test_client()


@pytest.fixture(autouse=True)
def fresh_rate_limits(request: pytest.FixtureRequest) -> None:
    """Every test that uses the app starts with empty rate-limit counters.

    One limiter (and its in-memory store) serves every app in the process, so counts would
    otherwise leak from one test into the next. The app is looked up lazily, so tests that need
    no app are not run once per database.
    """
    if "app" in request.fixturenames:
        with request.getfixturevalue("app").app_context():
            limiter.reset()


BROWSER_TESTS = Path(__file__).parent / "browser"


@pytest.hookimpl(tryfirst=True)  # Before xdist reads the groups it schedules by.
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under ``tests/browser`` as ``browser``, so ``-m browser`` selects them all,
    and split every ``xdist_group`` by database.

    A ``pytestmark`` in a conftest marks nothing (pytest reads it only from test modules), so the
    marker is applied here, by where the test lives. A group keeps a module's tests on one worker
    so its expensive module fixture (the seeded demo) is built once; that fixture is built once
    per database anyway, so the SQLite and PostgreSQL halves can run on different workers.
    """
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
        backend = database_of(item)
        if backend and item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(backend))


DATABASES = ("sqlite", "postgresql")


def database_of(item: pytest.Item) -> str | None:
    """The database a parametrised test runs on, whichever fixture carries it.

    ``database_url`` carries it for most tests; a module that serves its own app (the gunicorn
    download walk's ``served``) takes the same two values under its own name.
    """
    params = getattr(item, "callspec", None) and item.callspec.params
    return next((v for v in (params or {}).values() if isinstance(v, str) and v in DATABASES), None)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many tests ran on each database, and repeat any summary a test recorded.

    A test records a summary with ``record_property("summary", ...)``: it reaches this report
    from xdist workers too, where a plain print would be lost.
    """
    passed = terminalreporter.stats.get("passed", [])
    counts = {
        backend: sum(
            1
            for report in passed
            if f"[{backend}" in report.nodeid or f"-{backend}" in report.nodeid
        )
        for backend in ("sqlite", "postgresql")
    }
    if any(counts.values()):
        terminalreporter.write_line(
            f"database backends: {counts['sqlite']} passed on SQLite, "
            f"{counts['postgresql']} passed on PostgreSQL"
        )
    for report in passed:
        for name, value in report.user_properties:
            if name == "summary":
                terminalreporter.write_line(f"{report.nodeid.split('::')[-1]}: {value}")
