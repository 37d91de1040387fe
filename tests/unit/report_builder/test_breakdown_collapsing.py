"""Specification of disclosure.collapse_breakdown: k = 10 in every combination (R-SDC-5)."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from report_builder.disclosure.breakdowns import ONS_5_GROUPS, collapse_breakdown
from report_builder.inputs import columns as col


def respondents(*groups: tuple[str, str, int]) -> pd.DataFrame:
    """One row per respondent from (gender, ethnicity, how many) triples."""
    rows = [(gender, ethnicity) for gender, ethnicity, n in groups for _ in range(n)]
    return pd.DataFrame(rows, columns=[col.GENDER, col.ETHNICITY])


def test_a_breakdown_with_ten_in_every_combination_is_kept_as_answered():
    """R-SDC-5: collapsing starts only when a combination has fewer than 10."""
    people = respondents(("girl", "white_british", 10), ("boy", "white_british", 12))

    breakdown = collapse_breakdown(people, [col.GENDER, col.ETHNICITY])

    assert breakdown.dimensions == (col.GENDER, col.ETHNICITY)
    assert breakdown.ethnicity_level == "as_answered"


def test_ethnicity_collapses_first_to_the_five_ons_groups():
    """R-SDC-5 step 1: Indian 6 + Pakistani 5 become Asian 11."""
    people = respondents(
        ("girl", "indian", 6), ("girl", "pakistani", 5), ("girl", "white_british", 10)
    )

    breakdown = collapse_breakdown(people, [col.GENDER, col.ETHNICITY])

    assert breakdown.ethnicity_level == "ons_5_groups"
    assert sorted(breakdown.respondents[col.ETHNICITY].unique()) == ["asian", "white"]


def test_ethnicity_then_collapses_to_white_or_minority_ethnic():
    """R-SDC-5 step 2: Asian 5 + Black 5 become Minority ethnic 10."""
    people = respondents(("boy", "indian", 5), ("boy", "african", 5), ("boy", "white_irish", 10))

    breakdown = collapse_breakdown(people, [col.GENDER, col.ETHNICITY])

    assert breakdown.ethnicity_level == "white_or_minority"
    assert breakdown.respondents.value_counts().min() >= 10


def test_gender_is_dropped_next():
    """R-SDC-5 step 3: 6 girls and 6 boys of minority ethnicity are too few; without gender
    there are 12."""
    people = respondents(
        ("girl", "indian", 6),
        ("boy", "african", 6),
        ("girl", "white_british", 10),
        ("boy", "white_british", 10),
    )

    breakdown = collapse_breakdown(people, [col.GENDER, col.ETHNICITY])

    assert breakdown.dimensions == (col.ETHNICITY,)
    assert breakdown.ethnicity_level == "white_or_minority"


def test_the_breakdown_is_dropped_when_nothing_reaches_ten():
    """R-SDC-5 step 4: a group of 9 cannot be shown however it is cut."""
    people = respondents(("girl", "white_british", 9), ("boy", "white_british", 30))

    breakdown = collapse_breakdown(people, [col.GENDER])

    assert breakdown.is_dropped
    assert breakdown.respondents.shape[1] == 0


def test_people_who_did_not_answer_count_as_their_own_group():
    """A missing answer is a group too: leaving it out of the check would let its size be
    worked out as the total minus the groups shown."""
    people = pd.DataFrame({col.GENDER: ["girl"] * 12 + ["boy"] * 12 + [None] * 3})

    assert collapse_breakdown(people, [col.GENDER]).is_dropped


def test_more_than_two_quasi_identifiers_are_refused():
    """R-SDC-5: never cross more than two quasi-identifiers in one LA report."""
    people = respondents(("girl", "white_british", 30)).assign(**{col.AGE_BAND: "11-17"})

    with pytest.raises(ValueError, match="more than two"):
        collapse_breakdown(people, [col.GENDER, col.ETHNICITY, col.AGE_BAND])


def test_an_ethnicity_code_with_no_ons_group_is_refused():
    """An unknown code is an input error, not something to lump silently into "other"."""
    people = respondents(("girl", "martian", 3), ("girl", "white_british", 10))

    with pytest.raises(ValueError, match="martian"):
        collapse_breakdown(people, [col.ETHNICITY])


def test_the_input_frame_is_not_changed():
    """CR-12 (docs/architecture.md): every function returns new objects."""
    people = respondents(("boy", "indian", 5), ("boy", "african", 5), ("boy", "white_irish", 10))
    before = people.copy()

    collapse_breakdown(people, [col.GENDER, col.ETHNICITY])

    pd.testing.assert_frame_equal(people, before)


@settings(max_examples=100, deadline=None)
@given(
    genders=st.lists(st.sampled_from(["girl", "boy", "non_binary"]), min_size=1, max_size=80),
    ethnicities=st.lists(st.sampled_from(sorted(ONS_5_GROUPS)), min_size=80, max_size=80),
)
def test_every_shown_combination_has_at_least_ten_people(genders, ethnicities):
    """R-SDC-5: whatever the answers, a kept breakdown has k >= 10 in every combination."""
    people = pd.DataFrame({col.GENDER: genders, col.ETHNICITY: ethnicities[: len(genders)]})

    breakdown = collapse_breakdown(people, [col.GENDER, col.ETHNICITY])

    if not breakdown.is_dropped:
        assert breakdown.respondents.value_counts(dropna=False).min() >= 10
        assert len(breakdown.respondents) == len(people)


def test_a_missing_ethnicity_joins_not_stated_when_groups_are_collapsed():
    """People who skipped the question are a group of their own, "not stated" (R-SDC-5).
    With k = 2: Pakistani 1 is too few as answered; as ONS groups, Asian 7 and not stated 2."""
    people = pd.DataFrame({col.ETHNICITY: ["indian"] * 6 + ["pakistani"] + [None] * 2})

    breakdown = collapse_breakdown(people, [col.ETHNICITY], k=2)

    assert breakdown.ethnicity_level == "ons_5_groups"
    counts = breakdown.respondents[col.ETHNICITY].value_counts().to_dict()
    assert counts == {"asian": 7, "not_stated": 2}
