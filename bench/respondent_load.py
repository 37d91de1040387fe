"""Benchmark: simulated respondents answering a whole survey under gunicorn (GitHub issue 7).

Starts Care Voices under gunicorn on SQLite or a throwaway PostgreSQL, seeds the demo round,
and drives N concurrent respondents (threads, loopback only, bounded in time and journeys) that
each enter the code, answer every page with realistic answers and submit. With
``--compare-baseline`` it also serves ``bench.baseline_app`` (a bare Flask app inserting one row
per answer) with the same gunicorn settings and database, alternates measuring phases between
the two, and reports ours / baseline for throughput and p95, for the run and round by round.
``--baseline-with-reads`` adds a bare app that makes Care Voices' database round trips, so the
ratio splits into what the shape of the requests costs and what the code costs.

Full run: ``python bench/respondent_load.py --db postgresql --respondents 100 --compare-baseline``.
``make bench`` calls ``run(quick=True)``: 20 respondents, short phases, both databases.
Targets (2 cores, 100 respondents, PostgreSQL): answer throughput >= 0.7 of the baseline, p95
under 100 ms, no errors, at most 8 SQL statements per question page, under 60 KB per question
page compressed with its CSS.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import baseline_app
from bench._load import Journey, drive
from bench._respondent import baseline_journey, demo_items, survey_journey
from bench._stack import Server, app_environment, database, gunicorns, migrate_and_seed
from bench._stats import ANSWER_POST, QUESTION_GET, Phase, page_stats
from bench._weight import question_page_weight
from questionnaires import load_catalogue

APP_TARGET = "bench._app_under_test:create()"
BASELINE_TARGET = "bench.baseline_app:create()"
READS_BASELINE_TARGET = "bench.baseline_app:create(reads=True)"
WARM_UP_S = 10.0
"""Each server is warmed with the run's respondents for this long before anything is measured:
long enough for every worker to compile its templates and build its question-page skeletons
(about ten journeys a worker), as on a server that has been up a while. Capacity is the steady
state; with 2 s and 4 respondents the first measured phase paid the workers' first minute."""
WARM_UP_JOURNEYS = 200


@dataclass(frozen=True)
class Settings:
    """One bench run's knobs; the defaults are the full-size run."""

    db: str = "postgresql"
    respondents: int = 100
    seconds: float = 45.0
    rounds: int = 2
    workers: int = 2 * (os.cpu_count() or 1) + 1
    threads: int = 1
    think_s: float = 0.0
    compare_baseline: bool = True
    max_journeys: int = 20_000
    weight_journeys: int = 8
    baseline_with_reads: bool = False
    """Also serve the baseline that makes Care Voices' database round trips, to split the
    ratio into what the shape of the requests costs and what the code costs."""
    before: Path | None = None
    """Another source tree (e.g. ``git archive`` of an older commit) served and measured in
    the same alternation, so a change is compared with what it replaced under the same load."""


QUICK = Settings(respondents=20, seconds=8.0, rounds=1, weight_journeys=4)


def run(quick: bool = False) -> dict[str, object]:
    """``make bench``: both databases with the baseline; print each page table, return figures."""
    base = QUICK if quick else Settings()
    figures: dict[str, object] = {"load_average_1m_before": os.getloadavg()[0]}
    for db in ("postgresql", "sqlite"):
        result = measure(replace(base, db=db))
        print(f"\n{db}:\n{result.pop('_table')}")
        figures.update({f"{db}.{key}": value for key, value in result.items()})
    figures["load_average_1m_after"] = os.getloadavg()[0]
    return figures


def measure(settings: Settings) -> dict[str, object]:
    """Stand up the stack, warm up, alternate the measuring phases, then weigh the pages."""
    with tempfile.TemporaryDirectory(prefix="cv-bench-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        url = stack.enter_context(database(settings.db, workdir))
        env = app_environment(url, workdir)
        code = migrate_and_seed(env)
        servers = {"ours": Server(APP_TARGET, workdir / "app.log")}
        if settings.before:
            servers["before"] = Server(APP_TARGET, workdir / "before.log", settings.before)
        if settings.compare_baseline or settings.baseline_with_reads:
            baseline_app.ensure_table(url)
        if settings.compare_baseline:
            servers["baseline"] = Server(BASELINE_TARGET, workdir / "baseline.log")
        if settings.baseline_with_reads:
            servers["reads"] = Server(READS_BASELINE_TARGET, workdir / "reads.log")
        serve = gunicorns(
            list(servers.values()), env, workers=settings.workers, threads=settings.threads
        )
        urls = dict(zip(servers, stack.enter_context(serve), strict=True))
        journeys = {
            name: (
                url,
                _baseline(settings.think_s)
                if name in ("baseline", "reads")
                else _survey(code, settings.think_s),
            )
            for name, url in urls.items()
        }
        load_before = os.getloadavg()[0]
        rounds = _alternate(journeys, settings)
        weight = question_page_weight(urls["ours"], code, settings.weight_journeys)
        if settings.before:
            before = question_page_weight(urls["before"], code, settings.weight_journeys)
            weight |= {f"before_{key}": value for key, value in before.items()}
        return _figures(settings, rounds, weight, load_before)


def _survey(code: str, think_s: float) -> Journey:
    """A whole survey journey with the demo code."""
    items = demo_items(load_catalogue())
    return lambda browser, rng: survey_journey(browser, code, items, rng, think_s)


def _baseline(think_s: float) -> Journey:
    """The baseline's question loop."""
    return lambda browser, rng: baseline_journey(browser, rng, think_s)


def _alternate(
    journeys: dict[str, tuple[str, Journey]], settings: Settings
) -> list[dict[str, Phase]]:
    """Warm each server up, then measure them in turn, ``rounds`` times: each round's phases."""
    for base_url, journey in journeys.values():
        drive(
            base_url,
            journey,
            respondents=settings.respondents,
            seconds=WARM_UP_S,
            max_journeys=WARM_UP_JOURNEYS,
        )
    return [
        {
            name: drive(
                base_url,
                journey,
                respondents=settings.respondents,
                seconds=settings.seconds,
                max_journeys=settings.max_journeys,
                ramp_s=2 * settings.think_s,
            )
            for name, (base_url, journey) in journeys.items()
        }
        for _ in range(settings.rounds)
    ]


def summed_rounds(rounds: list[dict[str, Phase]]) -> dict[str, Phase]:
    """Each app's phases of every round added together."""
    return {
        name: sum((phases[name] for phases in rounds[1:]), rounds[0][name]) for name in rounds[0]
    }


def _figures(
    settings: Settings,
    rounds: list[dict[str, Phase]],
    weight: dict[str, object],
    load_before: float,
) -> dict[str, object]:
    """The flat figures for the summary table, plus ``_table``: the per-page latency table."""
    phases = summed_rounds(rounds)
    ours = phases["ours"]
    figures: dict[str, object] = {
        "respondents": settings.respondents,
        "gunicorn_workers": settings.workers,
        "measured_s": ours.seconds,
        "journeys_completed": ours.journeys,
        "pages_per_s": ours.pages_per_s,
        "answers_per_s": ours.answers_per_s,
        "errors": ours.errors,
        "p95_ms_all_pages": ours.p95_ms(),
        **_question_figures(ours),
        **weight,
        "load_average_1m": load_before,
        "load_average_1m_end": os.getloadavg()[0],
    }
    if "baseline" in phases:
        figures.update(_ratios(ours, phases["baseline"]))
        figures["ratio_answers_per_s_by_round"] = ratios_by_round(rounds, "ours")
    if "reads" in phases:
        figures.update(reads_baseline_figures(ours, phases["reads"], phases.get("baseline")))
    if "before" in phases:
        figures.update(_before_figures(phases["before"], phases.get("baseline")))
        if "baseline" in phases:
            figures["before_ratio_answers_per_s_by_round"] = ratios_by_round(rounds, "before")
    figures["_table"] = _table(phases)
    return figures


def _question_figures(ours: Phase) -> dict[str, object]:
    """Latency and SQL statements of question pages: shown (GET) and answered (POST)."""
    figures: dict[str, object] = {}
    for label, page in (("question_get", QUESTION_GET), ("answer_post", ANSWER_POST)):
        row = ours.stats(page)
        if row is None:
            continue
        figures |= {f"{label}_p50_ms": row.p50_ms, f"{label}_p95_ms": row.p95_ms}
        figures |= {f"{label}_p99_ms": row.p99_ms, f"{label}_sql_max": row.sql_max}
    return figures


def _ratios(ours: Phase, baseline: Phase) -> dict[str, object]:
    """Ours / baseline for answer throughput and p95 (higher throughput ratio is better)."""
    mine, theirs = ours.stats(ANSWER_POST), baseline.stats(ANSWER_POST)
    return {
        "baseline_answers_per_s": baseline.answers_per_s,
        "baseline_pages_per_s": baseline.pages_per_s,
        "baseline_errors": baseline.errors,
        "baseline_answer_post_p95_ms": theirs.p95_ms if theirs else 0.0,
        "ratio_answers_per_s": _ratio(ours.answers_per_s, baseline.answers_per_s),
        "ratio_pages_per_s": _ratio(ours.pages_per_s, baseline.pages_per_s),
        "ratio_answer_post_p95": _ratio(
            mine.p95_ms if mine else 0.0, theirs.p95_ms if theirs else 0
        ),
        "ratio_p95_all_pages": _ratio(ours.p95_ms(), baseline.p95_ms()),
    }


def _before_figures(before: Phase, baseline: Phase | None) -> dict[str, object]:
    """The older tree's throughput, errors and question latency, and its ratio to the baseline."""
    figures: dict[str, object] = {
        "before_pages_per_s": before.pages_per_s,
        "before_answers_per_s": before.answers_per_s,
        "before_errors": before.errors,
        **{f"before_{key}": value for key, value in _question_figures(before).items()},
    }
    if baseline is not None:
        ratios = _ratios(before, baseline)
        figures["before_ratio_answers_per_s"] = ratios["ratio_answers_per_s"]
        figures["before_ratio_pages_per_s"] = ratios["ratio_pages_per_s"]
    return figures


def reads_baseline_figures(ours: Phase, reads: Phase, baseline: Phase | None) -> dict[str, object]:
    """The baseline with Care Voices' round trips: its answers/s, ours against it, and it
    against the plain baseline (the two ratios multiply to ours against the plain one)."""
    figures: dict[str, object] = {
        "reads_baseline_answers_per_s": reads.answers_per_s,
        "reads_baseline_errors": reads.errors,
        "ratio_answers_per_s_to_reads_baseline": _ratio(ours.answers_per_s, reads.answers_per_s),
    }
    if baseline is not None:
        figures["reads_baseline_ratio_answers_per_s"] = _ratio(
            reads.answers_per_s, baseline.answers_per_s
        )
    return figures


def ratios_by_round(rounds: list[dict[str, Phase]], name: str) -> str:
    """``name``'s answers/s over the baseline's, round by round: how far one run's ratio can
    be trusted (the same code has measured 0.27 in one run and 0.35 in another)."""
    return " ".join(
        f"{_ratio(phases[name].answers_per_s, phases['baseline'].answers_per_s):.3f}"
        for phases in rounds
    )


def _ratio(mine: float, theirs: float) -> float:
    return mine / theirs if theirs else 0.0


def _table(phases: dict[str, Phase]) -> str:
    """Per page type: count, errors, p50/p95/p99 in ms and SQL statements (mean, max)."""
    lines = [
        f"{'app':9} {'page':22} {'count':>6} {'err':>4} {'p50':>7} {'p95':>7} {'p99':>7} {'sql':>9}"
    ]
    for name, phase in phases.items():
        for row in page_stats(phase.samples):
            sql = f"{row.sql_mean:.1f}/{row.sql_max}" if row.sql_mean is not None else "-"
            lines.append(
                f"{name:9} {row.page:22} {row.count:6} {row.errors:4} {row.p50_ms:7.1f}"
                f" {row.p95_ms:7.1f} {row.p99_ms:7.1f} {sql:>9}"
            )
    return "\n".join(lines)


def _arguments(argv: list[str]) -> Settings:
    """Settings from the command line (defaults: the full-size run)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    defaults = Settings()
    parser.add_argument("--db", choices=("postgresql", "sqlite"), default=defaults.db)
    parser.add_argument("--respondents", type=int, default=defaults.respondents)
    parser.add_argument("--seconds", type=float, default=defaults.seconds, help="per phase")
    parser.add_argument("--rounds", type=int, default=defaults.rounds, help="alternations")
    parser.add_argument("--workers", type=int, default=defaults.workers)
    parser.add_argument("--threads", type=int, default=defaults.threads)
    parser.add_argument("--think", type=float, default=0.0, help="mean seconds per question")
    parser.add_argument("--max-journeys", type=int, default=defaults.max_journeys)
    parser.add_argument("--compare-baseline", action="store_true")
    parser.add_argument(
        "--baseline-with-reads",
        action="store_true",
        help="also serve a baseline making Care Voices' database round trips",
    )
    parser.add_argument("--before", type=Path, help="another source tree to measure alongside")
    args = parser.parse_args(argv)
    return Settings(
        db=args.db,
        respondents=args.respondents,
        seconds=args.seconds,
        rounds=args.rounds,
        workers=args.workers,
        threads=args.threads,
        think_s=args.think,
        compare_baseline=args.compare_baseline,
        baseline_with_reads=args.baseline_with_reads,
        max_journeys=args.max_journeys,
        before=args.before,
    )


def main(argv: list[str]) -> int:
    """Run once with the command line's settings; print the page table and the figures."""
    settings = _arguments(argv)
    figures = measure(settings)
    print(figures.pop("_table"))
    for name, value in figures.items():
        print(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
