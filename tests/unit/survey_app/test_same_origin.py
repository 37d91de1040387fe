"""Origins are compared as browsers compare them: scheme, host and port, default ports filled in."""

from __future__ import annotations

import pytest

from survey_app.common.same_origin import normalised_origin


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://care-voices.example", ("https", "care-voices.example", 443)),
        ("https://Care-Voices.EXAMPLE:443", ("https", "care-voices.example", 443)),
        ("http://127.0.0.1:8000", ("http", "127.0.0.1", 8000)),
        ("https://[::1]:8443", ("https", "::1", 8443)),
        (" https://care-voices.example ", ("https", "care-voices.example", 443)),
    ],
)
def test_an_origin_is_its_scheme_host_and_port(url: str, expected: tuple) -> None:
    assert normalised_origin(url) == expected


@pytest.mark.parametrize(
    "url", ["null", "", "not a url", "https://", "https://host:99999", "https://host:port"]
)
def test_an_unreadable_origin_is_none(url: str) -> None:
    assert normalised_origin(url) is None
