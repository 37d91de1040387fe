"""Specification of batched comparisons: a report's tests run together give the same report.

``plans.compare_all`` runs every planned comparison of a report at once (the batched tests of
``statistics/significance.py``); the reference ``compare`` (``tests/support``) runs one plan
with the single-call tests of ``reference_statistics``. Both must give
identical comparisons, and so identical ``Report`` objects.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from report_builder.comparison import assessment as assess
from report_builder.comparison.plans import (
    compare_all,
    plan_national,
    plan_other_las,
    plan_previous_round,
)
from report_builder.comparison.values import Benchmark
from report_builder.statistics.values import Proportion
from tests.support.reference_comparisons import compare
from tests.unit.report_builder.conftest import LARGE_LA, SMALL_LA


def one_by_one(plans):
    """The reference: each plan run on its own."""
    return [compare(plan) for plan in plans]


@pytest.mark.parametrize("la_code", [LARGE_LA, SMALL_LA])
@pytest.mark.parametrize("adjust", ["bh", "none"])
def test_batched_and_single_call_building_give_identical_reports(
    national, monkeypatch, la_code, adjust
):
    batched = national.report(la_code, adjust=adjust)
    monkeypatch.setattr(assess, "compare_all", one_by_one)

    assert national.report(la_code, adjust=adjust) == batched


def test_the_reports_compared_use_every_test(national):
    """The identity above covers the score, exact binomial and Boschloo paths."""
    methods = {
        comparison.method
        for la_code in (LARGE_LA, SMALL_LA)
        for result in national.report(la_code).results()
        for comparison in result.comparisons
    }

    assert {"score", "exact binomial", "boschloo exact"} <= methods


@st.composite
def proportions(draw, low=0, high=300):
    """A count of a base between ``low`` and ``high``."""
    nobs = draw(st.integers(low, high))
    return Proportion(draw(st.integers(0, nobs)), nobs)


@st.composite
def benchmarks(draw):
    """A national figure, fixed (no n) or with a published n."""
    return Benchmark(
        measure_id="m",
        indicator_id="i",
        value=draw(st.floats(0.01, 0.99)),
        age_min=11,
        age_max=15,
        year="2024",
        source_title="t",
        source_url="u",
        sample_size=draw(st.one_of(st.none(), st.integers(1, 2000))),
        confidence="secondary",
    )


@st.composite
def plans(draw):
    """Any plan the three comparison axes can make, tested or not."""
    this, other = draw(proportions()), draw(proportions())
    axis = draw(st.sampled_from(["national", "other", "previous"]))
    if axis == "national":
        return plan_national("i", this, draw(st.one_of(st.none(), benchmarks())))
    if axis == "other":
        return plan_other_las("i", this, draw(st.one_of(st.just(other), proportions(0, 5000))))
    return plan_previous_round("i", this, other, is_comparable=draw(st.booleans()))


@settings(max_examples=60, deadline=None)
@given(st.lists(plans(), max_size=12))
def test_running_plans_together_gives_the_single_call_comparisons(many):
    assert compare_all(many) == one_by_one(many)
