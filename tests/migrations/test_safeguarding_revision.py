"""Revision 0006 adds the safeguarding tables, and its downgrade takes exactly those away."""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from survey_app.extensions import db

TABLES = {"safeguarding_settings", "safeguarding_alert", "safeguarding_email"}


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
