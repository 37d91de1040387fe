"""Every schema change is a numbered Alembic revision, reversible, and matches the models.

Each test gets a fresh, empty database on SQLite and on the real PostgreSQL server.
"""

from __future__ import annotations

import re
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from survey_app import MIGRATIONS_DIR
from survey_app.extensions import db


def _script() -> ScriptDirectory:
    return ScriptDirectory(str(MIGRATIONS_DIR))


def test_revisions_are_numbered_in_order_with_one_head() -> None:
    script = _script()
    assert len(script.get_heads()) == 1
    revisions = list(reversed(list(script.walk_revisions())))
    for number, revision in enumerate(revisions, start=1):
        assert re.fullmatch(rf"{number:04d}_[a-z0-9_]+", revision.revision)
        assert Path(revision.path).name == f"{revision.revision}.py"


def test_upgrade_downgrade_upgrade_round_trips(empty_app: Flask) -> None:
    upgrade()
    tables = set(inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables
    downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade()
    assert set(db.metadata.tables) <= set(inspect(db.engine).get_table_names())


def test_models_and_migrations_do_not_drift(empty_app: Flask) -> None:
    upgrade()
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []
