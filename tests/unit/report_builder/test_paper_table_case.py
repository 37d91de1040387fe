"""The paper-table case (R-STAT-6): a real rise is not lost in a whole age band's adjustment.

One authority's 11-17s answer the whole questionnaire in two rounds, 60 then 35 of them.
High happiness yesterday (7 to 10) goes from 40 of 60 to 32 of 35; the catalogue reports its
complement, low happiness yesterday (0 to 4), which goes from 20 of 60 to 3 of 35, the same
comparison with the sign turned round. Low life satisfaction goes from 14 of 60 to 4 of 35.
With every other indicator of the band tested too, Benjamini-Hochberg may take the first
flag away, but the report must still say "down" or "possibly down", never "no clear change".
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from demo_data.synthetic import SyntheticDesign, la_codes, round_id, synthetic_responses
from report_builder.comparison.values import ComparisonKind, Tier
from report_builder.inputs import columns as col
from report_builder.report.build import build_report
from report_builder.report.model import Report

BAND = "cic-11-17"
SIZES = {"2025": 60, "2026": 35}
ANSWERS = {
    "happy_yesterday": {"2025": (("8", 40), ("3", 20)), "2026": (("8", 32), ("3", 3))},
    "life_satisfaction": {"2025": (("2", 14), ("7", 46)), "2026": (("2", 4), ("7", 31))},
}


def one_band(responses: pd.DataFrame, la_code: str, period: str) -> pd.DataFrame:
    """The first ``SIZES[period]`` completed 11-17 respondents of one round, whole answers."""
    rows = responses.loc[
        (responses[col.ROUND_ID] == round_id(la_code, period))
        & (responses[col.INSTRUMENT] == BAND)
        & responses[col.COMPLETED]
    ]
    people = rows[col.RESPONSE_ID].drop_duplicates().iloc[: SIZES[period]]
    assert len(people) == SIZES[period], "the synthetic round is too small for the case"
    return rows.loc[rows[col.RESPONSE_ID].isin(people)]


def with_answers(rows: pd.DataFrame, period: str) -> pd.DataFrame:
    """The round's rows with the case's wellbeing answers in place of the synthetic ones."""
    kept = rows.loc[~rows[col.ITEM_ID].isin(list(ANSWERS))]
    people = rows.drop_duplicates(col.RESPONSE_ID)
    added = []
    for item, by_period in ANSWERS.items():
        values = [value for value, count in by_period[period] for _ in range(count)]
        added.append(people.assign(**{col.ITEM_ID: item, col.VALUE: values}))
    return pd.concat([kept, *added], ignore_index=True)


@pytest.fixture(scope="module")
def case_report(national) -> Report:
    design = SyntheticDesign(
        n_las=2, respondents=400.0, shares={BAND: 1.0}, versions={"2025": 1, "2026": 1}
    )
    responses = synthetic_responses(national.catalogue, design, seed=5)
    la_code = la_codes(design)[0]
    frame = pd.concat(
        [with_answers(one_band(responses, la_code, period), period) for period in SIZES],
        ignore_index=True,
    )
    return build_report(
        frame,
        national.catalogue,
        national.benchmarks,
        la_code=la_code,
        round_id=round_id(la_code, "2026"),
        previous_round_id=round_id(la_code, "2025"),
        generated_on=date(2026, 3, 2),
    )


def change_since(report: Report, indicator_id: str):
    result = next(r for r in report.results() if r.indicator_id == indicator_id)
    return next(c for c in result.comparisons if c.kind is ComparisonKind.PREVIOUS_ROUND)


def test_the_whole_band_is_tested_so_the_adjustment_covers_every_indicator(case_report):
    tested = [change_since(case_report, r.indicator_id) for r in case_report.results()]

    assert sum(c.tier is not None for c in tested) >= 30


def test_a_fall_from_20_of_60_to_3_of_35_is_down_or_possibly_down(case_report):
    change = change_since(case_report, "low_happiness_yesterday")

    assert (change.difference, change.tier) != (None, Tier.NONE)
    assert change.interval_upper < 0
    assert change.text.startswith(("down since 2025", "possibly down since 2025"))
    assert "no clear change" not in change.text


def test_14_of_60_against_4_of_35_is_no_clear_change(case_report):
    change = change_since(case_report, "low_life_satisfaction")

    assert change.tier is Tier.NONE
    assert change.text == "no clear change since 2025"
