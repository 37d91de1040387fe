"""A backup restored into a fresh database gives back exactly the same data and reports."""

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from questionnaires import Catalogue, load_catalogue
from report_builder.render.csv import report_csv
from report_builder.report.model import Report
from survey_app.db import Base
from survey_app.services.backup import BackupError, create_backup, restore_backup
from survey_app.services.demo import DEMO_INSTRUMENTS, seed_demo
from survey_app.services.demo_reports import seed_demo_reports
from survey_app.services.reporting import build_round_report


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


def _report(url: str, catalogue: Catalogue, round_id: int) -> Report:
    """The round's report, built by the app's own reporting service from the database at url."""
    engine = create_engine(url)
    with Session(engine) as session:
        report = build_round_report(session, catalogue, round_id)
    engine.dispose()
    return report


@pytest.mark.slow  # Seeds the demo's reports and builds one twice: left out of make test-fast.
def test_a_restored_database_gives_an_identical_report(
    request: pytest.FixtureRequest, app: Flask, session: Session, tmp_path: Path
) -> None:
    """The point of a backup is the reports it can rebuild: every figure, flag and quote.

    The demo round's report reads every demo round (other authorities of the same period and
    its previous round), so it is compared as the whole report model (every number,
    suppression and comparison) and as the CSV tables a local authority downloads.
    """
    catalogue = load_catalogue()
    pinned = {key: catalogue.get(f"{key}@v{v}").content_hash for key, v in DEMO_INSTRUMENTS}
    seed = seed_demo(session, pinned_hashes=pinned)
    seed_demo_reports(session, catalogue, seed)
    session.commit()
    source_url = app.config["SQLALCHEMY_DATABASE_URI"]
    before = _report(source_url, catalogue, seed.round_id)
    fresh_url = _fresh_url(request, app, tmp_path)
    restore_backup(fresh_url, create_backup(source_url, tmp_path / "care-voices.backup"))
    after = _report(fresh_url, catalogue, seed.round_id)
    assert before.sections, "the demo round should have a report with findings"
    assert after == before
    assert report_csv(after) == report_csv(before)


def test_restoring_from_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="No backup file"):
        restore_backup(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "missing.backup")
