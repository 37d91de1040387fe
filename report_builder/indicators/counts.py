"""Count each indicator's numerator and base per LA, round and age band (instrument).

The counting rule is the catalogue's own: ``Indicator.outcome`` decides, for one respondent's
answers, whether they are in the base and whether their answer is positive (skipped and
"prefer not to say" are never in the base; ``exclude`` and ``when`` narrow it further;
ONS bands are expanded into the positive set). To stay fast on national data the rule is
evaluated once per distinct combination of the answers it reads, not once per respondent, and
the results are joined back (docs/statistics.md §6).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Hashable, Mapping

import pandas as pd

from questionnaires import Catalogue, Indicator, InstrumentVersion
from report_builder.inputs import columns as col
from report_builder.inputs.checks import check_responses, check_versions

_KEYS = [col.RESPONSE_ID, col.LA_CODE, col.ROUND_ID, col.PERIOD]
_GROUP = [col.INDICATOR_ID, col.LA_CODE, col.ROUND_ID, col.PERIOD, col.AGE_BAND, col.FINGERPRINT]
_IN_BASE = "_in_base"
_POSITIVE = "_positive"


def indicator_counts(
    responses: pd.DataFrame, catalogue: Catalogue, *, only: Collection[str] | None = None
) -> pd.DataFrame:
    """Numerator and denominator per indicator, LA, round, period, age band and fingerprint.

    ``responses`` follows the contract in ``columns.py`` (checked by ``inputs``). Only completed
    responses count. Returns ``columns.COUNT_COLUMNS``, one row per group with at least one
    respondent in the base; ``age_band`` is the instrument id and ``fingerprint`` the
    indicator's definition hash in the answered version, so rows from versions that are not
    comparable are never added together. The input frame is not changed. ``only`` names the
    indicators to count when a caller needs a few (the programme view's headline set): each
    indicator costs the same whatever else is counted, so leaving the rest out saves their time
    and changes no row.
    """
    check_responses(responses)
    check_versions(responses, catalogue)
    indicators = tuple(i for i in catalogue.indicators if only is None or i.id in only)
    completed = responses.loc[responses[col.COMPLETED]]
    parts = [
        part
        for (instrument, version), block in completed.groupby(
            [col.INSTRUMENT, col.VERSION], observed=True
        )
        for part in _count_version(block, catalogue.get(f"{instrument}@v{version}"), indicators)
    ]
    if not parts:
        return pd.DataFrame({name: pd.Series(dtype=_dtype(name)) for name in col.COUNT_COLUMNS})
    counted = pd.concat(parts, ignore_index=True)
    return counted.groupby(_GROUP, sort=True, as_index=False)[
        [col.NUMERATOR, col.DENOMINATOR]
    ].sum()


def _count_version(
    block: pd.DataFrame, version: InstrumentVersion, indicators: tuple[Indicator, ...]
) -> list[pd.DataFrame]:
    """Counts for each of ``indicators`` read in ``version``, from that version's answer rows
    (none when the version reads none of them)."""
    by_item = {str(item_id): rows for item_id, rows in block.groupby(col.ITEM_ID, observed=True)}
    return [
        _count_indicator(indicator, version, by_item)
        for indicator in indicators
        if indicator.source_item(version) is not None
    ]


def _count_indicator(
    indicator: Indicator, version: InstrumentVersion, by_item: dict[str, pd.DataFrame]
) -> pd.DataFrame:
    """One indicator in one version: outcomes per respondent, summed per LA and round."""
    source = indicator.sources[version.instrument]
    empty = pd.DataFrame(columns=[*_KEYS, col.VALUE])
    rows = by_item.get(source, empty)[[*_KEYS, col.VALUE]]
    readers = {source: rows[col.VALUE].astype(object)}
    for condition in indicator.base.when:
        answers = by_item.get(condition.item, empty).set_index(col.RESPONSE_ID)[col.VALUE]
        readers[condition.item] = rows[col.RESPONSE_ID].map(answers.astype(object))
    outcomes = _outcomes(indicator, version, pd.DataFrame(readers, index=rows.index))
    scored = rows[_KEYS[1:]].astype(object).join(outcomes).loc[lambda frame: frame[_IN_BASE]]
    tallies: dict[str, pd.Series | int] = {
        col.NUMERATOR: scored[_POSITIVE].astype("int64"),
        col.DENOMINATOR: 1,
    }
    return (
        scored.assign(**tallies)
        .groupby(_KEYS[1:], as_index=False)[[col.NUMERATOR, col.DENOMINATOR]]
        .sum()
        .assign(
            **{
                col.INDICATOR_ID: indicator.id,
                col.AGE_BAND: version.instrument,
                col.FINGERPRINT: indicator.fingerprint(version),
            }
        )
    )


def _outcomes(
    indicator: Indicator, version: InstrumentVersion, readers: pd.DataFrame
) -> pd.DataFrame:
    """``_in_base`` and ``_positive`` per row, via ``Indicator.outcome`` on distinct answers."""
    distinct = readers.drop_duplicates()
    results = [
        indicator.outcome(version.instrument, _answers(version, combination))
        for combination in distinct.to_dict("records")
    ]
    table = distinct.assign(
        **{
            _IN_BASE: [result is not None for result in results],
            _POSITIVE: [result is True for result in results],
        }
    )
    merged = readers.merge(table, how="left", on=list(readers.columns), sort=False)
    return merged[[_IN_BASE, _POSITIVE]].set_axis(readers.index)


def _answers(
    version: InstrumentVersion, combination: Mapping[Hashable, object]
) -> dict[str, object]:
    """A respondent's answers as ``questionnaires`` stores them: skipped items absent,
    multi_choice answers decoded from their JSON list into a tuple."""
    answers: dict[str, object] = {}
    for item_id, value in combination.items():
        if isinstance(item_id, str) and isinstance(value, str):
            is_multi = version.has_item(item_id) and version.item(item_id).type == "multi_choice"
            answers[item_id] = tuple(json.loads(value)) if is_multi else value
    return answers


def _dtype(name: str) -> str:
    """Column dtypes of an empty counts frame."""
    return "int64" if name in (col.NUMERATOR, col.DENOMINATOR) else "object"
