"""The page checker every test client runs must itself catch the faults it claims to catch."""

from __future__ import annotations

import pytest

from tests.support.pages import PageCheckError, check_page

WELL_FORMED = (
    '<!DOCTYPE html><html lang="en"><head><title>Question 1</title></head>'
    "<body><main><h1>How are you?</h1><p>Fine.</p></main></body></html>"
)


def test_a_well_formed_page_passes() -> None:
    assert check_page(WELL_FORMED).h1.get_text() == "How are you?"


@pytest.mark.parametrize(
    ("broken", "fault"),
    [
        ("<p>Fine.</p>", "<p>Fine.</div>"),
        ("<p>Fine.</p>", "<p>Fine.</p></span>"),
        ("<p>Fine.</p>", '<p class="a" class="b">Fine.</p>'),
        ("<p>Fine.</p>", "<table><p>Fine.</p></table>"),
        ("<!DOCTYPE html>", ""),
        ("<p>Fine.</p>", "<p>Fine.\x00</p>"),
        ("<p>Fine.</p>", '<p title="Fine.\x0f\x8f">Fine.</p>'),
    ],
    ids=[
        "end tag too early",
        "stray end tag",
        "duplicate attribute",
        "misnested table",
        "no doctype",
        "NUL",
        "control characters in an attribute",
    ],
)
def test_malformed_html_is_rejected_with_its_position(broken: str, fault: str) -> None:
    with pytest.raises(PageCheckError, match="malformed HTML at line 1"):
        check_page(WELL_FORMED.replace(broken, fault))


@pytest.mark.parametrize(
    ("original", "fault", "message"),
    [
        ('lang="en"', 'lang="fr"', "not en or cy"),
        ("<p>Fine.</p>", "<h1>Again</h1>", "2 <h1>"),
        ("<p>Fine.</p>", '<p id="a"></p><p id="a"></p>', "used 2 times"),
        ("<p>Fine.</p>", '<form method="post"><button>Go</button></form>', "no CSRF token"),
        ("<p>Fine.</p>", '<input id="x" name="x">', "has no <label>"),
        ("<p>Fine.</p>", "<script>alert(1)</script>", "no CSP nonce"),
        ("<p>Fine.</p>", '<p style="color:red">Fine.</p>', "inline 'style'"),
    ],
)
def test_structural_faults_are_named(original: str, fault: str, message: str) -> None:
    with pytest.raises(PageCheckError, match=message):
        check_page(WELL_FORMED.replace(original, fault))
