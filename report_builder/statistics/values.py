"""The statistics stage's frozen values: counts, intervals and tests.

Everything here is an immutable value: stages return new objects and never change the ones they
were given (CR-12, docs/architecture.md). Percentages are held as proportions (0-1)
until they are displayed.
"""

from __future__ import annotations

from dataclasses import dataclass

ALPHA = 0.05
"""Two-sided significance level: 95% intervals and p < 0.05 (R-STAT-2, R-STAT-3)."""


@dataclass(frozen=True)
class Proportion:
    """A count of people with the outcome (``count``) out of those who answered (``nobs``)."""

    count: int
    nobs: int

    def __post_init__(self) -> None:
        if self.nobs < 0 or not 0 <= self.count <= self.nobs:
            raise ValueError(f"need 0 <= count <= nobs, got {self.count} of {self.nobs}")


@dataclass(frozen=True)
class Interval:
    """A two-sided 95% confidence interval on the proportion (or difference) scale."""

    lower: float
    upper: float

    def contains(self, value: float) -> bool:
        """True when ``value`` lies inside the closed interval."""
        return self.lower <= value <= self.upper


@dataclass(frozen=True)
class SignificanceTest:
    """One hypothesis test and the interval drawn next to it.

    ``estimate`` is the observed proportion (one sample) or difference (two samples);
    ``null_value`` is the benchmark proportion or 0. ``sensitivity_pvalue`` holds the other
    method's p-value where R-STAT-2 asks for one to be stored, else None.
    """

    estimate: float
    interval: Interval
    null_value: float
    pvalue: float
    method: str
    sensitivity_pvalue: float | None = None

    @property
    def interval_excludes_null(self) -> bool:
        """True when the drawn interval leaves out the null value (R-STAT-2, R-STAT-3)."""
        return not self.interval.contains(self.null_value)

    @property
    def methods_disagree(self) -> bool:
        """True when the sensitivity p-value falls on the other side of 0.05 (R-STAT-2 asks
        for a note then; about 0.3% of cases, mostly at small n, docs/sources.md S6)."""
        if self.sensitivity_pvalue is None:
            return False
        return (self.pvalue < ALPHA) != (self.sensitivity_pvalue < ALPHA)
