"""Flask's signed-cookie sessions, with the signing serializer built once rather than per request.

Flask builds a new ``URLSafeTimedSerializer`` for every request that opens or saves the session,
and building one serializes an empty object to learn what kind of serializer it holds: about a
tenth of a respondent page's session handling, for the same answer every time
(``docs/scaling.md``). The serializer holds only the keys and settings, so one per set of keys
serves every request; a change of ``SECRET_KEY`` or its fallbacks builds a new one.
"""

from __future__ import annotations

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer

KeySet = tuple[object, tuple[object, ...]]


class SignedCookieSessions(SecureCookieSessionInterface):
    """``SecureCookieSessionInterface`` that keeps the serializer for each set of keys."""

    def __init__(self) -> None:
        self._serializers: dict[KeySet, URLSafeTimedSerializer | None] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """Flask's serializer for ``app``'s current keys, built on first use."""
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if keys not in self._serializers:
            self._serializers[keys] = super().get_signing_serializer(app)
        return self._serializers[keys]


def register_signed_cookies(app: Flask) -> None:
    """Serve ``app``'s sessions with ``SignedCookieSessions``."""
    app.session_interface = SignedCookieSessions()
