"""Specification of compare_with_other_las when the pool of other areas is large."""

from __future__ import annotations

from report_builder.statistics.values import Proportion
from tests.support.reference_comparisons import compare_with_other_las
from tests.support.reference_statistics import one_sample_test, two_sample_test


def test_a_pool_ten_times_larger_is_treated_as_a_fixed_figure():
    """docs/sources.md S7 applied to other areas: 20 answers against 5,000 is a one-sample test, and
    exact (binomial) because the base is 10-29 (R-STAT-4), not a seconds-long Boschloo test."""
    result = compare_with_other_las("likes_school", Proportion(8, 20), Proportion(3000, 5000))

    assert result.test == one_sample_test(8, 20, 0.6, exact=True)
    assert result.is_indicative


def test_a_pool_under_ten_times_larger_is_compared_as_a_second_sample():
    result = compare_with_other_las("likes_school", Proportion(20, 40), Proportion(150, 300))

    assert result.test == two_sample_test(20, 40, 150, 300)
