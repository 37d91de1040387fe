"""Staff password hashing with Argon2id (argon2-cffi's recommended parameters)."""

from __future__ import annotations

from argon2 import Parameters, PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def use_parameters(parameters: Parameters) -> None:
    """Hash new passwords with ``parameters`` from now on, in this process.

    The test suite calls this with ``argon2.profiles.CHEAPEST``: it creates thousands of staff
    users, and full-cost hashing made the staff tests three times slower. Verification is
    unaffected, because every hash records the parameters it was made with. The app itself
    never calls this, so production always hashes with the recommended parameters.
    """
    global _hasher
    _hasher = PasswordHasher.from_parameters(parameters)


def hash_password(password: str) -> str:
    """Return an Argon2id hash that embeds its own salt and parameters."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches; a wrong or malformed hash is simply ``False``."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
