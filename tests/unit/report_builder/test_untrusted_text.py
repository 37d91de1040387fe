"""Specification of the two guards that keep people's text as data: ReportLab markup and
spreadsheet formulas."""

from __future__ import annotations

import pytest

from report_builder.render.untrusted_text import FORMULA_TRIGGERS, defuse_formula, escape_markup


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        ("i want <b>more time with my brother", "i want &lt;b&gt;more time with my brother"),
        ("&#999999999;", "&amp;#999999999;"),
        ('<img src="/etc/passwd"/>', "&lt;img src=&quot;/etc/passwd&quot;/&gt;"),
        ("Bro Morgannwg: ŵ ŷ", "Bro Morgannwg: ŵ ŷ"),
    ],
)
def test_markup_characters_become_entities_and_everything_else_is_kept(text, markup):
    assert escape_markup(text) == markup


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_text_starting_with_a_formula_trigger_gets_a_leading_quote(trigger):
    formula = f'{trigger}HYPERLINK("http://evil.test")'
    assert defuse_formula(formula) == "'" + formula


@pytest.mark.parametrize("text", ["more trips please", "a = b", "", "'=already quoted", "[c]"])
def test_other_text_is_unchanged(text):
    assert defuse_formula(text) == text


@pytest.mark.parametrize("value", [-3.5, -2, 0, None])
def test_numbers_and_missing_values_are_not_text_and_stay_as_they_are(value):
    assert defuse_formula(value) is value
