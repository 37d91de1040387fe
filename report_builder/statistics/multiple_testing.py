"""Benjamini-Hochberg adjustment of one report section's p-values (R-STAT-5).

See docs/statistics.md §3.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np

Adjustment = Literal["bh", "none"]
"""``"bh"`` (Benjamini-Hochberg, the default) or ``"none"`` (per-test p-values, S25)."""


def adjust_pvalues(pvalues: Sequence[float], method: Adjustment = "bh") -> tuple[float, ...]:
    """Benjamini-Hochberg adjusted p-values, or the raw values when ``method="none"`` (R-STAT-5).

    Adjustment runs within one report section; switching it off lets results be compared with
    per-test UK practice (S25).
    """
    if method == "none" or not pvalues:
        return tuple(float(p) for p in pvalues)
    if method != "bh":
        raise ValueError(f"unknown adjustment {method!r}; use 'bh' or 'none'")
    return tuple(float(p) for p in _benjamini_hochberg(np.asarray(pvalues, dtype=float)))


def _benjamini_hochberg(pvalues: np.ndarray) -> np.ndarray:
    """``scipy.stats.false_discovery_control(pvalues, method="bh")``, step for step.

    Written out because SciPy's array-API checks cost about a millisecond a call, and a report
    adjusts one section per age band and comparison kind (S23).
    """
    if not ((pvalues >= 0) & (pvalues <= 1)).all():
        raise ValueError("p-values must lie between 0 and 1")
    if pvalues.size <= 1:
        return pvalues
    order = np.argsort(pvalues)
    ranked = pvalues[order] * (pvalues.size / np.arange(1, pvalues.size + 1, dtype=float))
    np.minimum.accumulate(ranked[::-1], out=ranked[::-1])
    adjusted = np.empty_like(ranked)
    adjusted[order] = ranked
    return np.clip(adjusted, 0.0, 1.0)
