"""Revision 0010 adds the authority branding table, and its downgrade takes exactly it away."""

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

BRANDING_COLUMNS = {"local_authority_id", "logo_png", "logo_width", "logo_height", "colour"}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'revision.sqlite3'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        url = server.create_database("care_voices_revision_0010")
    app = make_test_app(url)
    with app.app_context():
        yield app
        db.engine.dispose()


def _tables() -> set[str]:
    return set(inspect(db.engine).get_table_names())


def test_revision_0010_adds_and_removes_only_the_branding_table(empty_app: Flask) -> None:
    upgrade(revision="0009_risk_answer_alerts")
    before = _tables()
    assert "authority_branding" not in before

    upgrade(revision="0010_authority_branding")
    assert _tables() == before | {"authority_branding"}
    columns = {c["name"] for c in inspect(db.engine).get_columns("authority_branding")}
    assert columns >= BRANDING_COLUMNS

    downgrade(revision="0009_risk_answer_alerts")
    assert _tables() == before
