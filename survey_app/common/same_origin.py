"""Refuse form posts that a browser says came from another site (CSRF defence in depth).

Every POST already needs Flask-WTF's token. Over HTTPS Flask-WTF would also require a
``Referer`` naming this site, but Care Voices sends ``Referrer-Policy: no-referrer`` on every
page, so browsers send no ``Referer`` at all and every form would be refused. That check is
switched off (``WTF_CSRF_SSL_STRICT = False`` in ``config.py``) and replaced by this one, which
reads the two headers browsers send whatever the referrer policy:

- ``Sec-Fetch-Site``: sent by current browsers on every request to an HTTPS (or loopback)
  address. A post is allowed only when it is ``same-origin`` or ``none`` (typed by the user).
- ``Origin``: when it names a site, it must be this request's own ``scheme://host[:port]``
  (after ``ProxyFix``, so behind a declared TLS-terminating proxy the scheme is ``https``).
  ``Origin: null`` is what a browser sends for a same-origin form post under ``no-referrer``,
  so it carries no information and is let through to the token check.

A request with neither header (a script, an old browser, the test client) is judged by the
token alone. A refusal is a ``CSRFError``, which the error handlers turn into the kind 400 page,
and it happens before any view runs, so a refused post writes nothing.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app, request
from flask_wtf.csrf import CSRFError

ALLOWED_FETCH_SITES = frozenset({"same-origin", "none"})
DEFAULT_PORTS = {"http": 80, "https": 443}

Origin = tuple[str, str, int | None]


def normalised_origin(url: str) -> Origin | None:
    """``(scheme, host, port)`` of ``url`` with the default port filled in; None if unreadable.

    ``https://Example.org`` and ``https://example.org:443`` are the same origin.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if not scheme or not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port or DEFAULT_PORTS.get(scheme)


def is_cross_site_post() -> bool:
    """True when the browser's own headers say this unsafe request came from elsewhere."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site.strip().lower() not in ALLOWED_FETCH_SITES:
        return True
    origin = request.headers.get("Origin")
    if origin is None or origin.strip() == "null":
        return False
    own = normalised_origin(f"{request.scheme}://{request.host}")
    return own is None or normalised_origin(origin) != own


def refuse_cross_site_posts() -> None:
    """Before-request hook: a 400 (``CSRFError``) for a cross-site unsafe request."""
    if request.method not in current_app.config["WTF_CSRF_METHODS"]:
        return
    if is_cross_site_post():
        raise CSRFError("The request did not come from this site.")


def register_same_origin_check(app: Flask) -> None:
    """Check every unsafe request's origin headers before any view runs."""
    app.before_request(refuse_cross_site_posts)
