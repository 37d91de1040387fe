"""Printable posters and cards for access codes: a QR code (segno), the short link and the code.

The QR code is drawn as vector squares straight from segno's matrix, so it prints sharply at
any size with no image files. The PDFs carry a title and language in their metadata. Nothing on
them identifies a child: a code belongs to a batch, such as a team or a school.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from report_builder.render.fonts import sans_fonts

CARD_COLUMNS, CARD_ROWS = 2, 4
MARGIN = 15 * mm


@dataclass(frozen=True)
class PosterText:
    """The words on a poster or card, already in the officer's interface language."""

    title: str
    round_name: str
    scan: str
    code_label: str
    privacy: str
    language: str = "en"


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
    canvas.setTitle(f"{text.title}: {text.round_name}")
    canvas.setAuthor("Care Voices")
    return canvas


def poster_pdf(codes: list[str], link_for: Callable[[str], str], text: PosterText) -> bytes:
    """One A4 poster per code: title, big QR code, short link, the code and a privacy line."""
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, text)
    width, height = A4
    regular, bold = sans_fonts()
    for code in codes:
        link = link_for(code)
        canvas.setFont(bold, 32)
        canvas.drawCentredString(width / 2, height - 40 * mm, text.title)
        canvas.setFont(regular, 16)
        canvas.drawCentredString(width / 2, height - 52 * mm, text.round_name)
        _draw_qr(canvas, link, (width - 120 * mm) / 2, height - 185 * mm, 120 * mm)
        canvas.setFont(regular, 16)
        canvas.drawCentredString(width / 2, 95 * mm, text.scan)
        canvas.setFont(bold, 18)
        canvas.drawCentredString(width / 2, 83 * mm, link)
        canvas.setFont(regular, 16)
        canvas.drawCentredString(width / 2, 65 * mm, f"{text.code_label} {code}")
        canvas.setFont(regular, 12)
        canvas.drawCentredString(width / 2, 45 * mm, text.privacy)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def cards_pdf(codes: list[str], link_for: Callable[[str], str], text: PosterText) -> bytes:
    """Cards, ``CARD_COLUMNS`` x ``CARD_ROWS`` to an A4 page, each with QR code, link and code."""
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, text)
    per_page = CARD_COLUMNS * CARD_ROWS
    for start in range(0, len(codes), per_page):
        for index, code in enumerate(codes[start : start + per_page]):
            _draw_card(canvas, code, link_for(code), text, index)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_card(canvas: Canvas, code: str, link: str, text: PosterText, index: int) -> None:
    width, height = A4
    regular, bold = sans_fonts()
    card_w = (width - 2 * MARGIN) / CARD_COLUMNS
    card_h = (height - 2 * MARGIN) / CARD_ROWS
    left = MARGIN + (index % CARD_COLUMNS) * card_w
    bottom = height - MARGIN - (index // CARD_COLUMNS + 1) * card_h
    canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
    canvas.setDash(3, 3)
    canvas.rect(left, bottom, card_w, card_h, stroke=1, fill=0)
    canvas.setDash()
    qr_size = min(card_h - 25 * mm, card_w * 0.45)
    _draw_qr(canvas, link, left + 3 * mm, bottom + 18 * mm, qr_size)
    text_x = left + qr_size + 6 * mm
    canvas.setFont(bold, 10)
    canvas.drawString(text_x, bottom + card_h - 15 * mm, text.title)
    canvas.setFont(regular, 9)
    canvas.drawString(text_x, bottom + card_h - 22 * mm, text.scan)
    canvas.setFont(bold, 10)
    canvas.drawString(text_x, bottom + card_h - 32 * mm, f"{text.code_label} {code}")
    canvas.setFont(regular, 8)
    canvas.drawString(left + 5 * mm, bottom + 8 * mm, link)
