"""Risk signals: checked against the instrument versions they name when the catalogue loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from questionnaires import QuestionnaireError, load_catalogue
from questionnaires.loader import RISK_SIGNALS_NAME, check_catalogue

SHIPPED = load_catalogue()
GOOD = """signals:
  - item: life_satisfaction
    answers: ["0", "1"]
    why: "Rates their life very low."
    versions: ["tiny@v1"]
  - item: mood
    answers: ["very_sad"]
    why: "Very sad."
    versions: ["tiny@v1", "tiny@v2"]
"""


def _with_signals(root: Path, text: str) -> Path:
    (root / RISK_SIGNALS_NAME).write_text(text, "utf-8")
    return root


def _problems(root: Path) -> list[str]:
    catalogue, problems = check_catalogue(root)
    assert catalogue is None
    return [problem.message for problem in problems]


def test_signals_load_keyed_by_version_and_item(tiny_copy: Path) -> None:
    signals = load_catalogue(_with_signals(tiny_copy, GOOD)).risk_signals
    assert signals.signals("tiny@v1", "life_satisfaction", "1")
    assert not signals.signals("tiny@v1", "life_satisfaction", "2")
    assert not signals.signals("tiny@v2", "life_satisfaction", "0")
    assert signals.risk_answers("tiny@v2", "mood") == {"very_sad"}


def test_a_multi_choice_answer_signals_when_any_chosen_code_does(tiny_copy: Path) -> None:
    signals = load_catalogue(_with_signals(tiny_copy, GOOD)).risk_signals
    assert signals.signals("tiny@v1", "mood", ("happy", "very_sad"))
    assert not signals.signals("tiny@v1", "mood", ("happy",))


def test_a_catalogue_without_the_file_signals_nothing(tiny_root: Path) -> None:
    assert not load_catalogue(tiny_root).risk_signals.answers


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('"tiny@v1"]', '"tiny@v9"]'), "unknown instrument version 'tiny@v9'"),
        (
            ("item: life_satisfaction", "item: no_such_item"),
            "'no_such_item' is absent from tiny@v1",
        ),
        (('["0", "1"]', '["0", "11"]'), "answer '11' is not an option of 'life_satisfaction'"),
        (('["0", "1"]', '["prefer_not_to_say"]'), "prefer_not_to_say never signals risk"),
        (('["tiny@v1", "tiny@v2"]', '["tiny@v1", "tiny@v1x"]'), "does not match"),
    ],
)
def test_a_signal_naming_what_the_version_lacks_refuses_the_load(
    tiny_copy: Path, change: tuple[str, str], expected: str
) -> None:
    root = _with_signals(tiny_copy, GOOD.replace(*change, 1))
    assert any(expected in message for message in _problems(root))


def test_a_signal_on_free_text_is_refused(tiny_copy: Path) -> None:
    free_text = next(
        i for i in load_catalogue(tiny_copy).get("tiny@v1").items if i.type == "free_text"
    )
    root = _with_signals(
        tiny_copy, GOOD.replace("item: life_satisfaction", f"item: {free_text.id}")
    )
    assert any("signals need choices" in message for message in _problems(root))


def test_the_same_item_and_version_twice_is_refused(tiny_copy: Path) -> None:
    twice = GOOD + GOOD.removeprefix("signals:\n")
    assert any("listed twice" in message for message in _problems(_with_signals(tiny_copy, twice)))


def test_a_problem_names_the_line_of_the_signal(tiny_copy: Path) -> None:
    root = _with_signals(tiny_copy, GOOD.replace('"tiny@v1"]', '"tiny@v9"]', 1))
    with pytest.raises(QuestionnaireError) as raised:
        load_catalogue(root)
    assert f"{RISK_SIGNALS_NAME}:5" in str(raised.value)


def test_the_shipped_signals_cover_the_issues_examples() -> None:
    signals = SHIPPED.risk_signals
    assert signals.signals("cic-4-7@v1", "feel_safe", "never")
    assert signals.signals("cic-8-10@v1", "afraid_school_bullying", "all_or_most_of_the_time")
    assert signals.signals("cic-11-17@v1", "life_satisfaction", "0")
    assert signals.signals("leavers-16-25@v1", "lonely", "all_or_most_of_the_time")
    assert not signals.signals("cic-11-17@v1", "feel_safe", "sometimes")
    assert signals.signals("cic-4-7@v2", "safe_home_face", "sad")
    assert signals.signals("leavers-16-25@v2", "ons_life_satisfaction", "1")
    assert signals.signals("cic-11-17@v2", "lonely_how_often", "often_always")


def test_every_published_version_signposts_some_answers() -> None:
    keyed = {version_key for version_key, _item in SHIPPED.risk_signals.answers}
    assert [v.key for v in SHIPPED.published() if v.key not in keyed] == []


def test_every_published_version_asking_a_signalled_item_carries_the_signal() -> None:
    """A new version must list its signals before it is published (drafts reach no child):
    nothing carries over from the version before by itself."""
    signals = SHIPPED.risk_signals
    signalled = {item_id for _version, item_id in signals.answers}
    missing = [
        f"{version.key} {item.id}"
        for version in SHIPPED.published()
        for item in version.items
        if item.id in signalled and not signals.risk_answers(version.key, item.id)
    ]
    assert missing == []
