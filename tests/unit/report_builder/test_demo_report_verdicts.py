"""Every comparison of every demo report is worded in its tier, and every fall in taking part
is flagged (R-STAT-6, R-STAT-7).

The demo round set is built in-process exactly as ``flask demo seed`` draws it (four
authorities, two rounds each, ``demo_reports.DESIGN`` and ``SEED``), compared as the app
compares it: other areas are the other authorities' closed rounds, the demo authority's current
round is open (so provisional), and the authorities keep the default minimum response rate.
Every output is read: the comparisons, highlights and notes CSVs and the page's HTML body (the
PDF, printed from that HTML, is read in integration/reports/test_report_pdf.py).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

import openpyxl
import pytest

from demo_data.synthetic import la_codes, round_id, synthetic_populations, synthetic_responses
from questionnaires import load_catalogue
from report_builder.comparison.national_benchmarks import load_benchmarks
from report_builder.indicators.counts import indicator_counts
from report_builder.inputs import columns as col
from report_builder.render.csv import CSV_ENCODING, read_report_csv, report_csv, report_xlsx
from report_builder.report.build import build_report
from report_builder.report.model import Report, ResponseRate
from survey_app.models.authority import LocalAuthority
from survey_app.services.demo_reports import DESIGN, SEED

# Slow: the demo round set's reports are built first: not in `make test-fast`.
pytestmark = pytest.mark.slow

PREVIOUS, CURRENT = DESIGN.periods
OPEN_ROUND = round_id(la_codes(DESIGN)[0], CURRENT)
MINIMUM = LocalAuthority.minimum_response_rate.default.arg
NO_DIFFERENCE = re.compile(
    r"similar|no clear (difference|change)|debyg|dim (gwahaniaeth|newid) clir"
)


@dataclass(frozen=True)
class Built:
    """One demo report, with the previous round's response rates it was compared with."""

    report: Report
    previous_rates: tuple[ResponseRate, ...]


def _build(data, la: str, period: str, language: str) -> Report:
    previous = round_id(la, PREVIOUS) if period == CURRENT else None
    this = round_id(la, period)
    others = {round_id(o, period) for o in la_codes(DESIGN) if o != la} - {OPEN_ROUND}
    rounds = {this, previous, *others} - {None}
    responses, catalogue, counts, populations = data
    return build_report(
        responses.loc[responses[col.ROUND_ID].isin(rounds)],
        catalogue,
        load_benchmarks(),
        la_code=la,
        round_id=this,
        previous_round_id=previous,
        denominators=populations[this],
        previous_denominators=populations[previous] if previous else None,
        minimum_response_rate=MINIMUM,
        is_provisional=this == OPEN_ROUND,
        counts=counts.loc[counts[col.ROUND_ID].isin(rounds)],
        language=language,
        generated_on=date(2026, 3, 2),
    )


@pytest.fixture(scope="module")
def demo_reports() -> list[Built]:
    catalogue = load_catalogue()
    responses = synthetic_responses(catalogue, DESIGN, seed=SEED)
    data = (responses, catalogue, indicator_counts(responses, catalogue))
    data += (synthetic_populations(responses, seed=SEED),)
    built = []
    for la in la_codes(DESIGN):
        for language in ("en", "cy"):
            previous = _build(data, la, PREVIOUS, language)
            current = _build(data, la, CURRENT, language)
            built += [Built(previous, ()), Built(current, previous.response_rates)]
    return built


def test_no_output_calls_a_difference_whose_interval_leaves_out_zero_no_clear(demo_reports):
    """Acceptance: never "similar" or "no clear difference/change" beside an interval that
    leaves out no difference, in the model or in any CSV row."""
    checked = 0
    for built in demo_reports:
        for result in built.report.results():
            for c in result.comparisons:
                excludes = _excludes_no_difference(c)
                checked += excludes
                assert not (excludes and NO_DIFFERENCE.search(c.text)), c.text
        rows = read_report_csv(report_csv(built.report)["comparisons.csv"])
        for row in rows.to_dict("records"):
            assert not (
                row["tier"] in ("clear", "possible") and NO_DIFFERENCE.search(row["result"])
            )
            assert "similar" not in row["result"]
    assert checked > 100


def _excludes_no_difference(comparison) -> bool:
    """True when the interval shown clearly leaves out "no difference": 0 for a difference,
    else the comparator's own figure (a fixed comparator's interval is this area's Wilson
    interval). Half a point of margin allows for figures published in whole points."""
    if comparison.interval_lower is None or comparison.comparator_percent is None:
        return False
    null = 0.0 if comparison.difference is not None else comparison.comparator_percent
    return comparison.interval_lower > null + 0.5 or comparison.interval_upper < null - 0.5


def test_every_band_whose_taking_part_fell_carries_the_caveat(demo_reports):
    """R-STAT-7: rate down more than 10 points, below the minimum, or a third fewer."""
    flagged = 0
    for built in demo_reports:
        if not built.previous_rates:
            continue
        before = {rate.age_band: rate for rate in built.previous_rates}
        caveats = {c.age_band for c in built.report.cohort_caveats if c.on_changes}
        for now in built.report.response_rates:
            if _fell(now, before[now.age_band]):
                flagged += 1
                assert now.age_band in caveats, (built.report.title, now.age_band)
                changes = [
                    c
                    for r in built.report.results()
                    if r.age_band == now.age_band
                    for c in r.comparisons
                    if c.kind.value == "previous_round"
                ]
                assert all(c.caveat for c in changes)
    assert flagged >= 3


def _fell(now: ResponseRate, before: ResponseRate) -> bool:
    rates = (now.rate_percent, before.rate_percent)
    counts = (now.respondents, before.respondents)
    if None in counts:
        return True
    return (
        (None not in rates and before.rate_percent - now.rate_percent > 10)
        or any(r is not None and r < MINIMUM for r in rates)
        or 3 * now.respondents < 2 * before.respondents
    )


def test_the_summary_lists_each_caveat_beside_its_band(demo_reports):
    for built in demo_reports:
        notes = read_report_csv(report_csv(built.report)["notes.csv"])["note"].tolist()
        for caveat in built.report.cohort_caveats:
            assert f"{caveat.age_band_label}: {caveat.text}" in notes


def test_every_csv_file_starts_with_its_header_and_says_in_a_column_if_provisional(
    demo_reports,
):
    """A title line above the header broke CSV readers; the status is a column instead."""
    for built in demo_reports:
        status = "provisional" if built.report.is_provisional else "final"
        for body in report_csv(built.report).values():
            header = next(csv.reader(io.StringIO(body.decode(CSV_ENCODING))))
            table = read_report_csv(body)
            assert header == list(table.columns)
            assert header[-1] == "figures"
            assert set(table["figures"]) <= {status}


def test_an_open_rounds_notes_start_with_the_provisional_warning(demo_reports):
    open_report = next(b.report for b in demo_reports if b.report.is_provisional)
    notes = read_report_csv(report_csv(open_report)["notes.csv"])["note"].tolist()

    assert notes[0].startswith("Provisional figures: this round is still open")


def test_an_open_rounds_workbook_says_provisional_above_every_sheet(demo_reports):
    open_report = next(b.report for b in demo_reports if b.report.is_provisional)
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(open_report)))

    assert all(sheet["A1"].value == open_report.provisional_text for sheet in book)
