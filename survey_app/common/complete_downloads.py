"""Audit a streamed download only once it has been sent in full.

A streamed body runs after the view has returned, so a failure while it is written (a bug, a
database that goes away, a client that hangs up) used to leave an audit event for a file
nobody received. Here every chunk but the last is sent, then the download is recorded, then the
last chunk goes: a failure before the end records nothing, and if recording fails the file is
never complete, so no complete download goes unaudited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Chunk = TypeVar("Chunk", str, bytes)


def record_before_last_chunk(
    chunks: Iterable[Chunk], record: Callable[[], None]
) -> Iterator[Chunk]:
    """Yield ``chunks``, calling ``record`` after all of them were drawn, before the last one.

    ``record`` is not called when drawing a chunk raises or the consumer stops early.
    """
    held: list[Chunk] = []
    for chunk in chunks:
        yield from held
        held = [chunk]
    record()
    yield from held
