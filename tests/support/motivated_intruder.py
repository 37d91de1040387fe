"""A motivated intruder: recover hidden report cells from a round set's published outputs.

R-SDC-9 (docs/statistics.md §4.1): a reader holding every published output of a round set must
not be able to pin down any cell that disclosure control hid. This module plays that reader.
It sees only what is published, parsed from the CSV downloads (the figures of the HTML, PDF and
XLSX reports are the same model, R-SDC-8) and the programme view, plus the published rules:
which indicators are sensitive, the thresholds of R-SDC-1 and R-SDC-4, and which rounds feed
"other areas" (closed rounds).

For each (indicator, age band, period) it works in two stages:

1. **Subtraction.** Each "other areas" comparison in one authority's report is a pool of the
   other authorities' answers. Every pool (numerator, base) consistent with the comparator's
   percentage, base, difference and Newcombe interval is found (a published figure of ``k``
   decimals stands for the interval it rounds from), and the other authorities' own published
   cells are taken away: what is left is what the hidden cells added to the pool.
2. **Integer feasibility.** Every hidden cell gets the candidates the rules allow (base under
   10 with any numerator; on a sensitive question, a base of 10 to 29 answered all alike; a
   shown base fixes the base), narrowed by the programme view and the response counts, and an
   unknown membership of the pools. Every combination of the hidden cells of one key is
   checked against every comparison at once (exhaustive search: the bases are small).

A hidden cell is **disclosed** when every feasible combination gives it one numerator, or one
share, or only all-or-none answers (R-SDC-4's 0% or 100%). p-values, the previous round's
comparisons and outside knowledge are not used (docs/statistics.md §4.1 says what is covered).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import confint_proportions_2indep

from report_builder.render.csv import read_report_csv
from report_builder.report.model import ProgrammeView

HIDDEN = "[c]"
MIN_BASE = 10
"""R-SDC-1: a base under 10 is hidden, base included."""
RELIABLE_BASE = 30
"""R-SDC-4: on sensitive questions, all-or-none answers in a base under 30 are hidden."""
MAX_COMBINATIONS = 2_000_000
"""A key with more hidden combinations than this is refused rather than searched slowly."""

Key = tuple[str, str, str]
"""(indicator_id, age_band, period)."""


@dataclass(frozen=True)
class PublishedReport:
    """One authority round's published tables, as the downloads give them.

    ``tables`` maps CSV file names (``indicators.csv`` ...) to their bytes; ``is_pooled`` says
    whether the round feeds other areas' comparisons (a closed round).
    """

    la_code: str
    period: str
    is_pooled: bool
    tables: Mapping[str, bytes]

    def table(self, name: str) -> pd.DataFrame:
        """A table as text, exactly as published (no float parsing, no NA guessing)."""
        return read_report_csv(self.tables[f"{name}.csv"])


@dataclass(frozen=True)
class Finding:
    """What the intruder learned about one hidden cell: every feasible (numerator, base)."""

    key: Key
    la_code: str
    pairs: frozenset[tuple[int, int]]

    @property
    def numerators(self) -> frozenset[int]:
        """Every numerator the published figures allow."""
        return frozenset(x for x, _ in self.pairs)

    @property
    def shares(self) -> frozenset[float]:
        """Every share (numerator over base) the published figures allow."""
        return frozenset(round(x / n, 12) for x, n in self.pairs if n > 0)

    @property
    def has_mixed_answers(self) -> bool:
        """True when some feasible cell is neither 0% nor 100% (R-SDC-4 still holds)."""
        return any(0 < x < n for x, n in self.pairs)

    @property
    def is_disclosed(self) -> bool:
        """Pinned to one numerator or one share, or known to be all-or-none."""
        return len(self.numerators) == 1 or len(self.shares) == 1 or not self.has_mixed_answers


@dataclass
class _Cell:
    """One authority's cell of a key: published counts, or candidates when hidden."""

    la_code: str
    is_pooled: bool
    count: int | None = None
    base: int | None = None
    candidates: np.ndarray | None = None
    """Rows of (numerator, base, in_pools) for a hidden cell."""


@dataclass
class _Comparison:
    """One report's published "other areas" figures for a key (text as published)."""

    la_code: str
    own: tuple[int, int]
    figures: dict[str, str] = field(default_factory=dict)


def attack(
    reports: Sequence[PublishedReport],
    programme: ProgrammeView,
    sensitive: frozenset[str],
) -> list[Finding]:
    """What the intruder learns about every hidden cell of ``reports``."""
    cells, comparisons = _read(reports, programme, sensitive)
    findings = []
    for key, by_la in sorted(cells.items()):
        hidden = [cell for cell in by_la.values() if cell.candidates is not None]
        if hidden:
            leftovers = [_leftover(c, by_la) for c in comparisons.get(key, [])]
            findings += _solve(key, hidden, leftovers)
    return findings


def _read(
    reports: Sequence[PublishedReport], programme: ProgrammeView, sensitive: frozenset[str]
) -> tuple[dict[Key, dict[str, _Cell]], dict[Key, list[_Comparison]]]:
    """Cells and "other areas" comparisons by key, from every report's tables."""
    cells: dict[Key, dict[str, _Cell]] = {}
    comparisons: dict[Key, list[_Comparison]] = {}
    shown = _programme_values(programme)
    for report in reports:
        respondents = _respondents(report.table("response_rates"))
        for row in report.table("indicators").to_dict("records"):
            key = (row["indicator_id"], row["age_band"], report.period)
            cell = _cell(report, row, row["indicator_id"] in sensitive, respondents)
            if cell.candidates is not None:
                cell.candidates = _narrow(cell.candidates, shown.get((*key, report.la_code)))
            cells.setdefault(key, {})[report.la_code] = cell
        for comparison in _comparisons(report):
            key = (comparison.figures["indicator_id"], comparison.figures["age_band"])
            comparisons.setdefault((*key, report.period), []).append(comparison)
    return cells, comparisons


def _respondents(rates: pd.DataFrame) -> dict[str, int]:
    """Published respondents per age band (hidden counts are left out)."""
    return {
        row["age_band"]: int(row["respondents"])
        for row in rates.to_dict("records")
        if row["respondents"] not in (HIDDEN, "")
    }


def _cell(report: PublishedReport, row: dict, is_sensitive: bool, respondents: dict) -> _Cell:
    """A published cell, or a hidden one with every (numerator, base) the rules allow."""
    cell = _Cell(report.la_code, report.is_pooled)
    if row["numerator"] != HIDDEN:
        cell.count, cell.base = int(row["numerator"]), int(row["base"])
        return cell
    most = respondents.get(row["age_band"], RELIABLE_BASE - 1)
    bases = range(MIN_BASE) if row["base"] == HIDDEN else [int(row["base"])]
    pairs = [(x, n) for n in bases if n <= most for x in range(n + 1)]
    if is_sensitive and row["base"] == HIDDEN:
        pairs += [(x, n) for n in range(MIN_BASE, min(most, RELIABLE_BASE - 1) + 1) for x in (0, n)]
    elif row["base"] != HIDDEN:
        pairs = [(x, n) for x, n in pairs if x in (0, n)]
    member = (0, 1) if report.is_pooled else (0,)
    cell.candidates = np.array([(x, n, m) for x, n in pairs for m in member], dtype=np.int64)
    return cell


def _programme_values(programme: ProgrammeView) -> dict[tuple[str, str, str, str], tuple]:
    """(indicator, band, period, la) -> (base, percent) as the programme view shows them."""
    return {
        (indicator.indicator_id, indicator.age_band, value.period, value.la_code): (
            value.base,
            value.percent,
        )
        for indicator in programme.indicators
        for value in indicator.values
    }


def _narrow(candidates: np.ndarray, shown: tuple | None) -> np.ndarray:
    """Keep the candidates that agree with the programme view's base and percentage."""
    if shown is None:
        return candidates
    base, percent = shown
    keep = np.ones(len(candidates), dtype=bool)
    if base is not None:
        keep &= candidates[:, 1] == base
    if percent is not None:
        share = 100 * candidates[:, 0] / np.maximum(candidates[:, 1], 1)
        keep &= (candidates[:, 1] > 0) & (np.abs(share - percent) <= 0.5)
    return candidates[keep]


def _comparisons(report: PublishedReport) -> Iterable[_Comparison]:
    """The report's "other areas" comparisons that publish any figure about the pool."""
    own = {
        (row["indicator_id"], row["age_band"]): row
        for row in report.table("indicators").to_dict("records")
    }
    for row in report.table("comparisons").to_dict("records"):
        mine = own[(row["indicator_id"], row["age_band"])]
        if row["comparison"] != "other_las" or mine["numerator"] == HIDDEN:
            continue
        counts = (int(mine["numerator"]), int(mine["base"]))
        yield _Comparison(report.la_code, counts, dict(row))


def _bounds(text: str) -> tuple[float, float] | None:
    """The interval a published number stands for: ``k`` decimals give +-0.5 * 10**-k."""
    if text in ("", HIDDEN):
        return None
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    half = max(0.5 * 10.0**-decimals, 1e-7)
    value = float(text)
    return value - half, value + half


def _leftover(comparison: _Comparison, by_la: Mapping[str, _Cell]) -> tuple[str, set[int]]:
    """Subtraction: what the hidden members may have added to one comparison's pool.

    Returns the reporting authority and the set of feasible (numerator, base) sums of its
    hidden pool members, encoded as ``numerator * 10_000 + base``.
    """
    members = [c for la, c in by_la.items() if la != comparison.la_code and c.is_pooled]
    known = [c for c in members if c.candidates is None]
    extra = sum(int(c.candidates[:, 1].max()) for c in members if c.candidates is not None)
    known_x, known_n = sum(c.count for c in known), sum(c.base for c in known)
    sums = [(x, n) for n in range(extra + 1) for x in range(n + 1)]
    pool = np.array([(known_x + x, known_n + n) for x, n in sums], dtype=np.int64)
    keep = _agrees(pool, comparison)
    return comparison.la_code, {int(x) * 10_000 + int(n) for x, n in np.array(sums)[keep]}


def _agrees(pool: np.ndarray, comparison: _Comparison) -> np.ndarray:
    """Which candidate pools reproduce every published figure of the comparison."""
    x, n = pool[:, 0], pool[:, 1]
    keep = n > 0
    share = 100 * x / np.maximum(n, 1)
    figures = comparison.figures
    if bounds := _bounds(figures.get("comparator_percent", "")):
        keep &= (share >= bounds[0] - 1e-9) & (share <= bounds[1] + 1e-9)
    if figures.get("comparator_base", "") not in ("", HIDDEN):
        keep &= n == int(figures["comparator_base"])
    if bounds := _bounds(figures.get("difference_points", "")):
        a, b = comparison.own
        difference = 100 * a / b - share
        keep &= (difference >= bounds[0]) & (difference <= bounds[1])
        keep &= _interval_agrees(pool, comparison, keep)
    return keep


def _interval_agrees(pool: np.ndarray, comparison: _Comparison, keep: np.ndarray) -> np.ndarray:
    """Which candidate pools give the published Newcombe interval (two-sample comparisons)."""
    lower, upper = (_bounds(comparison.figures[f"interval_{end}"]) for end in ("lower", "upper"))
    agrees = np.zeros(len(pool), dtype=bool)
    rows = np.flatnonzero(keep)
    if not len(rows) or lower is None or upper is None:
        return keep
    a, b = comparison.own
    low, high = confint_proportions_2indep(
        a, b, pool[rows, 0], pool[rows, 1], method="newcomb", compare="diff"
    )
    low, high = 100 * np.atleast_1d(low), 100 * np.atleast_1d(high)
    agrees[rows] = (
        (low >= lower[0] - 1e-9)
        & (low <= lower[1] + 1e-9)
        & (high >= upper[0] - 1e-9)
        & (high <= upper[1] + 1e-9)
    )
    return agrees


def _solve(key: Key, hidden: list[_Cell], leftovers: list[tuple[str, set[int]]]) -> list[Finding]:
    """Integer feasibility by exhaustive search over the hidden cells' candidates."""
    sizes = [len(cell.candidates) for cell in hidden]
    if int(np.prod(sizes)) > MAX_COMBINATIONS:
        raise ValueError(f"{key}: {sizes} hidden candidates are too many to search")
    grid = np.array(list(itertools.product(*(range(size) for size in sizes))), dtype=np.int64)
    chosen = [cell.candidates[grid[:, i]] for i, cell in enumerate(hidden)]
    feasible = np.ones(len(grid), dtype=bool)
    for la_code, sums in leftovers:
        added = sum(
            c[:, 0] * c[:, 2] * 10_000 + c[:, 1] * c[:, 2]
            for c, cell in zip(chosen, hidden, strict=True)
            if cell.la_code != la_code
        )
        feasible &= np.isin(added, np.fromiter(sums, dtype=np.int64, count=len(sums)))
    return [_finding(key, cell, c[feasible]) for c, cell in zip(chosen, hidden, strict=True)]


def _finding(key: Key, cell: _Cell, feasible: np.ndarray) -> Finding:
    """What the feasible combinations say about one hidden cell."""
    pairs = frozenset((int(x), int(n)) for x, n in feasible[:, :2])
    return Finding(key=key, la_code=cell.la_code, pairs=pairs)
