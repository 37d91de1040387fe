"""Checks of meaning on one instrument file, after its shape has passed the JSON Schema.

Each check returns located problems instead of stopping at the first, so ``validate`` can list
everything an author needs to fix in one run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from questionnaires.located_yaml import JsonPath, LocatedDocument
from questionnaires.model import PREFER_NOT_TO_SAY
from questionnaires.problems import Problem

FIXED_CODES: dict[str, tuple[tuple[str, ...], ...]] = {
    "yes_no": (("yes", "no", "dont_know"),),
    "frequency": (("all_or_most_of_the_time", "sometimes", "hardly_ever", "never"),),
    # Five faces, or three (sad, in between, happy) for the youngest children, who find a
    # short scale easier to use than a long one.
    "faces": (
        ("very_sad", "sad", "in_between", "happy", "very_happy"),
        ("sad", "in_between", "happy"),
    ),
}
"""The option codes a standard type may offer: one of the listed sets, in that order."""
_SPACING = re.compile(r"^\s|\s$|  ")
_ABBREVIATION = re.compile(r"\b(e\.g|i\.e|etc)\b", re.IGNORECASE)

Item = dict[str, Any]


def _items(document: LocatedDocument) -> Iterator[tuple[JsonPath, Item]]:
    data = document.data
    assert isinstance(data, dict)
    for index, item in enumerate(data["items"]):
        yield ("items", index), item


def _option_values(item: Item) -> list[str]:
    return [option["value"] for option in item.get("options", [])]


def check_file_name(document: LocatedDocument, path: Path) -> Iterator[Problem]:
    """The file must sit at ``instruments/<instrument>/v<version>.yaml``."""
    data = document.data
    assert isinstance(data, dict)
    expected = (data["instrument"], f"v{data['version']}.yaml")
    if (path.parent.name, path.name) != expected:
        wanted = f"{expected[0]}/{expected[1]}"
        yield document.problem(
            ("instrument",), f"file should be named {wanted} to match its contents"
        )


def check_ages(document: LocatedDocument) -> Iterator[Problem]:
    """The age band must not be empty."""
    data = document.data
    assert isinstance(data, dict)
    if data["age_min"] > data["age_max"]:
        yield document.problem(("age_min",), "age_min is greater than age_max")


def check_unique_ids(document: LocatedDocument) -> Iterator[Problem]:
    """Item ids are unique in a version: answers are stored under them."""
    first_seen: dict[str, int | None] = {}
    for path, item in _items(document):
        item_id = str(item["id"])
        if item_id in first_seen:
            yield document.problem(
                (*path, "id"),
                f"duplicate item id {item_id!r} (first used on line {first_seen[item_id]})",
            )
        first_seen.setdefault(item_id, document.line((*path, "id")))


def check_options(document: LocatedDocument, faces_dir: Path) -> Iterator[Problem]:
    """Option codes are unique, not reserved, fixed for standard types, and faces have images."""
    for path, item in _items(document):
        values = _option_values(item)
        for value in {v for v in values if values.count(v) > 1}:
            yield document.problem((*path, "options"), f"duplicate option value {value!r}")
        if PREFER_NOT_TO_SAY in values:
            yield document.problem(
                (*path, "options"),
                "use 'prefer_not_to_say: true' instead of a prefer_not_to_say option",
            )
        yield from _check_fixed_codes(document, path, item, values)
        yield from _check_images(document, path, item, faces_dir)


def _check_fixed_codes(
    document: LocatedDocument, path: JsonPath, item: Item, values: list[str]
) -> Iterator[Problem]:
    allowed = FIXED_CODES.get(str(item["type"]))
    if allowed is not None and tuple(values) not in allowed:
        wanted = " or ".join(str(list(codes)) for codes in allowed)
        yield document.problem(
            (*path, "options"),
            f"a {item['type']} item must offer exactly {wanted} in that order",
        )


def _check_images(
    document: LocatedDocument, path: JsonPath, item: Item, faces_dir: Path
) -> Iterator[Problem]:
    for index, option in enumerate(item.get("options", [])):
        image = option.get("image")
        where = (*path, "options", index)
        if item["type"] == "faces" and image is None:
            yield document.problem(where, "every faces option needs an image")
        elif image is not None and not (faces_dir / image).is_file():
            yield document.problem(
                (*where, "image"), f"image {image!r} is not in {faces_dir.name}/"
            )


def check_show_if(document: LocatedDocument) -> Iterator[Problem]:
    """show_if may only look back: at an earlier item, and at values that item offers."""
    earlier: dict[str, Item] = {}
    all_ids = {str(item["id"]) for _, item in _items(document)}
    for path, item in _items(document):
        for index, condition in enumerate(item.get("show_if", [])):
            where = (*path, "show_if", index)
            yield from _check_condition(document, where, condition, earlier, all_ids)
        earlier.setdefault(str(item["id"]), item)


def _check_condition(
    document: LocatedDocument,
    where: JsonPath,
    condition: Item,
    earlier: dict[str, Item],
    all_ids: set[str],
) -> Iterator[Problem]:
    target = str(condition["item"])
    if target not in all_ids:
        yield document.problem((*where, "item"), f"show_if refers to unknown item {target!r}")
    elif target not in earlier:
        yield document.problem(
            (*where, "item"),
            f"show_if refers to {target!r}, which comes later; it may only use earlier answers",
        )
    else:
        offered = set(_option_values(earlier[target])) | {PREFER_NOT_TO_SAY}
        for value in condition["in"]:
            if value not in offered:
                yield document.problem(
                    (*where, "in"), f"show_if value {value!r} is not an option of {target!r}"
                )


def check_sensitive(document: LocatedDocument) -> Iterator[Problem]:
    """A sensitive question must let the respondent decline (R-UX-1)."""
    for path, item in _items(document):
        if (
            item.get("sensitive")
            and not item.get("prefer_not_to_say")
            and item["type"] != "free_text"
        ):
            yield document.problem(
                (*path, "sensitive"), "a sensitive item must offer prefer_not_to_say"
            )


def _texts(node: object, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("en", "cy") and isinstance(value, str):
                yield (*path, key), value
            else:
                yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*path, index))


def check_item_sources(document: LocatedDocument) -> Iterator[Problem]:
    """An item's ``source`` names only sources the file lists, so every citation resolves."""
    data = document.data
    assert isinstance(data, dict)
    listed = set(data.get("sources", {}))
    for path, item in _items(document):
        for index, source in enumerate(item.get("source", [])):
            if source not in listed:
                yield document.problem(
                    (*path, "source", index), f"source {source!r} is not listed under sources"
                )


def check_text(document: LocatedDocument) -> Iterator[Problem]:
    """No stray spaces, and no abbreviations like "e.g." that screen readers stumble over."""
    for path, text in _texts(document.data, ()):
        if _SPACING.search(text):
            yield document.problem(path, "text has a leading, trailing or double space")
        if _ABBREVIATION.search(text):
            yield document.problem(
                path, 'write "for example" or "that is" instead of an abbreviation'
            )


def instrument_problems(
    document: LocatedDocument, path: Path, faces_dir: Path
) -> tuple[Problem, ...]:
    """Every meaning problem in one schema-valid instrument document."""
    return (
        *check_file_name(document, path),
        *check_ages(document),
        *check_unique_ids(document),
        *check_options(document, faces_dir),
        *check_show_if(document),
        *check_sensitive(document),
        *check_item_sources(document),
        *check_text(document),
    )
