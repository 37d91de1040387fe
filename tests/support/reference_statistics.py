"""Reference implementations: the report's intervals and tests, one comparison per call.

Tests only. The report computes these batched, with numpy (``report_builder.statistics``);
these single calls go through statsmodels and SciPy instead, so the tests can check the
batched code against an independent route, figure for figure (docs/statistics.md §3, §7).
Plain functions over counts; no data frames. Every statsmodels call passes its ``method``
explicitly because several defaults are labelled experimental (docs/sources.md S10), and
``confint_proportions_2indep(method="score")`` is never used (statsmodels issue #10269, S11).
"""

from __future__ import annotations

import numpy as np
from scipy import stats as sps
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
    test_proportions_2indep,
)

from report_builder.statistics.boschloo import boschloo_pvalue
from report_builder.statistics.significance import MIN_EXPECTED_CELL
from report_builder.statistics.values import ALPHA, Interval, SignificanceTest


def wilson_interval(count: int, nobs: int, alpha: float = ALPHA) -> Interval:
    """Wilson score interval for ``count`` of ``nobs`` (R-STAT-1).

    Wilson keeps its coverage for small and extreme counts, including 0/n, where the default
    normal (Wald) interval fails (docs/sources.md S1).
    """
    lower, upper = proportion_confint(count, nobs, alpha=alpha, method="wilson")
    return Interval(float(lower), float(upper))


def one_sample_test(
    count: int, nobs: int, benchmark: float, *, exact: bool = False
) -> SignificanceTest:
    """Test ``count``/``nobs`` against a fixed benchmark proportion (R-STAT-2, R-STAT-4).

    The score test with variance at the benchmark (``prop_var=benchmark``) makes exactly the
    same decision as "the Wilson interval leaves out the benchmark" (S3), so the flag always
    matches the interval drawn. With ``exact=True`` (bases of 10-29, R-STAT-4) the exact binomial
    p-value is used instead and the score p-value becomes the sensitivity value; otherwise the
    exact value is stored as the sensitivity value (R-STAT-2, S6).
    """
    if not 0 < benchmark < 1:
        raise ValueError(f"benchmark must lie strictly between 0 and 1, got {benchmark}")
    _, score_p = proportions_ztest(count, nobs, value=benchmark, prop_var=benchmark)
    exact_p = sps.binomtest(count, nobs, p=benchmark, alternative="two-sided").pvalue
    if exact:
        pvalue, other, method = exact_p, score_p, "exact binomial"
    else:
        pvalue, other, method = score_p, exact_p, "score"
    return SignificanceTest(
        estimate=count / nobs,
        interval=wilson_interval(count, nobs),
        null_value=benchmark,
        pvalue=float(pvalue),
        method=method,
        sensitivity_pvalue=float(other),
    )


def newcombe_interval(
    count1: int, nobs1: int, count2: int, nobs2: int, alpha: float = ALPHA
) -> Interval:
    """Newcombe hybrid-score interval (his method 10) for p1 - p2 (R-STAT-3, S9).

    Built from the two Wilson intervals; it never fails on small counts, unlike statsmodels'
    ``method="score"`` interval for a difference (S11).
    """
    lower, upper = confint_proportions_2indep(
        count1, nobs1, count2, nobs2, method="newcomb", compare="diff", alpha=alpha
    )
    return Interval(float(lower), float(upper))


def needs_exact_test(count1: int, nobs1: int, count2: int, nobs2: int) -> bool:
    """True when any expected cell of the 2x2 table is below 5 (R-STAT-3).

    Expected cells use the pooled proportion, as under the null of no difference.
    """
    pooled = (count1 + count2) / (nobs1 + nobs2)
    expected = [n * p for n in (nobs1, nobs2) for p in (pooled, 1 - pooled)]
    return min(expected) < MIN_EXPECTED_CELL


def two_sample_test(
    count1: int, nobs1: int, count2: int, nobs2: int, *, exact: bool = False
) -> SignificanceTest:
    """Compare two independent proportions: this LA (or round) against a comparator.

    The interval is Newcombe's for p1 - p2 (R-STAT-3). The p-value is the score test at a
    difference of 0 with the Miettinen-Nurminen correction (S12; issue #10269 does not affect
    the pooled value-0 case), or Boschloo's exact test when ``exact`` is asked for (bases of
    10-29, R-STAT-4) or any expected cell is below 5 (R-STAT-3, S13).
    """
    use_exact = exact or needs_exact_test(count1, nobs1, count2, nobs2)
    pvalue = (
        _boschloo_pvalue(count1, nobs1, count2, nobs2)
        if use_exact
        else _score_pvalue(count1, nobs1, count2, nobs2)
    )
    return SignificanceTest(
        estimate=count1 / nobs1 - count2 / nobs2,
        interval=newcombe_interval(count1, nobs1, count2, nobs2),
        null_value=0.0,
        pvalue=pvalue,
        method="boschloo exact" if use_exact else "score",
    )


def _score_pvalue(count1: int, nobs1: int, count2: int, nobs2: int) -> float:
    """Score-test p-value for p1 = p2.

    statsmodels also computes the ratio p1/p2, unused for ``compare="diff"``; a zero count would
    make that division warn, so only that numpy warning is silenced, here and nowhere else.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        result = test_proportions_2indep(
            count1,
            nobs1,
            count2,
            nobs2,
            value=None,
            method="score",
            compare="diff",
            correction=True,
            return_results=True,
        )
    return float(result.pvalue)


def _boschloo_pvalue(count1: int, nobs1: int, count2: int, nobs2: int) -> float:
    """Boschloo exact p-value; each column is one sample, ``[[k1, k2], [n1-k1, n2-k2]]`` (S13).

    Computed by ``boschloo.boschloo_pvalue``, which follows SciPy's definition but runs several
    times faster (SciPy's optimiser search dominated report build times; tested against
    ``scipy.stats.boschloo_exact``).
    """
    return boschloo_pvalue(count1, nobs1, count2, nobs2)
