"""The comparison stage's frozen values: what a comparison is, how sure, and what it means.

Everything here is an immutable value: stages return new objects and never change the ones they
were given (CR-12, docs/architecture.md). Percentages are held as proportions (0-1)
until they are displayed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from report_builder.statistics.values import ALPHA, SignificanceTest


class ComparisonKind(StrEnum):
    """The three comparison axes of a report (docs/sources.md B6)."""

    NATIONAL = "national"
    OTHER_LAS = "other_las"
    PREVIOUS_ROUND = "previous_round"


class ComparisonStatus(StrEnum):
    """Whether a comparison was tested, and if not, why not."""

    TESTED = "tested"
    BASE_TOO_SMALL = "base_too_small"
    NO_BENCHMARK = "no_benchmark"
    NOT_COMPARABLE = "not_comparable"
    SUPPRESSED = "suppressed"
    """Not tested because one side's result is hidden by disclosure control (R-SDC-4): a test
    or a difference would reveal what the marker hides."""
    NO_COMPARABLE_OTHERS = "no_comparable_others"
    """No other area answered a comparable version of the question, so there is no pool of
    other areas to compare with (however many answered other versions)."""


class Flag(StrEnum):
    """The called-out direction of a difference; NONE means no clear difference."""

    HIGHER = "higher"
    LOWER = "lower"
    NONE = "none"


class Direction(StrEnum):
    """Which way is good for an indicator (from the indicator catalogue, R-STAT-8).

    NO_AGREED_DIRECTION marks an indicator such as "wants to see their parents more", where
    nobody has agreed which way is good: it is reported as a plain figure.
    """

    HIGHER_IS_BETTER = "higher_is_better"
    HIGHER_IS_WORSE = "higher_is_worse"
    NO_AGREED_DIRECTION = "no_agreed_direction"


class Tier(StrEnum):
    """How sure a tested comparison is that there is a difference (R-STAT-6).

    CLEAR: the adjusted p-value is below 0.05 (and the interval leaves out no difference).
    POSSIBLE: the unadjusted 95% interval leaves out no difference, but the adjusted p-value is
    0.05 or more. NONE: the unadjusted interval includes no difference. There is no equivalence
    test, so no tier means "similar".
    """

    CLEAR = "clear"
    POSSIBLE = "possible"
    NONE = "none"


class Classification(StrEnum):
    """What a comparison means for the summary; NOT_ASSESSED when untested.

    Bright spots and areas for improvement come from the clear tier only; the possible tier is
    WORTH_LOOKING_INTO; an indicator with no agreed direction is NO_AGREED_DIRECTION whatever
    its tier (R-STAT-6, R-STAT-8).
    """

    BRIGHT_SPOT = "bright_spot"
    AREA_FOR_IMPROVEMENT = "area_for_improvement"
    WORTH_LOOKING_INTO = "worth_looking_into"
    NO_CLEAR_DIFFERENCE = "no_clear_difference"
    NO_AGREED_DIRECTION = "no_agreed_direction"
    NOT_ASSESSED = "not_assessed"


@dataclass(frozen=True)
class Comparison:
    """One indicator compared on one axis.

    ``test`` is None unless ``status`` is TESTED. ``adjusted_pvalue`` is the Benjamini-Hochberg
    value within the report section (R-STAT-5), equal to the raw p-value until a section is
    adjusted. ``is_indicative`` marks a base of 10-29, whose flags must be worded as indicative
    (R-STAT-4).
    """

    indicator_id: str
    kind: ComparisonKind
    status: ComparisonStatus
    test: SignificanceTest | None = None
    adjusted_pvalue: float | None = None
    flag: Flag = Flag.NONE
    is_indicative: bool = False
    benchmark_measure_id: str | None = None

    @property
    def tier(self) -> Tier | None:
        """CLEAR, POSSIBLE or NONE for a tested comparison, None otherwise (R-STAT-6).

        The interval is the one the report shows (Wilson against a fixed figure, Newcombe for
        a difference), so the tier always agrees with it.
        """
        if self.test is None:
            return None
        if self.flag is not Flag.NONE:
            return Tier.CLEAR
        return Tier.POSSIBLE if self.test.interval_excludes_null else Tier.NONE

    @property
    def observed_direction(self) -> Flag:
        """HIGHER or LOWER by the observed estimate for a clear or possible difference, else
        NONE (the words of the possible tier need a direction the flag does not carry)."""
        if self.test is None or self.tier not in (Tier.CLEAR, Tier.POSSIBLE):
            return Flag.NONE
        return Flag.HIGHER if self.test.estimate > self.test.null_value else Flag.LOWER

    @property
    def is_confirmed_by_test(self) -> bool:
        """True when the unadjusted p-value is below 0.05: a possible difference then only
        lost its flag to the adjustment for the number of comparisons."""
        return self.test is not None and self.test.pvalue < ALPHA


class PopulationType(StrEnum):
    """Who a national comparator figure describes (benchmarks README).

    A general-population figure describes everyone of those ages (ONS, Community Life Survey);
    the care-population figures are the Bright Spots programme's national figures for children
    in care or care leavers in the authorities that ran its surveys.
    """

    GENERAL_POPULATION = "general_population"
    CHILDREN_IN_CARE = "children_in_care"
    CARE_LEAVERS = "care_leavers"


@dataclass(frozen=True)
class Benchmark:
    """One national comparator figure, as a proportion, with its provenance and population."""

    measure_id: str
    indicator_id: str
    value: float
    age_min: int
    age_max: int
    year: str
    source_title: str
    source_url: str
    sample_size: int | None
    confidence: str
    population_type: PopulationType = PopulationType.GENERAL_POPULATION
