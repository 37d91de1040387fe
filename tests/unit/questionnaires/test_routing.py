"""visible_items: which questions a respondent sees, from show_if on earlier answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from questionnaires import InstrumentVersion, load_catalogue, visible_items


@pytest.fixture
def tiny(tiny_root: Path) -> InstrumentVersion:
    return load_catalogue(tiny_root).get("tiny@v1")


def shown(version: InstrumentVersion, answers: dict[str, object]) -> list[str]:
    return [item.id for item in visible_items(version, answers)]


def test_a_question_with_an_unmet_condition_is_hidden(tiny: InstrumentVersion) -> None:
    assert "trust_worker" not in shown(tiny, {"know_worker": "no"})


def test_a_skipped_question_never_satisfies_a_condition(tiny: InstrumentVersion) -> None:
    assert "trust_worker" not in shown(tiny, {})


def test_a_met_condition_shows_the_question_in_order(tiny: InstrumentVersion) -> None:
    assert shown(tiny, {"know_worker": "yes"})[:2] == ["know_worker", "trust_worker"]


def test_hiding_a_question_also_hides_questions_that_depend_on_it(tiny: InstrumentVersion) -> None:
    answers = {"know_worker": "no", "trust_worker": "all_or_most_of_the_time"}
    assert "see_worker_alone" not in shown(tiny, answers)


def test_a_chain_of_met_conditions_shows_every_link(tiny: InstrumentVersion) -> None:
    answers = {"know_worker": "yes", "trust_worker": "all_or_most_of_the_time"}
    assert shown(tiny, answers)[:3] == ["know_worker", "trust_worker", "see_worker_alone"]


def test_questions_without_conditions_are_always_shown(tiny: InstrumentVersion) -> None:
    assert len(shown(tiny, {})) == len(tiny.items) - 2
