"""R-SDC-9: no hidden cell of the demo round set can be recovered from its published outputs.

The demo round set is built in-process exactly as ``flask demo seed`` draws it (four
authorities, two rounds each, ``demo_reports.DESIGN`` and ``SEED``), with the app's choice of
comparators: "other areas" are the other authorities' closed rounds of the same period, and the
demo authority's current round is open. Every report's CSV downloads and the programme view
go to the intruder (``tests/support/motivated_intruder.py``), which knows the published rules
but no answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd
import pytest

from demo_data.synthetic import la_codes, round_id, synthetic_populations, synthetic_responses
from questionnaires import Catalogue, load_catalogue
from report_builder.comparison import comparators
from report_builder.comparison.national_benchmarks import load_benchmarks
from report_builder.disclosure import control as disclosure
from report_builder.indicators.counts import indicator_counts
from report_builder.inputs import columns as col
from report_builder.render.csv import report_csv
from report_builder.report.build import build_report
from report_builder.report.indicator_results import sensitive_indicators
from report_builder.report.programme import build_programme_view
from survey_app.services.demo_reports import DESIGN, SEED
from survey_app.services.reporting import HEADLINE_INDICATORS
from tests.support.motivated_intruder import Finding, PublishedReport, attack

# Slow: each attack builds the demo round set's reports: not in `make test-fast`.
pytestmark = pytest.mark.slow

PREVIOUS, CURRENT = DESIGN.periods
DEMO_LA, _, _, SMALL_LA = la_codes(DESIGN)
OPEN_ROUNDS = frozenset({round_id(DEMO_LA, CURRENT)})
"""The demo authority's current round is open, so it feeds no other area's comparisons."""


@dataclass(frozen=True)
class DemoData:
    """The demo's answers and what every report build needs."""

    catalogue: Catalogue
    responses: pd.DataFrame
    counts: pd.DataFrame
    populations: dict
    benchmarks: pd.DataFrame


@dataclass(frozen=True)
class RoundSet:
    """Every published output of the demo round set, and the truth behind hidden cells."""

    reports: tuple[PublishedReport, ...]
    findings: tuple[Finding, ...]
    truth: dict[tuple[tuple[str, str, str], str], tuple[int, int]]

    def disclosed(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.is_disclosed]


@pytest.fixture(scope="module")
def demo() -> DemoData:
    catalogue = load_catalogue()
    responses = synthetic_responses(catalogue, DESIGN, seed=SEED)
    return DemoData(
        catalogue=catalogue,
        responses=responses,
        counts=indicator_counts(responses, catalogue),
        populations=synthetic_populations(responses, seed=SEED),
        benchmarks=load_benchmarks(),
    )


@pytest.fixture(scope="module")
def published(demo: DemoData) -> RoundSet:
    return publish_and_attack(demo)


@pytest.fixture
def full_precision_pooling_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build before R-SDC-9: hidden cells pooled, differences at full precision."""
    monkeypatch.setattr(
        comparators, "is_publishable", lambda rows, sensitive: pd.Series(True, index=rows.index)
    )
    monkeypatch.setattr(disclosure, "published_points", lambda value: value)


def publish_and_attack(demo: DemoData) -> RoundSet:
    """Build and publish every report and the programme view, then attack them."""
    reports = tuple(
        PublishedReport(
            la_code=la,
            period=period,
            is_pooled=round_id(la, period) not in OPEN_ROUNDS,
            tables=report_csv(_report(demo, la, period)),
        )
        for la in la_codes(DESIGN)
        for period in DESIGN.periods
    )
    programme = build_programme_view(
        demo.responses, demo.catalogue, HEADLINE_INDICATORS, counts=demo.counts
    )
    findings = attack(reports, programme, sensitive_indicators(demo.catalogue))
    return RoundSet(reports, tuple(findings), _truth(demo.counts, findings))


def _report(demo: DemoData, la: str, period: str):
    """One authority round's report, compared as the app compares it (closed rounds only)."""
    previous = round_id(la, PREVIOUS) if period == CURRENT else None
    others = {round_id(other, period) for other in la_codes(DESIGN) if other != la}
    rounds = {round_id(la, period), previous, *(others - OPEN_ROUNDS)} - {None}
    return build_report(
        demo.responses.loc[demo.responses[col.ROUND_ID].isin(rounds)],
        demo.catalogue,
        demo.benchmarks,
        la_code=la,
        round_id=round_id(la, period),
        previous_round_id=previous,
        denominators=demo.populations[round_id(la, period)],
        counts=demo.counts.loc[demo.counts[col.ROUND_ID].isin(rounds)],
        generated_on=date(2026, 3, 2),
    )


def _truth(counts: pd.DataFrame, findings: list[Finding]) -> dict:
    """The real (numerator, base) of every hidden cell (0 of 0 where nobody answered)."""
    by_cell = {
        (row[col.INDICATOR_ID], row[col.AGE_BAND], row[col.PERIOD], row[col.LA_CODE]): (
            int(row[col.NUMERATOR]),
            int(row[col.DENOMINATOR]),
        )
        for row in counts.to_dict("records")
    }
    return {
        (finding.key, finding.la_code): by_cell.get((*finding.key, finding.la_code), (0, 0))
        for finding in findings
    }


def test_the_demo_round_set_has_hidden_cells_to_attack(published: RoundSet) -> None:
    hidden_by_la = {finding.la_code for finding in published.findings}

    assert len(published.findings) >= 100
    assert SMALL_LA in hidden_by_la


def test_the_intruder_never_rules_out_the_truth(published: RoundSet) -> None:
    """The attack is sound: every hidden cell's real counts stay among its candidates."""
    missed = [
        (finding.key, finding.la_code)
        for finding in published.findings
        if published.truth[(finding.key, finding.la_code)] not in finding.pairs
    ]

    assert missed == []


def test_no_hidden_cell_is_pinned_down_by_the_published_outputs(published: RoundSet) -> None:
    disclosed = [(f.key, f.la_code, sorted(f.pairs)[:4]) for f in published.disclosed()]

    assert disclosed == []


def test_every_hidden_cell_keeps_more_than_one_numerator(published: RoundSet) -> None:
    assert all(max(finding.numerators) > min(finding.numerators) for finding in published.findings)


def test_the_data_files_give_other_areas_figures_in_whole_points(published: RoundSet) -> None:
    figures = [
        text
        for report in published.reports
        for row in report.table("comparisons").to_dict("records")
        if row["comparison"] == "other_las"
        for text in (row["difference_points"], row["interval_lower"], row["interval_upper"])
        if text
    ]

    assert figures
    assert all(re.fullmatch(r"-?\d+", text) for text in figures)


def test_the_attack_recovers_hidden_cells_when_pools_take_them_at_full_precision(
    demo: DemoData, full_precision_pooling_everything: None
) -> None:
    """The intruder can fail: before R-SDC-9, Small Borough's hidden "always feels safe" for
    care leavers (3 of 5 in the demo data since its current rounds use questionnaire version 2)
    was recovered from the other reports' pools at full precision."""
    broken = publish_and_attack(demo)
    disclosed = {(f.key, f.la_code): f for f in broken.disclosed()}

    safe = disclosed[(("always_feels_safe", "leavers-16-25", CURRENT), SMALL_LA)]
    assert safe.pairs == {(3, 5)}
    assert len(disclosed) >= len(broken.findings) // 2


def test_whole_points_alone_would_not_protect_cells_left_in_the_pools(
    demo: DemoData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rounding is the second line: with hidden cells still pooled, whole-number percentages,
    bases, differences and intervals across the reports still pin most of them down."""
    monkeypatch.setattr(
        comparators, "is_publishable", lambda rows, sensitive: pd.Series(True, index=rows.index)
    )
    rounded = publish_and_attack(demo)

    assert len(rounded.disclosed()) >= len(rounded.findings) // 2
