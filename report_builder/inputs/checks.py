"""Check the frames handed to the report builder before any figure is computed.

Each check raises ``ValueError`` naming everything wrong, so a bad extract fails at the door
rather than producing a report with quietly missing results (CR-12, docs/architecture.md).
The frame contracts are documented beside the column names in ``columns.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from questionnaires import Catalogue
from report_builder.inputs import columns as col


def check_responses(responses: pd.DataFrame) -> pd.DataFrame:
    """Return ``responses`` unchanged if it meets the responses contract, else raise ValueError.

    The frame needs every column in ``columns.RESPONSE_COLUMNS``; ``completed`` must be boolean
    and each round must pin one version of each instrument (rounds pin ``instrument@vN``).
    """
    check_response_columns(responses)
    if not pd.api.types.is_bool_dtype(responses[col.COMPLETED]):
        raise ValueError("responses: 'completed' must be a boolean column")
    versions = responses.groupby([col.ROUND_ID, col.INSTRUMENT], observed=True)[col.VERSION]
    pinned = versions.nunique()
    if (pinned > 1).any():
        rounds = sorted({str(r) for r, _ in pinned.index[pinned > 1]})
        raise ValueError(f"responses: rounds mixing versions of one instrument: {rounds}")
    return responses


def check_response_columns(responses: pd.DataFrame) -> pd.DataFrame:
    """Return ``responses`` unchanged if it has every column in ``columns.RESPONSE_COLUMNS``.

    The cheap part of ``check_responses``, for callers that pass counts computed (and the
    frame checked) once for many reports.
    """
    _require(responses, col.RESPONSE_COLUMNS, "responses")
    return responses


def check_versions(responses: pd.DataFrame, catalogue: Catalogue) -> None:
    """Raise ValueError unless every answered version is in ``catalogue`` with the same hash.

    Answers are stored against a version's codes, so counting them with another file's codes
    (a changed ``content_hash``) would miscount silently.
    """
    keys = responses[[col.INSTRUMENT, col.VERSION, col.CONTENT_HASH]].drop_duplicates()
    problems = [
        f"{instrument}@v{version}"
        for instrument, version, content_hash in keys.itertuples(index=False)
        if _known_hash(catalogue, f"{instrument}@v{version}") != content_hash
    ]
    if problems:
        raise ValueError(f"responses: versions unknown or with a different hash: {problems}")


def check_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Return ``quotes`` unchanged if it has every column in ``columns.QUOTE_COLUMNS``."""
    _require(quotes, col.QUOTE_COLUMNS, "quotes")
    return quotes


def _require(frame: pd.DataFrame, names: Iterable[str], what: str) -> None:
    """Raise ValueError naming every column of ``names`` that ``frame`` lacks."""
    missing = [name for name in names if name not in frame.columns]
    if missing:
        raise ValueError(f"{what}: missing columns {', '.join(missing)}")


def _known_hash(catalogue: Catalogue, key: str) -> str | None:
    """The catalogue's content hash for ``key``, or None when the version is unknown."""
    version = catalogue.versions.get(key)
    return version.content_hash if version is not None else None
