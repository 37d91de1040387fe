"""Respondent tables cannot hold identity or exact times (R-DP-1, R-DP-2, CR-10)."""

import re

import pytest
from sqlalchemy import Date, DateTime, Time

from survey_app.db import Base

RESPONDENT_TABLES = ("response", "answer")
IDENTITY_NAMES = re.compile(r"(^ip|_ip$|ip_addr|remote_addr|user_?agent|referr?er|fingerprint)")


@pytest.mark.parametrize("table_name", RESPONDENT_TABLES)
def test_respondent_tables_have_no_identity_columns(table_name: str) -> None:
    columns = Base.metadata.tables[table_name].columns
    assert not [c.name for c in columns if IDENTITY_NAMES.search(c.name)]


@pytest.mark.parametrize("table_name", RESPONDENT_TABLES)
def test_respondent_tables_hold_days_never_times(table_name: str) -> None:
    columns = Base.metadata.tables[table_name].columns
    assert not [c.name for c in columns if isinstance(c.type, DateTime | Time)]
    assert not [c.name for c in columns if c.name.endswith("_at")]


def test_responses_record_the_day_they_started() -> None:
    started_on = Base.metadata.tables["response"].columns["started_on"]
    assert isinstance(started_on.type, Date)
