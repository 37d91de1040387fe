"""The significance tests of a report, many comparisons at once (docs/statistics.md §3, §7).

Each function takes numpy arrays of counts and returns arrays, repeating the exact floating
point steps of the statsmodels and SciPy calls that the single-call reference implementations
in ``tests/support/reference_statistics.py`` make, so a report built from these gives the same
figures as one built test by test (checked in ``tests/unit/report_builder/test_stats_batch.py``).
Which test runs at which base is decided by ``comparison/plans.py`` (R-STAT-2 to R-STAT-4);
this module only computes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import stats as sps

from report_builder.statistics.boschloo import boschloo_pvalue
from report_builder.statistics.intervals import newcombe_bounds, wilson_bounds
from report_builder.statistics.values import Interval, SignificanceTest

MIN_EXPECTED_CELL = 5
"""A 2x2 table with an expected cell below this needs the exact test (R-STAT-3)."""

_BINOM_RERR = 1 + 1e-7
"""SciPy ``binomtest``'s relative tolerance when collecting tables as likely as the observed."""


def score_pvalues(count: np.ndarray, nobs: np.ndarray, value: np.ndarray) -> np.ndarray:
    """One-sample score test with variance at the benchmark (R-STAT-2, docs/sources.md S3, S4).

    As ``proportions_ztest(count, nobs, value=value, prop_var=value)``.
    """
    count, nobs = np.asarray(count, dtype=float), np.asarray(nobs, dtype=float)
    value = np.asarray(value, dtype=float)
    std = np.sqrt(value * (1 - value) * (1.0 / nobs))
    return _two_sided_normal((count * 1.0 / nobs - value) / std)


def binomial_pvalues(count: np.ndarray, nobs: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Exact two-sided binomial p-values, step for step as ``scipy.stats.binomtest`` (S5).

    SciPy sums the tail on the far side of the mode where each term is no more likely than the
    observed count; the far end is found by the same binary search over the same binomial
    probabilities, computed here for every test in one call.
    """
    count, nobs = np.asarray(count, dtype=np.int64), np.asarray(nobs, dtype=np.int64)
    value = np.asarray(value, dtype=float)
    if not count.size:
        return np.empty(0)
    pmfs = _binomial_pmfs(nobs, value)
    below = count < value * nobs
    far = np.array(
        [_far_end(k, n, p, pmf) for k, n, p, pmf in zip(count, nobs, value, pmfs, strict=True)]
    )
    near_end = np.where(below, count, far - 1)
    far_start = np.where(below, nobs - far, count - 1)
    pvalues = sps.binom.cdf(near_end, nobs, value) + sps.binom.sf(far_start, nobs, value)
    return np.where(count == value * nobs, 1.0, np.minimum(1.0, pvalues))


def needs_exact(
    count1: np.ndarray, nobs1: np.ndarray, count2: np.ndarray, nobs2: np.ndarray
) -> np.ndarray:
    """True where any expected cell of the 2x2 table is below 5 (R-STAT-3).

    As the reference ``needs_exact_test``: expected cells use the pooled proportion.
    """
    pooled = (np.asarray(count1) + count2) / (np.asarray(nobs1) + nobs2)
    cells = [n * p for n in (nobs1, nobs2) for p in (pooled, 1 - pooled)]
    small: np.ndarray = np.minimum.reduce(cells) < MIN_EXPECTED_CELL
    return small


def score_pvalues_2indep(
    count1: np.ndarray, nobs1: np.ndarray, count2: np.ndarray, nobs2: np.ndarray
) -> np.ndarray:
    """Score test of p1 = p2 with the Miettinen-Nurminen correction (R-STAT-3, S12).

    As ``test_proportions_2indep(method="score", value=None, correction=True)``: the pooled
    proportion at a difference of 0, so issue #10269 does not apply. NaN where the pooled
    proportion is 0 or 1 (such tables always need the exact test).
    """
    count1, nobs1 = np.asarray(count1), np.asarray(nobs1)
    count2, nobs2 = np.asarray(count2), np.asarray(nobs2)
    nobs = nobs1 + nobs2
    pooled = (count1 + count2) / nobs
    var = pooled * (1 - pooled) / nobs1 + pooled * (1 - pooled) / nobs2
    var = var * (nobs / (nobs - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        return _two_sided_normal((count1 / nobs1 - count2 / nobs2 - 0) / np.sqrt(var))


def one_sample_tests(
    count: Sequence[int], nobs: Sequence[int], value: Sequence[float], exact: Sequence[bool]
) -> list[SignificanceTest]:
    """The reference ``one_sample_test`` for each position (R-STAT-2, R-STAT-4)."""
    counts, totals = np.asarray(count, dtype=np.int64), np.asarray(nobs, dtype=np.int64)
    values, exacts = np.asarray(value, dtype=float), np.asarray(exact, dtype=bool)
    if not len(counts):
        return []
    if not ((values > 0) & (values < 1)).all():
        raise ValueError("benchmarks must lie strictly between 0 and 1")
    score = score_pvalues(counts, totals, values)
    binomial = binomial_pvalues(counts, totals, values)
    lower, upper = wilson_bounds(counts, totals)
    return [
        SignificanceTest(
            estimate=float(counts[i] / totals[i]),
            interval=Interval(float(lower[i]), float(upper[i])),
            null_value=float(values[i]),
            pvalue=float(binomial[i] if exacts[i] else score[i]),
            method="exact binomial" if exacts[i] else "score",
            sensitivity_pvalue=float(score[i] if exacts[i] else binomial[i]),
        )
        for i in range(len(counts))
    ]


def two_sample_tests(
    count1: Sequence[int],
    nobs1: Sequence[int],
    count2: Sequence[int],
    nobs2: Sequence[int],
    exact: Sequence[bool],
) -> list[SignificanceTest]:
    """The reference ``two_sample_test`` for each position (R-STAT-3, R-STAT-4).

    Boschloo's test runs where ``exact`` asks for it or an expected cell is below 5; it is
    cached by its four counts in ``boschloo.boschloo_pvalue``.
    """
    arrays = [np.asarray(a, dtype=np.int64) for a in (count1, nobs1, count2, nobs2)]
    if not len(arrays[0]):
        return []
    use_exact = np.asarray(exact, dtype=bool) | needs_exact(*arrays)
    score = score_pvalues_2indep(*arrays)
    lower, upper = newcombe_bounds(*arrays)
    estimate = arrays[0] / arrays[1] - arrays[2] / arrays[3]
    return [
        SignificanceTest(
            estimate=float(estimate[i]),
            interval=Interval(float(lower[i]), float(upper[i])),
            null_value=0.0,
            pvalue=_boschloo(arrays, i) if use_exact[i] else float(score[i]),
            method="boschloo exact" if use_exact[i] else "score",
        )
        for i in range(len(use_exact))
    ]


def _boschloo(arrays: list[np.ndarray], i: int) -> float:
    """Boschloo's exact p-value for position ``i``, by plain integers (S13)."""
    return boschloo_pvalue(*(int(a[i]) for a in arrays))


def _two_sided_normal(zstat: np.ndarray) -> np.ndarray:
    """Two-sided normal p-values, as statsmodels' ``_zstat_generic2``."""
    pvalues: np.ndarray = sps.norm.sf(np.abs(zstat)) * 2
    return pvalues


def _binomial_pmfs(nobs: np.ndarray, value: np.ndarray) -> list[np.ndarray]:
    """Binomial probabilities of 0..n for each test, from one vectorised SciPy call."""
    sizes = nobs + 1
    points = np.concatenate([np.arange(size) for size in sizes])
    pmf = sps.binom.pmf(points, np.repeat(nobs, sizes), np.repeat(value, sizes))
    return np.split(pmf, np.cumsum(sizes)[:-1])


def _far_end(count: int, nobs: int, value: float, pmf: np.ndarray) -> int:
    """SciPy's ``y`` for one test: where the tail on the far side of the mode begins.

    Below the mode it counts the far terms; above it, it is one past the last near term.
    """
    limit = pmf[count] * _BINOM_RERR
    if count < value * nobs:
        index = _search(-pmf, -limit, np.ceil(value * nobs), nobs)
        return nobs - index + int(limit == pmf[index])
    return _search(pmf, limit, 0, np.floor(value * nobs)) + 1


def _search(values: np.ndarray, target: float, low: float, high: float) -> int:
    """SciPy's ``_binary_search_for_binom_tst`` on precomputed ``values`` (ascending in range).

    Returns i in [low, high] with values[i] <= target < values[i + 1].
    """
    while low < high:
        mid = low + (high - low) // 2
        if values[int(mid)] < target:
            low = mid + 1
        elif values[int(mid)] > target:
            high = mid - 1
        else:
            return int(mid)
    return int(low) if values[int(low)] <= target else int(low) - 1
