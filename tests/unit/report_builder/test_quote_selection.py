"""Specification of disclosure.select_quotes: free-text quotes in a report (R-SDC-6)."""

import dataclasses

import pandas as pd

from report_builder.disclosure.quotes import select_quotes
from report_builder.disclosure.values import Quote
from report_builder.inputs import columns as col


def quotes(states: list[str], themes: list[str] | None = None) -> pd.DataFrame:
    """Quotes with ids 1.., review states and themes, each tagged with an age band and gender
    as the survey would store them."""
    n = len(states)
    return pd.DataFrame(
        {
            col.QUOTE_ID: range(1, n + 1),
            col.QUOTE_TEXT: [f"quote {i}" for i in range(1, n + 1)],
            col.REVIEW_STATE: states,
            col.THEME: themes or ["school"] * n,
            col.AGE_BAND: ["11-17"] * n,
            col.GENDER: ["girl"] * n,
        }
    )


def test_no_quotes_below_a_base_of_thirty():
    """R-SDC-6 (a): the LA-round base must be at least 30."""
    assert select_quotes(quotes(["approved"] * 3), base=29) == ()


def test_only_approved_quotes_are_used():
    """R-SDC-6 (b, c): a reviewer has scrubbed and approved the quote."""
    selected = select_quotes(quotes(["approved", "pending", "rejected", "approved"]), base=30)

    assert [q.text for q in selected] == ["quote 1", "quote 4"]


def test_quotes_carry_no_demographic_tag():
    """R-SDC-6 (d): text and theme (with the question's words) only, never age band, gender or
    other tags."""
    assert [f.name for f in dataclasses.fields(Quote)] == ["text", "theme", "theme_label"]
    assert select_quotes(quotes(["approved"]), base=30) == (Quote("quote 1", "school"),)


def test_at_most_ten_quotes_are_shown():
    """R-SDC-6 (e): no more than about ten quotes."""
    assert len(select_quotes(quotes(["approved"] * 25), base=100)) == 10


def test_quotes_are_taken_from_each_theme_in_turn():
    """R-SDC-6 (e): selected to illustrate themes, not all from the first one."""
    themes = ["school"] * 5 + ["home", "friends"]

    selected = select_quotes(quotes(["approved"] * 7, themes), base=30, limit=3)

    assert sorted(q.theme for q in selected) == ["friends", "home", "school"]


def test_the_input_frame_is_not_changed():
    """CR-12 (docs/architecture.md): every function returns new objects."""
    frame = quotes(["approved", "pending"])
    before = frame.copy()

    select_quotes(frame, base=30)

    pd.testing.assert_frame_equal(frame, before)


def test_a_quote_repeating_another_in_other_case_or_punctuation_is_shown_once():
    frame = quotes(["approved"] * 3)
    frame[col.QUOTE_TEXT] = ["Great carers!", "great   carers", "More trips out"]

    selected = select_quotes(frame, base=30)

    assert [q.text for q in selected] == ["Great carers!", "More trips out"]
