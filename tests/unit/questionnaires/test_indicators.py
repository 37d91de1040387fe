"""Indicators: who counts in the base, what counts as positive, and when versions compare."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from questionnaires import BaseRule, Catalogue, Condition, comparable, load_catalogue


@pytest.fixture
def tiny(tiny_root: Path) -> Catalogue:
    return load_catalogue(tiny_root)


def test_a_positive_answer_in_the_base_scores_true(tiny: Catalogue) -> None:
    assert tiny.indicator("knows_worker").outcome("tiny", {"know_worker": "yes"}) is True


def test_a_dont_know_counts_in_the_base_unless_excluded(tiny: Catalogue) -> None:
    assert tiny.indicator("knows_worker").outcome("tiny", {"know_worker": "dont_know"}) is False


def test_skipped_and_prefer_not_to_say_are_outside_every_base(tiny: Catalogue) -> None:
    indicator = tiny.indicator("knows_worker")
    assert indicator.outcome("tiny", {}) is None
    assert indicator.outcome("tiny", {"know_worker": "prefer_not_to_say"}) is None
    assert "prefer_not_to_say" in indicator.excluded


def test_a_base_condition_limits_the_denominator(tiny: Catalogue) -> None:
    indicator = tiny.indicator("trusts_worker")
    assert indicator.base == BaseRule(
        excluded=frozenset({"prefer_not_to_say"}),
        when=(Condition("know_worker", frozenset({"yes"})),),
    )
    trusted = {"know_worker": "yes", "trust_worker": "all_or_most_of_the_time"}
    assert indicator.outcome("tiny", trusted) is True
    assert indicator.outcome("tiny", {**trusted, "know_worker": "no"}) is None


def test_an_indicator_reads_nothing_from_an_instrument_it_does_not_name(tiny: Catalogue) -> None:
    assert tiny.indicator("knows_worker").outcome("other", {"know_worker": "yes"}) is None


def test_rewording_an_item_breaks_comparability_for_its_indicators_only(tiny: Catalogue) -> None:
    v1, v2 = tiny.get("tiny@v1"), tiny.get("tiny@v2")
    assert not comparable(tiny.indicator("trusts_worker"), v1, v2)
    assert comparable(tiny.indicator("knows_worker"), v1, v2)
    assert comparable(tiny.indicator("low_life_satisfaction"), v1, v2)


def test_a_changed_positive_set_or_base_breaks_comparability(tiny: Catalogue) -> None:
    v1 = tiny.get("tiny@v1")
    indicator = tiny.indicator("knows_worker")
    wider = dataclasses.replace(indicator, positive=frozenset({"yes", "dont_know"}))
    narrower = dataclasses.replace(
        indicator, base=BaseRule(frozenset({"prefer_not_to_say", "dont_know"}))
    )
    assert indicator.fingerprint(v1) != wider.fingerprint(v1)
    assert indicator.fingerprint(v1) != narrower.fingerprint(v1)


def test_a_base_condition_item_reworded_breaks_comparability(tiny: Catalogue) -> None:
    v1 = tiny.get("tiny@v1")
    item = v1.item("know_worker")
    reworded_item = dataclasses.replace(
        item, text=dataclasses.replace(item.text, en="Do you know your worker?")
    )
    items = tuple(reworded_item if i.id == "know_worker" else i for i in v1.items)
    reworded = dataclasses.replace(v1, version=9, items=items)
    assert not comparable(tiny.indicator("trusts_worker"), v1, reworded)


def test_welsh_wording_alone_does_not_break_comparability(tiny: Catalogue) -> None:
    v1 = tiny.get("tiny@v1")
    item = v1.item("know_worker")
    retranslated = dataclasses.replace(item, text=dataclasses.replace(item.text, cy="Newydd"))
    items = tuple(retranslated if i.id == "know_worker" else i for i in v1.items)
    assert comparable(tiny.indicator("knows_worker"), v1, dataclasses.replace(v1, items=items))


def test_an_indicator_is_not_comparable_where_its_item_is_absent(tiny: Catalogue) -> None:
    v1 = tiny.get("tiny@v1")
    without = dataclasses.replace(v1, items=tuple(i for i in v1.items if i.id != "know_worker"))
    assert not comparable(tiny.indicator("knows_worker"), v1, without)
    with pytest.raises(LookupError):
        tiny.indicator("knows_worker").fingerprint(without)


def test_fingerprints_are_stable_across_loads(tiny_root: Path, tiny_copy: Path) -> None:
    first = load_catalogue(tiny_root)
    second = load_catalogue(tiny_copy)
    for indicator in first.indicators:
        assert indicator.fingerprint(first.get("tiny@v1")) == second.indicator(
            indicator.id
        ).fingerprint(second.get("tiny@v1"))
