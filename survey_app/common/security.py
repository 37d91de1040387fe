"""Security headers on every response (R-SEC-1): a nonce CSP, no framing, no sniffing."""

from __future__ import annotations

import secrets

from flask import Flask, Response, g

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


def register_security_headers(app: Flask) -> None:
    """Add the headers to every response; survey and staff pages are never cached."""
    app.jinja_env.globals["csp_nonce"] = csp_nonce
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
