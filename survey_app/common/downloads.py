"""The one way a staff page hands over a file: saved by the browser, never kept by a cache."""

from __future__ import annotations

from collections.abc import Iterable

from flask import Response


def attachment(
    body: bytes | str | Iterable[bytes] | Iterable[str], mimetype: str, filename: str
) -> Response:
    """``body`` as a download named ``filename`` (plain ASCII, made by the caller, never typed
    by a person), with ``Cache-Control: no-store``.

    Every file from the staff area holds answers, codes or figures for one authority, so no
    browser or proxy cache may keep a copy; HTML pages get the same header from
    ``common/security.py``, and this gives it to every other kind of file.
    """
    reply = Response(body, mimetype=mimetype)
    reply.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    reply.headers["Cache-Control"] = "no-store"
    return reply
