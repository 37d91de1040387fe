"""Specification of the intervals and tests for small-sample proportions, one call each (the
reference implementations in tests/support), and of the Benjamini-Hochberg adjustment.

Reference figures are computed here from scipy, statsmodels or the textbook formula, never copied
as literals, except the hand-worked anchors of docs/sources.md, whose id is cited.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sps
from statsmodels.stats.multitest import multipletests

from report_builder.statistics.multiple_testing import adjust_pvalues
from tests.support.reference_statistics import (
    needs_exact_test,
    newcombe_interval,
    one_sample_test,
    two_sample_test,
    wilson_interval,
)

CASES_ONE_SAMPLE = [(9, 30, 0.1), (0, 12, 0.2), (12, 12, 0.7), (31, 80, 0.5), (3, 45, 0.03)]
CASES_TWO_SAMPLE = [(12, 40, 5, 35), (30, 100, 18, 90), (50, 120, 70, 130), (0, 60, 9, 70)]


def test_nine_of_thirty_against_ten_percent_is_flagged_higher():
    """docs/sources.md S8: 9/30 against 10%: Wilson 16.7%-47.9%, score p = 0.0003,
    exact p = 0.002."""
    result = one_sample_test(9, 30, 0.10)

    assert (round(result.interval.lower, 3), round(result.interval.upper, 3)) == (0.167, 0.479)
    assert round(result.pvalue, 4) == 0.0003
    assert round(result.sensitivity_pvalue, 3) == 0.002
    assert result.interval_excludes_null
    assert result.estimate > result.null_value


def test_twelve_of_forty_against_five_of_thirty_five_is_not_flagged():
    """docs/sources.md S15: Newcombe -3.5 to +33.1 points, score p = 0.107: no change."""
    result = two_sample_test(12, 40, 5, 35)

    assert round(result.interval.lower * 100, 1) == -3.5
    assert round(result.interval.upper * 100, 1) == 33.1
    assert round(result.pvalue, 3) == 0.107
    assert result.method == "score"
    assert not result.interval_excludes_null


def test_twelve_of_forty_against_five_of_thirty_five_by_boschloo_gives_p_of_point_one_three():
    """docs/sources.md S15: Boschloo p = 0.13 for the same table, used when exact is asked for."""
    result = two_sample_test(12, 40, 5, 35, exact=True)

    assert result.method == "boschloo exact"
    assert round(result.pvalue, 2) == 0.13


@pytest.mark.parametrize(("count", "nobs", "benchmark"), CASES_ONE_SAMPLE)
def test_wilson_interval_matches_scipy(count, nobs, benchmark):
    """R-STAT-1: reference is scipy's binomtest(...).proportion_ci(method="wilson")."""
    expected = sps.binomtest(count, nobs).proportion_ci(confidence_level=0.95, method="wilson")

    interval = wilson_interval(count, nobs)

    assert interval.lower == pytest.approx(expected.low, abs=1e-12)
    assert interval.upper == pytest.approx(expected.high, abs=1e-12)


@pytest.mark.parametrize(("count", "nobs", "benchmark"), CASES_ONE_SAMPLE)
def test_score_test_against_benchmark_matches_the_textbook_formula(count, nobs, benchmark):
    """R-STAT-2: z = (p - p0) / sqrt(p0 (1 - p0) / n), two-sided normal p-value."""
    z = (count / nobs - benchmark) / math.sqrt(benchmark * (1 - benchmark) / nobs)

    result = one_sample_test(count, nobs, benchmark)

    assert result.method == "score"
    assert result.pvalue == pytest.approx(2 * sps.norm.sf(abs(z)), rel=1e-9)


@pytest.mark.parametrize(("count", "nobs", "benchmark"), CASES_ONE_SAMPLE)
def test_exact_test_against_benchmark_matches_scipy_binomtest(count, nobs, benchmark):
    """R-STAT-4: bases of 10-29 use the exact binomial test; the score p-value is kept aside."""
    result = one_sample_test(count, nobs, benchmark, exact=True)

    assert result.method == "exact binomial"
    assert result.pvalue == pytest.approx(sps.binomtest(count, nobs, benchmark).pvalue)
    assert result.sensitivity_pvalue == pytest.approx(
        one_sample_test(count, nobs, benchmark).pvalue
    )


@pytest.mark.parametrize("benchmark", [0.0, 1.0, -0.1, 1.5])
def test_a_benchmark_of_none_or_everyone_is_refused(benchmark):
    """A score test needs 0 < p0 < 1; a 0% or 100% benchmark has no variance to test against."""
    with pytest.raises(ValueError, match="benchmark"):
        one_sample_test(5, 20, benchmark)


@settings(max_examples=300, deadline=None)
@given(
    nobs=st.integers(min_value=10, max_value=300),
    fraction=st.floats(min_value=0, max_value=1),
    benchmark=st.sampled_from([0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]),
)
def test_score_test_decision_always_matches_the_wilson_interval(nobs, fraction, benchmark):
    """docs/sources.md S3: p < 0.05 exactly when the Wilson interval leaves out the benchmark."""
    count = round(fraction * nobs)

    result = one_sample_test(count, nobs, benchmark)

    assert (result.pvalue < 0.05) == result.interval_excludes_null


@pytest.mark.parametrize(("c1", "n1", "c2", "n2"), CASES_TWO_SAMPLE)
def test_newcombe_interval_is_built_from_the_two_wilson_intervals(c1, n1, c2, n2):
    """R-STAT-3: Newcombe (1998) method 10, written out from two Wilson intervals."""
    p1, p2 = c1 / n1, c2 / n2
    w1, w2 = wilson_interval(c1, n1), wilson_interval(c2, n2)
    lower = p1 - p2 - math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2)
    upper = p1 - p2 + math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2)

    interval = newcombe_interval(c1, n1, c2, n2)

    assert interval.lower == pytest.approx(lower, abs=1e-12)
    assert interval.upper == pytest.approx(upper, abs=1e-12)


@pytest.mark.parametrize(("c1", "n1", "c2", "n2"), CASES_TWO_SAMPLE[:3])
def test_two_sample_score_test_matches_the_miettinen_nurminen_formula(c1, n1, c2, n2):
    """docs/sources.md S12: at a difference of 0 the score test uses the pooled p with the n/(n-1)
    variance factor: z = (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2) N / (N - 1))."""
    pooled, total = (c1 + c2) / (n1 + n2), n1 + n2
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2) * total / (total - 1)
    z = (c1 / n1 - c2 / n2) / math.sqrt(variance)

    result = two_sample_test(c1, n1, c2, n2)

    assert result.method == "score"
    assert result.pvalue == pytest.approx(2 * sps.norm.sf(abs(z)), rel=1e-9)


@pytest.mark.parametrize(("c1", "n1", "c2", "n2"), [(2, 15, 6, 14), (0, 12, 4, 20), (1, 40, 3, 35)])
def test_small_expected_cells_switch_to_boschloo(c1, n1, c2, n2):
    """R-STAT-3: any expected cell below 5 uses scipy's boschloo_exact, one sample per column."""
    expected = sps.boschloo_exact([[c1, c2], [n1 - c1, n2 - c2]], alternative="two-sided")

    result = two_sample_test(c1, n1, c2, n2)

    assert needs_exact_test(c1, n1, c2, n2)
    assert result.method == "boschloo exact"
    assert result.pvalue == pytest.approx(expected.pvalue)


def test_expected_cells_use_the_pooled_proportion():
    """12/40 vs 5/35: pooled 17/75, smallest expected cell 35 x 17/75 = 7.9, so no exact test;
    2/40 vs 5/35: pooled 7/75, expected 35 x 7/75 = 3.3 < 5, so exact."""
    assert not needs_exact_test(12, 40, 5, 35)
    assert needs_exact_test(2, 40, 5, 35)


def test_a_zero_count_with_large_expected_cells_uses_the_score_test_without_warnings():
    """30/100 vs 0/100 has expected cells of 15, so the score test runs; statsmodels' unused
    ratio p1/p2 must not raise under filterwarnings=error."""
    result = two_sample_test(30, 100, 0, 100)

    assert result.method == "score"
    assert result.pvalue < 0.001


def test_benjamini_hochberg_matches_statsmodels_fdr_bh():
    """R-STAT-5: reference is statsmodels multipletests(method="fdr_bh")."""
    pvalues = [0.001, 0.012, 0.03, 0.04, 0.2, 0.8]

    adjusted = adjust_pvalues(pvalues, "bh")

    assert adjusted == pytest.approx(tuple(multipletests(pvalues, method="fdr_bh")[1]))


def test_adjustment_can_be_switched_off():
    """R-STAT-5: adjust="none" keeps per-test p-values, for comparison with UK practice (S25)."""
    assert adjust_pvalues([0.01, 0.04], "none") == (0.01, 0.04)


def test_an_unknown_adjustment_is_refused():
    """Only "bh" and "none" are defined; a typo must not silently skip adjustment."""
    with pytest.raises(ValueError, match="adjustment"):
        adjust_pvalues([0.01], "bonferroni")  # type: ignore[arg-type]


def test_a_disagreement_between_the_score_and_exact_tests_is_recorded():
    """R-STAT-2 / docs/sources.md S6: store binomtest's p and note when it disagrees. For 7 of 12
    against 30% the score p is about 0.03 but the exact p about 0.05 (both computed here)."""
    result = one_sample_test(7, 12, 0.30)

    assert result.pvalue < 0.05 <= sps.binomtest(7, 12, 0.30).pvalue
    assert result.methods_disagree


def test_agreeing_methods_need_no_note():
    """docs/sources.md S8: 9/30 against 10% is flagged by both the score and the exact test."""
    assert not one_sample_test(9, 30, 0.10).methods_disagree


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.floats(0, 1), st.sampled_from([0.0, 0.01, 0.04, 0.05, 1.0])),
        min_size=1,
        max_size=40,
    )
)
def test_benjamini_hochberg_is_scipys_false_discovery_control(pvalues):
    """S23: the same adjusted values as scipy.stats.false_discovery_control, ties included."""
    expected = sps.false_discovery_control(pvalues, method="bh")

    assert adjust_pvalues(pvalues, "bh") == tuple(float(p) for p in np.atleast_1d(expected))
