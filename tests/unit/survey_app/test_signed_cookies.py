"""Sessions keep one signing serializer per set of keys, and still follow a change of keys."""

from __future__ import annotations

from flask import Flask, session

from survey_app.common.signed_cookies import SignedCookieSessions, register_signed_cookies


def a_session_app(secret: str) -> Flask:
    """A bare app that stores ``name`` in the session and shows it back."""
    app = Flask(__name__)
    app.secret_key = secret
    register_signed_cookies(app)

    @app.post("/remember/<name>")
    def remember(name: str) -> str:
        session["name"] = name
        return "ok"

    @app.get("/name")
    def name() -> str:
        return session.get("name", "nobody")

    return app


def test_the_session_round_trips_through_one_kept_serializer() -> None:
    app = a_session_app("first-key-long-enough-to-sign-with")
    client = app.test_client()
    client.post("/remember/Sam")
    assert client.get("/name").text == "Sam"
    interface = app.session_interface
    assert isinstance(interface, SignedCookieSessions)
    assert interface.get_signing_serializer(app) is interface.get_signing_serializer(app)


def test_a_new_secret_key_refuses_old_cookies_unless_it_is_a_fallback() -> None:
    app = a_session_app("first-key-long-enough-to-sign-with")
    client = app.test_client()
    client.post("/remember/Sam")
    app.secret_key = "second-key-long-enough-to-sign-with"
    assert client.get("/name").text == "nobody"
    app.config["SECRET_KEY_FALLBACKS"] = ["first-key-long-enough-to-sign-with"]
    assert client.get("/name").text == "Sam"
