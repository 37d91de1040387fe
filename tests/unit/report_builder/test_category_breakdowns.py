"""Specification of one-characteristic breakdowns: collapse first, then hide only small groups.

R-SDC-5 collapses categories before anything is withheld; a group still under 10 is then
hidden with secondary suppression (R-SDC-2, R-SDC-3 at k = 10), so a table of 233 people
keeps its large groups instead of being withheld whole.
"""

from __future__ import annotations

import pandas as pd

from report_builder.disclosure.breakdowns import (
    NOT_STATED,
    OTHER_ANSWERS,
    category_counts,
    merge_small_groups,
)


def _people(**groups: int) -> pd.DataFrame:
    return pd.DataFrame(
        {"gender": [group for group, count in groups.items() for _ in range(count)]}
    )


def test_a_large_table_loses_only_its_small_group_and_one_partner():
    table = category_counts(_people(female=110, male=100, another_way=6, not_stated=17), "gender")

    assert not table.is_withheld
    assert table.counts["female"] == 110
    assert table.counts["male"] == 100
    assert pd.isna(table.counts["another_way"])
    assert table.counts.isna().sum() == 2, "one hidden group would follow from the total"
    assert table.total == 233


def test_small_groups_are_merged_before_any_is_hidden():
    frame = pd.DataFrame(
        {"placement_type": ["foster_care"] * 50 + ["childrens_home"] * 6 + ["with_parents"] * 7}
    )

    table = category_counts(frame, "placement_type")

    assert table.counts.to_dict() == {"foster_care": 50, OTHER_ANSWERS: 13}
    assert not table.is_withheld


def test_not_stated_is_never_merged_with_answers():
    merged = merge_small_groups(pd.Series({"a": 40, "b": 3, NOT_STATED: 4}))

    assert merged.to_dict() == {"a": 40, "b": 3, NOT_STATED: 4}


def test_a_table_with_nothing_safe_to_show_is_withheld():
    assert category_counts(_people(female=6, male=3), "gender").is_withheld


def test_ethnicity_still_collapses_to_white_and_minority_groups_first():
    frame = pd.DataFrame(
        {"ethnicity": ["white"] * 40 + ["asian"] * 6 + ["black"] * 5 + [NOT_STATED] * 12}
    )

    table = category_counts(frame, "ethnicity")

    assert table.level in ("ons_5_groups", "white_or_minority")
    assert table.counts.notna().all()
    assert (table.counts >= 10).all()
