"""The "you said, we will" postcards: four of one age group's card to a sheet of A4, with cut
marks (ReportLab).

Each card is an A6-sized piece for a child to keep: a smiling face drawn from the
questionnaire's own face picture, large type and short lines, "you told us", "so we will" and,
after a previous round, "you said, we did". A card's words are fitted inside its own box
(shrunk when an authority writes a lot), so no text ever crosses a cut line; the marks sit in
the sheet's margin, outside every card. Like the report PDF it cannot be tagged
(docs/sources.md A15): it is a printout of the page, not a replacement for it. People's text
goes through ``escape_markup``, and Welsh prints in the shared font with ŵ and ŷ.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from flask_babel import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    FrameBreak,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.frames import Frame

from report_builder.render.fonts import sans_fonts
from report_builder.render.untrusted_text import escape_markup
from survey_app.reports.you_said import ChildAction, YouSaidPage
from survey_app.services.paper_faces import Face

LANGUAGE_TAGS = {"en": "en-GB", "cy": "cy"}
MARGIN = 10 * mm
"""Room at the sheet's edge for the cut marks (and printers that cannot print to the edge)."""
PADDING = 7 * mm
"""White space inside each card, between its words and the cut."""
MARK = 6 * mm
CARD_LINES = 3
"""Findings, actions or done actions on a card, each: the page has the rest."""
INK = HexColor("#0b0c0c")
ACCENT = HexColor("#1d70b8")


def card_boxes() -> tuple[tuple[float, float, float, float], ...]:
    """The four cards as (x, y, width, height) in points, two by two inside the margin."""
    width, height = A4
    card_w, card_h = (width - 2 * MARGIN) / 2, (height - 2 * MARGIN) / 2
    return tuple(
        (MARGIN + column * card_w, MARGIN + row * card_h, card_w, card_h)
        for row in (1, 0)
        for column in (0, 1)
    )


def cut_lines() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Where the sheet is cut: x of the vertical cuts and y of the horizontal ones (the cards'
    edges, shared between neighbours)."""
    width, height = A4
    return (MARGIN, width / 2, width - MARGIN), (MARGIN, height / 2, height - MARGIN)


def you_said_pdf(page: YouSaidPage) -> bytes:
    """Four copies of the age group's postcard on one A4 sheet, as PDF bytes."""
    buffer = io.BytesIO()
    frames = [
        Frame(x + PADDING, y + PADDING, w - 2 * PADDING, h - 2 * PADDING, 0, 0, 0, 0)
        for x, y, w, h in card_boxes()
    ]
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=_("You said, we will"),
        author="Care Voices",
        lang=LANGUAGE_TAGS.get(page.language, "en-GB"),
        pageTemplates=[PageTemplate("cards", frames=frames, onPage=_cut_marks)],
    )
    width, height = frames[0].width, frames[0].height
    story: list[Flowable] = []
    for number in range(len(frames)):
        story.append(KeepInFrame(width, height, _card(page, width), mode="shrink"))
        if number < len(frames) - 1:
            story.append(FrameBreak())
    document.build(story)
    return buffer.getvalue()


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = sans_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=15, leading=19, textColor=INK)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=18, leading=22),
        "small": ParagraphStyle("small", parent=body, fontSize=10, leading=13, spaceAfter=4),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=bold,
            fontSize=17,
            leading=21,
            textColor=ACCENT,
            spaceBefore=6,
            spaceAfter=2,
        ),
        "body": ParagraphStyle("item", parent=body, spaceAfter=3),
    }


def _card(page: YouSaidPage, width: float) -> list[Flowable]:
    """One postcard's contents, top to bottom."""
    styles = _styles()
    face = 16 * mm
    top = Table(
        [
            [
                Face("very-happy.svg", face),
                Paragraph(escape_markup(_("You said, we will")), styles["title"]),
            ]
        ],
        colWidths=[face + 3 * mm, width - face - 3 * mm],
        style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
    )
    flowables: list[Flowable] = [
        top,
        Spacer(1, 2 * mm),
        Paragraph(escape_markup(f"{page.authority}: {page.band_label}"), styles["small"]),
    ]
    if page.provisional:
        flowables.append(Paragraph(escape_markup(page.provisional), styles["small"]))
    for heading, lines in _sections(page):
        flowables.append(Paragraph(escape_markup(heading), styles["heading"]))
        flowables += [Paragraph(escape_markup(line), styles["body"]) for line in lines]
    return flowables


def _sections(page: YouSaidPage) -> list[tuple[str, tuple[str, ...]]]:
    """Headings and their short lines; empty sections are left off the card."""
    told = (*page.main_results, *page.going_well, *page.to_improve)[:CARD_LINES]
    sections = [
        (_("You said, we did"), _lines(page.done)),
        (_("You told us"), told or (page.empty_list_text,)),
        (
            _("So we will"),
            _lines(page.actions) or (_("We are still deciding. Ask us soon."),),
        ),
    ]
    return [(heading, lines) for heading, lines in sections if lines]


def _lines(actions: Sequence[ChildAction]) -> tuple[str, ...]:
    """The first actions' words, marked when a Welsh card prints them in English, and how
    many more the page has."""
    note = _("in English only")
    lines = tuple(f"{a.text} ({note})" if a.lang else a.text for a in actions[:CARD_LINES])
    more = len(actions) - CARD_LINES
    return (*lines, _("And %(count)s more: ask us.", count=more)) if more > 0 else lines


def _cut_marks(canvas: Canvas, _document: BaseDocTemplate) -> None:
    """Short lines in the margin where each cut goes, clear of every card."""
    width, height = A4
    xs, ys = cut_lines()
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor(INK)
    for x in xs:
        canvas.line(x, 0, x, MARGIN - 2 * mm)
        canvas.line(x, height - MARGIN + 2 * mm, x, height)
    for y in ys:
        canvas.line(0, y, MARGIN - 2 * mm, y)
        canvas.line(width - MARGIN + 2 * mm, y, width, y)
    canvas.restoreState()
