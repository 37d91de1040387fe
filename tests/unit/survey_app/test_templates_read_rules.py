"""Templates ask the code for a business rule (``manages_rounds``, ``issues_codes``,
``accepts_paper``) rather than copying it, so a rule changed in one place changes every page."""

from __future__ import annotations

from pathlib import Path

import survey_app

TEMPLATES = Path(survey_app.__file__).parent / "templates"
COPIED_RULES = (
    '("programme_admin", "participation_officer")',  # auth.access.ROUND_MANAGERS
    '("draft", "open")',  # services.access_codes.issues_codes
)


def test_no_template_copies_a_role_list_or_the_draft_or_open_rule() -> None:
    found = [
        f"{path.relative_to(TEMPLATES)}: {rule}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for rule in COPIED_RULES
        if rule in path.read_text("utf-8")
    ]
    assert found == []
