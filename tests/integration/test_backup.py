"""A backup restored into a fresh database gives back exactly the same data."""

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from survey_app.db import Base
from survey_app.services.backup import BackupError, create_backup, restore_backup
from survey_app.services.demo import seed_demo


def _fresh_url(request: pytest.FixtureRequest, app: Flask, tmp_path: Path) -> str:
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    return request.getfixturevalue("postgres_server").create_database("care_voices_restored")


def _all_rows(url: str) -> dict[str, list[tuple]]:
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = {
            table.name: [
                tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key))
            ]
            for table in Base.metadata.sorted_tables
        }
    engine.dispose()
    return rows


def test_restoring_a_backup_into_a_fresh_database_gives_identical_rows(
    request: pytest.FixtureRequest, app: Flask, session: Session, tmp_path: Path
) -> None:
    seed_demo(session, pinned_hashes={})
    session.commit()
    source_url = app.config["SQLALCHEMY_DATABASE_URI"]
    backup = create_backup(source_url, tmp_path / "care-voices.backup")
    fresh_url = _fresh_url(request, app, tmp_path)
    restore_backup(fresh_url, backup)
    original = _all_rows(source_url)
    assert original["local_authority"], "the demo seed should have written rows"
    assert _all_rows(fresh_url) == original


def test_restoring_from_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="No backup file"):
        restore_backup(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "missing.backup")
