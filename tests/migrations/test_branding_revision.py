"""Revision 0010 adds the authority branding table, and its downgrade takes exactly it away."""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from survey_app.extensions import db

BRANDING_COLUMNS = {"local_authority_id", "logo_png", "logo_width", "logo_height", "colour"}


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
