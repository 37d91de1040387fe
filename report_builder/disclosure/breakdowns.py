"""Breakdown tables that survive disclosure control: who took part, by one or two characteristics.

- ``protect_breakdown``: small cells (R-SDC-2) and secondary suppression (R-SDC-3), checked by
  linear programming so no hidden cell can be worked out from the totals and the other cells
  (the search itself is in ``secondary_suppression``).
- ``collapse_breakdown``: k = 10 collapsing of demographic breakdowns (R-SDC-5);
  ``category_counts`` collapses one characteristic, then hides only its groups still under
  k = 10, with secondary suppression, rather than withholding the whole table.

Each function returns new frames or dataclasses and never changes its input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from report_builder.disclosure.secondary_suppression import hiding_pattern, total_lines
from report_builder.disclosure.values import SuppressionReason
from report_builder.inputs import columns as col

SMALL_CELL_MAX = 4
"""Breakdown counts 1-4 are hidden; zero stays 0 (R-SDC-2, the GP Patient Survey's < 5)."""

K_ANONYMITY = 10
"""Every quasi-identifier combination in a breakdown needs at least this many people (R-SDC-5)."""

NOT_STATED = "not_stated"
OTHER_ANSWERS = "other_answers"
"""The group small answers are merged into before any is hidden (R-SDC-5 collapsing)."""
ONS_5_GROUPS: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(
            ("white_british", "white_irish", "gypsy_or_irish_traveller", "roma", "other_white"),
            "white",
        ),
        **dict.fromkeys(
            (
                "white_and_asian",
                "white_and_black_african",
                "white_and_black_caribbean",
                "other_mixed",
            ),
            "mixed",
        ),
        **dict.fromkeys(("bangladeshi", "chinese", "indian", "pakistani", "other_asian"), "asian"),
        **dict.fromkeys(("african", "caribbean", "other_black"), "black"),
        **dict.fromkeys(("arab", "any_other_ethnic_group"), "other"),
        **{group: group for group in ("white", "mixed", "asian", "black", "other")},
        "prefer_not_to_say": NOT_STATED,
        NOT_STATED: NOT_STATED,
    }
)
"""ONS 2021 England and Wales ethnic groups (snake_case) to the five ONS high-level groups."""

_WHITE_OR_MINORITY = {"white": "white", NOT_STATED: NOT_STATED}
_MINORITY = "minority_ethnic"


@dataclass(frozen=True)
class ProtectedTable:
    """A breakdown table ready to show: hidden cells are NA, with the reason for each.

    ``reasons`` holds a ``SuppressionReason`` value per hidden cell and "" elsewhere. Totals are
    None when they are not shown. A withheld table hides everything.
    """

    cells: pd.DataFrame
    reasons: pd.DataFrame
    row_totals: pd.Series | None
    column_totals: pd.Series | None
    is_withheld: bool


@dataclass(frozen=True)
class Breakdown:
    """Respondents recoded for a breakdown that meets k = 10, or a dropped breakdown.

    ``respondents`` holds only the kept ``dimensions``; ``ethnicity_level`` is "as_answered",
    "ons_5_groups" or "white_or_minority" when ethnicity is kept, else None.
    """

    dimensions: tuple[str, ...]
    ethnicity_level: str | None
    respondents: pd.DataFrame

    @property
    def is_dropped(self) -> bool:
        """True when no breakdown could reach k = 10 (R-SDC-5: "then drop the breakdown")."""
        return not self.dimensions


def protect_breakdown(
    counts: pd.DataFrame,
    *,
    row_totals: bool = True,
    column_totals: bool = True,
    hide_below: int = SMALL_CELL_MAX + 1,
) -> ProtectedTable:
    """Hide small cells and enough others that no hidden cell can be worked out (R-SDC-2, -3).

    ``counts`` is a table of whole-number counts (rows and columns are categories); totals are
    shown for rows and/or columns as the flags say. Cells from 1 to ``hide_below`` - 1 (1-4
    by default; 1-9 for a demographic table, R-SDC-5's k) are hidden, then the
    next-smallest cells (non-zero first) until no hidden cell can be recovered from the shown
    totals and cells, checked by linear programming. If no pattern short of the whole table
    protects them, the table is withheld rather than published unsafe (R-SDC-5: drop the
    breakdown). Zero stays 0.
    """
    values = counts.to_numpy(dtype=np.int64)
    if (values < 0).any():
        raise ValueError("a breakdown holds counts, which cannot be negative")
    lines = total_lines(values.shape, row_totals=row_totals, column_totals=column_totals)
    hidden = hiding_pattern(values, (values >= 1) & (values < hide_below), lines)
    if hidden is None:
        return _withheld(counts)
    reasons = np.where(hidden, SuppressionReason.CONFIDENTIAL.value, "")
    return ProtectedTable(
        cells=counts.astype("Int64").mask(hidden),
        reasons=pd.DataFrame(reasons, index=counts.index, columns=counts.columns),
        row_totals=counts.sum(axis=1) if row_totals else None,
        column_totals=counts.sum(axis=0) if column_totals else None,
        is_withheld=False,
    )


def collapse_breakdown(
    respondents: pd.DataFrame,
    dimensions: Sequence[str],
    *,
    k: int = K_ANONYMITY,
    ethnic_groups: Mapping[str, str] = ONS_5_GROUPS,
) -> Breakdown:
    """Coarsen a demographic breakdown until every combination has at least ``k`` people.

    The order is fixed by R-SDC-5: ethnicity as answered, then the five ONS groups, then White /
    Minority ethnic; then gender is dropped; then the breakdown is dropped. Combinations nobody
    falls in are true zeros and need no protection. More than two crossed quasi-identifiers are
    refused. ``ethnic_groups`` maps answer codes to the five groups; an unmapped code raises
    ValueError rather than being silently lumped.
    """
    if len(dimensions) > 2:
        raise ValueError("never cross more than two quasi-identifiers in one LA report (R-SDC-5)")
    for kept, level in _collapse_steps(tuple(dimensions)):
        recoded = _recode(respondents[list(kept)], level, ethnic_groups)
        if recoded.value_counts(dropna=False).min() >= k:
            return Breakdown(kept, level, recoded)
    return Breakdown((), None, respondents.iloc[:, :0])


@dataclass(frozen=True)
class CategoryCounts:
    """One characteristic's respondents by group, ready to show (R-SDC-5, then R-SDC-2/3).

    ``counts`` is indexed by group (answer codes, ``OTHER_ANSWERS``, ``NOT_STATED``) with the
    hidden groups NA; ``level`` is the ethnicity level used, else None. ``is_withheld`` when
    no pattern short of hiding every group protects the small ones.
    """

    counts: pd.Series
    total: int
    level: str | None
    is_withheld: bool


def category_counts(
    respondents: pd.DataFrame,
    dimension: str,
    *,
    k: int = K_ANONYMITY,
    ethnic_groups: Mapping[str, str] = ONS_5_GROUPS,
) -> CategoryCounts:
    """Respondents by one characteristic, collapsed, then protected cell by cell.

    Collapsing comes first, in the R-SDC-5 order (ethnicity as answered, the five ONS groups,
    White / Minority ethnic); then two or more groups under ``k`` (never "not stated") are
    merged into one ``OTHER_ANSWERS`` group. Only then is any group still under ``k`` hidden,
    with secondary suppression so that no hidden group can be worked out from the total and
    the others (``protect_breakdown`` at ``k``). So a table loses only its small groups, not
    the whole table; it is withheld only when no pattern protects them.
    """
    breakdown = collapse_breakdown(
        respondents[[dimension]], [dimension], k=k, ethnic_groups=ethnic_groups
    )
    level = breakdown.ethnicity_level
    if breakdown.is_dropped:
        level = _collapse_steps((dimension,))[-1][1]
    answers = _recode(respondents[[dimension]], level, ethnic_groups)[dimension]
    counts = merge_small_groups(answers.value_counts(), k=k)
    protected = protect_breakdown(
        counts.to_frame("respondents"), row_totals=False, column_totals=True, hide_below=k
    )
    shown = protected.cells["respondents"]
    return CategoryCounts(
        counts=shown,
        total=int(counts.sum()),
        level=level,
        is_withheld=protected.is_withheld or not shown.notna().any(),
    )


def merge_small_groups(counts: pd.Series, *, k: int = K_ANONYMITY) -> pd.Series:
    """``counts`` with every group under ``k`` except "not stated" merged into
    ``OTHER_ANSWERS``, when at least two are small (one group alone gains nothing)."""
    is_small = (counts > 0) & (counts < k) & (counts.index != NOT_STATED)
    if is_small.sum() < 2:
        return counts
    other = pd.Series([int(counts[is_small].sum())], index=[OTHER_ANSWERS])
    merged: pd.Series = pd.concat([counts[~is_small], other])
    return merged


def _withheld(counts: pd.DataFrame) -> ProtectedTable:
    """A table with every cell and total hidden (R-SDC-5: "then drop the breakdown")."""
    return ProtectedTable(
        cells=counts.astype("Int64").mask(np.ones(counts.shape, dtype=bool)),
        reasons=pd.DataFrame(SuppressionReason.TABLE_WITHHELD.value, counts.index, counts.columns),
        row_totals=None,
        column_totals=None,
        is_withheld=True,
    )


def _collapse_steps(dimensions: tuple[str, ...]) -> list[tuple[tuple[str, ...], str | None]]:
    """The breakdowns to try, finest first, in the R-SDC-5 order."""
    has_ethnicity = col.ETHNICITY in dimensions
    levels = ["as_answered", "ons_5_groups", "white_or_minority"] if has_ethnicity else [None]
    steps = [(dimensions, level) for level in levels]
    if col.GENDER in dimensions and len(dimensions) > 1:
        steps.append((tuple(d for d in dimensions if d != col.GENDER), levels[-1]))
    return steps


def _recode(
    frame: pd.DataFrame, level: str | None, ethnic_groups: Mapping[str, str]
) -> pd.DataFrame:
    """A copy with ethnicity coarsened to ``level``; other columns unchanged.

    A missing ethnicity joins "not stated", which stays a group of its own at every level.
    """
    if level in (None, "as_answered"):
        return frame.copy()
    answers = frame[col.ETHNICITY].fillna(NOT_STATED)
    unmapped = set(answers) - set(ethnic_groups)
    if unmapped:
        raise ValueError(f"ethnicity codes with no ONS group: {sorted(unmapped)}")
    groups = answers.map(ethnic_groups)
    if level == "white_or_minority":
        groups = groups.map(lambda group: _WHITE_OR_MINORITY.get(group, _MINORITY))
    return frame.assign(**{col.ETHNICITY: groups})
