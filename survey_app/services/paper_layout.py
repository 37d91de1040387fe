"""Question numbers and routing in words, shared by the printed questionnaire and the entry form.

Numbers run 1, 2, 3 ... through an instrument version's items in order, so the printed copy, the
entry form and the "key again" check all call a question by the same number. Routing (``show_if``)
becomes two kinds of instruction a young person can follow on paper:

- after a question that opens a run of follow-up questions: "If you answered No or I don't
  know, go to question 9" (the answers that skip the whole run);
- on each follow-up question: "Answer this only if you answered Yes to question 5".

Everything here is pure: labels come in the language asked for, and the sentences are built by
the caller from its own translated templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from questionnaires import InstrumentVersion, Item, Option


@dataclass(frozen=True)
class Route:
    """An instruction about question ``number``: ``answers`` are the labels it names.

    For a "go to" route, ``number`` is the question to go to (``None``: the end); for an "only
    if" route, it is the earlier question whose answer decides.
    """

    answers: tuple[str, ...]
    number: int | None


def question_numbers(version: InstrumentVersion) -> dict[str, int]:
    """Each item id's question number, from 1, in the version's order."""
    return {item.id: number for number, item in enumerate(version.items, start=1)}


def option_label(option: Option, language: str) -> str:
    """The option's words in ``language`` (English when untranslated), else its value ("7")."""
    if option.label is None:
        return option.value
    return option.label.get(language) if option.label.has(language) else option.label.en


def item_text(item: Item, language: str) -> str:
    """The question's wording in ``language``, English when it has no such translation."""
    return item.text.get(language) if item.text.has(language) else item.text.en


def only_if_routes(version: InstrumentVersion, item: Item, language: str) -> list[Route]:
    """One route per condition of ``item``: the answers to an earlier question that show it."""
    numbers = question_numbers(version)
    routes = []
    for condition in item.show_if:
        source = version.item(condition.item)
        answers = tuple(
            option_label(option, language)
            for option in source.options
            if option.value in condition.values
        )
        routes.append(Route(answers, numbers[condition.item]))
    return routes


def go_to_route(version: InstrumentVersion, item: Item, language: str) -> Route | None:
    """Where to go after ``item`` when an answer skips the follow-up questions right after it.

    The follow-ups are the unbroken run of later items with a condition on ``item``; an answer
    that none of their conditions accepts skips the run. ``None`` when no run follows.
    """
    items = version.items
    start = items.index(item) + 1
    end = start
    shown_by: set[str] = set()
    while end < len(items) and _conditions_on(items[end], item.id):
        shown_by |= _conditions_on(items[end], item.id)
        end += 1
    if end == start:
        return None
    skipping = tuple(
        option_label(option, language) for option in item.options if option.value not in shown_by
    )
    if not skipping:
        return None
    return Route(skipping, end + 1 if end < len(items) else None)


def _conditions_on(item: Item, source_id: str) -> set[str]:
    """The answers to ``source_id`` that ``item``'s conditions accept (empty: no condition)."""
    return {
        value
        for condition in item.show_if
        if condition.item == source_id
        for value in condition.values
    }


def joined(answers: tuple[str, ...], or_word: str) -> str:
    """Quoted answers joined for a sentence: "“No” or “I don't know”"."""
    quoted = [f"“{answer}”" for answer in answers]
    if len(quoted) == 1:
        return quoted[0]
    return f"{', '.join(quoted[:-1])} {or_word} {quoted[-1]}"
