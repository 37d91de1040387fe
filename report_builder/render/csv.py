"""Every table of a ``Report`` as CSV bytes, and all of them as one XLSX workbook.

Hidden values appear as their GSS marker (``[c]``) in the cell, and the notes table explains
every marker used (R-SDC-7); the values are exactly those of the HTML and PDF reports because
all three read the same disclosure-controlled model (R-SDC-8). Text cells that a spreadsheet
would run as a formula (a quote starting with ``=``) are written with a leading ``'``.

Every table's first line is its header, so CSV readers and spreadsheets find the columns; an
open round's provisional status is in each table's last column (``figures``) and in the first
note, never in a title line above the header (R-STAT-7).
"""

from __future__ import annotations

import importlib.util
import io

import pandas as pd

from report_builder.comparison.values import Classification
from report_builder.disclosure.values import Marker
from report_builder.render.untrusted_text import defuse_formula
from report_builder.report.model import Report

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark, so spreadsheet software shows Welsh letters correctly."""
CSV_LINE_END = "\r\n"
"""RFC 4180's line end. Python's csv writer quotes a cell holding any character of the line
end, so with CRLF a carriage return inside a quote is quoted too, and cannot start a new row
whose first cell a spreadsheet would run as a formula."""


FIGURES_COLUMN = "figures"
"""The last column of every spreadsheet table: ``provisional`` while the round is open, else
``final``."""


def report_tables(report: Report) -> dict[str, pd.DataFrame]:
    """The report's tables by name: indicators, comparisons, response rates, demographics,
    highlights, quotes and notes."""
    return {
        "indicators": _indicators(report),
        "comparisons": _comparisons(report),
        "response_rates": _response_rates(report),
        "demographics": _demographics(report),
        "highlights": _highlights(report),
        "quotes": pd.DataFrame({"quote": [q.text for q in report.quotes]}),
        "notes": _notes(report),
    }


def report_csv(report: Report) -> dict[str, bytes]:
    """Each table as CSV bytes, keyed by file name (``indicators.csv`` ...), header first."""
    return {
        f"{name}.csv": table.to_csv(index=False, lineterminator=CSV_LINE_END).encode(CSV_ENCODING)
        for name, table in _spreadsheet_tables(report).items()
    }


def read_report_csv(body: bytes) -> pd.DataFrame:
    """A table written by ``report_csv``, every cell as text."""
    return pd.read_csv(io.StringIO(body.decode(CSV_ENCODING)), dtype=str, keep_default_na=False)


def report_xlsx(report: Report) -> bytes | None:
    """All tables as sheets of one XLSX workbook, or None when openpyxl is not installed."""
    if importlib.util.find_spec("openpyxl") is None:
        return None
    buffer = io.BytesIO()
    start = 1 if report.is_provisional else 0
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, table in _spreadsheet_tables(report).items():
            table.to_excel(writer, sheet_name=name[:31], index=False, startrow=start)
            if report.is_provisional:
                writer.sheets[name[:31]].cell(row=1, column=1, value=report.provisional_text)
    return buffer.getvalue()


def _spreadsheet_tables(report: Report) -> dict[str, pd.DataFrame]:
    """``report_tables`` with every formula-like text cell defused (numbers stay numbers) and
    the ``figures`` column saying whether they are provisional."""
    status = "provisional" if report.is_provisional else "final"
    return {
        name: table.map(defuse_formula).assign(**{FIGURES_COLUMN: status})
        for name, table in report_tables(report).items()
    }


def _shown(value: object, marker: str = Marker.CONFIDENTIAL.value) -> object:
    """A shown value, or the marker in its place."""
    return marker if value is None else value


def _indicators(report: Report) -> pd.DataFrame:
    """One row per indicator and age band, hidden cells as [c]."""
    return pd.DataFrame(
        [
            {
                "indicator_id": r.indicator_id,
                "indicator": r.label,
                "domain": r.domain,
                "age_band": r.age_band,
                "age_band_label": r.age_band_label,
                "base": _shown(r.base),
                "numerator": _shown(r.numerator),
                "percent": _shown(r.percent),
                "ci_lower": _shown(r.ci_lower),
                "ci_upper": _shown(r.ci_upper),
                "marker": r.marker,
            }
            for r in report.results()
        ]
    )


def _comparisons(report: Report) -> pd.DataFrame:
    """One row per indicator, age band and comparison, with the wording used in the report."""
    return pd.DataFrame(
        [
            {
                "indicator_id": r.indicator_id,
                "age_band": r.age_band,
                "comparison": c.kind.value,
                "comparator": c.comparator_label,
                "comparator_percent": _shown(c.comparator_percent, ""),
                "comparator_base": _shown(c.comparator_base, ""),
                "result": c.text,
                "tier": c.tier.value if c.tier else "",
                "classification": c.classification_text,
                "difference_points": _shown(c.difference, ""),
                "interval_lower": _shown(c.interval_lower, ""),
                "interval_upper": _shown(c.interval_upper, ""),
                "p_value": _shown(c.pvalue, ""),
                "adjusted_p_value": _shown(c.adjusted_pvalue, ""),
                "method": c.method or "",
                "note": c.note,
                "caution": c.caveat,
            }
            for r in report.results()
            for c in r.comparisons
        ]
    )


def _response_rates(report: Report) -> pd.DataFrame:
    """Respondents, population and response rate per age band."""
    return pd.DataFrame(
        [
            {
                "age_band": rate.age_band,
                "age_band_label": rate.age_band_label,
                "respondents": _shown(rate.respondents),
                "population": _shown(rate.population, ""),
                "response_rate_percent": _shown(rate.rate_percent, rate.rate_text),
            }
            for rate in report.response_rates
        ]
    )


def _demographics(report: Report) -> pd.DataFrame:
    """Every demographic table stacked; a withheld table is one [c] row with its note."""
    rows: list[dict[str, str | int | None]] = []
    for table in report.demographics:
        if table.is_withheld:
            rows.append(
                {
                    "characteristic": table.title,
                    "group": Marker.CONFIDENTIAL.value,
                    "count": Marker.CONFIDENTIAL.value,
                    "percent": Marker.CONFIDENTIAL.value,
                }
            )
        rows.extend(
            {
                "characteristic": table.title,
                "group": row.label,
                "count": row.count,
                "percent": row.percent,
            }
            for row in table.rows
        )
    return pd.DataFrame(rows, columns=["characteristic", "group", "count", "percent"])


def _highlights(report: Report) -> pd.DataFrame:
    """Bright spots, areas for improvement and results worth looking into, as sentences."""
    rows = [
        {
            "classification": h.classification.value,
            "indicator_id": h.indicator_id,
            "age_band": h.age_band,
            "comparison": h.kind.value,
            "text": h.text,
        }
        for h in (*report.bright_spots, *report.areas_for_improvement)
    ]
    rows += [
        {
            "classification": Classification.WORTH_LOOKING_INTO.value,
            "indicator_id": w.indicator_id,
            "age_band": w.age_band,
            "comparison": "",
            "text": w.text,
        }
        for w in report.worth_looking_into
    ]
    return pd.DataFrame(
        rows,
        columns=["classification", "indicator_id", "age_band", "comparison", "text"],
    )


def _notes(report: Report) -> pd.DataFrame:
    """Marker notes, cohort cautions, the significance note and the methods paragraphs."""
    methods = report.methods
    cautions = [f"{c.age_band_label}: {c.text}" for c in report.cohort_caveats]
    provisional = [report.provisional_text] if report.is_provisional else []
    notes = [*provisional, *methods.marker_notes, *cautions, methods.significance_note]
    notes += methods.paragraphs
    notes += [source.text for source in methods.benchmark_sources]
    return pd.DataFrame({"note": notes})
