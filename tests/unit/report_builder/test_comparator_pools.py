"""R-SDC-9 in the report model: what pools and comparisons may publish.

Pools of other areas take only cells their own reports publish and only comparable versions;
differences and intervals against a pool are whole points; nothing sits beside a hidden result.
"""

from __future__ import annotations

import dataclasses
import io

import pandas as pd
import pytest

from report_builder.comparison.comparators import pooled_others
from report_builder.comparison.values import ComparisonKind, ComparisonStatus
from report_builder.disclosure.control import published_comparison, published_points
from report_builder.inputs import columns as col
from report_builder.render.csv import report_xlsx
from report_builder.report.programme import build_programme_view
from tests.unit.report_builder.conftest import LARGE_LA

SENSITIVE = frozenset({"always_feels_safe"})


def counts(*cells: tuple[str, str, int, int]) -> pd.DataFrame:
    """A counts frame of 2026 cells (indicator, LA, numerator, base) for ages 11 to 17."""
    return pd.DataFrame(
        [
            (indicator, la, f"{la}-2026", "2026", "cic-11-17", "fp1", count, base)
            for indicator, la, count, base in cells
        ],
        columns=list(col.COUNT_COLUMNS),
    )


def pool_of(frame: pd.DataFrame, indicator: str) -> tuple[int, int]:
    row = frame.loc[frame[col.INDICATOR_ID] == indicator].iloc[0]
    return int(row[col.NUMERATOR]), int(row[col.DENOMINATOR])


def test_a_pool_leaves_out_cells_hidden_in_their_own_report() -> None:
    """5 of 9 (base under 10) and 0 of 17 (all-or-none on feeling safe) are hidden in their own
    reports, so no other area's comparison may carry them."""
    frame = counts(
        ("always_feels_safe", "A", 82, 107),
        ("always_feels_safe", "B", 57, 96),
        ("always_feels_safe", "C", 5, 9),
        ("always_feels_safe", "D", 0, 17),
        ("likes_school", "B", 0, 17),
    )

    pooled = pooled_others(frame, "2026", "A", SENSITIVE)

    assert pool_of(pooled, "always_feels_safe") == (57, 96)
    assert pool_of(pooled, "likes_school") == (0, 17)


def test_a_key_only_this_area_answered_has_no_pool() -> None:
    frame = counts(("always_feels_safe", "A", 82, 107), ("likes_school", "B", 9, 20))

    pooled = pooled_others(frame, "2026", "A", SENSITIVE)

    assert set(pooled[col.INDICATOR_ID]) == {"likes_school"}


def test_other_areas_on_another_version_are_no_comparable_figures(national) -> None:
    """Hundreds answered in other areas, but on a version scored differently: the report says
    so instead of "fewer than 10 answered", in English and Welsh."""
    others = national.counts[col.LA_CODE] != LARGE_LA
    older = national.counts.assign(
        **{col.FINGERPRINT: national.counts[col.FINGERPRINT].where(~others, "older-version")}
    )
    national = dataclasses.replace(national, counts=older)

    phrases = {
        language: {
            c.text
            for r in national.report(LARGE_LA, language=language).results()
            for c in r.comparisons
            if c.kind is ComparisonKind.OTHER_LAS
        }
        for language in ("en", "cy")
    }

    assert phrases == {
        "en": {"no comparable figures from other areas"},
        "cy": {"dim ffigurau y gellir eu cymharu o ardaloedd eraill"},
    }


@pytest.mark.parametrize(
    ("value", "published"),
    [(26.9087, 27), (26.5, 27), (-26.5, -27), (-0.4, 0), (15.5122, 16), (None, None)],
)
def test_points_against_a_pool_are_published_whole_halves_away_from_zero(value, published):
    assert published_points(value) == published


def test_every_pooled_comparison_is_published_in_whole_points(large_report) -> None:
    pooled = [
        c
        for r in large_report.results()
        for c in r.comparisons
        if c.kind is ComparisonKind.OTHER_LAS and c.status is ComparisonStatus.TESTED
    ]
    figures = [
        figure
        for c in pooled
        for figure in (c.difference, c.interval_lower, c.interval_upper)
        if figure is not None
    ]

    assert pooled
    assert figures
    assert all(type(figure) is int for figure in figures)


def test_the_workbook_receives_whole_points_against_other_areas(large_report) -> None:
    sheet = pd.read_excel(io.BytesIO(report_xlsx(large_report)), sheet_name="comparisons")
    pooled = sheet.loc[sheet["comparison"] == "other_las"]
    figures = pooled[["difference_points", "interval_lower", "interval_upper"]].stack()

    assert len(figures) > 20
    assert all(float(figure).is_integer() for figure in figures)


def test_no_comparator_figure_sits_beside_a_hidden_result(small_report) -> None:
    hidden = [r for r in small_report.results() if r.marker == "[c]"]
    beside = [
        (c.comparator_percent, c.comparator_base, c.comparator_percent_text, c.difference)
        for r in hidden
        for c in r.comparisons
    ]

    assert hidden
    assert set(beside) == {(None, None, "", None)}


def test_a_shown_result_keeps_its_comparator_figures(large_report) -> None:
    comparison = next(
        c
        for r in large_report.results()
        for c in r.comparisons
        if c.kind is ComparisonKind.OTHER_LAS and c.comparator_percent is not None
    )

    assert published_comparison(comparison, beside_hidden=False) == comparison
    assert published_comparison(comparison, beside_hidden=True).comparator_base is None


def test_the_programme_view_hides_an_all_or_none_base_with_the_confidential_note(
    national,
) -> None:
    frame = counts(("always_feels_safe", "A", 0, 17), ("always_feels_safe", "B", 40, 60))

    view = build_programme_view(
        national.responses, national.catalogue, ["always_feels_safe"], counts=frame
    )

    hidden, shown = view.indicators[0].values
    assert (hidden.base, hidden.percent, hidden.marker, hidden.note) == (
        None,
        None,
        "[c]",
        "confidential",
    )
    assert (shown.base, shown.percent, shown.note) == (60, 67, "")
