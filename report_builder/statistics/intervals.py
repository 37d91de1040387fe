"""Confidence limits for many proportions and differences at once (R-STAT-1, R-STAT-3).

Each function takes numpy arrays of counts and repeats the floating point steps of the
statsmodels call named in its docstring, so the limits are bit-identical to one call per
comparison (checked against ``tests/support/reference_statistics.py``).
"""

from __future__ import annotations

import numpy as np
from scipy import stats as sps

from report_builder.statistics.values import ALPHA


def wilson_bounds(
    count: np.ndarray, nobs: np.ndarray, alpha: float = ALPHA
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score limits (R-STAT-1), as ``proportion_confint(method="wilson")``."""
    count, nobs = np.asarray(count, dtype=float), np.asarray(nobs, dtype=float)
    crit = sps.norm.isf(alpha / 2.0)
    crit2 = crit**2
    share = count / nobs
    denom = 1 + crit2 / nobs
    centre = (share + crit2 / (2 * nobs)) / denom
    dist = crit * np.sqrt(share * (1.0 - share) / nobs + crit2 / (4.0 * nobs**2))
    dist /= denom
    return np.clip(centre - dist, 0, 1), np.clip(centre + dist, 0, 1)


def newcombe_bounds(
    count1: np.ndarray,
    nobs1: np.ndarray,
    count2: np.ndarray,
    nobs2: np.ndarray,
    *,
    alpha: float = ALPHA,
) -> tuple[np.ndarray, np.ndarray]:
    """Newcombe hybrid-score limits for p1 - p2, his method 10 (R-STAT-3, S9).

    Built from the two Wilson intervals, as ``confint_proportions_2indep(method="newcomb")``.
    """
    share1 = np.asarray(count1) / np.asarray(nobs1)
    share2 = np.asarray(count2) / np.asarray(nobs2)
    low1, upp1 = wilson_bounds(count1, nobs1, alpha)
    low2, upp2 = wilson_bounds(count2, nobs2, alpha)
    d_low = np.sqrt(_square(share1 - low1) + _square(upp2 - share2))
    d_upp = np.sqrt(_square(share2 - low2) + _square(upp1 - share1))
    diff = share1 - share2
    return diff - d_low, diff + d_upp


def _square(values: np.ndarray) -> np.ndarray:
    """``values ** 2`` squared one float64 scalar at a time, as a scalar statsmodels call does.

    numpy squares scalars and whole arrays by different routes (C ``pow`` or a multiply, and
    which one has changed between numpy releases); they differ in the last bit in about 0.1%
    of cases. Squaring each scalar keeps the batch bit-identical to the single calls whatever
    numpy does, at a cost of microseconds for a report's few hundred comparisons.
    """
    flat = np.asarray(values, dtype=np.float64).ravel()
    return np.array([value**2 for value in flat], dtype=np.float64).reshape(np.shape(values))
