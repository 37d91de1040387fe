"""Reference implementation: run a comparison plan test by test, with the single-call tests.

Tests only. The report runs all of a report's plans at once (``plans.compare_all``, through the
batched numpy tests); ``compare`` here runs one plan through the statsmodels and SciPy calls of
``reference_statistics``, so tests can check the batched route against an independent one and
state the comparison rules one comparison at a time. The planning (which test, or why none) is
the production ``plan_*`` code, so the rules under test are the ones the report applies.
"""

from __future__ import annotations

from report_builder.comparison.plans import (
    Plan,
    plan_national,
    plan_other_las,
    plan_previous_round,
    tested_comparison,
    untested_comparison,
)
from report_builder.comparison.values import Benchmark, Comparison, ComparisonStatus
from report_builder.statistics.values import Proportion
from tests.support.reference_statistics import one_sample_test, two_sample_test


def compare(plan: Plan) -> Comparison:
    """Run one plan with the single-call tests of ``reference_statistics``."""
    if plan.status is not ComparisonStatus.TESTED:
        return untested_comparison(plan)
    this = plan.this
    if plan.other is None:
        test = one_sample_test(this.count, this.nobs, plan.null_value, exact=plan.is_indicative)
    else:
        other = plan.other
        test = two_sample_test(
            this.count, this.nobs, other.count, other.nobs, exact=plan.is_indicative
        )
    return tested_comparison(plan, test)


def compare_with_national(
    indicator_id: str, this: Proportion, benchmark: Benchmark | None
) -> Comparison:
    """Compare with a national benchmark (R-STAT-2); see ``plan_national``."""
    return compare(plan_national(indicator_id, this, benchmark))


def compare_with_other_las(indicator_id: str, this: Proportion, others: Proportion) -> Comparison:
    """Compare with other LAs of the same period, pooled (R-STAT-3); see ``plan_other_las``."""
    return compare(plan_other_las(indicator_id, this, others))


def compare_with_previous_round(
    indicator_id: str, this: Proportion, previous: Proportion, *, is_comparable: bool
) -> Comparison:
    """Compare with the LA's previous round (R-STAT-3); see ``plan_previous_round``."""
    return compare(plan_previous_round(indicator_id, this, previous, is_comparable=is_comparable))
