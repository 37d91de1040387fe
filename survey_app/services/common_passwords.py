"""The staff password rule: at least 12 characters, at most 256, and not a common password.

Long passphrases are welcome (NCSC and NIST SP 800-63B advice); there are no composition rules.
The common-password list ships in ``survey_app/data/common_passwords.txt`` with its source.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from survey_app.services.user_errors import N_

MIN_LENGTH = 12
MAX_LENGTH = 256


@cache
def common_passwords() -> frozenset[str]:
    """The refused passwords, lower-cased, one per line of the shipped file."""
    text = resources.files("survey_app.data").joinpath("common_passwords.txt").read_text("utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_common(password: str) -> bool:
    """True when ``password`` (ignoring case and surrounding spaces) is on the list."""
    return password.strip().lower() in common_passwords()


def password_problem(password: str) -> str | None:
    """The message id (English, translated where it is shown) of the rule ``password`` breaks,
    else ``None``."""
    if len(password) < MIN_LENGTH:
        return N_("Password must be 12 characters or more")
    if len(password) > MAX_LENGTH:
        return N_("Password must be 256 characters or fewer")
    if is_common(password):
        return N_("Choose a password that is harder to guess: this one is very common")
    return None
