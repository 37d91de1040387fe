"""Checks that ``risk_signals.yaml`` names items and answers the instrument versions really have.

A signal that pointed at a missing item or a misspelt code would silently never show the support
page, so every one is checked against each version it names when the catalogue loads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from questionnaires.located_yaml import JsonPath, LocatedDocument
from questionnaires.model import PREFER_NOT_TO_SAY, InstrumentVersion
from questionnaires.problems import Problem

CHOICE_TYPES = frozenset(
    {"yes_no", "frequency", "count_band", "scale_0_10", "faces", "single_choice", "multi_choice"}
)


def _signals(document: LocatedDocument) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    data = document.data
    assert isinstance(data, dict)
    for index, entry in enumerate(data["signals"]):
        yield ("signals", index), entry


def check_risk_signals(
    document: LocatedDocument,
    versions: Mapping[str, InstrumentVersion],
    unreadable: frozenset[str] = frozenset(),
) -> Iterator[Problem]:
    """Each named version exists and asks the item as a choice offering every listed answer.

    Versions of instruments in ``unreadable`` already have their own problems and are skipped.
    """
    seen: set[tuple[str, str]] = set()
    for path, entry in _signals(document):
        for index, key in enumerate(entry["versions"]):
            where = (*path, "versions", index)
            if key.split("@")[0] in unreadable:
                continue
            if (key, entry["item"]) in seen:
                yield document.problem(where, f"{entry['item']!r} in {key} is listed twice")
            seen.add((key, entry["item"]))
            if key not in versions:
                yield document.problem(where, f"unknown instrument version {key!r}")
                continue
            yield from _check_answers(document, path, entry, versions[key])


def _check_answers(
    document: LocatedDocument, path: JsonPath, entry: dict[str, Any], version: InstrumentVersion
) -> Iterator[Problem]:
    if not version.has_item(entry["item"]):
        yield document.problem(
            (*path, "item"), f"item {entry['item']!r} is absent from {version.key}"
        )
        return
    item = version.item(entry["item"])
    if item.type not in CHOICE_TYPES:
        yield document.problem(
            (*path, "item"),
            f"item {item.id!r} in {version.key} is {item.type}; signals need choices",
        )
        return
    for code in entry["answers"]:
        if code == PREFER_NOT_TO_SAY:
            yield document.problem((*path, "answers"), "prefer_not_to_say never signals risk")
        elif code not in item.option_values:
            yield document.problem(
                (*path, "answers"),
                f"answer {code!r} is not an option of {item.id!r} in {version.key}",
            )
