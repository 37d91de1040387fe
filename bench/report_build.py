"""Benchmark: build every LA's report model from a national synthetic dataset.

Full size (``python bench/report_build.py``): 153 LAs (England's count, docs/sources.md B12), two
rounds each, about 100,000 responses over the four instruments. Targets: all reports in under
15 s and under 1 GB peak memory on 2 cores (``report_cache`` times the PDF). Indicator
counts are computed once and shared by every report (other LAs are the period's totals minus
the LA's own). Reports are built in ``workers`` forked processes, which share the frames
copy-on-write.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from demo_data.synthetic import (
    SyntheticDesign,
    la_codes,
    round_id,
    synthetic_populations,
    synthetic_quotes,
    synthetic_responses,
)
from questionnaires import load_catalogue
from report_builder.comparison.national_benchmarks import load_benchmarks
from report_builder.indicators.counts import indicator_counts
from report_builder.report.build import build_report
from report_builder.report.model import Report

FULL_LAS = 153
QUICK_LAS = 12
SEED = 2026
MINIMUM_RESPONSE_RATE = 30
"""An authority's default minimum response rate, so cohort caveats are worked out as in the app."""
_SHARED: dict[str, object] = {}
"""The frames each forked worker reads; set before the pool starts."""


def run(quick: bool = False, *, workers: int = 2) -> dict[str, object]:
    """Generate, count and build every report; return the timings and sizes."""
    design = SyntheticDesign(n_las=QUICK_LAS if quick else FULL_LAS)
    catalogue, benchmarks = load_catalogue(), load_benchmarks()
    started = time.perf_counter()
    responses = synthetic_responses(catalogue, design, seed=SEED)
    generated = time.perf_counter()
    counts = indicator_counts(responses, catalogue)
    counted = time.perf_counter()
    _SHARED.update(
        responses=responses,
        catalogue=catalogue,
        benchmarks=benchmarks,
        counts=counts,
        quotes=synthetic_quotes(responses, seed=SEED),
        populations=synthetic_populations(responses, seed=SEED),
        design=design,
    )
    built_at, cpu_at = time.perf_counter(), _cpu_s()
    reports = _build_all(la_codes(design), workers)
    built, cpu_built = time.perf_counter(), _cpu_s()
    return {
        "las": design.n_las,
        "responses": int(responses["response_id"].nunique()),
        "answer_rows": len(responses),
        "frame_mb": round(responses.memory_usage(deep=True).sum() / 1e6, 1),
        "generate_s": generated - started,
        "counts_s": counted - generated,
        "reports_s": built - built_at,
        "counts_and_reports_s": (built - built_at) + (counted - generated),
        "per_report_ms": 1000 * (built - built_at) / len(reports),
        "workers": workers,
        "reports_cpu_s": cpu_built - cpu_at,
        "load_average": os.getloadavg()[0],
        "peak_rss_mb": _peak_rss_mb(),
    }


def _build_all(codes: tuple[str, ...], workers: int) -> list[Report]:
    """Every LA's latest-round report, in ``workers`` forked processes (1 = in process)."""
    if workers <= 1:
        return [_build_one(code) for code in codes]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_build_one, codes, chunksize=max(1, len(codes) // (4 * workers))))


def _build_one(la_code: str) -> Report:
    """One LA's report for the last period, compared with the one before."""
    design = _SHARED["design"]
    latest, previous = design.periods[-1], design.periods[-2]
    current = round_id(la_code, latest)
    return build_report(
        _SHARED["responses"],
        _SHARED["catalogue"],
        _SHARED["benchmarks"],
        la_code=la_code,
        round_id=current,
        previous_round_id=round_id(la_code, previous),
        denominators=_SHARED["populations"].get(current),
        quotes=_SHARED["quotes"],
        counts=_SHARED["counts"],
        previous_denominators=_SHARED["populations"].get(round_id(la_code, previous)),
        minimum_response_rate=MINIMUM_RESPONSE_RATE,
    )


def _cpu_s() -> float:
    """CPU seconds used so far by this process and its finished workers.

    The build's CPU time next to its wall time shows how far a busy machine slowed it.
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_rss_mb() -> float:
    """Peak resident memory of this process and of the largest worker, in MB (Linux: KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def main() -> None:
    """Print the full-size figures, one per line."""
    workers = min(2, os.cpu_count() or 1)
    for name, value in run(quick="--quick" in sys.argv, workers=workers).items():
        print(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}")


if __name__ == "__main__":
    main()
