"""Read questionnaire files into a checked, immutable catalogue.

Each file goes: bytes -> strict YAML (duplicate keys rejected, lines kept) -> JSON Schema (all
errors) -> meaning checks -> model. The catalogue then cross-checks indicators, shared item ids
and the lock. Any problem anywhere refuses the whole load, so the app cannot start on a broken
or edited published file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from questionnaires import build
from questionnaires.catalogue import Catalogue
from questionnaires.catalogue_checks import (
    check_shared_items,
    check_sources,
    check_unique_indicator_ids,
)
from questionnaires.checks import instrument_problems
from questionnaires.fingerprint import content_hash
from questionnaires.located_yaml import LocatedDocument, parse_located
from questionnaires.lock import LOCK_NAME, lock_problems, read_lock
from questionnaires.model import InstrumentVersion
from questionnaires.problems import Problem, QuestionnaireError
from questionnaires.risk_checks import check_risk_signals
from questionnaires.risk_signals import RiskSignals, build_risk_signals
from questionnaires.schema import schema_problems

DEFAULT_ROOT = Path(__file__).parent
FACES_DIR = DEFAULT_ROOT / "faces"
INDICATORS_NAME = "indicators.yaml"
RISK_SIGNALS_NAME = "risk_signals.yaml"


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """A parsed file: its document and what was wrong with it (document is None if unreadable)."""

    document: LocatedDocument | None
    problems: tuple[Problem, ...]
    content_hash: str


def display(path: Path) -> str:
    """How problems name a file: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_checked(path: Path, schema: str) -> LoadedFile:
    """Parse and schema-check one file; a document is returned only when both pass."""
    try:
        raw = path.read_bytes()
        document, problems = parse_located(display(path), raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return LoadedFile(None, (Problem(display(path), None, f"cannot read file: {error}"),), "")
    if document is not None and not problems:
        problems = schema_problems(document, schema)
    return LoadedFile(document if not problems else None, problems, content_hash(raw))


def read_instrument(path: Path) -> tuple[LoadedFile, InstrumentVersion | None]:
    """One instrument file, checked on its own; the version is None when it has problems."""
    loaded = read_checked(path, "instrument")
    if loaded.document is None:
        return loaded, None
    problems = instrument_problems(loaded.document, path, FACES_DIR)
    if problems:
        return LoadedFile(None, problems, loaded.content_hash), None
    assert isinstance(loaded.document.data, dict)
    return loaded, build.instrument_version(loaded.document.data, loaded.content_hash)


def instrument_paths(root: Path) -> tuple[Path, ...]:
    """Every ``instruments/<id>/v<N>.yaml`` under ``root``, in version order per instrument."""
    paths = (root / "instruments").glob("*/v*.yaml")
    return tuple(sorted(paths, key=lambda p: (p.parent.name, len(p.stem), p.stem)))


def catalogue_order(version: InstrumentVersion) -> tuple[int, str, int]:
    """Youngest band first, then instrument id, then version: the order of ``list``."""
    return (version.age_min, version.instrument, version.version)


@dataclass(frozen=True, slots=True)
class _Instruments:
    """Instrument files read on their own, youngest band first; ``unreadable`` ids failed."""

    documents: dict[str, LocatedDocument]
    versions: dict[str, InstrumentVersion]
    unreadable: frozenset[str]
    problems: tuple[Problem, ...]


def _read_instruments(root: Path) -> _Instruments:
    documents: dict[str, LocatedDocument] = {}
    versions: dict[str, InstrumentVersion] = {}
    problems: list[Problem] = []
    for path in instrument_paths(root):
        loaded, version = read_instrument(path)
        problems.extend(loaded.problems)
        if version is not None and loaded.document is not None:
            documents[version.key], versions[version.key] = loaded.document, version
    ordered = dict(sorted(versions.items(), key=lambda pair: catalogue_order(pair[1])))
    unreadable = {path.parent.name for path in instrument_paths(root)} - {
        v.instrument for v in versions.values()
    }
    return _Instruments(documents, ordered, frozenset(unreadable), tuple(problems))


def _cross_problems(root: Path, found: _Instruments, indicators: LoadedFile) -> Iterator[Problem]:
    lock, lock_errors = read_lock(root / LOCK_NAME)
    yield from lock_errors
    yield from lock_problems(display(root / LOCK_NAME), lock, found.versions, found.documents)
    yield from check_shared_items(found.documents, found.versions)
    if indicators.document is not None:
        yield from check_unique_indicator_ids(indicators.document)
        yield from check_sources(indicators.document, found.versions, found.unreadable)


def read_risk_signals(root: Path) -> LoadedFile | None:
    """``risk_signals.yaml`` parsed and schema-checked; None when ``root`` has none (a catalogue
    without the file signposts no closed answers)."""
    path = root / RISK_SIGNALS_NAME
    return read_checked(path, "risk_signals") if path.exists() else None


def _risk_problems(found: _Instruments, risk: LoadedFile | None) -> Iterator[Problem]:
    if risk is None:
        return
    yield from risk.problems
    if risk.document is not None:
        yield from check_risk_signals(risk.document, found.versions, found.unreadable)


def _built_signals(risk: LoadedFile | None) -> RiskSignals:
    if risk is None or risk.document is None:
        return RiskSignals()
    assert isinstance(risk.document.data, dict)
    return build_risk_signals(risk.document.data)


def check_catalogue(root: Path) -> tuple[Catalogue | None, tuple[Problem, ...]]:
    """Load everything under ``root``; the catalogue is None when any problem was found."""
    found = _read_instruments(root)
    indicators = read_checked(root / INDICATORS_NAME, "indicators")
    risk = read_risk_signals(root)
    problems = (
        *found.problems,
        *indicators.problems,
        *_cross_problems(root, found, indicators),
        *_risk_problems(found, risk),
    )
    if problems or indicators.document is None:
        return None, problems
    data = indicators.document.data
    assert isinstance(data, dict)
    built = tuple(build.indicator(entry) for entry in data["indicators"])
    return Catalogue(MappingProxyType(found.versions), built, _built_signals(risk)), ()


def load_catalogue(root: Path | None = None) -> Catalogue:
    """The checked catalogue under ``root`` (default: the shipped one, loaded once and cached).

    Raises ``QuestionnaireError`` listing every problem when anything is wrong.
    """
    if root is None:
        return _load_default()
    return _load(root)


def _load(root: Path) -> Catalogue:
    catalogue, problems = check_catalogue(root)
    if catalogue is None:
        raise QuestionnaireError(problems)
    return catalogue


@cache
def _load_default() -> Catalogue:
    return _load(DEFAULT_ROOT)
