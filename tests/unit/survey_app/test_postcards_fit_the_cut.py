""" "You said, we will" postcards: four cards to an A4 sheet, every letter inside its own card
and clear of the cut lines, read back with pdfplumber character by character."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4

from survey_app.reports.you_said import ChildAction, YouSaidPage
from survey_app.reports.you_said_pdf import PADDING, card_boxes, cut_lines, you_said_pdf
from tests.support.pdfs import pdf_text

SHORT = YouSaidPage(
    authority="Bro Ŵyŷ Council",
    band="cic-4-7",
    band_label="Ages 4 to 7",
    round_label="Spring 2027",
    language="en",
    going_well=("About 8 in 10 of you said you like your bedroom.",),
    to_improve=("About 3 in 10 of you said you do not have a good friend.",),
    actions=(ChildAction("You told us what matters to you.", "We will plan more days out."),),
    young=True,
    done=(ChildAction("Last time ...", "Every child chose things for their bedroom."),),
)
WORDY = "Byddwn ni'n gweithio gyda'ch ysgol a'ch gofalwyr i wneud yn siŵr bod hyn yn digwydd. "
LONG = YouSaidPage(
    authority="Rhondda Cynon Taf County Borough Council and its Partners in Care " * 2,
    band="cic-11-17",
    band_label="Oed 11 i 17",
    round_label="Gwanwyn 2027",
    language="cy",
    going_well=tuple(f"Dywedodd tua {n} o bob 10 ohonoch chi {WORDY}" for n in range(5, 10)),
    to_improve=(),
    actions=tuple(ChildAction("...", (WORDY * 4)[:300], "en") for _ in range(6)),
    provisional="Ffigurau dros dro: mae'r rownd hon yn dal ar agor.",
    done=tuple(ChildAction("...", (WORDY * 3)[:200]) for _ in range(6)),
)
PAGES = [pytest.param(SHORT, id="short"), pytest.param(LONG, id="six long Welsh actions")]


def character_boxes(pdf: bytes) -> list[tuple[str, float, float, float, float]]:
    """(character, x0, y0, x1, y1) in points from the bottom left, for every printed letter."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        [page] = document.pages
        height = float(page.height)
        return [
            (c["text"], c["x0"], height - c["bottom"], c["x1"], height - c["top"])
            for c in page.chars
            if c["text"].strip()
        ]


@pytest.mark.parametrize("page", PAGES)
def test_no_letter_crosses_a_cut_line(page: YouSaidPage) -> None:
    xs, ys = cut_lines()

    boxes = character_boxes(you_said_pdf(page))

    assert boxes
    for text, x0, y0, x1, y1 in boxes:
        assert not any(x0 < x < x1 for x in xs), (text, x0, x1)
        assert not any(y0 < y < y1 for y in ys), (text, y0, y1)


@pytest.mark.parametrize("page", PAGES)
def test_every_letter_sits_inside_a_card_with_white_space_to_its_edge(page: YouSaidPage) -> None:
    inside = [
        (x + PADDING - 1, y + PADDING - 1, x + w - PADDING + 1, y + h - PADDING + 1)
        for x, y, w, h in card_boxes()
    ]

    for text, x0, y0, x1, y1 in character_boxes(you_said_pdf(page)):
        assert any(
            left <= x0 and x1 <= right and bottom <= y0 and y1 <= top
            for left, bottom, right, top in inside
        ), (text, x0, y0)


def test_four_cards_tile_the_sheet_inside_its_margin() -> None:
    boxes = card_boxes()
    width, height = A4

    assert len(boxes) == 4
    assert sum(w * h for _x, _y, w, h in boxes) == pytest.approx(
        (width - 2 * boxes[2][0]) * (height - 2 * boxes[2][1])
    )


def test_each_card_carries_the_actions_and_what_was_done() -> None:
    text = pdf_text(you_said_pdf(SHORT))

    assert text.count("We will plan more days out.") == 4
    assert text.count("Every child chose things for their bedroom.") == 4
    assert text.count("You said, we did") == 4
    assert text.count("Bro Ŵyŷ Council: Ages 4 to 7") == 4
