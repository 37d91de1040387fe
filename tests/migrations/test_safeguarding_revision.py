"""Revision 0006 adds the safeguarding tables, and its downgrade takes exactly those away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from survey_app.extensions import db
from tests.conftest import make_test_app
from tests.support.postgres import PostgresServer

TABLES = {"safeguarding_settings", "safeguarding_alert", "safeguarding_email"}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'revision.sqlite3'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        url = server.create_database("care_voices_revision_0006")
    app = make_test_app(url)
    with app.app_context():
        yield app
        db.engine.dispose()


def _tables() -> set[str]:
    return set(inspect(db.engine).get_table_names())


def test_revision_0006_adds_and_removes_only_the_safeguarding_tables(empty_app: Flask) -> None:
    upgrade(revision="0005_staff_sign_in_hardening")
    before = _tables()
    assert not TABLES & before

    upgrade(revision="0006_safeguarding_alerts")
    assert _tables() == before | TABLES
    email_columns = {c["name"] for c in inspect(db.engine).get_columns("safeguarding_email")}
    assert {"claimed_by", "claimed_until", "message_id", "not_before"} <= email_columns

    downgrade(revision="0005_staff_sign_in_hardening")
    assert _tables() == before
