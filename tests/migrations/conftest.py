"""An empty database for each migration test, on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from survey_app.extensions import db
from tests.conftest import make_test_app
from tests.support.postgres import PostgresServer


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """An app over a database with no tables at all, inside its app context.

    Each worker has its own PostgreSQL server, so one database name serves every test; it is
    dropped and made again for each.
    """
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'migrations.sqlite3'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        url = server.create_database("care_voices_migrations")
    app = make_test_app(url)
    with app.app_context():
        yield app
        db.engine.dispose()
