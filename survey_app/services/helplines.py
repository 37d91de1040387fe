"""Helplines by age and nation, from the maintained ``survey_app/data/helplines.yaml``.

The file is checked as a whole when it is read (JSON Schema for shape, then unique ids, sensible
age ranges and real "last checked" dates), so a typo in a phone number or a missing Welsh line
stops the app starting rather than reaching a child. Pages choose the services that fit the
respondent's questionnaire age band and the local authority's nation.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from questionnaires import LocalisedText

DATA = resources.files("survey_app.data")


class HelplineDataError(ValueError):
    """The helplines file cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("helplines.yaml: " + "; ".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Line:
    """A phone or text number, with when it is open; ``message`` is what to text, if anything."""

    number: str
    hours: LocalisedText
    message: str | None = None

    @property
    def tel(self) -> str:
        """The ``tel:`` address for a tap-to-call link."""
        return "tel:" + self.number.replace(" ", "")

    @property
    def sms(self) -> str:
        """The ``sms:`` address that opens a text to this number."""
        return "sms:" + self.number.replace(" ", "")


@dataclass(frozen=True, slots=True)
class Helpline:
    """One service, who it is for and every way to reach it."""

    id: str
    name: LocalisedText
    for_whom: LocalisedText
    ages: tuple[int, int]
    nations: frozenset[str]
    for_helping_adults: bool
    phone: Line | None
    welsh_phone: Line | None
    text: Line | None
    web_url: str
    web_label: LocalisedText
    source: str
    last_checked: date

    def fits(self, age_min: int, age_max: int, nation: str | None) -> bool:
        """True when the service's ages overlap the band and it covers the nation (any, if None)."""
        low, high = self.ages
        return low <= age_max and age_min <= high and (nation is None or nation in self.nations)


def _text(data: Mapping[str, str]) -> LocalisedText:
    return LocalisedText(data["en"], data["cy"])


def _line(data: Mapping[str, Any] | None) -> Line | None:
    if data is None:
        return None
    return Line(data["number"], _text(data["hours"]), data.get("message"))


def _helpline(entry: Mapping[str, Any]) -> Helpline:
    return Helpline(
        id=entry["id"],
        name=_text(entry["name"]),
        for_whom=_text(entry["for"]),
        ages=(entry["ages"]["min"], entry["ages"]["max"]),
        nations=frozenset(entry["nations"]),
        for_helping_adults=entry.get("for_helping_adults", False),
        phone=_line(entry.get("phone")),
        welsh_phone=_line(entry.get("welsh_phone")),
        text=_line(entry.get("text")),
        web_url=entry["web"]["url"],
        web_label=_text(entry["web"]["label"]),
        source=entry["source"],
        last_checked=date.fromisoformat(entry["last_checked"]),
    )


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(DATA.joinpath("helplines.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _meaning_problems(services: list[Mapping[str, Any]], today: date) -> Iterator[str]:
    seen: set[str] = set()
    for entry in services:
        name = entry["id"]
        if name in seen:
            yield f"{name}: the id is used twice"
        seen.add(name)
        if entry["ages"]["min"] > entry["ages"]["max"]:
            yield f"{name}: ages.min is above ages.max"
        try:
            checked = date.fromisoformat(entry["last_checked"])
        except ValueError:
            yield f"{name}: last_checked {entry['last_checked']!r} is not a real date"
            continue
        if checked > today:
            yield f"{name}: last_checked {checked} is in the future"


def parse_helplines(text: str, today: date) -> tuple[Helpline, ...]:
    """The services in ``text`` (the YAML file's content); raises ``HelplineDataError``."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise HelplineDataError([f"not valid YAML: {error}"]) from None
    problems = [
        f"{'/'.join(map(str, error.absolute_path)) or '(top level)'}: {error.message}"
        for error in _validator().iter_errors(data)
    ]
    if not problems:
        problems = list(_meaning_problems(data["services"], today))
    if problems:
        raise HelplineDataError(problems)
    return tuple(_helpline(entry) for entry in data["services"])


def read_helplines(path: Path | None = None) -> tuple[Helpline, ...]:
    """The checked services in ``path`` (default: the shipped file)."""
    source = path.read_text("utf-8") if path else DATA.joinpath("helplines.yaml").read_text("utf-8")
    return parse_helplines(source, date.today())


@cache
def shipped_helplines() -> tuple[Helpline, ...]:
    """The shipped services, read and checked once per process."""
    return read_helplines()


def helplines_for(
    services: tuple[Helpline, ...],
    *,
    ages: tuple[int, int] | None,
    nation: str | None,
    trusted_adult: bool,
) -> tuple[Helpline, ...]:
    """The services that fit a respondent, in the file's order.

    ``ages`` is the questionnaire's age band (None before one is chosen: every age); ``nation``
    the authority's (None when unknown: every nation). Services for helping adults are shown
    only when a grown-up helps a child answer, or when nothing is known about the respondent.
    """
    low, high = ages or (0, 120)
    helpers_welcome = trusted_adult or ages is None
    return tuple(
        service
        for service in services
        if service.fits(low, high, nation) and (helpers_welcome or not service.for_helping_adults)
    )
