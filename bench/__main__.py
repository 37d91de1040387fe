"""Run every benchmark module in ``bench/`` with quick defaults and print a summary table.

A module counts as a benchmark when it defines ``run(quick: bool) -> dict`` (figures by name).
``python -m bench --full`` runs them at full size; ``python -m bench NAME ...`` runs only
those modules.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterator

import bench

Benchmark = Callable[[bool], dict[str, object]]


def discover(names: list[str] | None = None) -> Iterator[tuple[str, Benchmark]]:
    """Every ``bench`` module with a ``run`` function, in name order (or only ``names``)."""
    for module_info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_") or (names and module_info.name not in names):
            continue
        module = importlib.import_module(f"bench.{module_info.name}")
        run = getattr(module, "run", None)
        if callable(run):
            yield module_info.name, run


def summary(results: dict[str, dict[str, object]]) -> str:
    """A plain-text table: benchmark, figure, value."""
    rows = [
        (name, key, _format(value))
        for name, figures in results.items()
        for key, value in figures.items()
    ]
    widths = [
        max(len(row[i]) for row in [("benchmark", "figure", "value"), *rows]) for i in range(3)
    ]
    lines = [
        "  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True))
        for row in [("benchmark", "figure", "value"), *rows]
    ]
    return "\n".join(lines)


def _format(value: object) -> str:
    """Floats to three decimals; anything else as text."""
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main(argv: list[str]) -> int:
    """Run the benchmarks named in ``argv`` (all by default) and print the table."""
    quick = "--full" not in argv
    names = [arg for arg in argv if not arg.startswith("--")] or None
    results = {name: run(quick) for name, run in discover(names)}
    print(summary(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
