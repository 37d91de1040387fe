"""Turn checked plain data into the immutable model.

Only called on data that has passed the schema and the meaning checks, so it can trust shapes.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from questionnaires.model import (
    PREFER_NOT_TO_SAY,
    PREFER_NOT_TO_SAY_LABEL,
    BaseRule,
    Condition,
    Indicator,
    InstrumentVersion,
    Item,
    LocalisedText,
    Option,
)
from questionnaires.thresholds import band_values

Data = dict[str, Any]


def text(data: Data) -> LocalisedText:
    """A ``{en, cy}`` mapping as ``LocalisedText``."""
    return LocalisedText(en=data["en"], cy=data.get("cy"))


def _optional_text(data: Data | None) -> LocalisedText | None:
    return None if data is None else text(data)


def _scale_options(ends: Data) -> tuple[Option, ...]:
    labels = {0: text(ends["low"]), 10: text(ends["high"])}
    return tuple(Option(str(score), labels.get(score)) for score in range(11))


def _options(data: Data) -> tuple[Option, ...]:
    if data["type"] == "scale_0_10":
        options = _scale_options(data["ends"])
    else:
        options = tuple(
            Option(o["value"], text(o["label"]), o.get("image")) for o in data.get("options", [])
        )
    if data.get("prefer_not_to_say"):
        options += (Option(PREFER_NOT_TO_SAY, PREFER_NOT_TO_SAY_LABEL),)
    return options


def conditions(data: list[Data] | None) -> tuple[Condition, ...]:
    """``[{item, in: [...]}, ...]`` as conditions that must all hold."""
    return tuple(Condition(c["item"], frozenset(c["in"])) for c in data or ())


def item(data: Data) -> Item:
    """One item from its YAML mapping."""
    return Item(
        id=str(data["id"]),
        type=str(data["type"]),
        text=text(data["text"]),
        hint=_optional_text(data.get("hint")),
        read_aloud=_optional_text(data.get("read_aloud")),
        sensitive=bool(data.get("sensitive", False)),
        prefer_not_to_say=bool(data.get("prefer_not_to_say", False)),
        answered_by=str(data.get("answered_by", "child")),
        options=_options(data),
        max_length=data.get("max_length"),
        show_if=conditions(data.get("show_if")),
        domain=data.get("domain"),
    )


def instrument_version(data: Data, content_hash: str) -> InstrumentVersion:
    """One instrument version from its YAML document and the hash of its bytes."""
    return InstrumentVersion(
        instrument=str(data["instrument"]),
        version=int(data["version"]),
        status=str(data["status"]),
        content_hash=content_hash,
        audience=str(data["audience"]),
        age_min=int(data["age_min"]),
        age_max=int(data["age_max"]),
        title=text(data["title"]),
        intro=text(data["intro"]),
        minutes=int(data["minutes"]),
        items=tuple(item(entry) for entry in data["items"]),
        languages=tuple(data["languages"]),
        trusted_adult=bool(data["trusted_adult"]),
        translation_review=MappingProxyType(dict(data.get("translation_review", {}))),
        helper_briefing=bool(data.get("helper_briefing", False)),
    )


def positive_values(data: list[str] | Data) -> frozenset[str]:
    """A positive set: a list of codes, or an ONS band resolved through ``thresholds``."""
    if isinstance(data, dict):
        ((kind, name),) = data.items()
        return band_values(kind, name)
    return frozenset(data)


def indicator(data: Data) -> Indicator:
    """One indicator from its YAML mapping."""
    base: Data = data.get("base", {})
    return Indicator(
        id=str(data["id"]),
        domain=str(data["domain"]),
        label=text(data["label"]),
        sources=MappingProxyType(dict(data["sources"])),
        positive=positive_values(data["positive"]),
        base=BaseRule(
            excluded=frozenset((*base.get("exclude", ()), PREFER_NOT_TO_SAY)),
            when=conditions(base.get("when")),
        ),
        direction=str(data["direction"]),
        benchmark=data.get("benchmark"),
    )
