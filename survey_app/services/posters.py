"""Printable posters and cards for access codes: a QR code (segno), the short link and the code.

Each sheet says who it is from (the local authority's name: there is no logo on record, so the
name stands in its place), who it is for (the age group), when the survey closes, and, in small
print, the batch label and the code's number ("code #42", as on the codes page), so a poster
found in the wrong place can be matched to its batch and that one code revoked. The words are
given in one language per download, English or Welsh (``PosterText``).

Every piece of text is fitted to its box as it is laid out (``print_fit``), so nothing crosses a
card's cut line or a poster's margin. The QR code is drawn as vector squares straight from
segno's matrix, so it prints sharply at any size with no image files. Nothing on a sheet
identifies a child: a code belongs to a batch, such as a team or a school.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import segno
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from report_builder.render.fonts import sans_fonts
from survey_app.services.print_fit import Spec, draw, fit

CARD_COLUMNS, CARD_ROWS = 2, 4
CARD_MARGIN = 8 * mm
CARD_PADDING = 4 * mm
POSTER_MARGIN = 15 * mm
BLUE = HexColor("#1d70b8")
GREY = HexColor("#505a5f")
BLACK = HexColor("#0b0c0c")
QR_GAP = 8.0
POSTER_QR = 110 * mm


@dataclass(frozen=True)
class PrintedCode:
    """A clear code and its number on the codes page (its row id)."""

    code: str
    number: int


@dataclass(frozen=True)
class PosterText:
    """The words on a poster or card, already in the sheet's language.

    ``number`` is a template taking ``%(number)s`` ("Code #%(number)s").
    """

    title: str
    authority: str
    age_group: str
    closes: str
    scan: str
    code_label: str
    privacy: str
    batch: str
    number: str
    language: str = "en"

    def small_print(self, code: PrintedCode) -> str:
        """The code's number and the batch label, to match a lost sheet to its code. The
        number comes first, so a long label cut short never hides it."""
        return f"{self.number % {'number': code.number}} · {self.batch}"


Link = Callable[[str], str]


def _draw_qr(canvas: Canvas, link: str, x: float, y: float, size: float) -> None:
    """Draw the QR code for ``link`` with its bottom-left corner at (x, y), ``size`` wide."""
    qr = segno.make(link, error="m")
    matrix = [list(row) for row in qr.matrix]
    quiet = 4
    cells = len(matrix) + 2 * quiet
    cell = size / cells
    canvas.setFillColorRGB(0, 0, 0)
    for row_number, row in enumerate(matrix):
        for column, dark in enumerate(row):
            if dark:
                left = x + (column + quiet) * cell
                bottom = y + size - (row_number + quiet + 1) * cell
                canvas.rect(left, bottom, cell, cell, stroke=0, fill=1)


def _new_canvas(buffer: io.BytesIO, text: PosterText) -> Canvas:
    canvas = Canvas(buffer, pagesize=A4, invariant=True, lang=text.language)
    canvas.setTitle(f"{text.title}: {text.authority}")
    canvas.setAuthor("Care Voices")
    return canvas


def poster_pdf(codes: list[PrintedCode], link_for: Link, text: PosterText) -> bytes:
    """One A4 poster per code: who it is from and for, a big QR code, the link, the code, the
    closing date, a privacy line and the small print."""
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, text)
    for code in codes:
        _draw_poster(canvas, code, link_for(code.code), text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_poster(canvas: Canvas, code: PrintedCode, link: str, text: PosterText) -> None:
    """Blocks fitted to the width, then stacked and centred in the space above the small
    print, with the QR code in the middle."""
    regular, bold = sans_fonts()
    page_width, page_height = A4
    width = page_width - 2 * POSTER_MARGIN
    centre = page_width / 2
    small = fit(text.small_print(code), width, Spec(regular, 9, 7, 2))
    above = [
        (fit(text.authority, width, Spec(bold, 18, 11, 2)), 0.0, BLUE),
        (fit(text.title, width, Spec(bold, 34, 18, 2)), 8.0, BLACK),
        (fit(text.age_group, width, Spec(regular, 18, 11, 2)), 4.0, BLACK),
    ]
    below = [
        (fit(text.scan, width, Spec(regular, 15, 10, 2)), 0.0, BLACK),
        (fit(link, width, Spec(bold, 15, 9, 2)), 0.0, BLACK),
        (fit(f"{text.code_label} {code.code}", width, Spec(bold, 26, 14, 2)), 10.0, BLACK),
        (fit(text.closes, width, Spec(regular, 15, 10, 2)), 10.0, BLACK),
        (fit(text.privacy, width, Spec(regular, 12, 8, 3)), 8.0, BLACK),
    ]
    used = sum(fitted.height + gap for fitted, gap, _ in above + below) + 2 * QR_GAP
    room = page_height - 2 * POSTER_MARGIN - small.height - used - 12
    qr_size = min(POSTER_QR, room)
    top = page_height - POSTER_MARGIN - (room - qr_size) / 3
    for fitted, gap, colour in above:
        canvas.setFillColor(colour)
        top = draw(canvas, fitted, centre, top - gap, centred=True)
    _draw_qr(canvas, link, centre - qr_size / 2, top - QR_GAP - qr_size, qr_size)
    top -= 2 * QR_GAP + qr_size
    for fitted, gap, colour in below:
        canvas.setFillColor(colour)
        top = draw(canvas, fitted, centre, top - gap, centred=True)
    canvas.setFillColor(GREY)
    draw(canvas, small, centre, POSTER_MARGIN + small.height, centred=True)


def cards_pdf(codes: list[PrintedCode], link_for: Link, text: PosterText) -> bytes:
    """Cards, ``CARD_COLUMNS`` x ``CARD_ROWS`` to an A4 page, each inside its dashed cut box."""
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, text)
    per_page = CARD_COLUMNS * CARD_ROWS
    for start in range(0, len(codes), per_page):
        for index, code in enumerate(codes[start : start + per_page]):
            _draw_card(canvas, code, link_for(code.code), text, card_box(index))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class Box:
    """A rectangle on the page, in points from the bottom-left corner."""

    left: float
    bottom: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.bottom + self.height

    @property
    def right(self) -> float:
        return self.left + self.width


def card_box(index: int) -> Box:
    """The cut box of the ``index``-th card on a page, filling rows left to right."""
    page_width, page_height = A4
    width = (page_width - 2 * CARD_MARGIN) / CARD_COLUMNS
    height = (page_height - 2 * CARD_MARGIN) / CARD_ROWS
    row, column = divmod(index % (CARD_COLUMNS * CARD_ROWS), CARD_COLUMNS)
    left = CARD_MARGIN + column * width
    return Box(left, page_height - CARD_MARGIN - (row + 1) * height, width, height)


def _draw_card(canvas: Canvas, code: PrintedCode, link: str, text: PosterText, box: Box) -> None:
    """QR code top left; from, title, for, closing date and code beside it; the link, privacy
    line and small print under them. Everything stays ``CARD_PADDING`` inside the cut box."""
    regular, bold = sans_fonts()
    canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
    canvas.setDash(3, 3)
    canvas.rect(box.left, box.bottom, box.width, box.height, stroke=1, fill=0)
    canvas.setDash()
    inner = Box(
        box.left + CARD_PADDING,
        box.bottom + CARD_PADDING,
        box.width - 2 * CARD_PADDING,
        box.height - 2 * CARD_PADDING,
    )
    qr_size = 30 * mm
    _draw_qr(canvas, link, inner.left, inner.top - qr_size, qr_size)
    column_left = inner.left + qr_size + 3 * mm
    column = inner.right - column_left
    canvas.setFillColor(BLUE)
    top = draw(canvas, fit(text.authority, column, Spec(bold, 7.5, 6, 2)), column_left, inner.top)
    canvas.setFillColorRGB(0, 0, 0)
    top = draw(canvas, fit(text.title, column, Spec(bold, 10, 7, 2)), column_left, top - 2.5)
    top = draw(canvas, fit(text.age_group, column, Spec(regular, 7, 6, 2)), column_left, top - 2.5)
    top = draw(canvas, fit(text.closes, column, Spec(regular, 7, 6, 1)), column_left, top - 2.5)
    code_line = f"{text.code_label} {code.code}"
    top = draw(canvas, fit(code_line, column, Spec(bold, 10, 7, 2)), column_left, top - 2.5)
    top = min(top, inner.top - qr_size) - 3
    top = draw(canvas, fit(text.scan, inner.width, Spec(regular, 7, 6, 1)), inner.left, top)
    top = draw(canvas, fit(link, inner.width, Spec(bold, 7.5, 5.5, 2)), inner.left, top - 1.5)
    draw(canvas, fit(text.privacy, inner.width, Spec(regular, 6.5, 5.5, 3)), inner.left, top - 2.5)
    small = fit(text.small_print(code), inner.width, Spec(regular, 6, 5, 1))
    canvas.setFillColor(GREY)
    draw(canvas, small, inner.left, inner.bottom + small.height)
    canvas.setFillColorRGB(0, 0, 0)
