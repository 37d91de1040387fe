"""Checks that need the whole catalogue: indicators against instruments, and shared item ids.

An indicator is only meaningful if the item it names exists and offers every answer it scores,
and a cross-band comparison only holds if an item id means the same thing in every instrument.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from questionnaires.build import positive_values
from questionnaires.located_yaml import JsonPath, LocatedDocument
from questionnaires.model import PREFER_NOT_TO_SAY, InstrumentVersion, Item
from questionnaires.problems import Problem

SINGLE_ANSWER_TYPES = frozenset(
    {"yes_no", "frequency", "count_band", "scale_0_10", "faces", "single_choice"}
)


def _indicators(document: LocatedDocument) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    data = document.data
    assert isinstance(data, dict)
    for index, entry in enumerate(data["indicators"]):
        yield ("indicators", index), entry


def check_unique_indicator_ids(document: LocatedDocument) -> Iterator[Problem]:
    """Indicator ids are unique: reports and benchmarks key on them."""
    seen: set[str] = set()
    for path, entry in _indicators(document):
        if entry["id"] in seen:
            yield document.problem((*path, "id"), f"duplicate indicator id {entry['id']!r}")
        seen.add(entry["id"])


def check_sources(
    document: LocatedDocument,
    versions: Mapping[str, InstrumentVersion],
    unreadable: frozenset[str] = frozenset(),
) -> Iterator[Problem]:
    """Every source names a known instrument and an item at least one of its versions asks.

    Instruments in ``unreadable`` already have their own problems, so they are not checked here.
    """
    for path, entry in _indicators(document):
        for instrument, item_id in entry["sources"].items():
            if instrument in unreadable:
                continue
            where = (*path, "sources", instrument)
            asking = [v for v in versions.values() if v.instrument == instrument]
            if not asking:
                yield document.problem(where, f"unknown instrument {instrument!r}")
            elif not any(v.has_item(item_id) for v in asking):
                yield document.problem(
                    where, f"item {item_id!r} is absent from instrument {instrument!r}"
                )
            for version in (v for v in asking if v.has_item(item_id)):
                yield from _check_scoring(document, path, entry, version.item(item_id), version)


def _check_scoring(
    document: LocatedDocument,
    path: JsonPath,
    entry: dict[str, Any],
    item: Item,
    version: InstrumentVersion,
) -> Iterator[Problem]:
    where = f"item {item.id!r} in {version.key}"
    if item.type not in SINGLE_ANSWER_TYPES:
        yield document.problem(
            (*path, "sources"), f"{where} is {item.type}; indicators read one answer"
        )
        return
    offered = set(item.option_values)
    for value in sorted(positive_values(entry["positive"]) - offered):
        yield document.problem(
            (*path, "positive"), f"positive value {value!r} is not an option of {where}"
        )
    base = entry.get("base", {})
    for value in sorted(set(base.get("exclude", ())) - offered):
        yield document.problem(
            (*path, "base", "exclude"), f"excluded value {value!r} is not an option of {where}"
        )
    for index, condition in enumerate(base.get("when", ())):
        yield from _check_base_condition(
            document, (*path, "base", "when", index), condition, version
        )


def _check_base_condition(
    document: LocatedDocument,
    where: JsonPath,
    condition: dict[str, Any],
    version: InstrumentVersion,
) -> Iterator[Problem]:
    if not version.has_item(condition["item"]):
        yield document.problem(
            where, f"base item {condition['item']!r} is absent from {version.key}"
        )
        return
    offered = set(version.item(condition["item"]).option_values) | {PREFER_NOT_TO_SAY}
    for value in sorted(set(condition["in"]) - offered):
        yield document.problem(
            where, f"base value {value!r} is not an option of {condition['item']!r}"
        )


def check_shared_items(
    documents: Mapping[str, LocatedDocument], versions: Mapping[str, InstrumentVersion]
) -> Iterator[Problem]:
    """An item id used in several instruments has the same type and option codes in each.

    Only the latest version of each instrument is compared: a new version may change an item
    (losing comparability, which ``diff`` reports), and other bands follow in their own time.
    """
    latest = {v.instrument: v for v in sorted(versions.values(), key=lambda v: v.version)}
    first: dict[str, tuple[str, Item]] = {}
    for version in latest.values():
        key = version.key
        for index, item in enumerate(version.items):
            seen_key, seen = first.setdefault(item.id, (key, item))
            if (seen.type, seen.option_values) != (item.type, item.option_values):
                yield documents[key].problem(
                    ("items", index, "id"),
                    f"item {item.id!r} has different type or options from {seen_key}; use a new id",
                )
