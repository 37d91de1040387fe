"""Which questions a respondent sees, given their answers so far.

Pure and order-preserving. ``show_if`` may only look at earlier items (``checks.py`` enforces
this), so one pass in order decides everything. An answer to a hidden item is ignored, so hiding
a question also hides the questions that depend on it; the survey app drops such answers.
"""

from __future__ import annotations

from collections.abc import Mapping

from questionnaires.model import InstrumentVersion, Item


def visible_items(version: InstrumentVersion, answers: Mapping[str, object]) -> tuple[Item, ...]:
    """The items shown, in order, for these answers (keyed by item id; skipped = absent)."""
    visible: list[Item] = []
    effective: dict[str, object] = {}
    for item in version.items:
        if all(condition.holds(effective) for condition in item.show_if):
            visible.append(item)
            if item.id in answers:
                effective[item.id] = answers[item.id]
    return tuple(visible)
