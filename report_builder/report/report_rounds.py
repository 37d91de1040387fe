"""The round a report is about and the authority's previous round, read from the responses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from questionnaires import Catalogue, InstrumentVersion
from report_builder.comparison.comparators import round_versions
from report_builder.inputs import columns as col
from report_builder.report.demographics import response_rates, round_respondents
from report_builder.report.model import ResponseRate
from report_builder.report.wording import Language


@dataclass(frozen=True)
class ThisRound:
    """The LA round being reported on."""

    la_code: str
    round_id: str
    period: str
    versions: Mapping[str, InstrumentVersion]


def round_rows(responses: pd.DataFrame, la_code: str, round_id: str) -> pd.DataFrame:
    """This LA's rows of ``round_id``; ValueError when there are none."""
    rows = responses.loc[responses[col.ROUND_ID] == round_id]
    rows = rows.loc[rows[col.LA_CODE] == la_code]
    if rows.empty:
        raise ValueError(f"no responses from {la_code!r} in round {round_id!r}")
    return rows


@dataclass(frozen=True)
class PreviousRound:
    """The previous round's id, period label, instrument versions and response rates (all
    empty without a previous round)."""

    round_id: str | None
    label: str | None
    versions: dict[str, InstrumentVersion]
    rates: tuple[ResponseRate, ...]


def previous_round(
    responses: pd.DataFrame,
    previous_round_id: str | None,
    catalogue: Catalogue,
    denominators: Mapping[str, int] | None,
    language: Language,
) -> PreviousRound:
    """The previous round's label (e.g. "2025"), versions and response rates.

    No label, versions or rates without a previous round; the round id as its label when it
    has no rows. Its rates are hidden exactly as its own report hides them. The frame is
    scanned once, for the few columns needed.
    """
    if previous_round_id is None:
        return PreviousRound(None, None, {}, ())
    rows = responses.loc[
        responses[col.ROUND_ID] == previous_round_id,
        [col.ROUND_ID, col.PERIOD, col.INSTRUMENT, col.VERSION, col.RESPONSE_ID, col.COMPLETED],
    ]
    label = str(rows[col.PERIOD].iloc[0]) if len(rows) else previous_round_id
    versions = round_versions(rows, previous_round_id, catalogue)
    rates = response_rates(round_respondents(rows), versions, denominators, language)
    return PreviousRound(previous_round_id, label, versions, rates)
