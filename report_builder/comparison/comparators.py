"""The figures one LA's round is compared with: other LAs pooled, and its previous round.

Both come from the one counts frame (``counts.indicator_counts``), computed once for all
LAs. Other LAs are pooled per indicator, age band and fingerprint, so only comparable versions
are pooled, and only from cells their own authority's report publishes (R-SDC-9,
docs/statistics.md §4.1): a cell hidden there never enters a pool, so no figure of the
comparison can give it away. A key no other LA answered in a comparable version has no
comparator at all (the report says "no comparable figures from other areas"). Comparator rows
go through ``control.mask_indicator_table`` like the LA's own rows, so a hidden comparator
is never tested or shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from questionnaires import Catalogue, InstrumentVersion
from report_builder.disclosure.control import is_publishable, mask_indicator_table
from report_builder.disclosure.values import Marker
from report_builder.inputs import columns as col
from report_builder.inputs.catalogue_memo import is_comparable
from report_builder.inputs.frames import records
from report_builder.statistics.estimates import whole_percent
from report_builder.statistics.values import Proportion

Key = tuple[str, str]
"""(indicator_id, age_band)."""

_COUNTS = (col.NUMERATOR, col.DENOMINATOR)


@dataclass(frozen=True)
class Comparator:
    """A comparator's counts and whether disclosure control hides its result."""

    proportion: Proportion
    is_hidden: bool
    percent: int | None


@dataclass(frozen=True)
class Comparators:
    """Everything one report compares against, keyed by (indicator_id, age_band).

    A key missing from ``others`` means no other LA answered a comparable version.
    ``previous`` is empty when there is no previous round; a key missing from
    ``previous_comparable`` means the indicator cannot be compared across the rounds.
    """

    others: Mapping[Key, Comparator]
    previous: Mapping[Key, Comparator]
    previous_comparable: Mapping[Key, bool]


def round_versions(
    responses: pd.DataFrame, round_id: str, catalogue: Catalogue
) -> dict[str, InstrumentVersion]:
    """The version each instrument used in ``round_id``: instrument id to version."""
    rows = responses.loc[responses[col.ROUND_ID] == round_id, [col.INSTRUMENT, col.VERSION]]
    pairs = rows.drop_duplicates().itertuples(index=False)
    return {
        str(instrument): catalogue.get(f"{instrument}@v{version}") for instrument, version in pairs
    }


def pooled_others(
    counts: pd.DataFrame, period: str, la_code: str, sensitive: frozenset[str]
) -> pd.DataFrame:
    """Counts of every other LA in ``period``, pooled from cells their own reports publish.

    One row per indicator, age band and fingerprint that another LA answered; a cell its own
    report hides (R-SDC-1, R-SDC-4) counts as zero, so a pool can be 0 of 0 when every
    comparable cell is hidden. Keys only this LA answered are absent (R-SDC-9).
    """
    keys = [col.INDICATOR_ID, col.AGE_BAND, col.FINGERPRINT]
    rows = counts.loc[(counts[col.PERIOD] == period) & (counts[col.LA_CODE] != la_code)]
    shown = is_publishable(rows, sensitive).to_numpy()
    pooled = {name: np.where(shown, rows[name].to_numpy(), 0) for name in _COUNTS}
    return rows[keys].assign(**pooled).groupby(keys, as_index=False).sum()


def build_comparators(
    counts: pd.DataFrame,
    catalogue: Catalogue,
    sensitive: frozenset[str],
    *,
    la_code: str,
    period: str,
    fingerprints: Mapping[Key, str],
    versions: Mapping[str, InstrumentVersion],
    previous_round_id: str | None,
    previous_versions: Mapping[str, InstrumentVersion],
) -> Comparators:
    """Other-LA and previous-round comparators for the keys (and fingerprints) of this round.

    A key missing from ``others`` has no comparable figures from other LAs.
    """
    others = _lookup(pooled_others(counts, period, la_code, sensitive), sensitive, fingerprints)
    if previous_round_id is None:
        return Comparators(others, {}, {})
    previous_counts = counts.loc[counts[col.ROUND_ID] == previous_round_id]
    comparable = {
        key: is_comparable(catalogue.indicator(key[0]), versions[key[1]], previous_versions[key[1]])
        for key in fingerprints
        if key[1] in previous_versions
    }
    return Comparators(others, _lookup(previous_counts, sensitive, None), comparable)


def _lookup(
    counts: pd.DataFrame, sensitive: frozenset[str], fingerprints: Mapping[Key, str] | None
) -> dict[Key, Comparator]:
    """Masked comparators by key, keeping only rows with the wanted fingerprint if given.

    The raw counts ride along in private columns: they feed the tests, never the display.
    """
    table = _with_percent(counts).assign(
        _count=counts[col.NUMERATOR], _nobs=counts[col.DENOMINATOR]
    )
    found = {}
    for row in records(mask_indicator_table(table, sensitive)):
        key = (row[col.INDICATOR_ID], row[col.AGE_BAND])
        if fingerprints is None or fingerprints.get(key) == row[col.FINGERPRINT]:
            found[key] = Comparator(
                Proportion(int(row["_count"]), int(row["_nobs"])),
                is_hidden=row[col.MARKER] == Marker.CONFIDENTIAL,
                percent=None if pd.isna(row[col.PERCENT]) else int(row[col.PERCENT]),
            )
    return found


def _with_percent(counts: pd.DataFrame) -> pd.DataFrame:
    """The counts with whole-number percentages (rounded half up, as ``estimate_table``)."""
    share = counts[col.NUMERATOR] / counts[col.DENOMINATOR].where(counts[col.DENOMINATOR] > 0)
    return counts.assign(**{col.PERCENT: whole_percent(share)})
