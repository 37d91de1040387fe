"""Load the national comparator file and match a figure to an indicator's age band.

The file is ``report_builder/benchmarks/national.csv`` (columns in ``columns.BENCHMARK_COLUMNS``).
Each row is a figure read from its primary release, with the population and its type (the
general population, or children in care or care leavers in the Bright Spots national figures),
ages, year, release title, URL and the table or section it came from; the ``confidence`` column
carries its status into the methods note (benchmarks README). A comparison is only valid where
the measure's definition and ages match the indicator's; otherwise the report says "no national
comparison available" (docs/sources.md B7).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

import pandas as pd

from report_builder.comparison.values import Benchmark, PopulationType
from report_builder.inputs import columns as col
from report_builder.inputs.frames import records

AGE_TOLERANCE_YEARS = 1
"""How far each end of a measure's age range may sit from the indicator's band.

Bright Spots compares care leavers (16-25) with ONS figures for 16-24 (docs/sources.md B2), so one
year at either end is accepted; a wider gap (e.g. 11-17 against 10-15) is not a match.
"""

CONFIDENCE_LEVELS = frozenset({"primary", "secondary"})
POPULATION_TYPES = frozenset(kind.value for kind in PopulationType)
CARE_POPULATION_SOURCE = "Bright Spots"
"""Words every care-population row's ``source_title`` holds: the report names such a figure
as the Bright Spots programme's (``report/populations.py``), so the row must be one."""
_SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")
_YEAR = re.compile(r"\d{4}")
_WEB_ADDRESS = re.compile(r"^https?://\S+$")
_REQUIRED_TEXT = (col.DESCRIPTION, col.POPULATION, col.SOURCE_TITLE, col.SOURCE_TABLE)
_PACKAGED_FILE = resources.files("report_builder") / "benchmarks" / "national.csv"
_NUMERIC_COLUMNS = (col.AGE_MIN, col.AGE_MAX, col.VALUE_PCT, col.SAMPLE_SIZE)


def load_benchmarks(path: Path | str | None = None) -> pd.DataFrame:
    """Read and validate the benchmark file; the packaged ``national.csv`` when ``path`` is None.

    Returns a new frame with integer ages, a float ``value_pct``, a nullable integer
    ``sample_size`` and text elsewhere. Raises ValueError naming every problem found, so a bad
    release is refused before any report uses it.
    """
    if path is None:
        with resources.as_file(_PACKAGED_FILE) as packaged:
            raw = _read(packaged)
    else:
        raw = _read(Path(path))
    numbers = raw[list(_NUMERIC_COLUMNS)].apply(pd.to_numeric, errors="coerce")
    problems = _row_problems(raw, numbers)
    if problems:
        raise ValueError("benchmark file is invalid: " + "; ".join(problems))
    return raw.assign(
        **{
            col.AGE_MIN: numbers[col.AGE_MIN].astype("int64"),
            col.AGE_MAX: numbers[col.AGE_MAX].astype("int64"),
            col.VALUE_PCT: numbers[col.VALUE_PCT].astype("float64"),
            col.SAMPLE_SIZE: numbers[col.SAMPLE_SIZE].astype("Int64"),
        }
    )


def match_benchmark(
    benchmarks: pd.DataFrame, indicator_id: str, age_min: int, age_max: int
) -> Benchmark | None:
    """The benchmark for ``indicator_id`` whose ages match the band ``age_min``-``age_max``.

    Ages match when each end differs by at most ``AGE_TOLERANCE_YEARS``. Among several matches
    a general-population figure wins over a care-population one (children in care elsewhere
    are already the "other areas" comparison), then the latest release (new releases are new
    rows, README), then the closest ages, then the earlier row. None means "no national
    comparison available".
    """
    rows = benchmarks.loc[benchmarks[col.INDICATOR_ID] == indicator_id]
    return best_match(_to_benchmarks(rows), age_min, age_max)


def benchmarks_by_indicator(benchmarks: pd.DataFrame) -> dict[str, tuple[Benchmark, ...]]:
    """Every benchmark row as a ``Benchmark``, grouped by indicator in file order.

    For matching many age bands against one file without re-reading the frame each time.
    """
    grouped: dict[str, tuple[Benchmark, ...]] = {}
    for benchmark in _to_benchmarks(benchmarks):
        grouped[benchmark.indicator_id] = (*grouped.get(benchmark.indicator_id, ()), benchmark)
    return grouped


def best_match(candidates: Sequence[Benchmark], age_min: int, age_max: int) -> Benchmark | None:
    """``match_benchmark``'s choice among one indicator's ``candidates`` (in file order)."""
    matches = [
        b
        for b in candidates
        if abs(b.age_min - age_min) <= AGE_TOLERANCE_YEARS
        and abs(b.age_max - age_max) <= AGE_TOLERANCE_YEARS
    ]
    return min(matches, key=lambda b: _rank(b, age_min, age_max), default=None)


def _rank(benchmark: Benchmark, age_min: int, age_max: int) -> tuple[bool, int, int]:
    """Sort key: the general population first, the latest release, the smallest age gap."""
    gap = abs(benchmark.age_min - age_min) + abs(benchmark.age_max - age_max)
    is_care_population = benchmark.population_type != PopulationType.GENERAL_POPULATION
    return is_care_population, -_last_year(benchmark.year), gap


def _to_benchmarks(rows: pd.DataFrame) -> list[Benchmark]:
    """Validated rows as ``Benchmark`` values, in row order."""
    return [_to_benchmark(row) for row in records(rows)]


def _read(path: Path) -> pd.DataFrame:
    """The file as text, blanks kept as empty strings; ValueError naming missing columns."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [name for name in col.BENCHMARK_COLUMNS if name not in raw.columns]
    if missing:
        raise ValueError(f"benchmark file lacks columns: {', '.join(missing)}")
    return raw


def _row_problems(raw: pd.DataFrame, numbers: pd.DataFrame) -> list[str]:
    """Every rule the file breaks, as messages naming the measures that break it."""
    age_min, age_max = numbers[col.AGE_MIN], numbers[col.AGE_MAX]
    size = numbers[col.SAMPLE_SIZE]
    checks = {
        "duplicate measure_id": raw[col.MEASURE_ID].duplicated(keep=False),
        "indicator_id is not snake_case": ~raw[col.INDICATOR_ID].str.match(_SNAKE_CASE),
        "ages not whole numbers with age_min <= age_max": ~(
            _is_whole(age_min) & _is_whole(age_max) & (age_min <= age_max)
        ),
        "value_pct not strictly between 0 and 100": ~numbers[col.VALUE_PCT].between(
            0, 100, inclusive="neither"
        ),
        "sample_size neither blank nor a positive whole number": (raw[col.SAMPLE_SIZE] != "")
        & ~(_is_whole(size) & (size >= 1)),
        "confidence not primary or secondary": ~raw[col.CONFIDENCE].isin(CONFIDENCE_LEVELS),
        "population_type not one of " + ", ".join(sorted(POPULATION_TYPES)): ~raw[
            col.POPULATION_TYPE
        ].isin(POPULATION_TYPES),
        "care-population row whose source_title does not name Bright Spots": (
            raw[col.POPULATION_TYPE] != PopulationType.GENERAL_POPULATION
        )
        & ~raw[col.SOURCE_TITLE].str.contains(CARE_POPULATION_SOURCE, regex=False),
        "source_url not a web address": ~raw[col.SOURCE_URL].str.match(_WEB_ADDRESS),
        "year without a four-digit year": ~raw[col.YEAR].str.contains(_YEAR),
        "blank description, population, source_title or source_table": (
            raw[list(_REQUIRED_TEXT)].apply(lambda column: column.str.strip() == "").any(axis=1)
        ),
        "blank sample_size without notes saying why": (raw[col.SAMPLE_SIZE] == "")
        & (raw[col.NOTES].str.strip() == ""),
    }
    return [
        f"{rule}: {', '.join(raw.loc[broken, col.MEASURE_ID])}"
        for rule, broken in checks.items()
        if broken.any()
    ]


def _is_whole(values: pd.Series) -> pd.Series:
    """True where a value is present and has no fractional part."""
    return values.notna() & (values % 1 == 0)


def _last_year(year: str) -> int:
    """The last four-digit year in a period such as "2017-2019" (0 when there is none)."""
    years = _YEAR.findall(year)
    return int(years[-1]) if years else 0


def _to_benchmark(row: Mapping[str, object]) -> Benchmark:
    """One validated row as a ``Benchmark``, with the percentage as a proportion."""
    size = row[col.SAMPLE_SIZE]  # an int, or pandas' NA for a blank
    return Benchmark(
        measure_id=str(row[col.MEASURE_ID]),
        indicator_id=str(row[col.INDICATOR_ID]),
        value=float(str(row[col.VALUE_PCT])) / 100,
        age_min=int(str(row[col.AGE_MIN])),
        age_max=int(str(row[col.AGE_MAX])),
        year=str(row[col.YEAR]),
        source_title=str(row[col.SOURCE_TITLE]),
        source_url=str(row[col.SOURCE_URL]),
        sample_size=size if isinstance(size, int) else None,
        confidence=str(row[col.CONFIDENCE]),
        population_type=PopulationType(str(row[col.POPULATION_TYPE])),
    )
