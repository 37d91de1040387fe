"""What each indicator means, in children's words, from ``survey_app/data/child_phrases.yaml``.

The children's "you said, we will" page and postcards must not use the report's labels
("Knows who their social worker is"): those are written about children, for adults. Each
indicator has a second-person clause in English and its reported form in Welsh instead. The file
is checked against the catalogue when the app starts, so an indicator an action may be linked
to always has a phrase in both languages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

import yaml

from questionnaires import LocalisedText

DATA = resources.files("survey_app.data")
LANGUAGES = ("en", "cy")


class ChildPhraseError(ValueError):
    """The phrases file does not fit the catalogue; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("child_phrases.yaml: " + "; ".join(problems))
        self.problems = problems


def parse_child_phrases(text: str) -> dict[str, LocalisedText]:
    """Indicator id -> its phrase, from the YAML ``text``; missing languages are left empty
    for ``check_child_phrases`` to report."""
    raw = yaml.safe_load(text) or {}
    return {
        str(indicator): LocalisedText(
            en=str(entry.get("en") or "").strip(), cy=str(entry.get("cy") or "").strip() or None
        )
        for indicator, entry in raw.items()
    }


def check_child_phrases(phrases: Mapping[str, LocalisedText], indicator_ids: Iterable[str]) -> None:
    """Raise ``ChildPhraseError`` unless every indicator has a phrase in English and Welsh
    and the file names no indicator the catalogue lacks."""
    wanted = set(indicator_ids)
    problems = [f"{i}: no phrase" for i in sorted(wanted - set(phrases))]
    problems += [f"{i}: not an indicator" for i in sorted(set(phrases) - wanted)]
    problems += [
        f"{i}: no {lang} phrase"
        for i, phrase in sorted(phrases.items())
        for lang in LANGUAGES
        if not phrase.has(lang)
    ]
    if problems:
        raise ChildPhraseError(problems)


@cache
def shipped_child_phrases() -> Mapping[str, LocalisedText]:
    """The phrases shipped with the app (read once)."""
    return parse_child_phrases(DATA.joinpath("child_phrases.yaml").read_text("utf-8"))
