"""Making and publishing versions: the only sanctioned ways to change what respondents see.

``new_version`` copies the latest file as a draft, keeping comments and layout, because a
published file is frozen. ``publish`` marks a draft published and records its hash in the lock.
"""

from __future__ import annotations

import re
from pathlib import Path

from questionnaires.loader import instrument_paths, read_instrument
from questionnaires.lock import LOCK_NAME, read_lock, write_lock
from questionnaires.problems import QuestionnaireError


def _set_top_level(text: str, name: str, value: str) -> str:
    pattern = re.compile(rf"^{name}:.*$", re.MULTILINE)
    if not pattern.search(text):
        raise ValueError(f"no top-level {name!r} line to update")
    return pattern.sub(f"{name}: {value}", text, count=1)


def version_path(root: Path, key: str) -> Path:
    """``instruments/<id>/v<N>.yaml`` for a public key ``"<id>@v<N>"``."""
    instrument, _, version = key.partition("@")
    if not re.fullmatch(r"v[1-9][0-9]*", version):
        raise ValueError(f"{key!r} is not of the form <instrument>@v<N>")
    return root / "instruments" / instrument / f"{version}.yaml"


def new_version(root: Path, instrument: str) -> Path:
    """Copy the latest version of ``instrument`` to the next number as a draft; return its path."""
    paths = [path for path in instrument_paths(root) if path.parent.name == instrument]
    if not paths:
        raise KeyError(f"unknown instrument {instrument!r}")
    number = int(paths[-1].stem[1:]) + 1
    text = _set_top_level(paths[-1].read_text("utf-8"), "version", str(number))
    target = paths[-1].with_name(f"v{number}.yaml")
    target.write_text(_set_top_level(text, "status", "draft"), encoding="utf-8")
    return target


def publish(root: Path, key: str) -> str:
    """Mark the draft ``key`` published and lock its hash; refuses a file with problems."""
    path = version_path(root, key)
    original = path.read_text("utf-8")
    path.write_text(_set_top_level(original, "status", "published"), encoding="utf-8")
    loaded, version = read_instrument(path)
    if version is None:
        path.write_text(original, encoding="utf-8")
        raise QuestionnaireError(loaded.problems)
    lock, problems = read_lock(root / LOCK_NAME)
    if problems:
        raise QuestionnaireError(problems)
    write_lock(root, {**lock, key: version.content_hash})
    return version.content_hash
