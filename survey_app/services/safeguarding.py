"""Spotting free text that suggests risk, so a person reads it soon (docs/sources.md B10).

The check is deliberately simple and over-inclusive: a maintained list of phrases, matched as
whole words with case and punctuation ignored. A match only flags the answer for the moderation
queue and shows the respondent help; it never blocks or changes what they wrote.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_NOT_LETTERS = re.compile(r"[^\w]+")
_APOSTROPHES = str.maketrans({"’": "", "‘": "", "'": ""})


def _words(text: str) -> str:
    """Lower-case words joined by single spaces, padded with a space for whole-word tests."""
    plain = text.casefold().translate(_APOSTROPHES).replace("_", " ")
    return f" {_NOT_LETTERS.sub(' ', plain).strip()} "


@cache
def risk_phrases() -> tuple[str, ...]:
    """The maintained phrases, normalised like the text they are matched against."""
    source = resources.files("survey_app.data").joinpath("safeguarding_phrases.txt")
    lines = source.read_text("utf-8").splitlines()
    return tuple(_words(line) for line in lines if line.strip() and not line.startswith("#"))


def suggests_risk(text: str) -> bool:
    """True when ``text`` holds a risk phrase as whole words (``hits me``, not ``hitsme``)."""
    words = _words(text)
    return any(phrase in words for phrase in risk_phrases())
