"""Specification of the synthetic generator: reproducible, routed, and shaped like real data."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from demo_data.synthetic import (
    SyntheticDesign,
    synthetic_populations,
    synthetic_quotes,
    synthetic_responses,
)
from questionnaires import load_catalogue, visible_items
from report_builder.indicators.counts import indicator_counts
from report_builder.inputs import columns as col
from report_builder.inputs.checks import check_quotes, check_responses

CATALOGUE = load_catalogue()
DESIGN = SyntheticDesign(n_las=4, respondents=200, small_respondents=20)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return synthetic_responses(CATALOGUE, DESIGN, seed=7)


def test_the_same_seed_gives_the_same_frame(frame):
    pd.testing.assert_frame_equal(frame, synthetic_responses(CATALOGUE, DESIGN, seed=7))


def test_another_seed_gives_different_answers(frame):
    other = synthetic_responses(CATALOGUE, DESIGN, seed=8)

    assert len(other) != len(frame) or not other[col.VALUE].equals(frame[col.VALUE])


def test_the_frame_meets_the_responses_contract(frame):
    check_responses(frame)

    assert set(frame[col.PERIOD].astype(str)) == set(DESIGN.periods)
    assert frame[col.LA_CODE].nunique() == DESIGN.n_las


def test_answers_follow_show_if_routing(frame):
    """No one answers a question their earlier answers hid (questionnaires.routing)."""
    sample = frame.loc[frame[col.RESPONSE_ID] % 10 == 0]
    for (instrument, _), rows in sample.groupby([col.INSTRUMENT, col.RESPONSE_ID], observed=True):
        version = CATALOGUE.latest(str(instrument))
        answers = {
            str(item): (tuple(json.loads(value)) if str(value).startswith("[") else str(value))
            for item, value in zip(rows[col.ITEM_ID], rows[col.VALUE], strict=True)
        }
        assert set(answers) <= {item.id for item in visible_items(version, answers)}


def test_nobody_who_does_not_know_their_social_worker_rates_trust_in_them(frame):
    wide = frame.loc[frame[col.ITEM_ID].isin(["know_social_worker", "trust_social_worker"])].pivot(
        index=col.RESPONSE_ID, columns=col.ITEM_ID, values=col.VALUE
    )
    rated = wide.loc[wide["trust_social_worker"].notna()]

    assert (rated["know_social_worker"] == "yes").all()


def test_the_small_area_falls_under_the_suppression_threshold(frame):
    """The last area is small, so some of its bases are under 10 (R-SDC-1 applies)."""
    counts = indicator_counts(frame, CATALOGUE)
    small = counts.loc[counts[col.LA_CODE] == "SYN004", col.DENOMINATOR]

    assert (small < 10).any()


def test_the_first_area_feels_safer_in_its_last_round(frame):
    counts = indicator_counts(frame, CATALOGUE)
    safe = counts.loc[
        (counts[col.LA_CODE] == "SYN001") & (counts[col.INDICATOR_ID] == "always_feels_safe")
    ]
    by_period = safe.groupby(col.PERIOD)[[col.NUMERATOR, col.DENOMINATOR]].sum()
    share = by_period[col.NUMERATOR] / by_period[col.DENOMINATOR]

    assert share["2026"] > share["2025"] + 0.1


def test_quotes_come_from_free_text_and_only_some_are_approved(frame):
    quotes = check_quotes(synthetic_quotes(frame, seed=1))

    assert set(quotes[col.REVIEW_STATE]) == {"approved", "pending", "rejected"}
    assert quotes[col.ITEM_ID].isin(["make_care_better", "anything_else", "worries"]).all()


def test_populations_give_response_rates_between_23_and_55_percent(frame):
    populations = synthetic_populations(frame, seed=1)
    respondents = (
        frame.drop_duplicates(col.RESPONSE_ID)
        .groupby([col.ROUND_ID, col.INSTRUMENT], observed=True)
        .size()
    )

    for (round_key, instrument), number in respondents.items():
        assert 0.2 <= number / populations[str(round_key)][str(instrument)] <= 0.56
