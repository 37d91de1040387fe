"""Specification of disclosure.protect_breakdown: small cells and secondary suppression.

The property tests use their own attacker, written independently of the production check: it
treats every cell as unknown, fixes the shown cells, adds one equation per shown total, and asks
a linear program for the smallest and largest value each hidden cell could take. If the two
agree, a reader could recover the cell.
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from report_builder.disclosure.breakdowns import protect_breakdown

SMALL_LA = pd.DataFrame(
    [[3, 10, 12], [8, 9, 15], [20, 22, 30]],
    index=["4-7", "8-11", "11-17"],
    columns=["girl", "boy", "other_or_not_stated"],
)
"""A small LA's respondents by age band and gender, with one cell of 1-4."""


def attacker_ranges(
    counts: np.ndarray, hidden: np.ndarray, *, row_totals: bool, column_totals: bool
) -> dict[tuple[int, int], tuple[float, float]]:
    """Smallest and largest value of each hidden cell given everything published.

    Every cell is a variable; shown cells are fixed by their bounds, hidden ones are only known
    to be non-negative; each shown total adds one equation over its row or column.
    """
    n_rows, n_cols = counts.shape
    equations = [np.kron(np.eye(n_rows)[r], np.ones(n_cols)) for r in range(n_rows)] * row_totals
    totals = [counts[r].sum() for r in range(n_rows)] * row_totals
    equations += [
        np.kron(np.ones(n_rows), np.eye(n_cols)[c]) for c in range(n_cols)
    ] * column_totals
    totals += [counts[:, c].sum() for c in range(n_cols)] * column_totals
    published = {"A_eq": np.array(equations), "b_eq": totals} if equations else {}
    cells = list(np.ndindex(counts.shape))
    bounds = [(0, None) if hidden[cell] else (counts[cell], counts[cell]) for cell in cells]
    ranges = {}
    for k in (k for k, cell in enumerate(cells) if hidden[cell]):
        objective = np.eye(counts.size)[k]
        low = linprog(objective, bounds=bounds, method="highs", **published)
        high = linprog(-objective, bounds=bounds, method="highs", **published)
        ranges[cells[k]] = (low.fun, np.inf if high.status == 3 else -high.fun)
    return ranges


def hidden_mask(protected) -> np.ndarray:
    """Where the published table shows no number."""
    return protected.cells.isna().to_numpy()


def test_a_count_of_one_to_four_and_its_neighbours_are_hidden():
    """R-SDC-2 / R-SDC-3, worked by hand: the 3 is hidden; its row and its column each need a
    second hidden cell, the next smallest (10 and 8); the 10's column then needs one more, its
    next smallest (9), which closes the square so no row or column has a single hidden cell."""
    protected = protect_breakdown(SMALL_LA)

    assert hidden_mask(protected).tolist() == [
        [True, True, False],
        [True, True, False],
        [False, False, False],
    ]
    assert protected.row_totals.tolist() == [25, 32, 72]


def test_the_note_never_says_which_hidden_cell_was_the_small_one():
    """R-SDC-3: if the small cell and its partners carried different notes, a reader would
    know which hidden cell holds 1-4; every hidden cell gets the same "confidential" reason."""
    protected = protect_breakdown(SMALL_LA)

    hidden_reasons = protected.reasons.to_numpy()[hidden_mask(protected)]
    assert set(hidden_reasons) == {"confidential"}


def test_a_zero_is_a_true_zero_and_stays_shown():
    """R-SDC-2 / docs/sources.md D1: zero stays 0."""
    counts = pd.DataFrame([[0, 12], [15, 11]])

    protected = protect_breakdown(counts)

    assert not hidden_mask(protected).any()
    assert protected.cells.iloc[0, 0] == 0


def test_a_single_row_with_column_totals_is_withheld():
    """With one row the column totals are the cells themselves, so nothing can be hidden
    safely; the breakdown is dropped (R-SDC-5)."""
    protected = protect_breakdown(pd.DataFrame([[3, 10, 12]]))

    assert protected.is_withheld
    assert protected.cells.isna().all().all()
    assert protected.row_totals is None
    assert protected.column_totals is None


def test_without_totals_only_the_small_cells_are_hidden():
    """R-SDC-3 guards against subtraction from totals; with none shown there is nothing to
    subtract from."""
    protected = protect_breakdown(SMALL_LA, row_totals=False, column_totals=False)

    assert hidden_mask(protected).sum() == 1


def test_the_input_table_is_not_changed():
    """CR-12 (docs/architecture.md): every function returns new objects."""
    before = SMALL_LA.copy()

    protect_breakdown(SMALL_LA)

    pd.testing.assert_frame_equal(SMALL_LA, before)


def test_the_attacker_recovers_a_cell_hidden_without_secondary_suppression():
    """The oracle is not vacuous: hiding only the 3 lets a reader recover it from its row total."""
    counts = SMALL_LA.to_numpy()
    only_primary = counts == 3

    ranges = attacker_ranges(counts, only_primary, row_totals=True, column_totals=True)

    assert ranges[(0, 0)] == pytest.approx((3, 3))


tables = st.integers(min_value=1, max_value=5).flatmap(
    lambda n_rows: st.integers(min_value=1, max_value=5).flatmap(
        lambda n_cols: st.lists(
            st.lists(
                st.one_of(st.integers(0, 5), st.integers(0, 40)),
                min_size=n_cols,
                max_size=n_cols,
            ),
            min_size=n_rows,
            max_size=n_rows,
        )
    )
)


@settings(max_examples=150, deadline=None)
@given(rows=tables, row_totals=st.booleans(), column_totals=st.booleans())
def test_no_hidden_cell_can_be_recovered_from_totals_and_other_cells(
    rows, row_totals, column_totals
):
    """R-SDC-3 / docs/sources.md D2 (differencing): for every hidden cell at least two values are
    consistent with the shown cells and totals, so subtraction cannot recover it."""
    counts = np.array(rows)

    protected = protect_breakdown(
        pd.DataFrame(counts), row_totals=row_totals, column_totals=column_totals
    )

    if protected.is_withheld:
        assert protected.cells.isna().all().all()
        return
    ranges = attacker_ranges(
        counts, hidden_mask(protected), row_totals=row_totals, column_totals=column_totals
    )
    assert all(high - low >= 1 - 1e-9 for low, high in ranges.values())


@settings(max_examples=150, deadline=None)
@given(rows=tables, row_totals=st.booleans(), column_totals=st.booleans())
def test_every_small_cell_is_hidden_and_every_shown_number_is_true(rows, row_totals, column_totals):
    """R-SDC-2: counts of 1-4 never appear; shown cells and totals are the unrounded truth
    (docs/sources.md D1: LA figures are not rounded)."""
    counts = pd.DataFrame(np.array(rows))

    protected = protect_breakdown(counts, row_totals=row_totals, column_totals=column_totals)

    shown = protected.cells.notna().to_numpy()
    assert not (shown & counts.isin([1, 2, 3, 4]).to_numpy()).any()
    assert (protected.cells.to_numpy()[shown] == counts.to_numpy()[shown]).all()
    if protected.row_totals is not None:
        assert protected.row_totals.tolist() == counts.sum(axis=1).tolist()


def test_negative_counts_are_refused():
    """A breakdown holds counts; a negative one is an upstream error, not something to hide."""
    with pytest.raises(ValueError, match="negative"):
        protect_breakdown(pd.DataFrame([[5, -1], [10, 12]]))
