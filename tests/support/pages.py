"""Checks every rendered HTML page must pass, whichever test renders it (CR-15)."""

from __future__ import annotations

from collections import Counter

import html5lib
from bs4 import BeautifulSoup


class PageCheckError(AssertionError):
    """A rendered page broke one of the structural rules."""


def check_page(html: str) -> BeautifulSoup:
    """Parse ``html`` strictly and apply the structural rules; return the parsed page."""
    _parse_strictly(html)
    soup = BeautifulSoup(html, "html.parser")
    problems = [
        *_lang_problems(soup),
        *_heading_problems(soup),
        *_duplicate_id_problems(soup),
        *_csrf_problems(soup),
        *_label_problems(soup),
        *_error_title_problems(soup),
        *_inline_code_problems(soup),
    ]
    if problems:
        raise PageCheckError("; ".join(problems))
    return soup


def _parse_strictly(html: str) -> None:
    """Raise :class:`PageCheckError` at the first HTML parse error, naming its line and column.

    html5lib records every error the HTML standard's tokeniser or tree builder reports (stray end
    tags, unclosed elements, bad attributes, control characters and other code points no page
    may hold), which a lenient browser would silently repair or drop and a screen reader might
    then read differently. Any one of them fails the page.
    """
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(html)
    if parser.errors:
        (line, column), code, _ = parser.errors[0]
        raise PageCheckError(f"malformed HTML at line {line}, column {column}: {code}")


def _lang_problems(soup: BeautifulSoup) -> list[str]:
    lang = soup.html.get("lang") if soup.html else None
    return [] if lang in {"en", "cy"} else [f"<html lang> is {lang!r}, not en or cy"]


def _heading_problems(soup: BeautifulSoup) -> list[str]:
    count = len(soup.find_all("h1"))
    return [] if count == 1 else [f"page has {count} <h1> elements, not exactly one"]


def _duplicate_id_problems(soup: BeautifulSoup) -> list[str]:
    counts = Counter(tag["id"] for tag in soup.find_all(id=True))
    return [f"id {name!r} is used {n} times" for name, n in counts.items() if n > 1]


def _csrf_problems(soup: BeautifulSoup) -> list[str]:
    forms = [f for f in soup.find_all("form") if f.get("method", "get").lower() == "post"]
    return [
        f"POST form to {form.get('action')!r} has no CSRF token"
        for form in forms
        if form.find("input", attrs={"name": "csrf_token"}) is None
    ]


def _label_problems(soup: BeautifulSoup) -> list[str]:
    labelled = {label.get("for") for label in soup.find_all("label")}
    fields = soup.find_all(["input", "textarea", "select"])
    visible = [f for f in fields if f.get("type") not in {"hidden", "submit", "button"}]
    return [
        f"field {f.get('name')!r} has no <label>" for f in visible if f.get("id") not in labelled
    ]


def _error_title_problems(soup: BeautifulSoup) -> list[str]:
    has_summary = soup.select_one(".govuk-error-summary") is not None
    title = soup.title.get_text(strip=True) if soup.title else ""
    prefixed = title.startswith(("Error:", "Gwall:"))
    if has_summary != prefixed:
        return [f"title {title!r} and error summary disagree"]
    return []


def page_nonces(soup: BeautifulSoup) -> set[str]:
    """The CSP nonces the page's inline ``<script>`` and ``<style>`` elements carry."""
    return {tag["nonce"] for tag in soup.find_all(["script", "style"]) if tag.get("nonce")}


def _inline_code_problems(soup: BeautifulSoup) -> list[str]:
    """Inline code runs only with the request's nonce (R-SEC-1), so the CSP can forbid the rest.

    An inline ``<script>`` or ``<style>`` without a nonce, a ``style=`` attribute or an ``on...=``
    handler would be blocked by the browser (or, if the policy were loosened to let it run,
    would open the door to injected script), so none may be rendered. All nonces on one page
    must be the same one; ``tests/security`` checks it is the one in the page's CSP header.
    """
    problems = [
        f"inline <{tag.name}> has no CSP nonce"
        for tag in soup.find_all(["script", "style"])
        if not tag.get("src") and not tag.get("nonce")
    ]
    problems += [
        f"<{tag.name}> has an inline {name!r} attribute"
        for tag in soup.find_all(True)
        for name in tag.attrs
        if name.lower() == "style" or name.lower().startswith("on")
    ]
    if len(page_nonces(soup)) > 1:
        problems.append("the page carries more than one CSP nonce")
    return problems
