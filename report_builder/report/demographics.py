"""Who took part: response rates by age band and demographic tables, after disclosure control.

Respondent counts by age band are a breakdown, so small counts are hidden with secondary
suppression against the shown total (R-SDC-2, R-SDC-3, ``control.protect_breakdown``).
Demographic tables are collapsed in the R-SDC-5 order and then lose only the groups still
under 10, with secondary suppression (``control.category_counts``); a table is withheld only
when nothing short of that protects its small groups. Skipped and "prefer not to say" answers
are one "not stated" group, so their number cannot be found by subtraction.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from pandas.api.typing import NAType

from questionnaires import PREFER_NOT_TO_SAY, Catalogue, InstrumentVersion, LocalisedText
from report_builder.disclosure.breakdowns import (
    NOT_STATED,
    SMALL_CELL_MAX,
    category_counts,
    protect_breakdown,
)
from report_builder.disclosure.values import Marker, SuppressionReason
from report_builder.inputs import columns as col
from report_builder.report.fixed_text import DEMOGRAPHICS, has_text, text
from report_builder.report.indicator_results import age_band_label
from report_builder.report.model import DemographicRow, DemographicTable, ResponseRate
from report_builder.report.numbers_and_dates import count_text, percent_text
from report_builder.report.wording import Language, marker_note
from report_builder.statistics.estimates import whole_percent_of

_RESPONDENTS = "respondents"


def round_respondents(round_rows: pd.DataFrame) -> pd.DataFrame:
    """Completed responses among one round's rows, one row each: ``response_id``, ``instrument``."""
    rows = round_rows.loc[round_rows[col.COMPLETED]]
    return (
        rows[[col.RESPONSE_ID, col.INSTRUMENT]]
        .drop_duplicates(col.RESPONSE_ID)
        .astype({col.INSTRUMENT: str})
    )


def response_rates(
    respondents: pd.DataFrame,
    versions: Mapping[str, InstrumentVersion],
    denominators: Mapping[str, int] | None,
    language: Language,
) -> tuple[ResponseRate, ...]:
    """Respondents and response rate per age band, small counts hidden (R-SDC-2, R-SDC-3)."""
    bands = list(versions)
    counts = respondents[col.INSTRUMENT].value_counts().reindex(bands, fill_value=0)
    protected = protect_breakdown(
        counts.to_frame(_RESPONDENTS), row_totals=False, column_totals=True
    )
    shown = protected.cells[_RESPONDENTS]
    return tuple(
        _response_rate(
            versions[band], _whole(shown[band]), (denominators or {}).get(band), language
        )
        for band in bands
    )


def shown_total(respondents: int) -> int | None:
    """A round's number of respondents as every output shows it, or None when it is hidden.

    It is hidden when it is itself a small count (1 to 4), the rule the response-rates table
    applies to each age group (R-SDC-2): a round of two would otherwise print the two that the
    table hides. A larger total may be shown, since ``response_rates`` already hides enough
    age groups that none can be worked out from it (R-SDC-3). A rate over a hidden total must
    be hidden too, as it gives the total back.
    """
    return None if 1 <= respondents <= SMALL_CELL_MAX else respondents


def demographic_tables(
    round_rows: pd.DataFrame,
    respondents: pd.DataFrame,
    catalogue: Catalogue,
    versions: Mapping[str, InstrumentVersion],
    language: Language,
) -> tuple[DemographicTable, ...]:
    """One table per demographic item asked in the round, collapsed to k = 10 (R-SDC-5)."""
    answers = _answers(round_rows, respondents)
    tables = []
    for dimension in DEMOGRAPHICS:
        asked = [band for band, version in versions.items() if version.has_item(dimension)]
        if asked:
            group = respondents.loc[respondents[col.INSTRUMENT].isin(asked), col.RESPONSE_ID]
            tables.append(_table(dimension, answers, group, catalogue, language))
    return tuple(tables)


def _response_rate(
    version: InstrumentVersion, respondents: int | None, population: int | None, language: Language
) -> ResponseRate:
    """One band's row; the rate is hidden whenever the count is."""
    rate = None
    if respondents is not None and population:
        rate = whole_percent_of(respondents / population)
    return ResponseRate(
        age_band=version.instrument,
        age_band_label=age_band_label(version, language),
        respondents=respondents,
        population=population,
        rate_percent=rate,
        respondents_text=count_text(respondents, language, marker=Marker.CONFIDENTIAL),
        population_text=count_text(population, language),
        rate_text=percent_text(rate, language, marker=Marker.CONFIDENTIAL if population else ""),
    )


def _answers(round_rows: pd.DataFrame, respondents: pd.DataFrame) -> pd.DataFrame:
    """Demographic answers of the round's respondents, one column per item (wide)."""
    rows = round_rows.loc[
        round_rows[col.RESPONSE_ID].isin(respondents[col.RESPONSE_ID])
        & round_rows[col.ITEM_ID].isin(DEMOGRAPHICS)
    ]
    wide = rows.astype({col.ITEM_ID: str, col.VALUE: str}).pivot(
        index=col.RESPONSE_ID, columns=col.ITEM_ID, values=col.VALUE
    )
    # Object columns: an item nobody answered is all-missing, and pandas would make it float.
    return wide.reindex(columns=list(DEMOGRAPHICS)).astype(object)


def _table(
    dimension: str,
    answers: pd.DataFrame,
    group: pd.Series,
    catalogue: Catalogue,
    language: Language,
) -> DemographicTable:
    """One characteristic collapsed and protected (``control.category_counts``), as rows."""
    values = answers[dimension].reindex(group.to_numpy()).fillna(NOT_STATED)
    frame = values.replace(PREFER_NOT_TO_SAY, NOT_STATED).to_frame(dimension)
    protected = category_counts(frame, dimension)
    title = text(dimension, language)
    if protected.is_withheld:
        note = marker_note(SuppressionReason.TABLE_WITHHELD, language)
        return DemographicTable(dimension, title, None, (), is_withheld=True, note=note)
    counts = protected.counts
    order = _category_order(catalogue, dimension, counts.index)
    rows = tuple(
        _row(c, _whole(counts[c]), protected.total, catalogue, dimension, language) for c in order
    )
    hidden = counts.isna().any()
    note = marker_note(SuppressionReason.CONFIDENTIAL, language) if hidden else ""
    return DemographicTable(dimension, title, protected.level, rows, is_withheld=False, note=note)


def _row(
    category: str,
    count: int | None,
    total: int,
    catalogue: Catalogue,
    dimension: str,
    language: Language,
) -> DemographicRow:
    """One group with its count and whole-number share of respondents, or [c] for both."""
    percent = None if count is None else whole_percent_of(count / total)
    return DemographicRow(
        category=category,
        label=_category_label(catalogue, dimension, category, language),
        count=count,
        percent=percent,
        count_text=count_text(count, language, marker=Marker.CONFIDENTIAL),
        percent_text=percent_text(percent, language, marker=Marker.CONFIDENTIAL),
    )


def _category_order(catalogue: Catalogue, dimension: str, present: pd.Index) -> list[str]:
    """Categories in questionnaire option order, collapsed groups next, "not stated" last."""
    options = [value for value in _option_labels(catalogue, dimension) if value in present]
    extra = sorted(value for value in present if value not in options and value != NOT_STATED)
    return options + extra + ([NOT_STATED] if NOT_STATED in present else [])


def _category_label(catalogue: Catalogue, dimension: str, category: str, language: Language) -> str:
    """The answer's label from the catalogue, or the fixed label of a collapsed group."""
    if has_text(category):
        return text(category, language)
    label = _option_labels(catalogue, dimension).get(category)
    return label.get(language) if label is not None else category


def _option_labels(catalogue: Catalogue, dimension: str) -> dict[str, LocalisedText]:
    """Option value to label for ``dimension``, from the first version that asks it."""
    for version in catalogue.versions.values():
        if version.has_item(dimension):
            item = version.item(dimension)
            return {option.value: option.label for option in item.options if option.label}
    return {}


def _whole(value: float | NAType) -> int | None:
    """A shown whole number, or None for a hidden (NA) value."""
    return None if pd.isna(value) else int(value)
