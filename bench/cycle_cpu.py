"""Benchmark: CPU milliseconds per question cycle (question ``GET`` + answer ``POST``), in process.

Throughput under load depends on what else the machine runs; the CPU one cycle costs in one
process does much less, so it is the figure to compare before and after a change. A child
process (``bench/_cycle_cpu.py``) walks whole journeys through the Flask test client on a
seeded SQLite or PostgreSQL database, rate limits on, and records each cycle's thread CPU time,
SQL statements and HTML bytes, and each whole journey's CPU time (the entry pages, check your
answers and submission as well as the questions).

``--before DIR`` also measures another source tree (an older checkout, e.g. from
``git archive``) on the same database, alternating the two ``--rounds`` times so both see the
same machine load. ``make bench`` runs ``run(quick=True)``: SQLite and PostgreSQL, this tree.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._stack import REPO_ROOT, app_environment, database, migrate_and_seed
from bench._stats import percentile

CHILD = Path(__file__).with_name("_cycle_cpu.py")
CHILD_TIMEOUT_S = 600.0


def run(quick: bool = False) -> dict[str, object]:
    """``make bench``: this tree on both databases."""
    figures: dict[str, object] = {}
    for db in ("sqlite", "postgresql"):
        trees = {"ours": REPO_ROOT}
        result = measure(db, trees, journeys=3 if quick else 10, rounds=1 if quick else 3)
        figures.update({f"{db}.{key}": value for key, value in result.items()})
    return figures


def measure(db: str, trees: dict[str, Path], *, journeys: int, rounds: int) -> dict[str, object]:
    """Seed ``db`` once, then measure each tree in turn ``rounds`` times; figures per tree."""
    cycles: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    journeys_ms: dict[str, list[float]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory(prefix="cv-cycle-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        url = stack.enter_context(database(db, workdir))
        env = app_environment(url, workdir)
        env["BENCH_CODE"] = migrate_and_seed(env)
        for _ in range(rounds):
            for name, tree in trees.items():
                measured = _child(tree, env, workdir / f"{name}.json", journeys)
                cycles[name] += measured["cycles"]
                journeys_ms[name] += measured["journeys"]
    figures: dict[str, object] = {}
    for name, records in cycles.items():
        found = _figures(records) | _journey_figures(journeys_ms[name])
        figures.update({f"{name}.{key}": value for key, value in found.items()})
    return figures


def _child(tree: Path, env: dict[str, str], out: Path, journeys: int) -> dict[str, Any]:
    """Run the measuring child on ``tree``'s code: its ``cycles`` records and each of its
    ``journeys``' CPU ms. Its request log lines are discarded."""
    command = [sys.executable, str(CHILD), str(out), str(journeys)]
    done = subprocess.run(
        command,
        env={**env, "PYTHONPATH": str(tree)},
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"measuring {tree} failed:\n{done.stderr[-3000:]}")
    return json.loads(out.read_text())


def _figures(records: list[dict[str, float]]) -> dict[str, object]:
    """Mean and percentiles of CPU per cycle; SQL statements (max) and bytes (max) per page."""
    cycle = sorted(r["get_cpu_ms"] + r["post_cpu_ms"] for r in records)
    return {
        "cycles": len(records),
        "cpu_ms_per_cycle": statistics.fmean(cycle),
        "cpu_ms_per_cycle_p50": percentile(cycle, 0.5),
        "cpu_ms_per_cycle_p95": percentile(cycle, 0.95),
        "cpu_ms_question_get": statistics.fmean(r["get_cpu_ms"] for r in records),
        "cpu_ms_answer_post": statistics.fmean(r["post_cpu_ms"] for r in records),
        "sql_question_get_max": int(max(r["get_sql"] for r in records)),
        "sql_answer_post_max": int(max(r["post_sql"] for r in records)),
        "html_bytes_max": int(max(r["get_bytes"] for r in records)),
        "html_bytes_mean": round(statistics.fmean(r["get_bytes"] for r in records)),
    }


def _journey_figures(journeys_ms: list[float]) -> dict[str, object]:
    """Mean and median CPU per whole journey, poster link to thank-you page."""
    return {
        "journeys": len(journeys_ms),
        "cpu_ms_per_journey": statistics.fmean(journeys_ms),
        "cpu_ms_per_journey_p50": percentile(sorted(journeys_ms), 0.5),
    }


def main(argv: list[str]) -> int:
    """Measure this tree (and ``--before`` if given) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--journeys", type=int, default=10, help="per child run")
    parser.add_argument("--rounds", type=int, default=3, help="alternations")
    parser.add_argument("--before", type=Path, help="another source tree to compare")
    args = parser.parse_args(argv)
    trees = {"ours": REPO_ROOT} | ({"before": args.before} if args.before else {})
    figures = measure(args.db, trees, journeys=args.journeys, rounds=args.rounds)
    for name, value in figures.items():
        print(f"{name}: {value:.2f}" if isinstance(value, float) else f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
