"""The lock file of published versions: ``published.toml`` maps ``"<id>@v<N>"`` to a hash.

Published versions are frozen because rounds pin them and answers are stored against their
codes. Editing one changes its hash, which the loader reports (and so the app refuses to start
and the test suite fails). The fix is always a new version, never an edit.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path

from questionnaires.located_yaml import LocatedDocument
from questionnaires.model import InstrumentVersion
from questionnaires.problems import Problem

LOCK_NAME = "published.toml"


def read_lock(path: Path) -> tuple[dict[str, str], tuple[Problem, ...]]:
    """The recorded hashes in the lock at ``path``, or a problem when it cannot be read."""
    if not path.is_file():
        return {}, ()
    try:
        return dict(tomllib.loads(path.read_text("utf-8"))), ()
    except tomllib.TOMLDecodeError as error:
        return {}, (Problem(str(path), getattr(error, "lineno", None), f"malformed TOML: {error}"),)


def write_lock(root: Path, hashes: Mapping[str, str]) -> None:
    """Rewrite the lock, sorted, with a header saying why it exists."""
    lines = [
        "# Published questionnaire versions and the SHA-256 of their files.",
        "# Never edit a published file: run `python -m questionnaires new-version <instrument>`.",
        *(f'"{key}" = "{hashes[key]}"' for key in sorted(hashes)),
    ]
    (root / LOCK_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _version_problem(version: InstrumentVersion, recorded: str | None) -> str | None:
    if version.status == "published" and recorded is None:
        return f"{version.key} is published but not recorded in {LOCK_NAME}"
    if recorded is not None and version.status != "published":
        return f"{version.key} is recorded in {LOCK_NAME} but marked {version.status}"
    if recorded is not None and recorded != version.content_hash:
        return (
            f"published version {version.key} was edited (its hash no longer matches {LOCK_NAME}); "
            f"undo the edit and run `python -m questionnaires new-version {version.instrument}`"
        )
    return None


def lock_problems(
    lock_file: str,
    lock: Mapping[str, str],
    versions: Mapping[str, InstrumentVersion],
    documents: Mapping[str, LocatedDocument],
) -> Iterator[Problem]:
    """Published files must be in the lock with an unchanged hash, and nothing else may be."""
    for key, version in versions.items():
        message = _version_problem(version, lock.get(key))
        if message is not None:
            yield documents[key].problem(("status",), message)
    for key in sorted(set(lock) - set(versions)):
        yield Problem(lock_file, None, f"{key} is recorded but its file is missing or has problems")
