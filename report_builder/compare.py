"""Compare one LA's indicator with national figures, other LAs and its previous round.

Each ``compare_with_*`` function returns a frozen ``Comparison`` flagged on its own p-value;
``adjust_section`` then applies the Benjamini-Hochberg step across one report section
(R-STAT-5) and ``classify`` turns a flag into bright spot / area for improvement using the
indicator's direction.

A flag needs both the (adjusted) p-value below 0.05 *and* the drawn interval to leave out the
null value, so a reader never sees a flagged difference whose interval says "could be none"
(methods.md S6, S14).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pandas as pd

from report_builder import columns as col
from report_builder.disclosure import MIN_BASE, RELIABLE_BASE
from report_builder.model import (
    ALPHA,
    Benchmark,
    Classification,
    Comparison,
    ComparisonKind,
    ComparisonStatus,
    Direction,
    Flag,
    Proportion,
    SignificanceTest,
)
from report_builder.stats import Adjustment, adjust_pvalues, one_sample_test, two_sample_test

BENCHMARK_SIZE_RATIO = 10
"""A benchmark counts as fixed only if its n is at least this many times the LA's (R-STAT-2)."""


def compare_with_national(
    indicator_id: str, this: Proportion, benchmark: Benchmark | None
) -> Comparison:
    """Compare with a national benchmark (R-STAT-2).

    Returns NO_BENCHMARK when no matching benchmark exists (the report then says "no national
    comparison available"), BASE_TOO_SMALL below 10. A benchmark with a published n under ten
    times the LA's is treated as a sample and compared two-sample (methods.md S7).
    """
    if benchmark is None:
        return _untested(indicator_id, ComparisonKind.NATIONAL, ComparisonStatus.NO_BENCHMARK)
    if this.nobs < MIN_BASE:
        return _untested(indicator_id, ComparisonKind.NATIONAL, ComparisonStatus.BASE_TOO_SMALL)
    is_small = this.nobs < RELIABLE_BASE
    if _benchmark_is_fixed(benchmark, this.nobs):
        test = one_sample_test(this.count, this.nobs, benchmark.value, exact=is_small)
    else:
        sampled = _benchmark_as_proportion(benchmark)
        test = two_sample_test(this.count, this.nobs, sampled.count, sampled.nobs, exact=is_small)
    return dataclasses.replace(
        _tested(indicator_id, ComparisonKind.NATIONAL, test, is_small),
        benchmark_measure_id=benchmark.measure_id,
    )


def compare_with_other_las(indicator_id: str, this: Proportion, others: Proportion) -> Comparison:
    """Compare with other LAs of the same period, pooled and excluding this LA (R-STAT-3).

    When the pool is at least ten times this LA's base, its proportion is treated as fixed,
    exactly as a national figure is (R-STAT-2, methods.md S7): the one-sample score test, whose
    flag always matches the Wilson interval drawn, or the exact binomial test for bases of
    10-29 (R-STAT-4). Otherwise the two samples are compared (Newcombe interval; score or
    Boschloo p-value). This also avoids Boschloo's test on small-against-huge tables, which
    costs seconds each and adds nothing when one proportion is known so precisely.
    """
    kind = ComparisonKind.OTHER_LAS
    if this.nobs >= MIN_BASE and _pool_is_fixed(others, this.nobs):
        is_small = this.nobs < RELIABLE_BASE
        share = others.count / others.nobs
        return _tested(
            indicator_id,
            kind,
            one_sample_test(this.count, this.nobs, share, exact=is_small),
            is_small,
        )
    return _compare_two_samples(indicator_id, kind, this, others)


def compare_with_previous_round(
    indicator_id: str, this: Proportion, previous: Proportion, *, is_comparable: bool
) -> Comparison:
    """Compare with the LA's previous round (R-STAT-3).

    Only when the caller confirms the indicator's definition is unchanged between rounds;
    otherwise the result is NOT_COMPARABLE ("not comparable: definition changed"). Rounds are
    treated as independent samples (S16).
    """
    if not is_comparable:
        return _untested(
            indicator_id, ComparisonKind.PREVIOUS_ROUND, ComparisonStatus.NOT_COMPARABLE
        )
    return _compare_two_samples(indicator_id, ComparisonKind.PREVIOUS_ROUND, this, previous)


def pool_other_las(counts: pd.DataFrame, la_code: str) -> Proportion:
    """Pool the counts of every LA except ``la_code``.

    ``counts`` holds one indicator, age band and period, with columns ``la_code``,
    ``numerator`` and ``denominator``. The input frame is not changed.
    """
    others = counts.loc[counts[col.LA_CODE] != la_code]
    return Proportion(int(others[col.NUMERATOR].sum()), int(others[col.DENOMINATOR].sum()))


def adjust_section(
    comparisons: Sequence[Comparison], adjust: Adjustment = "bh"
) -> tuple[Comparison, ...]:
    """Benjamini-Hochberg adjust the tested comparisons of one report section (R-STAT-5).

    A section is one age group and one comparison kind, so mixing kinds is refused. Untested
    comparisons pass through unchanged; intervals stay unadjusted 95% intervals.
    """
    if len({c.kind for c in comparisons}) > 1:
        raise ValueError("a report section holds one kind of comparison (R-STAT-5)")
    tested = {i: c.test for i, c in enumerate(comparisons) if c.test is not None}
    adjusted = adjust_pvalues([test.pvalue for test in tested.values()], adjust)
    result = list(comparisons)
    for (i, test), pvalue in zip(tested.items(), adjusted, strict=True):
        result[i] = dataclasses.replace(
            result[i], adjusted_pvalue=pvalue, flag=flag_for(test, pvalue)
        )
    return tuple(result)


def flag_for(test: SignificanceTest, pvalue: float) -> Flag:
    """HIGHER or LOWER when ``pvalue`` < 0.05 and the interval leaves out the null, else NONE.

    Requiring both keeps the flag consistent with the interval the reader sees (S6, S14).
    """
    if pvalue >= ALPHA or not test.interval_excludes_null:
        return Flag.NONE
    return Flag.HIGHER if test.estimate > test.null_value else Flag.LOWER


def classify(comparison: Comparison, direction: Direction) -> Classification:
    """Bright spot, area for improvement or no clear difference (domain.md §5, §9 item 15).

    A flagged difference in the indicator's good direction is a bright spot; in its bad
    direction an area for improvement. Untested comparisons are NOT_ASSESSED: an absent test is
    not evidence of "no difference".
    """
    if comparison.status is not ComparisonStatus.TESTED:
        return Classification.NOT_ASSESSED
    if comparison.flag is Flag.NONE:
        return Classification.NO_CLEAR_DIFFERENCE
    is_higher_good = direction is Direction.HIGHER_IS_BETTER
    is_good = (comparison.flag is Flag.HIGHER) == is_higher_good
    return Classification.BRIGHT_SPOT if is_good else Classification.AREA_FOR_IMPROVEMENT


def _compare_two_samples(
    indicator_id: str, kind: ComparisonKind, this: Proportion, other: Proportion
) -> Comparison:
    """Two-sample comparison shared by the other-LA and previous-round axes (R-STAT-3, R-STAT-4)."""
    if min(this.nobs, other.nobs) < MIN_BASE:
        return _untested(indicator_id, kind, ComparisonStatus.BASE_TOO_SMALL)
    is_small = min(this.nobs, other.nobs) < RELIABLE_BASE
    test = two_sample_test(this.count, this.nobs, other.count, other.nobs, exact=is_small)
    return _tested(indicator_id, kind, test, is_small)


def _benchmark_is_fixed(benchmark: Benchmark, nobs: int) -> bool:
    """An unknown benchmark n is a large population survey, so treated as fixed (S7)."""
    size = benchmark.sample_size
    return size is None or size >= BENCHMARK_SIZE_RATIO * nobs


def _pool_is_fixed(pool: Proportion, nobs: int) -> bool:
    """A pool of other LAs counts as fixed when it is at least ten times this LA's base and its
    proportion lies strictly between 0 and 1 (a one-sample test needs that)."""
    return pool.nobs >= BENCHMARK_SIZE_RATIO * nobs and 0 < pool.count < pool.nobs


def _benchmark_as_proportion(benchmark: Benchmark) -> Proportion:
    """Counts implied by a published percentage and n (rounded to whole people)."""
    size = int(benchmark.sample_size or 0)
    return Proportion(round(benchmark.value * size), size)


def _tested(
    indicator_id: str, kind: ComparisonKind, test: SignificanceTest, is_indicative: bool
) -> Comparison:
    """A tested comparison, flagged on its unadjusted p-value until its section is adjusted."""
    return Comparison(
        indicator_id=indicator_id,
        kind=kind,
        status=ComparisonStatus.TESTED,
        test=test,
        adjusted_pvalue=test.pvalue,
        flag=flag_for(test, test.pvalue),
        is_indicative=is_indicative,
    )


def _untested(indicator_id: str, kind: ComparisonKind, status: ComparisonStatus) -> Comparison:
    """A comparison that was not tested, carrying the reason in ``status``."""
    return Comparison(indicator_id=indicator_id, kind=kind, status=status)
