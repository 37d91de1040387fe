"""Security headers on every response (R-SEC-1): a nonce CSP, no framing, no sniffing.

Also one input guard that has to run before the CSRF check: see ``refuse_nameless_form_fields``.
"""

from __future__ import annotations

import secrets

from flask import Flask, Response, abort, g, request

PERMISSIONS_POLICY = "geolocation=(), camera=(), microphone=(), payment=(), browsing-topics=()"


def csp_nonce() -> str:
    """Return this request's CSP nonce (made fresh by ``_new_nonce`` for every request)."""
    if "csp_nonce" not in g:
        _new_nonce()
    return g.csp_nonce


def _new_nonce() -> None:
    g.csp_nonce = secrets.token_urlsafe(16)


def content_security_policy(nonce: str) -> str:
    """Allow only our own resources, and inline script only with this request's nonce."""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def refuse_nameless_form_fields() -> None:
    """400 for a posted form with a field that has no readable name.

    A multipart part whose name ends in a backslash (``name="x\\"``) is parsed by Werkzeug under
    the key ``None``; Flask-WTF's CSRF check then calls ``None.endswith`` and the request ends
    in a 500. No browser sends such a form, so it is refused as a bad request. Found by
    ``tests/security/test_fuzzing.py``.
    """
    if request.method == "POST" and None in request.form:
        abort(400)


def register_security_headers(app: Flask) -> None:
    """Add the headers to every response; survey and staff pages are never cached."""
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    # First of all before-request hooks, so it runs before CSRFProtect's.
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_nameless_form_fields)
    # A fresh nonce per request, even when an outer app context (a CLI, a test) outlives it.
    app.before_request(_new_nonce)

    @app.after_request
    def _headers(response: Response) -> Response:
        headers = response.headers
        headers["Content-Security-Policy"] = content_security_policy(csp_nonce())
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Permissions-Policy"] = PERMISSIONS_POLICY
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if app.config["CARE_VOICES_ENV"] == "production":
            headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        if response.mimetype == "text/html":
            headers["Cache-Control"] = "no-store"
        return response
