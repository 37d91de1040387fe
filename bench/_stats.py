"""Figures from the load bench's samples: throughput, latency percentiles, errors, SQL per page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bench._client import Sample

ANSWER_POST = "POST /q/<id>"
QUESTION_GET = "GET /q/<id>"


@dataclass(frozen=True)
class PageStats:
    """Latency (ms), errors and SQL statements for one kind of page."""

    page: str
    count: int
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    sql_mean: float | None
    sql_max: int | None


def percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list (``share`` in 0..1); 0 when empty."""
    if not ordered:
        return 0.0
    rank = max(1, round(share * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def page_stats(samples: Iterable[Sample]) -> list[PageStats]:
    """One row per page type, busiest first."""
    by_page: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        by_page[sample.page].append(sample)
    rows = [_row(page, group) for page, group in by_page.items()]
    return sorted(rows, key=lambda row: -row.count)


def _row(page: str, group: list[Sample]) -> PageStats:
    ordered = sorted(1000 * s.seconds for s in group)
    counted = [s.sql for s in group if s.sql is not None]
    return PageStats(
        page=page,
        count=len(group),
        errors=sum(1 for s in group if s.error),
        p50_ms=percentile(ordered, 0.50),
        p95_ms=percentile(ordered, 0.95),
        p99_ms=percentile(ordered, 0.99),
        sql_mean=sum(counted) / len(counted) if counted else None,
        sql_max=max(counted) if counted else None,
    )


@dataclass(frozen=True)
class Phase:
    """Everything one app served in one or more measuring phases."""

    samples: list[Sample]
    seconds: float
    journeys: int

    def __add__(self, other: Phase) -> Phase:
        return Phase(
            self.samples + other.samples,
            self.seconds + other.seconds,
            self.journeys + other.journeys,
        )

    @property
    def pages_per_s(self) -> float:
        return len(self.samples) / self.seconds if self.seconds else 0.0

    @property
    def answers_per_s(self) -> float:
        """Answer pages saved per second (POST of a question page)."""
        answers = sum(1 for s in self.samples if s.page == ANSWER_POST and not s.error)
        return answers / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return sum(1 for s in self.samples if s.error)

    def stats(self, page: str) -> PageStats | None:
        """The row for one page type, if it was requested."""
        return next((row for row in page_stats(self.samples) if row.page == page), None)

    def p95_ms(self) -> float:
        """p95 over every request of the phase."""
        return percentile(sorted(1000 * s.seconds for s in self.samples), 0.95)
