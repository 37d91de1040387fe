"""``record_before_last_chunk`` records a download only when every chunk could be drawn."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from survey_app.common.complete_downloads import record_before_last_chunk


def test_the_record_comes_after_every_chunk_is_drawn_and_before_the_last_is_sent() -> None:
    events: list[str] = []
    stream = record_before_last_chunk(["a", "b", "c"], lambda: events.append("recorded"))
    sent = []
    for chunk in stream:
        sent.append(chunk)
        events.append(f"sent {chunk}")
    assert sent == ["a", "b", "c"]
    assert events == ["sent a", "sent b", "recorded", "sent c"]


def test_a_failing_source_is_never_recorded() -> None:
    events: list[str] = []

    def failing() -> Iterator[str]:
        yield "a"
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        list(record_before_last_chunk(failing(), lambda: events.append("recorded")))
    assert events == []


def test_a_consumer_that_stops_early_is_never_recorded() -> None:
    events: list[str] = []
    stream = record_before_last_chunk(["a", "b", "c"], lambda: events.append("recorded"))
    assert next(stream) == "a"
    stream.close()
    assert events == []


def test_an_empty_body_is_recorded_once() -> None:
    events: list[str] = []
    assert list(record_before_last_chunk([], lambda: events.append("recorded"))) == []
    assert events == ["recorded"]
