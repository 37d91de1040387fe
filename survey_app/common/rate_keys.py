"""Rate-limit keys that never keep a client's IP address.

Flask-Limiter's usual key is the client IP, which is personal data. We key on a salted hash of
the address that changes every day, so the limiter's short-lived counters cannot be joined to a
person or to a response (docs/sources.md P1, R-DP-1).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from flask import current_app, request
from flask_login import current_user


def anonymous_rate_key() -> str:
    """Return a daily-salted hash of the client address, never the address itself."""
    day = datetime.now(UTC).date().isoformat()
    secret = current_app.config["SECRET_KEY"]
    raw = f"{secret}|{day}|{request.remote_addr or 'unknown'}".encode()
    return hashlib.sha256(raw).hexdigest()[:32]


def staff_account_rate_key() -> str:
    """Key a staff limit on the account id alone, so signing out and in again cannot reset it.

    ``current_user.get_id()`` would also carry the session token, which changes at sign-out.
    """
    return f"staff-{current_user.id}"
