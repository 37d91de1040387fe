"""Memorable word access codes: made, normalised, hashed and looked up.

A code such as ``otter-maple-42`` is easy to read aloud in a classroom and to type on a phone.
Only its SHA-256 hash is stored (R-DP-3); a code is shared by a batch of respondents and never
identifies a child. Normalising forgives case, spaces and stray punctuation.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import date
from functools import cache
from importlib import resources

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AccessCode, SurveyRound

_SEPARATORS = re.compile(r"[^a-z0-9]+")


@cache
def code_words() -> tuple[str, ...]:
    """The word list codes are drawn from: short, concrete and friendly."""
    text = resources.files("survey_app.data").joinpath("code_words.txt").read_text("utf-8")
    return tuple(word for word in text.split() if word)


def generate_code() -> str:
    """Two words and a two-digit number, e.g. ``otter-maple-42`` (about 1.9 million codes)."""
    words = code_words()
    return f"{secrets.choice(words)}-{secrets.choice(words)}-{secrets.randbelow(90) + 10}"


def normalise_code(raw: str) -> str:
    """Lower-case and hyphenate the words: ``" Otter Maple 42"`` becomes ``otter-maple-42``."""
    return _SEPARATORS.sub("-", raw.strip().lower()).strip("-")


def hash_code(raw: str) -> str:
    """The stored form of a code: SHA-256 of its normalised text."""
    return hashlib.sha256(normalise_code(raw).encode("utf-8")).hexdigest()


def issue_access_code(
    session: Session, survey_round: SurveyRound, label: str, audience: str | None = None
) -> tuple[AccessCode, str]:
    """Create a code for ``survey_round``; return the row and the clear code, shown only once."""
    while True:
        clear = generate_code()
        digest = hash_code(clear)
        if session.scalar(select(AccessCode.id).where(AccessCode.code_hash == digest)) is None:
            break
    code = AccessCode(
        round=survey_round,
        code_hash=digest,
        label=label,
        audience=audience,
        created_on=date.today(),
    )
    session.add(code)
    session.flush()
    return code, clear


def find_access_code(session: Session, raw: str) -> AccessCode | None:
    """Look a typed code up by its hash; ``None`` when no such code exists."""
    return session.scalar(select(AccessCode).where(AccessCode.code_hash == hash_code(raw)))
