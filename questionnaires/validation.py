"""What ``validate`` checks for each path it is given.

A directory is checked as a whole catalogue (instruments, indicators, risk signals and lock). A
file named ``indicators.yaml`` or ``risk_signals.yaml`` is checked with the catalogue it sits in,
since both only make sense against instruments. Any other file is checked as one instrument
version on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from questionnaires.loader import (
    INDICATORS_NAME,
    RISK_SIGNALS_NAME,
    catalogue_order,
    check_catalogue,
    instrument_paths,
    read_instrument,
)
from questionnaires.model import InstrumentVersion
from questionnaires.problems import Problem


@dataclass(frozen=True, slots=True)
class Report:
    """Problems found, and the versions that loaded (for translation completeness)."""

    problems: tuple[Problem, ...]
    versions: tuple[InstrumentVersion, ...]


def _instruments(paths: tuple[Path, ...]) -> Report:
    loaded = [read_instrument(path) for path in paths]
    return Report(
        tuple(problem for file, _ in loaded for problem in file.problems),
        tuple(sorted((v for _, v in loaded if v is not None), key=catalogue_order)),
    )


def validate_path(path: Path) -> Report:
    """Check one path as described in the module docstring."""
    whole = path.is_dir() or path.name in (INDICATORS_NAME, RISK_SIGNALS_NAME)
    root = (path if path.is_dir() else path.parent) if whole else None
    if root is None:
        return _instruments((path,))
    _, problems = check_catalogue(root)
    return Report(problems, _instruments(instrument_paths(root)).versions)


def completeness_line(version: InstrumentVersion) -> str:
    """``key: en 100%, cy 100% (awaiting review)`` for the translation report."""
    parts = []
    for lang, percent in version.translation_completeness().items():
        review = version.translation_review.get(lang)
        note = f" ({review.replace('_', ' ')})" if review else ""
        note = note if percent == 100.0 else " (not offered until complete)"
        parts.append(f"{lang} {percent:g}%{note}")
    return f"{version.key}: {', '.join(parts)}"
