"""A ``Report`` as a PDF (ReportLab Platypus): the secondary output beside the HTML report.

ReportLab cannot tag a PDF (docs/sources.md A15), so the cover and every page footer say the PDF is
not fully accessible and point to the HTML report and the data files (R-A11Y-3, A14). The
document carries its title, author, subject and language; headings are PDF bookmarks (the
outline) and feed a contents page; every chart is followed by its data table with n and the
95% interval (R-A11Y-4); pages are numbered. Welsh needs a font with ŵ and ŷ, so DejaVu Sans
is used where the system has it (Debian's fonts-dejavu-core); otherwise Helvetica.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from report_builder.comparison.values import ComparisonKind
from report_builder.render.charts import SectionChart, chart_drawing, section_charts
from report_builder.render.fonts import sans_fonts
from report_builder.render.pdf_wording import pdf_text
from report_builder.render.untrusted_text import escape_markup
from report_builder.report.model import CohortCaveat, IndicatorResult, Report

LANGUAGE_TAGS = {"en": "en-GB", "cy": "cy"}


class _Document(SimpleDocTemplate):
    """Adds each heading to the outline (bookmarks) and to the contents page."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 ReportLab's hook name
        level = getattr(flowable, "outline_level", None)
        if level is None:
            return
        title = flowable.getPlainText()
        key = f"h{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
        # The contents page parses its entries as markup: give it the title escaped again.
        self.notify("TOCEntry", (level, escape_markup(title), self.page, key))


def report_pdf(
    report: Report, *, html_url: str | None = None, data_url: str | None = None
) -> bytes:
    """The report as PDF bytes; ``html_url`` and ``data_url`` link the accessible versions."""
    words = pdf_text(report.language)
    styles = _styles()
    buffer = io.BytesIO()
    document = _Document(
        buffer,
        pagesize=A4,
        title=report.title,
        author="Care Voices",
        subject=words["subject"],
        lang=LANGUAGE_TAGS[report.language],
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
    )
    story = _story(report, styles, words, html_url=html_url, data_url=data_url)
    footer = functools.partial(
        _footer,
        words=words,
        font=styles["BodyText"].fontName,
        provisional=words["provisional_footer"] if report.is_provisional else "",
    )
    document.multiBuild(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _story(report: Report, styles, words: dict[str, str], *, html_url, data_url) -> list:
    """Every flowable in reading order."""
    story: list = _cover(report, styles, words, html_url=html_url, data_url=data_url)
    contents = TableOfContents()
    contents.levelStyles = [_level_style(styles, 0), _level_style(styles, 1)]
    story += [_paragraph(words["contents"], styles["Heading1"]), contents, PageBreak()]
    story += _highlights(report, styles, words)
    story += _respondents(report, styles, words)
    charts = section_charts(report)
    for section in report.sections:
        story.append(_heading(section.title, styles, 0))
        story += _section_charts(
            [c for c in charts if c.domain == section.domain],
            section.results,
            styles,
            words,
            report.cohort_caveats,
        )
    story += _quotes(report, styles, words)
    story += _methods(report, styles, words)
    return story


def _cover(report: Report, styles, words, *, html_url, data_url) -> list:
    """Title page with the accessibility note and links to the HTML report and data."""
    links = [_link_markup(url) for url in (html_url, data_url) if url]
    return [
        Spacer(1, 40 * mm),
        _paragraph(report.title, styles["Title"]),
        _paragraph(f"{report.la_name} ({report.la_code})", styles["Heading2"]),
        _paragraph(f"{words['generated']}: {report.generated_on_text}", styles["BodyText"]),
        *(
            [_paragraph(report.provisional_text, styles["Heading2"])]
            if report.is_provisional
            else []
        ),
        Spacer(1, 10 * mm),
        Paragraph(" ".join([escape_markup(words["not_accessible"]), *links]), styles["BodyText"]),
        PageBreak(),
    ]


def _highlights(report: Report, styles, words) -> list:
    """Bright spots, areas for improvement, results worth looking into and the cautions on
    who took part, as bulleted sentences."""
    story = [_heading(words["summary"], styles, 0)]
    lists = [
        (words["bright_spots"], [h.text for h in report.bright_spots]),
        (words["areas"], [h.text for h in report.areas_for_improvement]),
        (words["worth_looking_into"], [w.text for w in report.worth_looking_into]),
    ]
    if report.cohort_caveats:
        cautions = [f"{c.age_band_label}: {c.text}" for c in report.cohort_caveats]
        lists.append((words["caution"], cautions))
    for title, texts in lists:
        story.append(_heading(title, styles, 1))
        story += [
            _paragraph(text, styles["BodyText"], bulletText="•")
            for text in texts or [words["none"]]
        ]
    story.append(_paragraph(report.methods.significance_note, styles["Italic"]))
    return story


def _respondents(report: Report, styles, words) -> list:
    """Response rates and demographic tables, each a real table with a header row."""
    story = [_heading(words["who_took_part"], styles, 0)]
    story.append(
        _paragraph(f"{words['respondents']}: {report.respondents_text}", styles["BodyText"])
    )
    rows = [[words["age_band"], words["respondents"], words["population"], words["rate"]]]
    rows += [
        [r.age_band_label, r.respondents_text, r.population_text, r.rate_text]
        for r in report.response_rates
    ]
    story.append(_table(rows, styles))
    for table in report.demographics:
        story.append(_heading(table.title, styles, 1))
        if table.is_withheld:
            story.append(_paragraph(table.note, styles["BodyText"]))
            continue
        body = [[words["group"], words["count"], words["percent"]]]
        body += [[row.label, row.count_text, row.percent_text] for row in table.rows]
        story.append(_table(body, styles))
    return story


def _section_charts(
    charts: Sequence[SectionChart], results, styles, words, caveats: Sequence[CohortCaveat]
) -> list:
    """Each age band's chart, its cohort caveats, then its data table."""
    story = []
    for chart in charts:
        band_results = [r for r in results if r.age_band == chart.age_band]
        story.append(_paragraph(chart.layout.title, styles["Heading3"]))
        story += [
            _paragraph(c.text, styles["Italic"]) for c in caveats if c.age_band == chart.age_band
        ]
        story.append(KeepTogether([chart_drawing(chart.layout)]))
        story.append(
            _table(
                _data_rows(band_results, words),
                styles,
                widths=(62 * mm, 16 * mm, 26 * mm, 16 * mm, 54 * mm),
            )
        )
        story.append(Spacer(1, 4 * mm))
    return story


def _data_rows(results: Sequence[IndicatorResult], words) -> list[list[str]]:
    """The chart's data: indicator, %, interval, n and each comparison's wording."""
    rows = [[words["indicator"], words["percent"], words["interval"], "n", words["comparisons"]]]
    for result in results:
        compared = "; ".join(
            f"{c.comparator_label}: {c.text}"
            + (f" ({c.comparator_text})" if c.comparator_text else "")
            for c in result.comparisons
            if c.kind is not ComparisonKind.NATIONAL or c.status.value != "no_benchmark"
        )
        percent = f"{result.percent_text} {result.marker}".strip()
        rows.append([result.label, percent, result.ci_text, result.base_text, compared])
    return rows


def _quotes(report: Report, styles, words) -> list:
    """Approved quotes, without any demographic tag (R-SDC-6 d)."""
    if not report.quotes:
        return []
    story = [_heading(words["quotes"], styles, 0)]
    return story + [_paragraph(f"“{quote.text}”", styles["BodyText"]) for quote in report.quotes]


def _methods(report: Report, styles, words) -> list:
    """The methods note, marker notes and benchmark sources."""
    methods = report.methods
    story = [_heading(words["methods"], styles, 0)]
    story += [_paragraph(text, styles["BodyText"]) for text in methods.paragraphs]
    story.append(_paragraph(methods.significance_note, styles["BodyText"]))
    story += [_paragraph(text, styles["BodyText"]) for text in methods.marker_notes]
    if methods.benchmark_sources:
        story.append(_heading(words["sources"], styles, 1))
        story += [
            _paragraph(source.text, styles["BodyText"], bulletText="•")
            for source in methods.benchmark_sources
        ]
    return story


def _link_markup(url: str) -> str:
    """Our own link markup around ``url``, which is escaped like any other text."""
    shown = escape_markup(url)
    return f'<a href="{shown}" color="blue">{shown}</a>'


def _paragraph(text: str, style: ParagraphStyle, **options) -> Paragraph:
    """A paragraph that prints ``text`` exactly: every piece of text in the report (quotes,
    names, labels, wording) goes through here, so none of it is read as ReportLab markup."""
    return Paragraph(escape_markup(text), style, **options)


def _heading(text: str, styles, level: int) -> Paragraph:
    """A heading that ``_Document.afterFlowable`` bookmarks and lists in the contents."""
    heading = _paragraph(text, styles["Heading1" if level == 0 else "Heading2"])
    heading.outline_level = level
    return heading


def _table(rows: list[list[str]], styles, widths=None) -> Table:
    """A table whose first row is a repeated header, cells wrapped as paragraphs."""
    cell = styles["Cell"]
    wrapped = [[_paragraph(str(value), cell) for value in row] for row in rows]
    table = Table(wrapped, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F3F2F1")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#B1B4B6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _footer(canvas, document, *, words, font: str, provisional: str) -> None:
    """Page number, the accessibility reminder and, for an open round, the provisional
    warning on every page (R-STAT-7)."""
    canvas.saveState()
    canvas.setFont(font, 8)
    canvas.drawString(18 * mm, 10 * mm, words["footer"])
    if provisional:
        canvas.drawString(18 * mm, 14 * mm, provisional)
    canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"{words['page']} {document.page}")
    canvas.restoreState()


def _level_style(styles, level: int) -> ParagraphStyle:
    """Contents entry style for one heading level."""
    return ParagraphStyle(f"TOC{level}", parent=styles["BodyText"], leftIndent=10 * mm * level)


def _styles():
    """The sample stylesheet switched to the report fonts, plus a compact table-cell style."""
    regular, bold = sans_fonts()
    styles = getSampleStyleSheet()
    for name in ("BodyText", "Italic", "Title", "Heading1", "Heading2", "Heading3"):
        styles[name].fontName = bold if name.startswith(("Title", "Heading")) else regular
    styles.add(ParagraphStyle("Cell", parent=styles["BodyText"], fontSize=8, leading=10))
    return styles
