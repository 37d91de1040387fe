"""Readable text for people: an outline of one version, and the difference between two.

Kept apart from the CLI so the wording can be tested without running commands.
"""

from __future__ import annotations

from collections.abc import Iterator

from questionnaires.catalogue import Catalogue
from questionnaires.fingerprint import comparable
from questionnaires.model import Indicator, InstrumentVersion, Item


def summary_line(version: InstrumentVersion) -> str:
    """One line for ``list``: key, status, audience, ages, item count and languages offered."""
    return (
        f"{version.key:<20} {version.status:<10} {version.audience:<12} "
        f"ages {version.age_min}-{version.age_max:<3} {len(version.items):>3} items  "
        f"languages: {', '.join(version.complete_languages())}"
    )


def _flags(item: Item) -> str:
    flags = [item.type]
    flags += ["sensitive"] if item.sensitive else []
    flags += ["answered by adult"] if item.answered_by == "adult" else []
    flags += [f"max {item.max_length} characters"] if item.max_length else []
    flags += [f"shown if {c.item} in {sorted(c.values)}" for c in item.show_if]
    return "; ".join(flags)


def outline(version: InstrumentVersion, indicators: tuple[Indicator, ...]) -> Iterator[str]:
    """Lines describing ``version`` item by item, with the indicators each item feeds."""
    yield f"{version.key}: {version.title.en} ({version.status}, {version.content_hash})"
    ages = f"ages {version.age_min}-{version.age_max}"
    yield f"  {version.audience}, {ages}, about {version.minutes} minutes"
    yield f"  languages offered: {', '.join(version.complete_languages())}"
    for number, item in enumerate(version.items, start=1):
        yield f"{number:>3}. {item.id} [{_flags(item)}]"
        yield f"     {item.text.en}"
        if item.options:
            yield f"     options: {' | '.join(item.option_values)}"
        feeds = [i.id for i in indicators if i.sources.get(version.instrument) == item.id]
        if feeds:
            yield f"     indicators: {', '.join(feeds)}"


_COMPARED = {
    "type": "type",
    "option_values": "option codes",
    "show_if": "show_if",
    "sensitive": "sensitive",
    "prefer_not_to_say": "prefer not to say",
    "answered_by": "answered by",
}


def _changes(old: Item, new: Item) -> list[str]:
    changed = [
        label for name, label in _COMPARED.items() if getattr(old, name) != getattr(new, name)
    ]
    english = (old.text.en, old.hint, old.read_aloud) != (new.text.en, new.hint, new.read_aloud)
    changed += ["English text"] if english else []
    changed += ["Welsh text"] if old.text.cy != new.text.cy else []
    relabelled = old.options != new.options and old.option_values == new.option_values
    changed += ["option labels"] if relabelled else []
    return changed


_VERSION_FIELDS = {
    "audience": "audience",
    "age_min": "lowest age",
    "age_max": "highest age",
    "trusted_adult": "trusted adult",
    "helper_briefing": "helper's page",
    "minutes": "minutes",
    "languages": "languages",
    "translation_review": "translation review",
}


def version_differences(a: InstrumentVersion, b: InstrumentVersion) -> Iterator[str]:
    """A line naming what changed about the version as a whole (ages, title, Welsh review...),
    so ``diff`` lists every change and not only the items'."""
    changed = [
        label for name, label in _VERSION_FIELDS.items() if getattr(a, name) != getattr(b, name)
    ]
    changed += (
        ["English title or introduction"]
        if (a.title.en, a.intro.en)
        != (
            b.title.en,
            b.intro.en,
        )
        else []
    )
    changed += (
        ["Welsh title or introduction"]
        if (a.title.cy, a.intro.cy)
        != (
            b.title.cy,
            b.intro.cy,
        )
        else []
    )
    if changed:
        yield f"~ changed the version: {', '.join(changed)}"


def item_differences(a: InstrumentVersion, b: InstrumentVersion) -> Iterator[str]:
    """Lines naming items removed, added and changed from ``a`` to ``b``."""
    ids_a, ids_b = {i.id for i in a.items}, {i.id for i in b.items}
    yield from (f"- removed {item_id}" for item_id in sorted(ids_a - ids_b))
    yield from (f"+ added {item_id}" for item_id in sorted(ids_b - ids_a))
    for item in b.items:
        if item.id in ids_a and (changes := _changes(a.item(item.id), item)):
            yield f"~ changed {item.id}: {', '.join(changes)}"


def lost_comparability(
    catalogue: Catalogue, a: InstrumentVersion, b: InstrumentVersion
) -> tuple[Indicator, ...]:
    """Indicators that read either version but cannot compare ``a`` with ``b``."""
    reading = [i for i in catalogue.indicators if i.source_item(a) or i.source_item(b)]
    return tuple(i for i in reading if not comparable(i, a, b))


def difference(catalogue: Catalogue, a: InstrumentVersion, b: InstrumentVersion) -> Iterator[str]:
    """Lines for ``diff``: item changes, then the indicators that lose comparability."""
    yield f"{a.key} -> {b.key}"
    changes = [*version_differences(a, b), *item_differences(a, b)]
    yield from changes or ["no item changes"]
    lost = lost_comparability(catalogue, a, b)
    if lost:
        yield "indicators that lose comparability:"
        yield from (f"  {indicator.id}" for indicator in lost)
    else:
        yield "every indicator stays comparable"
