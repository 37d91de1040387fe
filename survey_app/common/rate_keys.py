"""Rate-limit keys that never keep a client's IP address.

Flask-Limiter's usual key is the client IP, which is personal data. We key on a salted hash of
the address that changes every day, so the limiter's short-lived counters cannot be joined to a
person or to a response (methods.md §5.3 privacy note, R-DP-1).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from flask import current_app, request


def anonymous_rate_key() -> str:
    """Return a daily-salted hash of the client address, never the address itself."""
    day = datetime.now(UTC).date().isoformat()
    secret = current_app.config["SECRET_KEY"]
    raw = f"{secret}|{day}|{request.remote_addr or 'unknown'}".encode()
    return hashlib.sha256(raw).hexdigest()[:32]
