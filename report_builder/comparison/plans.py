"""Compare one LA's indicator with national figures, other LAs and its previous round.

Each ``plan_*`` function decides which test a comparison needs (or why it is not tested);
``compare_all`` runs a whole report's plans at once with the batched tests of
``statistics/significance.py``. Every comparison is flagged on its own p-value;
``adjust_section`` then applies the Benjamini-Hochberg step across one report section
(R-STAT-5) and ``classify`` turns a comparison's tier (``Comparison.tier``: clear, possible or
none, R-STAT-6) into bright spot, area for improvement or worth looking into, using the
indicator's direction (R-STAT-8).

A flag needs both the (adjusted) p-value below 0.05 *and* the drawn interval to leave out the
null value, so a reader never sees a flagged difference whose interval says "could be none"
(docs/sources.md S6, S14).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from report_builder.comparison.values import (
    Benchmark,
    Classification,
    Comparison,
    ComparisonKind,
    ComparisonStatus,
    Direction,
    Flag,
    Tier,
)
from report_builder.disclosure.control import MIN_BASE, RELIABLE_BASE
from report_builder.statistics.multiple_testing import Adjustment, adjust_pvalues
from report_builder.statistics.significance import one_sample_tests, two_sample_tests
from report_builder.statistics.values import ALPHA, Proportion, SignificanceTest

_T = TypeVar("_T")

BENCHMARK_SIZE_RATIO = 10
"""A benchmark counts as fixed only if its n is at least this many times the LA's (R-STAT-2)."""


@dataclasses.dataclass(frozen=True)
class Plan:
    """One comparison decided but not yet computed: untested with a reason, or one test.

    A tested plan holds this LA's counts and either a fixed proportion (``null_value``, the
    one-sample tests of R-STAT-2) or a second sample (``other``, R-STAT-3). ``is_indicative``
    marks a base of 10-29, which also asks for the exact test (R-STAT-4). ``compare_all`` runs
    a report's plans together.
    """

    indicator_id: str
    kind: ComparisonKind
    status: ComparisonStatus
    this: Proportion | None = None
    null_value: float | None = None
    other: Proportion | None = None
    is_indicative: bool = False
    benchmark_measure_id: str | None = None


def plan_national(indicator_id: str, this: Proportion, benchmark: Benchmark | None) -> Plan:
    """How to compare with a national benchmark (R-STAT-2).

    NO_BENCHMARK when no matching benchmark exists (the report then says "no national
    comparison available"), BASE_TOO_SMALL below 10. A benchmark with a published n under ten
    times the LA's is treated as a sample and compared two-sample (docs/sources.md S7).
    """
    kind = ComparisonKind.NATIONAL
    if benchmark is None:
        return Plan(indicator_id, kind, ComparisonStatus.NO_BENCHMARK)
    if this.nobs < MIN_BASE:
        return Plan(indicator_id, kind, ComparisonStatus.BASE_TOO_SMALL)
    is_fixed = _benchmark_is_fixed(benchmark, this.nobs)
    return Plan(
        indicator_id,
        kind,
        ComparisonStatus.TESTED,
        this,
        null_value=benchmark.value if is_fixed else None,
        other=None if is_fixed else _benchmark_as_proportion(benchmark),
        is_indicative=this.nobs < RELIABLE_BASE,
        benchmark_measure_id=benchmark.measure_id,
    )


def plan_other_las(indicator_id: str, this: Proportion, others: Proportion) -> Plan:
    """How to compare with other LAs of the same period, pooled, excluding this LA (R-STAT-3).

    When the pool is at least ten times this LA's base, its proportion is treated as fixed,
    exactly as a national figure is (R-STAT-2, docs/sources.md S7): the one-sample score test, whose
    flag always matches the Wilson interval drawn, or the exact binomial test for bases of
    10-29 (R-STAT-4). Otherwise the two samples are compared (Newcombe interval; score or
    Boschloo p-value). This also avoids Boschloo's test on small-against-huge tables, which
    costs seconds each and adds nothing when one proportion is known so precisely.
    """
    kind = ComparisonKind.OTHER_LAS
    if this.nobs >= MIN_BASE and _pool_is_fixed(others, this.nobs):
        share = others.count / others.nobs
        is_small = this.nobs < RELIABLE_BASE
        return Plan(indicator_id, kind, ComparisonStatus.TESTED, this, share, None, is_small)
    return _two_sample_plan(indicator_id, kind, this, others)


def plan_previous_round(
    indicator_id: str, this: Proportion, previous: Proportion, *, is_comparable: bool
) -> Plan:
    """How to compare with the LA's previous round (R-STAT-3).

    Only when the caller confirms the indicator's definition is unchanged between rounds;
    otherwise the result is NOT_COMPARABLE ("not comparable: definition changed"). Rounds are
    treated as independent samples (S16).
    """
    kind = ComparisonKind.PREVIOUS_ROUND
    if not is_comparable:
        return Plan(indicator_id, kind, ComparisonStatus.NOT_COMPARABLE)
    return _two_sample_plan(indicator_id, kind, this, previous)


def compare_all(plans: Sequence[Plan]) -> list[Comparison]:
    """Run many plans at once with the batched tests of ``statistics/significance.py``."""
    one = [i for i, plan in enumerate(plans) if _is_one_sample(plan)]
    two = [i for i, plan in enumerate(plans) if _is_two_sample(plan)]
    tests = dict(zip(one, _one_sample_tests([plans[i] for i in one]), strict=True))
    tests |= dict(zip(two, _two_sample_tests([plans[i] for i in two]), strict=True))
    return [
        tested_comparison(plan, tests[i]) if i in tests else untested_comparison(plan)
        for i, plan in enumerate(plans)
    ]


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
    """What a comparison means for the summary (R-STAT-6, R-STAT-8).

    Clear tier: a bright spot in the indicator's good direction, else an area for improvement.
    Possible tier: worth looking into. None tier: no clear difference. An indicator with no
    agreed direction is never judged, so its clear or possible differences are
    NO_AGREED_DIRECTION. Untested comparisons are NOT_ASSESSED: an absent test is not evidence
    of "no difference".
    """
    tier = comparison.tier
    if tier is None:
        return Classification.NOT_ASSESSED
    if tier is Tier.NONE:
        return Classification.NO_CLEAR_DIFFERENCE
    if direction is Direction.NO_AGREED_DIRECTION:
        return Classification.NO_AGREED_DIRECTION
    if tier is Tier.POSSIBLE:
        return Classification.WORTH_LOOKING_INTO
    is_higher_good = direction is Direction.HIGHER_IS_BETTER
    is_good = (comparison.flag is Flag.HIGHER) == is_higher_good
    return Classification.BRIGHT_SPOT if is_good else Classification.AREA_FOR_IMPROVEMENT


def _two_sample_plan(
    indicator_id: str, kind: ComparisonKind, this: Proportion, other: Proportion
) -> Plan:
    """Two-sample plan shared by the other-LA and previous-round axes (R-STAT-3, R-STAT-4)."""
    if min(this.nobs, other.nobs) < MIN_BASE:
        return Plan(indicator_id, kind, ComparisonStatus.BASE_TOO_SMALL)
    is_small = min(this.nobs, other.nobs) < RELIABLE_BASE
    return Plan(indicator_id, kind, ComparisonStatus.TESTED, this, None, other, is_small)


def _is_one_sample(plan: Plan) -> bool:
    """A tested plan against a fixed proportion."""
    return plan.status is ComparisonStatus.TESTED and plan.other is None


def _is_two_sample(plan: Plan) -> bool:
    """A tested plan against a second sample."""
    return plan.status is ComparisonStatus.TESTED and plan.other is not None


def _one_sample_tests(plans: list[Plan]) -> list[SignificanceTest]:
    """The one-sample tests of ``plans``, computed together."""
    this = [_set(plan.this) for plan in plans]
    return one_sample_tests(
        [sample.count for sample in this],
        [sample.nobs for sample in this],
        [_set(plan.null_value) for plan in plans],
        [plan.is_indicative for plan in plans],
    )


def _two_sample_tests(plans: list[Plan]) -> list[SignificanceTest]:
    """The two-sample tests of ``plans``, computed together."""
    this = [_set(plan.this) for plan in plans]
    other = [_set(plan.other) for plan in plans]
    return two_sample_tests(
        [sample.count for sample in this],
        [sample.nobs for sample in this],
        [sample.count for sample in other],
        [sample.nobs for sample in other],
        [plan.is_indicative for plan in plans],
    )


def _set(value: _T | None) -> _T:
    """A field every tested plan of its kind has (``Plan``), narrowed from its optional type."""
    if value is None:
        raise ValueError("a tested plan lacks its counts or the value it is compared with")
    return value


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


def tested_comparison(plan: Plan, test: SignificanceTest) -> Comparison:
    """``plan``'s comparison with its ``test`` run, flagged on its unadjusted p-value until its
    section is adjusted."""
    return Comparison(
        indicator_id=plan.indicator_id,
        kind=plan.kind,
        status=ComparisonStatus.TESTED,
        test=test,
        adjusted_pvalue=test.pvalue,
        flag=flag_for(test, test.pvalue),
        is_indicative=plan.is_indicative,
        benchmark_measure_id=plan.benchmark_measure_id,
    )


def untested_comparison(plan: Plan) -> Comparison:
    """A comparison that was not tested, carrying the reason in ``status``."""
    return Comparison(indicator_id=plan.indicator_id, kind=plan.kind, status=plan.status)
