"""Secondary suppression for breakdown tables: which cells to hide so none can be recovered.

``control.protect_breakdown`` decides what a table may show; this module does the search
it needs. A reader of a table with shown totals can pin down a hidden cell by subtraction along
one line, or across several lines at once, so every candidate pattern is checked by linear
programming (the constraints form a transportation problem, whose vertices are whole numbers).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linprog

Cell = tuple[int, int]
Line = list[Cell]
"""The cells behind one shown row or column total."""


def hiding_pattern(values: np.ndarray, primary: np.ndarray, lines: list[Line]) -> np.ndarray | None:
    """The hidden-cell mask protecting ``primary``, or None when only withholding would do.

    Lines with a single hidden cell are closed first (R-SDC-3). Subtraction along one line is
    not the only attack, though: cells can also be pinned down across several lines, so the
    result is checked by linear programming, and while any hidden cell is still recoverable one
    more cell on a line through it is hidden.
    """
    hidden = _close_lines(values, primary, lines)
    recovered = _recoverable_cells(values, hidden, lines)
    while recovered.any():
        extra = _partner(values, hidden, recovered, lines)
        if extra is None:
            return None
        hidden = _close_lines(values, hidden | _single(values.shape, extra), lines)
        recovered = _recoverable_cells(values, hidden, lines)
    return hidden


def _close_lines(values: np.ndarray, hidden: np.ndarray, lines: list[Line]) -> np.ndarray:
    """A copy of ``hidden`` extended until no line has exactly one hidden cell."""
    closed = hidden.copy()
    cell = _next_secondary(values, closed, lines)
    while cell is not None:
        closed[cell] = True
        cell = _next_secondary(values, closed, lines)
    return closed


def _next_secondary(values: np.ndarray, hidden: np.ndarray, lines: list[Line]) -> Cell | None:
    """The next-smallest shown cell of the first line with exactly one hidden cell."""
    for line in lines:
        shown = [cell for cell in line if not hidden[cell]]
        if len(line) - len(shown) == 1 and shown:
            return _smallest(values, shown)
    return None


def _partner(
    values: np.ndarray, hidden: np.ndarray, recovered: np.ndarray, lines: list[Line]
) -> Cell | None:
    """The next-smallest shown cell on the first line through a recoverable hidden cell."""
    for line in lines:
        shown = [cell for cell in line if not hidden[cell]]
        if shown and any(recovered[cell] for cell in line):
            return _smallest(values, shown)
    return None


def _smallest(values: np.ndarray, cells: list[Cell]) -> Cell:
    """The smallest of ``cells``, non-zero first: a hidden zero protects less than other
    cells, because a reader knows it can only be larger than shown, never smaller."""
    return min(cells, key=lambda cell: (values[cell] == 0, values[cell]))


def _single(shape: tuple[int, ...], cell: Cell) -> np.ndarray:
    """A mask with only ``cell`` set."""
    mask = np.zeros(shape, dtype=bool)
    mask[cell] = True
    return mask


def _recoverable_cells(values: np.ndarray, hidden: np.ndarray, lines: list[Line]) -> np.ndarray:
    """Which hidden cells a reader could pin down from the shown totals and the shown cells.

    For each hidden cell the smallest and largest values consistent with everything shown (and
    with counts being non-negative) are found by linear programming. The constraints form a
    transportation problem, whose vertices are whole numbers, so a range narrower than one
    means the cell is recovered exactly. Returns a boolean array shaped like ``values``.
    """
    positions = list(zip(*np.nonzero(hidden), strict=True))
    a_eq = np.array([[float(cell in line) for cell in positions] for line in lines])
    b_eq = np.array([sum(values[cell] for cell in line if hidden[cell]) for line in lines])
    recovered = np.zeros(values.shape, dtype=bool)
    for k, cell in enumerate(positions):
        recovered[cell] = _value_range(a_eq, b_eq, k, len(positions)) < 0.5
    return recovered


def total_lines(shape: tuple[int, ...], *, row_totals: bool, column_totals: bool) -> list[Line]:
    """The cells behind each shown total: one list per row and/or per column."""
    n_rows, n_cols = shape
    rows = [[(r, c) for c in range(n_cols)] for r in range(n_rows)] if row_totals else []
    cols = [[(r, c) for r in range(n_rows)] for c in range(n_cols)] if column_totals else []
    return rows + cols


def _value_range(a_eq: np.ndarray, b_eq: np.ndarray, k: int, n: int) -> float:
    """Largest minus smallest feasible value of hidden cell ``k``; infinite if unbounded."""
    objective = np.eye(n)[k]
    lhs, rhs = (a_eq, b_eq) if len(b_eq) else (None, None)
    low = linprog(objective, A_eq=lhs, b_eq=rhs, bounds=(0, None), method="highs")
    high = linprog(-objective, A_eq=lhs, b_eq=rhs, bounds=(0, None), method="highs")
    if high.status == 3:
        return float("inf")
    if high.fun is None or low.fun is None:
        # Not expected: the published table itself is a feasible solution.
        raise ArithmeticError(f"no optimum for a hidden cell: {high.message}")
    return float(-high.fun - low.fun)
