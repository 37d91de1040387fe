"""The "you said, we will" page as a one-page printable PDF (ReportLab).

Like the report PDF, it cannot be tagged (docs/sources.md A15), so it is a printout of the page,
not a replacement for it. Welsh needs a font with ŵ and ŷ: DejaVu Sans where the system has
it (Debian's fonts-dejavu-core), else Helvetica.
"""

from __future__ import annotations

import io

from flask_babel import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from report_builder.render.fonts import sans_fonts
from report_builder.render.untrusted_text import escape_markup
from survey_app.reports.you_said import YouSaidPage

LANGUAGE_TAGS = {"en": "en-GB", "cy": "cy"}


def you_said_pdf(page: YouSaidPage) -> bytes:
    """The page as PDF bytes: large type, three short lists, one sheet of A4."""
    regular, bold = sans_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=15, leading=20, spaceAfter=6)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=20, leading=26)
    title = ParagraphStyle("title", parent=heading, fontSize=30, leading=36, spaceAfter=12)
    story = [
        Paragraph(escape_markup(_("You said, we will")), title),
        Paragraph(escape_markup(f"{page.authority}: {page.band_label}, {page.round_label}"), body),
        *([Paragraph(escape_markup(page.provisional), heading)] if page.provisional else []),
        Spacer(1, 6 * mm),
    ]
    for text, items in _sections(page):
        story += [Paragraph(escape_markup(text), heading), _bullets(items, body), Spacer(1, 4 * mm)]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=_("You said, we will"),
        author="Care Voices",
        lang=LANGUAGE_TAGS.get(page.language, "en-GB"),
        leftMargin=20 * mm,
        rightMargin=20 * mm,
    )
    document.build(story)
    return buffer.getvalue()


def _sections(page: YouSaidPage) -> list[tuple[str, tuple[str, ...]]]:
    nothing = (page.empty_list_text,)
    told = [(_("What you told us"), page.main_results)] if page.main_results else []
    return [
        *told,
        (_("Things that are going well"), page.going_well or nothing),
        (_("Things that need to get better"), page.to_improve or nothing),
        (_("What we will do"), page.actions or (_("We are still deciding. Ask us soon."),)),
    ]


def _bullets(items: tuple[str, ...], style: ParagraphStyle) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(escape_markup(item), style)) for item in items],
        bulletType="bullet",
        bulletFontName=style.fontName,
    )
