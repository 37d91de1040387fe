"""Posters and cards print Welsh letters, not black boxes (Helvetica stops at Latin-1)."""

from __future__ import annotations

import pytest

from survey_app.services.posters import PosterText, PrintedCode, cards_pdf, poster_pdf
from tests.support.pdfs import pdf_text

WELSH = PosterText(
    title="Bywyd yn eich tŷ",
    authority="Cyngor Bro Ŵyŷ",
    age_group="Plant mewn gofal rhwng 8 a 10 oed",
    closes="Mae'r arolwg yn cau ar 31 Mawrth 2027.",
    scan="Sganiwch y cod neu ewch i",
    code_label="Cod:",
    privacy="Does neb yn gwybod pwy ŷch chi",
    batch="Swp: Tŷ Ŵyn",
    number="Cod #%(number)s",
    language="cy",
)


@pytest.mark.parametrize("make_pdf", [poster_pdf, cards_pdf])
def test_welsh_circumflexes_print_on_posters_and_cards(make_pdf) -> None:
    pdf = make_pdf(
        [PrintedCode("ABCD-EFGH", 7)], lambda code: f"https://example.test/s/{code}", WELSH
    )

    text = pdf_text(pdf)

    assert "Bywyd yn eich tŷ" in text
