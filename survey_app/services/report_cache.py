"""Built reports kept as files, one set per round, language and fingerprint.

Building a report takes seconds and printing its PDF longer, while its inputs change only when
an answer is completed, a quote moderated, an action saved or the app upgraded
(``report_fingerprint``). So the report model and each file made from it are stored under the
instance folder, named by round, language and fingerprint, and reused while the fingerprint
stands. A file is written to a temporary name and renamed into place, so a reader never sees
half of one, and writing a new version removes the older ones of the same round and language.

The model is stored pickled and signed with the app's secret key: only a file this app wrote
is ever unpickled. The folder and its files are readable by the app's own user only. Entries
are keyed by round id, and the fingerprint includes the authority, so one authority's report
can never be served for another's round; permission checks happen before the cache is read.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from report_builder.report.model import Report

MODEL = "model"
"""The kind of entry that holds the pickled ``Report``."""
_SIGNATURE_BYTES = hashlib.sha256().digest_size


@dataclass(frozen=True)
class CacheKey:
    """Which report an entry holds: a round, a language and what it was built from."""

    round_id: int
    language: str
    fingerprint: str

    @property
    def prefix(self) -> str:
        """The start of every file name of this round and language, whatever the fingerprint."""
        return f"round-{self.round_id}-{self.language}-"

    def file_name(self, kind: str) -> str:
        """The entry's file name, e.g. ``round-3-en-<fingerprint>.pdf``."""
        return f"{self.prefix}{self.fingerprint}.{kind}"


class ReportCache:
    """The stored reports in ``folder``, signed with ``secret``."""

    def __init__(self, folder: Path, secret: bytes) -> None:
        self.folder = folder
        self._secret = secret

    def report(self, key: CacheKey, build: Callable[[], Report]) -> Report:
        """The stored report for ``key``, or ``build()``'s, stored for next time."""
        stored = self._read(key, MODEL)
        body = None if stored is None else self._verified(stored)
        if body is not None:
            return pickle.loads(body)  # Signed with our secret: written by this app.
        report = build()
        pickled = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        self._write(key, MODEL, self._sign(pickled) + pickled)
        return report

    def file(self, key: CacheKey, kind: str, build: Callable[[], bytes]) -> bytes:
        """The stored file of ``kind`` (``pdf``, ``xlsx`` ...) for ``key``, or ``build()``'s."""
        stored = self._read(key, kind)
        if stored is not None:
            return stored
        body = build()
        self._write(key, kind, body)
        return body

    def discard_round(self, round_id: int) -> int:
        """Remove every stored entry of a round (after its responses are deleted); returns
        how many files went."""
        removed = 0
        for path in self.folder.glob(f"round-{round_id}-*"):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed += 1
        return removed

    def _read(self, key: CacheKey, kind: str) -> bytes | None:
        try:
            return (self.folder / key.file_name(kind)).read_bytes()
        except FileNotFoundError:
            return None

    def _write(self, key: CacheKey, kind: str, body: bytes) -> None:
        """Write atomically, then remove every entry of the same round and language that was
        built from something else (of any kind), so each keeps one set of files at most."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".writing-")
        with os.fdopen(handle, "wb") as out:
            out.write(body)
        os.replace(temporary, self.folder / key.file_name(kind))
        current = f"{key.prefix}{key.fingerprint}."
        for entry in self.folder.glob(f"{key.prefix}*"):
            if not entry.name.startswith(current):
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()

    def _sign(self, body: bytes) -> bytes:
        return hmac.new(self._secret, body, hashlib.sha256).digest()

    def _verified(self, stored: bytes) -> bytes | None:
        """The body of a signed entry, or None if the signature does not match."""
        signature, body = stored[:_SIGNATURE_BYTES], stored[_SIGNATURE_BYTES:]
        return body if hmac.compare_digest(signature, self._sign(body)) else None
