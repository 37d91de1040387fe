"""Demographic tables when a characteristic was asked but nobody answered it."""

from __future__ import annotations

import pandas as pd

from questionnaires import load_catalogue
from report_builder.inputs import columns as col
from report_builder.report.demographics import demographic_tables

PEOPLE = 12


def _round_without_demographic_answers() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Twelve 11-17 respondents who answered "do you feel safe" and nothing about themselves."""
    ids = list(range(1, PEOPLE + 1))
    respondents = pd.DataFrame({col.RESPONSE_ID: ids, col.INSTRUMENT: ["cic-11-17"] * PEOPLE})
    rows = pd.DataFrame(
        {col.RESPONSE_ID: ids, col.ITEM_ID: ["feel_safe"] * PEOPLE, col.VALUE: ["always"] * PEOPLE}
    )
    return rows, respondents


def test_a_characteristic_nobody_answered_counts_everyone_as_not_stated() -> None:
    """An all-missing answer column once made pandas refuse the "not stated" fill value."""
    catalogue = load_catalogue()
    rows, respondents = _round_without_demographic_answers()
    versions = {"cic-11-17": catalogue.get("cic-11-17@v1")}

    tables = demographic_tables(rows, respondents, catalogue, versions, "en")

    assert tables, "the 11-17 questionnaire asks about gender and more"
    for table in tables:
        assert not table.is_withheld
        assert [(row.category, row.count) for row in table.rows] == [("not_stated", PEOPLE)]


def test_version_2_adds_moves_and_care_leavers_housing_activity_and_disability() -> None:
    catalogue = load_catalogue()
    rows, respondents = _round_without_demographic_answers()
    leavers = respondents.assign(**{col.INSTRUMENT: "leavers-16-25"})
    in_care = {"cic-11-17": catalogue.get("cic-11-17@v2")}
    after_care = {"leavers-16-25": catalogue.get("leavers-16-25@v2")}

    asked_in_care = {
        t.dimension for t in demographic_tables(rows, respondents, catalogue, in_care, "en")
    }
    asked_after = {
        t.dimension for t in demographic_tables(rows, leavers, catalogue, after_care, "en")
    }

    assert "placement_moves" in asked_in_care
    assert {"where_living", "main_activity", "health_condition"} <= asked_after
    assert "living_situation" not in asked_after
