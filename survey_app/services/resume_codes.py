"""Resume codes: words a respondent can write down to carry on later, on any device.

Only the SHA-256 hash of a code is stored (like access codes, R-DP-3), on the response itself.
A code has three words and a number (about 275 million codes), is entered with the same
forgiving normalisation as access codes, and is rate limited where it is typed. Asking again
replaces the old code. A completed response cannot be resumed.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from survey_app.models import Response
from survey_app.services.access_codes import code_words, hash_code, normalise_code


def generate_resume_code() -> str:
    """Three words and a two-digit number, e.g. ``otter-maple-acorn-42``."""
    words = [secrets.choice(code_words()) for _ in range(3)]
    return f"{'-'.join(words)}-{secrets.randbelow(90) + 10}"


def issue_resume_code(session: Session, response: Response) -> str:
    """Give ``response`` a new resume code and return it in clear, to be shown once."""
    while True:
        clear = generate_resume_code()
        digest = hash_code(clear)
        taken = select(Response.id).where(Response.resume_code_hash == digest)
        if session.scalar(taken) is None:
            break
    response.resume_code_hash = digest
    session.flush()
    return clear


def find_resumable(session: Session, raw: str) -> Response | None:
    """The in-progress response for a typed resume code, with its round; None if there is none."""
    if not normalise_code(raw):
        return None
    return session.scalar(
        select(Response)
        .options(joinedload(Response.round))
        .where(Response.resume_code_hash == hash_code(raw), Response.status == "in_progress")
    )
