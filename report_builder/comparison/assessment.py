"""Run the three comparisons for every indicator row of a report, then adjust per section.

A section for multiple-comparison purposes is one age band and one kind of comparison
(R-STAT-5, docs/statistics.md §3.3), so Benjamini-Hochberg runs across all domains of one age
band at a time. Rows or comparators hidden by disclosure control are not tested (status
SUPPRESSED): a p-value or a difference could give away the hidden value (R-SDC-4).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from questionnaires import Indicator, InstrumentVersion
from report_builder.comparison.comparators import Comparator, Comparators, Key
from report_builder.comparison.national_benchmarks import benchmarks_by_indicator, best_match
from report_builder.comparison.plans import (
    Plan,
    adjust_section,
    compare_all,
    plan_national,
    plan_other_las,
    plan_previous_round,
)
from report_builder.comparison.values import Benchmark, Comparison, ComparisonKind, ComparisonStatus
from report_builder.disclosure.control import MIN_BASE
from report_builder.statistics.multiple_testing import Adjustment
from report_builder.statistics.values import Proportion

_NOBODY = Comparator(Proportion(0, 0), is_hidden=False, percent=None)


@dataclass(frozen=True)
class Row:
    """One indicator and age band of the report, with this round's raw counts."""

    indicator: Indicator
    version: InstrumentVersion
    this: Proportion
    is_hidden: bool

    @property
    def key(self) -> Key:
        """(indicator_id, age_band)."""
        return (self.indicator.id, self.version.instrument)


@dataclass(frozen=True)
class Assessment:
    """A row's comparisons (national, other LAs, previous round if any) and what they used."""

    comparisons: tuple[Comparison, ...]
    benchmark: Benchmark | None


def assess(
    rows: Sequence[Row],
    comparators: Comparators,
    benchmarks: pd.DataFrame,
    *,
    has_previous: bool,
    adjust: Adjustment,
) -> dict[Key, Assessment]:
    """Every row's comparisons, with p-values adjusted within each age band and kind.

    Each comparison is planned row by row (``compare.plan_*``), then all the report's tests
    run together (``plans.compare_all``).
    """
    by_indicator = benchmarks_by_indicator(benchmarks)
    planned = []
    for row in rows:
        version = row.version
        candidates = by_indicator.get(row.indicator.id, ())
        benchmark = best_match(candidates, version.age_min, version.age_max)
        plans = [_national(row, benchmark), _other_las(row, comparators)]
        if has_previous:
            plans.append(_previous(row, comparators))
        planned.append((row.key, plans, benchmark))
    comparisons = iter(compare_all([plan for _, plans, _ in planned for plan in plans]))
    found = {
        key: Assessment(tuple(next(comparisons) for _ in plans), benchmark)
        for key, plans, benchmark in planned
    }
    return _adjusted(found, adjust)


def _national(row: Row, benchmark: Benchmark | None) -> Plan:
    """Against a matching national figure (R-STAT-2)."""
    if benchmark is not None and _is_suppressed(row, None):
        return _suppressed(row, ComparisonKind.NATIONAL)
    return plan_national(row.indicator.id, row.this, benchmark)


def _other_las(row: Row, comparators: Comparators) -> Plan:
    """Against every other LA of the same period, pooled (R-STAT-3); NO_COMPARABLE_OTHERS when
    no other LA answered a comparable version (R-SDC-9 pools comparable versions only)."""
    other = comparators.others.get(row.key)
    if other is None:
        return Plan(
            row.indicator.id, ComparisonKind.OTHER_LAS, ComparisonStatus.NO_COMPARABLE_OTHERS
        )
    if _is_suppressed(row, other):
        return _suppressed(row, ComparisonKind.OTHER_LAS)
    return plan_other_las(row.indicator.id, row.this, other.proportion)


def _previous(row: Row, comparators: Comparators) -> Plan:
    """Against this LA's previous round, only where the definition is unchanged (R-STAT-3).

    An age band nobody answered last round has nothing to compare with (BASE_TOO_SMALL).
    """
    previous = comparators.previous.get(row.key, _NOBODY)
    is_comparable = comparators.previous_comparable.get(row.key, True)
    if is_comparable and _is_suppressed(row, previous):
        return _suppressed(row, ComparisonKind.PREVIOUS_ROUND)
    return plan_previous_round(
        row.indicator.id, row.this, previous.proportion, is_comparable=is_comparable
    )


def _is_suppressed(row: Row, comparator: Comparator | None) -> bool:
    """True when a testable comparison would expose a hidden result (R-SDC-4).

    Bases under 10 are left to the compare functions, which report BASE_TOO_SMALL.
    """
    is_testable = row.this.nobs >= MIN_BASE and (
        comparator is None or comparator.proportion.nobs >= MIN_BASE
    )
    is_hidden = row.is_hidden or (comparator is not None and comparator.is_hidden)
    return is_testable and is_hidden


def _suppressed(row: Row, kind: ComparisonKind) -> Plan:
    """An untested comparison whose reason is disclosure control."""
    return Plan(row.indicator.id, kind, ComparisonStatus.SUPPRESSED)


def _adjusted(found: dict[Key, Assessment], adjust: Adjustment) -> dict[Key, Assessment]:
    """Benjamini-Hochberg within each (age band, comparison kind) family (R-STAT-5)."""
    families: dict[tuple[str, ComparisonKind], list[tuple[Key, int]]] = defaultdict(list)
    for key, assessment in found.items():
        for position, comparison in enumerate(assessment.comparisons):
            families[(key[1], comparison.kind)].append((key, position))
    updated = {key: list(assessment.comparisons) for key, assessment in found.items()}
    for members in families.values():
        section = [updated[key][position] for key, position in members]
        for (key, position), comparison in zip(
            members, adjust_section(section, adjust), strict=True
        ):
            updated[key][position] = comparison
    return {
        key: Assessment(tuple(updated[key]), assessment.benchmark)
        for key, assessment in found.items()
    }
