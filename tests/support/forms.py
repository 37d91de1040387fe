"""Reading a form's CSRF token from a page, as a browser would before it posts."""

from __future__ import annotations

from bs4 import BeautifulSoup


def csrf_token_in(html: str) -> str:
    """The value of the first ``csrf_token`` field on the page; fails the test if there is none."""
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "csrf_token"})
    assert field is not None, "page has no CSRF token"
    return str(field["value"])
