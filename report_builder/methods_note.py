"""The methods note: tests, thresholds, suppression rules and benchmark sources (R-SDC-7).

Thresholds are filled in from the constants the code applies, so the note cannot drift from
what was done. Every marker that appears anywhere in the report is explained here.
"""

from __future__ import annotations

from collections.abc import Iterable

from report_builder.disclosure import (
    K_ANONYMITY,
    MIN_BASE,
    QUOTE_LIMIT,
    QUOTE_MIN_BASE,
    RELIABLE_BASE,
)
from report_builder.labels import methods_paragraphs, text
from report_builder.model import Benchmark, SuppressionReason
from report_builder.report_model import BenchmarkSource, MethodsNote
from report_builder.stats import Adjustment
from report_builder.wording import Language, marker_note, significance_note


def methods_note(
    reasons: Iterable[str],
    benchmarks: Iterable[Benchmark],
    *,
    adjust: Adjustment,
    language: Language,
) -> MethodsNote:
    """The note for a report whose markers carry ``reasons`` and which used ``benchmarks``."""
    is_adjusted = adjust == "bh"
    paragraphs = methods_paragraphs(
        language,
        is_adjusted=is_adjusted,
        min_base=MIN_BASE,
        reliable_max=RELIABLE_BASE - 1,
        reliable_base=RELIABLE_BASE,
        k=K_ANONYMITY,
        quote_base=QUOTE_MIN_BASE,
        quote_limit=QUOTE_LIMIT,
        adjustment=text(f"adjust_{adjust}", language),
    )
    used = [reason for reason in SuppressionReason if reason.value in set(reasons)]
    return MethodsNote(
        paragraphs=paragraphs,
        significance_note=significance_note(is_adjusted=is_adjusted, language=language),
        marker_notes=tuple(marker_note(reason, language) for reason in used),
        benchmark_sources=tuple(_source(b, language) for b in _unique(benchmarks)),
        adjustment=adjust,
    )


def _unique(benchmarks: Iterable[Benchmark]) -> list[Benchmark]:
    """Each benchmark once, ordered by measure id."""
    return sorted({b.measure_id: b for b in benchmarks}.values(), key=lambda b: b.measure_id)


def _source(benchmark: Benchmark, language: Language) -> BenchmarkSource:
    """A benchmark's provenance line, stating its confidence (primary or secondary)."""
    confidence = text(benchmark.confidence, language)
    return BenchmarkSource(
        measure_id=benchmark.measure_id,
        indicator_id=benchmark.indicator_id,
        title=benchmark.source_title,
        url=benchmark.source_url,
        year=benchmark.year,
        confidence=benchmark.confidence,
        text=text(
            "source",
            language,
            title=benchmark.source_title,
            year=benchmark.year,
            confidence=confidence,
        ),
    )
