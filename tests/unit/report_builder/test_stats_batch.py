"""Specification of report_builder.statistics: the intervals and tests for many rows at once.

The reference is always the single-call function in ``tests/support/reference_statistics.py``
(itself specified against SciPy and statsmodels), or SciPy directly, on seeded random arrays
and Hypothesis cases.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sps

from report_builder.statistics.intervals import newcombe_bounds, wilson_bounds
from report_builder.statistics.significance import (
    binomial_pvalues,
    needs_exact,
    one_sample_tests,
    score_pvalues_2indep,
    two_sample_tests,
)
from tests.support import reference_statistics as stats

TOLERANCE = {"rel": 1e-9, "abs": 1e-12}


def random_counts(seed: int, size: int = 400, low: int = 1, high: int = 400):
    """Seeded bases and counts, with every count from 0 to the base possible."""
    rng = np.random.default_rng(seed)
    nobs = rng.integers(low, high, size)
    return rng.integers(0, nobs + 1), nobs, rng


def random_pairs(seed: int, size: int = 400):
    """Seeded two-sample tables with bases of 10 to 300."""
    count1, nobs1, rng = random_counts(seed, size, low=10, high=300)
    nobs2 = rng.integers(10, 300, size)
    return count1, nobs1, rng.integers(0, nobs2 + 1), nobs2, rng


def test_wilson_bounds_match_the_single_call_interval():
    """R-STAT-1, row by row."""
    count, nobs, _ = random_counts(1)

    lower, upper = wilson_bounds(count, nobs)

    for k, n, low, high in zip(count, nobs, lower, upper, strict=True):
        interval = stats.wilson_interval(int(k), int(n))
        assert low == pytest.approx(interval.lower, **TOLERANCE)
        assert high == pytest.approx(interval.upper, **TOLERANCE)


def test_one_sample_tests_match_the_single_call_tests():
    """R-STAT-2 and R-STAT-4: score or exact binomial p-value, the other kept aside."""
    count, nobs, rng = random_counts(2)
    benchmark = rng.uniform(0.001, 0.999, len(count))
    exact = rng.random(len(count)) < 0.5

    batched = one_sample_tests(count, nobs, benchmark, exact)

    for i, test in enumerate(batched):
        args = (int(count[i]), int(nobs[i]), float(benchmark[i]))
        single = stats.one_sample_test(*args, exact=bool(exact[i]))
        assert test.method == single.method
        assert test.pvalue == pytest.approx(single.pvalue, **TOLERANCE)
        assert test.sensitivity_pvalue == pytest.approx(single.sensitivity_pvalue, **TOLERANCE)
        assert test.interval_excludes_null == single.interval_excludes_null


def test_two_sample_tests_match_the_single_call_tests():
    """R-STAT-3 and R-STAT-4: Newcombe interval; score, or Boschloo where asked or needed."""
    count1, nobs1, count2, nobs2, rng = random_pairs(3, size=150)
    exact = rng.random(len(count1)) < 0.05

    batched = two_sample_tests(count1, nobs1, count2, nobs2, exact)

    for i, test in enumerate(batched):
        args = (int(count1[i]), int(nobs1[i]), int(count2[i]), int(nobs2[i]))
        single = stats.two_sample_test(*args, exact=bool(exact[i]))
        assert test.method == single.method
        assert test.estimate == pytest.approx(single.estimate, **TOLERANCE)
        assert test.interval.lower == pytest.approx(single.interval.lower, **TOLERANCE)
        assert test.interval.upper == pytest.approx(single.interval.upper, **TOLERANCE)
        assert test.pvalue == pytest.approx(single.pvalue, **TOLERANCE)


@settings(max_examples=300, deadline=None)
@given(
    nobs=st.integers(1, 500),
    fraction=st.floats(0, 1),
    benchmark=st.one_of(
        st.sampled_from([0.05, 0.1, 0.25, 0.5, 0.75, 0.9]), st.floats(0.001, 0.999)
    ),
)
def test_binomial_pvalues_are_scipys_binomtest(nobs, fraction, benchmark):
    """S5: the same p-value as scipy.stats.binomtest, including counts exactly at n * p0."""
    count = round(fraction * nobs)

    pvalue = binomial_pvalues(np.array([count]), np.array([nobs]), np.array([benchmark]))[0]

    assert pvalue == pytest.approx(sps.binomtest(count, nobs, benchmark).pvalue, **TOLERANCE)


@settings(max_examples=300, deadline=None)
@given(
    nobs1=st.integers(1, 300),
    nobs2=st.integers(1, 300),
    fraction1=st.floats(0, 1),
    fraction2=st.floats(0, 1),
)
def test_two_sample_pieces_match_the_single_calls(nobs1, nobs2, fraction1, fraction2):
    """Newcombe limits, the expected-cell rule and the score p-value, table by table."""
    table = (round(fraction1 * nobs1), nobs1, round(fraction2 * nobs2), nobs2)
    arrays = [np.array([value]) for value in table]
    interval = stats.newcombe_interval(*table)

    lower, upper = newcombe_bounds(*arrays)

    assert lower[0] == pytest.approx(interval.lower, **TOLERANCE)
    assert upper[0] == pytest.approx(interval.upper, **TOLERANCE)
    assert bool(needs_exact(*arrays)[0]) == stats.needs_exact_test(*table)
    if not stats.needs_exact_test(*table):
        expected = stats.two_sample_test(*table).pvalue
        assert score_pvalues_2indep(*arrays)[0] == pytest.approx(expected, **TOLERANCE)


def test_no_rows_give_no_tests():
    assert one_sample_tests([], [], [], []) == []
    assert two_sample_tests([], [], [], [], []) == []
    assert binomial_pvalues(np.array([]), np.array([]), np.array([])).size == 0


def test_a_benchmark_of_none_or_everyone_is_refused():
    """As stats.one_sample_test: a score test needs 0 < p0 < 1."""
    with pytest.raises(ValueError, match="benchmark"):
        one_sample_tests([5, 5], [20, 20], [0.2, 1.0], [False, False])
