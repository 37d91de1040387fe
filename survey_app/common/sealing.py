"""Seal small values that must travel in the session cookie but never be readable there.

Flask's session cookie is signed, not encrypted: anyone holding it can base64-decode what it
carries. ``seal`` encrypts and authenticates a JSON value with Fernet (AES-128-CBC and
HMAC-SHA256, from ``cryptography``) under a key derived from ``SECRET_KEY`` for one purpose;
``unseal`` refuses anything altered, sealed for another purpose or older than ``max_age``.
"""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app


def _fernet(purpose: str) -> Fernet:
    secret = str(current_app.config["SECRET_KEY"]).encode("utf-8")
    hkdf = HKDF(algorithm=SHA256(), length=32, salt=None, info=f"care-voices {purpose}".encode())
    return Fernet(base64.urlsafe_b64encode(hkdf.derive(secret)))


def seal(value: Any, purpose: str) -> str:
    """``value`` (JSON-serialisable) encrypted for ``purpose``, as cookie-safe text."""
    return _fernet(purpose).encrypt(json.dumps(value).encode("utf-8")).decode("ascii")


def unseal(token: str, purpose: str, max_age: timedelta) -> Any | None:
    """The value sealed for ``purpose`` within ``max_age``; ``None`` if altered, old or foreign."""
    try:
        plain = _fernet(purpose).decrypt(token.encode("ascii"), ttl=int(max_age.total_seconds()))
    except (InvalidToken, UnicodeEncodeError):
        return None
    return json.loads(plain)
