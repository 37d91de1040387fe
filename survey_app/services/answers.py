"""Checking a raw answer against its item, and turning stored answers back into values.

One validator serves the online journey and paper entry, so both store exactly the same codes.
Answers are stored as text: an option code for single-answer items, a JSON list of codes for
multi-choice, the text itself for free text. Labels are never stored (CR-6).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Protocol

from questionnaires import PREFER_NOT_TO_SAY, Item
from survey_app.common.control_characters import without_control_characters
from survey_app.services.user_errors import N_, UserError

RawValue = str | list[str] | tuple[str, ...]
# Free text without its own limit still has one, so no answer can grow without bound.
DEFAULT_TEXT_LIMIT = 1000
AnswerValue = str | tuple[str, ...]


class InvalidAnswerError(UserError):
    """The raw value cannot be stored for this item; the message says kindly what to do."""


def clean_text(raw: str) -> str:
    """Free text with Windows line endings unified, control characters removed, ends trimmed."""
    return without_control_characters(raw.replace("\r\n", "\n").replace("\r", "\n")).strip()


def stored_value(item: Item, raw: RawValue) -> str | None:
    """The text to store for ``raw``, or None when nothing was given (the item is skipped).

    Raises ``InvalidAnswerError`` for an unknown option, a list for a one-answer item, text over
    the item's limit, or "prefer not to say" mixed with other choices.
    """
    if item.type == "free_text":
        return _free_text(item, raw)
    if item.type == "multi_choice":
        return _multi_choice(item, raw)
    return _single_choice(item, raw)


def _as_list(raw: RawValue) -> list[str]:
    return [raw] if isinstance(raw, str) else list(raw)


def _single_choice(item: Item, raw: RawValue) -> str | None:
    values = [value for value in _as_list(raw) if value != ""]
    if not values:
        return None
    if len(values) > 1 or values[0] not in item.option_values:
        raise InvalidAnswerError(N_("Choose one of the answers shown, or skip this question"))
    return values[0]


def _multi_choice(item: Item, raw: RawValue) -> str | None:
    chosen = set(_as_list(raw)) - {""}
    if not chosen:
        return None
    if not chosen <= set(item.option_values):
        raise InvalidAnswerError(N_("Choose from the answers shown, or skip this question"))
    if PREFER_NOT_TO_SAY in chosen and len(chosen) > 1:
        raise InvalidAnswerError(N_("Choose ‘Prefer not to say’ on its own, or untick it"))
    return json.dumps([value for value in item.option_values if value in chosen])


def _free_text(item: Item, raw: RawValue) -> str | None:
    if not isinstance(raw, str):
        raise InvalidAnswerError(N_("Write your answer in the box, or skip this question"))
    text = clean_text(raw)
    if not text:
        return None
    limit = text_limit(item)
    if len(text) > limit:
        raise InvalidAnswerError(
            N_("Your answer must be %(count)s characters or fewer"), count=limit
        )
    return text


def text_limit(item: Item) -> int:
    """The most characters a free-text answer to ``item`` may have."""
    return item.max_length or DEFAULT_TEXT_LIMIT


def decoded_value(item: Item, stored: str) -> AnswerValue:
    """A stored answer in the form ``questionnaires`` routing expects (tuples for multi-choice)."""
    if item.type == "multi_choice":
        return tuple(json.loads(stored))
    return stored


class StoredAnswer(Protocol):
    """An answer as stored: an ``Answer`` row, or a query row of its item id and value."""

    @property
    def item_id(self) -> str: ...

    @property
    def value(self) -> str: ...


def answers_by_item(
    items: Iterable[Item], answers: Iterable[StoredAnswer]
) -> Mapping[str, AnswerValue]:
    """Stored answers keyed by item id, decoded; answers to items not in ``items`` are left out."""
    known = {item.id: item for item in items}
    return {
        answer.item_id: decoded_value(known[answer.item_id], answer.value)
        for answer in answers
        if answer.item_id in known
    }
