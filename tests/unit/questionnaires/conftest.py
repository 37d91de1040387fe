"""Fixtures for questionnaire tests: the tiny catalogue, writable copies of it, and line lookup."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "catalogues" / "tiny"


@pytest.fixture
def tiny_root() -> Path:
    """The read-only tiny catalogue: tiny@v1 published, tiny@v2 draft, four indicators."""
    return TINY


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny catalogue."""
    return Path(shutil.copytree(TINY, tmp_path / "tiny"))


@pytest.fixture
def with_indicators(tiny_copy: Path) -> Callable[[str], Path]:
    """A tiny catalogue whose indicators.yaml is replaced by ``fixtures/indicators/<name>``."""

    def make(name: str) -> Path:
        shutil.copyfile(FIXTURES / "indicators" / name, tiny_copy / "indicators.yaml")
        return tiny_copy

    return make


def line_of(path: Path, text: str) -> int:
    """The 1-based line on which ``text`` first appears in ``path``."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


@pytest.fixture
def find_line() -> Callable[[Path, str], int]:
    """``find_line(path, text)``: where a test expects a problem to be reported."""
    return line_of
