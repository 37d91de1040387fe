"""Revision 0008 turns free-text actions into plan lines, and its downgrade takes the plan
columns away again, keeping the actions' English text."""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from survey_app.extensions import db

BEFORE = "0007_group_sessions"
PLAN_COLUMNS = {
    "indicator_id",
    "text_cy",
    "english_only",
    "owner",
    "due_on",
    "status",
    "done_text",
    "done_text_cy",
}


def _columns() -> set[str]:
    return {column["name"] for column in inspect(db.engine).get_columns("you_said_action")}


def _insert_free_text_action() -> None:
    """An authority, a round and one action as they were before revision 0008."""
    statements = (
        "INSERT INTO local_authority (id, name, code, nation, languages, help_contact,"
        " advocacy_contact, safeguarding_procedure, retention_months, minimum_response_rate)"
        " VALUES (1, 'LA', 'E09000001', 'england', 'en', '', '', '', 24, 0)",
        "INSERT INTO survey_round (id, local_authority_id, name, opens_on, closes_on, status)"
        " VALUES (1, 1, 'Round', '2026-01-05', '2026-03-01', 'closed')",
        "INSERT INTO you_said_action (round_id, age_band, position, text, written_on)"
        " VALUES (1, 'cic-8-10', 1, 'We will plan more days out.', '2026-03-10')",
    )
    with db.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def _action_row() -> dict[str, object]:
    with db.engine.connect() as connection:
        row = connection.execute(text("SELECT * FROM you_said_action")).mappings().one()
    return dict(row)


def test_revision_0008_makes_free_text_actions_planned_general_and_english_only(
    empty_app: Flask,
) -> None:
    upgrade(revision=BEFORE)
    _insert_free_text_action()

    upgrade(revision="0008_action_plans")

    row = _action_row()
    assert row["text"] == "We will plan more days out."
    assert row["status"] == "planned"
    assert row["indicator_id"] is None
    assert row["owner"] is None
    assert row["due_on"] is None
    assert bool(row["english_only"]) is True


def test_revision_0008_downgrade_removes_only_the_plan_columns(empty_app: Flask) -> None:
    upgrade(revision=BEFORE)
    before = _columns()
    _insert_free_text_action()

    upgrade(revision="0008_action_plans")
    assert _columns() == before | PLAN_COLUMNS

    downgrade(revision=BEFORE)
    assert _columns() == before
    assert _action_row()["text"] == "We will plan more days out."
