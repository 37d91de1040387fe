"""Specification of exact.boschloo_pvalue: SciPy's Boschloo test, computed faster."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import stats as sps

from report_builder.statistics.boschloo import _binomial_pmf, _row_sums, boschloo_pvalue


@st.composite
def tables(draw):
    """Two groups of 1-40 with any counts; equal sizes often, where ties are most likely."""
    nobs1 = draw(st.integers(1, 40))
    nobs2 = draw(st.one_of(st.just(nobs1), st.integers(1, 40)))
    return draw(st.integers(0, nobs1)), nobs1, draw(st.integers(0, nobs2)), nobs2


@settings(max_examples=60, deadline=None)
@given(tables())
def test_boschloo_matches_scipy(table):
    """Same definition as scipy.stats.boschloo_exact, two-sided, one sample per column (S13).

    SciPy searches the nuisance parameter with ``n`` sampling points (32 by default), which can
    miss the maximum in the sixth significant figure (4 of 12 against 10 of 12: 0.01688612 at 32,
    0.01688614 from 256 up, our value); 256 points makes SciPy's own error smaller than ``rel``.
    """
    count1, nobs1, count2, nobs2 = table
    expected = sps.boschloo_exact(
        [[count1, count2], [nobs1 - count1, nobs2 - count2]], alternative="two-sided", n=256
    ).pvalue

    assert boschloo_pvalue(count1, nobs1, count2, nobs2) == pytest.approx(expected, rel=1e-7)


def test_twelve_of_forty_against_five_of_thirty_five_gives_point_one_three():
    """docs/sources.md S15: Boschloo p = 0.13."""
    assert round(boschloo_pvalue(12, 40, 5, 35), 2) == 0.13


def test_an_empty_group_gives_nan_like_scipy():
    assert math.isnan(boschloo_pvalue(0, 0, 3, 10))


@pytest.mark.parametrize(
    "table", [(3, 120, 9, 80), (20, 60, 5, 60), (0, 45, 4, 150), (56, 103, 140, 213)]
)
def test_boschloo_matches_scipy_on_report_sized_tables(table):
    """Bases of the size national reports meet, where the tail sums run over long rows."""
    count1, nobs1, count2, nobs2 = table
    expected = sps.boschloo_exact(
        [[count1, count2], [nobs1 - count1, nobs2 - count2]], alternative="two-sided"
    ).pvalue

    assert boschloo_pvalue(count1, nobs1, count2, nobs2) == pytest.approx(expected, rel=1e-7)


@settings(max_examples=60, deadline=None)
@given(
    tail=arrays(bool, st.tuples(st.integers(1, 30), st.integers(2, 30))),
    as_runs=st.booleans(),
    pi=st.floats(0, 1),
)
def test_tail_sums_equal_the_matrix_product_for_any_tail_pattern(tail, as_runs, pi):
    """Rows that run up to n2 (as Fisher tails do) take suffix sums; any other pattern is
    multiplied out. Both give the matrix product."""
    tail = np.sort(tail, axis=1) if as_runs else tail
    pmf = _binomial_pmf(tail.shape[1] - 1, np.array([pi, 0.5]))

    assert _row_sums(tail, pmf) == pytest.approx(tail.astype(float) @ pmf, abs=1e-15)
