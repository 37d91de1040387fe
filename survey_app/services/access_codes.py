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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.models import AccessCode, StaffUser, SurveyRound
from survey_app.services.audit import record_event
from survey_app.services.user_errors import N_, UserError

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


MAX_BATCH = 50


class CodeBatchError(UserError):
    """A batch that cannot be issued; the message is for the officer."""


def issues_codes(survey_round: SurveyRound) -> bool:
    """True while codes can be made for the round: it is a draft or open.

    Pages read this rule from here (a template global) rather than repeating it.
    """
    return survey_round.status in ("draft", "open")


def label_in_use(session: Session, survey_round: SurveyRound, label: str) -> bool:
    """True when the round already has codes with this label (ignoring case and spaces)."""
    query = select(AccessCode.id).where(
        AccessCode.round_id == survey_round.id,
        func.lower(AccessCode.label) == label.strip().lower(),
    )
    return session.scalar(query.limit(1)) is not None


def issue_batch(
    session: Session,
    actor: StaffUser,
    survey_round: SurveyRound,
    *,
    label: str,
    audience: str | None,
    count: int,
) -> list[tuple[int, str]]:
    """Issue ``count`` codes sharing ``label`` for a draft or open round; return each code's
    number (its row id, shown as "#42" on the codes page) and its clear text.

    The clear codes exist only in the return value: the caller shows them once (R-DP-3).
    """
    if not issues_codes(survey_round):
        raise CodeBatchError(N_("Codes can only be made for a draft or open round"))
    if label_in_use(session, survey_round, label):
        raise CodeBatchError(N_("This round already has codes with this label: choose another"))
    issued = [
        issue_access_code(session, survey_round, label.strip(), audience) for _ in range(count)
    ]
    record_event(
        session,
        actor,
        "codes.issued",
        subject=f"round {survey_round.id}: {label.strip()}",
        authority_id=survey_round.local_authority_id,
        detail=f"{count} codes, audience {audience or 'any'}",
    )
    return [(code.id, clear) for code, clear in issued]


def revoke_code(session: Session, actor: StaffUser, code: AccessCode) -> None:
    """Stop a code admitting anyone; responses already given with it are kept."""
    code.is_revoked = True
    session.flush()
    record_event(
        session,
        actor,
        "codes.revoked",
        subject=f"round {code.round_id}: {code.label} (code {code.id})",
        authority_id=code.round.local_authority_id,
    )


def codes_of_round(session: Session, survey_round: SurveyRound) -> list[AccessCode]:
    """The round's codes (hashes only), grouped by label."""
    query = select(AccessCode).where(AccessCode.round_id == survey_round.id)
    return list(session.scalars(query.order_by(AccessCode.label, AccessCode.id)))
