"""Posters and cards keep every letter inside their cut lines and carry what matches them to a
batch: read back with pdfplumber, character by character."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4

from survey_app.services.posters import (
    CARD_COLUMNS,
    CARD_ROWS,
    POSTER_MARGIN,
    Box,
    PosterText,
    PrintedCode,
    card_box,
    cards_pdf,
    poster_pdf,
)
from tests.support.pdfs import pdf_text

LONG = "Rhondda Cynon Taf County Borough Council and its Partners in Care " * 4
CODES = [PrintedCode(f"otter-maple-{n}", 100 + n) for n in range(10, 20)]
SHORT_TEXT = PosterText(
    title="Tell us how life is going",
    authority="Bro Ŵyŷ Council",
    age_group="Children in care aged 8 to 10",
    closes="The survey closes on 31 March 2027.",
    scan="Scan the QR code or type the link",
    code_label="Your code:",
    privacy="It is private: we never ask for your name.",
    batch="Batch: Virtual school",
    number="Code #%(number)s",
)
LONG_TEXT = PosterText(
    title="Dywedwch wrthym sut mae bywyd yn mynd, os gwelwch yn dda, " * 3,
    authority=LONG,
    age_group="Plant mewn gofal rhwng 8 a 10 oed · Plant mewn gofal rhwng 11 a 17 oed · " * 2,
    closes="Mae'r arolwg yn cau ar 31 Mawrth 2027, ond gallwch ofyn am fwy o amser. " * 2,
    scan="Sganiwch y cod QR neu teipiwch y ddolen yn eich porwr gwe " * 2,
    code_label="Eich cod chi, i'w deipio neu i'w ddweud wrth yr oedolyn:",
    privacy="Mae'n breifat: dydyn ni byth yn gofyn am eich enw na'ch cyfeiriad. " * 4,
    batch="Swp: " + "Ysgol rithwir blynyddoedd 9 a 10 " * 4,
    number="Cod #%(number)s",
    language="cy",
)
TEXTS = [pytest.param(SHORT_TEXT, id="short"), pytest.param(LONG_TEXT, id="long Welsh")]


def long_link(code: str) -> str:
    return f"https://care-voices.an-authority-with-a-long-name.example.gov.uk/s/{code}"


def characters(pdf: bytes) -> list[tuple[int, str, Box]]:
    """(page number, character, its box in points from the bottom left) for every letter."""
    found = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages):
            for char in page.chars:
                bottom = page.height - char["bottom"]
                box = Box(char["x0"], bottom, char["x1"] - char["x0"], char["bottom"] - char["top"])
                found.append((number, char["text"], box))
    return found


def inside(inner: Box, outer: Box) -> bool:
    return (
        inner.left >= outer.left
        and inner.right <= outer.right
        and inner.bottom >= outer.bottom
        and inner.top <= outer.top
    )


def card_of(char: Box) -> Box:
    """The cut box of the card the character starts in."""
    for index in range(CARD_COLUMNS * CARD_ROWS):
        box = card_box(index)
        if box.left <= char.left < box.right and box.bottom <= char.bottom < box.top:
            return box
    raise AssertionError(f"a character outside every card: {char}")


@pytest.mark.parametrize("text", TEXTS)
def test_no_letter_on_a_card_crosses_its_cut_line(text: PosterText) -> None:
    pdf = cards_pdf(CODES, long_link, text)

    letters = [(char, box) for _page, char, box in characters(pdf) if char.strip()]

    assert letters
    crossing = [(char, box) for char, box in letters if not inside(box, card_of(box))]
    assert not crossing


@pytest.mark.parametrize("text", TEXTS)
def test_no_letter_on_a_poster_crosses_its_margin(text: PosterText) -> None:
    width, height = A4
    margin = POSTER_MARGIN - 1  # A glyph's box may reach a hair past its advance width.
    printable = Box(margin, margin, width - 2 * margin, height - 2 * margin)

    letters = characters(poster_pdf(CODES[:2], long_link, text))

    assert letters
    assert not [(char, box) for _page, char, box in letters if not inside(box, printable)]


@pytest.mark.parametrize("make_pdf", [poster_pdf, cards_pdf])
def test_each_sheet_shows_its_code_number_batch_closing_date_and_age_group(make_pdf) -> None:
    text = pdf_text(make_pdf(CODES[:2], long_link, SHORT_TEXT))

    for printed in CODES[:2]:
        assert f"Code #{printed.number} · Batch: Virtual school" in text
        assert printed.code in text
    assert "The survey closes on 31 March 2027." in text
    assert "Children in care aged 8 to 10" in text
    assert "Bro Ŵyŷ Council" in text


def test_a_very_long_batch_label_never_hides_the_code_number() -> None:
    text = pdf_text(cards_pdf(CODES[:1], long_link, LONG_TEXT))

    assert f"Cod #{CODES[0].number} · Swp:" in text


def test_cards_fill_pages_of_eight() -> None:
    with pdfplumber.open(io.BytesIO(cards_pdf(CODES, long_link, SHORT_TEXT))) as document:
        assert len(document.pages) == 2
