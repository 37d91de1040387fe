"""What makes a "you said, we will" action complete, checked before anything is saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from survey_app.services.action_plans import GENERAL, ActionDraft, PlanError, checked_draft

INDICATORS = ("likes_school", "has_pet")
DRAFT = ActionDraft(
    indicator_id="likes_school",
    text="  We will   visit your school.  ",
    text_cy="Byddwn ni'n ymweld â'ch ysgol.",
    english_only=False,
    owner="Virtual School",
    due_on=date(2027, 6, 30),
    status="planned",
)


def problems(draft: ActionDraft) -> dict[str, str]:
    with pytest.raises(PlanError) as raised:
        checked_draft(draft, INDICATORS)
    return raised.value.problems


def test_a_complete_action_is_kept_with_its_spaces_tidied() -> None:
    assert checked_draft(DRAFT, INDICATORS).text == "We will visit your school."


def test_every_problem_is_named_at_once() -> None:
    empty = replace(DRAFT, indicator_id="nope", text="", text_cy="", owner="", due_on=None)

    assert problems(empty) == {
        "text": "missing",
        "text_cy": "missing",
        "indicator_id": "unknown",
        "owner": "missing",
        "due_on": "missing",
    }


def test_an_english_only_action_needs_no_welsh_and_keeps_none() -> None:
    checked = checked_draft(replace(DRAFT, english_only=True), INDICATORS)

    assert checked.text_cy == ""


def test_a_done_action_needs_what_was_done_in_both_languages() -> None:
    assert problems(replace(DRAFT, status="done")) == {
        "done_text": "missing",
        "done_text_cy": "missing",
    }


def test_what_was_done_is_dropped_until_the_action_is_done() -> None:
    planned = replace(DRAFT, status="in_progress", done_text="We visited.")

    assert checked_draft(planned, INDICATORS).done_text == ""


def test_a_general_action_answers_no_indicator_and_texts_have_limits() -> None:
    long = replace(DRAFT, indicator_id=GENERAL, text="x" * 301, owner="o" * 121, status="maybe")

    assert problems(long) == {"text": "too_long", "owner": "too_long", "status": "unknown"}
