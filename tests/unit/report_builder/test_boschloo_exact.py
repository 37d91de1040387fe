"""Specification of exact.boschloo_pvalue: SciPy's Boschloo test, computed faster."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sps

from report_builder.exact import boschloo_pvalue


@st.composite
def tables(draw):
    """Two groups of 1-40 with any counts; equal sizes often, where ties are most likely."""
    nobs1 = draw(st.integers(1, 40))
    nobs2 = draw(st.one_of(st.just(nobs1), st.integers(1, 40)))
    return draw(st.integers(0, nobs1)), nobs1, draw(st.integers(0, nobs2)), nobs2


@settings(max_examples=60, deadline=None)
@given(tables())
def test_boschloo_matches_scipy(table):
    """Same definition as scipy.stats.boschloo_exact, two-sided, one sample per column (S13)."""
    count1, nobs1, count2, nobs2 = table
    expected = sps.boschloo_exact(
        [[count1, count2], [nobs1 - count1, nobs2 - count2]], alternative="two-sided"
    ).pvalue

    assert boschloo_pvalue(count1, nobs1, count2, nobs2) == pytest.approx(expected, rel=1e-7)


def test_twelve_of_forty_against_five_of_thirty_five_gives_point_one_three():
    """methods.md S15: Boschloo p = 0.13."""
    assert round(boschloo_pvalue(12, 40, 5, 35), 2) == 0.13


def test_an_empty_group_gives_nan_like_scipy():
    assert math.isnan(boschloo_pvalue(0, 0, 3, 10))
