"""No view commits or rolls back by hand: every write goes through ``unit_of_work`` (CR-2), so a
refusal is always rolled back and shown, and a page that says "saved" has been committed."""

from __future__ import annotations

import ast
from pathlib import Path

import survey_app

ROOT = Path(survey_app.__file__).parent
BLUEPRINTS = ("admin", "auth", "pages", "reports", "respond")


def _hand_made_transactions(source: str) -> list[int]:
    """The lines of ``source`` that call ``.commit()`` or ``.rollback()`` on anything."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"commit", "rollback"}
    ]


def test_the_scan_finds_a_commit_or_rollback_by_hand() -> None:
    source = "def save():\n    db_session().commit()\n    session.rollback()\n"
    assert _hand_made_transactions(source) == [2, 3]


def test_no_view_commits_or_rolls_back_by_hand() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for blueprint in BLUEPRINTS
        for path in sorted((ROOT / blueprint).rglob("*.py"))
        for line in _hand_made_transactions(path.read_text("utf-8"))
    ]
    assert found == []
