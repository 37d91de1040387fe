"""Boschloo's exact test for two independent proportions, vectorised (R-STAT-3, R-STAT-4).

Same definition as ``scipy.stats.boschloo_exact`` (SciPy 1.17): the statistic is Fisher's
one-sided p-value; the one-sided p-value is the largest probability, over the common
proportion pi in [0, 1], of every table whose Fisher p-value is at most the observed one; the
two-sided p-value is twice the smaller one-sided value, capped at 1. SciPy searches pi with a
general global optimiser, which takes about 20 ms for two groups of 20 and several seconds
for 20 against 5,000. Here the probability of the tail set is evaluated on a fine grid of pi
(each row of the tail set is a run of x2, so by suffix sums of binomial probabilities), then
refined three times on finer grids around the best point (the maximum is flat, so the p-value
error is far below SciPy's own). Fisher tables and grid probabilities depend only on the group
sizes, so they are cached across tests.
``tests/unit/report_builder/test_boschloo_exact.py`` checks it against SciPy.
"""

from __future__ import annotations

import functools

import numpy as np
from scipy import special

GRID_POINTS = 201
REFINE_POINTS = 41
REFINEMENTS = 3
_GRID = np.linspace(0.0, 1.0, GRID_POINTS)
_TOLERANCE = 1 + 1e-13
"""SciPy's guard against rounding when comparing Fisher p-values (scipy gh-14178)."""


@functools.lru_cache(maxsize=65536)
def boschloo_pvalue(count1: int, nobs1: int, count2: int, nobs2: int) -> float:
    """Two-sided Boschloo p-value for ``count1``/``nobs1`` against ``count2``/``nobs2``.

    Returns NaN when a group is empty, as SciPy does. Cached by the four counts: the same
    small tables recur across a programme's reports, and the value is exact for its counts.
    """
    if nobs1 == 0 or nobs2 == 0:
        return float("nan")
    less = _one_sided(count1, nobs1, count2, nobs2)
    greater = _one_sided(count2, nobs2, count1, nobs1)
    return float(np.clip(2 * min(less, greater), 0.0, 1.0))


def _one_sided(count1: int, nobs1: int, count2: int, nobs2: int) -> float:
    """P-value for "group 1's proportion is lower", maximised over the nuisance parameter."""
    fisher = _fisher_lower_tail(nobs1, nobs2)
    tail = fisher <= fisher[count1, count2] * _TOLERANCE
    values = _tail_probability(tail, _grid_pmf(nobs1), _grid_pmf(nobs2))
    best = int(np.argmax(values))
    low, high = _GRID[max(best - 1, 0)], _GRID[min(best + 1, GRID_POINTS - 1)]
    for _ in range(REFINEMENTS):
        pis = np.linspace(low, high, REFINE_POINTS)
        local = _tail_probability(tail, _binomial_pmf(nobs1, pis), _binomial_pmf(nobs2, pis))
        peak = int(np.argmax(local))
        low, high = pis[max(peak - 1, 0)], pis[min(peak + 1, REFINE_POINTS - 1)]
    return float(max(values[best], local[peak]))


@functools.lru_cache(maxsize=4096)
def _grid_pmf(nobs: int) -> np.ndarray:
    """Binomial probabilities on the search grid; shared by every test with this group size."""
    return _read_only(_binomial_pmf(nobs, _GRID))


@functools.lru_cache(maxsize=4096)
def _fisher_lower_tail(nobs1: int, nobs2: int) -> np.ndarray:
    """Fisher's one-sided p-value P(X1 <= x1 | x1 + x2) for every table, shape (n1+1, n2+1).

    Given the total m = x1 + x2, X1 is hypergeometric, and the tables sharing m lie on one
    anti-diagonal, so each table's tail is the running sum of the probabilities down its
    anti-diagonal from the first row (or the last column) to its own row. Shifting row r right
    by r turns anti-diagonals into columns, summed with one cumulative sum.
    """
    x1 = np.arange(nobs1 + 1)[:, None]
    x2 = np.arange(nobs2 + 1)[None, :]
    pmf = np.exp(_log_comb(nobs1, x1) + _log_comb(nobs2, x2) - _log_comb(nobs1 + nobs2, x1 + x2))
    skewed = np.zeros((nobs1 + 1, nobs1 + nobs2 + 1))
    skewed[x1, x1 + x2] = pmf
    tail = np.cumsum(skewed, axis=0)[x1, x1 + x2]
    return _read_only(np.minimum(tail, 1.0))


def _read_only(array: np.ndarray) -> np.ndarray:
    """``array`` made read-only, so a cached value cannot be changed by a caller."""
    array.flags.writeable = False
    return array


def _log_comb(n: int, k: np.ndarray) -> np.ndarray:
    """log of n choose k, elementwise."""
    logs: np.ndarray = special.gammaln(n + 1) - special.gammaln(k + 1) - special.gammaln(n - k + 1)
    return logs


def _tail_probability(tail: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Probability of the tables marked in ``tail`` at each pi (a column of ``first``/``second``,
    the two groups' binomial probabilities when both share proportion pi)."""
    probability: np.ndarray = np.sum(first * _row_sums(tail, second), axis=0)
    return probability


def _row_sums(tail: np.ndarray, pmf: np.ndarray) -> np.ndarray:
    """``tail @ pmf``: for each row of ``tail``, the summed probability of its marked x2.

    Fisher's p-value falls as x2 grows with x1 fixed (X1 given the total is stochastically
    larger when the total is), so each row of a tail set marks a run of x2 up to n2, whose sum
    is a suffix sum of ``pmf``, added from the smallest (far) terms. Any other pattern, which
    rounding could in principle produce, takes the plain matrix product.
    """
    sums: np.ndarray
    if not (tail[:, :-1] <= tail[:, 1:]).all():
        sums = tail.astype(float) @ pmf
        return sums
    suffix = np.cumsum(pmf[::-1], axis=0)[::-1]
    padded = np.vstack((suffix, np.zeros((1, pmf.shape[1]))))
    sums = padded[tail.shape[1] - tail.sum(axis=1)]
    return sums


@functools.lru_cache(maxsize=4096)
def _log_comb_column(nobs: int) -> np.ndarray:
    """log of nobs choose 0..nobs as a column; shared by every test with this group size."""
    return _read_only(_log_comb(nobs, np.arange(nobs + 1)[:, None]))


def _binomial_pmf(nobs: int, pis: np.ndarray) -> np.ndarray:
    """Binomial probabilities of 0..nobs successes (rows) at each pi (columns).

    The log-probability is log C(n, k) + xlogy(k, pi) + xlog1py(n - k, -pi). SciPy's xlogy is
    k * log(pi) (and 0 when k is 0), so the logarithms are taken once per pi, by the same
    SciPy functions, and multiplied by every k: the same values, far fewer logarithms.
    """
    counts = np.arange(nobs + 1)[:, None]
    log_pmf: np.ndarray
    with np.errstate(divide="ignore", invalid="ignore"):
        log_pmf = (
            _log_comb_column(nobs)
            + _times_log(counts, special.xlogy(1.0, pis), zero_row=0)
            + _times_log(nobs - counts, special.xlog1py(1.0, -pis), zero_row=nobs)
        )
    pmf: np.ndarray = np.exp(log_pmf)
    return pmf


def _times_log(counts: np.ndarray, logs: np.ndarray, *, zero_row: int) -> np.ndarray:
    """``counts * logs`` with 0 in the row whose count is 0, as SciPy's ``xlogy`` gives."""
    product: np.ndarray = counts * logs
    product[zero_row] = 0.0
    return product
